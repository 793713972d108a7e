package store

import (
	"bytes"
	"fmt"
	"time"

	"laifang/domain/civil"
	"laifang/domain/deadline"
)

// Buckets of this file (created at open, listed in store.go).
var (
	bucketHolidays = []byte("holidays") // date
)

// Holiday kinds: deadline.Rest and deadline.Work as stored.
const (
	HolidayRest = string(deadline.Rest) // a public holiday: no work
	HolidayWork = string(deadline.Work) // a 调休 working weekend day
)

// Holiday is one day of the holiday calendar.
type Holiday struct {
	V    int        `json:"v"`
	Day  civil.Date `json:"-"`
	Kind string     `json:"k"`
	Note string     `json:"n,omitempty"`
}

// setHoliday marks a day of the holiday calendar; kind "" removes it.
func (tx *Tx) setHoliday(h *Holiday) error {
	if err := tx.writable(); err != nil {
		return err
	}
	b := tx.b(bucketHolidays)
	if h.Kind == "" {
		return b.Delete(dateKey(h.Day))
	}
	h.V = recordVersion
	raw, err := encode(h)
	if err != nil {
		return err
	}
	return b.Put(dateKey(h.Day), raw)
}

// Holidays lists the marked days in [from, to].
func (tx *Tx) Holidays(from, to civil.Date) ([]Holiday, error) {
	var out []Holiday
	c := tx.b(bucketHolidays).Cursor()
	end := dateKey(to + 1)
	for k, v := c.Seek(dateKey(from)); k != nil && bytes.Compare(k, end) < 0; k, v = c.Next() {
		var h Holiday
		if err := decodeJSON(v, &h); err != nil {
			return nil, err
		}
		h.Day = civil.Date(int32(getU32(k)))
		out = append(out, h)
	}
	return out, nil
}

// SeedCalendar writes days into an empty holiday calendar: a new office
// starts with the State Council's published schedule
// (domain/deadline.Seed2026). A calendar that holds any day is the
// office's own and is left as it is.
func (tx *Tx) SeedCalendar(days []deadline.Day) error {
	if k, _ := tx.b(bucketHolidays).Cursor().First(); k != nil {
		return nil
	}
	for _, d := range days {
		if err := tx.setHoliday(&Holiday{Day: d.Date, Kind: string(d.Kind), Note: d.Note}); err != nil {
			return err
		}
	}
	return nil
}

// The calendar is edited a year at a time, and a save over someone else's
// newer one is refused: its revision, kept in meta, counts every save.
var metaCalendarRev = []byte("calendar.rev")

// CalendarRev is the revision of the holiday calendar: 0 until the office
// first saves it.
func (tx *Tx) CalendarRev() uint64 { return getU64(tx.b(bucketMeta).Get(metaCalendarRev)) }

// ReplaceHolidays replaces the listed days of year by days when rev is the
// calendar's stored revision, bumps it and returns the new one; ErrStale
// and nothing written otherwise. days outside year are the caller's
// mistake and refused the same way as a bad record.
func (tx *Tx) ReplaceHolidays(year int, days []deadline.Day, rev uint64) (uint64, error) {
	if err := tx.writable(); err != nil {
		return 0, err
	}
	if tx.CalendarRev() != rev {
		return 0, ErrStale
	}
	from, to := yearSpan(year)
	old, err := tx.Holidays(from, to)
	if err != nil {
		return 0, err
	}
	for _, h := range old {
		if err := tx.setHoliday(&Holiday{Day: h.Day}); err != nil {
			return 0, err
		}
	}
	for _, d := range days {
		if d.Date < from || d.Date > to || d.Kind == "" {
			return 0, fmt.Errorf("store: holiday %s (%q) is not a day of %d", d.Date, d.Kind, year)
		}
		if err := tx.setHoliday(&Holiday{Day: d.Date, Kind: string(d.Kind), Note: d.Note}); err != nil {
			return 0, err
		}
	}
	rev++
	return rev, tx.b(bucketMeta).Put(metaCalendarRev, u64(rev))
}

// HolidayYears lists the years the calendar lists any day of, in order.
func (tx *Tx) HolidayYears() []int {
	var out []int
	c := tx.b(bucketHolidays).Cursor()
	for k, _ := c.First(); k != nil; {
		y := civil.Date(int32(getU32(k))).Year()
		out = append(out, y)
		// skip to the first day of the next year
		next, _ := yearSpan(y + 1)
		k, _ = c.Seek(dateKey(next))
	}
	return out
}

// HasHolidays tells whether the calendar lists any day in [from, to]; it
// reads one key.
func (tx *Tx) HasHolidays(from, to civil.Date) bool {
	k, _ := tx.b(bucketHolidays).Cursor().Seek(dateKey(from))
	return k != nil && bytes.Compare(k, dateKey(to+1)) < 0
}

// yearSpan is the first and the last day of year.
func yearSpan(year int) (from, to civil.Date) {
	return civil.D(year, time.January, 1), civil.D(year, time.December, 31)
}
