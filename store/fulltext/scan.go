package fulltext

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/tinylib/msgp/msgp"
)

// Terms and the JSON scanner verify a candidate of a query term longer
// than two characters: does the case's searchable text contain the term?
// Rather than decoding the case and its timeline into structs, the store
// feeds its records' JSON to Terms.Scan with the keys of the searchable
// fields, and stops as soon as every term is found. A term holds no white
// space, so it occurs in the joined text exactly when it occurs in one of
// the fields.

func hasKey(keys [][]byte, k []byte) bool {
	for _, x := range keys {
		if bytes.Equal(x, k) {
			return true
		}
	}
	return false
}

// Terms tracks which of a query's terms a case's text has shown so far.
type Terms struct {
	terms []string
	found []bool
	// han marks the terms of CJK ideographs only: Norm leaves those
	// characters as they are and maps no other character to one of them,
	// so such a term is in a text exactly when it is in the normalized
	// text, and the text need not be normalized (most texts have a
	// full-width comma, which would make Norm copy them).
	han  []bool
	left int
}

// NewTerms starts looking for terms (normalized, as Norm gives them).
func NewTerms(terms []string) *Terms {
	ts := &Terms{terms: terms, found: make([]bool, len(terms)), han: make([]bool, len(terms)), left: len(terms)}
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

func (ts *Terms) see(text string) {
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
	norm := Norm(text)
	for i, t := range ts.terms {
		if !ts.found[i] && !ts.han[i] && strings.Contains(norm, t) {
			ts.found[i] = true
			ts.left--
		}
	}
}

// Left is how many terms have not been found yet.
func (ts *Terms) Left() int { return ts.left }

// Scan feeds ts the string values of the top-level keys in top of the JSON
// object js and, when nested is not nil, of the keys in nested inside the
// object under nestedKey. It fails on JSON that encoding/json would not
// have written. A MessagePack map (the store's records since its schema
// 13, which start with a map's type byte, never '{') is read the same way
// by ScanMsg.
func (ts *Terms) Scan(js []byte, top [][]byte, nestedKey []byte, nested [][]byte) error {
	if len(js) > 0 && (js[0]&0xf0 == 0x80 || js[0] == 0xde || js[0] == 0xdf) {
		return ts.ScanMsg(js, top, nestedKey, nested)
	}
	s := jscan{b: js}
	s.object(func(key []byte) {
		switch {
		case hasKey(top, key):
			s.text(ts)
		case nested != nil && bytes.Equal(key, nestedKey) && s.peek() == '{':
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

// ScanMsg is Scan for a MessagePack map: its strings are length-prefixed,
// so every value that is not searchable is skipped without being read. It
// stops as soon as every term is found: the rest of the record is not
// read (a damaged tail is the check's to find, store.Check).
func (ts *Terms) ScanMsg(b []byte, top [][]byte, nestedKey []byte, nested [][]byte) error {
	rest, err := ts.msgMap(b, top, nestedKey, nested)
	if err == nil && len(rest) != 0 && ts.left > 0 {
		err = fmt.Errorf("msgpack: %d bytes after the value", len(rest))
	}
	return err
}

func (ts *Terms) msgMap(b []byte, keys [][]byte, nestedKey []byte, nested [][]byte) ([]byte, error) {
	n, b, err := msgp.ReadMapHeaderBytes(b)
	for ; err == nil && n > 0 && ts.left > 0; n-- {
		var key []byte
		if key, b, err = msgp.ReadMapKeyZC(b); err != nil {
			break
		}
		switch {
		case hasKey(keys, key) && msgp.NextType(b) == msgp.StrType:
			var s []byte
			if s, b, err = msgp.ReadStringZC(b); err == nil {
				ts.see(unsafeString(s))
			}
		case nested != nil && bytes.Equal(key, nestedKey) && msgp.NextType(b) == msgp.MapType:
			b, err = ts.msgMap(b, nested, nil, nil)
		default:
			b, err = msgp.Skip(b)
		}
	}
	return b, err
}

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
func (s *jscan) text(ts *Terms) {
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
