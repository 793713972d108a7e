package app

import (
	"slices"
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/domain/followup"
	"laifang/store"
	"laifang/store/gen"
)

// homeOffice is a generated office of two years on the test clock's today.
func homeOffice(t *testing.T) (*App, *store.Store, []*store.Case) {
	t.Helper()
	a, _ := testApp(t)
	setUp(t, a)
	st, _ := a.store()
	if _, err := gen.Office(st, gen.Options{Visits: 2500, Seed: 13, Years: 2}); err != nil {
		t.Fatal(err)
	}
	var cases []*store.Case
	err := st.View(func(tx *store.Tx) error {
		for id := uint64(1); ; id++ {
			c, err := tx.Case(id)
			if err != nil {
				return nil
			}
			cases = append(cases, c)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return a, st, cases
}

// queueScan is what a scan of every case the session sees says the queue
// holds: the case IDs of each group, in the queue's order, and the clocks
// due today.
func queueScan(cases []*store.Case, today civil.Date, sees func(*store.Case) bool) (map[string][]uint64, int) {
	out := map[string][]uint64{}
	dueToday := 0
	for _, c := range cases {
		if !sees(c) {
			continue
		}
		for _, k := range c.Todo {
			out[k] = append(out[k], c.ID)
		}
		// a running deadline: an open case's, or a closed report's K2
		if c.Due != 0 && (casestate.Open(casestate.State(c.Status)) || len(c.Clocks) > 0) {
			switch {
			case c.Due < today:
				out[QueueOverdue] = append(out[QueueOverdue], c.ID)
			case c.Due <= today+DefaultWarnDays:
				out[QueueDueSoon] = append(out[QueueDueSoon], c.ID)
			}
			for _, k := range c.Clocks {
				if k.Legal == today {
					dueToday++
				}
			}
		}
	}
	return out, dueToday
}

// checkQueue compares a queue with the scan: each group's total, its
// first items (which cases, and each a clock in its colour), today's
// clocks, masked titles.
func checkQueue(t *testing.T, q *Queue, cases []*store.Case, sees func(*store.Case) bool) {
	t.Helper()
	today, _ := civil.Parse(q.Today)
	scan, dueToday := queueScan(cases, today, sees)
	byID := map[uint64]*store.Case{}
	for _, c := range cases {
		byID[c.ID] = c
	}
	if len(q.Groups) != 2+len(followup.TodoKinds) {
		t.Fatalf("%d groups", len(q.Groups))
	}
	nonEmpty := 0
	timed := map[string]bool{}
	for _, g := range q.Groups {
		want := scan[g.Kind]
		if g.Total != len(want) {
			t.Errorf("%s: total %d, a scan finds %d", g.Kind, g.Total, len(want))
		}
		if g.Total > 0 {
			nonEmpty++
		}
		if n := min(len(want), queueItems); len(g.Items) < n || len(g.Items) > 2*n && g.Kind != QueueOverdue {
			t.Errorf("%s: %d items of %d", g.Kind, len(g.Items), len(want))
		}
		for _, it := range g.Items {
			c := byID[it.CaseID]
			if c == nil || !sees(c) {
				t.Fatalf("%s: item of case %d the session does not see", g.Kind, it.CaseID)
			}
			if !slices.Contains(want, c.ID) {
				t.Errorf("%s: case %s is not in the group", g.Kind, c.No)
			}
			if it.CaseNo != c.No {
				t.Errorf("%s: case %d numbered %s", g.Kind, c.ID, it.CaseNo)
			}
			if c.Confidential && it.Title != Hidden || !c.Confidential && it.Title != c.Title {
				t.Errorf("%s: case %s (confidential %v) shows title %q", g.Kind, c.No, c.Confidential, it.Title)
			}
			switch g.Kind {
			case QueueOverdue:
				if it.Level != DueOverdue || it.DaysLeft >= 0 || it.Clock == "" {
					t.Errorf("overdue item %+v", it)
				}
			case QueueDueSoon:
				if it.Level != DueSoon || it.DaysLeft < 0 || it.DaysLeft > DefaultWarnDays || it.Clock == "" {
					t.Errorf("due-soon item %+v", it)
				}
			default:
				if !slices.Contains(c.Todo, g.Kind) {
					t.Errorf("%s: case %s owes %v", g.Kind, c.No, c.Todo)
				}
				// The item is timed by its own clock (a reply to write by
				// 办理期限, not by an unserved notice's), or by none.
				if it.Clock != "" && len(c.Clocks) > 0 && !slices.ContainsFunc(c.Clocks, func(k store.CaseClock) bool {
					return clockLabel(k.Clock) == it.Clock && k.Legal.String() == it.Legal &&
						slices.Contains(followup.TodoClocks[g.Kind], deadline.Clock(k.Clock))
				}) {
					t.Errorf("%s: case %s is timed by %s %s", g.Kind, c.No, it.Clock, it.Legal)
				}
				timed[g.Kind] = timed[g.Kind] || it.Clock != ""
			}
		}
	}
	for _, kind := range []string{followup.TodoReply, followup.TodoReviewWindow} {
		if scan[kind] != nil && !timed[kind] {
			t.Errorf("no item of %s shows its clock", kind)
		}
	}
	if nonEmpty < 6 {
		t.Errorf("only %d groups have anything: the office generates too little follow-up", nonEmpty)
	}
	if q.DueTodayTotal != dueToday || len(q.DueToday) != min(dueToday, queueItems) {
		t.Errorf("%d clocks due today (%d listed), a scan finds %d", q.DueTodayTotal, len(q.DueToday), dueToday)
	}
	for _, it := range q.DueToday {
		if it.DaysLeft != 0 || it.Legal != today.String() {
			t.Errorf("due today: %+v", it)
		}
	}
}

// The head's queue is the office's: every group's count is what a scan of
// the cases finds, its items are cases of that group, red and yellow
// items are clocks past and near their legal date, confidential titles
// are masked without a reveal, and each department's task counts match
// a scan of the tasks.
func TestHomeQueueIsTheOffice(t *testing.T) {
	a, st, cases := homeOffice(t)
	head := a.bind(addUser(t, a, "head2", RoleHead, true))
	q, err := head.Home.Queue()
	if err != nil {
		t.Fatal(err)
	}
	if q.Today != "2026-03-02" || q.WarnDays != DefaultWarnDays {
		t.Errorf("today %s, warn %d", q.Today, q.WarnDays)
	}
	checkQueue(t, q, cases, func(*store.Case) bool { return true })
	if q.DueTodayTotal == 0 {
		t.Error("nothing due today in a generated office: the notice is not probed")
	}
	st.View(func(tx *store.Tx) error {
		vs, err := tx.VisitsOn(civil.D(2026, 3, 2))
		if err != nil || q.Visits != len(vs) {
			t.Errorf("%d visits today, %d on file (%v)", q.Visits, len(vs), err)
		}
		return nil
	})
	type load struct{ open, overdue int }
	want := map[uint64]load{}
	today := civil.D(2026, 3, 2)
	err = st.View(func(tx *store.Tx) error {
		for _, c := range cases {
			ts, err := tx.CaseTasks(c.ID)
			if err != nil {
				return err
			}
			for _, k := range ts {
				// open until the office closes it (a reported task awaits its review)
				if k.Parent != 0 || k.Status == store.TaskClosed {
					continue
				}
				l := want[k.ToUnit]
				l.open++
				due := k.Due
				if k.NewDue != 0 {
					due = k.NewDue
				}
				if due != 0 && due < today {
					l.overdue++
				}
				want[k.ToUnit] = l
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	overdue := 0
	for _, u := range q.Units {
		if w := want[u.UnitID]; u.Open != w.open || u.Overdue != w.overdue {
			t.Errorf("%s: open %d overdue %d, scan %d %d", u.Name, u.Open, u.Overdue, w.open, w.overdue)
		}
		overdue += u.Overdue
	}
	if len(q.Units) < 10 || overdue == 0 {
		t.Errorf("%d departments, %d overdue tasks", len(q.Units), overdue)
	}
}

// A handler's queue is his department's: its cases only, in every group,
// and his department's task counts alone.
func TestHomeQueueOfAHandler(t *testing.T) {
	a, st, cases := homeOffice(t)
	counts := map[uint64]int{}
	for _, c := range cases {
		if len(c.Todo) > 0 {
			counts[c.Unit]++
		}
	}
	unit, s := busiestHandler(t, a, st, counts)
	q, err := a.bind(s).Home.Queue()
	if err != nil {
		t.Fatal(err)
	}
	// his department's: those it handles and those it was sent a task of
	sent := map[uint64]bool{}
	st.View(func(tx *store.Tx) error {
		for _, c := range cases {
			ts, _ := tx.CaseTasks(c.ID)
			for _, k := range ts {
				if k.Parent == 0 && k.ToUnit == unit {
					sent[c.ID] = true
				}
			}
		}
		return nil
	})
	checkQueue(t, q, cases, func(c *store.Case) bool { return c.Unit == unit || sent[c.ID] })
	if len(q.Units) != 1 || q.Units[0].UnitID != unit || q.Unit == "" {
		t.Errorf("a handler's departments: %+v (%q)", q.Units, q.Unit)
	}
}

// A handler of department B sees in his queue the case handled by A whose
// 协办 went to B, as his case list does, with its clock; a case of A alone
// never; and today's visits he is told of are those of the cases he sees.
func TestHomeQueueHoldsACaseSentByATask(t *testing.T) {
	o := newTaskOffice(t)
	shared, _ := o.assign(t, "2026-03-02", o.u1, "2026-03-20")
	other, _ := o.assign(t, "2026-03-02", o.u1, "2026-03-25")
	if _, err := o.clerk.Tasks.Create(TaskInput{Case: shared, Type: TaskAssist, Unit: o.u2, Requirement: "请配合核实",
		Due: "2026-03-15", Rev: caseRev(t, o.a, shared)}); err != nil {
		t.Fatal(err)
	}
	o.at(t, "2026-03-18") // the shared case's 交办期限 (03-20) is near
	where := func(b Bound) (map[uint64][]string, *Queue) {
		q, err := b.Home.Queue()
		if err != nil {
			t.Fatal(err)
		}
		in := map[uint64][]string{}
		for _, g := range q.Groups {
			for _, it := range g.Items {
				in[it.CaseID] = append(in[it.CaseID], g.Kind)
			}
		}
		return in, q
	}
	in2, q2 := where(o.h2)
	in1, _ := where(o.h1)
	// its notice is owed and its first clock past (受理告知, 15 days)
	if !slices.Contains(in2[shared], QueueOverdue) || !slices.Contains(in2[shared], followup.TodoNotice) ||
		!slices.Equal(in2[shared], in1[shared]) {
		t.Errorf("handler of 司法所: the case it was sent a 协办 of is in %v, for the handling department in %v",
			in2[shared], in1[shared])
	}
	if len(in2[other]) != 0 {
		t.Errorf("handler of 司法所 sees a case of 劳动保障所 only in %v", in2[other])
	}
	if q2.Unit != "司法所" {
		t.Errorf("handler of 司法所: queue of %q", q2.Unit)
	}
	if c, err := o.h2.Cases.Get(shared); err != nil || c.ID != shared {
		t.Errorf("the case list's rule: handler of 司法所 opens the shared case: %v", err)
	}
	if len(in1[other]) == 0 {
		t.Errorf("handler of 劳动保障所: its own case is in no group")
	}
	// today's visits: one on each case; B's handler is told of his one
	o.at(t, "2026-03-02")
	if _, q := where(o.h2); q.Visits != 1 {
		t.Errorf("handler of 司法所: %d visits today, want 1 (the shared case's)", q.Visits)
	}
	if v, err := o.h2.Visits.Today(); err != nil || len(v) != 1 || v[0].CaseID != shared {
		t.Errorf("handler of 司法所's today list: %+v %v", v, err)
	}
	if _, q := where(o.head); q.Visits != 2 {
		t.Errorf("the head: %d visits today, want 2", q.Visits)
	}
}

// A closed real-name report still owes its reporter the result within 15
// working days (纪检反馈期限, K2): the clock is in the queue, yellow as its
// date nears, red once past, under its own name.
func TestHomeQueueShowsTheDisciplineFeedbackClock(t *testing.T) {
	a, clk, _, r := registered(t, func(in *RegisterInput) {
		in.Type, in.Title, in.Accused, in.RealName = TypeReport, "反映某所负责人违规收费", "某所负责人", true
	})
	st, _ := a.store()
	if err := st.Update(func(tx *store.Tx) error { // closed on 2026-03-02
		c, err := tx.Case(r.CaseID)
		if err != nil {
			return err
		}
		c.Status, c.Closed = string(casestate.Closed), civil.D(2026, 3, 2)
		if err := setClocks(tx, c); err != nil {
			return err
		}
		return tx.UpdateCase(c, nil, nil)
	}); err != nil {
		t.Fatal(err)
	}
	// 15 working days from Monday 2026-03-02: Monday 2026-03-23
	for _, k := range []struct{ day, group string }{{"2026-03-19", ""}, {"2026-03-20", QueueDueSoon}, {"2026-03-24", QueueOverdue}} {
		clk.mu.Lock()
		clk.t, _ = time.ParseInLocation("2006-01-02 15:04", k.day+" 09:00", time.Local)
		clk.mu.Unlock()
		head := clerk(t, a, "head"+k.day, RoleHead, true)
		q, err := head.Home.Queue()
		if err != nil {
			t.Fatal(err)
		}
		var got []QueueItem
		groups := ""
		for _, g := range q.Groups {
			for _, it := range g.Items {
				if it.CaseID == r.CaseID {
					got, groups = append(got, it), groups+g.Kind
				}
			}
		}
		if groups != k.group || k.group != "" && (got[0].Clock != "纪检反馈期限" || got[0].Legal != "2026-03-23") {
			t.Errorf("%s: the closed report is in %q (want %q): %+v", k.day, groups, k.group, got)
		}
	}
	// Once the desk records that the reporter was told, the clock stops:
	// the report leaves the queue and owes nothing.
	head := clerk(t, a, "head-told", RoleHead, true)
	steps := must(head.Cases.Steps(r.CaseID))(t)
	if !slices.ContainsFunc(steps.Steps, func(o StepOption) bool { return o.Action == RecordResultTold }) {
		t.Fatalf("告知检举人办理结果 is not offered: %+v", steps.Steps)
	}
	mustStep(t, head.Cases, r.CaseID, StepInput{Action: RecordResultTold, How: "直接送达", Text: "已当面告知查处结果"})
	q := must(head.Home.Queue())(t)
	for _, g := range q.Groups {
		for _, it := range g.Items {
			if it.CaseID == r.CaseID {
				t.Errorf("the report is still in %s after the reporter was told", g.Kind)
			}
		}
	}
	if c := must(head.Cases.Get(r.CaseID))(t); len(c.Clocks) != 0 {
		t.Errorf("clocks still run: %+v", c.Clocks)
	}
}

// A case registered and accepted at the desk enters the queue at once: its
// notice is to be served and its reply to be written, and its clock runs.
func TestHomeQueueTakesARegistration(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	c := clerk(t, a, "head9", RoleHead, false) // 受理 is the head's
	form := baseInput()
	form.Disposal = string(casestate.Accept)
	r, err := c.Visits.Register(form)
	if err != nil {
		t.Fatal(err)
	}
	q, err := c.Home.Queue()
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]bool{}
	for _, g := range q.Groups {
		for _, it := range g.Items {
			if it.CaseID == r.CaseID {
				in[g.Kind] = true
			}
		}
	}
	if !in[followup.TodoNotice] || !in[followup.TodoReply] || len(in) != 2 {
		t.Errorf("the accepted case is in %v", in)
	}
	if q.Visits != 1 {
		t.Errorf("%d visits today", q.Visits)
	}
}

// The work queue shows nothing of a whistle-blower's case to a session
// that may not identify him: a reader, and a head with the grant who has
// not revealed the case.
func TestHomeQueueShowsNoWhistleBlower(t *testing.T) {
	o := newConfOffice(t)
	secret := map[uint64]*store.Case{}
	for _, c := range o.secret {
		secret[c.ID] = c
	}
	for _, s := range []Bound{
		o.a.bind(addUser(t, o.a, "reader9", RoleReader, false)),
		o.a.bind(addUser(t, o.a, "head9", RoleHead, true)),
	} {
		q, err := s.Home.Queue()
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for _, g := range append(q.Groups, QueueGroup{Kind: "today", Items: q.DueToday}) {
			for _, it := range g.Items {
				c := secret[it.CaseID]
				if c == nil {
					continue
				}
				checked++
				if l := o.leaks(t, c, it); len(l) > 0 || it.Title != Hidden || !it.Confidential {
					t.Errorf("%s: case %s shows %q (title %q)", g.Kind, c.No, l, it.Title)
				}
			}
		}
		if checked == 0 {
			t.Fatal("no confidential case in the queue: the probe probed nothing")
		}
	}
}

// busiestHandler signs in a handler (handler2) of the department that
// counts most, and returns it and his session.
func busiestHandler(t *testing.T, a *App, st *store.Store, counts map[uint64]int) (uint64, *Session) {
	t.Helper()
	var unit uint64
	for u, n := range counts {
		if u != 0 && (unit == 0 || n > counts[unit]) {
			unit = u
		}
	}
	u := &store.User{Name: "承办甲", Login: "handler2", Role: RoleHandler, Active: true, Unit: unit,
		PassHash: hashPassword("Secret123handler2")}
	if err := st.Update(func(tx *store.Tx) error { return tx.UpdateUser(u) }); err != nil {
		t.Fatal(err)
	}
	s := NewSession("测试", false)
	s.signIn(actorOf(u), a.now())
	return unit, s
}
