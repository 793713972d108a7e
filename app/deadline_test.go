package app

import (
	"testing"

	"laifang/store"
)

// The due date set at registration follows the office's own time-limit
// profile, and a profile the settings name but the file lacks is an error
// the clerk reads, not a case registered without a deadline.
func TestTheDueDateFollowsTheOfficeProfile(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	st, _ := a.store()
	r, err := b.Visits.Register(baseInput()) // accepted on 2026-03-02
	if err != nil {
		t.Fatal(err)
	}
	if r.Due != "2026-05-01" { // the national 60 days (no holidays on this file)
		t.Errorf("national due %s", r.Due)
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
	p := store.TimeLimitProfile{Name: "某省", MaxExt: 30, Rules: map[string]store.Limit{
		"受理告知": {Days: 5, Working: true}, "异议": {Days: 5, Working: true}, "办理": {Days: 30},
		"复查申请": {Days: 30}, "复查决定": {Days: 30}, "复核申请": {Days: 30}, "复核决定": {Days: 30}}}
	if err := st.Update(func(tx *store.Tx) error { return tx.SaveProfile(&p) }); err != nil {
		t.Fatal(err)
	}
	setProfile(p.ID)
	in := baseInput()
	in.People = in.People[:1]
	in.People[0].IDNumber, in.People[0].Phone, in.Present = idMale2, "13800000009", 1
	r, err = b.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	if r.Due != "2026-04-01" {
		t.Errorf("due by the office's profile: %s, want 2026-04-01", r.Due)
	}

	// Settings naming a profile the file does not hold.
	setProfile(p.ID + 100)
	in.People[0].IDNumber, in.People[0].Phone = idFemale, "13800000010"
	in.People[0].Sex = "F"
	if _, err := b.Visits.Register(in); code(err) != CodeNoProfile {
		t.Errorf("a missing profile: %v", err)
	}
}
