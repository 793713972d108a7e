// Package stats holds the rules of the office's statistics (docs/DOMAIN.md
// §16): the periods a report covers and compares with, and what counts as
// a notice or a handling in time and a satisfied petitioner. Pure: the
// caller passes today, the profile and the calendar.
package stats

import (
	"errors"
	"fmt"
	"math"
	"time"

	"laifang/domain/civil"
	"laifang/domain/confidential"
	"laifang/domain/deadline"
	"laifang/domain/followup"
)

// Kind is the kind of a period.
type Kind string

const (
	Month   Kind = "month"
	Quarter Kind = "quarter"
	Year    Kind = "year"
	Range   Kind = "range"
)

// MaxRangeDays is the longest range a report covers (five years).
const MaxRangeDays = 366 * 5

// Period is the days from From to To, both included.
type Period struct {
	Kind     Kind
	From, To civil.Date
}

// Errors of a period (the app names the field).
var (
	ErrKind     = errors.New("stats: unknown kind of period")
	ErrMonth    = errors.New("stats: month out of range")
	ErrQuarter  = errors.New("stats: quarter out of range")
	ErrYear     = errors.New("stats: year out of range")
	ErrOrder    = errors.New("stats: range ends before it starts")
	ErrTooLong  = errors.New("stats: range too long")
	ErrNotDates = errors.New("stats: range without dates")
)

func first(y int, m time.Month) civil.Date { return civil.D(y, m, 1) }

// Of makes a period: a month (n 1–12) or a quarter (n 1–4) of year y, the
// year y, or the range from–to.
func Of(kind Kind, y, n int, from, to civil.Date) (Period, error) {
	if kind != Range && (y < 1900 || y > 2999) {
		return Period{}, ErrYear
	}
	switch kind {
	case Month:
		if n < 1 || n > 12 {
			return Period{}, ErrMonth
		}
		f := first(y, time.Month(n))
		return Period{Month, f, first(y, time.Month(n+1)) - 1}, nil
	case Quarter:
		if n < 1 || n > 4 {
			return Period{}, ErrQuarter
		}
		f := first(y, time.Month(3*n-2))
		return Period{Quarter, f, first(y, time.Month(3*n+1)) - 1}, nil
	case Year:
		return Period{Year, first(y, 1), first(y+1, 1) - 1}, nil
	case Range:
		switch {
		case from == 0 || to == 0:
			return Period{}, ErrNotDates
		case to < from:
			return Period{}, ErrOrder
		case int(to-from)+1 > MaxRangeDays:
			return Period{}, ErrTooLong
		}
		return Period{Range, from, to}, nil
	}
	return Period{}, ErrKind
}

// Days is the period's length in days.
func (p Period) Days() int { return int(p.To-p.From) + 1 }

// Previous is the period just before: the month, quarter or year before,
// or a range of the same length ending the day before.
func (p Period) Previous() Period {
	switch p.Kind {
	case Month, Quarter, Year:
		prev := p.From - 1 // a day of the period before
		t := prev.Time()
		switch p.Kind {
		case Month:
			q, _ := Of(Month, t.Year(), int(t.Month()), 0, 0)
			return q
		case Quarter:
			q, _ := Of(Quarter, t.Year(), (int(t.Month())+2)/3, 0, 0)
			return q
		default:
			q, _ := Of(Year, t.Year(), 0, 0, 0)
			return q
		}
	}
	return Period{Range, p.From - civil.Date(p.Days()), p.From - 1}
}

// yearBefore is the same day a year earlier; 29 February gives 28 February.
func yearBefore(d civil.Date) civil.Date {
	t := d.Time()
	y, m, day := t.Date()
	if m == time.February && day == 29 {
		day = 28
	}
	return civil.D(y-1, m, day)
}

// LastYear is the same period a year earlier.
func (p Period) LastYear() Period {
	if p.Kind == Range {
		return Period{Range, yearBefore(p.From), yearBefore(p.To)}
	}
	from := yearBefore(p.From)
	t := p.To.Time()
	// the last day of the same month a year earlier (28 or 29 February)
	to := first(t.Year()-1, t.Month()+1) - 1
	return Period{p.Kind, from, to}
}

// Same tells whether two periods cover the same days.
func (p Period) Same(q Period) bool { return p.From == q.From && p.To == q.To }

// Label names the period as the report's title and its export do.
func (p Period) Label() string {
	t := p.From.Time()
	switch p.Kind {
	case Month:
		return fmt.Sprintf("%d年%d月", t.Year(), int(t.Month()))
	case Quarter:
		return fmt.Sprintf("%d年第%d季度", t.Year(), (int(t.Month())+2)/3)
	case Year:
		return fmt.Sprintf("%d年", t.Year())
	}
	return p.From.Chinese() + "至" + p.To.Chinese()
}

// TrendMonths is how many months the trend line shows at least: a month
// or a quarter is seen against the year before it.
const TrendMonths = 12

// MonthSpan is one calendar month of the trend, clipped to the days the
// trend covers.
type MonthSpan struct {
	Year  int
	Month int
	From  civil.Date
	To    civil.Date
}

// Trend is the months of the trend line: those the period touches,
// preceded by as many as make TrendMonths; a month at the edge of a range
// counts only its days in the range.
func (p Period) Trend() []MonthSpan {
	start := p.From.Time()
	end := p.To.Time()
	n := (end.Year()-start.Year())*12 + int(end.Month()) - int(start.Month()) + 1
	from := p.From
	if n < TrendMonths {
		t := time.Date(end.Year(), end.Month()-time.Month(TrendMonths-1), 1, 0, 0, 0, 0, time.UTC)
		from = civil.DateOf(t)
		start = t
		n = TrendMonths
	}
	out := make([]MonthSpan, 0, n)
	for i := 0; i < n; i++ {
		t := time.Date(start.Year(), start.Month()+time.Month(i), 1, 0, 0, 0, 0, time.UTC)
		s := MonthSpan{Year: t.Year(), Month: int(t.Month()), From: civil.DateOf(t),
			To: first(t.Year(), t.Month()+1) - 1}
		s.From, s.To = max(s.From, from), min(s.To, p.To)
		out = append(out, s)
	}
	return out
}

// Kept is how a case stands against a clock for the statistics.
type Kept int8

const (
	NotCounted Kept = iota // no such clock, or it still runs in time
	InTime
	Late
)

func kept(end, legal civil.Date) Kept {
	if end <= legal {
		return InTime
	}
	return Late
}

func runs(cs []followup.Clock, c deadline.Clock) bool {
	for _, x := range cs {
		if x.Clock == c {
			return true
		}
	}
	return false
}

// Judge judges cases against their clocks with one profile and calendar
// on one day, remembering the due dates it has counted: a report's cases
// start their clocks on a few hundred days.
type Judge struct {
	Profile  deadline.Profile
	Calendar *deadline.Calendar
	Today    civil.Date
	memo     map[dueKey]dueVal
}

type dueKey struct {
	clock     deadline.Clock
	start     civil.Date
	extension int
}

type dueVal struct {
	legal civil.Date
	ok    bool
}

func (j *Judge) due(c deadline.Clock, in deadline.Input) (civil.Date, bool, error) {
	k := dueKey{c, in.Start, in.Extension}
	if v, hit := j.memo[k]; hit {
		return v.legal, v.ok, nil
	}
	in.Clock = c
	d, ok, err := followup.DueOf(followup.Clock{Clock: c, In: in}, j.Profile, j.Calendar)
	if err != nil {
		return 0, false, err
	}
	if j.memo == nil {
		j.memo = map[dueKey]dueVal{}
	}
	j.memo[k] = dueVal{d.Legal, ok}
	return d.Legal, ok, nil
}

// Case is NoticeKept and HandlingKept of one case, its running clocks
// worked out once.
func (j *Judge) Case(f followup.Facts, disposal string) (notice, handled Kept, err error) {
	cs := followup.Clocks(f)
	if notice, err = j.notice(f, disposal, cs); err != nil {
		return
	}
	handled, err = j.handling(f, cs)
	return
}

// NoticeKept tells whether the case's petitioner was told in time what
// happens to the petition (受理告知, docs/DOMAIN.md §16): the notice served
// by the legal date of its clock (A, or K1 for a real-name report) counted
// from receipt is in time, served later is late; a clock still running
// past that date is late, one running within it is not counted yet. A
// case whose clock ended without a notice served: late once past the date
// when its disposal (the code on the case) owed one (受理, 不予受理, 转送,
// 交办 …), else in time (an answer at the desk, kept on file). An anonymous
// report has no notice clock and is not counted.
func NoticeKept(f followup.Facts, disposal string, p deadline.Profile, cal *deadline.Calendar, today civil.Date) (Kept, error) {
	j := Judge{Profile: p, Calendar: cal, Today: today}
	return j.notice(f, disposal, followup.Clocks(f))
}

func (j *Judge) notice(f followup.Facts, disposal string, cs []followup.Clock) (Kept, error) {
	c := deadline.Notice
	if f.Type == confidential.TypeReport {
		if !f.RealName {
			return NotCounted, nil
		}
		c = deadline.DisciplineNotice
	}
	if f.Received == 0 {
		return NotCounted, nil
	}
	legal, ok, err := j.due(c, deadline.Input{Start: f.Received})
	if err != nil || !ok {
		return NotCounted, err
	}
	switch {
	case f.NoticeServed != 0:
		return kept(f.NoticeServed, legal), nil
	case runs(cs, c), followup.NoticeOwedBy(disposal):
		if j.Today > legal {
			return Late, nil
		}
		return NotCounted, nil
	}
	return InTime, nil
}

// HandlingKept tells whether an accepted case was handled in time (按期办结,
// docs/DOMAIN.md §16): its reply issued (or, mediated, its closing) by the
// legal date of the handling clock of its current period (B with its
// extension, or S for a simplified case), from acceptance or from the day
// work resumed. A case still handled past that date is late; one within it,
// and a case never accepted or a report (no handling clock), are not
// counted.
func HandlingKept(f followup.Facts, p deadline.Profile, cal *deadline.Calendar, today civil.Date) (Kept, error) {
	j := Judge{Profile: p, Calendar: cal, Today: today}
	return j.handling(f, followup.Clocks(f))
}

func (j *Judge) handling(f followup.Facts, cs []followup.Clock) (Kept, error) {
	if f.Accepted == 0 || f.Type == confidential.TypeReport {
		return NotCounted, nil
	}
	c, in := deadline.Handling, deadline.Input{Start: f.HandlingStart(), Extension: f.Extension()}
	if f.Simplified && f.Extension() == 0 {
		c, in = deadline.Simplified, deadline.Input{Start: f.HandlingStart()}
	}
	legal, ok, err := j.due(c, in)
	if err != nil || !ok {
		return NotCounted, err
	}
	switch {
	case runs(cs, deadline.Handling) || runs(cs, deadline.Simplified):
		if j.Today > legal {
			return Late, nil
		}
		return NotCounted, nil
	case f.Replied != 0 && f.Replied >= f.HandlingStart():
		return kept(f.Replied, legal), nil
	case f.Closed != 0:
		return kept(f.Closed, legal), nil
	}
	return NotCounted, nil
}

// The ratings of the satisfaction rate: 满意 and 基本满意 are satisfied,
// 不满意 is not; 未评价 and any other entry of the office's list are not
// counted.
var (
	Satisfied   = []string{"满意", "基本满意"}
	Unsatisfied = []string{"不满意"}
)

// Rated tells whether a rating counts in the satisfaction rate and whether
// it is satisfied.
func Rated(s string) (counted, satisfied bool) {
	for _, x := range Satisfied {
		if s == x {
			return true, true
		}
	}
	for _, x := range Unsatisfied {
		if s == x {
			return true, false
		}
	}
	return false, false
}

// Rate is a numerator over a denominator.
type Rate struct{ Num, Den int }

// Percent is the rate in per cent, one decimal; ok false when nothing was
// counted.
func (r Rate) Percent() (float64, bool) {
	if r.Den == 0 {
		return 0, false
	}
	return math.Round(float64(r.Num)*1000/float64(r.Den)) / 10, true
}

// Change is the change from base to cur in per cent, one decimal; ok false
// when base is 0.
func Change(cur, base float64) (float64, bool) {
	if base == 0 {
		return 0, false
	}
	return math.Round((cur-base)*1000/base) / 10, true
}
