package app

import (
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/deadline"
	"laifang/store"
)

// The due date set at registration follows the office's own time-limit
// profile, and a profile the settings name but the file lacks is an error
// the clerk reads, not a case registered without a deadline.
func TestTheDueDateFollowsTheOfficeProfile(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "head1", RoleHead, false)
	st, _ := a.store()
	accepted := baseInput()
	accepted.Disposal = string(casestate.Accept)
	r, err := b.Visits.Register(accepted) // accepted on 2026-03-02
	if err != nil {
		t.Fatal(err)
	}
	// The national 60 days end on Fri 2026-05-01, 劳动节 (1–5 May off in the
	// 2026 calendar a new office starts with): due Wed 2026-05-06; the
	// notice's 15 days end on 2026-03-17.
	if got := storedClocks(t, a, r.CaseID); got != "受理告知 2026-03-17, 办理 2026-05-06" {
		t.Errorf("national clocks %s", got)
	}

	// A province that handles in 30 days.
	setProfile := func(id uint64) {
		t.Helper()
		err := st.Update(func(tx *store.Tx) error {
			set, err := tx.Settings()
			if err != nil {
				return err
			}
			set.Profile = id
			return tx.SaveSettings(set)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	p := store.TimeLimitProfile{Name: "某省", MaxExt: 30, Rules: map[deadline.Clock]deadline.Limit{
		"受理告知": {Days: 5, Working: true}, "异议": {Days: 5, Working: true}, "办理": {Days: 30},
		"复查申请": {Days: 30}, "复查决定": {Days: 30}, "复核申请": {Days: 30}, "复核决定": {Days: 30}}}
	if err := st.Update(func(tx *store.Tx) error { return tx.SaveProfile(&p) }); err != nil {
		t.Fatal(err)
	}
	setProfile(p.ID)
	in := accepted
	in.People = in.People[:1]
	in.People[0].IDNumber, in.People[0].Phone, in.Present = idMale2, "13800000009", 1
	r, err = b.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	// Its notice in 5 working days, handling in 30 days.
	if got := storedClocks(t, a, r.CaseID); got != "受理告知 2026-03-09, 办理 2026-04-01" || r.Due != "2026-03-09" {
		t.Errorf("clocks by the office's profile: %s (due %s)", got, r.Due)
	}

	// Settings naming a profile the file does not hold.
	setProfile(p.ID + 100)
	in.People[0].IDNumber, in.People[0].Phone = idFemale, "13800000010"
	in.People[0].Sex = "F"
	if _, err := b.Visits.Register(in); code(err) != CodeNoProfile {
		t.Errorf("a missing profile: %v", err)
	}
}

// 交办 comes with a deadline the clerk need not type: the handling limit
// from today by the office's profile, accepted as it stands by Check.
func TestAssignOffersTheOfficeDeadline(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	st, _ := a.store()
	offered := func() map[string]string {
		t.Helper()
		o, err := b.Visits.Options()
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, d := range o.Disposals {
			out[d.Action] = d.Due
		}
		return out
	}
	due := offered()
	// today is Mon 2026-03-02: 60 days end on Fri 2026-05-01, 劳动节, so the
	// first working day after it, Wed 2026-05-06
	if due[string(casestate.Assign)] != "2026-05-06" {
		t.Errorf("交办 offers %q, want the national 60 days 2026-05-06", due[string(casestate.Assign)])
	}
	for action, d := range due {
		if action != string(casestate.Assign) && d != "" {
			t.Errorf("%s offers a deadline %q it does not need", action, d)
		}
	}
	assignee(t, a, "某某村委会")
	in := baseInput()
	in.Disposal, in.Unit, in.Due = string(casestate.Assign), "某某村委会", due[string(casestate.Assign)]
	if res, err := b.Visits.Check(in); err != nil || len(res.Errors) != 0 {
		t.Errorf("the offered deadline is refused: %v %+v", err, res.Errors)
	}

	// An office that handles in 30 days offers 30 days.
	p := store.TimeLimitProfile{Name: "某省", MaxExt: 30, Rules: map[deadline.Clock]deadline.Limit{
		"受理告知": {Days: 5, Working: true}, "异议": {Days: 5, Working: true}, "办理": {Days: 30},
		"复查申请": {Days: 30}, "复查决定": {Days: 30}, "复核申请": {Days: 30}, "复核决定": {Days: 30}}}
	err := st.Update(func(tx *store.Tx) error {
		if err := tx.SaveProfile(&p); err != nil {
			return err
		}
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		set.Profile = p.ID
		return tx.SaveSettings(set)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := offered()[string(casestate.Assign)]; got != "2026-04-01" {
		t.Errorf("交办 by the office's profile offers %q, want 2026-04-01", got)
	}
}

// storedClocks lists the clocks stored on a case.
func storedClocks(t *testing.T, a *App, id uint64) string {
	t.Helper()
	st, _ := a.store()
	c, err := st.Case(id)
	if err != nil {
		t.Fatal(err)
	}
	return caseClocksOf(c)
}
