package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/deadline"
)

// registerOn registers baseInput's accepted visit on day (YYYY-MM-DD) as a
// head, the clock moved to that day, and returns its case and the legal
// date of its handling clock (办理期限).
func registerOn(t *testing.T, a *App, clk *clock, b Bound, day string) (uint64, string) {
	t.Helper()
	d, err := time.ParseInLocation("2006-01-02", day, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	clk.add(time.Date(d.Year(), d.Month(), d.Day(), 9, 0, 0, 0, time.Local).Sub(clk.now()))
	in := baseInput()
	in.Disposal = string(casestate.Accept)
	in.ReceivedAt, in.Record.Start, in.Record.End = day+"T08:40", day+"T08:45", day+"T08:58"
	r, err := b.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range must(b.Cases.Get(r.CaseID))(t).Clocks {
		if k.Clock == string(deadline.Handling) {
			return r.CaseID, k.Legal
		}
	}
	t.Fatalf("accepted on %s: no handling clock", day)
	return 0, ""
}

// An office in 浙江 switches to the provincial profile: a case accepted
// that day is due in 30 days (浙江省信访条例 art. 23), not 60.
func TestUsingTheZhejiangProfileGivesTheProvincialDueDate(t *testing.T) {
	a, clk := testApp(t)
	setUp(t, a)
	head := headOf(t, a)
	if _, due := registerOn(t, a, clk, head, "2026-03-02"); due != "2026-05-06" {
		t.Fatalf("national: due %s, want 2026-05-06", due)
	}
	ps := must(a.Calendar.Profiles())(t)
	if ps.InUse != "national" || !ps.Profiles[0].InUse || !ps.Profiles[0].Builtin {
		t.Fatalf("a new office uses the national default: %+v", ps)
	}
	i := slices.IndexFunc(ps.Profiles, func(p ProfileInfo) bool { return p.ID == "zhejiang" })
	if i < 0 || !ps.Profiles[i].Unverified || ps.Profiles[i].MaxExtension != 60 {
		t.Fatalf("the 浙江 example: %+v", ps.Profiles)
	}
	used := must(a.Calendar.UseProfile("zhejiang", ps.Rev))(t)
	if used.InUse == "national" || used.InUse == "zhejiang" {
		t.Fatalf("in use %q: a shipped provincial profile is used through the office's copy", used.InUse)
	}
	j := slices.IndexFunc(used.Profiles, func(p ProfileInfo) bool { return p.InUse })
	if j < 0 || used.Profiles[j].Builtin || !used.Profiles[j].Unverified || !strings.Contains(used.Profiles[j].Name, "浙江") {
		t.Fatalf("the copy in use: %+v", used.Profiles)
	}
	if _, due := registerOn(t, a, clk, head, "2026-03-02"); due != "2026-04-01" {
		t.Errorf("浙江: accepted 2026-03-02, due %s, want 2026-04-01 (30 days)", due)
	}
	// Using 浙江 again takes the same copy, not another one.
	again := must(a.Calendar.UseProfile("zhejiang", used.Rev))(t)
	if again.InUse != used.InUse || len(again.Profiles) != len(used.Profiles) {
		t.Errorf("used twice: %+v", again)
	}
}

// The office edits its profile: the national default is not changed, an
// edit of it is a copy, and a limit out of range is refused at its clock.
func TestEditingAProfile(t *testing.T) {
	a, clk := testApp(t)
	setUp(t, a)
	ps := must(a.Calendar.Profiles())(t)
	p := ps.Profiles[0]
	k := slices.IndexFunc(p.Limits, func(l ClockLimit) bool { return l.Clock == "办理" })
	if p.ID != "national" || k < 0 || p.Limits[k].Label != "办理期限" || p.Limits[k].Days != 60 || p.Limits[k].Working {
		t.Fatalf("national: %+v", p)
	}
	p.Name = "本单位方案"
	p.Limits[k].Days = 0
	_, err := a.Calendar.SaveProfile(p, ps.Rev)
	if f := AsError(err).Field; f != "limits[2].days" || !strings.Contains(AsError(err).Message, "办理") {
		t.Fatalf("zero days: field %q, %v", f, err)
	}
	p.Limits[k].Days = 45
	p.MaxExtension = 400
	if _, err := a.Calendar.SaveProfile(p, ps.Rev); AsError(err).Field != "maxExtension" {
		t.Fatalf("extension 400: %v", err)
	}
	p.MaxExtension = 15
	saved := must(a.Calendar.SaveProfile(p, ps.Rev))(t)
	if saved.Profiles[0].Limits[k].Days != 60 || len(saved.Profiles) != len(ps.Profiles)+1 {
		t.Fatalf("the national default changed, or no copy: %+v", saved.Profiles)
	}
	mine := saved.Profiles[len(saved.Profiles)-1]
	if mine.Builtin || mine.Name != "本单位方案" || mine.Limits[k].Days != 45 || mine.InUse {
		t.Fatalf("the copy: %+v", mine)
	}
	p.Name = mine.Name
	if _, err := a.Calendar.SaveProfile(p, saved.Rev); code(err) != CodeProfileName {
		t.Errorf("a second profile of the same name: %v", err)
	}
	used := must(a.Calendar.UseProfile(mine.ID, saved.Rev))(t)
	if _, due := registerOn(t, a, clk, headOf(t, a), "2026-03-02"); due != "2026-04-16" {
		t.Errorf("45 days from 2026-03-02: due %s, want 2026-04-16", due)
	}
	if used.InUse != mine.ID {
		t.Errorf("in use %q", used.InUse)
	}
}

// The office gives 2026-05-06 off as well: a case accepted on 2026-03-02,
// whose 60 days end in the 劳动节 break, is due a day later.
func TestAnExtraRestDayMovesTheDueDate(t *testing.T) {
	a, clk := testApp(t)
	setUp(t, a)
	y := must(a.Calendar.Holidays(2026))(t)
	if !y.Covered || y.Year != 2026 || !slices.Contains(y.Years, 2026) || !slices.Contains(y.Offer, 2027) {
		t.Fatalf("the shipped 2026 calendar: %+v", y)
	}
	may1 := slices.IndexFunc(y.Days, func(d HolidayDay) bool { return d.Date == "2026-05-01" })
	if may1 < 0 || y.Days[may1].Kind != "rest" || y.Days[may1].Weekday != "星期五" || !strings.HasPrefix(y.Days[may1].Note, "劳动节") {
		t.Fatalf("2026-05-01: %+v", y.Days)
	}
	// A case accepted before the change, with a form open on it.
	head := headOf(t, a)
	before, due := registerOn(t, a, clk, head, "2026-03-02")
	if due != "2026-05-06" {
		t.Fatalf("before the change: due %s, want 2026-05-06", due)
	}
	st := must(a.store())(t)
	rev := must(st.Case(before))(t).Rev
	days := append(slices.Clone(y.Days), HolidayDay{Date: "2026-05-06", Kind: "rest", Note: "本单位补休"})
	saved := must(a.Calendar.SaveHolidays(HolidayYear{Year: 2026, Days: days, Rev: y.Rev}))(t)
	if len(saved.Days) != len(y.Days)+1 || saved.Rev != y.Rev+1 {
		t.Fatalf("saved %d days rev %d", len(saved.Days), saved.Rev)
	}
	// The open case's handling period moves with the calendar; nobody
	// edited it, so a form open on it still saves (its revision stands).
	if saved.Recounted != 1 {
		t.Errorf("recounted %d cases, want 1", saved.Recounted)
	}
	d := must(head.Cases.Get(before))(t)
	for _, k := range d.Clocks {
		if k.Clock == string(deadline.Handling) && k.Legal != "2026-05-07" {
			t.Errorf("the case accepted before the change: due %s, want 2026-05-07", k.Legal)
		}
	}
	if now := must(st.Case(before))(t).Rev; now != rev {
		t.Errorf("recounting changed the case's revision %d → %d", rev, now)
	}
	// The audit log names what was changed, in Chinese.
	rows := must(a.Audit.List(AuditQuery{Action: ActionSettingsEdit}))(t).Rows
	if len(rows) == 0 || rows[0].Record != "节假日" || !strings.Contains(rows[0].Summary, "2026年") {
		t.Errorf("audit %+v", rows)
	}
	if _, due := registerOn(t, a, clk, head, "2026-03-02"); due != "2026-05-07" {
		t.Errorf("due %s, want 2026-05-07", due)
	}
}

// Every wrong row of the table is refused at once, each at its row.
func TestSavingHolidaysNamesTheRows(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	y := must(a.Calendar.Holidays(2026))(t)
	days := []HolidayDay{
		{Date: "2026-05-01", Kind: "rest"},
		{Date: "2026-05-06", Kind: "work"}, // a Wednesday
		{Date: "2026-05-01", Kind: "rest"}, // twice
		{Date: "2027-01-01", Kind: "rest"}, // another year
		{Date: "5月1日", Kind: "rest"},
		{Date: "2026-05-02", Kind: "off"},
		{Date: "2026-05-03", Kind: "rest", Note: strings.Repeat("长", 101)},
	}
	_, err := a.Calendar.SaveHolidays(HolidayYear{Year: 2026, Days: days, Rev: y.Rev})
	got := fields(err)
	want := map[string]string{"days[1].kind": "deadline.work_weekday", "days[2].date": CodeCalendarDup,
		"days[3].date": "deadline.day_year", "days[4].date": CodeCalendarDate, "days[5].kind": "deadline.day_kind",
		"days[6].note": "deadline.day_note"}
	for f, c := range want {
		if got[f] != c {
			t.Errorf("%s: %q, want %q (all: %v)", f, got[f], c, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("refused %v", got)
	}
	if after := must(a.Calendar.Holidays(2026))(t); len(after.Days) != len(y.Days) || after.Rev != y.Rev {
		t.Error("a refused save changed the calendar")
	}
	if _, err := a.Calendar.SaveHolidays(HolidayYear{Year: 1999, Rev: y.Rev}); AsError(err).Field != "year" {
		t.Errorf("year 1999: %v", err)
	}
}

// A file with mistakes: the days it could read and each bad line by its
// number; nothing is saved.
func TestImportNamesTheBadLines(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	before := must(a.Calendar.Holidays(2027))(t)
	file := "\uFEFF# 2027年\r\n2027-01-01\t休\t元旦\r\n2027-02-30\t休\r\n2027-01-06\t班\t调休\r\n2027-02-06,班,春节调休\r\n"
	got := must(a.Calendar.ImportHolidays(file))(t)
	if got.Year != 2027 || len(got.Days) != 2 || got.Days[0].Date != "2027-01-01" || got.Days[1].Kind != "work" {
		t.Errorf("days %+v", got)
	}
	if len(got.Errors) != 2 || got.Errors[0].Line != 3 || got.Errors[1].Line != 4 ||
		!strings.HasPrefix(got.Errors[0].Message, "第 3 行") || !strings.Contains(got.Errors[1].Message, "周六或周日") {
		t.Errorf("errors %+v", got.Errors)
	}
	if after := must(a.Calendar.Holidays(2027))(t); after.Covered || after.Rev != before.Rev {
		t.Error("the import saved")
	}
	if _, err := a.Calendar.ImportHolidays("# 空文件\n"); code(err) != CodeCalendarFile {
		t.Errorf("an empty file: %v", err)
	}
}

// What the office exports it can import and save again, day for day.
func TestExportImportRoundTrips(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	y := must(a.Calendar.Holidays(2026))(t)
	text := must(a.Calendar.ExportHolidays(2026))(t)
	if !strings.Contains(text, "2026-10-10\t班\t国庆节调休上班") {
		t.Fatalf("export:\n%s", text)
	}
	in := must(a.Calendar.ImportHolidays(text))(t)
	if len(in.Errors) != 0 || in.Year != 2026 {
		t.Fatalf("import %+v", in.Errors)
	}
	// Save it over an emptied year: the calendar comes back as it was.
	emptied := must(a.Calendar.SaveHolidays(HolidayYear{Year: 2026, Rev: y.Rev}))(t)
	if emptied.Covered || len(emptied.Days) != 0 || slices.Contains(emptied.Years, 2026) {
		t.Fatalf("emptied: %+v", emptied)
	}
	back := must(a.Calendar.SaveHolidays(HolidayYear{Year: 2026, Days: in.Days, Rev: emptied.Rev}))(t)
	if !slices.Equal(back.Days, y.Days) {
		t.Errorf("round trip:\n%+v\nwant\n%+v", back.Days, y.Days)
	}
}

// A clock that runs into 2027, which the calendar does not list, is
// counted on weekends only, and the case and the home screen say so; a
// case due in 2026 does not.
func TestUncoveredYearWarning(t *testing.T) {
	a, clk := testApp(t)
	setUp(t, a)
	// The clock moves by months: no idle lock in between.
	set := must(a.Settings.Get())(t)
	set.IdleMinutes = 0
	must(a.Settings.Save(set))(t)
	head := headOf(t, a)
	in2026, due := registerOn(t, a, clk, head, "2026-03-02")
	if due != "2026-05-06" {
		t.Fatalf("due %s", due)
	}
	if w := must(head.Cases.Get(in2026))(t).CalendarWarning; w != "" {
		t.Errorf("a case due in 2026: %q", w)
	}
	if w := must(head.System.Info())(t).CalendarWarning; w != "" {
		t.Errorf("home screen in March 2026: %q", w)
	}
	in2027, due := registerOn(t, a, clk, head, "2026-11-20")
	if !strings.HasPrefix(due, "2027-") {
		t.Fatalf("due %s", due)
	}
	want := "2027年的节假日尚未录入，期限按周末计算，请在设置→节假日中录入。"
	if w := must(head.Cases.Get(in2027))(t).CalendarWarning; w != want {
		t.Errorf("a case due in 2027: %q", w)
	}
	if w := must(head.System.Info())(t).CalendarWarning; w != want {
		t.Errorf("home screen in November 2026: %q", w)
	}
	// The office enters 2027: the warnings go.
	y := must(a.Calendar.Holidays(2027))(t)
	must(a.Calendar.SaveHolidays(HolidayYear{Year: 2027, Days: []HolidayDay{{Date: "2027-01-01", Kind: "rest", Note: "元旦"}}, Rev: y.Rev}))(t)
	if w := must(head.Cases.Get(in2027))(t).CalendarWarning; w != "" {
		t.Errorf("after entering 2027: %q", w)
	}
	if w := must(head.System.Info())(t).CalendarWarning; w != "" {
		t.Errorf("home screen after entering 2027: %q", w)
	}
}
