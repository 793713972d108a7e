package civil

import (
	"testing"
	"time"
)

func TestDateBasics(t *testing.T) {
	d := D(2026, 3, 2)
	if d.Weekday() != time.Monday {
		t.Fatalf("2026-03-02 is a %v, want Monday", d.Weekday())
	}
	if d.String() != "2026-03-02" || d.Chinese() != "2026年3月2日" || d.Year() != 2026 {
		t.Fatalf("got %q / %q / %d", d.String(), d.Chinese(), d.Year())
	}
	p, err := Parse("2026-03-02")
	if err != nil || p != d {
		t.Fatalf("Parse = %v, %v", p, err)
	}
	for _, bad := range []string{"", "2026-02-30", "2026/03/02", "26-3-2"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
	if Date(0).String() != "" || DateOf(time.Time{}) != 0 {
		t.Fatal("zero Date should print empty and come from the zero time")
	}
	if d.AddDays(30) != D(2026, 4, 1) {
		t.Fatalf("2026-03-02 + 30 = %v", d.AddDays(30))
	}
}

// The day is the wall-clock day where the moment happened: 00:30 in
// Beijing is that day though UTC is still on the day before.
func TestDateOfUsesTheMomentsZone(t *testing.T) {
	bj := time.FixedZone("CST", 8*3600)
	at := time.Date(2026, 3, 2, 0, 30, 0, 0, bj) // 2026-03-01 16:30 UTC
	if DateOf(at) != D(2026, 3, 2) || DateOf(at.UTC()) != D(2026, 3, 1) {
		t.Fatalf("DateOf = %v / %v", DateOf(at), DateOf(at.UTC()))
	}
}
