// Package fold is how text typed by a clerk, a scanner or an input method
// becomes comparable: full-width letters, digits and signs (Ａ１２３，the
// ideographic space) become their ordinary half-width form. ID numbers,
// phone numbers, names and the full-text index all fold with Width, so a
// number typed in full width finds the same person as one typed plainly.
//
// Only full-width forms fold (Unicode's East Asian Width "F" with a narrow
// counterpart, as golang.org/x/text/width records them); half-width
// katakana and wide CJK punctuation (。「」) stay as they are, because the
// index keys and search terms of existing files were made that way.
package fold

import (
	"strings"

	"golang.org/x/text/width"
)

// Width maps a full-width rune to its half-width form (U+FF21 Ａ → A,
// U+3000 → space, U+FFE5 ￥ → ¥) and leaves every other rune alone.
func Width(r rune) rune {
	// Below U+FF01 only the ideographic space is full width (the test
	// walks every rune to hold this): most text never reaches the table,
	// and this much is small enough to be inlined into the callers' loops.
	if r < 0xFF01 {
		if r == 0x3000 {
			return ' '
		}
		return r
	}
	return wide(r)
}

func wide(r rune) rune {
	if p := width.LookupRune(r); p.Kind() == width.EastAsianFullwidth {
		if n := p.Narrow(); n != 0 {
			return n
		}
	}
	return r
}

// String is s with every rune folded by Width.
func String(s string) string { return strings.Map(Width, s) }
