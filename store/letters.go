package store

import (
	"errors"
	"fmt"

	"laifang/domain/civil"
)

// Buckets of this file (created at open, listed in store.go).
var (
	bucketLetters = []byte("letters")
	ixCaseLetter  = []byte("ix.case.letter") // caseID | letterID
	ixLetterNo    = []byte("ix.letter.no")   // 文号 → letterID
)

// Letter is a generated document (文书): a notice, a slip, a reply.
type Letter struct {
	V            int        `json:"v"`
	ID           uint64     `json:"-"`
	Case         uint64     `json:"c,omitempty"`
	Task         uint64     `json:"tk,omitempty"`
	Type         string     `json:"ty"`
	No           string     `json:"no,omitempty"` // 文号
	Year         int        `json:"yr,omitempty"`
	Serial       int        `json:"sn,omitempty"`
	Template     uint64     `json:"tp,omitempty"`
	TemplateVer  int        `json:"tv,omitempty"`
	Addressee    string     `json:"to,omitempty"`
	Body         string     `json:"bd,omitempty"` // frozen text once issued
	Signer       uint64     `json:"sg,omitempty"`
	Approved     Stamp      `json:"ap,omitempty"`
	Issued       civil.Date `json:"is,omitempty"`
	Sealed       bool       `json:"sl,omitempty"`
	PDFHash      string     `json:"ph,omitempty"`
	ServedHow    string     `json:"svh,omitempty"`
	Served       civil.Date `json:"sv,omitempty"`
	ServedTo     string     `json:"svt,omitempty"`
	Redacted     bool       `json:"red,omitempty"`
	SupersededBy uint64     `json:"sup,omitempty"`
}

func (l *Letter) setID(id uint64) { l.ID = id }

func (l *Letter) indexEntries(id uint64, _ []byte) []ixEntry {
	var out []ixEntry
	if l.Case != 0 {
		out = append(out, multi(ixCaseLetter, u64(l.Case), id))
	}
	if l.No != "" {
		out = append(out, unique(ixLetterNo, []byte(l.No), id))
	}
	return out
}

// IssueLetter saves a new letter and gives it the next number of its type
// and year when it has none (文号, never reused).
func (tx *Tx) IssueLetter(l *Letter) error {
	if l.ID != 0 {
		return fmt.Errorf("store: letter %d is already issued", l.ID)
	}
	if l.Issued == 0 {
		l.Issued = civil.DateOf(tx.now)
	}
	if l.No == "" {
		if l.Year == 0 {
			l.Year = l.Issued.Year()
		}
		no, n, err := tx.nextLetterNo(l.Type, l.Year)
		if err != nil {
			return err
		}
		l.No, l.Serial = no, n
	}
	return tx.saveLetter(l)
}

// saveLetter creates or updates a letter.
func (tx *Tx) saveLetter(l *Letter) error {
	l.V = recordVersion
	if err := putIndexed[Letter](tx, bucketLetters, &l.ID, l); err != nil {
		if errors.Is(err, ErrConflict) {
			return fmt.Errorf("store: letter number %s: %w", l.No, ErrConflict)
		}
		return err
	}
	return nil
}

// Letter reads one letter.
func (tx *Tx) Letter(id uint64) (*Letter, error) { return getRecord[Letter](tx.b(bucketLetters), id) }

// letterByNo finds a letter by its number.
func (tx *Tx) letterByNo(no string) (*Letter, error) {
	v := tx.b(ixLetterNo).Get([]byte(no))
	if v == nil {
		return nil, ErrNotFound
	}
	return tx.Letter(getU64(v))
}

// CaseLetters lists a case's letters, newest first.
func (tx *Tx) CaseLetters(caseID uint64) ([]Letter, error) {
	var out []Letter
	for _, id := range idsWithPrefix(tx.b(ixCaseLetter), u64(caseID), 0) {
		l, err := tx.Letter(id)
		if err != nil {
			return nil, err
		}
		out = append(out, *l)
	}
	return out, nil
}
