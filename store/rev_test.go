package store_test

import (
	"errors"
	"testing"

	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/store"
	"laifang/store/gen"
)

// Two clerks open the same case; the second to save is refused with
// ErrStale and nothing of their save reaches the file.
func TestUpdateCaseRefusesAStaleRevision(t *testing.T) {
	s := office(t, 0, store.Options{})
	g := gen.New(3)
	r, err := s.SaveIntake(&store.Intake{Case: store.Case{Title: "道路积水"},
		People: []store.IntakePerson{{Person: g.Person()}}})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Case(r.CaseID)
	b, _ := s.Case(r.CaseID)
	if a.Rev != 1 || b.Rev != 1 {
		t.Fatalf("a new case has Rev %d, want 1", a.Rev)
	}
	a.Demand = "尽快疏通排水管道"
	if err := s.UpdateCase(a, &store.Event{Kind: store.EventNote, Text: "甲的备注"}, &store.AuditEntry{Action: "edit"}); err != nil {
		t.Fatal(err)
	}
	if a.Rev != 2 {
		t.Errorf("after a save the caller's Rev is %d, want 2", a.Rev)
	}
	audits := auditCount(t, s)
	events, _ := s.Events(r.CaseID)
	b.Demand = "乙的修改"
	err = s.UpdateCase(b, &store.Event{Kind: store.EventNote, Text: "乙的备注"}, &store.AuditEntry{Action: "edit"})
	if !errors.Is(err, store.ErrStale) {
		t.Fatalf("a stale save: %v, want ErrStale", err)
	}
	if b.Rev != 1 {
		t.Errorf("a refused save changed the caller's Rev to %d", b.Rev)
	}
	got, _ := s.Case(r.CaseID)
	if got.Demand != "尽快疏通排水管道" || got.Rev != 2 {
		t.Errorf("after the refused save the case is %q rev %d", got.Demand, got.Rev)
	}
	if ev, _ := s.Events(r.CaseID); len(ev) != len(events) {
		t.Errorf("a refused save added %d events", len(ev)-len(events))
	}
	if n := auditCount(t, s); n != audits {
		t.Errorf("a refused save added %d audit entries", n-audits)
	}
	if res, _ := s.Search(store.Query{Text: "乙的"}); res.Total != 0 {
		t.Errorf("a refused save reached the full text")
	}
	// Reopened, the second clerk's save goes through.
	b, _ = s.Case(r.CaseID)
	b.Demand = "乙的修改"
	if err := s.UpdateCase(b, nil, nil); err != nil {
		t.Fatal(err)
	}
	if b.Rev != 3 {
		t.Errorf("Rev %d, want 3", b.Rev)
	}
	// A save from the future is as wrong as one from the past.
	b.Rev = 9
	if err := s.UpdateCase(b, nil, nil); !errors.Is(err, store.ErrStale) {
		t.Errorf("a save with an unknown Rev: %v", err)
	}
}

// A visit and an appended event change the case under an open form: they
// are never refused themselves, but they bump Rev so that the form's save is.
func TestVisitsAndEventsBumpTheRevision(t *testing.T) {
	s := office(t, 0, store.Options{})
	g := gen.New(4)
	r, err := s.SaveIntake(&store.Intake{Case: store.Case{Title: "供暖不足"},
		People: []store.IntakePerson{{Person: g.Person()}}})
	if err != nil {
		t.Fatal(err)
	}
	open, _ := s.Case(r.CaseID)
	if _, err := s.AddVisit(r.CaseID, &store.Visit{Channel: "走访"}, nil, 1); err != nil {
		t.Fatal(err)
	}
	c, _ := s.Case(r.CaseID)
	if c.Rev != 2 || c.Visits != 2 {
		t.Fatalf("after a visit: rev %d visits %d", c.Rev, c.Visits)
	}
	open.Title = "改过的标题"
	if err := s.UpdateCase(open, nil, nil); !errors.Is(err, store.ErrStale) {
		t.Errorf("a save opened before a repeat visit: %v, want ErrStale", err)
	}
	if got, _ := s.Case(r.CaseID); got.Visits != 2 || got.Title != "供暖不足" {
		t.Errorf("the stale save lost the visit: %+v", got)
	}
	if err := s.Update(func(tx *store.Tx) error {
		return tx.AppendEvent(r.CaseID, &store.Event{Kind: store.EventNote, Text: "电话回访"})
	}); err != nil {
		t.Fatal(err)
	}
	c2, _ := s.Case(r.CaseID)
	if c2.Rev != 3 {
		t.Errorf("after an event: rev %d, want 3", c2.Rev)
	}
	if res, _ := s.Search(store.Query{Text: "电话回访"}); res.Total != 1 {
		t.Errorf("the event's text is not searchable")
	}
	c.Title = "基于第二版"
	if err := s.UpdateCase(c, nil, nil); !errors.Is(err, store.ErrStale) {
		t.Errorf("a save opened before an event: %v, want ErrStale", err)
	}
}

// A case written before revisions existed has no Rev: read, changed and
// saved it goes through and gets one.
func TestACaseWithoutRevisionCanBeSaved(t *testing.T) {
	s := office(t, 0, store.Options{})
	g := gen.New(5)
	r, err := s.SaveIntake(&store.Intake{Case: store.Case{Title: "旧记录"},
		People: []store.IntakePerson{{Person: g.Person()}}})
	if err != nil {
		t.Fatal(err)
	}
	// Make it look like an old record: the case saved with Rev 0.
	if err := s.PutCaseRev(r.CaseID, 0); err != nil {
		t.Fatal(err)
	}
	c, _ := s.Case(r.CaseID)
	if c.Rev != 0 {
		t.Fatalf("rev %d", c.Rev)
	}
	c.Title = "旧记录（已更新）"
	if err := s.UpdateCase(c, nil, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Case(r.CaseID); got.Rev != 1 {
		t.Errorf("rev %d, want 1", got.Rev)
	}
}

// Two administrators edit the same code list: the second save, made on
// the list as it was before the first, is refused and writes nothing.
func TestUpdateDictRefusesAStaleRevision(t *testing.T) {
	s := office(t, 0, store.Options{})
	save := func(rev uint64, label string) (uint64, error) {
		var out uint64
		err := s.Update(func(tx *store.Tx) error {
			var err error
			out, err = tx.UpdateDict("channel", rev, []store.DictEntry{{Code: "走访", Label: label, Active: true}})
			return err
		})
		return out, err
	}
	rev := func() (r uint64) {
		_ = s.View(func(tx *store.Tx) error { r = tx.DictRev("channel"); return nil })
		return r
	}
	if rev() != 0 {
		t.Fatalf("a list never saved has rev %d", rev())
	}
	r, err := save(0, "甲的名称")
	if err != nil || r != 1 || rev() != 1 {
		t.Fatalf("first save: rev %d %v", r, err)
	}
	if _, err := save(0, "乙的名称"); !errors.Is(err, store.ErrStale) {
		t.Fatalf("a stale save: %v, want ErrStale", err)
	}
	var es []store.DictEntry
	_ = s.View(func(tx *store.Tx) error { es, err = tx.Dict("channel"); return err })
	if len(es) != 1 || es[0].Label != "甲的名称" || rev() != 1 {
		t.Errorf("after the refused save: %+v rev %d", es, rev())
	}
	if _, err := save(1, "乙的名称"); err != nil || rev() != 2 {
		t.Errorf("a save on the current rev: %v, rev %d", err, rev())
	}
	_ = s.View(func(tx *store.Tx) error {
		if tx.DictRev("outcome") != 0 {
			t.Error("a list's revision moved with another's")
		}
		return nil
	})
}

func auditCount(t *testing.T, s *store.Store) int {
	t.Helper()
	var n int
	if err := s.View(func(tx *store.Tx) error {
		a, err := tx.Audit(0, 0)
		n = len(a)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

// A new office's calendar is the published one; an office's own calendar
// is never overwritten by it.
func TestSeedCalendarFillsOnlyAnEmptyCalendar(t *testing.T) {
	s := office(t, 0, store.Options{})
	seed := deadline.Seed2026()
	err := s.Update(func(tx *store.Tx) error { return tx.SeedCalendar(seed) })
	if err != nil {
		t.Fatal(err)
	}
	year := func() []store.Holiday {
		var hs []store.Holiday
		s.View(func(tx *store.Tx) error {
			hs, err = tx.Holidays(civil.D(2026, 1, 1), civil.D(2026, 12, 31))
			return err
		})
		return hs
	}
	hs := year()
	if len(hs) != len(seed) {
		t.Fatalf("%d days written, want %d", len(hs), len(seed))
	}
	var mayDay *store.Holiday
	for i := range hs {
		if hs[i].Day == civil.D(2026, 5, 1) {
			mayDay = &hs[i]
		}
	}
	if mayDay == nil || mayDay.Kind != store.HolidayRest || mayDay.Note == "" {
		t.Fatalf("劳动节: %+v", mayDay)
	}
	// Seeding again, or over a calendar the office keeps, changes nothing.
	err = s.Update(func(tx *store.Tx) error {
		return tx.SeedCalendar([]deadline.Day{{Date: civil.D(2026, 6, 1), Kind: deadline.Rest}})
	})
	if err != nil || len(year()) != len(seed) {
		t.Fatalf("a second seed changed the calendar: %v, %d days", err, len(year()))
	}
}
