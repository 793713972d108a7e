package deadline

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"laifang/domain/civil"
)

func TestParseCalendarFile(t *testing.T) {
	may1 := Day{Date: civil.D(2026, 5, 1), Kind: Rest, Note: "劳动节"}
	may9 := Day{Date: civil.D(2026, 5, 9), Kind: Work, Note: "劳动节调休上班"}
	cases := []struct {
		name string
		text string
		days []Day
		errs []string // line numbers and a piece of each message
	}{
		{"tabs", "2026-05-01\t休\t劳动节\n2026-05-09\t班\t劳动节调休上班\n", []Day{may1, may9}, nil},
		{"BOM, CRLF and comments", "\uFEFF# 2026年\r\n2026-05-09\t班\t劳动节调休上班\r\n\r\n2026-05-01\t休\t劳动节  # 五一\r\n",
			[]Day{may1, may9}, nil},
		{"commas and English kinds", "2026-05-01,rest,劳动节\n2026-05-09, WORK ,劳动节调休上班\n", []Day{may1, may9}, nil},
		{"spaces, short dates, no note", "2026/5/1   休\n2026.5.9 班\n",
			[]Day{{Date: may1.Date, Kind: Rest}, {Date: may9.Date, Kind: Work}}, nil},
		{"a note keeps its spaces and commas", "2026-05-01\t休\t劳动节，第 1 天\n",
			[]Day{{Date: may1.Date, Kind: Rest, Note: "劳动节，第 1 天"}}, nil},
		{"bad lines are named",
			"2026-05-01\t休\t劳动节\n2026-13-01\t休\n2026-02-30\t休\n2026-05-02\t歇\n2026-05-06\t班\n2027-01-01\t休\n2026-05-01\t休\n2026-05-03\n",
			[]Day{may1},
			[]string{"2:无法识别", "3:无法识别", "4:“歇”应为“休”", "5:星期三", "6:不在 2026 年", "7:与第 1 行重复", "8:缺少“休”或“班”"}},
		{"a note too long", "2026-05-01\t休\t" + strings.Repeat("长", MaxNote+1) + "\n", nil, []string{"1:不能超过 100 个字"}},
		{"empty", "\n# nothing\n", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, days, errs := ParseCalendarFile(c.text)
			if !reflect.DeepEqual(days, c.days) {
				t.Errorf("days %+v, want %+v", days, c.days)
			}
			if len(errs) != len(c.errs) {
				t.Fatalf("errors %+v, want %v", errs, c.errs)
			}
			for i, want := range c.errs {
				line, piece, _ := strings.Cut(want, ":")
				got := errs[i]
				if strconv.Itoa(got.Line) != line || !strings.Contains(got.Message, piece) || !strings.HasPrefix(got.Message, "第 "+line+" 行") {
					t.Errorf("error %d: %+v, want line %s with %q", i, got, line, piece)
				}
			}
		})
	}
}

// What the program exports, it reads back, day for day.
func TestCalendarFileRoundTrips(t *testing.T) {
	days := Seed2026()
	days = append(days, Day{Date: civil.D(2026, 12, 31), Kind: Rest, Note: "单位自定 #1 说明"})
	text := FormatCalendarFile(2026, days)
	if !strings.Contains(text, "2026-05-01\t休\t劳动节") || !strings.Contains(text, "2026-05-09\t班\t劳动节调休上班") {
		t.Fatalf("export:\n%s", text)
	}
	year, got, errs := ParseCalendarFile(text)
	if year != 2026 || len(errs) != 0 {
		t.Fatalf("year %d errors %v", year, errs)
	}
	if len(got) != len(days) {
		t.Fatalf("%d days back, %d out", len(got), len(days))
	}
	for i := range days {
		if got[i].Date != days[i].Date || got[i].Kind != days[i].Kind {
			t.Errorf("day %d: %+v, want %+v", i, got[i], days[i])
		}
	}
	if got[len(got)-1].Note != "单位自定 ＃1 说明" {
		t.Errorf("a # in a note: %q", got[len(got)-1].Note)
	}
	if got[0].Note != days[0].Note {
		t.Errorf("note %q, want %q", got[0].Note, days[0].Note)
	}
}

func TestCheckDay(t *testing.T) {
	cases := []struct {
		d    Day
		want *Error
	}{
		{Day{Date: civil.D(2026, 5, 9), Kind: Work}, nil},
		{Day{Date: civil.D(2026, 5, 2), Kind: Rest}, nil}, // a weekend rest day: pointless, allowed
		{Day{Date: civil.D(2026, 5, 6), Kind: Work}, ErrWorkWeekday},
		{Day{Date: civil.D(2027, 1, 1), Kind: Rest}, ErrDayYear},
		{Day{Date: civil.D(2026, 1, 1), Kind: "off"}, ErrDayKind},
		{Day{Date: civil.D(2026, 1, 1), Kind: Rest, Note: strings.Repeat("字", MaxNote)}, nil},
		{Day{Date: civil.D(2026, 1, 1), Kind: Rest, Note: strings.Repeat("字", MaxNote+1)}, ErrDayNote},
	}
	for _, c := range cases {
		err := CheckDay(c.d, 2026)
		if c.want == nil && err != nil || c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%+v: %v, want %v", c.d, err, c.want)
		}
	}
}
