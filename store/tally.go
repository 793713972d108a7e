package store

import (
	"bytes"
	"encoding/binary"
	"errors"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/followup"

	bolt "go.etcd.io/bbolt"
)

// The statistics' indexes (docs/DOMAIN.md §16): every case by the day it
// was received, its value the few facts a report counts (a tally), and
// every visit by its day with the people present. A report over a year
// reads one key range of each and decodes no record, so a million-visit
// office answers in tens of milliseconds. Both are derived data, written
// with their records (Case.indexEntries, Event.eventEntries), checked and
// rebuilt like the other indexes; schema 9 fills them in older files.
var (
	ixCaseDay    = []byte("ix.case.day")    // received date | caseID → the case's tally
	ixVisitTally = []byte("ix.visit.tally") // date | visit's eventID → caseID, people present, flags
)

// CaseTally is what the statistics read of a case.
type CaseTally struct {
	ID           uint64
	Received     civil.Date
	Channel      string
	Type         string
	Category     string
	Status       string
	Satisfaction string
	Disposal     string // the disposal's code (store.Case.Disposal)
	Unit         uint64 // handling department
	Petitioner   uint64 // the main petitioner (Case.MainPetitioner); 0: none
	Present      int
	Group        bool
	Repeat       bool
	Linked       bool // linked to an earlier case (Case.FirstCase)
	Prior        bool // earlier petitions written down (Case.Prior)
	SkipLevel    bool
	Confidential bool
	RealName     bool
	Simplified   bool
	Incoming     bool
	NoticeServed civil.Date
	Accepted     civil.Date
	Resumed      civil.Date
	ExtDays      int
	ExtOn        civil.Date
	Replied      civil.Date
	Closed       civil.Date
}

// Facts are the follow-up facts a tally keeps: enough for the clocks of
// acceptance and handling (domain/followup).
func (t *CaseTally) Facts() followup.Facts {
	return followup.Facts{State: casestate.State(t.Status), Type: t.Type, RealName: t.RealName,
		Simplified: t.Simplified, Incoming: t.Incoming, Received: t.Received, Accepted: t.Accepted,
		Resumed: t.Resumed, NoticeServed: t.NoticeServed, ExtDays: t.ExtDays, ExtOn: t.ExtOn,
		Replied: t.Replied, Satisfaction: t.Satisfaction, Closed: t.Closed}
}

func tallyOf(c *Case) CaseTally {
	return CaseTally{ID: c.ID, Received: c.Received.Date(), Channel: c.Channel, Type: c.Type,
		Category: c.Category, Status: c.Status, Satisfaction: c.Satisfaction, Disposal: c.Disposal, Unit: c.Unit,
		Petitioner: c.MainPetitioner(), Present: c.Present, Group: c.Group, Repeat: c.Repeat,
		Linked: c.FirstCase != 0, Prior: c.Prior != "",
		SkipLevel: c.SkipLevel, Confidential: c.Confidential, RealName: c.RealName,
		Simplified: c.Simplified, Incoming: c.Incoming != nil, NoticeServed: c.NoticeServed,
		Accepted: c.Accepted, Resumed: c.Resumed, ExtDays: c.ExtDays, ExtOn: c.ExtOn,
		Replied: c.ReplyOn, Closed: c.Closed}
}

const tallyFormat1 = 2 // 1 was a draft without the repeat facts, never released

const (
	tallyGroup = 1 << iota
	tallyRepeat
	tallySkipLevel
	tallyConfidential
	tallyRealName
	tallySimplified
	tallyIncoming
	tallyLinked
)

const tallyPrior = 1 // the second flags byte

func (t *CaseTally) encode() []byte {
	b := make([]byte, 0, 64)
	b = append(b, tallyFormat1)
	var f byte
	for i, on := range [...]bool{t.Group, t.Repeat, t.SkipLevel, t.Confidential, t.RealName, t.Simplified, t.Incoming, t.Linked} {
		if on {
			f |= 1 << i
		}
	}
	var f2 byte
	if t.Prior {
		f2 |= tallyPrior
	}
	b = append(b, f, f2)
	for _, d := range [...]civil.Date{t.Received, t.NoticeServed, t.Accepted, t.Resumed, t.ExtOn, t.Replied, t.Closed} {
		b = binary.AppendVarint(b, int64(d))
	}
	for _, n := range [...]uint64{t.Unit, t.Petitioner, uint64(max(t.Present, 0)), uint64(max(t.ExtDays, 0))} {
		b = binary.AppendUvarint(b, n)
	}
	for _, s := range [...]string{t.Channel, t.Type, t.Category, t.Status, t.Satisfaction, t.Disposal} {
		b = appendStr(b, s)
	}
	return b
}

var errBadTally = errors.New("store: damaged statistics entry")

func decodeTally(id uint64, raw []byte) (CaseTally, error) {
	var t CaseTally
	err := t.decode(id, raw, nil)
	return t, err
}

// decode reads raw into t; intern, when set, shares the strings of
// equal values (a report reads the same few channels and types a hundred
// thousand times).
func (t *CaseTally) decode(id uint64, raw []byte, intern map[string]string) error {
	*t = CaseTally{ID: id}
	if len(raw) < 3 || raw[0] != tallyFormat1 {
		return errBadTally
	}
	f := raw[1]
	t.Group, t.Repeat, t.SkipLevel = f&tallyGroup != 0, f&tallyRepeat != 0, f&tallySkipLevel != 0
	t.Confidential, t.RealName = f&tallyConfidential != 0, f&tallyRealName != 0
	t.Simplified, t.Incoming, t.Linked = f&tallySimplified != 0, f&tallyIncoming != 0, f&tallyLinked != 0
	t.Prior = raw[2]&tallyPrior != 0
	rr := rowReader{b: raw[3:]}
	for _, d := range [...]*civil.Date{&t.Received, &t.NoticeServed, &t.Accepted, &t.Resumed, &t.ExtOn, &t.Replied, &t.Closed} {
		*d = civil.Date(rr.varint())
	}
	t.Unit, t.Petitioner = rr.uvarint(), rr.uvarint()
	t.Present, t.ExtDays = int(rr.uvarint()), int(rr.uvarint())
	for _, s := range [...]*string{&t.Channel, &t.Type, &t.Category, &t.Status, &t.Satisfaction, &t.Disposal} {
		if intern == nil {
			*s = rr.str()
			continue
		}
		b := rr.bytes()
		v, ok := intern[string(b)]
		if !ok {
			v = string(b)
			intern[v] = v
		}
		*s = v
	}
	if rr.err || len(rr.b) != 0 {
		return errBadTally
	}
	return nil
}

// tallyEntry is a case's entry in ix.case.day, rewritten when what it
// counts changes (a step, a reply, a rating).
func (c *Case) tallyEntry(id uint64) ixEntry {
	t := tallyOf(c)
	t.ID = id
	return ixEntry{bucket: ixCaseDay, key: cat(dateKey(t.Received), u64(id)), val: t.encode(), row: true}
}

// VisitTally is what the statistics read of a visit.
type VisitTally struct {
	ID      uint64 // the visit's event
	Case    uint64
	Day     civil.Date
	Present int
	Repeat  bool
}

const visitRepeat = 1

func visitTallyEntry(e *Event) ixEntry {
	v := binary.AppendUvarint(u64(e.Case), uint64(max(e.Visit.Present, 0)))
	var f byte
	if e.Visit.Repeat {
		f |= visitRepeat
	}
	v = append(v, f)
	return ixEntry{bucket: ixVisitTally, key: cat(dateKey(e.At.Date()), u64(e.ID)), val: v}
}

func decodeVisitTally(k, v []byte) (VisitTally, error) {
	if len(k) != 12 || len(v) < 10 {
		return VisitTally{}, errBadTally
	}
	t := VisitTally{Day: civil.Date(getU32(k[:4])), ID: getU64(k[4:]), Case: getU64(v[:8])}
	n, w := binary.Uvarint(v[8:])
	if w <= 0 || len(v) != 8+w+1 {
		return t, errBadTally
	}
	t.Present, t.Repeat = int(n), v[8+w]&visitRepeat != 0
	return t, nil
}

// EachCaseTally calls fn for every case received from from to to (both
// included), by day received. The tally fn gets is reused for the next
// case: fn keeps what it needs of it, not the pointer.
func (tx *Tx) EachCaseTally(from, to civil.Date, fn func(t *CaseTally) error) error {
	c := tx.b(ixCaseDay).Cursor()
	end := dateKey(to + 1)
	intern := map[string]string{}
	var t CaseTally
	for k, v := c.Seek(dateKey(from)); k != nil && bytes.Compare(k, end) < 0; k, v = c.Next() {
		if len(k) != 12 {
			return errBadTally
		}
		if err := t.decode(getU64(k[4:]), v, intern); err != nil {
			return err
		}
		if err := fn(&t); err != nil {
			return err
		}
	}
	return nil
}

// EachCaseDay calls fn with the day received and the ID of every case
// received from from to to, reading keys only.
func (tx *Tx) EachCaseDay(from, to civil.Date, fn func(day civil.Date, id uint64)) {
	c := tx.b(ixCaseDay).Cursor()
	end := dateKey(to + 1)
	for k, _ := c.Seek(dateKey(from)); k != nil && bytes.Compare(k, end) < 0; k, _ = c.Next() {
		if len(k) == 12 {
			fn(civil.Date(getU32(k[:4])), getU64(k[4:]))
		}
	}
}

// CaseDayCount counts the cases received from from to to, reading keys only.
func (tx *Tx) CaseDayCount(from, to civil.Date) int {
	return countRange(tx.b(ixCaseDay), dateKey(from), dateKey(to+1))
}

// EachVisitTally calls fn for every visit from from to to (both included),
// by day.
func (tx *Tx) EachVisitTally(from, to civil.Date, fn func(v VisitTally) error) error {
	c := tx.b(ixVisitTally).Cursor()
	end := dateKey(to + 1)
	for k, v := c.Seek(dateKey(from)); k != nil && bytes.Compare(k, end) < 0; k, v = c.Next() {
		t, err := decodeVisitTally(k, v)
		if err != nil {
			return err
		}
		if err := fn(t); err != nil {
			return err
		}
	}
	return nil
}

// CaseTally reads the tally of one case (a visit's case received before
// the period a report counts).
func (tx *Tx) CaseTally(id uint64) (CaseTally, error) {
	row, err := tx.CaseRow(id)
	if err != nil {
		return CaseTally{}, err
	}
	raw := tx.b(ixCaseDay).Get(cat(dateKey(row.Received.Date()), u64(id)))
	if raw == nil {
		return CaseTally{}, ErrNotFound
	}
	return decodeTally(id, raw)
}

// migrateTo11 makes the statistics' indexes empty, for fillTally.
func migrateTo11(tx *bolt.Tx, s *Store) error {
	return emptyBuckets(tx, ixCaseDay, ixVisitTally)
}

// fillTally writes the statistics' entries of every case and visit. Run
// again after a crash it writes the same keys.
func (s *Store) fillTally() error {
	if err := s.eachBatch(bucketCases, 50000, func(tx *Tx, k, v []byte) error {
		c, err := decodeRecord[Case](getU64(k), v)
		if err != nil {
			return err
		}
		e := c.tallyEntry(c.ID)
		return tx.b(e.bucket).Put(e.key, e.val)
	}); err != nil {
		return err
	}
	return s.eachBatch(bucketEvents, 100000, func(tx *Tx, k, v []byte) error {
		e, err := decodeRecord[Event](getU64(k[8:]), v)
		if err != nil {
			return err
		}
		e.Case = getU64(k)
		if e.Visit == nil || e.At == 0 {
			return nil
		}
		ie := visitTallyEntry(e)
		return tx.b(ie.bucket).Put(ie.key, ie.val)
	})
}

// bytes reads a string's bytes without copying them.
func (rr *rowReader) bytes() []byte {
	n := rr.uvarint()
	if rr.err || n > uint64(len(rr.b)) {
		rr.err, rr.b = true, nil
		return nil
	}
	b := rr.b[:n]
	rr.b = rr.b[n:]
	return b
}
