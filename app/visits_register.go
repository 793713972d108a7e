package app

import (
	"errors"
	"fmt"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store"
)

// Registering a visit (来访登记): the people, the case or a repeat visit
// on one, the visit with its reception record, in one transaction.

// Registered is what a registration gives back.
type Registered struct {
	CaseID      uint64  `json:"caseId"`
	CaseNo      string  `json:"caseNo"`
	VisitID     uint64  `json:"visitId"`
	Status      string  `json:"status"`
	StatusLabel string  `json:"statusLabel"`
	Group       bool    `json:"group"`
	Repeat      bool    `json:"repeat"`   // recorded on an existing case
	Due         string  `json:"due"`      // the earliest running deadline, YYYY-MM-DD
	DueLabel    string  `json:"dueLabel"` // the clock Due is the date of (受理告知期限 …)
	Warnings    []Issue `json:"warnings"`
}

// Register registers a visit: the people, the case with its number (or,
// with LinkCase, a repeat visit on that case), the visit with its
// reception record, the disposal as a transition of the case state
// machine, the indexes and the audit entry, in one transaction. Every
// problem of the form comes back at once (CodeInvalid with Fields).
func (s *Visits) Register(in RegisterInput) (Registered, error) {
	act, st, err := s.gate("Visits.Register", in)
	if err != nil {
		return Registered{}, err
	}
	trimInput(&in)
	var out Registered
	err = st.Update(func(tx *store.Tx) error {
		if in.ReceivedAt == "" {
			// The server's clock stamps the visit, never the PC's.
			in.ReceivedAt = tx.Now().Format("2006-01-02T15:04:05")
		}
		r, err := loadRules(tx, act, &in)
		if err != nil {
			return err
		}
		chk := checkIntake(&in, r)
		// The wording the record used: approved and valid today.
		scripts, err := usableScripts(tx, in.Record.Scripts, civil.DateOf(s.app.now()), nil, CodeScripts)
		if e := AsError(err); e != nil {
			if e.Field == "" {
				return err
			}
			chk.Errors = append(chk.Errors, Issue{Field: e.Field, Code: e.Code, Message: e.Message})
		}
		in.Record.Scripts = scripts
		if len(chk.Errors) > 0 {
			return invalid(chk.Errors)
		}
		out.Warnings, out.Group = chk.Warnings, chk.Group
		if in.LinkCase != 0 {
			return s.registerRepeat(tx, act, &in, r, &chk, &out)
		}
		return s.registerNew(tx, act, &in, r, &chk, &out)
	})
	if err != nil {
		return Registered{}, err
	}
	return out, nil
}

// people makes the form's people ready to write: a person taken from the
// file, or matched by document number, is updated with what the form
// adds; the others are new. A person taken by ID must be one the session
// may already see (personStanding); any other ID is answered as a person not
// on file. protected tells that one of them is a whistle-blower
// (personStanding): the case that links him must hide him too.
func (s *Visits) people(tx *store.Tx, act *Actor, in *RegisterInput, chk *CheckResult) (out []store.IntakePerson, protected bool, err error) {
	for i := range in.People {
		p := &in.People[i]
		rec := personRecord(p, chk.People[i])
		ip := store.IntakePerson{Person: rec, Role: p.Role, Contact: i == 0}
		var old *store.Person
		wb := false
		if p.ID != 0 {
			var seen bool
			seen, wb, err = s.personStanding(tx, act, p.ID)
			if err != nil {
				return nil, false, err
			}
			o, err := tx.Person(p.ID)
			if errors.Is(err, store.ErrNotFound) || err == nil && !seen {
				return nil, false, invalid([]Issue{{Field: fmt.Sprintf("people[%d].name", i), Code: CodeNotFound, Message: "所选的信访人已不在档案中，请重新选择或按新人登记。"}})
			}
			if err != nil {
				return nil, false, err
			}
			old = o
		} else if rec.IDNumber != "" {
			found, err := tx.FindPeople(store.PersonQuery{IDType: rec.IDType, IDNumber: rec.IDNumber, Limit: 1})
			if err != nil {
				return nil, false, err
			}
			if len(found) > 0 {
				old = &found[0]
				if _, wb, err = s.personStanding(tx, act, old.ID); err != nil {
					return nil, false, err
				}
			}
		}
		if old != nil {
			ip.Person = merge(old, rec)
			ip.Update = true
			protected = protected || wb
		}
		out = append(out, ip)
	}
	return out, protected, nil
}

// keepsConfidential tells whether a case that links a whistle-blower
// (protected) must be confidential: always, unless the session holds the
// confidential grant and the form says the case need not be
// (NotConfidential, ignored without the grant).
func keepsConfidential(act *Actor, in *RegisterInput, protected bool) bool {
	return protected && !(in.NotConfidential && act.May(PermConfidential))
}

func (s *Visits) registerNew(tx *store.Tx, act *Actor, in *RegisterInput, r *intakeRules, chk *CheckResult, out *Registered) error {
	people, protected, err := s.people(tx, act, in, chk)
	if err != nil {
		return err
	}
	received, _ := parseMoment(in.ReceivedAt)
	c := store.Case{ExternalNo: in.ExternalNo, Channel: in.Channel, Received: store.StampOf(received),
		RegisteredBy: act.ID, Title: in.Title, Demand: in.Demand, Facts: in.Facts, Region: in.Region,
		Place: in.Site, Type: in.Type, Category: in.Category, Category2: in.Category2, Accused: in.Accused, AccusedUnit: in.AccusedUnit,
		Present: in.Present, Involved: in.Involved, Group: chk.Group, Litigation: in.Litigation,
		SkipLevel: in.SkipLevel, Repeat: in.Repeat || in.FirstCase != 0, Urgent: in.Urgent,
		Confidential: confidentialCase(in.Type, in.Confidential, keepsConfidential(act, in, protected)),
		RealName:     in.RealName,
		RiskTags:     in.RiskTags, Prior: in.Prior, DispOpinion: in.Opinion, Status: string(casestate.Registered)}
	if in.IncomingOrg != "" || in.IncomingDocNo != "" {
		c.Incoming = &store.Incoming{Org: in.IncomingOrg, DocNo: in.IncomingDocNo}
		c.Incoming.DocDate, _ = civil.Parse(in.IncomingDate)
		c.Incoming.Due, _ = civil.Parse(in.IncomingDue)
	}
	if in.FirstCase != 0 {
		first, err := tx.Case(in.FirstCase)
		if errors.Is(err, store.ErrNotFound) {
			return invalid([]Issue{{Field: "firstCase", Code: CodeNotFound, Message: "要关联的事项不存在。"}})
		}
		if err != nil {
			return err
		}
		// The chain's first case: a case linked to a linked case points at
		// the first of them, so the statistics count one matter.
		c.FirstCase = first.ID
		if first.FirstCase != 0 {
			c.FirstCase = first.FirstCase
		}
	}
	tr, err := s.dispose(tx, act, in, &c, casestate.Registered)
	if err != nil {
		return err
	}
	if err := s.clocksAfter(tx, in, &c); err != nil {
		return err
	}
	if err := caseTodo(tx, &c); err != nil {
		return err
	}
	visit := s.visitOf(act, in)
	res, err := tx.SaveIntake(&store.Intake{Case: c, People: people, Visit: visit, Record: recordOf(&in.Record),
		By: act.ID, Audit: s.auditEntry(act, ActionIntake)})
	if err != nil {
		return err
	}
	if err := s.afterDisposal(tx, act, in, res.CaseID, tr); err != nil {
		return err
	}
	out.CaseID, out.CaseNo, out.VisitID = res.CaseID, res.CaseNo, res.VisitID
	out.Status, out.StatusLabel, out.Due = c.Status, casestate.Labels[casestate.State(c.Status)], c.Due.String()
	out.DueLabel = dueLabel(&c)
	return nil
}

func (s *Visits) registerRepeat(tx *store.Tx, act *Actor, in *RegisterInput, r *intakeRules, chk *CheckResult, out *Registered) error {
	if r.linked.Status == string(casestate.Archived) {
		return invalid([]Issue{{Field: "linkCase", Code: "intake.archived", Message: "该事项已归档，请登记为新事项并关联它。"}})
	}
	people, protected, err := s.people(tx, act, in, chk)
	if err != nil {
		return err
	}
	var ids []uint64
	for i := range people {
		if err := tx.SavePerson(&people[i].Person); err != nil {
			return err
		}
		ids = append(ids, people[i].Person.ID)
	}
	visit := s.visitOf(act, in)
	visit.People = ids
	if t, ok := parseMoment(in.ReceivedAt); ok {
		visit.At = store.StampOf(t)
	}
	if _, err := tx.AddVisit(in.LinkCase, &visit, recordOf(&in.Record), act.ID); err != nil {
		return err
	}
	c, err := tx.Case(in.LinkCase)
	if err != nil {
		return err
	}
	if err := s.audit(tx, act, ActionVisit, "case", c.ID, "登记重复来访："+c.No, ""); err != nil {
		return err
	}
	changed := false
	for i, id := range ids {
		on := false
		for _, cp := range c.People {
			on = on || cp.Person == id
		}
		if !on {
			c.People = append(c.People, store.CasePerson{Person: id, Role: in.People[i].Role})
			changed = true
		}
	}
	// A whistle-blower brought onto an ordinary case makes it confidential,
	// as a new case would be; the case is decided again as it is written.
	if conf := confidentialCase(c.Type, c.Confidential, changed && keepsConfidential(act, in, protected)); conf != c.Confidential {
		c.Confidential, changed = conf, true
	}
	var tr *casestate.Transition
	if in.Disposal != "" {
		if tr, err = s.dispose(tx, act, in, c, casestate.State(c.Status)); err != nil {
			return err
		}
		if err := s.clocksAfter(tx, in, c); err != nil {
			return err
		}
		if err := caseTodo(tx, c); err != nil {
			return err
		}
		changed = true
	}
	if changed {
		var ev *store.Event
		if tr != nil {
			ev = &store.Event{Kind: store.EventDecision, By: act.ID, Text: disposalText(tr, in, "")}
		}
		if err := tx.UpdateCase(c, ev, nil); err != nil {
			return err
		}
		if err := s.afterDisposal(tx, act, in, c.ID, tr); err != nil {
			return err
		}
	}
	out.CaseID, out.CaseNo, out.VisitID, out.Repeat = c.ID, c.No, visit.ID, true
	out.Status, out.StatusLabel, out.Due = c.Status, casestate.Labels[casestate.State(c.Status)], c.Due.String()
	out.DueLabel = dueLabel(c)
	return nil
}

// clocksAfter sets the clocks of a case after its disposal at the desk; an
// assignment's slip date is passed as its 交办 clock, the task being
// written after the case.
func (s *Visits) clocksAfter(tx *store.Tx, in *RegisterInput, c *store.Case) error {
	if c.Status == string(casestate.Assigned) {
		d, err := civil.Parse(in.Due)
		if err != nil {
			return err
		}
		c.Clocks = assignedClock(d)
	}
	return setClocks(tx, c)
}

func (s *Visits) visitOf(act *Actor, in *RegisterInput) store.Visit {
	v := store.Visit{Place: in.Reception, Channel: in.Channel, Present: in.Present,
		Receptionist: in.Record.Receptionist, Leader: in.Record.Leader, IDChecked: in.Record.IDChecked,
		Disposal: disposalLabel(in.Disposal)}
	if v.Receptionist == 0 {
		v.Receptionist = act.ID
	}
	if v.Channel == "" {
		v.Channel = ChannelVisit
	}
	return v
}
