package app

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"laifang/domain/idcard"
	"laifang/domain/phone"
	"laifang/store"
	"laifang/store/fulltext"
)

// What the case list's search box was given, and why each case it found
// matched: the box takes a case number, a petitioner's name, ID number or
// phone, or words of the case's text (issue 12). One function tells which
// (classifySearch); the number and the person are looked up through the
// store's indexes, beside the full text.

// Search kinds (classifySearch).
const (
	SearchCaseNo   = "caseNo"
	SearchIDNumber = "idNumber"
	SearchPhone    = "phone"
	SearchName     = "name"
	SearchText     = "text"
)

// Fields a case matched by (CaseMatch.Field).
const (
	MatchNo       = "no"
	MatchName     = "name"
	MatchIDNumber = "idNumber"
	MatchPhone    = "phone"
	MatchTitle    = "title"
	MatchDemand   = "demand"
	MatchFacts    = "facts"
	MatchText     = "text" // elsewhere in the case's text (its records)
)

// CaseMatch is why a case was found: the field, the text shown of it (as
// this session may see it) and the spans of that text that matched.
type CaseMatch struct {
	Field string      `json:"field"`
	Text  string      `json:"text"`
	Spans []MatchSpan `json:"spans"`
}

// MatchSpan is a matched part of CaseMatch.Text, in characters (runes):
// [Start, End).
type MatchSpan struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

var (
	caseNoShape = regexp.MustCompile(`^\d{4}-\d{1,8}$`)
	serialShape = regexp.MustCompile(`^\d{1,6}$`)
	digitsShape = regexp.MustCompile(`^\d+$`)
)

// classifySearch tells what the text typed into the case search is: a
// case number (2026-000002, or the serial 000002), a resident ID number
// (17 digits and a check character, or 15 digits), a phone
// number (domain/phone parses it), a name (two to four Chinese
// characters), else words of the text.
func classifySearch(s string) string {
	s = strings.TrimSpace(s)
	n := idcard.Normalize(s)
	switch {
	case n == "":
		return SearchText
	case caseNoShape.MatchString(n) || serialShape.MatchString(n):
		return SearchCaseNo
	case isIDNumberShape(n):
		return SearchIDNumber
	}
	if p, err := phone.Parse(s); err == nil && len(p.Key) >= 7 && phoneChars(s) {
		return SearchPhone
	}
	if digitsShape.MatchString(n) && len(n) <= 8 {
		return SearchCaseNo
	}
	if r := []rune(s); len(r) >= 2 && len(r) <= 4 {
		han := true
		for _, c := range r {
			han = han && unicode.Is(unicode.Han, c)
		}
		if han {
			return SearchName
		}
	}
	return SearchText
}

// isIDNumberShape: 17 digits and a digit or X, or the 15 digits of an old
// number.
func isIDNumberShape(n string) bool {
	if len(n) == 15 {
		return digitsShape.MatchString(n)
	}
	// The check character is not checked: numbers saved before numbers
	// were checked must still be found.
	return len(n) == 18 && digitsShape.MatchString(n[:17]) && (n[17] == 'X' || n[17] >= '0' && n[17] <= '9')
}

// phoneChars: only what a typed phone number holds (digits, +, -, spaces,
// brackets), so that words with a number in them stay text.
func phoneChars(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || strings.ContainsRune("+-—－ ()（）　", r) || r >= '０' && r <= '９') {
			return false
		}
	}
	return true
}

// searchPeople finds the people a name, ID number or phone names, through
// the store's indexes (a name as a prefix of the whole name).
func searchPeople(tx *store.Tx, kind, text string, limit int) ([]store.Person, error) {
	var q store.PersonQuery
	switch kind {
	case SearchIDNumber:
		// An old 15-digit number finds the person saved with it and the
		// one saved with its 18-digit form.
		n := idcard.Normalize(text)
		out, err := tx.FindPeople(store.PersonQuery{IDNumber: n, Limit: limit})
		if up, ok := idcard.Upgrade15(n); ok && len(n) == 15 && err == nil {
			var more []store.Person
			more, err = tx.FindPeople(store.PersonQuery{IDNumber: up, Limit: limit})
			out = append(out, more...)
		}
		return out, err
	case SearchPhone:
		q.Phone = text
	case SearchName:
		q.Name = text
	default:
		return nil, nil
	}
	q.Limit = limit
	return tx.FindPeople(q)
}

// personMatch is why person p matched a person search, as act may see it:
// the name with the typed part marked, or the ID number or phone as lists
// show them (masked unless in full), marked whole.
func personMatch(act *Actor, kind, text string, p *store.Person) CaseMatch {
	v := identityView(act, p, false)
	switch kind {
	case SearchIDNumber:
		return wholeMatch(MatchIDNumber, v.IDNumber)
	case SearchPhone:
		key := phone.Key(text)
		for i, ph := range p.Phones {
			if phone.Key(ph) == key && i < len(v.Phones) {
				return wholeMatch(MatchPhone, v.Phones[i])
			}
		}
		return wholeMatch(MatchPhone, MaskPhone(text))
	}
	return textMatch(MatchName, p.Name, []string{text})
}

func wholeMatch(field, text string) CaseMatch {
	return CaseMatch{Field: field, Text: text, Spans: []MatchSpan{{0, utf8.RuneCountInString(text)}}}
}

// numberMatch marks the typed number in the case's number: the serial at
// its end when that was typed, else the whole of it.
func numberMatch(no, typed string) CaseMatch {
	typed = strings.TrimSpace(typed)
	n := utf8.RuneCountInString(no)
	if typed != no && strings.HasSuffix(no, typed) {
		return CaseMatch{Field: MatchNo, Text: no, Spans: []MatchSpan{{n - utf8.RuneCountInString(typed), n}}}
	}
	return wholeMatch(MatchNo, no)
}

// textMatch marks each occurrence of each word in text (compared as the
// full text compares: width and case folded).
func textMatch(field, text string, words []string) CaseMatch {
	m := CaseMatch{Field: field, Text: text, Spans: []MatchSpan{}}
	folded := []rune(fulltext.Norm(text))
	if len(folded) != utf8.RuneCountInString(text) {
		folded = []rune(text) // Norm changed the length: match as written
	}
	for _, w := range words {
		wr := []rune(fulltext.Norm(w))
		if len(wr) == 0 {
			continue
		}
		for i := 0; i+len(wr) <= len(folded); i++ {
			if string(folded[i:i+len(wr)]) == string(wr) {
				m.Spans = append(m.Spans, MatchSpan{i, i + len(wr)})
				i += len(wr) - 1
			}
		}
	}
	return m
}

// textMatches says which of a case's own fields hold the words typed; a
// case found by its text but by none of them matched in its records.
func textMatches(c *store.Case, words []string) []CaseMatch {
	var out []CaseMatch
	for _, f := range []struct{ field, text string }{{MatchTitle, c.Title}, {MatchDemand, c.Demand}, {MatchFacts, c.Facts}} {
		if m := textMatch(f.field, f.text, words); len(m.Spans) > 0 {
			out = append(out, excerpt(m, 40))
		}
	}
	if len(out) == 0 {
		out = append(out, CaseMatch{Field: MatchText, Spans: []MatchSpan{}})
	}
	return out
}

// excerpt shortens a long matched text to about n characters around its
// first span, the spans moved with it.
func excerpt(m CaseMatch, n int) CaseMatch {
	r := []rune(m.Text)
	if len(r) <= n || len(m.Spans) == 0 {
		return m
	}
	from := max(m.Spans[0].Start-n/4, 0)
	to := min(from+n, len(r))
	out := CaseMatch{Field: m.Field, Spans: []MatchSpan{}}
	lead := 0
	if from > 0 {
		out.Text, lead = "…", 1
	}
	out.Text += string(r[from:to])
	if to < len(r) {
		out.Text += "…"
	}
	for _, s := range m.Spans {
		if s.Start >= from && s.End <= to {
			out.Spans = append(out.Spans, MatchSpan{s.Start - from + lead, s.End - from + lead})
		}
	}
	return out
}
