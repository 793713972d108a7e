package store_test

import (
	"errors"
	"slices"
	"testing"

	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/store"
)

// A year of the calendar is replaced whole, other years stay, and a save
// on a revision someone else has saved over is refused with nothing
// written.
func TestReplaceHolidaysOneYear(t *testing.T) {
	s := office(t, 0, store.Options{})
	next := []deadline.Day{{Date: civil.D(2027, 1, 1), Kind: deadline.Rest, Note: "元旦"}}
	err := s.Update(func(tx *store.Tx) error {
		if err := tx.SeedCalendar(deadline.Seed2026()); err != nil {
			return err
		}
		if rev, err := tx.ReplaceHolidays(2027, next, 0); err != nil || rev != 1 {
			t.Errorf("first save: rev %d %v", rev, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	mine := []deadline.Day{{Date: civil.D(2026, 5, 1), Kind: deadline.Rest, Note: "劳动节"},
		{Date: civil.D(2026, 5, 9), Kind: deadline.Work}}
	err = s.Update(func(tx *store.Tx) error {
		if _, err := tx.ReplaceHolidays(2026, mine, 0); !errors.Is(err, store.ErrStale) {
			t.Errorf("stale save: %v", err)
		}
		_, err := tx.ReplaceHolidays(2026, mine, 1)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = s.View(func(tx *store.Tx) error {
		hs, _ := tx.Holidays(civil.D(2026, 1, 1), civil.D(2027, 12, 31))
		if len(hs) != 3 || hs[0].Day != civil.D(2026, 5, 1) || hs[1].Kind != store.HolidayWork || hs[2].Note != "元旦" {
			t.Errorf("calendar %+v", hs)
		}
		if ys := tx.HolidayYears(); !slices.Equal(ys, []int{2026, 2027}) {
			t.Errorf("years %v", ys)
		}
		if !tx.HasHolidays(civil.D(2027, 1, 1), civil.D(2027, 12, 31)) || tx.HasHolidays(civil.D(2028, 1, 1), civil.D(2028, 12, 31)) ||
			tx.HasHolidays(civil.D(2026, 5, 10), civil.D(2026, 12, 31)) {
			t.Error("HasHolidays")
		}
		if tx.CalendarRev() != 2 {
			t.Errorf("rev %d", tx.CalendarRev())
		}
		return nil
	})
}
