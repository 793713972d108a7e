package sqlitecmp

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"laifang/domain/civil"
	"laifang/store"
	"laifang/store/gen"
)

// TestSameAnswers loads a small generated office into SQLite and asks both
// sides what the side-by-side asks: the SQLite side must hold the same
// petitions and find the same ones, or its figures would measure another
// thing.
func TestSameAnswers(t *testing.T) {
	dir := t.TempDir()
	end := gen.BenchEnd
	s, err := store.Open(filepath.Join(dir, "laifang.db"), store.Options{NoSync: true, NoDailyBackup: true,
		Now: func() time.Time { return end }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := gen.Office(s, gen.Options{Visits: 3000, Seed: 3, Years: 1, End: end}); err != nil {
		t.Fatal(err)
	}
	d, st, err := Open(s, filepath.Join(dir, "side.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if st == nil || st.Cases < 2000 || st.People < 2000 || st.Events < 3000 {
		t.Fatalf("loaded %+v from 3000 visits", st)
	}

	var people []store.Person
	var cases []store.Case
	s.View(func(tx *store.Tx) error {
		people = gen.BenchPeople(tx, 50)
		for id := uint64(1); id <= 60; id++ {
			c, err := tx.Case(id)
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, *c)
		}
		return nil
	})
	for _, p := range people {
		for _, q := range []store.PersonQuery{{Phone: p.Phones[0]}, {IDType: p.IDType, IDNumber: p.IDNumber},
			{Name: string([]rune(p.Name)[:1])}} {
			want, err := s.FindPeople(q)
			if err != nil {
				t.Fatal(err)
			}
			got, err := d.FindPeople(q)
			if err != nil {
				t.Fatal(err)
			}
			if !sameJSON(got, want) {
				t.Fatalf("%+v: SQLite found %v, laifang %v", q, got, want)
			}
		}
		// every case of the person, whole
		var want []store.Case
		s.View(func(tx *store.Tx) error { want, err = tx.PersonCases(p.ID, 30); return err })
		got, err := d.PersonCases(p.ID, 30)
		if err != nil || len(want) == 0 || !sameJSON(got, want) {
			t.Fatalf("person %d's cases: SQLite %v (%v), laifang %v", p.ID, got, err, want)
		}
	}
	// terms of two, three and four characters from the cases' titles, alone
	// and two together, with and without filters, with their totals
	for _, c := range cases {
		title := []rune(c.Title)
		for _, text := range []string{string(title[:2]), string(title[:3]), string(title[:4]),
			string(title[:3]) + " " + string(title[len(title)-2:])} {
			for _, q := range []store.Query{{Text: text, Limit: 50},
				{Text: text, Category: []string{c.Category}, Status: []string{c.Status}, From: c.Received.Date() - 300, To: c.Received.Date() + 300}} {
				want, err := s.Search(q)
				if err != nil {
					t.Fatal(err)
				}
				rows, n, err := d.Search(q, true)
				if err != nil {
					t.Fatal(err)
				}
				if !sameJSON(rows, want.Rows) || len(rows) == 0 || (want.Exact && n != want.Total) {
					t.Fatalf("%+v: SQLite %d rows of %d, laifang %d of %d (exact %v)", q, len(rows), n,
						len(want.Rows), want.Total, want.Exact)
				}
			}
		}
	}
	// lists without text, with their totals: all, dates, a status, a
	// category, the ledger's filter, a later page
	for _, c := range cases[:10] {
		day := c.Received.Date()
		for _, q := range []store.Query{{}, {From: day - 30, To: day}, {Status: []string{c.Status}},
			{Category: []string{c.Category}}, {From: day - 200, To: day, Status: []string{c.Status}, Category: []string{c.Category}},
			{From: day - 200, To: day, Offset: 3}} {
			want, err := s.Search(q)
			if err != nil {
				t.Fatal(err)
			}
			rows, n, err := d.Search(q, true)
			if err != nil || !sameJSON(rows, want.Rows) || len(rows) == 0 || !want.Exact || n != want.Total {
				t.Fatalf("%+v: SQLite %d rows of %d (%v), laifang %d of %d", q, len(rows), n, err, len(want.Rows), want.Total)
			}
		}
	}
	today := civil.DateOf(end)
	want, err := s.Counts(today)
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.Counts(today)
	if err != nil {
		t.Fatal(err)
	}
	want.TasksOverdue = 0 // the SQLite side holds no tasks
	if !sameJSON(got, want) || got.Total == 0 || got.VisitsToday == 0 {
		t.Fatalf("home counts: SQLite %+v, laifang %+v", got, want)
	}
	// an intake gets the next IDs on both sides, and its case is found
	in := &store.Intake{Case: store.Case{Title: "一个新的测试事项", Facts: "小区电梯停运三个月无人维修", Category: "11"},
		People: []store.IntakePerson{{Person: store.Person{Name: "测试人", Phones: []string{"13900000000"}}, Role: "主信访人", Contact: true}},
		Visit:  store.Visit{Channel: "走访"}, Record: &store.Record{Statement: "电梯停运"}, By: 2}
	in2 := *in
	in2.People = slices.Clone(in.People)
	p, c, err := d.Intake(&in2, end)
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.SaveIntake(in)
	if err != nil || r.CaseID != c || r.PersonIDs[0] != p {
		t.Fatalf("intake: SQLite person %d case %d, laifang %+v (%v)", p, c, r, err)
	}
	if rows, _, err := d.Search(store.Query{Text: "电梯停运"}, false); err != nil || len(rows) == 0 || rows[0].ID != c {
		t.Fatalf("the intake's case is not found first: %v %v", rows, err)
	}
	if err := d.Forget(); err != nil {
		t.Fatal(err)
	}
	if rows, _, err := d.Search(store.Query{Text: "停运三个月"}, false); err != nil || len(rows) != 0 {
		t.Fatalf("Forget left the intake: %v %v", rows, err)
	}
}

func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
