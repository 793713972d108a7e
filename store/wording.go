package store

import (
	"fmt"

	"laifang/domain/civil"
)

// Buckets of this file (created at open, listed in store.go).
var (
	bucketWording = []byte("wording") // the wording library (wording.go)
)

// The wording library (口径库): answers the head has approved, by topic,
// with their policy basis and the days they hold. A reception record keeps
// the IDs of the entries it used (Record.Scripts), so an entry is never
// deleted nor changed once approved: a new wording is a new entry that
// supersedes the old one, and the old one is retired.
//
// An office keeps hundreds of entries, not millions: lists read the whole
// bucket, and there is no index to keep.

// Wording statuses.
const (
	WordingDraft    = "draft"
	WordingApproved = "approved"
	WordingRetired  = "retired"
)

// Wording is one entry of the wording library.
type Wording struct {
	V          int        `json:"v"`
	ID         uint64     `json:"-"`
	Topic      string     `json:"tp"`
	Category   string     `json:"cat,omitempty"` // 内容分类 code
	Keywords   string     `json:"kw,omitempty"`
	Text       string     `json:"tx"`           // the approved answer, word for word
	Basis      string     `json:"bs,omitempty"` // policy basis, with the article
	From       civil.Date `json:"fr,omitempty"` // valid from (inclusive); 0: always
	Until      civil.Date `json:"un,omitempty"` // valid until (inclusive); 0: open
	Status     string     `json:"st"`
	Version    int        `json:"ver,omitempty"`
	Supersedes uint64     `json:"sup,omitempty"` // the entry this one replaces
	Author     uint64     `json:"by,omitempty"`
	Created    Stamp      `json:"at,omitempty"`
	Approver   uint64     `json:"apb,omitempty"`
	Approved   Stamp      `json:"apt,omitempty"`
	Retired    Stamp      `json:"ret,omitempty"`
	Rev        uint64     `json:"rev,omitempty"`
}

func (w *Wording) setID(id uint64) { w.ID = id }

// indexEntries: the library has no index (see above).
func (w *Wording) indexEntries(uint64, []byte) []ixEntry { return nil }

// ValidOn tells whether an approved entry may be used on day d.
func (w *Wording) ValidOn(d civil.Date) bool {
	return w.Status == WordingApproved && (w.From == 0 || d >= w.From) && (w.Until == 0 || d <= w.Until)
}

// Wording reads one entry.
func (tx *Tx) Wording(id uint64) (*Wording, error) {
	b := tx.b(bucketWording)
	if b == nil {
		return nil, ErrNotFound
	}
	return getRecord[Wording](b, id)
}

// Wordings lists the whole library, oldest first.
func (tx *Tx) Wordings() ([]Wording, error) {
	b := tx.b(bucketWording)
	if b == nil {
		return nil, nil // a file opened read-only before the library existed
	}
	return listRecords[Wording](b, 0, 0)
}

// SaveWording creates (ID 0) or replaces an entry whose Rev is the stored
// one, and bumps Rev. The caller checks what may change (an approved entry
// only its status) and writes the audit entry in the same transaction.
func (tx *Tx) SaveWording(w *Wording) error {
	if err := tx.writable(); err != nil {
		return err
	}
	if w.ID != 0 {
		old, err := tx.Wording(w.ID)
		if err != nil {
			return fmt.Errorf("store: wording %d: %w", w.ID, err)
		}
		if old.Rev != w.Rev {
			return ErrStale
		}
	}
	switch w.Status {
	case WordingDraft, WordingApproved, WordingRetired:
	default:
		return fmt.Errorf("store: wording status %q", w.Status)
	}
	w.V = recordVersion
	w.Rev++
	return putPlain(tx, bucketWording, &w.ID, w)
}
