package app

import (
	"errors"
	"slices"
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store"
)

// Who may take a step is one table: every step of the state machine names
// a permission some role of RolePerms holds, and for every role the steps
// offered (allowedSteps) are exactly the ones Check lets through.
func TestStepsFollowTheRoleTable(t *testing.T) {
	held := map[Perm]bool{}
	for _, ps := range RolePerms {
		for _, p := range ps {
			held[p] = true
		}
	}
	for _, tr := range casestate.Table() {
		if !held[Perm(tr.Perm)] {
			t.Errorf("%s needs %q, which no role of roles.go holds", tr.Action, tr.Perm)
		}
	}
	full := func(act *Actor) casestate.Input {
		in := stepInput(act)
		in.Incoming, in.Reason, in.Body, in.Unit, in.Due = true, "理由", "县人民法院", "某村委会", "2026-04-01"
		in.Outcome, in.Days, in.MaxExtension = "解释说明", 10, 30
		return in
	}
	for _, role := range Roles {
		for _, grant := range []bool{false, true} {
			act := &Actor{ID: 1, Role: role, Confidential: grant}
			for _, from := range casestate.States {
				var offered, accepted []casestate.Action
				for _, tr := range allowedSteps(act, from) {
					offered = append(offered, tr.Action)
				}
				for _, tr := range casestate.Allowed(from) {
					if _, err := casestate.Check(from, tr.Action, full(act)); err == nil {
						accepted = append(accepted, tr.Action)
					} else if !errors.Is(err, casestate.ErrRole) {
						t.Errorf("%s %s from %s: %v", role, tr.Action, from, err)
					}
				}
				if !slices.Equal(offered, accepted) {
					t.Errorf("%s from %s: offered %v, Check accepts %v", role, from, offered, accepted)
				}
			}
		}
	}
	// The table's choices, as a user meets them.
	may := func(role string, from casestate.State, a casestate.Action) bool {
		for _, tr := range allowedSteps(&Actor{Role: role}, from) {
			if tr.Action == a {
				return true
			}
		}
		return false
	}
	cases := []struct {
		role string
		from casestate.State
		a    casestate.Action
		ok   bool
	}{
		{RoleClerk, casestate.Registered, casestate.Accept, false}, // 受理 is the head's
		{RoleHead, casestate.Registered, casestate.Accept, true},
		{RoleClerk, casestate.Registered, casestate.File, true},
		{RoleClerk, casestate.Registered, casestate.NotReaccept, false},
		{RoleHandler, casestate.Registered, casestate.Transfer, false},
		{RoleHandler, casestate.Accepted, casestate.StartWork, true},
		{RoleClerk, casestate.Accepted, casestate.StartWork, false},
		{RoleHandler, casestate.InProgress, casestate.Extend, false},
		{RoleHead, casestate.Accepted, casestate.Extend, true},
		{RoleHandler, casestate.InProgress, casestate.Reply, false},
		{RoleHandler, casestate.Replied, casestate.RequestReview, true},
		{RoleClerk, casestate.Replied, casestate.RequestReview, true},
		{RoleClerk, casestate.Replied, casestate.ReviewLapsed, true},
		{RoleHandler, casestate.Replied, casestate.ReviewLapsed, false},
		{RoleReader, casestate.Replied, casestate.RequestReview, false},
		{RoleAdmin, casestate.Closed, casestate.Archive, false},
	}
	for _, c := range cases {
		if may(c.role, c.from, c.a) != c.ok {
			t.Errorf("%s %s from %s: want %v", c.role, c.a, c.from, c.ok)
		}
	}
	// The app closing a lapsed window acts as no session.
	if _, err := casestate.Check(casestate.Replied, casestate.ReviewLapsed, casestate.Input{System: true}); err != nil {
		t.Errorf("the app closing a lapsed window: %v", err)
	}
}

// The extension: the head's, once, at most the office profile's ceiling,
// and it moves the handling clock.
func TestTheExtensionMovesTheHandlingClock(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	head := clerk(t, a, "head1", RoleHead, false)
	in := baseInput()
	in.Disposal = string(casestate.Accept)
	r, err := head.Visits.Register(in) // accepted Mon 2026-03-02
	if err != nil {
		t.Fatal(err)
	}
	st, _ := a.store()
	act := &Actor{ID: 1, Role: RoleHead}
	err = st.Update(func(tx *store.Tx) error {
		c, err := tx.Case(r.CaseID)
		if err != nil {
			return err
		}
		step := stepInput(act)
		if err := stepCase(tx, c, &step); err != nil {
			return err
		}
		step.Reason, step.Days = "案情复杂，需调查核实", 45
		if _, err := casestate.Check(casestate.State(c.Status), casestate.Extend, step); !errors.Is(err, casestate.ErrDaysMax) {
			t.Errorf("45 days under the national 30: %v", err)
		}
		step.Days = 30
		tr, err := casestate.Check(casestate.State(c.Status), casestate.Extend, step)
		if err != nil {
			t.Fatalf("30 days: %v", err)
		}
		c.Status, c.ExtDays, c.NoticeServed = string(tr.To), step.Days, civil.D(2026, 3, 3)
		if err := setClocks(tx, c); err != nil {
			return err
		}
		// 90 days from 2026-03-02 end on Sun 2026-05-31: due Mon 06-01.
		if got := caseClocksOf(c); got != "办理 2026-06-01" || c.Due != civil.D(2026, 6, 1) {
			t.Errorf("extended: %s, due %s", got, c.Due)
		}
		// Reopened and at work again, it is not extended a second time.
		c.Status = string(casestate.InProgress)
		step = stepInput(act)
		if err := stepCase(tx, c, &step); err != nil {
			return err
		}
		step.Reason, step.Days = "再次延期", 10
		if _, err := casestate.Check(casestate.InProgress, casestate.Extend, step); !errors.Is(err, casestate.ErrExtendedOnce) {
			t.Errorf("a second extension: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// An assigned case's 交办期限 is the date in force on its open 交办 task:
// a new date on the task moves it.
func TestTheAssignedClockFollowsTheTask(t *testing.T) {
	a, _, _, r := registered(t, assignVillage)
	st, _ := a.store()
	err := st.Update(func(tx *store.Tx) error {
		ts, err := tx.CaseTasks(r.CaseID)
		if err != nil || len(ts) != 1 {
			t.Fatalf("tasks %v %v", ts, err)
		}
		ts[0].NewDue = civil.D(2026, 3, 27)
		if err := tx.SaveTask(&ts[0]); err != nil {
			return err
		}
		c, err := tx.Case(r.CaseID)
		if err != nil {
			return err
		}
		c.NoticeServed = civil.D(2026, 3, 2)
		if err := setClocks(tx, c); err != nil {
			return err
		}
		if got := caseClocksOf(c); got != "交办 2026-03-27" || c.Due != civil.D(2026, 3, 27) {
			t.Errorf("after the new date: %s, due %s", got, c.Due)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A case saved before clocks were kept shows them, computed as it is read
// and not written; a clock turns yellow within the warning band and red
// the day after its legal date.
func TestACaseShowsItsClocksColoured(t *testing.T) {
	a, clk, _, r := registered(t, nil) // reported to the head: the notice is due 2026-03-17
	st, _ := a.store()
	err := st.Update(func(tx *store.Tx) error {
		c, err := tx.Case(r.CaseID)
		if err != nil {
			return err
		}
		c.Clocks = nil
		return tx.UpdateCase(c, nil, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	level := func() ClockView {
		t.Helper()
		// A new session each day: the idle lock closes yesterday's.
		n++
		d, err := clerk(t, a, "reader"+string(rune('0'+n)), RoleReader, false).Cases.Get(r.CaseID)
		if err != nil || len(d.Clocks) != 1 {
			t.Fatalf("clocks %+v %v", d.Clocks, err)
		}
		return d.Clocks[0]
	}
	if k := level(); k.Label != "受理告知期限" || k.Legal != "2026-03-17" || k.Target != "2026-03-17" ||
		k.Start != "2026-03-02" || k.DaysLeft != 15 || k.Level != "" {
		t.Errorf("on 03-02: %+v", k)
	}
	if c, _ := st.Case(r.CaseID); len(c.Clocks) != 0 {
		t.Errorf("reading wrote the clocks: %+v", c.Clocks)
	}
	clk.add(12 * 24 * 3600e9) // 2026-03-14
	if k := level(); k.DaysLeft != 3 || k.Level != "soon" {
		t.Errorf("on 03-14: %+v", k)
	}
	clk.add(3 * 24 * 3600e9) // 2026-03-17, the last day
	if k := level(); k.DaysLeft != 0 || k.Level != "soon" {
		t.Errorf("on 03-17: %+v", k)
	}
	clk.add(24 * 3600e9) // 2026-03-18
	if k := level(); k.DaysLeft != -1 || k.Level != "overdue" {
		t.Errorf("on 03-18: %+v", k)
	}
}

func TestDueLevel(t *testing.T) {
	d := civil.D(2026, 5, 6)
	for _, c := range []struct {
		today civil.Date
		warn  int
		want  string
	}{
		{civil.D(2026, 5, 1), 3, ""},
		{civil.D(2026, 5, 3), 3, "soon"},
		{civil.D(2026, 5, 6), 3, "soon"},
		{civil.D(2026, 5, 7), 3, "overdue"},
		{civil.D(2026, 5, 6), 0, "soon"},
		{civil.D(2026, 5, 5), 0, ""},
	} {
		if got := dueLevel(d, c.today, c.warn); got != c.want {
			t.Errorf("%s, warn %d: %q, want %q", c.today, c.warn, got, c.want)
		}
	}
	if dueLevel(0, civil.D(2026, 5, 7), 3) != "" {
		t.Error("no date, no level")
	}
}

// Every edit of a case sets its clocks for its new state: work started on
// an accepted case keeps its handling clock (it used to lose its due date),
// and the notice served stops the acceptance notice's clock.
func TestAnEditSetsTheClocks(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	head := clerk(t, a, "head1", RoleHead, false)
	in := baseInput()
	in.Disposal = string(casestate.Accept)
	r, err := head.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := a.store()
	c, _ := st.Case(r.CaseID)
	sess := addUser(t, a, "head2", RoleHead, false)
	b := svc{app: a, sess: sess}
	_, err = b.editCase(st, sess.actor(), r.CaseID, c.Rev, "step", func(_ *store.Tx, c *store.Case) (*store.Event, error) {
		c.Status, c.NoticeServed = string(casestate.InProgress), civil.D(2026, 3, 4)
		return nil, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c, _ = st.Case(r.CaseID)
	if got := caseClocksOf(c); got != "办理 2026-05-06" || c.Due != civil.D(2026, 5, 6) {
		t.Errorf("at work: %s, due %s", got, c.Due)
	}
}
