package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"laifang/store/fulltext"
)

// Verifying a candidate of a query term longer than two characters: does
// the case's searchable text contain the term? The text is the fields that
// caseTexts lists. Rather than decoding the case and its timeline into
// structs, the stored JSON is scanned for those fields' strings only, the
// case first and the timeline only for terms not found yet. A term holds no
// white space, so it occurs in the joined text exactly when it occurs in
// one of the fields.

// Keys of the searchable fields in the stored JSON (cases.go, events.go).
var (
	caseTextKeys   = [][]byte{[]byte("ti"), []byte("dm"), []byte("fr"), []byte("rpl")}
	eventTextKeys  = [][]byte{[]byte("tx")}
	recordTextKeys = [][]byte{[]byte("st"), []byte("qa"), []byte("ex")}
	eventRecordKey = []byte("rec")
)

// caseHas tells whether the searchable text of case id contains every
// term (normalized, as fulltext.Norm gives them): the fulltext.Verifier of
// a search. It reads the case record first, or its timeline first when
// timelineFirst is set, and stops as soon as every term is found; timeline
// tells where the last term was found, so that a query can read the
// likelier place first for the next candidate.
func (v *verifier) caseHas(id uint64, terms []string, timelineFirst bool) (ok, timeline bool, err error) {
	tx := v.tx
	ts := fulltext.NewTerms(terms)
	readCase := func() error {
		if v.cases.c == nil {
			v.cases.c = tx.b(bucketCases).Cursor()
		}
		raw := v.cases.get(id)
		if raw == nil {
			return ErrNotFound
		}
		js, err := v.inflate(raw)
		if err != nil {
			return damaged(id, err)
		}
		if err := ts.Scan(js, caseTextKeys, nil, nil); err != nil {
			return damaged(id, err)
		}
		return nil
	}
	readTimeline := func() error {
		prefix := u64(id)
		if v.events == nil {
			v.events = tx.b(bucketEvents).Cursor()
		}
		c := v.events
		for k, val := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && ts.Left() > 0; k, val = c.Next() {
			js, err := v.inflate(val)
			if err != nil {
				return damaged(getU64(k[8:]), err)
			}
			if err := ts.Scan(js, eventTextKeys, eventRecordKey, recordTextKeys); err != nil {
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
	if ts.Left() == 0 {
		return true, timelineFirst, nil
	}
	if err := second(); err != nil {
		return false, false, err
	}
	return ts.Left() == 0, !timelineFirst, nil
}

// verifier checks the candidates of one search against the cases'
// records; its buffer holds one decompressed record at a time, and its
// cursors are kept from one candidate to the next.
type verifier struct {
	tx      *Tx
	scratch []byte
	cases   idCursor
	events  *bolt.Cursor
}

// inflate is unsqueeze into the verifier's buffer: the result is valid
// until the next call.
func (v *verifier) inflate(raw []byte) ([]byte, error) {
	if !compressed(raw) {
		return raw, nil // plain JSON: the file's own bytes, never written to
	}
	js, err := unsqueezeInto(v.scratch, raw)
	if err == nil {
		v.scratch = js
	}
	return js, err
}

func damaged(id uint64, err error) error {
	return fmt.Errorf("store: record %d is damaged: %w", id, err)
}
