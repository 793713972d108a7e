package gen

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/domain/idcard"
	"laifang/store"
)

func TestIDNumbersAreValid(t *testing.T) {
	g := New(7)
	for i := 0; i < 1000; i++ {
		p := g.Person()
		id := p.IDNumber
		if _, err := idcard.ParseResident(id, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatalf("person %d's ID number is refused by the rules: %v", i, err)
		}
		b, err := time.Parse("20060102", id[6:14])
		if err != nil || b.Year() < 1945 || b.Year() > 2004 {
			t.Fatalf("impossible birth date in person %d", i)
		}
		male := (id[16]-'0')%2 == 1
		if male != (p.Sex == "M") {
			t.Fatalf("sex digit disagrees with sex in person %d", i)
		}
		if len(p.Phones) != 1 || len(p.Phones[0]) != 11 || p.Phones[0][0] != '1' || p.Phones[0][1] < '3' {
			t.Fatalf("bad phone in person %d", i)
		}
		if utf8.RuneCountInString(p.Name) < 2 {
			t.Fatalf("short name in person %d", i)
		}
	}
}

func TestMatterLength(t *testing.T) {
	g := New(3)
	total := 0
	const n = 2000
	for i := 0; i < n; i++ {
		m := g.Matter(2024)
		total += utf8.RuneCountInString(m.Title + m.Demand + m.Facts)
		if !strings.HasPrefix(m.Demand, "请求") {
			t.Fatal("demand should start with 请求")
		}
	}
	avg := total / n
	t.Logf("average request text: %d characters", avg)
	if avg < 90 || avg > 130 {
		t.Fatalf("average request text %d characters, want about 110", avg)
	}
}

// A generated office follows the national time limits it stores: every
// running deadline is the handling clock of its profile on the office's
// calendar (a due date that falls on a weekend or holiday moves to the next
// working day), not a fixed number of days.
func TestOfficeDueDatesFollowTheProfile(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "gen.db"), store.Options{NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	end := time.Date(2026, 6, 30, 17, 0, 0, 0, time.Local)
	if _, err := Office(s, Options{Visits: 300, Seed: 5, End: end, Years: 1}); err != nil {
		t.Fatal(err)
	}
	err = s.View(func(tx *store.Tx) error {
		ps, err := tx.Profiles()
		if err != nil || len(ps) != 1 {
			t.Fatalf("profiles %v, %v", ps, err)
		}
		p := ps[0].Profile()
		if err := p.Validate(); err != nil || p.Limits[deadline.Handling] != deadline.National().Limits[deadline.Handling] {
			t.Fatalf("stored profile %+v: %v", p, err)
		}
		cs, err := tx.CasesDue(0, civil.D(2100, 1, 1), 0)
		if err != nil || len(cs) == 0 {
			t.Fatalf("no running deadlines (%v)", err)
		}
		rolled := 0
		for _, c := range cs {
			want, err := p.Compute(deadline.Input{Clock: deadline.Handling, Start: c.Accepted}, calendar)
			if err != nil || c.Due != want.Legal {
				t.Fatalf("case %s accepted %v is due %v, want %v (%v)", c.No, c.Accepted, c.Due, want.Legal, err)
			}
			if c.Due != c.Accepted.AddDays(60) {
				rolled++
			}
		}
		if rolled == 0 {
			t.Fatalf("none of %d deadlines fell on a rest day: the calendar is not consulted", len(cs))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
