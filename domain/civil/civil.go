// Package civil is the calendar day every rule and record of laifang uses:
// a date of receipt, a due date, a birthday, a holiday. One type, so a day
// read from the file goes to the deadline rules and back without a
// conversion.
//
// A Date has no time of day and no zone: the office's day is the wall-clock
// day of the moment it happened (DateOf takes the moment's own location).
// The package is pure: no clock.
package civil

import (
	"fmt"
	"time"
)

// Date is a calendar day kept as days since 1970-01-01 (the store keeps it
// as four bytes). The zero Date means "not set".
type Date int32

// D builds a Date from year, month and day.
func D(y int, m time.Month, d int) Date {
	return Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// DateOf is the calendar day of t in t's own location; the zero time gives
// the zero Date.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return D(y, m, d)
}

// Parse reads YYYY-MM-DD.
func Parse(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, fmt.Errorf("civil: bad date %q: want YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// Time is midnight UTC of the day (use its Year/Month/Day, not its zone).
func (d Date) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Year of the day.
func (d Date) Year() int { return d.Time().Year() }

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
