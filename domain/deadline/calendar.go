package deadline

import (
	"sort"
	"time"

	"laifang/domain/civil"
)

// Kind says what a listed day of the holiday calendar is. The strings are
// the ones store.Holiday keeps (store.HolidayRest, store.HolidayWork).
type Kind string

const (
	// Rest is a public holiday (or a weekday given off by 调休): no work.
	Rest Kind = "rest"
	// Work is a 调休 weekend day that is a working day.
	Work Kind = "work"
)

// Day is one listed day of the holiday calendar.
type Day struct {
	Date civil.Date
	Kind Kind
	Note string // e.g. "春节" or "国务院办公厅 2025-11-04 通知"
}

// Calendar tells working days from rest days: Monday to Friday work,
// Saturday and Sunday rest, unless a listed day says otherwise. The zero
// Calendar (and a nil *Calendar) knows only weekends.
//
// It is data the office edits, because the State Council publishes each
// year's 放假安排 only in the November before, and provinces add their own
// days; the code never hard-wires a holiday.
type Calendar struct {
	days map[civil.Date]Day
}

// NewCalendar builds a calendar from listed days; a later entry for the same
// date wins.
func NewCalendar(days ...Day) *Calendar {
	c := &Calendar{days: make(map[civil.Date]Day, len(days))}
	for _, d := range days {
		c.Set(d)
	}
	return c
}

// Set lists a day; a Day with an empty Kind removes the listing.
func (c *Calendar) Set(d Day) {
	if c.days == nil {
		c.days = map[civil.Date]Day{}
	}
	if d.Kind == "" {
		delete(c.days, d.Date)
		return
	}
	c.days[d.Date] = d
}

// Days lists the listed days in date order.
func (c *Calendar) Days() []Day {
	if c == nil {
		return nil
	}
	out := make([]Day, 0, len(c.days))
	for _, d := range c.days {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// IsWorkday tells whether the office works on d.
func (c *Calendar) IsWorkday(d civil.Date) bool {
	if c != nil {
		if l, ok := c.days[d]; ok {
			return l.Kind == Work
		}
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// NextWorkday is d itself when it is a working day, else the first working
// day after it.
func (c *Calendar) NextWorkday(d civil.Date) civil.Date {
	// A year never has more than a few weeks of consecutive rest days; the
	// bound only stops a calendar that marks everything as rest.
	for i := 0; i < 366 && !c.IsWorkday(d); i++ {
		d++
	}
	return d
}

// Has tells whether the calendar lists any day of the given year; the app
// warns when a clock runs into a year the office has not entered yet.
func (c *Calendar) Has(year int) bool {
	if c == nil {
		return false
	}
	for d := range c.days {
		if d.Time().Year() == year {
			return true
		}
	}
	return false
}

// Seed2026 is the State Council's 2026 schedule: 国务院办公厅关于2026年部分
// 节假日安排的通知, dated 2025-11-04, as published by Xinhua on that day.
// (docs/DOMAIN.md §4.4; it was read from Xinhua's text and
// should be checked against the notice before an office relies on it.)
// Weekend days inside a holiday are listed too, so the calendar shows the
// whole break; they would be rest days anyway.
func Seed2026() []Day {
	const src = "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）"
	var out []Day
	rest := func(name string, from, to civil.Date) {
		for d := from; d <= to; d++ {
			out = append(out, Day{Date: d, Kind: Rest, Note: name + "；" + src})
		}
	}
	work := func(name string, d civil.Date) {
		out = append(out, Day{Date: d, Kind: Work, Note: name + "调休上班；" + src})
	}
	rest("元旦", civil.D(2026, 1, 1), civil.D(2026, 1, 3))
	work("元旦", civil.D(2026, 1, 4))
	rest("春节", civil.D(2026, 2, 15), civil.D(2026, 2, 23))
	work("春节", civil.D(2026, 2, 14))
	work("春节", civil.D(2026, 2, 28))
	rest("清明节", civil.D(2026, 4, 4), civil.D(2026, 4, 6))
	rest("劳动节", civil.D(2026, 5, 1), civil.D(2026, 5, 5))
	work("劳动节", civil.D(2026, 5, 9))
	rest("端午节", civil.D(2026, 6, 19), civil.D(2026, 6, 21))
	rest("中秋节", civil.D(2026, 9, 25), civil.D(2026, 9, 27))
	rest("国庆节", civil.D(2026, 10, 1), civil.D(2026, 10, 7))
	work("国庆节", civil.D(2026, 9, 20))
	work("国庆节", civil.D(2026, 10, 10))
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}
