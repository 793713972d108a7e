package store

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/followup"
)

//go:generate go run github.com/tinylib/msgp@v1.6.5 -file cases.go -o cases_msgp.go -tests=false -io=false
// The records of this file are stored as MessagePack (codec.go), by
// methods msgp generates from their json tags: `go generate ./store/`.
//msgp:tag json
//msgp:replace Stamp with:int64
//msgp:replace civil.Date with:int32
//msgp:ignore Intake IntakePerson IntakeResult

// Buckets of this file (created at open, listed in store.go).
var (
	bucketCases  = []byte("cases")
	ixCaseNo     = []byte("ix.caseno")      // case number → caseID
	ixPersonCase = []byte("ix.person.case") // personID | caseID
	ixCaseDue    = []byte("ix.case.due")    // due date | caseID, open cases only
	ixCaseTodo   = []byte("ix.case.todo")   // kind | 0 | caseID, from Case.Todo (queue.go)
	ixUnitTodo   = []byte("ix.unit.todo")   // unitID | kind | 0 | caseID: ix.case.todo by department
	ixUnitDue    = []byte("ix.unit.due")    // unitID | due date | caseID: ix.case.due by department
)

// The departments' indexes of cases (scope.go).
var (
	ixUnitCase = []byte("ix.unit.case")    // unitID | caseID: the handling department's cases
	ixAccused  = []byte("ix.unit.accused") // unitID | caseID: the cases about a unit (被反映单位)
)

// Case is a petition matter (信访事项).
type Case struct {
	V            int          `json:"v"`
	ID           uint64       `json:"-"`
	No           string       `json:"no"`
	ExternalNo   string       `json:"xno,omitempty"`
	Channel      string       `json:"ch,omitempty"`
	Received     Stamp        `json:"rcv"`
	Registered   Stamp        `json:"reg"`
	RegisteredBy uint64       `json:"rby,omitempty"`
	Incoming     *Incoming    `json:"in,omitempty"`
	Title        string       `json:"ti,omitempty"`
	Demand       string       `json:"dm,omitempty"` // 诉求摘要
	Facts        string       `json:"fr,omitempty"` // 事实和理由
	Region       string       `json:"rg,omitempty"`
	Place        string       `json:"pl,omitempty"`
	Type         string       `json:"ty,omitempty"` // 建议意见/检举控告/申诉求决/咨询/其他
	Category     string       `json:"cat,omitempty"`
	Category2    string       `json:"cat2,omitempty"`
	Category3    string       `json:"cat3,omitempty"`
	AccusedUnit  uint64       `json:"acu,omitempty"`
	Accused      string       `json:"acp,omitempty"` // confidential
	Present      int          `json:"np,omitempty"`
	Involved     int          `json:"ni,omitempty"`
	Group        bool         `json:"grp,omitempty"`
	Litigation   bool         `json:"lit,omitempty"`
	SkipLevel    bool         `json:"skl,omitempty"`
	Repeat       bool         `json:"rep,omitempty"`
	FirstCase    uint64       `json:"fc,omitempty"`
	RepeatCount  int          `json:"rpn,omitempty"`
	Urgent       bool         `json:"urg,omitempty"`
	Backlog      bool         `json:"blg,omitempty"`
	LeaderCase   bool         `json:"ldc,omitempty"`
	LeaderName   string       `json:"ldn,omitempty"`
	Confidential bool         `json:"cf,omitempty"`
	RealName     bool         `json:"rn,omitempty"`
	Simplified   bool         `json:"smp,omitempty"`
	RiskTags     []string     `json:"rk,omitempty"` // confidential
	Prior        string       `json:"pri,omitempty"`
	Disposal     string       `json:"dsp,omitempty"`
	DispReason   string       `json:"dsr,omitempty"`
	DispOpinion  string       `json:"dso,omitempty"`
	Instruction  string       `json:"ins,omitempty"`
	Accepted     civil.Date   `json:"acc,omitempty"`
	Unit         uint64       `json:"u,omitempty"` // handling department
	Handler      uint64       `json:"hu,omitempty"`
	Outcome      string       `json:"out,omitempty"`
	Reply        string       `json:"rpl,omitempty"` // the reply's summary, searchable
	ReplyLetter  uint64       `json:"rl,omitempty"`
	Served       civil.Date   `json:"srv,omitempty"`
	ServedHow    string       `json:"svh,omitempty"`
	Status       string       `json:"st"`            // a casestate.State
	Due          civil.Date   `json:"due,omitempty"` // the running legal deadline, computed by domain/deadline
	Closed       civil.Date   `json:"cl,omitempty"`
	ArchiveNo    string       `json:"arc,omitempty"`
	Retain       civil.Date   `json:"ret,omitempty"`
	People       []CasePerson `json:"pp,omitempty"`
	Visits       int          `json:"nv,omitempty"`
	// Follow-up (docs/DOMAIN.md §4, §5): what the steps after registration
	// record. The app writes them; the store only keeps and indexes them.
	NoticeServed  civil.Date `json:"nsv,omitempty"` // the disposal's notice (受理告知书 …) served
	ExtDays       int        `json:"exd,omitempty"` // the approved extension of the handling clock, once
	ExtReason     string     `json:"exr,omitempty"`
	ExtBy         uint64     `json:"exb,omitempty"` // the head who approved it
	ExtOn         civil.Date `json:"exo,omitempty"`
	ReplyBy       uint64     `json:"rpb,omitempty"` // the head who approved the reply
	ReplyOn       civil.Date `json:"rpo,omitempty"` // the day the reply was issued
	Satisfaction  string     `json:"sat,omitempty"` // 满意/基本满意/不满意/未评价
	SatisfiedOn   civil.Date `json:"sto,omitempty"`
	SatisfiedBy   uint64     `json:"stb,omitempty"`  // who recorded it
	Implemented   civil.Date `json:"imp,omitempty"`  // 执行落实 of a supported reply reported done
	ResultTold    civil.Date `json:"told,omitempty"` // a real-name reporter told the result (纪检反馈)
	ReviewAsked   civil.Date `json:"rva,omitempty"`  // 复查 request received
	ReviewBody    string     `json:"rvb,omitempty"`  // the 复查机关
	ReviewServed  civil.Date `json:"rvs,omitempty"`  // 复查意见 served
	ReviewResult  string     `json:"rvr,omitempty"`  // 维持/变更/责令重新办理/不予受理
	RecheckAsked  civil.Date `json:"rca,omitempty"`
	RecheckBody   string     `json:"rcb,omitempty"`
	RecheckServed civil.Date `json:"rcs,omitempty"`
	RecheckResult string     `json:"rcr,omitempty"`
	HearingDays   int        `json:"hrd,omitempty"` // 复核 hearing days, not counted in its decision clock
	Resumed       civil.Date `json:"rsm,omitempty"` // work started again after 责令重新办理: a new handling period
	// Clocks are the running clocks, set by the app at every step; Due is
	// the earliest legal due date among them.
	Clocks []CaseClock `json:"clk,omitempty"`
	// Todo names what the office owes the case next (the work queue's
	// kinds: a notice to serve, a reply to write …), set with Clocks.
	Todo []string `json:"todo,omitempty"`
	// Sent are the departments a task of the case (转送, 交办, 协办:
	// Task.ToUnit) was sent to, kept by the store as it saves the task
	// (SaveTask), never by the app: with Unit, the departments whose
	// handlers see the case (app/scope.go) and whose work queue holds it.
	Sent []uint64 `json:"snt,omitempty"`
	// Rev counts the writes of the case, for optimistic concurrency: an
	// edit sends back the Rev it read, and UpdateCase refuses a save whose
	// Rev is not the stored one with ErrStale. SaveIntake gives a new case
	// Rev 1; UpdateCase, AddVisit and AppendEvent add one. Zero is the Rev
	// of a case written before revisions existed: it matches while the
	// stored case has no Rev either, so reading a case, changing it and
	// saving it works as it always did.
	Rev uint64 `json:"rev,omitempty"`
	// ImportedFrom is the name of the old ledger's file the case was
	// imported from, ImportKey the fingerprint of its row (imports.go).
	ImportedFrom string `json:"imf,omitempty"`
	ImportKey    string `json:"imk,omitempty"`
}

// CasePerson links a person to a case with a role (主信访人/代表/随访人/代理人/联名人).
type CasePerson struct {
	Person  uint64 `json:"p"`
	Role    string `json:"r,omitempty"`
	Contact bool   `json:"c,omitempty"`
}

// CaseClock is one running clock of a case: a statutory period of
// domain/deadline, or a date another body set (the 交办单's, the sender's
// 要求办结日期).
type CaseClock struct {
	Clock   string     `json:"c"`           // a deadline.Clock, or the name of a set date
	Start   civil.Date `json:"s,omitempty"` // the day that started it (not counted)
	Target  civil.Date `json:"t,omitempty"` // the internal target: the last day, no roll-forward
	Legal   civil.Date `json:"d"`           // the legal due date
	Working bool       `json:"w,omitempty"` // counted in working days
}

// FollowFacts are what the follow-up rules (domain/followup) read of the case;
// the caller adds what is kept elsewhere (the open 交办 task's due date).
func (c *Case) FollowFacts() followup.Facts {
	f := followup.Facts{State: casestate.State(c.Status), Type: c.Type, RealName: c.RealName,
		Simplified: c.Simplified, Incoming: c.Incoming != nil, Received: c.Received.Date(),
		Accepted: c.Accepted, Resumed: c.Resumed, NoticeServed: c.NoticeServed, ExtDays: c.ExtDays, ExtOn: c.ExtOn, Outcome: c.Outcome,
		Replied: c.ReplyOn, Served: c.Served, Satisfaction: c.Satisfaction, Implemented: c.Implemented,
		ReviewAsked: c.ReviewAsked, ReviewServed: c.ReviewServed, RecheckAsked: c.RecheckAsked,
		RecheckServed: c.RecheckServed, HearingDays: c.HearingDays, Closed: c.Closed, ResultTold: c.ResultTold}
	if c.Incoming != nil {
		f.SenderDue = c.Incoming.Due
	}
	return f
}

// Incoming describes a matter sent down from another body (转送/交办 in).
type Incoming struct {
	Org     string     `json:"org,omitempty"`
	DocNo   string     `json:"no,omitempty"`
	DocDate civil.Date `json:"dt,omitempty"`
	Due     civil.Date `json:"due,omitempty"`
}

func (c *Case) setID(id uint64) { c.ID = id }

func (c *Case) indexEntries(id uint64, salt []byte) []ixEntry {
	var out []ixEntry
	if c.No != "" {
		out = append(out, unique(ixCaseNo, []byte(c.No), id))
	}
	seen := map[uint64]bool{}
	for _, p := range c.People {
		if p.Person == 0 || seen[p.Person] {
			continue
		}
		seen[p.Person] = true
		out = append(out, multi(ixPersonCase, u64(p.Person), id))
	}
	if c.ClockRuns() {
		out = append(out, multi(ixCaseDue, dateKey(c.Due), id))
	}
	if c.Unit != 0 {
		out = append(out, multi(ixUnitCase, u64(c.Unit), id))
	}
	if c.AccusedUnit != 0 {
		out = append(out, multi(ixAccused, u64(c.AccusedUnit), id))
	}
	if no := strings.TrimSpace(c.ArchiveNo); no != "" {
		out = append(out, unique(ixArchiveNo, []byte(no), id))
	}
	for _, k := range c.Todo {
		out = append(out, multi(ixCaseTodo, todoKey(k), id))
	}
	if c.ImportKey != "" {
		out = append(out, unique(ixImportKey, importKey(salt, c.ImportKey), id))
	}
	// A handler's queue is his department's: the same keys under the ID
	// of every department the case was sent to.
	for _, u := range c.Depts() {
		if c.ClockRuns() {
			out = append(out, multi(ixUnitDue, cat(u64(u), dateKey(c.Due)), id))
		}
		for _, k := range c.Todo {
			out = append(out, multi(ixUnitTodo, cat(u64(u), todoKey(k)), id))
		}
	}
	return append(out, c.tallyEntry(id))
}

// ClockRuns tells whether the case's running deadline (Due) is indexed: an
// open case's, and a closed one's whose clocks still run (the 纪检 K2: a
// real-name reporter is told the result within 15 working days of
// closing; domain/followup.Clocks). A case written before clocks were kept
// is indexed while it is open, as it always was.
func (c *Case) ClockRuns() bool {
	return c.Due != 0 && (casestate.Open(casestate.State(c.Status)) || len(c.Clocks) > 0)
}

// Depts are the departments the case was sent to: its handling department
// (Unit) and those it was sent a task of (Sent), each once. The same set
// as ix.unit.case and ix.unit.taskcase hold (scope.go), read off the case.
func (c *Case) Depts() []uint64 {
	var out []uint64
	if c.Unit != 0 {
		out = append(out, c.Unit)
	}
	for _, u := range c.Sent {
		if u != 0 && !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	return out
}

// Intake is everything one registration writes: the case, its people, the
// visit, the reception record, and who did it.
type Intake struct {
	Case   Case
	People []IntakePerson
	Visit  Visit
	Record *Record // the reception record; may be nil for a letter
	By     uint64  // the acting user
	// At is when it happened; the store's clock when zero (imports and the
	// generator set it).
	At time.Time
	// Audit is the caller's audit entry of the registration (who, what,
	// from where): the store only names the case it made and stamps it.
	Audit *AuditEntry
}

// IntakePerson is one person of an intake: a new one (ID 0), or one already
// on file (ID set), who is updated with the given fields when Update is set.
type IntakePerson struct {
	Person  Person
	Role    string
	Contact bool
	Update  bool
}

// IntakeResult are the IDs the intake was given.
type IntakeResult struct {
	CaseID    uint64
	CaseNo    string
	VisitID   uint64
	EventID   uint64
	AuditSeq  uint64
	PersonIDs []uint64
}

// SaveIntake registers a visit with its case in one transaction.
func (s *Store) SaveIntake(in *Intake) (IntakeResult, error) {
	var r IntakeResult
	err := s.Update(func(tx *Tx) error {
		var err error
		r, err = tx.SaveIntake(in)
		return err
	})
	return r, err
}

// SaveIntake writes the people (new or updated), the case with its number,
// the visit, the intake event on the case's timeline (carrying the reception
// record), every index entry and the audit entry.
func (tx *Tx) SaveIntake(in *Intake) (IntakeResult, error) {
	var r IntakeResult
	if err := tx.writable(); err != nil {
		return r, err
	}
	now := StampOf(tx.now)
	if !in.At.IsZero() {
		now = StampOf(in.At)
	}
	c := &in.Case
	if c.ID != 0 {
		return r, fmt.Errorf("store: intake of a case that already has ID %d", c.ID)
	}
	c.People = c.People[:0]
	for i := range in.People {
		ip := &in.People[i]
		if ip.Person.ID == 0 || ip.Update {
			if ip.Person.Created == 0 {
				ip.Person.Created = now
			}
			if err := tx.SavePerson(&ip.Person); err != nil {
				return r, err
			}
		} else if tx.b(bucketPeople).Get(u64(ip.Person.ID)) == nil {
			return r, fmt.Errorf("store: person %d: %w", ip.Person.ID, ErrNotFound)
		}
		r.PersonIDs = append(r.PersonIDs, ip.Person.ID)
		c.People = append(c.People, CasePerson{Person: ip.Person.ID, Role: ip.Role, Contact: ip.Contact})
	}
	if c.Registered == 0 {
		c.Registered = now
	}
	if c.Received == 0 {
		c.Received = c.Registered
	}
	if c.RegisteredBy == 0 {
		c.RegisteredBy = in.By
	}
	if c.Status == "" {
		c.Status = string(casestate.Registered)
	}
	if !in.At.IsZero() && in.Visit.At == 0 {
		in.Visit.At = now
	}
	c.Visits = 1
	if err := tx.createCase(c); err != nil {
		return r, err
	}
	v := &in.Visit
	if v.At == 0 {
		v.At = c.Received
	}
	ev := &Event{Kind: EventIntake, At: v.At, By: in.By, Visit: v, Record: in.Record}
	if err := tx.appendEvent(c.ID, ev); err != nil {
		return r, err
	}
	if err := tx.ft().Put(c.ID, nil, makeDoc(c, []Event{*ev})); err != nil {
		return r, err
	}
	if a := in.Audit; a != nil {
		a.At, a.Entity, a.EntityID = now, "case", c.ID
		if err := tx.AppendAudit(a); err != nil {
			return r, err
		}
		r.AuditSeq = a.Seq
	}
	r.CaseID, r.CaseNo, r.VisitID, r.EventID = c.ID, c.No, v.ID, ev.ID
	return r, nil
}

// createCase gives a new case its ID and number and writes it with its
// classic indexes (not the full text: the caller adds that once the
// timeline is written).
func (tx *Tx) createCase(c *Case) error {
	id, err := nextID(tx.b(bucketCases))
	if err != nil {
		return err
	}
	if id >= 1<<32 {
		return fmt.Errorf("store: too many cases")
	}
	c.ID, c.V, c.Rev = id, recordVersion, 1
	if c.No == "" {
		year := c.Registered.Time().Year()
		if c.No, err = tx.nextCaseNo(year); err != nil {
			return err
		}
	}
	return tx.writeCase(c, nil)
}

func (tx *Tx) writeCase(c *Case, old *Case) error {
	if old != nil {
		// Sent is the store's (SaveTask): a case the caller read before a
		// task was sent keeps the department.
		c.Sent = old.Sent
	}
	return tx.putCase(c, old)
}

// putCase writes the case as it is, with its indexes and list row.
func (tx *Tx) putCase(c *Case, old *Case) error {
	raw, err := tx.encode(c)
	if err != nil {
		return err
	}
	var o indexed
	if old != nil {
		o = old
	}
	if err := tx.reindex(c.ID, o, c); err != nil {
		if errors.Is(err, ErrConflict) {
			return fmt.Errorf("store: case number %s: %w", c.No, ErrConflict)
		}
		return err
	}
	if err := tx.putJSON(tx.b(bucketCases), u64(c.ID), raw); err != nil {
		return err
	}
	return tx.putRow(c)
}

// AddVisit records a later visit on an existing case (重复访): the visit,
// the reception record on the timeline, the case's visit count and repeat
// flag, and the indexes. The caller writes the audit entry (the app, with
// the workstation) in the same transaction. It bumps the case's Rev (a form
// opened before it is refused on save) but is never refused itself: a
// visit is registered whatever else happened to the case.
func (s *Store) AddVisit(caseID uint64, v *Visit, rec *Record, by uint64) (eventID uint64, err error) {
	err = s.Update(func(tx *Tx) error {
		eventID, err = tx.AddVisit(caseID, v, rec, by)
		return err
	})
	return eventID, err
}

// AddVisit is Store.AddVisit inside a transaction.
func (tx *Tx) AddVisit(caseID uint64, v *Visit, rec *Record, by uint64) (uint64, error) {
	if err := tx.writable(); err != nil {
		return 0, err
	}
	old, err := tx.Case(caseID)
	if err != nil {
		return 0, err
	}
	events, err := tx.caseEvents(caseID)
	if err != nil {
		return 0, err
	}
	oldDoc := makeDoc(old, events)
	c := *old
	c.Rev++
	c.Visits++
	c.Repeat = true
	c.RepeatCount++
	v.Repeat = true
	if v.At == 0 {
		v.At = StampOf(tx.now)
	}
	if v.Previous == 0 {
		for i := len(events) - 1; i >= 0; i-- {
			if events[i].Visit != nil {
				v.Previous = events[i].ID
				break
			}
		}
	}
	if err := tx.writeCase(&c, old); err != nil {
		return 0, err
	}
	ev := &Event{Kind: EventRecord, At: v.At, By: by, Visit: v, Record: rec}
	if err := tx.appendEvent(caseID, ev); err != nil {
		return 0, err
	}
	if err := tx.ft().Put(caseID, &oldDoc, makeDoc(&c, append(events, *ev))); err != nil {
		return 0, err
	}
	return ev.ID, nil
}

// UpdateCase saves a changed case (a transition, an edit), appends ev to
// its timeline when ev is not nil (its From and To are filled in when the
// status changed), and writes the audit entry a when not nil: one
// transaction.
//
// c.Rev must be the Rev of the stored case (the one the user opened):
// otherwise someone else changed it meanwhile and the save is refused with
// ErrStale, nothing written. On success c.Rev is the new Rev. Read, change
// and save in one transaction always passes; an edit from a form sets
// c.Rev to the Rev the form was opened with.
func (s *Store) UpdateCase(c *Case, ev *Event, a *AuditEntry) error {
	return s.Update(func(tx *Tx) error { return tx.UpdateCase(c, ev, a) })
}

// UpdateCase is Store.UpdateCase inside a transaction.
func (tx *Tx) UpdateCase(c *Case, ev *Event, a *AuditEntry) (err error) {
	if err := tx.writable(); err != nil {
		return err
	}
	old, err := tx.Case(c.ID)
	if err != nil {
		return err
	}
	if old.Rev != c.Rev {
		return ErrStale
	}
	events, err := tx.caseEvents(c.ID)
	if err != nil {
		return err
	}
	oldDoc := makeDoc(old, events)
	c.V = recordVersion
	c.Rev++
	defer func() {
		if err != nil {
			c.Rev = old.Rev // the transaction rolls back: the caller may retry
		}
	}()
	if err := tx.writeCase(c, old); err != nil {
		return err
	}
	if ev != nil {
		if old.Status != c.Status && ev.From == "" && ev.To == "" {
			ev.From, ev.To = old.Status, c.Status
		}
		if err := tx.appendEvent(c.ID, ev); err != nil {
			return err
		}
		events = append(events, *ev)
	}
	if err := tx.ft().Put(c.ID, &oldDoc, makeDoc(c, events)); err != nil {
		return err
	}
	if a != nil {
		if a.Entity == "" {
			a.Entity, a.EntityID = "case", c.ID
		}
		return tx.AppendAudit(a)
	}
	return nil
}

// Case reads one case.
func (tx *Tx) Case(id uint64) (*Case, error) { return getRecord[Case](tx.b(bucketCases), id) }

// Case reads one case.
func (s *Store) Case(id uint64) (c *Case, err error) {
	err = s.View(func(tx *Tx) error { c, err = tx.Case(id); return err })
	return c, err
}

// caseByNo finds a case by its number.
func (tx *Tx) caseByNo(no string) (*Case, error) {
	v := tx.b(ixCaseNo).Get([]byte(no))
	if v == nil {
		return nil, ErrNotFound
	}
	return tx.Case(getU64(v))
}

// CaseRowsByNo finds cases by their number as a clerk types it: the whole
// number (2026-000002), or the serial alone (000002, 2), which is read as
// that serial of each of years (newest first) by the office's pattern.
// Each number is one index lookup.
func (tx *Tx) CaseRowsByNo(text string, years []int) ([]CaseRow, error) {
	text = strings.TrimSpace(text)
	var ids []uint64
	seen := map[uint64]bool{}
	look := func(no string) {
		if v := tx.b(ixCaseNo).Get([]byte(no)); v != nil && !seen[getU64(v)] {
			seen[getU64(v)] = true
			ids = append(ids, getU64(v))
		}
	}
	if text == "" {
		return nil, nil
	}
	look(text)
	if n, err := strconv.ParseUint(text, 10, 64); err == nil && n > 0 && len(text) <= 8 {
		st, err := tx.numberSettings()
		if err != nil {
			return nil, err
		}
		p := st.CaseNoPattern
		if p == "" {
			p = defaultCaseNoPattern
		}
		for _, y := range years {
			look(formatNo(p, st.OrgCode, "", y, n))
		}
	}
	return tx.caseRows(ids)
}

// PersonCases lists the cases a person is on, newest first.
func (tx *Tx) PersonCases(personID uint64, limit int) ([]Case, error) {
	var out []Case
	for _, id := range idsWithPrefix(tx.b(ixPersonCase), u64(personID), limit) {
		c, err := tx.Case(id)
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	return out, nil
}

// PersonCaseRows lists the rows of the cases a person is on, newest first
// (limit ≤ 0: all): what the case's flags and type say of him, read
// without decoding the cases.
func (tx *Tx) PersonCaseRows(personID uint64, limit int) ([]CaseRow, error) {
	return tx.caseRows(idsWithPrefix(tx.b(ixPersonCase), u64(personID), limit))
}

// CasesDue lists open cases whose running deadline falls in [from, to],
// earliest first, at most limit (≤ 0: all).
func (tx *Tx) CasesDue(from, to civil.Date, limit int) ([]Case, error) {
	var out []Case
	cur := tx.b(ixCaseDue).Cursor()
	end := dateKey(to + 1)
	for k, _ := cur.Seek(dateKey(from)); k != nil && bytes.Compare(k, end) < 0; k, _ = cur.Next() {
		c, err := tx.Case(getU64(k[4:]))
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out, nil
}

// deleteCase removes a case with its visits, timeline, tasks and letters
// (retention expiry). Its number and ID are never given again.
func (tx *Tx) deleteCase(id uint64, a *AuditEntry) error {
	c, err := tx.Case(id)
	if err != nil {
		return err
	}
	events, err := tx.caseEvents(id)
	if err != nil {
		return err
	}
	if err := tx.ft().Delete(id, makeDoc(c, events)); err != nil {
		return err
	}
	for _, e := range events {
		if err := tx.b(bucketEvents).Delete(cat(u64(id), u64(e.ID))); err != nil {
			return err
		}
		for _, ie := range e.eventEntries() {
			if err := tx.b(ie.bucket).Delete(ie.key); err != nil {
				return err
			}
		}
	}
	for _, tid := range idsWithPrefix(tx.b(ixCaseTask), u64(id), 0) {
		t, err := tx.Task(tid)
		if err != nil {
			return err
		}
		if err := tx.reindex(tid, t, nil); err != nil {
			return err
		}
		if err := tx.b(bucketTasks).Delete(u64(tid)); err != nil {
			return err
		}
	}
	for _, lid := range idsWithPrefix(tx.b(ixCaseLetter), u64(id), 0) {
		l, err := tx.Letter(lid)
		if err != nil {
			return err
		}
		if err := tx.reindex(lid, l, nil); err != nil {
			return err
		}
		if err := tx.b(bucketLetters).Delete(u64(lid)); err != nil {
			return err
		}
	}
	if err := tx.reindex(id, c, nil); err != nil {
		return err
	}
	if err := tx.b(bucketCases).Delete(u64(id)); err != nil {
		return err
	}
	if err := tx.b(ixCaseRow).Delete(u64(id)); err != nil {
		return err
	}
	if a == nil {
		a = &AuditEntry{Action: "delete"}
	}
	a.Entity, a.EntityID = "case", id
	return tx.AppendAudit(a)
}
