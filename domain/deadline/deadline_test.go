package deadline

import (
	"errors"
	"testing"

	"laifang/domain/civil"
)

// The worked examples of docs/DOMAIN.md §4.6.
func TestWorkedExamples(t *testing.T) {
	p := National()
	weekends := NewCalendar()
	with2026 := NewCalendar(Seed2026()...)
	cases := []struct {
		name          string
		cal           *Calendar
		in            Input
		target, legal civil.Date
	}{
		{"acceptance notice: received Mon 2026-03-02", weekends,
			Input{Clock: Notice, Start: civil.D(2026, 3, 2)}, civil.D(2026, 3, 17), civil.D(2026, 3, 17)},
		{"handling: accepted 2026-03-10, due Sat 05-09 rolls to Mon 05-11", weekends,
			Input{Clock: Handling, Start: civil.D(2026, 3, 10)}, civil.D(2026, 5, 9), civil.D(2026, 5, 11)},
		{"handling: 2026-05-09 is a 调休 working Saturday, so no roll", with2026,
			Input{Clock: Handling, Start: civil.D(2026, 3, 10)}, civil.D(2026, 5, 9), civil.D(2026, 5, 9)},
		{"handling with the 30-day extension", weekends,
			Input{Clock: Handling, Start: civil.D(2026, 3, 10), Extension: 30}, civil.D(2026, 6, 8), civil.D(2026, 6, 8)},
		{"handling with the extension, 2026 calendar", with2026,
			Input{Clock: Handling, Start: civil.D(2026, 3, 10), Extension: 30}, civil.D(2026, 6, 8), civil.D(2026, 6, 8)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := p.Compute(c.in, c.cal)
			if err != nil {
				t.Fatal(err)
			}
			if d.Target != c.target || d.Legal != c.legal {
				t.Fatalf("got target %s legal %s, want %s %s", d.Target, d.Legal, c.target, c.legal)
			}
			if d.Rolled != (c.target != c.legal) {
				t.Fatalf("Rolled = %v", d.Rolled)
			}
		})
	}
}

func TestCalendarDayClocks(t *testing.T) {
	p := National()
	cal := NewCalendar(Seed2026()...)
	cases := []struct {
		name          string
		in            Input
		target, legal civil.Date
	}{
		// Received the day before 春节: 15 days end Mon 02-23, still the
		// holiday, so the notice is due on Tue 02-24.
		{"notice across 春节", Input{Clock: Notice, Start: civil.D(2026, 2, 8)}, civil.D(2026, 2, 23), civil.D(2026, 2, 24)},
		// Ends on the 国庆 break: rolls past the whole week and the weekend
		// after it, to Thu 10-08.
		{"notice into 国庆", Input{Clock: Notice, Start: civil.D(2026, 9, 17)}, civil.D(2026, 10, 2), civil.D(2026, 10, 8)},
		// Ends on the Sunday 09-20 that is a 调休 working day: no roll.
		{"notice on a working Sunday", Input{Clock: Notice, Start: civil.D(2026, 9, 5)}, civil.D(2026, 9, 20), civil.D(2026, 9, 20)},
		// A weekday ending is never moved.
		{"review request window", Input{Clock: ReviewRequest, Start: civil.D(2026, 3, 2)}, civil.D(2026, 4, 1), civil.D(2026, 4, 1)},
		{"review decision", Input{Clock: ReviewDecision, Start: civil.D(2026, 3, 2)}, civil.D(2026, 4, 1), civil.D(2026, 4, 1)},
		{"recheck request window ending on 清明", Input{Clock: RecheckRequest, Start: civil.D(2026, 3, 5)}, civil.D(2026, 4, 4), civil.D(2026, 4, 7)},
		// 复核 with a two-day hearing: 30 + 2 days.
		{"recheck decision, hearing excluded", Input{Clock: RecheckDecision, Start: civil.D(2026, 3, 2), Excluded: SpanDays(civil.D(2026, 3, 10), civil.D(2026, 3, 11))}, civil.D(2026, 4, 3), civil.D(2026, 4, 3)},
		// Year end: 元旦 2026 is Thu–Sat, Sun 01-04 works.
		{"notice into 元旦", Input{Clock: Notice, Start: civil.D(2025, 12, 17)}, civil.D(2026, 1, 1), civil.D(2026, 1, 4)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := p.Compute(c.in, cal)
			if err != nil {
				t.Fatal(err)
			}
			if d.Target != c.target || d.Legal != c.legal {
				t.Fatalf("got %v, want target %s legal %s", d, c.target, c.legal)
			}
		})
	}
}

func TestWorkingDayClocks(t *testing.T) {
	p := National()
	cal := NewCalendar(Seed2026()...)
	cases := []struct {
		name  string
		clock Clock
		start civil.Date
		want  civil.Date
	}{
		{"objection: Mon → Mon", Objection, civil.D(2026, 3, 2), civil.D(2026, 3, 9)},
		{"objection: received on Friday", Objection, civil.D(2026, 3, 6), civil.D(2026, 3, 13)},
		{"objection: received on Saturday (start day not counted)", Objection, civil.D(2026, 3, 7), civil.D(2026, 3, 13)},
		// Thu 04-30: Fri 05-01..Tue 05-05 off, Wed 05-06 (1) Thu (2) Fri (3)
		// Sat 05-09 works (4), Mon 05-11 (5).
		{"objection across 劳动节 and its working Saturday", Objection, civil.D(2026, 4, 30), civil.D(2026, 5, 11)},
		// Fri 02-13: Sat 02-14 works (1), then 02-15..02-23 off, 02-24 (2)
		// 02-25 (3) 02-26 (4) 02-27 (5).
		{"objection across 春节", Objection, civil.D(2026, 2, 13), civil.D(2026, 2, 27)},
		{"simplified: 10 working days", Simplified, civil.D(2026, 3, 2), civil.D(2026, 3, 16)},
		{"纪检 notice: 15 working days", DisciplineNotice, civil.D(2026, 3, 2), civil.D(2026, 3, 23)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := p.Compute(Input{Clock: c.clock, Start: c.start}, cal)
			if err != nil {
				t.Fatal(err)
			}
			if d.Legal != c.want || d.Target != c.want || !d.Working || d.Rolled {
				t.Fatalf("got %v, want %s", d, c.want)
			}
		})
	}
}

func TestComputeErrors(t *testing.T) {
	p := National()
	cases := []struct {
		name string
		in   Input
		want *Error
	}{
		{"no start", Input{Clock: Notice}, ErrNoStart},
		{"unknown clock", Input{Clock: "交办期限", Start: civil.D(2026, 3, 2)}, ErrMissingClock},
		{"extension over 30", Input{Clock: Handling, Start: civil.D(2026, 3, 2), Extension: 31}, ErrExtension},
		{"negative extension", Input{Clock: Handling, Start: civil.D(2026, 3, 2), Extension: -1}, ErrExtension},
		{"extension of the notice", Input{Clock: Notice, Start: civil.D(2026, 3, 2), Extension: 5}, ErrExtensionClock},
		{"excluded on a working-day clock", Input{Clock: Objection, Start: civil.D(2026, 3, 2), Excluded: 2}, ErrExcludedClock},
		{"a hearing pauses no handling clock", Input{Clock: Handling, Start: civil.D(2026, 3, 2), Excluded: 2}, ErrExcludedClock},
		{"a hearing pauses no 复查 decision", Input{Clock: ReviewDecision, Start: civil.D(2026, 3, 2), Excluded: 2}, ErrExcludedClock},
		{"a hearing pauses no notice clock", Input{Clock: Notice, Start: civil.D(2026, 3, 2), Excluded: 1}, ErrExcludedClock},
		{"negative excluded", Input{Clock: RecheckDecision, Start: civil.D(2026, 3, 2), Excluded: -2}, ErrExcluded},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := p.Compute(c.in, nil)
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			var e *Error
			if !errors.As(err, &e) || e.Code() != c.want.Code() || e.Message() == "" {
				t.Fatalf("error %v lacks its code", err)
			}
		})
	}
}

func TestProfileValidate(t *testing.T) {
	if err := National().Validate(); err != nil {
		t.Fatalf("national profile: %v", err)
	}
	missing := National()
	delete(missing.Limits, Objection)
	if err := missing.Validate(); !errors.Is(err, ErrMissingClock) {
		t.Fatalf("missing clock: %v", err)
	}
	zero := National()
	zero.Limits[Notice] = Limit{Days: 0}
	if err := zero.Validate(); !errors.Is(err, ErrBadLimit) {
		t.Fatalf("zero days: %v", err)
	}
	ext := National()
	ext.MaxExtension = -1
	if err := ext.Validate(); !errors.Is(err, ErrBadLimit) {
		t.Fatalf("negative extension: %v", err)
	}
	// A provincial profile: 浙江 decides on acceptance in 5 working days.
	zj := National()
	zj.Name = "浙江"
	zj.Limits[Notice] = Limit{Days: 5, Working: true}
	zj.Limits[Handling] = Limit{Days: 30}
	zj.MaxExtension = 60
	if err := zj.Validate(); err != nil {
		t.Fatal(err)
	}
	d, err := zj.Compute(Input{Clock: Handling, Start: civil.D(2026, 3, 10), Extension: 60}, nil)
	if err != nil || d.Target != civil.D(2026, 6, 8) {
		t.Fatalf("浙江 30+60: %v %v", d, err)
	}
	// Editing a copy leaves the national default alone.
	if National().Limits[Handling].Days != 60 {
		t.Fatal("National() shares its map")
	}
}

func TestCalendar(t *testing.T) {
	var nilCal *Calendar
	if !nilCal.IsWorkday(civil.D(2026, 3, 2)) || nilCal.IsWorkday(civil.D(2026, 3, 7)) {
		t.Fatal("nil calendar should know weekends")
	}
	c := NewCalendar(Seed2026()...)
	checks := map[civil.Date]bool{
		civil.D(2026, 1, 1): false, civil.D(2026, 1, 4): true, civil.D(2026, 2, 14): true, civil.D(2026, 2, 16): false,
		civil.D(2026, 2, 23): false, civil.D(2026, 2, 28): true, civil.D(2026, 4, 6): false, civil.D(2026, 5, 5): false,
		civil.D(2026, 5, 9): true, civil.D(2026, 6, 19): false, civil.D(2026, 9, 20): true, civil.D(2026, 9, 25): false,
		civil.D(2026, 10, 7): false, civil.D(2026, 10, 8): true, civil.D(2026, 10, 10): true, civil.D(2026, 10, 11): false,
	}
	for d, want := range checks {
		if c.IsWorkday(d) != want {
			t.Errorf("%s: workday = %v, want %v", d, !want, want)
		}
	}
	// The notice gives 33 days off in all (3+9+3+5+3+3+7) and 6 working weekend days.
	rest, work := 0, 0
	for _, d := range c.Days() {
		if d.Kind == Rest {
			rest++
		} else {
			work++
		}
		if d.Note == "" {
			t.Errorf("%s has no source note", d.Date)
		}
	}
	if rest != 33 || work != 6 {
		t.Fatalf("seed has %d rest and %d work days", rest, work)
	}
	if !c.Has(2026) || c.Has(2027) {
		t.Fatal("Has")
	}
	// The office edits: a local holiday, then removes it.
	c.Set(Day{Date: civil.D(2026, 3, 3), Kind: Rest, Note: "本地"})
	if c.IsWorkday(civil.D(2026, 3, 3)) || c.NextWorkday(civil.D(2026, 3, 3)) != civil.D(2026, 3, 4) {
		t.Fatal("local holiday ignored")
	}
	c.Set(Day{Date: civil.D(2026, 3, 3)})
	if !c.IsWorkday(civil.D(2026, 3, 3)) {
		t.Fatal("removing a day failed")
	}
	// A calendar that marks everything as rest still ends.
	all := NewCalendar()
	for d := civil.D(2026, 1, 1); d < civil.D(2028, 1, 1); d++ {
		all.Set(Day{Date: d, Kind: Rest})
	}
	_ = all.NextWorkday(civil.D(2026, 1, 1))
}

func TestLeftAndOverdue(t *testing.T) {
	d, _ := National().Compute(Input{Clock: Handling, Start: civil.D(2026, 3, 10)}, nil)
	if d.Left(civil.D(2026, 5, 11)) != 0 || d.Overdue(civil.D(2026, 5, 11)) {
		t.Fatal("the last day is still in time")
	}
	if d.Left(civil.D(2026, 5, 12)) != -1 || !d.Overdue(civil.D(2026, 5, 12)) {
		t.Fatal("the day after is overdue")
	}
	if d.Left(civil.D(2026, 5, 1)) != 10 {
		t.Fatal("Left")
	}
}

func TestSpanDays(t *testing.T) {
	if SpanDays(civil.D(2026, 6, 3), civil.D(2026, 6, 4)) != 2 || SpanDays(civil.D(2026, 6, 3), civil.D(2026, 6, 3)) != 1 || SpanDays(civil.D(2026, 6, 4), civil.D(2026, 6, 3)) != 0 {
		t.Fatal("SpanDays")
	}
}

// Properties that hold for any start and length: the legal date is a
// working day not before the target, and the target is start + days.
func FuzzCompute(f *testing.F) {
	f.Add(int32(20514), uint8(15), false, uint8(0))
	f.Add(int32(20522), uint8(60), false, uint8(30))
	f.Add(int32(20514), uint8(5), true, uint8(0))
	cal := NewCalendar(Seed2026()...)
	f.Fuzz(func(t *testing.T, start int32, days uint8, working bool, ext uint8) {
		if start <= 0 || start > 40000 || days == 0 {
			return
		}
		p := Profile{Limits: map[Clock]Limit{Handling: {Days: int(days), Working: working}}, MaxExtension: 30}
		d, err := p.Compute(Input{Clock: Handling, Start: civil.Date(start), Extension: int(ext)}, cal)
		if ext > 30 {
			if err == nil {
				t.Fatal("extension over the maximum accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if !cal.IsWorkday(d.Legal) || d.Legal < d.Target || d.Target <= d.Start {
			t.Fatalf("bad due %v", d)
		}
		if !working && d.Target != civil.Date(start).AddDays(int(days)+int(ext)) {
			t.Fatalf("target %v", d)
		}
	})
}
