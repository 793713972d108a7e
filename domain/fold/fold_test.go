package fold

import (
	"testing"
	"unicode"

	"golang.org/x/text/width"
)

// Width is the table's full-width-to-narrow mapping and nothing else, on
// every rune: the shortcut below U+FF01 loses nothing.
func TestWidthIsTheTable(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := r
		if p := width.LookupRune(r); p.Kind() == width.EastAsianFullwidth && p.Narrow() != 0 {
			want = p.Narrow()
		}
		if got := Width(r); got != want {
			t.Fatalf("Width(%U) = %U, want %U", r, got, want)
		}
	}
}

// legacy is the hand-written fold the store used before this package
// (schema 4 and earlier): full-width ASCII and the ideographic space.
func legacy(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}

// Where Width differs from the old fold, neither side is a letter or a
// digit: the full-text index's terms (runs of letters and digits) are the
// same under both, and only the exact-match keys of the people's indexes
// (ID numbers, phones, names), which the schema 5 migration rebuilds, can
// see the difference.
func TestWidthExtendsTheOldFoldWithSignsOnly(t *testing.T) {
	differ := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		o, n := legacy(r), Width(r)
		if o == n {
			continue
		}
		differ++
		if o != r {
			t.Fatalf("%U: old fold gave %U, Width %U", r, o, n)
		}
		for _, x := range []rune{o, n, unicode.ToLower(o), unicode.ToLower(n)} {
			if unicode.IsLetter(x) || unicode.IsDigit(x) {
				t.Fatalf("%U folds to %U: a word character", r, n)
			}
		}
	}
	if differ == 0 || differ > 16 {
		t.Fatalf("%d runes fold differently", differ)
	}
}

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"１１０１０５１９４９１２３１００２Ｘ": "11010519491231002X",
		"＋８６　１３８－１２３４－５６７８":  "+86 138-1234-5678",
		"（张三）":    "(张三)",
		"ｶﾀｶﾅ。「」": "ｶﾀｶﾅ。「」",
		"":        "",
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}
