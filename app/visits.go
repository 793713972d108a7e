package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/domain/dict"
	"laifang/domain/idcard"
	"laifang/store"
)

// Visits is the reception desk: registering a visit (来访登记) with its
// first reception record and the disposal made on the spot, a repeat
// visit on a case already on file, the form's draft, and today's visits.
type Visits struct{ svc }

// FormOptions is what the intake form offers: every list from the
// dictionaries (nothing of them is written into the UI), the disposals
// with what each needs, the units and staff to choose from, the limits.
type FormOptions struct {
	Lists          []DictList        `json:"lists"`
	Disposals      []DisposalOption  `json:"disposals"`
	Units          []UnitOption      `json:"units"`
	Staff          []StaffMember     `json:"staff"`
	GroupThreshold int               `json:"groupThreshold"`
	MaxDelegates   int               `json:"maxDelegates"`
	Now            string            `json:"now"` // YYYY-MM-DDTHH:MM, the server's clock
	User           uint64            `json:"user"`
	MayRisk        bool              `json:"mayRisk"`
	Labels         map[string]string `json:"labels"` // case states' Chinese names
}

// DisposalOption is one disposal the signed-in user may make at the desk.
type DisposalOption struct {
	Action string   `json:"action"`
	Label  string   `json:"label"`
	Needs  []string `json:"needs"`
	Letter string   `json:"letter"`
}

// UnitOption is a department or outside body.
type UnitOption struct {
	ID   uint64 `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// Options returns what the intake form offers.
func (s *Visits) Options() (FormOptions, error) {
	act, st, err := s.gate("Visits.Options")
	if err != nil {
		return FormOptions{}, err
	}
	out := FormOptions{Lists: []DictList{}, Disposals: []DisposalOption{}, Units: []UnitOption{},
		Staff: []StaffMember{}, User: act.ID, MayRisk: act.May(PermRisk), Labels: map[string]string{}}
	for k, v := range casestate.Labels {
		out.Labels[string(k)] = v
	}
	err = st.View(func(tx *store.Tx) error {
		r, err := loadRules(tx, act, &RegisterInput{})
		if err != nil {
			return err
		}
		out.GroupThreshold, out.MaxDelegates = r.threshold, r.maxDelegates
		out.Now = tx.Now().Format("2006-01-02T15:04")
		for _, def := range dict.Defaults() {
			l, err := dictList(tx, def.Name)
			if err != nil {
				return err
			}
			out.Lists = append(out.Lists, DictList{List: l})
		}
		for _, t := range casestate.AllowedFor(casestate.Registered, act.Role) {
			if t.Disposal == "" {
				continue
			}
			d := DisposalOption{Action: string(t.Action), Label: t.Label, Needs: []string{}, Letter: t.Letter}
			for _, n := range t.Needs {
				d.Needs = append(d.Needs, string(n))
			}
			out.Disposals = append(out.Disposals, d)
		}
		units, err := tx.Units()
		if err != nil {
			return err
		}
		for _, u := range units {
			if u.Active {
				out.Units = append(out.Units, UnitOption{ID: u.ID, Name: u.Name, Kind: u.Kind})
			}
		}
		users, err := tx.Users()
		for _, u := range users {
			if u.Active {
				out.Staff = append(out.Staff, StaffMember{ID: u.ID, Name: u.Name, Role: u.Role, Active: true})
			}
		}
		return err
	})
	return out, err
}

// Check checks the form without saving: the UI calls it as the clerk
// leaves a field, to show problems, warnings (an unknown area code) and
// what follows (sex and birth date from the ID number, 集体访).
func (s *Visits) Check(in RegisterInput) (CheckResult, error) {
	act, st, err := s.gate("Visits.Check", in)
	if err != nil {
		return CheckResult{}, err
	}
	trimInput(&in)
	var out CheckResult
	err = st.View(func(tx *store.Tx) error {
		r, err := loadRules(tx, act, &in)
		if err != nil {
			return err
		}
		out = checkIntake(&in, r)
		return nil
	})
	return out, err
}

// Registered is what a registration gives back.
type Registered struct {
	CaseID      uint64  `json:"caseId"`
	CaseNo      string  `json:"caseNo"`
	VisitID     uint64  `json:"visitId"`
	Status      string  `json:"status"`
	StatusLabel string  `json:"statusLabel"`
	Group       bool    `json:"group"`
	Repeat      bool    `json:"repeat"` // recorded on an existing case
	Due         string  `json:"due"`    // the running deadline, YYYY-MM-DD
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
		r, err := loadRules(tx, act, &in)
		if err != nil {
			return err
		}
		chk := checkIntake(&in, r)
		// The wording the record used: approved and valid today.
		scripts, err := usableScripts(tx, in.Record.Scripts, civil.DateOf(s.app.now()), nil, "record.scripts")
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
// may already see (personSeen); any other ID is answered as a person not
// on file. protected tells that one of them is a whistle-blower
// (whistleBlower): the case that links him must hide him too.
func (s *Visits) people(tx *store.Tx, act *Actor, in *RegisterInput, chk *CheckResult) (out []store.IntakePerson, protected bool, err error) {
	for i := range in.People {
		p := &in.People[i]
		rec := personRecord(p, chk.People[i])
		ip := store.IntakePerson{Person: rec, Role: p.Role, Contact: i == 0}
		var old *store.Person
		if p.ID != 0 {
			seen, err := s.personSeen(tx, act, p.ID)
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
			}
		}
		if old != nil {
			ip.Person = merge(old, rec)
			ip.Update = true
			wb, err := whistleBlower(tx, old.ID)
			if err != nil {
				return nil, false, err
			}
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
		Place: in.Site, Type: in.Type, Category: in.Category, Category2: in.Category2, Accused: in.Accused,
		Present: in.Present, Involved: in.Involved, Group: chk.Group, Litigation: in.Litigation,
		SkipLevel: in.SkipLevel, Repeat: in.Repeat || in.FirstCase != 0, Urgent: in.Urgent,
		Confidential: in.Confidential || in.Type == TypeReport || keepsConfidential(act, in, protected),
		RealName:     in.RealName,
		RiskTags:     in.RiskTags, Prior: in.Prior, DispOpinion: in.Opinion, Status: string(casestate.Registered)}
	if in.IncomingOrg != "" || in.IncomingDocNo != "" {
		c.Incoming = &store.Incoming{Org: in.IncomingOrg, DocNo: in.IncomingDocNo}
		c.Incoming.DocDate, _ = civil.Parse(in.IncomingDate)
		c.Incoming.Due, _ = civil.Parse(in.IncomingDue)
	}
	if in.FirstCase != 0 {
		first, err := tx.Case(in.FirstCase)
		if err == store.ErrNotFound {
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
	c.Due = caseDue(tx, &c, in)
	visit := s.visitOf(act, in)
	res, err := tx.SaveIntake(&store.Intake{Case: c, People: people, Visit: visit, Record: recordOf(&in.Record),
		By: act.ID, Workstation: s.sess.Workstation})
	if err != nil {
		return err
	}
	if err := s.afterDisposal(tx, act, in, res.CaseID, tr); err != nil {
		return err
	}
	out.CaseID, out.CaseNo, out.VisitID = res.CaseID, res.CaseNo, res.VisitID
	out.Status, out.StatusLabel, out.Due = c.Status, casestate.Labels[casestate.State(c.Status)], c.Due.String()
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
	// as a new case would be.
	if changed && !IsConfidential(c) && keepsConfidential(act, in, protected) {
		c.Confidential = true
	}
	var tr *casestate.Transition
	if in.Disposal != "" {
		if tr, err = s.dispose(tx, act, in, c, casestate.State(c.Status)); err != nil {
			return err
		}
		c.Due = caseDue(tx, c, in)
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
	return nil
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

func disposalLabel(action string) string {
	for _, t := range casestate.Disposals() {
		if string(t.Action) == action {
			return t.Disposal
		}
	}
	return ""
}

// dispose applies the disposal to c: the transition checked again by the
// state machine (checkIntake did with the form; this is the write), the
// status, the disposal code, reason and unit.
func (s *Visits) dispose(tx *store.Tx, act *Actor, in *RegisterInput, c *store.Case, from casestate.State) (*casestate.Transition, error) {
	unit := in.Unit
	if in.UnitID != 0 {
		unit = strconv.FormatUint(in.UnitID, 10)
	}
	tr, err := casestate.Check(from, casestate.Action(in.Disposal), casestate.Input{Role: act.Role,
		Incoming: c.Incoming != nil, Reason: in.Reason, Body: in.Body, Unit: unit, Due: in.Due})
	if err != nil {
		return nil, err
	}
	c.Status = string(tr.To)
	if tr.Disposal != "" {
		c.Disposal = tr.Disposal
	}
	switch tr.Action {
	case casestate.NotAccept, casestate.NotReaccept:
		c.DispReason = in.Reason
	case casestate.Redirect, casestate.RouteLegal:
		c.DispReason = in.Body
	case casestate.Accept:
		c.Accepted = civil.DateOf(tx.Now())
	case casestate.Transfer, casestate.Assign:
		id, err := s.unitFor(tx, in)
		if err != nil {
			return nil, err
		}
		c.Unit = id
	}
	if in.Opinion != "" {
		c.DispOpinion = in.Opinion
	}
	if tr.Action == casestate.RouteLegal {
		c.Litigation = c.Litigation || in.Litigation
	}
	return &tr, nil
}

// unitFor is the unit chosen, or a new outside unit by the typed name.
func (s *Visits) unitFor(tx *store.Tx, in *RegisterInput) (uint64, error) {
	if in.UnitID != 0 {
		u, err := tx.Unit(in.UnitID)
		if err == store.ErrNotFound {
			return 0, invalid([]Issue{{Field: "unit", Code: CodeNotFound, Message: "所选单位不存在，请重新选择。"}})
		}
		if err != nil {
			return 0, err
		}
		return u.ID, nil
	}
	units, err := tx.Units()
	if err != nil {
		return 0, err
	}
	for _, u := range units {
		if u.Name == in.Unit {
			return u.ID, nil
		}
	}
	u := &store.Unit{Name: in.Unit, Kind: "external", Active: true}
	if err := tx.SaveUnit(u); err != nil {
		return 0, err
	}
	return u.ID, nil
}

// afterDisposal writes what a disposal leaves besides the case: the task
// of a transfer or assignment (the slip a department signs for), and the
// audit entry naming the disposal.
func (s *Visits) afterDisposal(tx *store.Tx, act *Actor, in *RegisterInput, caseID uint64, tr *casestate.Transition) error {
	if tr == nil {
		return nil
	}
	c, err := tx.Case(caseID)
	if err != nil {
		return err
	}
	if tr.Action == casestate.Transfer || tr.Action == casestate.Assign {
		t := &store.Task{Case: caseID, Type: tr.Disposal, ToUnit: c.Unit, IssuedBy: act.ID,
			Requirement: in.Opinion, Status: store.TaskPending, Redacted: IsConfidential(c)}
		if tr.Action == casestate.Assign {
			t.Due, _ = civil.Parse(in.Due)
		}
		if err := tx.SaveTask(t); err != nil {
			return err
		}
	}
	return s.audit(tx, act, "dispose", "case", caseID, clip(c.No+" 登记时处理："+tr.Label, 100), "")
}

func disposalText(tr *casestate.Transition, in *RegisterInput, _ string) string {
	t := "处理方式：" + tr.Label
	if in.Opinion != "" {
		t += "。拟办意见：" + in.Opinion
	}
	return t
}

// caseDue is the running legal deadline after registration: the
// acceptance notice from receipt, the handling period from acceptance, or
// the date on the 交办单 (domain/deadline, national profile, the office's
// holiday calendar).
func caseDue(tx *store.Tx, c *store.Case, in *RegisterInput) civil.Date {
	var clock deadline.Clock
	var start civil.Date
	switch c.Status {
	case string(casestate.Registered), string(casestate.Transferred):
		clock, start = deadline.Notice, c.Received.Date()
		if c.Received == 0 {
			start = civil.DateOf(tx.Now())
		}
	case string(casestate.Accepted):
		clock, start = deadline.Handling, c.Accepted
	case string(casestate.Assigned):
		d, _ := civil.Parse(in.Due)
		return d
	default:
		return 0
	}
	from, to := start, start.AddDays(400)
	hs, err := tx.Holidays(from, to)
	if err != nil {
		return 0
	}
	cal := deadline.NewCalendar()
	for _, h := range hs {
		cal.Set(deadline.Day{Date: h.Day, Kind: deadline.Kind(h.Kind), Note: h.Note})
	}
	due, err := deadline.National().Compute(deadline.Input{Clock: clock, Start: start}, cal)
	if err != nil {
		return 0
	}
	return due.Legal
}

// TodayVisit is one line of today's visits on the home screen. Personal
// data is masked as in every list; a confidential case shows no identity
// without the grant and a reveal.
type TodayVisit struct {
	VisitID      uint64 `json:"visitId"`
	CaseID       uint64 `json:"caseId"`
	CaseNo       string `json:"caseNo"`
	At           string `json:"at"` // HH:MM
	Name         string `json:"name"`
	IDNumber     string `json:"idNumber"`
	Phone        string `json:"phone"`
	People       int    `json:"people"`
	Present      int    `json:"present"`
	Title        string `json:"title"`
	Type         string `json:"type"`
	Status       string `json:"status"`
	StatusLabel  string `json:"statusLabel"`
	Disposal     string `json:"disposal"`
	Repeat       bool   `json:"repeat"`
	Group        bool   `json:"group"`
	Confidential bool   `json:"confidential"`
	Masked       bool   `json:"masked"`
}

// Today lists today's visits, newest first.
func (s *Visits) Today() ([]TodayVisit, error) {
	act, st, err := s.gate("Visits.Today")
	if err != nil {
		return nil, err
	}
	out := []TodayVisit{}
	err = st.View(func(tx *store.Tx) error {
		vs, err := tx.VisitsOn(civil.DateOf(tx.Now()))
		if err != nil {
			return err
		}
		cases := map[uint64]*store.Case{}
		for i := len(vs) - 1; i >= 0; i-- {
			v := vs[i]
			c := cases[v.Case]
			if c == nil {
				if c, err = tx.Case(v.Case); err != nil {
					return err
				}
				cases[v.Case] = c
			}
			row := TodayVisit{VisitID: v.ID, CaseID: c.ID, CaseNo: c.No, At: v.At.Time().Local().Format("15:04"),
				People: len(v.People), Present: v.Present, Title: c.Title, Type: c.Type, Status: c.Status,
				StatusLabel: casestate.Labels[casestate.State(c.Status)], Disposal: v.Disposal,
				Repeat: v.Repeat, Group: c.Group, Confidential: IsConfidential(c)}
			if len(v.People) == 0 {
				row.People = len(c.People)
			}
			pid := firstPerson(&v, c)
			if pid != 0 {
				p, err := tx.Person(pid)
				if err != nil && err != store.ErrNotFound {
					return err
				}
				if p != nil {
					pv := s.personView(act, c, p, false)
					row.Name, row.IDNumber, row.Masked = pv.Name, pv.IDNumber, pv.Masked
					if len(pv.Phones) > 0 {
						row.Phone = pv.Phones[0]
					}
					if p.Anonymous && !pv.Masked {
						row.Name = "（匿名）"
					}
				}
			}
			row.Title = caseText(s.mayIdentify(act, c), c.Title)
			out = append(out, row)
		}
		return nil
	})
	return out, err
}

func firstPerson(v *store.Visit, c *store.Case) uint64 {
	if len(v.People) > 0 {
		return v.People[0]
	}
	if len(c.People) > 0 {
		return c.People[0].Person
	}
	return 0
}

// The draft of the intake form, kept per user in the data file so it
// survives a crash or a closed window whatever the WebView keeps.
const draftIntake = "intake"

// Draft returns the signed-in user's draft of the intake form ("" when
// there is none).
func (s *Visits) Draft() (string, error) {
	act, st, err := s.gate("Visits.Draft")
	if err != nil {
		return "", err
	}
	var text string
	err = st.View(func(tx *store.Tx) error {
		text, err = tx.Draft(act.ID, draftIntake)
		return err
	})
	return text, err
}

// SaveDraft keeps the draft (the UI's JSON of the form); "" discards it.
// Not audited: it is the clerk's own unfinished typing, and the saves come
// every few seconds.
func (s *Visits) SaveDraft(text string) error {
	act, st, err := s.gate("Visits.SaveDraft", named("text", text))
	if err != nil {
		return err
	}
	if len(text) > store.MaxDraft {
		return newError(CodeBadRequest, "草稿过大，未能保存。")
	}
	if strings.TrimSpace(text) == "" {
		text = ""
	}
	return st.Update(func(tx *store.Tx) error { return tx.PutDraft(act.ID, draftIntake, text) })
}

// FormPerson is a petitioner as the printed form shows them.
type FormPerson struct {
	PersonView
	Role      string `json:"role"`
	Sex       string `json:"sex"`
	Birth     string `json:"birth"`
	IDType    string `json:"idType"`
	Household string `json:"household"`
	Workplace string `json:"workplace"`
}

// RegistrationForm is the 来访登记表 of one visit, for printing.
type RegistrationForm struct {
	OrgName      string       `json:"orgName"`
	CaseID       uint64       `json:"caseId"`
	CaseNo       string       `json:"caseNo"`
	ExternalNo   string       `json:"externalNo"`
	Received     string       `json:"received"`   // YYYY-MM-DD HH:MM
	Registered   string       `json:"registered"` // YYYY-MM-DD HH:MM
	RegisteredBy string       `json:"registeredBy"`
	Channel      string       `json:"channel"`
	Reception    string       `json:"reception"`
	Receptionist string       `json:"receptionist"`
	Leader       string       `json:"leader"`
	Incoming     string       `json:"incoming"`
	People       []FormPerson `json:"people"`
	Present      int          `json:"present"`
	Involved     int          `json:"involved"`
	Group        bool         `json:"group"`
	Title        string       `json:"title"`
	Demand       string       `json:"demand"`
	Facts        string       `json:"facts"`
	Region       string       `json:"region"`
	Accused      string       `json:"accused"`
	Type         string       `json:"type"`
	Category     string       `json:"category"`
	Flags        []string     `json:"flags"`
	Prior        string       `json:"prior"`
	Disposal     string       `json:"disposal"`
	DispDetail   string       `json:"dispDetail"`
	Opinion      string       `json:"opinion"`
	StatusLabel  string       `json:"statusLabel"`
	Due          string       `json:"due"`
	Repeat       bool         `json:"repeat"`
	Masked       bool         `json:"masked"`
}

// Form returns the 来访登记表 of a visit of a case (visitID 0: the first).
// ID numbers and phones are in full for roles that see them in the case
// view; a confidential case's identities and text only after a reveal. It
// is read as Cases.RecordSheet is (printPerms).
func (s *Visits) Form(caseID, visitID uint64) (RegistrationForm, error) {
	act, st, err := s.gate("Visits.Form")
	if err != nil {
		return RegistrationForm{}, err
	}
	var out RegistrationForm
	err = st.View(func(tx *store.Tx) error {
		c, v, err := formVisit(tx, caseID, visitID)
		if err != nil {
			return err
		}
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		lists := map[string]dict.List{}
		for _, n := range []string{dict.Category, dict.NotAccepted} {
			if lists[n], err = dictList(tx, n); err != nil {
				return err
			}
		}
		name := func(id uint64) string {
			if u, err := tx.User(id); err == nil {
				return u.Name
			}
			return ""
		}
		identify := s.mayIdentify(act, c)
		text := func(s string) string { return caseText(identify, s) }
		out = RegistrationForm{OrgName: set.OrgName, CaseID: c.ID, CaseNo: c.No, ExternalNo: c.ExternalNo,
			Received: v.At.Time().Local().Format("2006-01-02 15:04"), Registered: c.Registered.Time().Local().Format("2006-01-02 15:04"),
			RegisteredBy: name(c.RegisteredBy), Channel: c.Channel, Reception: v.Place, Receptionist: name(v.Receptionist),
			Leader: v.Leader, Present: v.Present, Involved: c.Involved, Group: c.Group, Title: text(c.Title),
			Demand: text(c.Demand), Facts: text(c.Facts), Region: strings.TrimSpace(c.Region + " " + c.Place),
			Type: c.Type, Prior: text(c.Prior), Disposal: c.Disposal, Opinion: text(c.DispOpinion),
			StatusLabel: casestate.Labels[casestate.State(c.Status)], Due: c.Due.String(), Repeat: v.Repeat,
			People: []FormPerson{}, Flags: []string{}}
		if c.Incoming != nil {
			out.Incoming = strings.TrimSpace(c.Incoming.Org + " " + c.Incoming.DocNo + " " + c.Incoming.DocDate.String())
		}
		cat := lists[dict.Category]
		if e, ok := cat.Lookup(c.Category); ok {
			out.Category = e.Label
			if e2, ok := cat.Lookup(c.Category2); ok {
				out.Category += " / " + e2.Label
			}
		}
		switch c.Disposal {
		case "不予受理", "不再受理":
			if e, ok := lists[dict.NotAccepted].Lookup(c.DispReason); ok {
				out.DispDetail = e.Label
			}
		case "转送", "交办":
			if u, err := tx.Unit(c.Unit); err == nil {
				out.DispDetail = u.Name
			}
		default:
			out.DispDetail = c.DispReason
		}
		// 重复访 is this visit's mark: a later visit recorded on the case, or a
		// case registered as a repeat (linked to an earlier case, or with the
		// earlier petitions written down). The first visit of a case that
		// others were later linked to was not a repeat when it was made.
		repeatVisit := v.Repeat || (c.Repeat && (c.FirstCase != 0 || c.Prior != ""))
		for _, f := range []struct {
			on    bool
			label string
		}{{c.Group, "集体访"}, {repeatVisit, "重复访"}, {c.SkipLevel, "越级访"}, {c.Litigation, "涉法涉诉"},
			{c.Urgent, "重大紧急"}, {IsConfidential(c), "检举保密"}} {
			if f.on {
				out.Flags = append(out.Flags, f.label)
			}
		}
		if identify {
			out.Accused = c.Accused
		} else {
			out.Accused, out.Masked = Hidden, true
		}
		ids := v.People
		roles := map[uint64]string{}
		for _, cp := range c.People {
			roles[cp.Person] = cp.Role
			if len(v.People) == 0 {
				ids = append(ids, cp.Person)
			}
		}
		for _, id := range ids {
			p, err := tx.Person(id)
			if err != nil {
				return err
			}
			fp := FormPerson{PersonView: s.personView(act, c, p, true), Role: roles[id]}
			if identify {
				fp.Sex, fp.Birth, fp.IDType, fp.Household, fp.Workplace = sexLabel(p.Sex), p.Birth.String(), p.IDType, p.Household, p.Workplace
				if fp.IDType == "" {
					fp.IDType = string(idcard.Resident)
				}
				if fp.Masked {
					fp.Household = ""
				}
			}
			out.Masked = out.Masked || fp.Masked
			out.People = append(out.People, fp)
		}
		return nil
	})
	return out, err
}

// formVisit finds the visit of a case the 来访登记表 shows (visitID 0:
// the first). The form and the audit entry of its print read it alike.
func formVisit(tx *store.Tx, caseID, visitID uint64) (*store.Case, *store.Visit, error) {
	c, err := tx.Case(caseID)
	if err != nil {
		return nil, nil, err
	}
	vs, err := tx.CaseVisits(caseID)
	if err != nil {
		return nil, nil, err
	}
	for i := range vs {
		// newest first: the last is the first visit
		if vs[i].ID == visitID || (visitID == 0 && i == len(vs)-1) {
			return c, &vs[i], nil
		}
	}
	return nil, nil, store.ErrNotFound
}

func sexLabel(s string) string {
	switch s {
	case "M":
		return "男"
	case "F":
		return "女"
	}
	return ""
}
