package app

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/petitioner"
	"laifang/store"
	"laifang/store/gen"
)

// The probe of issue 10 ("confidential cases"), as a reader, a clerk
// without the grant and a head with it, on a generated office: nothing a
// session without a reveal gets of a confidential case names its people or
// says what it reports, by any route, and no id links a hidden person to
// his other cases.

// confOffice is a generated office (its repeat visitors make people who
// are on confidential and on ordinary cases) with its confidential cases
// as the store has them.
type confOffice struct {
	a       *App
	st      *store.Store
	cases   []*store.Case // every case
	secret  []*store.Case // the confidential ones
	people  map[uint64]*store.Person
	blowers map[uint64]bool // on a confidential case
	mixed   uint64          // a whistle-blower also on an ordinary case
	only    uint64          // a whistle-blower on confidential cases only
}

func newConfOffice(t *testing.T) *confOffice {
	t.Helper()
	a, _ := testApp(t)
	st, _ := a.store()
	if _, err := gen.Office(st, gen.Options{Visits: 600, Seed: 10}); err != nil {
		t.Fatal(err)
	}
	o := &confOffice{a: a, st: st, people: map[uint64]*store.Person{}, blowers: map[uint64]bool{}}
	ordinary := map[uint64]bool{}
	err := st.View(func(tx *store.Tx) error {
		for id := uint64(1); ; id++ {
			c, err := tx.Case(id)
			if errors.Is(err, store.ErrNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			o.cases = append(o.cases, c)
			for _, cp := range c.People {
				if o.people[cp.Person] == nil {
					if o.people[cp.Person], err = tx.Person(cp.Person); err != nil {
						return err
					}
				}
				if IsConfidential(c) {
					o.blowers[cp.Person] = true
				} else {
					ordinary[cp.Person] = true
				}
			}
			if IsConfidential(c) {
				o.secret = append(o.secret, c)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	for id := range o.blowers {
		if ordinary[id] && (o.mixed == 0 || id < o.mixed) {
			o.mixed = id
		}
		if !ordinary[id] && (o.only == 0 || id < o.only) {
			o.only = id
		}
	}
	if len(o.secret) < 20 || o.mixed == 0 || o.only == 0 {
		t.Fatalf("the generated office has %d confidential cases, mixed %d, only %d: too few to probe",
			len(o.secret), o.mixed, o.only)
	}
	return o
}

// secrets are the words that identify a confidential case's people or say
// what it reports.
func (o *confOffice) secrets(c *store.Case) []string {
	out := []string{c.Title, c.Demand, c.Facts}
	if c.Accused != "" {
		out = append(out, c.Accused)
	}
	for _, cp := range c.People {
		p := o.people[cp.Person]
		out = append(out, p.IDNumber, p.Address)
		if len([]rune(p.Name)) >= 2 && !p.Anonymous {
			out = append(out, p.Name)
		}
		out = append(out, p.Phones...)
	}
	return out
}

// leaks lists the secrets of c that appear in what a service gave back.
func (o *confOffice) leaks(t *testing.T, c *store.Case, v any) []string {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range o.secrets(c) {
		if strings.TrimSpace(s) != "" && strings.Contains(string(raw), s) {
			out = append(out, s)
		}
	}
	return out
}

func TestNoHiddenPersonIsLinkedToHisNameAcrossCases(t *testing.T) {
	o := newConfOffice(t)
	reader := o.a.bind(addUser(t, o.a, "reader9", RoleReader, false))
	// Walk every case as the probe did: an id seen beside （保密） and again
	// beside a name would link the two.
	maskedIDs, named := map[uint64]bool{}, map[uint64]string{}
	hidden := 0
	for _, c := range o.cases {
		d, err := reader.Cases.Get(c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range d.People {
			if p.Name == Hidden {
				hidden++
				maskedIDs[p.ID] = true
				if p.ID != 0 || p.IDNumber != "" || len(p.Phones) != 0 || p.Address != "" || p.Sex != "" {
					t.Errorf("case %s: a hidden person carries %+v", c.No, p)
				}
			} else if p.ID != 0 {
				named[p.ID] = p.Name
			}
		}
		if IsConfidential(c) {
			if d.Identified {
				t.Errorf("case %s: identified for a reader", c.No)
			}
			if l := o.leaks(t, c, d); len(l) > 0 {
				t.Errorf("Cases.Get of confidential case %s shows %q", c.No, l)
			}
		}
	}
	if hidden == 0 {
		t.Fatal("no hidden person met: the probe probed nothing")
	}
	for id := range maskedIDs {
		if name, ok := named[id]; ok {
			t.Errorf("hidden person id %d is %s on another case", id, name)
		}
	}
	// The same in the list, today's visits and the repeat panel.
	list, err := reader.Cases.List(CaseListQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	checkedRows := 0
	for _, r := range list.Rows {
		for _, c := range o.secret {
			if c.ID == r.ID {
				checkedRows++
				if l := o.leaks(t, c, r); len(l) > 0 || r.Title != Hidden {
					t.Errorf("list row of %s shows %q (title %q)", c.No, l, r.Title)
				}
			}
		}
	}
	if checkedRows == 0 {
		t.Error("no confidential case on the list's first page")
	}
}

func TestAConfidentialCaseIsNotFoundByItsText(t *testing.T) {
	o := newConfOffice(t)
	reader := o.a.bind(addUser(t, o.a, "reader9", RoleReader, false))
	clerk := o.a.bind(addUser(t, o.a, "clerk9", RoleClerk, false))
	head := o.a.bind(addUser(t, o.a, "head9", RoleHead, true))
	found := 0
	for _, c := range o.secret[:10] {
		q := CaseListQuery{Text: c.Title, Limit: 100}
		for who, b := range map[string]Bound{"reader": reader, "clerk": clerk} {
			res, err := b.Cases.List(q)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range res.Rows {
				if r.ID == c.ID || r.Title == Hidden {
					t.Errorf("%s found confidential case %d by its title %q", who, r.ID, c.Title)
				}
			}
			if res.Exact && res.Total != len(res.Rows) {
				t.Errorf("%s: total %d for %d rows", who, res.Total, len(res.Rows))
			}
			panel, err := b.Repeat.Panel(RepeatQuery{Text: c.Title + "，" + c.Demand})
			if err != nil {
				t.Fatal(err)
			}
			for _, rc := range panel.Cases {
				if rc.Confidential {
					t.Errorf("%s: the repeat panel offers confidential case %s", who, rc.No)
				}
			}
		}
		// The grant finds it, its title still masked until a reveal.
		res, err := head.Cases.List(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res.Rows {
			if r.ID == c.ID {
				found++
				if r.Title != Hidden || r.Petitioner != Hidden && r.Petitioner != "" {
					t.Errorf("the head sees %q / %q before a reveal", r.Title, r.Petitioner)
				}
			}
		}
	}
	if found == 0 {
		t.Error("the grant found none of the confidential cases by their titles")
	}
}

func TestPrintedConfidentialCasesShowNothingWithoutTheGrant(t *testing.T) {
	o := newConfOffice(t)
	clerk := o.a.bind(addUser(t, o.a, "clerk9", RoleClerk, false))
	for _, c := range o.secret[:10] {
		f, err := clerk.Visits.Form(c.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if l := o.leaks(t, c, f); len(l) > 0 || f.Title != Hidden {
			t.Errorf("form of %s shows %q (title %q)", c.No, l, f.Title)
		}
		for _, p := range f.People {
			if p.ID != 0 {
				t.Errorf("form of %s: a hidden person has id %d", c.No, p.ID)
			}
		}
		events, _ := o.st.Events(c.ID)
		for _, e := range events {
			if e.Record == nil {
				continue
			}
			sh, err := clerk.Cases.RecordSheet(c.ID, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			if l := o.leaks(t, c, sh); len(l) > 0 || strings.Contains(sh.Record.Statement, e.Record.Statement) {
				t.Errorf("record sheet of %s shows %q", c.No, l)
			}
		}
	}
}

func TestLinkingAWhistleBlowerShowsNoMoreOfHim(t *testing.T) {
	o := newConfOffice(t)
	clerkSess := addUser(t, o.a, "clerk9", RoleClerk, false)
	clerk := o.a.bind(clerkSess)
	consult := func(p PersonInput) RegisterInput {
		in := baseInput()
		in.Type, in.Title = TypeConsult, "咨询政策"
		in.Demand, in.Facts, in.Region = "咨询", "", ""
		in.People, in.Present, in.Involved = []PersonInput{p}, 1, 1
		in.Disposal = "answer_on_spot"
		return in
	}
	// A person on confidential cases only: his id is answered as not on
	// file, whatever else the clerk may guess.
	_, err := clerk.Visits.Register(consult(PersonInput{Role: petitioner.Main, ID: o.only}))
	if f := fields(err); f["people[0].name"] != CodeNotFound {
		t.Fatalf("linking a hidden whistle-blower by id: %v", err)
	}
	// The same answer as for an id nobody has.
	_, err = clerk.Visits.Register(consult(PersonInput{Role: petitioner.Main, ID: 1 << 40}))
	if f := fields(err); f["people[0].name"] != CodeNotFound {
		t.Fatalf("an unknown id: %v", err)
	}
	// A whistle-blower the clerk sees on an ordinary case: the new case
	// that links him is confidential, and shows nothing of him.
	wb := o.people[o.mixed]
	r, err := clerk.Visits.Register(consult(PersonInput{Role: petitioner.Main, ID: o.mixed}))
	if err != nil {
		t.Fatal(err)
	}
	d, err := clerk.Cases.Get(r.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Confidential || d.Identified || d.People[0].Name != Hidden || d.People[0].ID != 0 || d.People[0].IDNumber != "" {
		t.Errorf("the new case of a whistle-blower: %+v", d)
	}
	if raw, _ := json.Marshal(d); strings.Contains(string(raw), wb.IDNumber) || strings.Contains(string(raw), wb.Name) {
		t.Errorf("the new case shows him: %s", raw)
	}
	// Typed by his ID number instead: the same.
	in := consult(PersonInput{Role: petitioner.Main, Name: wb.Name, IDNumber: wb.IDNumber, Sex: wb.Sex})
	if r, err = clerk.Visits.Register(in); err != nil {
		t.Fatal(err)
	}
	if c, _ := o.st.Case(r.CaseID); !IsConfidential(c) {
		t.Error("a whistle-blower matched by ID number made an ordinary case")
	}
	// The clerk cannot decide otherwise; a head with the grant can.
	in = consult(PersonInput{Role: petitioner.Main, ID: o.mixed})
	in.NotConfidential = true
	if r, err = clerk.Visits.Register(in); err != nil {
		t.Fatal(err)
	}
	if c, _ := o.st.Case(r.CaseID); !IsConfidential(c) {
		t.Error("NotConfidential honoured without the grant")
	}
	head := o.a.bind(addUser(t, o.a, "head9", RoleHead, true))
	if r, err = head.Visits.Register(in); err != nil {
		t.Fatal(err)
	}
	if c, _ := o.st.Case(r.CaseID); IsConfidential(c) {
		t.Error("the grant's decision not honoured")
	}
	in.NotConfidential = false
	if r, err = head.Visits.Register(in); err != nil {
		t.Fatal(err)
	}
	if c, _ := o.st.Case(r.CaseID); !IsConfidential(c) {
		t.Error("the head's case of a whistle-blower is ordinary without a decision")
	}
	// A repeat visit that brings him onto an ordinary case makes it
	// confidential.
	var plain *store.Case
	for _, c := range o.cases {
		if !IsConfidential(c) && c.Status != string(casestate.Archived) && !slicesHasPerson(c, o.mixed) {
			plain = c
			break
		}
	}
	rep := consult(PersonInput{Role: petitioner.Main, ID: o.mixed})
	rep.LinkCase, rep.Disposal = plain.ID, ""
	if _, err := clerk.Visits.Register(rep); err != nil {
		t.Fatal(err)
	}
	if c, _ := o.st.Case(plain.ID); !IsConfidential(c) {
		t.Error("a whistle-blower added to an ordinary case left it ordinary")
	}
}

func slicesHasPerson(c *store.Case, id uint64) bool {
	for _, cp := range c.People {
		if cp.Person == id {
			return true
		}
	}
	return false
}

func TestRevealShowsWhatTheGrantCoversAndNoMore(t *testing.T) {
	o := newConfOffice(t)
	// A handler with the grant: no full identities, no risk notes by role.
	hs := addUser(t, o.a, "handler9", RoleHandler, true)
	handler := o.a.bind(hs)
	sendToHandler(t, o.a, "handler9", caseIDs(o.cases)...)
	c := o.secret[0]
	var plain *store.Case
	for _, x := range o.cases {
		if !IsConfidential(x) {
			plain = x
			break
		}
	}
	if _, err := handler.Privacy.Reveal(plain.ID, "核实来访人身份"); code(err) != "reveal.notConfidential" {
		t.Errorf("reveal of an ordinary case: %v", err)
	}
	// Risk notes on the case, for the check below.
	if err := o.st.Update(func(tx *store.Tx) error {
		return tx.AppendEvent(c.ID, &store.Event{Kind: store.EventCorrection, Record: &store.Record{Statement: "补记",
			RiskNotes: "扬言到省上访"}})
	}); err != nil {
		t.Fatal(err)
	}
	got, err := handler.Privacy.Reveal(c.ID, "核实来访人身份")
	if err != nil {
		t.Fatal(err)
	}
	p := o.people[c.People[0].Person]
	v := got.People[0]
	if v.Name != p.Name || v.IDNumber != MaskIDNumber(p.IDNumber) || !v.Masked || len(got.RiskNotes) != 0 || len(got.RiskTags) != 0 {
		t.Errorf("a handler's reveal: %+v", got)
	}
	if v.Address != "" && v.Address == p.Address {
		t.Errorf("a handler's reveal shows the address in full")
	}
	// The head (person.full and case.risk) sees it all.
	head := o.a.bind(addUser(t, o.a, "head9", RoleHead, true))
	got, err = head.Privacy.Reveal(c.ID, "约谈核实举报内容")
	if err != nil {
		t.Fatal(err)
	}
	if got.People[0].IDNumber != p.IDNumber || got.People[0].ID != p.ID || len(got.RiskNotes) == 0 {
		t.Errorf("the head's reveal: %+v", got)
	}
	// After the reveal the head reads the case's text.
	if d, err := head.Cases.Get(c.ID); err != nil || d.Title != c.Title || !d.Identified {
		t.Errorf("after the reveal: %q %v", d.Title, err)
	}
}

func TestThePrintAuditNamesWhatWasPrinted(t *testing.T) {
	o := newConfOffice(t)
	handler := o.a.bind(addUser(t, o.a, "handler9", RoleHandler, false))
	sendToHandler(t, o.a, "handler9", caseIDs(o.cases)...)
	c := o.cases[len(o.cases)-1]
	if err := handler.Audit.Printed(PrintNote{Kind: PrintForm, CaseID: c.ID}); err != nil {
		t.Fatal(err)
	}
	e := lastEntries(t, o.a, 1)[0]
	if e.Action != "print" || e.EntityID != c.ID || !strings.Contains(e.Summary, "来访登记表") || !strings.Contains(e.Summary, c.No) {
		t.Errorf("audit: %+v", e)
	}
	events, _ := o.st.Events(c.ID)
	var rec uint64
	for _, ev := range events {
		if ev.Record != nil {
			rec = ev.ID
		}
	}
	if err := handler.Audit.Printed(PrintNote{Kind: PrintRecordSheet, CaseID: c.ID, EventID: rec}); err != nil {
		t.Fatal(err)
	}
	if e := lastEntries(t, o.a, 1)[0]; !strings.Contains(e.Summary, "接谈笔录") || !strings.Contains(e.Summary, c.No) {
		t.Errorf("audit: %+v", e)
	}
	// Nothing printed that does not exist, no unknown kind, no reader.
	for _, n := range []PrintNote{{Kind: PrintForm, CaseID: 1 << 40}, {Kind: PrintRecordSheet, CaseID: c.ID, EventID: 1 << 40},
		{Kind: "任意文字", CaseID: c.ID}} {
		if err := handler.Audit.Printed(n); err == nil {
			t.Errorf("%+v recorded", n)
		}
	}
	reader := o.a.bind(addUser(t, o.a, "reader9", RoleReader, false))
	if err := reader.Audit.Printed(PrintNote{Kind: PrintForm, CaseID: c.ID}); code(err) != CodeForbidden {
		t.Errorf("a reader's print: %v", err)
	}
}

// A report is confidential because registration decided so and stored it:
// the case, its list row and the search facet all say so, whatever the
// form's 保密 box said.
func TestConfidentialIsDecidedWhenTheCaseIsWritten(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	in := baseInput()
	in.Type, in.Accused, in.Confidential = TypeReport, "某站所长", false
	r, err := b.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	plain := baseInput()
	plain.People = plain.People[:1]
	plain.People[0].IDNumber, plain.People[0].Phone = idMale2, "13800000009"
	plain.Present = 1
	r2, err := b.Visits.Register(plain)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := a.store()
	err = st.View(func(tx *store.Tx) error {
		c, err := tx.Case(r.CaseID)
		if err != nil {
			return err
		}
		if !c.Confidential {
			t.Errorf("the report is stored without the flag: %+v", c)
		}
		if c2, _ := tx.Case(r2.CaseID); c2.Confidential {
			t.Errorf("an ordinary complaint is stored confidential")
		}
		rows, err := tx.PersonCaseRows(c.People[0].Person, 0)
		if err != nil || len(rows) != 1 || !rows[0].Confidential {
			t.Errorf("its list row: %+v %v", rows, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The facet finds it by the flag alone.
	res, err := st.Search(store.Query{Confidential: store.ConfOnly})
	if err != nil || res.Total != 1 || res.Rows[0].ID != r.CaseID {
		t.Errorf("facet: %+v %v", res, err)
	}
}

// Issue 12: the case search finds a person's cases by his name, ID number
// and phone. A whistle-blower's must not lead there: as a reader, a clerk
// without the grant and a head with it but no reveal, none of his
// confidential cases is found by what identifies him, and what is found
// says nothing of them.
func TestSearchingAWhistleBlowerFindsNoneOfHisConfidentialCases(t *testing.T) {
	o := newConfOffice(t)
	sessions := map[string]Bound{
		"reader": o.a.bind(addUser(t, o.a, "reader9", RoleReader, false)),
		"clerk":  o.a.bind(addUser(t, o.a, "clerk9", RoleClerk, false)),
		"head":   o.a.bind(addUser(t, o.a, "head9", RoleHead, true)),
	}
	secret := map[uint64]*store.Case{}
	for _, c := range o.secret {
		secret[c.ID] = c
	}
	probed := map[string]int{}
	for _, id := range []uint64{o.mixed, o.only} {
		p := o.people[id]
		var texts []string
		if !p.Anonymous && len([]rune(p.Name)) >= 2 {
			texts = append(texts, p.Name)
		}
		if p.IDNumber != "" {
			texts = append(texts, p.IDNumber)
		}
		texts = append(texts, p.Phones...)
		for _, text := range texts {
			probed[classifySearch(text)]++
			for who, b := range sessions {
				l, err := b.Cases.List(CaseListQuery{Text: text, Limit: 100})
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range l.Rows {
					c := secret[r.ID]
					if c == nil {
						continue
					}
					for _, m := range r.Match {
						if m.Field == MatchName || m.Field == MatchIDNumber || m.Field == MatchPhone {
							t.Errorf("%s: %q (%s) finds confidential case %s", who, text, classifySearch(text), c.No)
						}
					}
					if l := o.leaks(t, c, r); len(l) > 0 {
						t.Errorf("%s: %q finds confidential case %s showing %q", who, text, c.No, l)
					}
				}
			}
		}
	}
	if probed[SearchIDNumber] == 0 || probed[SearchPhone] == 0 || probed[SearchName] == 0 {
		t.Fatalf("probed %v: the whistle-blowers have no name, ID number or phone to search by", probed)
	}
}

// The step service (casestep.go): a head with the grant writes a reply in
// the words of the report; a head without it sees the steps, the timeline
// and the audit log of the case without those words.
func TestStepsOnAConfidentialCaseShowNothingWithoutTheGrant(t *testing.T) {
	o := newConfOffice(t)
	granted := o.a.bind(addUser(t, o.a, "headG", RoleHead, true))
	plain := o.a.bind(addUser(t, o.a, "headP", RoleHead, false))
	stepped := 0
	for _, c := range o.secret {
		// As if it waited for its disposal: the generator leaves few so.
		if err := o.st.Update(func(tx *store.Tx) error {
			sc, err := tx.Case(c.ID)
			if err != nil {
				return err
			}
			sc.Status, sc.Disposal, sc.Accepted, sc.Reply, sc.Outcome = string(casestate.Registered), "", 0, "", ""
			return tx.UpdateCase(sc, nil, nil)
		}); err != nil {
			t.Fatal(err)
		}
		for _, a := range []string{"accept", "start_work", "reply"} {
			s, err := granted.Cases.Steps(c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(s.Steps, func(o StepOption) bool { return o.Action == a }) {
				continue
			}
			in := StepInput{Action: a, Rev: s.Rev}
			if a == "reply" {
				in.Outcome, in.Text = "解释说明", clip(c.Title+"："+c.Demand, 300)
			}
			if _, err := granted.Cases.Step(c.ID, in); err != nil {
				t.Fatalf("%s on %s: %v", a, c.No, err)
			}
		}
		s, err := plain.Cases.Steps(c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if l := o.leaks(t, c, s); len(l) > 0 {
			t.Errorf("Cases.Steps of %s shows %q", c.No, l)
		}
		d, err := plain.Cases.Get(c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if l := o.leaks(t, c, d); len(l) > 0 {
			t.Errorf("the timeline of %s after its steps shows %q", c.No, l)
		}
		// A step taken without the grant answers with no more.
		if len(s.Steps) > 0 {
			res, err := plain.Cases.Step(c.ID, StepInput{Action: s.Steps[0].Action, Rev: s.Rev})
			if l := o.leaks(t, c, []any{res, AsError(err)}); len(l) > 0 {
				t.Errorf("Cases.Step of %s answers %q", c.No, l)
			}
		}
		stepped++
		if stepped == 5 {
			break
		}
	}
	if stepped == 0 {
		t.Fatal("no confidential case to step: the probe probed nothing")
	}
	rows, err := plain.Audit.List(AuditQuery{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range o.secret {
		if l := o.leaks(t, c, rows); len(l) > 0 {
			t.Errorf("the audit log shows %q of %s", l, c.No)
		}
	}
}

// The 督办 screen shows a confidential case's tasks with nothing of the
// report: its list rows, a task with its history and urges, and a step's
// answer, to a clerk and to the department's handler without the grant,
// and to a head with the grant before a reveal.
func TestTasksOfAConfidentialCaseShowNothingOfIt(t *testing.T) {
	o := newConfOffice(t)
	head := o.a.bind(addUser(t, o.a, "head9", RoleHead, true))
	clerk := o.a.bind(addUser(t, o.a, "clerk9", RoleClerk, false))
	var units []store.Unit
	_ = o.st.View(func(tx *store.Tx) error { units, _ = tx.Units(); return nil })
	unit := units[0]
	for _, u := range units {
		if u.Name == "司法所" {
			unit = u
		}
	}
	hs := addUser(t, o.a, "handler9", RoleHandler, false)
	_ = o.st.Update(func(tx *store.Tx) error {
		u, err := tx.UserByLogin("handler9")
		if err != nil {
			return err
		}
		u.Unit = unit.ID
		return tx.UpdateUser(u)
	})
	handler := o.a.bind(hs)
	made := 0
	for _, c := range o.secret {
		if made == 5 {
			break
		}
		if !casestate.Open(casestate.State(c.Status)) || c.AccusedUnit == unit.ID {
			continue
		}
		d, err := head.Tasks.Create(TaskInput{Case: c.ID, Type: TaskAssist, Unit: unit.ID, Requirement: c.Demand,
			Due: "2099-01-01", Rev: caseRev(t, o.a, c.ID)})
		if err != nil {
			t.Fatalf("case %d: %v", c.ID, err)
		}
		made++
		d, err = head.Tasks.Urge(UrgeInput{Task: d.ID, Level: "督办", Text: c.Title, Rev: d.Rev})
		if err != nil {
			t.Fatal(err)
		}
		for who, b := range map[string]Bound{"clerk": clerk, "handler": handler, "head": head} {
			got, err := b.Tasks.Get(d.ID)
			if err != nil {
				t.Fatalf("%s: %v", who, err)
			}
			if l := o.leaks(t, c, got); len(l) > 0 {
				t.Errorf("%s reads the task of confidential case %d with %q", who, c.ID, l)
			}
			for _, q := range []TaskQuery{{}, {Unit: unit.ID}, {State: store.TaskPending}} {
				p, err := b.Tasks.List(q)
				if err != nil {
					t.Fatal(err)
				}
				if l := o.leaks(t, c, p); len(l) > 0 {
					t.Errorf("%s lists the task of confidential case %d with %q", who, c.ID, l)
				}
			}
		}
		got, err := handler.Tasks.Step(TaskStepInput{Task: d.ID, Action: StepReceive, Rev: d.Rev, Receiver: "测试丁"})
		if err != nil {
			t.Fatal(err)
		}
		if l := o.leaks(t, c, got); len(l) > 0 {
			t.Errorf("the handler's 签收 answers with %q of case %d", l, c.ID)
		}
	}
	if made == 0 {
		t.Fatal("no open confidential case to probe")
	}
}
