package app

import (
	"strings"
	"testing"

	"laifang/store"
	"laifang/store/gen"
)

// Two clerks on two PCs (two serve sessions) open the same case. The first
// save goes through; the second, made on what is now an old version, is
// refused with record.stale and a message that says so, and nothing of it
// is written.
func TestAnEditOfAChangedCaseIsRefusedAcrossSessions(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	s1 := addUser(t, a, "clerk1", RoleClerk, false)
	s2 := addUser(t, a, "clerk2", RoleClerk, false)
	st, _ := a.store()
	g := gen.New(11)
	r, err := st.SaveIntake(&store.Intake{Case: store.Case{Title: "路灯损坏"},
		People: []store.IntakePerson{{Person: g.Person()}}})
	if err != nil {
		t.Fatal(err)
	}
	c1, c2 := svc{app: a, sess: s1}, svc{app: a, sess: s2}
	opened, _ := st.Case(r.CaseID) // both forms open the same version
	rev := opened.Rev

	setDemand := func(text string) func(*store.Tx, *store.Case) (*store.Event, error) {
		return func(_ *store.Tx, c *store.Case) (*store.Event, error) {
			c.Demand = text
			return &store.Event{Kind: store.EventNote, Text: text}, nil
		}
	}
	got, err := c1.editCase(st, s1.actor(), r.CaseID, rev, "edit", setDemand("尽快修复路灯"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Rev != rev+1 {
		t.Errorf("rev after the first save %d, want %d", got.Rev, rev+1)
	}
	_, err = c2.editCase(st, s2.actor(), r.CaseID, rev, "edit", setDemand("第二位登记员的修改"))
	e := AsError(err)
	if e == nil || e.Code != "record.stale" || !strings.Contains(e.Message, "已被其他人修改") ||
		!strings.Contains(e.Message, "重新打开") {
		t.Fatalf("the second save: %+v, want record.stale", e)
	}
	c, _ := st.Case(r.CaseID)
	if c.Demand != "尽快修复路灯" || c.Rev != rev+1 {
		t.Errorf("the case after the refused save: %q rev %d", c.Demand, c.Rev)
	}
	ev, _ := st.Events(r.CaseID)
	for _, e := range ev {
		if strings.Contains(e.Text, "第二位") {
			t.Errorf("the refused save left an event")
		}
	}
	// Reopened, the second clerk's save goes through.
	if _, err := c2.editCase(st, s2.actor(), r.CaseID, c.Rev, "edit", setDemand("第二位登记员的修改")); err != nil {
		t.Fatal(err)
	}
	// A repeat visit registered meanwhile makes an open form stale too.
	c, _ = st.Case(r.CaseID)
	if _, err := st.AddVisit(r.CaseID, &store.Visit{Channel: "走访"}, nil, s1.actor().ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c1.editCase(st, s1.actor(), r.CaseID, c.Rev, "edit", setDemand("x")); code(err) != CodeStale {
		t.Errorf("a save opened before a repeat visit: %v", err)
	}
	// The refusal in the edit function writes nothing either.
	c, _ = st.Case(r.CaseID)
	_, err = c1.editCase(st, s1.actor(), r.CaseID, c.Rev, "edit", func(_ *store.Tx, c *store.Case) (*store.Event, error) {
		c.Demand = ""
		return nil, fieldError("demand", "case.demand", "请填写诉求。")
	})
	if e := AsError(err); e.Field != "demand" {
		t.Errorf("a refused edit: %+v", e)
	}
	if got, _ := st.Case(r.CaseID); got.Demand == "" || got.Rev != c.Rev {
		t.Errorf("a refused edit was written")
	}
}
