package stats

import (
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/domain/followup"
)

func TestPeriods(t *testing.T) {
	d := func(y, m, dd int) civil.Date { return civil.D(y, timeMonth(m), dd) }
	for _, c := range []struct {
		kind                 Kind
		y, n                 int
		from, to             civil.Date
		want, prev, lastYear [2]civil.Date
		label                string
	}{
		{Month, 2026, 3, 0, 0, [2]civil.Date{d(2026, 3, 1), d(2026, 3, 31)}, [2]civil.Date{d(2026, 2, 1), d(2026, 2, 28)}, [2]civil.Date{d(2025, 3, 1), d(2025, 3, 31)}, "2026年3月"},
		{Month, 2026, 1, 0, 0, [2]civil.Date{d(2026, 1, 1), d(2026, 1, 31)}, [2]civil.Date{d(2025, 12, 1), d(2025, 12, 31)}, [2]civil.Date{d(2025, 1, 1), d(2025, 1, 31)}, "2026年1月"},
		{Month, 2025, 2, 0, 0, [2]civil.Date{d(2025, 2, 1), d(2025, 2, 28)}, [2]civil.Date{d(2025, 1, 1), d(2025, 1, 31)}, [2]civil.Date{d(2024, 2, 1), d(2024, 2, 29)}, "2025年2月"},
		{Quarter, 2026, 1, 0, 0, [2]civil.Date{d(2026, 1, 1), d(2026, 3, 31)}, [2]civil.Date{d(2025, 10, 1), d(2025, 12, 31)}, [2]civil.Date{d(2025, 1, 1), d(2025, 3, 31)}, "2026年第1季度"},
		{Year, 2025, 0, 0, 0, [2]civil.Date{d(2025, 1, 1), d(2025, 12, 31)}, [2]civil.Date{d(2024, 1, 1), d(2024, 12, 31)}, [2]civil.Date{d(2024, 1, 1), d(2024, 12, 31)}, "2025年"},
		{Range, 0, 0, d(2024, 2, 20), d(2024, 2, 29), [2]civil.Date{d(2024, 2, 20), d(2024, 2, 29)}, [2]civil.Date{d(2024, 2, 10), d(2024, 2, 19)}, [2]civil.Date{d(2023, 2, 20), d(2023, 2, 28)}, "2024年2月20日至2024年2月29日"},
	} {
		p, err := Of(c.kind, c.y, c.n, c.from, c.to)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range []struct {
			got  Period
			want [2]civil.Date
		}{{p, c.want}, {p.Previous(), c.prev}, {p.LastYear(), c.lastYear}} {
			if x.got.From != x.want[0] || x.got.To != x.want[1] {
				t.Errorf("%s %d/%d: %s–%s, want %s–%s", c.kind, c.y, c.n, x.got.From, x.got.To, x.want[0], x.want[1])
			}
		}
		if p.Label() != c.label {
			t.Errorf("label %q, want %q", p.Label(), c.label)
		}
	}
	if _, err := Of(Range, 0, 0, d(2026, 3, 2), d(2026, 3, 1)); err != ErrOrder {
		t.Errorf("a range ending before it starts: %v", err)
	}
	if _, err := Of(Month, 2026, 13, 0, 0); err != ErrMonth {
		t.Errorf("month 13: %v", err)
	}
}

func TestTrend(t *testing.T) {
	p, _ := Of(Month, 2026, 3, 0, 0)
	tr := p.Trend()
	if len(tr) != 12 || tr[0].Year != 2025 || tr[0].Month != 4 || tr[11].Month != 3 || tr[11].To != civil.D(2026, 3, 31) {
		t.Errorf("a month's trend: %+v", tr)
	}
	p, _ = Of(Range, 0, 0, civil.D(2024, 1, 15), civil.D(2025, 3, 10))
	tr = p.Trend()
	if len(tr) != 15 || tr[0].From != civil.D(2024, 1, 15) || tr[14].To != civil.D(2025, 3, 10) {
		t.Errorf("a range's trend: %d months, %+v … %+v", len(tr), tr[0], tr[len(tr)-1])
	}
}

// The worked examples of docs/DOMAIN.md §16, on a calendar of weekends
// and the national profile.
func TestKept(t *testing.T) {
	cal := deadline.NewCalendar(deadline.Seed2026()...)
	p := deadline.National()
	recv := civil.D(2026, 3, 2) // A due 2026-03-17
	today := civil.D(2026, 6, 30)
	for _, c := range []struct {
		name     string
		disposal string
		f        followup.Facts
		notice   Kept
		handle   Kept
	}{
		{"notice served on the last day", "受理", followup.Facts{State: casestate.Accepted, Received: recv, Accepted: recv, NoticeServed: civil.D(2026, 3, 17)}, InTime, Late},
		{"notice served a day late", "受理", followup.Facts{State: casestate.InProgress, Received: recv, Accepted: recv, NoticeServed: civil.D(2026, 3, 18)}, Late, Late},
		{"registered and never decided", "", followup.Facts{State: casestate.Registered, Received: recv}, Late, NotCounted},
		{"answered on the spot", "当场答复", followup.Facts{State: casestate.AnsweredSpot, Received: recv}, InTime, NotCounted},
		{"an anonymous report", "", followup.Facts{State: casestate.Registered, Type: "检举控告", Received: recv}, NotCounted, NotCounted},
		// B from 2026-03-02: 60 days end 2026-05-01, 劳动节; due 2026-05-06
		{"replied on the due date", "受理", followup.Facts{State: casestate.Replied, Received: recv, Accepted: recv, NoticeServed: recv, Replied: civil.D(2026, 5, 6)}, InTime, InTime},
		{"replied a day after", "受理", followup.Facts{State: casestate.Closed, Received: recv, Accepted: recv, NoticeServed: recv, Replied: civil.D(2026, 5, 7)}, InTime, Late},
		{"replied within the extension", "受理", followup.Facts{State: casestate.Replied, Received: recv, Accepted: recv, NoticeServed: recv, ExtDays: 30, ExtOn: civil.D(2026, 4, 20), Replied: civil.D(2026, 5, 20)}, InTime, InTime},
	} {
		n, err := NoticeKept(c.f, c.disposal, p, cal, today)
		h, err2 := HandlingKept(c.f, p, cal, today)
		if err != nil || err2 != nil || n != c.notice || h != c.handle {
			t.Errorf("%s: notice %d handling %d (%v %v), want %d %d", c.name, n, h, err, err2, c.notice, c.handle)
		}
	}
	// accepted, replied, and the 受理告知书 never served: late
	f := followup.Facts{State: casestate.Replied, Received: recv, Accepted: recv, Replied: civil.D(2026, 4, 1)}
	if n, _ := NoticeKept(f, "受理", p, cal, today); n != Late {
		t.Errorf("a notice never served: %d", n)
	}
	// still within the clocks: not counted yet
	f = followup.Facts{State: casestate.Accepted, Received: recv, Accepted: recv}
	if n, _ := NoticeKept(f, "受理", p, cal, civil.D(2026, 3, 10)); n != NotCounted {
		t.Errorf("a notice still in time: %d", n)
	}
	if h, _ := HandlingKept(f, p, cal, civil.D(2026, 3, 10)); h != NotCounted {
		t.Errorf("a handling still in time: %d", h)
	}
}

func TestRates(t *testing.T) {
	if v, ok := (Rate{2, 3}).Percent(); !ok || v != 66.7 {
		t.Errorf("2/3 = %v", v)
	}
	if _, ok := (Rate{}).Percent(); ok {
		t.Error("0/0 has a rate")
	}
	if v, ok := Change(150, 120); !ok || v != 25 {
		t.Errorf("120 → 150: %v", v)
	}
	for s, want := range map[string][2]bool{"满意": {true, true}, "基本满意": {true, true}, "不满意": {true, false}, "未评价": {false, false}, "": {false, false}} {
		if c, ok := Rated(s); c != want[0] || ok != want[1] {
			t.Errorf("%q: %v %v", s, c, ok)
		}
	}
}

func timeMonth(m int) time.Month { return time.Month(m) }
