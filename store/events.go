package store

import (
	"bytes"

	"laifang/domain/civil"
)

//go:generate go run github.com/tinylib/msgp@v1.6.5 -file events.go -o events_msgp.go -tests=false -io=false
// The records of this file are stored as MessagePack (codec.go), by
// methods msgp generates from their json tags: `go generate ./store/`.
//msgp:tag json
//msgp:replace Stamp with:int64
//msgp:replace civil.Date with:int32

// Buckets of this file (created at open, listed in store.go).
var (
	bucketEvents = []byte("events")       // caseID | eventID; visits are events
	ixVisitDay   = []byte("ix.visit.day") // date | visit's eventID → caseID
)

// Visit is one contact (来访批次; letters and calls make one too). It is
// kept inside the timeline event that records it, so its ID is that event's
// ID and its time the event's time.
type Visit struct {
	ID           uint64   `json:"-"`
	Case         uint64   `json:"-"`
	At           Stamp    `json:"-"`
	Place        string   `json:"pl,omitempty"`
	Channel      string   `json:"ch,omitempty"`
	People       []uint64 `json:"pp,omitempty"`
	Present      int      `json:"np,omitempty"`
	Receptionist uint64   `json:"rc,omitempty"`
	Leader       string   `json:"ld,omitempty"`
	IDChecked    bool     `json:"idk,omitempty"`
	Repeat       bool     `json:"rep,omitempty"`
	Previous     uint64   `json:"pv,omitempty"`
	Disposal     string   `json:"dsp,omitempty"`
}

// Record is a reception record (接谈记录), kept inside its timeline event.
type Record struct {
	Start        Stamp    `json:"s,omitempty"`
	End          Stamp    `json:"e,omitempty"`
	Statement    string   `json:"st,omitempty"` // searchable
	QA           string   `json:"qa,omitempty"` // searchable
	Materials    string   `json:"mt,omitempty"`
	Explanations string   `json:"ex,omitempty"` // searchable
	Scripts      []uint64 `json:"sc,omitempty"`
	Commitments  string   `json:"cm,omitempty"`
	Procedure    bool     `json:"pt,omitempty"`
	Remedies     bool     `json:"rt,omitempty"`
	RiskNotes    string   `json:"rk,omitempty"` // confidential
	Confirmed    bool     `json:"ok,omitempty"`
	Refusal      string   `json:"rf,omitempty"`
}

// Event kinds on a case's timeline.
const (
	EventIntake   = "intake" // the first visit, with its reception record
	EventRecord   = "record" // a later visit, with its reception record
	EventNote     = "note"
	EventDecision = "decision"
	EventStatus   = "status"
	EventTask     = "task"
	EventLetter   = "letter"
	EventReply    = "reply"
	EventReview   = "review"
	// EventCorrection corrects the reception record of an earlier event
	// (Corrects): the old one stays on the timeline, marked corrected.
	EventCorrection = "correction"
)

// Event is one entry of a case's append-only timeline.
type Event struct {
	V      int     `json:"v"`
	ID     uint64  `json:"-"`
	Case   uint64  `json:"-"`
	Kind   string  `json:"k"`
	At     Stamp   `json:"at"`
	By     uint64  `json:"by,omitempty"`
	Visit  *Visit  `json:"vi,omitempty"` // the visit this event records
	Task   uint64  `json:"tk,omitempty"`
	Letter uint64  `json:"lt,omitempty"`
	From   string  `json:"fs,omitempty"` // status before
	To     string  `json:"ts,omitempty"` // status after
	Text   string  `json:"tx,omitempty"` // searchable
	Record *Record `json:"rec,omitempty"`
	// Corrects is the event whose reception record this one corrects.
	Corrects uint64 `json:"cor,omitempty"`
}

func (e *Event) setID(id uint64) { e.ID = id }

// eventEntries are the index entries of a timeline event: a visit is
// found by its day.
func (e *Event) eventEntries() []ixEntry {
	if e.Visit == nil || e.At == 0 {
		return nil
	}
	return []ixEntry{{bucket: ixVisitDay, key: cat(dateKey(e.At.Date()), u64(e.ID)), val: u64(e.Case)},
		visitTallyEntry(e)}
}

// AppendEvent adds an event to a case's timeline (and its text to the
// case's full text), and bumps the case's Rev: a form opened before the
// event is refused on save, since what it shows is no longer current.
func (tx *Tx) AppendEvent(caseID uint64, ev *Event) error {
	if err := tx.writable(); err != nil {
		return err
	}
	old, err := tx.Case(caseID)
	if err != nil {
		return err
	}
	events, err := tx.caseEvents(caseID)
	if err != nil {
		return err
	}
	oldDoc := makeDoc(old, events)
	c := *old
	c.Rev++
	if err := tx.writeCase(&c, old); err != nil {
		return err
	}
	if err := tx.appendEvent(caseID, ev); err != nil {
		return err
	}
	return tx.ft().Put(caseID, &oldDoc, makeDoc(&c, append(events, *ev)))
}

func (tx *Tx) appendEvent(caseID uint64, ev *Event) error {
	b := tx.b(bucketEvents)
	id, err := nextID(b)
	if err != nil {
		return err
	}
	ev.ID, ev.Case, ev.V = id, caseID, recordVersion
	if ev.At == 0 {
		ev.At = StampOf(tx.now)
	}
	if ev.Visit != nil {
		ev.Visit.ID, ev.Visit.Case, ev.Visit.At = id, caseID, ev.At
	}
	raw, err := tx.encode(ev)
	if err != nil {
		return err
	}
	if err := tx.putJSON(b, cat(u64(caseID), u64(id)), raw); err != nil {
		return err
	}
	for _, ie := range ev.eventEntries() {
		if err := tx.b(ie.bucket).Put(ie.key, ie.val); err != nil {
			return err
		}
	}
	return nil
}

// Events is a case's timeline, oldest first.
func (tx *Tx) Events(caseID uint64) ([]Event, error) { return tx.caseEvents(caseID) }

// Events is a case's timeline, oldest first.
func (s *Store) Events(caseID uint64) (ev []Event, err error) {
	err = s.View(func(tx *Tx) error { ev, err = tx.caseEvents(caseID); return err })
	return ev, err
}

// caseEvents reads a case's timeline.
func (tx *Tx) caseEvents(caseID uint64) ([]Event, error) {
	var out []Event
	prefix := u64(caseID)
	c := tx.b(bucketEvents).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		e, err := decodeRecord[Event](getU64(k[8:]), v)
		if err != nil {
			return nil, err
		}
		e.Case = caseID
		if e.Visit != nil {
			e.Visit.ID, e.Visit.Case, e.Visit.At = e.ID, caseID, e.At
		}
		out = append(out, *e)
	}
	return out, nil
}

// Visit reads the visit recorded by event eventID of case caseID.
func (tx *Tx) Visit(caseID, eventID uint64) (*Visit, error) {
	raw := tx.b(bucketEvents).Get(cat(u64(caseID), u64(eventID)))
	if raw == nil {
		return nil, ErrNotFound
	}
	e, err := decodeRecord[Event](eventID, raw)
	if err != nil {
		return nil, err
	}
	if e.Visit == nil {
		return nil, ErrNotFound
	}
	e.Case = caseID
	return visitOf(e), nil
}

func visitOf(e *Event) *Visit {
	v := *e.Visit
	v.ID, v.Case, v.At = e.ID, e.Case, e.At
	return &v
}

// VisitsOn lists the visits of day d, oldest first.
func (tx *Tx) VisitsOn(d civil.Date) ([]Visit, error) {
	var out []Visit
	prefix := dateKey(d)
	c := tx.b(ixVisitDay).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		vis, err := tx.Visit(getU64(v), getU64(k[4:]))
		if err != nil {
			return nil, err
		}
		out = append(out, *vis)
	}
	return out, nil
}

// VisitCount is the number of visits on file.
func (tx *Tx) VisitCount() (int, error) { return tx.b(ixVisitDay).Stats().KeyN, nil }

// CaseVisits lists a case's visits, newest first.
func (tx *Tx) CaseVisits(caseID uint64) ([]Visit, error) {
	events, err := tx.caseEvents(caseID)
	if err != nil {
		return nil, err
	}
	var out []Visit
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Visit != nil {
			out = append(out, *visitOf(&events[i]))
		}
	}
	return out, nil
}
