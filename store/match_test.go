package store

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestScanTextsReadsTheSearchableFieldsOnly(t *testing.T) {
	ev := Event{V: 1, Kind: EventRecord, At: 17, Text: `备注 "引号" <b>&amp;`,
		Visit:  &Visit{Place: "接待大厅", Channel: "走访", People: []uint64{1, 2}},
		Record: &Record{Statement: "陈述\n第二行：ＡＢＣ工资", QA: "问答\\反斜杠", RiskNotes: "不可检索的风险"}}
	js, err := json.Marshal(&ev)
	if err != nil {
		t.Fatal(err)
	}
	for term, want := range map[string]bool{`"引号"`: true, "<b>&amp;": true, "abc工资": true, "问答\\反": true,
		"第二行": true, "风险": false, "接待大厅": false, "走访": false, "record": false} {
		ts := newTermSet([]string{term})
		if err := scanTexts(js, eventTextKeys, recordTextKeys, ts); err != nil {
			t.Fatal(err)
		}
		if got := ts.left == 0; got != want {
			t.Errorf("%q: found %v, want %v", term, got, want)
		}
	}
	c := Case{V: 1, No: "2026-000001", Title: "标题", Demand: "诉求", Facts: "事实", Reply: "答复", Accused: "被反映人",
		People: []CasePerson{{Person: 1, Role: "主信访人"}}}
	js, _ = json.Marshal(&c)
	for term, want := range map[string]bool{"标题": true, "诉求": true, "事实": true, "答复": true, "被反映人": false, "2026": false} {
		ts := newTermSet([]string{term})
		if err := scanTexts(js, caseTextKeys, nil, ts); err != nil {
			t.Fatal(err)
		}
		if got := ts.left == 0; got != want {
			t.Errorf("case %q: found %v, want %v", term, got, want)
		}
	}
	for _, bad := range []string{`{"ti":"x"`, `{"ti":}`, `{"ti" "x"}`, `[1]`, ``, `{"ti":"x"}junk`} {
		if err := scanTexts([]byte(bad), caseTextKeys, nil, newTermSet([]string{"x"})); err == nil && bad != `{"ti":}` {
			t.Errorf("%q: no error", bad)
		}
	}
}

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
		ts := newTermSet([]string{normText(c.term)})
		ts.see(c.text)
		if got := ts.left == 0; got != c.want || got != strings.Contains(normText(c.text), normText(c.term)) {
			t.Errorf("%q in %q: %v, want %v", c.term, c.text, got, c.want)
		}
	}
}
