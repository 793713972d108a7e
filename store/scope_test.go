package store_test

import (
	"errors"
	"slices"
	"testing"

	"laifang/store"
	"laifang/store/gen"
)

// A department's cases are those it handles and those it was sent a task
// of; a handler's search finds among them alone, before and after the
// full text folds its pending cases into chunks.
func TestUnitCasesAndScopedSearch(t *testing.T) {
	s := office(t, 0, store.Options{})
	g := gen.New(5)
	var a, b store.Unit
	err := s.Update(func(tx *store.Tx) error {
		a = store.Unit{Name: "城建办", Kind: "internal", Active: true}
		b = store.Unit{Name: "派出所", Kind: "legal", Active: true}
		if err := tx.UpdateUnit(&a); err != nil {
			return err
		}
		return tx.UpdateUnit(&b)
	})
	if err != nil {
		t.Fatal(err)
	}
	newCase := func(title string, unit, accused uint64) uint64 {
		t.Helper()
		r, err := s.SaveIntake(&store.Intake{Case: store.Case{Title: title, Unit: unit, AccusedUnit: accused},
			People: []store.IntakePerson{{Person: g.Person()}}})
		if err != nil {
			t.Fatal(err)
		}
		return r.CaseID
	}
	c1 := newCase("道路积水城建", a.ID, 0)
	c2 := newCase("噪音扰民城建", b.ID, 0)
	c3 := newCase("邻里纠纷城建", b.ID, 0)
	c4 := newCase("路灯不亮城建", 0, a.ID)
	err = s.Update(func(tx *store.Tx) error {
		return tx.SaveTask(&store.Task{Case: c3, Type: "交办", ToUnit: a.ID, Status: store.TaskPending})
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := func(unit uint64) []uint64 {
		var out []uint64
		s.View(func(tx *store.Tx) error { out = tx.UnitCaseIDs(unit); return nil })
		return out
	}
	if got := ids(a.ID); !slices.Equal(got, []uint64{c1, c3}) {
		t.Errorf("department A's cases %v, want %v (c4 is only about A)", got, []uint64{c1, c3})
	}
	if got := ids(b.ID); !slices.Equal(got, []uint64{c2, c3}) {
		t.Errorf("department B's cases %v, want %v", got, []uint64{c2, c3})
	}
	s.View(func(tx *store.Tx) error {
		for _, want := range []struct {
			unit, c uint64
			has     bool
		}{{a.ID, c1, true}, {a.ID, c2, false}, {a.ID, c3, true}, {a.ID, c4, false}, {b.ID, c1, false}, {0, c4, false}} {
			if got := tx.UnitHasCase(want.unit, want.c); got != want.has {
				t.Errorf("UnitHasCase(%d, %d) = %v", want.unit, want.c, got)
			}
		}
		if !tx.UnitInUse(a.ID) || !tx.UnitInUse(b.ID) {
			t.Error("a department with cases is not in use")
		}
		return nil
	})
	search := func(text string, within []uint64) []uint64 {
		t.Helper()
		r, err := s.Search(store.Query{Text: text, Scoped: true, Within: within})
		if err != nil {
			t.Fatal(err)
		}
		var out []uint64
		for _, row := range r.Rows {
			out = append(out, row.ID)
		}
		if r.Total != len(out) {
			t.Errorf("%q: total %d for %d rows", text, r.Total, len(out))
		}
		return out
	}
	for _, folded := range []bool{false, true} {
		if folded {
			if err := s.Fold(); err != nil {
				t.Fatal(err)
			}
		}
		if got := search("", ids(a.ID)); !slices.Equal(got, []uint64{c3, c1}) {
			t.Errorf("folded %v: A's list %v", folded, got)
		}
		if got := search("城建", ids(a.ID)); !slices.Equal(got, []uint64{c3, c1}) {
			t.Errorf("folded %v: A's search %v", folded, got)
		}
		if got := search("噪音", ids(a.ID)); len(got) != 0 {
			t.Errorf("folded %v: A finds B's case %v", folded, got)
		}
		if got := search("", nil); len(got) != 0 {
			t.Errorf("folded %v: a scope of no case finds %v", folded, got)
		}
	}
	// The case moves to B: A keeps only what it was sent a task of.
	err = s.Update(func(tx *store.Tx) error {
		c, err := tx.Case(c1)
		if err != nil {
			return err
		}
		c.Unit = b.ID
		return tx.UpdateCase(c, nil, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(a.ID); !slices.Equal(got, []uint64{c3}) {
		t.Errorf("after the move A's cases are %v", got)
	}
}

// A department edited from two PCs: the second save is refused.
func TestUpdateUnitRefusesAStaleRevision(t *testing.T) {
	s := office(t, 0, store.Options{})
	u := store.Unit{Name: "城建办", Active: true}
	if err := s.Update(func(tx *store.Tx) error { return tx.UpdateUnit(&u) }); err != nil {
		t.Fatal(err)
	}
	first, second := u, u
	first.Phone = "0571-88886666"
	if err := s.Update(func(tx *store.Tx) error { return tx.UpdateUnit(&first) }); err != nil {
		t.Fatal(err)
	}
	second.Contact = "王五"
	err := s.Update(func(tx *store.Tx) error { return tx.UpdateUnit(&second) })
	if !errors.Is(err, store.ErrStale) {
		t.Fatalf("a stale save: %v", err)
	}
	s.View(func(tx *store.Tx) error {
		got, _ := tx.Unit(u.ID)
		if got.Phone != "0571-88886666" || got.Contact != "" || got.Rev != 2 {
			t.Errorf("after the refused save: %+v", got)
		}
		if tx.UnitInUse(u.ID) {
			t.Error("a department nothing was sent to is in use")
		}
		return nil
	})
}
