package fulltext

import (
	"slices"
	"strings"
	"testing"
)

// A term of ideographs is found in a text as in its normalized form,
// without normalizing it; other terms through the normalized text.
func TestTermSetFindsHanTermsWithoutNormalizing(t *testing.T) {
	for _, c := range []struct {
		text, term string
		want       bool
	}{
		{"２０１９年，拖欠工资", "拖欠工资", true},
		{"２０１９年，拖欠工资", "2019年", true},
		{"ＡＢＣ公司拖欠", "abc公司", true},
		{"拖欠 工资", "拖欠工资", false},
		{"宅基地，", "基地,", true},
		{"宅基地", "宅基地", true},
		{"宅基", "宅基地", false},
	} {
		ts := NewTerms([]string{Norm(c.term)})
		ts.see(c.text)
		if got := ts.left == 0; got != c.want || got != strings.Contains(Norm(c.text), Norm(c.term)) {
			t.Errorf("%q in %q: %v, want %v", c.term, c.text, got, c.want)
		}
	}
}

func TestHanBigramsSkipFunctionCharacters(t *testing.T) {
	got := hanBigrams("要求支付拖欠的工资 ABC 12", 100)
	if !slices.Equal(got, []string{"支付", "付拖", "拖欠", "工资"}) {
		t.Errorf("%q", got)
	}
}

// Issue 12: a wage-arrears visit was "similar" to a land-compensation case
// by 「5年」, a piece of 2025年. Pairs cut from numbers and dates are no terms.
func TestHanBigramsLeaveOutPiecesOfDates(t *testing.T) {
	got := hanBigrams("2025年5月，拖欠工资，十一月三日", 100)
	if !slices.Equal(got, []string{"拖欠", "欠工", "工资"}) {
		t.Errorf("%q", got)
	}
}
