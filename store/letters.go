package store

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"laifang/domain/civil"
	"laifang/domain/letter"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

//go:generate go run github.com/tinylib/msgp@v1.6.5 -file letters.go -o letters_msgp.go -tests=false -io=false
// The records of this file are stored as MessagePack (codec.go), by
// methods msgp generates from their json tags: `go generate ./store/`.
//msgp:tag json
//msgp:replace Stamp with:int64
//msgp:replace civil.Date with:int32
//msgp:ignore LetterQuery

// Buckets of this file (created at open, listed in store.go).
var (
	bucketLetters = []byte("letters")
	ixCaseLetter  = []byte("ix.case.letter") // caseID | letterID
	ixLetterNo    = []byte("ix.letter.no")   // 文号 → letterID
	ixLetterDay   = []byte("ix.letter.day")  // issue day | letterID: the archive, newest first
	ixLetterKind  = []byte("ix.letter.kind") // kind | 0 | issue day | letterID: the archive by kind
)

// letterIndexes are the archive's indexes (schema 9, fillLetterDays).
var letterIndexes = [][]byte{ixLetterDay, ixLetterKind}

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
	// What issuing freezes (app/letters.go): the filled letter, when and
	// by whom (Signer), and the letter this one corrects.
	Doc        *LetterParts `json:"doc,omitempty"`
	At         Stamp        `json:"at,omitempty"`
	Supersedes uint64       `json:"sof,omitempty"`
}

// LetterParts are an issued letter's filled parts, frozen.
type LetterParts struct {
	Title       string      `json:"ti,omitempty"`
	Addressee   string      `json:"to,omitempty"`
	Paragraphs  []string    `json:"p,omitempty"`
	Rows        []LetterRow `json:"r,omitempty"`
	Boxes       []LetterBox `json:"b,omitempty"`
	Attachments []string    `json:"a,omitempty"`
	Contact     string      `json:"ct,omitempty"`
	Sender      string      `json:"s,omitempty"`
	Date        string      `json:"d,omitempty"`
	CopyTo      string      `json:"cc,omitempty"`
}

// LetterRow is a slip's row, frozen.
type LetterRow struct {
	Label string `json:"l"`
	Value string `json:"v,omitempty"`
	Wide  bool   `json:"w,omitempty"`
}

// LetterBox is a slip's hand-filled part, frozen.
type LetterBox struct {
	Title  string   `json:"t"`
	Lines  []string `json:"l,omitempty"`
	Height int      `json:"h,omitempty"`
}

// kindKey is the kind a letter is filed under: its type's key (letters
// written before the kinds had keys carry the label).
func (l *Letter) kindKey() string {
	if k, ok := letter.KindOf(l.Type); ok {
		return k.Key
	}
	return l.Type
}

func (l *Letter) setID(id uint64) { l.ID = id }

func (l *Letter) indexEntries(id uint64, _ []byte) []ixEntry {
	var out []ixEntry
	if l.Case != 0 {
		out = append(out, multi(ixCaseLetter, u64(l.Case), id))
	}
	if l.No != "" {
		out = append(out, unique(ixLetterNo, []byte(l.No), id))
		day := dateKey(l.Issued)
		out = append(out, multi(ixLetterDay, day, id), multi(ixLetterKind, cat([]byte(l.kindKey()), []byte{0}, day), id))
	}
	return out
}

// IssueLetterAs saves a new letter and numbers it by pattern (a 文号
// pattern of domain/letter) with the next serial of its kind and year (the
// issue day's, unless Year is set), in the caller's transaction: the
// serial is taken and the letter written
// together or not at all, so a number is never given twice nor lost to a
// crash after it was given.
func (tx *Tx) IssueLetterAs(l *Letter, pattern string) error {
	if l.ID != 0 {
		return fmt.Errorf("store: letter %d is already issued", l.ID)
	}
	if l.Issued == 0 {
		l.Issued = civil.DateOf(tx.now)
	}
	if l.At == 0 {
		l.At = StampOf(tx.now)
	}
	if l.Year == 0 {
		l.Year = l.Issued.Year()
	}
	st, err := tx.numberSettings()
	if err != nil {
		return err
	}
	// A number already on file (a pattern changed back, letters filed
	// under an older serial) is passed over, never given twice.
	for range 10000 {
		n, err := tx.bump(letterSerialKey(l.kindKey(), l.Year))
		if err != nil {
			return err
		}
		l.Serial = int(n)
		l.No = letter.Format(pattern, st.OrgCode, l.Year, l.Serial)
		if tx.b(ixLetterNo).Get([]byte(l.No)) == nil {
			return tx.saveLetter(l)
		}
	}
	return fmt.Errorf("store: no free letter number for %s: %w", pattern, ErrConflict)
}

// letterSerialKey is the serial of a kind in a year (bucket seq).
func letterSerialKey(kind string, year int) string {
	return "letter/" + kind + "/" + strconv.Itoa(year)
}

// SupersedeLetter marks old as corrected by the letter id.
func (tx *Tx) SupersedeLetter(old *Letter, id uint64) error {
	if old.SupersededBy != 0 {
		return fmt.Errorf("store: letter %d is already superseded: %w", old.ID, ErrConflict)
	}
	old.SupersededBy = id
	return tx.saveLetter(old)
}

// LetterQuery selects issued letters for the archive.
type LetterQuery struct {
	Kind     string     // a kind's key, "" for all
	From, To civil.Date // issue days, inclusive (0: open)
	No       string     // part of the 文号
	Case     uint64     // one case's letters
	// Scoped: only the letters of the cases in Within (a department's).
	Scoped bool
	Within []uint64
}

// LetterPage is a page of LetterIDs (offset, at most limit) and how many
// match in all. Without a number, a case or a scope it counts on the day or
// kind index without keeping the ids off the page.
func (tx *Tx) LetterPage(q LetterQuery, offset, limit int) ([]uint64, int, error) {
	if q.No == "" && q.Case == 0 && !q.Scoped {
		b, prefix := letterIndex(tx, q.Kind)
		ids, total := dayPage(b, prefix, q.From, q.To, offset, limit)
		return ids, total, nil
	}
	ids, err := tx.LetterIDs(q)
	if err != nil {
		return nil, 0, err
	}
	total := len(ids)
	offset = min(max(offset, 0), total)
	return ids[offset:min(offset+limit, total)], total, nil
}

func letterIndex(tx *Tx, kind string) (*bolt.Bucket, []byte) {
	if kind != "" {
		return tx.b(ixLetterKind), cat([]byte(kind), []byte{0})
	}
	return tx.b(ixLetterDay), nil
}

// LetterIDs lists the issued letters that match, newest first. Without a
// number, a case or a scope it reads the day or kind index alone; a number
// searched is matched on the number index's keys.
func (tx *Tx) LetterIDs(q LetterQuery) ([]uint64, error) {
	var ids []uint64
	switch {
	case q.No != "":
		no := []byte(strings.TrimSpace(q.No))
		c := tx.b(ixLetterNo).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if bytes.Contains(k, no) {
				ids = append(ids, getU64(v))
			}
		}
	case q.Case != 0:
		ids = idsWithPrefix(tx.b(ixCaseLetter), u64(q.Case), 0)
	case q.Scoped:
		for _, c := range q.Within {
			ids = append(ids, idsWithPrefix(tx.b(ixCaseLetter), u64(c), 0)...)
		}
	default:
		b, prefix := letterIndex(tx, q.Kind)
		ids, _ := dayPage(b, prefix, q.From, q.To, 0, -1)
		return ids, nil
	}
	// a number, a case, a department: few letters; filter the records
	var within map[uint64]bool
	if q.Scoped {
		within = make(map[uint64]bool, len(q.Within))
		for _, c := range q.Within {
			within[c] = true
		}
	}
	var keep []Letter
	for _, id := range ids {
		l, err := tx.Letter(id)
		if err != nil {
			return nil, err
		}
		if l.No != "" && (q.Kind == "" || l.kindKey() == q.Kind) && (q.From == 0 || l.Issued >= q.From) &&
			(q.To == 0 || l.Issued <= q.To) && (q.Case == 0 || l.Case == q.Case) && (!q.Scoped || within[l.Case]) {
			keep = append(keep, Letter{ID: l.ID, Issued: l.Issued})
		}
	}
	slices.SortFunc(keep, func(a, b Letter) int {
		if a.Issued != b.Issued {
			return cmp.Compare(b.Issued, a.Issued)
		}
		return cmp.Compare(b.ID, a.ID)
	})
	out := make([]uint64, len(keep))
	for i, l := range keep {
		out[i] = l.ID
	}
	return out, nil
}

// dayPage lists the ids under prefix whose day is in [from, to], newest
// first (keys: prefix | day | id): those from offset, at most limit (< 0:
// all), and how many there are.
func dayPage(b *bolt.Bucket, prefix []byte, from, to civil.Date, offset, limit int) ([]uint64, int) {
	lo := cat(prefix, dateKey(from))
	hi := cat(prefix, []byte{0xff, 0xff, 0xff, 0xff})
	if to != 0 {
		hi = cat(prefix, dateKey(to+1))
	}
	var out []uint64
	n := 0
	c := b.Cursor()
	k, _ := c.Seek(hi)
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	for ; k != nil && bytes.Compare(k, lo) >= 0 && bytes.HasPrefix(k, prefix); k, _ = c.Prev() {
		if n >= offset && (limit < 0 || n < offset+limit) {
			out = append(out, getU64(k[len(k)-8:]))
		}
		n++
	}
	return out, n
}

// migrateTo9 makes the archive's indexes empty, for fillLetterDays.
func migrateTo9(tx *bolt.Tx, s *Store) error {
	for _, b := range letterIndexes {
		if err := tx.DeleteBucket(b); err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
			return err
		}
		if _, err := tx.CreateBucket(b); err != nil {
			return err
		}
	}
	if err := patternsByKind(tx); err != nil {
		return err
	}
	// The serials were kept under the letter type's label: carry each to
	// its kind's key, so no number given before is given again.
	seq := tx.Bucket(bucketSeq)
	if seq == nil {
		return nil
	}
	type carry struct {
		key string
		n   uint64
	}
	var carries []carry
	err := seq.ForEach(func(k, v []byte) error {
		parts := strings.Split(string(k), "/")
		if len(parts) != 3 || parts[0] != "letter" {
			return nil
		}
		kd, ok := letter.KindOf(parts[1])
		if !ok || kd.Key == parts[1] {
			return nil
		}
		year, _ := strconv.Atoi(parts[2])
		carries = append(carries, carry{letterSerialKey(kd.Key, year), getU64(v)})
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range carries {
		if getU64(seq.Get([]byte(c.key))) < c.n {
			if err := seq.Put([]byte(c.key), u64(c.n)); err != nil {
				return err
			}
		}
	}
	return nil
}

// patternsByKind files the office's 文号 patterns kept under a letter
// type's label (受理告知书) under its kind's key (accept), unless the kind
// has its own already.
func patternsByKind(tx *bolt.Tx) error {
	b := tx.Bucket(bucketSettings)
	if b == nil || b.Get(settingsKey) == nil {
		return nil
	}
	st := &Settings{}
	if err := decodeJSON(b.Get(settingsKey), st); err != nil {
		return fmt.Errorf("store: settings are damaged: %w", err)
	}
	changed := false
	for name, p := range st.DocNoPatterns {
		k, ok := letter.KindOf(name)
		if !ok || k.Key == name {
			continue
		}
		if _, own := st.DocNoPatterns[k.Key]; !own {
			st.DocNoPatterns[k.Key] = p
		}
		delete(st.DocNoPatterns, name)
		changed = true
	}
	if !changed {
		return nil
	}
	raw, err := encode(st)
	if err != nil {
		return err
	}
	return b.Put(settingsKey, raw)
}

// fillLetterDays writes the archive's index entries of every letter. Run
// again after a crash it writes the same keys.
func (s *Store) fillLetterDays() error {
	return s.eachBatch(bucketLetters, 20000, func(tx *Tx, k, v []byte) error {
		l, err := decodeRecord[Letter](getU64(k), v)
		if err != nil {
			return err
		}
		for _, e := range l.indexEntries(l.ID, nil) {
			if slices.ContainsFunc(letterIndexes, func(b []byte) bool { return bytes.Equal(b, e.bucket) }) {
				if err := tx.b(e.bucket).Put(e.key, nil); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// IssueLetter saves a new letter: with the number it carries, or numbered
// by the office's pattern for its kind (domain/letter's default when the
// office has none), as IssueLetterAs.
func (tx *Tx) IssueLetter(l *Letter) error {
	if l.ID != 0 {
		return fmt.Errorf("store: letter %d is already issued", l.ID)
	}
	if l.Issued == 0 {
		l.Issued = civil.DateOf(tx.now)
	}
	if l.No != "" {
		return tx.saveLetter(l)
	}
	k, ok := letter.KindOf(l.Type)
	if !ok {
		return fmt.Errorf("store: no letter kind %q", l.Type)
	}
	st, err := tx.numberSettings()
	if err != nil {
		return err
	}
	p := st.DocNoPatterns[k.Key]
	if p == "" {
		p = letter.DefaultPattern(k)
	}
	return tx.IssueLetterAs(l, p)
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

// LetterByNo finds a letter by its number.
func (tx *Tx) LetterByNo(no string) (*Letter, error) {
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
