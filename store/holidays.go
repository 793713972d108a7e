package store

import (
	"bytes"

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
