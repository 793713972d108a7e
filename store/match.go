package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Verifying a candidate of a query term longer than two characters: does
// the case's searchable text contain the term? The text is the fields that
// caseTexts lists. Rather than decoding the case and its timeline into
// structs, the stored JSON is scanned for those fields' strings only, the
// case first and the timeline only for terms not found yet. A term holds no
// white space, so it occurs in the joined text exactly when it occurs in
// one of the fields.

// Keys of the searchable fields in the stored JSON (records.go).
var (
	caseTextKeys   = [][]byte{[]byte("ti"), []byte("dm"), []byte("fr"), []byte("rpl")}
	eventTextKeys  = [][]byte{[]byte("tx")}
	recordTextKeys = [][]byte{[]byte("st"), []byte("qa"), []byte("ex")}
	eventRecordKey = []byte("rec")
)

func hasKey(keys [][]byte, k []byte) bool {
	for _, x := range keys {
		if bytes.Equal(x, k) {
			return true
		}
	}
	return false
}

// termSet tracks which terms have been found.
type termSet struct {
	terms []string
	found []bool
	// han marks the terms of CJK ideographs only: normText leaves those
	// characters as they are and maps no other character to one of them,
	// so such a term is in a text exactly when it is in the normalized
	// text, and the text need not be normalized (most texts have a
	// full-width comma, which would make normText copy them).
	han  []bool
	left int
}

func newTermSet(terms []string) *termSet {
	ts := &termSet{terms: terms, found: make([]bool, len(terms)), han: make([]bool, len(terms)), left: len(terms)}
	for i, t := range terms {
		ts.han[i] = allHan(t)
	}
	return ts
}

// allHan tells whether s is made of CJK unified ideographs only.
func allHan(s string) bool {
	for _, r := range s {
		if r < 0x4E00 || r > 0x9FFF {
			return false
		}
	}
	return s != ""
}

func (ts *termSet) see(text string) {
	if text == "" || ts.left == 0 {
		return
	}
	other := false
	for i, t := range ts.terms {
		switch {
		case ts.found[i]:
		case !ts.han[i]:
			other = true
		case strings.Contains(text, t):
			ts.found[i] = true
			ts.left--
		}
	}
	if !other {
		return
	}
	norm := normText(text)
	for i, t := range ts.terms {
		if !ts.found[i] && !ts.han[i] && strings.Contains(norm, t) {
			ts.found[i] = true
			ts.left--
		}
	}
}

// caseHas tells whether the searchable text of case id contains every
// term (normalized, as parseQuery gives them). It reads the case record
// first, or its timeline first when timelineFirst is set, and stops as soon
// as every term is found; timeline tells where the last term was found, so
// that a query can read the likelier place first for the next candidate.
func (tx *Tx) caseHas(id uint64, terms []string, timelineFirst bool) (ok, timeline bool, err error) {
	ts := newTermSet(terms)
	readCase := func() error {
		raw := tx.b(bucketCases).Get(u64(id))
		if raw == nil {
			return ErrNotFound
		}
		js, err := tx.inflate(raw)
		if err != nil {
			return damaged(id, err)
		}
		if err := scanTexts(js, caseTextKeys, nil, ts); err != nil {
			return damaged(id, err)
		}
		return nil
	}
	readTimeline := func() error {
		prefix := u64(id)
		c := tx.b(bucketEvents).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && ts.left > 0; k, v = c.Next() {
			js, err := tx.inflate(v)
			if err != nil {
				return damaged(getU64(k[8:]), err)
			}
			if err := scanTexts(js, eventTextKeys, recordTextKeys, ts); err != nil {
				return damaged(getU64(k[8:]), err)
			}
		}
		return nil
	}
	first, second := readCase, readTimeline
	if timelineFirst {
		first, second = readTimeline, readCase
	}
	if err := first(); err != nil {
		return false, false, err
	}
	if ts.left == 0 {
		return true, timelineFirst, nil
	}
	if err := second(); err != nil {
		return false, false, err
	}
	return ts.left == 0, !timelineFirst, nil
}

// inflate is unsqueeze into the transaction's scratch buffer: the result
// is valid until the next call.
func (tx *Tx) inflate(raw []byte) ([]byte, error) {
	if !compressed(raw) {
		return raw, nil // plain JSON: the file's own bytes, never written to
	}
	js, err := unsqueezeInto(tx.scratch, raw)
	if err == nil {
		tx.scratch = js
	}
	return js, err
}

func damaged(id uint64, err error) error {
	return fmt.Errorf("store: record %d is damaged: %w", id, err)
}

// scanTexts feeds ts the string values of the top-level keys in top and,
// when nested is not nil, of the keys in nested inside the object under
// "rec".
func scanTexts(js []byte, top, nested [][]byte, ts *termSet) error {
	s := jscan{b: js}
	s.object(func(key []byte) {
		switch {
		case hasKey(top, key):
			s.text(ts)
		case nested != nil && bytes.Equal(key, eventRecordKey) && s.peek() == '{':
			s.object(func(key []byte) {
				if hasKey(nested, key) {
					s.text(ts)
				} else {
					s.skip()
				}
			})
		default:
			s.skip()
		}
	})
	s.ws()
	if s.bad || s.i != len(s.b) {
		return errBadJSON
	}
	return nil
}

var errBadJSON = errors.New("malformed JSON")

// jscan is a minimal reader of the JSON that encoding/json writes.
type jscan struct {
	b   []byte
	i   int
	bad bool
}

func (s *jscan) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *jscan) peek() byte {
	s.ws()
	if s.i >= len(s.b) {
		return 0
	}
	return s.b[s.i]
}

func (s *jscan) fail() {
	s.bad = true
	s.i = len(s.b)
}

// str reads a string and gives its raw content (between the quotes) and
// whether it holds escapes.
func (s *jscan) str() (raw []byte, esc bool) {
	if s.peek() != '"' {
		s.fail()
		return nil, false
	}
	start := s.i + 1
	for j := start; j < len(s.b); j++ {
		switch s.b[j] {
		case '\\':
			esc = true
			j++
		case '"':
			s.i = j + 1
			return s.b[start:j], esc
		}
	}
	s.fail()
	return nil, false
}

// text reads a value and feeds it to ts when it is a string.
func (s *jscan) text(ts *termSet) {
	if s.peek() != '"' {
		s.skip()
		return
	}
	start := s.i
	raw, esc := s.str()
	if s.bad {
		return
	}
	if !esc {
		ts.see(unsafeString(raw))
		return
	}
	var v string
	if err := json.Unmarshal(s.b[start:s.i], &v); err != nil {
		s.fail()
		return
	}
	ts.see(v)
}

// object reads an object, calling fn for each key with the reader at the
// key's value; fn must read the value.
func (s *jscan) object(fn func(key []byte)) {
	if s.peek() != '{' {
		s.fail()
		return
	}
	s.i++
	if s.peek() == '}' {
		s.i++
		return
	}
	for !s.bad {
		key, esc := s.str()
		if s.bad {
			return
		}
		if esc {
			key = nil // no stored key has escapes
		}
		if s.peek() != ':' {
			s.fail()
			return
		}
		s.i++
		fn(key)
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			return
		default:
			s.fail()
			return
		}
	}
}

// skip reads any value.
func (s *jscan) skip() {
	switch s.peek() {
	case '"':
		s.str()
	case '{':
		s.object(func([]byte) { s.skip() })
	case '[':
		s.i++
		if s.peek() == ']' {
			s.i++
			return
		}
		for !s.bad {
			s.skip()
			switch s.peek() {
			case ',':
				s.i++
			case ']':
				s.i++
				return
			default:
				s.fail()
				return
			}
		}
	case 0:
		s.fail()
	default: // number, true, false, null
		for s.i < len(s.b) {
			switch s.b[s.i] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				return
			}
			s.i++
		}
	}
}
