// Package deadline computes the statutory clocks of a petition case (信访
// 事项) from the dates on the case: the acceptance notice, the objection to
// a matter sent down, handling, the extension, review and recheck.
//
// Why a package of its own: a deadline is a legal fact the office is held
// to (信访工作条例 art. 44 makes a missed notice an accountability ground),
// so it is computed in one place, from data, never typed in by hand, and it
// is tested against the worked examples of docs/DOMAIN.md §4.6.
//
// The counting rules (docs/DOMAIN.md §4.1):
//   - "日" in the regulation is a calendar day; working days are written as
//     such ("5个工作日", art. 23 para 3), so each time limit says which it is.
//   - The start day is not counted (民法典 art. 201): a period of N days
//     from day S ends on day S+N.
//   - A period that ends on a rest day ends on the next working day
//     (民法典 art. 203, applied by analogy). This is the legal due date.
//   - Offices that count conservatively ignore the roll-forward; that is the
//     internal target, shown beside the legal date.
//   - Rest days are weekends and the State Council's public holidays, except
//     the 调休 weekend days that are working days: a Calendar the office edits.
//
// The package is pure: no clock, no store. The caller passes today's date.
package deadline

import (
	"fmt"
	"time"
)

// Date is a calendar day kept as days since 1970-01-01, the same
// representation as store.Date, so the app converts with deadline.Date(d).
// The zero Date means "not set".
type Date int32

// D builds a Date from year, month and day.
func D(y int, m time.Month, d int) Date {
	return Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// DateOf is the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return D(y, m, d)
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, fmt.Errorf("deadline: bad date %q: want YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// Time is midnight UTC of the day.
func (d Date) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Weekday of the day.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// AddDays moves by n calendar days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// String is YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format("2006-01-02")
}

// Chinese is the date as letters print it: 2026年3月2日, no zero padding
// (GB/T 9704-2012 7.3.5.1).
func (d Date) Chinese() string {
	y, m, dd := d.Time().Date()
	return fmt.Sprintf("%d年%d月%d日", y, int(m), dd)
}
