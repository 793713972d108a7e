// Package fulltext is the store's full-text search and facets of cases:
// the tokenizer, the documents, the posting lists, queries, Similar, and
// the scanner that verifies a candidate against a record's JSON. It reads
// and writes its own buckets in the store's bbolt transaction and knows
// nothing of the store's records: the store gives it each case's texts
// and facets, and verifies candidates through a callback.
//
// A case's document is its title, request, facts and reasons, reply, and the
// text of its timeline (reception records, notes, decisions). The text is
// normalized (full-width folded, lower-cased) and cut into runs of letters
// and digits; every character of a run, every pair and every three
// neighbouring characters is a term. Chinese has no spaces, so bigrams are
// what a two-character word query needs, trigrams find a three-character
// one exactly and a longer one nearly so, and the single characters serve
// one-character queries; Latin words and numbers are cut the same way, which
// lets a query find any substring, not only whole words.
//
// Posting lists are roaring bitmaps of case IDs, one per term per chunk of
// 65536 IDs, under the key chunk | term in ft.post: a million cases make 16
// chunks. Facets (status, category, department, type, the confidential flag,
// "all") are terms too, starting with 0x01, so a query with filters is one
// intersection. ft.col holds each chunk's received dates, two bytes a case.
//
// A new case first goes to ft.pending with its document; a query reads the
// pending cases directly (at most store.Options.FoldEvery of them) and the
// bitmaps for the rest. When that many cases wait, they are merged into
// the bitmaps in one pass. Saving a case thus writes a few keys instead of
// rewriting two hundred bitmaps, and the merge writes each bitmap once for
// hundreds of cases. A change to a case already merged updates the bitmaps
// of the terms that changed, in the same transaction.
package fulltext

import (
	"encoding/binary"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"laifang/domain/civil"
	"laifang/domain/fold"
)

// A chunk holds the cases whose IDs share all bits above chunkBits.
const chunkBits = 16

func chunkOf(id uint64) uint32 { return uint32(id >> chunkBits) }

// Facet terms: a case is in the posting list of FacetAll, of FacetStatus
// followed by its status, and so on.
const (
	FacetAll    = "\x01all"
	FacetStatus = "\x01s"
	FacetCat    = "\x01c"
	FacetUnit   = "\x01u"
	FacetConf   = "\x01x"
	FacetType   = "\x01t"
	// the ledger's filters (schema 10): channel, handler (user ID), and one
	// term for each mark a case carries (FlagGroup …)
	FacetChannel = "\x01n"
	FacetHandler = "\x01h"
	FacetFlag    = "\x01f"
)

// dayBase makes received dates fit two bytes: day 1 is 2000-01-01.
var dayBase = civil.D(1999, 12, 31)

func day16(d civil.Date) uint16 {
	if d == 0 {
		return 0
	}
	n := int(d - dayBase)
	if n < 1 {
		return 1
	}
	if n > 65535 {
		return 65535
	}
	return uint16(n)
}

// Doc is what the index knows of a case.
type Doc struct {
	Day    uint16 // received, as day16 counts
	Facets []string
	Text   string // normalized fields joined by '\n'
}

// Norm folds width and case; the result is what queries are matched
// against.
func Norm(s string) string {
	if isNorm(s) {
		return s
	}
	return strings.Map(func(r rune) rune { return unicode.ToLower(fold.Width(r)) }, s)
}

// isNorm tells whether Norm would leave s as it is. Most stored text
// is CJK and punctuation, which neither case nor width folding changes:
// checking is cheaper than mapping every rune.
func isNorm(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r >= 0x4E00 && r <= 0x9FFF, r > 0x3000 && r <= 0x303F:
			// CJK ideographs and punctuation (not the ideographic space)
		case r == utf8.RuneError && size == 1:
			return false
		case unicode.ToLower(fold.Width(r)) != r:
			return false
		}
	}
	return true
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// eachGram is the tokenizer, the one way text becomes terms: it calls fn
// for every term of normalized text s, in order, with repeats — each
// letter or digit (its unigram), each two neighbouring ones (a pair) and
// each three (a trigram; schema 14), every pair and trigram given after
// the unigram of its last character, the pair first — with where the term
// starts in s and how many characters it has. lone marks the unigram of a
// character with no letter or digit on either side: a query finds such a
// character by its unigram, two by their pair, and three or more by their
// trigrams (docs/PERFORMANCE.md §3.15: a term of three characters is then
// found without reading a case).
func eachGram(s string, fn func(g string, start, n int, lone bool)) {
	// starts of the last character and the two before it, while letters or digits
	ps, pps, ppps := -1, -1, -1
	emit := func(end int, lone bool) {
		fn(s[ps:end], ps, 1, lone)
		if pps >= 0 {
			fn(s[pps:end], pps, 2, false)
			if ppps >= 0 {
				fn(s[ppps:end], ppps, 3, false)
			}
		}
	}
	for i, r := range s {
		if ps >= 0 {
			emit(i, pps < 0 && !isWord(r))
		}
		if isWord(r) {
			ppps, pps, ps = pps, ps, i
		} else {
			ppps, pps, ps = -1, -1, -1
		}
	}
	if ps >= 0 {
		emit(len(s), pps < 0)
	}
}

// Terms is the set of the document's terms: its text's and its facets.
func (d *Doc) Terms() map[string]struct{} {
	set := make(map[string]struct{}, len(d.Text)+len(d.Facets))
	eachGram(d.Text, func(g string, _, _ int, _ bool) { set[g] = struct{}{} })
	for _, f := range d.Facets {
		set[f] = struct{}{}
	}
	return set
}

func joinNorm(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(Norm(p))
	}
	return b.String()
}

// NewDoc is the document of a case received on day received, in facets
// (FacetAll first), with these texts (empty ones are skipped).
func NewDoc(received civil.Date, facets []string, texts []string) Doc {
	return Doc{Day: day16(received), Facets: facets, Text: joinNorm(texts)}
}

// Encode is the document as ft.pending keeps it: day, facets, text.
func (d *Doc) Encode() []byte {
	n := 3 + len(d.Text)
	for _, f := range d.Facets {
		n += 1 + len(f)
	}
	out := make([]byte, 0, n)
	out = binary.BigEndian.AppendUint16(out, d.Day)
	out = append(out, byte(len(d.Facets)))
	for _, f := range d.Facets {
		out = append(out, byte(len(f)))
		out = append(out, f...)
	}
	return append(out, d.Text...)
}

var errBadDoc = errors.New("fulltext: damaged entry in ft.pending")

// DecodeDoc reads an encoded document into memory of its own.
func DecodeDoc(b []byte) (Doc, error) { return decodeDoc(b, true) }

// decodeDoc reads an encoded document; with copyText false the text aliases b.
func decodeDoc(b []byte, copyText bool) (Doc, error) {
	var d Doc
	if len(b) < 3 {
		return d, errBadDoc
	}
	d.Day = binary.BigEndian.Uint16(b)
	n := int(b[2])
	p := 3
	for i := 0; i < n; i++ {
		if p >= len(b) || p+1+int(b[p]) > len(b) {
			return d, errBadDoc
		}
		d.Facets = append(d.Facets, string(b[p+1:p+1+int(b[p])]))
		p += 1 + int(b[p])
	}
	if copyText {
		d.Text = string(b[p:])
	} else {
		d.Text = unsafeString(b[p:])
	}
	return d, nil
}

// decodeDocView is decodeDoc into d without copying or allocating: facets
// and text alias b, and d's facet slice is reused. For a loop that reads
// many documents and keeps none.
func decodeDocView(d *Doc, b []byte) error {
	d.Facets = d.Facets[:0]
	if len(b) < 3 {
		return errBadDoc
	}
	d.Day = binary.BigEndian.Uint16(b)
	n := int(b[2])
	p := 3
	for i := 0; i < n; i++ {
		if p >= len(b) || p+1+int(b[p]) > len(b) {
			return errBadDoc
		}
		d.Facets = append(d.Facets, unsafeString(b[p+1:p+1+int(b[p])]))
		p += 1 + int(b[p])
	}
	d.Text = unsafeString(b[p:])
	return nil
}

func (d *Doc) hasFacet(f string) bool {
	for _, x := range d.Facets {
		if x == f {
			return true
		}
	}
	return false
}
