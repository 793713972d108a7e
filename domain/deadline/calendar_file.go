package deadline

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"laifang/domain/civil"
)

// The holiday file: how an office moves its calendar in and out as plain
// text (docs/DOMAIN.md §4.4). One day a line,
//
//	2026-05-01	休	劳动节
//
// date, kind (休 or rest: no work; 班 or work: a 调休 working day) and an
// optional note, separated by a tab, a comma or spaces. A line whose first
// character is # is a comment, and so is what follows a # after a space or
// a tab. A leading BOM and CRLF line ends are accepted, because the file is
// typically typed in Notepad or saved from Excel.

// MaxNote is the longest note of a listed day, in characters.
const MaxNote = 100

// CheckDay checks one listed day of the calendar of year: the date in that
// year, a known kind, a working day only on a Saturday or a Sunday (a
// weekday is a working day already), a note of at most MaxNote characters.
// A rest day on an ordinary weekend day is pointless but allowed: the
// State Council lists the weekend days inside a break. The error's field
// is "date", "kind" or "note".
func CheckDay(d Day, year int) error {
	if d.Date.Year() != year {
		return errorf(ErrDayYear, "date", "日期 %s 不在 %d 年", d.Date, year)
	}
	if d.Kind != Rest && d.Kind != Work {
		return errorf(ErrDayKind, "kind", "请选择“休”或“班”")
	}
	if wd := d.Date.Weekday(); d.Kind == Work && wd != time.Saturday && wd != time.Sunday {
		return errorf(ErrWorkWeekday, "kind", "%s 是%s，本来就是工作日；调休上班只能是周六或周日", d.Date, weekdayNames[wd])
	}
	if utf8.RuneCountInString(d.Note) > MaxNote {
		return errorf(ErrDayNote, "note", "说明不能超过 %d 个字", MaxNote)
	}
	return nil
}

var weekdayNames = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// LineError is a line of a holiday file that could not be read.
type LineError struct {
	Line    int    `json:"line"` // from 1
	Message string `json:"message"`
}

// ParseCalendarFile reads a holiday file of one year. It returns the days
// it could read, in date order, and every line it could not, each with its
// number and why in Chinese. The year is the one of the first date read;
// a date of another year is an error of its line.
func ParseCalendarFile(text string) (year int, days []Day, errs []LineError) {
	text = strings.TrimPrefix(text, "\uFEFF")
	seen := map[civil.Date]int{}
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		line = stripComment(strings.TrimRight(line, "\r"))
		if line == "" {
			continue
		}
		fail := func(format string, args ...any) {
			errs = append(errs, LineError{Line: n, Message: fmt.Sprintf("第 %d 行：", n) + fmt.Sprintf(format, args...)})
		}
		dateText, rest := nextField(line)
		kindText, note := nextField(rest)
		date, ok := parseFileDate(dateText)
		if !ok {
			fail("日期“%s”无法识别，应写成 2026-05-01 这样的年-月-日", dateText)
			continue
		}
		kind, ok := fileKinds[strings.ToLower(kindText)]
		if !ok {
			if kindText == "" {
				fail("缺少“休”或“班”")
			} else {
				fail("“%s”应为“休”（放假）或“班”（调休上班）", kindText)
			}
			continue
		}
		if year == 0 {
			year = date.Year()
		}
		d := Day{Date: date, Kind: kind, Note: note}
		if err := CheckDay(d, year); err != nil {
			if date.Year() != year {
				fail("日期 %s 不在 %d 年；一个文件只录入一年的节假日", date, year)
			} else {
				var e *Error
				errors.As(err, &e)
				fail("%s", e.Message())
			}
			continue
		}
		if first, dup := seen[date]; dup {
			fail("日期 %s 与第 %d 行重复", date, first)
			continue
		}
		seen[date] = n
		days = append(days, d)
	}
	sortDays(days)
	return year, days, errs
}

// FormatCalendarFile writes days as a holiday file ParseCalendarFile reads
// back: a comment heading, then one tab-separated line a day, in date
// order, with CRLF line ends so that Notepad shows the lines.
func FormatCalendarFile(year int, days []Day) string {
	var b strings.Builder
	b.WriteString(fmt.Sprintf("# %d年节假日安排（来访接待）\r\n", year))
	b.WriteString("# 每行一天：日期<TAB>休 或 班<TAB>说明。休＝放假，班＝调休上班；以 # 开头的行是注释。\r\n")
	sorted := append([]Day(nil), days...)
	sortDays(sorted)
	for _, d := range sorted {
		kind := "休"
		if d.Kind == Work {
			kind = "班"
		}
		// A note is one line; a # after a space would start a comment.
		note := strings.Join(strings.Fields(d.Note), " ")
		note = strings.ReplaceAll(note, " #", " ＃")
		b.WriteString(d.Date.String() + "\t" + kind)
		if note != "" {
			b.WriteString("\t" + note)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

var fileKinds = map[string]Kind{
	"休": Rest, "rest": Rest, "休息": Rest, "放假": Rest, "假": Rest,
	"班": Work, "work": Work, "上班": Work, "调休上班": Work,
}

// stripComment drops a whole-line comment, or a comment after a space or a
// tab, and the spaces around what is left.
func stripComment(line string) string {
	s := strings.TrimSpace(line)
	if strings.HasPrefix(s, "#") {
		return ""
	}
	for i := 1; i < len(s); i++ {
		if s[i] == '#' && (s[i-1] == ' ' || s[i-1] == '\t') {
			s = s[:i]
			break
		}
	}
	return strings.TrimSpace(s)
}

// isSep tells a field separator: tab, space, comma (ASCII or full width),
// ideographic space.
func isSep(r rune) bool {
	return r == '\t' || r == ' ' || r == ',' || r == '，' || r == '\u3000'
}

// nextField splits off the first field of s and returns the rest with its
// leading separators removed. The note, the last field, keeps its inner
// spaces and commas.
func nextField(s string) (field, rest string) {
	i := strings.IndexFunc(s, isSep)
	if i < 0 {
		return s, ""
	}
	field = s[:i]
	rest = strings.TrimSpace(strings.TrimLeftFunc(s[i:], isSep))
	return field, rest
}

// parseFileDate reads 2026-05-01, 2026-5-1, 2026/5/1 or 2026.5.1.
func parseFileDate(s string) (civil.Date, bool) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) != 3 || len(parts[0]) != 4 {
		return 0, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return 0, false
		}
		n[i] = v
	}
	if n[1] < 1 || n[1] > 12 || n[2] < 1 || n[2] > 31 {
		return 0, false
	}
	d := civil.D(n[0], time.Month(n[1]), n[2])
	// time.Date normalises 2026-02-30 to March; such a date was mistyped.
	if t := d.Time(); t.Year() != n[0] || int(t.Month()) != n[1] || t.Day() != n[2] {
		return 0, false
	}
	return d, true
}

func sortDays(days []Day) {
	sort.SliceStable(days, func(i, j int) bool { return days[i].Date < days[j].Date })
}
