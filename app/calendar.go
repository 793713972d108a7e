package app

import (
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/store"
)

// Calendar is the office's holiday calendar and time-limit profile as the
// settings screens show and edit them (docs/DOMAIN.md §4.3, §4.4). Every
// due date is counted with them (app/deadline.go); a save changes the due
// dates computed from then on, not the ones already on cases.
type Calendar struct{ svc }

// HolidayDay is one listed day of the calendar as the table shows it.
type HolidayDay struct {
	Date    string `json:"date"` // YYYY-MM-DD
	Kind    string `json:"kind"` // rest (休) or work (班: a 调休 working weekend day)
	Note    string `json:"note"`
	Weekday string `json:"weekday"` // 星期六; ignored on a save
}

// HolidayYear is the listing of one year.
type HolidayYear struct {
	Year int `json:"year"`
	// Covered: the calendar lists a day of this year. A year it does not
	// cover counts weekends only (calendarWarning).
	Covered bool         `json:"covered"`
	Days    []HolidayDay `json:"days"`
	// Years are the years the calendar covers; Offer, the years the year
	// picker offers: those, this year and the next.
	Years []int  `json:"years"`
	Offer []int  `json:"offer"`
	Rev   uint64 `json:"rev"`
	// Recounted: how many open cases' due dates the save moved
	// (recountClocks); only a save sets it.
	Recounted int `json:"recounted"`
}

// HolidayImport is a holiday file as read, not saved: the screen shows
// the days and the lines it could not read, then saves with SaveHolidays.
type HolidayImport struct {
	Year   int                  `json:"year"`
	Days   []HolidayDay         `json:"days"`
	Errors []deadline.LineError `json:"errors"`
}

// Codes of the calendar screens.
const (
	CodeCalendarYear = "calendar.year"
	CodeCalendarFile = "calendar.file"
	CodeCalendarDate = "calendar.date"
	CodeCalendarDup  = "calendar.duplicate"
	CodeProfileName  = "profile.name"
	CodeProfileClock = "profile.clock"
)

// The years a calendar may hold: a typing mistake outside them is refused.
const minCalendarYear, maxCalendarYear = 2000, 2100

// maxHolidayFile bounds an imported file; a year is a few dozen lines.
const maxHolidayFile = 64 << 10

func checkYear(year int) error {
	if year < minCalendarYear || year > maxCalendarYear {
		return fieldError("year", CodeCalendarYear, fmt.Sprintf("年份应在 %d 至 %d 之间。", minCalendarYear, maxCalendarYear))
	}
	return nil
}

func holidayDay(d deadline.Day) HolidayDay {
	return HolidayDay{Date: d.Date.String(), Kind: string(d.Kind), Note: d.Note, Weekday: weekdayName(d.Date)}
}

var weekdayNames = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

func weekdayName(d civil.Date) string { return weekdayNames[d.Weekday()] }

// Holidays lists the days of year (this year for 0).
func (s *Calendar) Holidays(year int) (HolidayYear, error) {
	_, st, err := s.gate("Calendar.Holidays")
	if err != nil {
		return HolidayYear{}, err
	}
	var out HolidayYear
	err = st.View(func(tx *store.Tx) error {
		if year == 0 {
			year = civil.DateOf(tx.Now()).Year()
		}
		if err := checkYear(year); err != nil {
			return err
		}
		out, err = holidayYear(tx, year)
		return err
	})
	return out, err
}

func holidayYear(tx *store.Tx, year int) (HolidayYear, error) {
	from, to := civil.D(year, 1, 1), civil.D(year, 12, 31)
	hs, err := tx.Holidays(from, to)
	if err != nil {
		return HolidayYear{}, err
	}
	out := HolidayYear{Year: year, Covered: len(hs) > 0, Days: []HolidayDay{}, Years: tx.HolidayYears(), Rev: tx.CalendarRev()}
	for _, h := range hs {
		out.Days = append(out.Days, holidayDay(deadline.Day{Date: h.Day, Kind: deadline.Kind(h.Kind), Note: h.Note}))
	}
	if out.Years == nil {
		out.Years = []int{}
	}
	this := civil.DateOf(tx.Now()).Year()
	out.Offer = append(slices.Clone(out.Years), this, this+1, year)
	slices.Sort(out.Offer)
	out.Offer = slices.Compact(out.Offer)
	return out, nil
}

// SaveHolidays replaces the listing of in.Year by in.Days (none: the year
// is not covered any more). Every day is checked (deadline.CheckDay), each
// refusal at its row ("days[3].date"); in.Rev is the calendar's revision
// as read, and a save over someone else's is refused (CodeStale). The
// other fields of in are ignored.
func (s *Calendar) SaveHolidays(in HolidayYear) (HolidayYear, error) {
	act, st, err := s.gate("Calendar.SaveHolidays", in)
	if err != nil {
		return HolidayYear{}, err
	}
	year, days, rev := in.Year, in.Days, in.Rev
	if err := checkYear(year); err != nil {
		return HolidayYear{}, err
	}
	list, err := checkHolidays(year, days)
	if err != nil {
		return HolidayYear{}, err
	}
	var out HolidayYear
	err = st.Update(func(tx *store.Tx) error {
		if _, err := tx.ReplaceHolidays(year, list, rev); err != nil {
			return err
		}
		if out, err = holidayYear(tx, year); err != nil {
			return err
		}
		return s.audit(tx, act, ActionSettingsEdit, "calendar", 0, fmt.Sprintf("修改节假日：%d年（%d天）", year, len(list)), "")
	})
	if err != nil {
		return HolidayYear{}, err
	}
	out.Recounted = recounted(st)
	return out, nil
}

// recounted moves the open cases' due dates to the calendar and profile
// just saved. The save itself stands whatever happens here; a case left
// behind is counted again at its next step.
func recounted(st *store.Store) int {
	n, err := recountClocks(st)
	if err != nil {
		slog.Error("recount clocks", "err", err)
	}
	return n
}

// checkHolidays reads the rows of the holidays table: every problem at
// its row and input.
func checkHolidays(year int, days []HolidayDay) ([]deadline.Day, error) {
	var is issues
	var out []deadline.Day
	seen := map[civil.Date]int{}
	for i, h := range days {
		at := func(f string) string { return fmt.Sprintf("days[%d].%s", i, f) }
		d, err := civil.Parse(strings.TrimSpace(h.Date))
		if err != nil {
			is.err(at("date"), CodeCalendarDate, "请填写日期（年-月-日）。")
			continue
		}
		day := deadline.Day{Date: d, Kind: deadline.Kind(h.Kind), Note: strings.Join(strings.Fields(h.Note), " ")}
		if err := deadline.CheckDay(day, year); err != nil {
			e := AsError(err)
			is.err(at(e.Field), e.Code, e.Message+"。")
			continue
		}
		if j, dup := seen[d]; dup {
			is.err(at("date"), CodeCalendarDup, fmt.Sprintf("与第 %d 行的日期重复。", j+1))
			continue
		}
		seen[d] = i
		out = append(out, day)
	}
	if len(is.errs) > 0 {
		return nil, invalid(is.errs)
	}
	return out, nil
}

// ImportHolidays reads a holiday file (deadline.ParseCalendarFile) and
// saves nothing: the days it read and every line it could not, each with
// its number.
func (s *Calendar) ImportHolidays(text string) (HolidayImport, error) {
	// The file's byte-order mark is its encoding, not text.
	text = strings.TrimPrefix(text, "\uFEFF")
	if _, _, err := s.gate("Calendar.ImportHolidays", named("text", text)); err != nil {
		return HolidayImport{}, err
	}
	if len(text) > maxHolidayFile {
		return HolidayImport{}, fieldError("text", CodeCalendarFile, "文件太大，不像节假日文件（每行一天，一年只有几十行）。")
	}
	year, days, errs := deadline.ParseCalendarFile(text)
	if year == 0 && len(errs) == 0 {
		return HolidayImport{}, fieldError("text", CodeCalendarFile, "文件中没有日期。每行一天：日期、休或班、说明，例如“2026-05-01	休	劳动节”。")
	}
	out := HolidayImport{Year: year, Days: []HolidayDay{}, Errors: errs}
	if out.Errors == nil {
		out.Errors = []deadline.LineError{}
	}
	for _, d := range days {
		out.Days = append(out.Days, holidayDay(d))
	}
	return out, nil
}

// ExportHolidays is the listing of year as a holiday file (UTF-8 text),
// which ImportHolidays reads back.
func (s *Calendar) ExportHolidays(year int) (string, error) {
	_, st, err := s.gate("Calendar.ExportHolidays")
	if err != nil {
		return "", err
	}
	if err := checkYear(year); err != nil {
		return "", err
	}
	var days []deadline.Day
	err = st.View(func(tx *store.Tx) error {
		hs, err := tx.Holidays(civil.D(year, 1, 1), civil.D(year, 12, 31))
		for _, h := range hs {
			days = append(days, deadline.Day{Date: h.Day, Kind: deadline.Kind(h.Kind), Note: h.Note})
		}
		return err
	})
	if err != nil {
		return "", err
	}
	return deadline.FormatCalendarFile(year, days), nil
}

// coverage is the years from from to to that the calendar lists no day
// of: in them a clock counts weekends only.
func coverage(tx *store.Tx, from, to civil.Date) []int {
	var out []int
	for y := from.Year(); y <= to.Year(); y++ {
		if !tx.HasHolidays(civil.D(y, 1, 1), civil.D(y, 12, 31)) {
			out = append(out, y)
		}
	}
	return out
}

// uncoveredYears is the years between today and each due date (the years
// a clock running now to it counts in) that the calendar does not cover,
// in order. Zero dates are skipped. calendarWarning says it on screen.
func uncoveredYears(tx *store.Tx, dues ...civil.Date) ([]int, error) {
	today := civil.DateOf(tx.Now())
	var out []int
	for _, due := range dues {
		if due == 0 {
			continue
		}
		out = append(out, coverage(tx, min(today, due), due)...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// calendarWarning is what the case view and the home screen say when a
// clock runs into years the calendar does not cover; "" when none.
func calendarWarning(years []int) string {
	if len(years) == 0 {
		return ""
	}
	ys := make([]string, len(years))
	for i, y := range years {
		ys[i] = strconv.Itoa(y)
	}
	return strings.Join(ys, "、") + "年的节假日尚未录入，期限按周末计算，请在设置→节假日中录入。"
}

// officeCalendarWarning is the home screen's warning: the years a clock
// started today runs into (to the handling limit with the longest
// extension, or the longest other limit) that the calendar does not
// cover. In November, when the State Council publishes the next year's
// schedule, it asks for it. A profile that cannot be read gives none
// here: the cases say why.
func officeCalendarWarning(tx *store.Tx) (string, error) {
	p, err := officeProfile(tx)
	if err != nil {
		return "", nil
	}
	today := civil.DateOf(tx.Now())
	var last civil.Date
	for c := range p.Limits {
		in := deadline.Input{Clock: c, Start: today}
		if c == deadline.Handling {
			in.Extension = p.MaxExtension
		}
		due, err := officeDue(tx, in)
		if err != nil {
			return "", err
		}
		last = max(last, due.Legal)
	}
	years, err := uncoveredYears(tx, last)
	return calendarWarning(years), err
}

// ClockLimit is one limit of a profile as the screen shows it.
type ClockLimit struct {
	Clock    string `json:"clock"` // deadline.Clock: 受理告知, 办理 …
	Label    string `json:"label"` // 受理告知期限
	Days     int    `json:"days"`
	Working  bool   `json:"working"`  // 工作日 (else 自然日)
	Required bool   `json:"required"` // the 条例 imposes it on every office
}

// ProfileInfo is one time-limit profile.
type ProfileInfo struct {
	// ID is a shipped profile's key ("national", "zhejiang") or the number
	// of the office's own.
	ID   string `json:"id"`
	Name string `json:"name"`
	// Basis says where the limits come from; Unverified, that they were
	// read from a copy the office should check against the official text.
	Basis        string       `json:"basis"`
	Unverified   bool         `json:"unverified"`
	Builtin      bool         `json:"builtin"` // shipped: not editable; editing makes a copy
	InUse        bool         `json:"inUse"`
	Limits       []ClockLimit `json:"limits"`
	MaxExtension int          `json:"maxExtension"` // days the handling clock may be extended, once
}

// ProfileList is the profiles, the one in use, and their revision (one for
// the profiles and the choice).
type ProfileList struct {
	Profiles []ProfileInfo `json:"profiles"`
	InUse    string        `json:"inUse"`
	Rev      uint64        `json:"rev"`
	// Recounted: how many open cases' due dates the save moved
	// (recountClocks); only a save sets it.
	Recounted int `json:"recounted"`
}

const nationalKey = "national"

func profileInfo(id string, p deadline.Profile) ProfileInfo {
	out := ProfileInfo{ID: id, Name: p.Name, MaxExtension: p.MaxExtension, Limits: []ClockLimit{}}
	for _, c := range deadline.ProfileClocks {
		l, ok := p.Limits[c]
		if !ok {
			continue
		}
		out.Limits = append(out.Limits, ClockLimit{Clock: string(c), Label: string(c) + "期限", Days: l.Days,
			Working: l.Working, Required: slices.Contains(deadline.Required, c)})
	}
	return out
}

func shippedProfile(key string) (deadline.Template, bool) {
	for _, t := range deadline.Templates() {
		if t.Key == key {
			return t, true
		}
	}
	return deadline.Template{}, false
}

func profileList(tx *store.Tx) (ProfileList, error) {
	set, err := tx.Settings()
	if err != nil {
		return ProfileList{}, err
	}
	stored, err := tx.Profiles()
	if err != nil {
		return ProfileList{}, err
	}
	out := ProfileList{Profiles: []ProfileInfo{}, Rev: tx.ProfilesRev()}
	if set.Profile == 0 {
		out.InUse = nationalKey
	}
	for _, t := range deadline.Templates() {
		p := profileInfo(t.Key, t.Profile)
		p.Basis, p.Unverified, p.Builtin = t.Basis, t.Unverified, true
		out.Profiles = append(out.Profiles, p)
	}
	for _, s := range stored {
		p := profileInfo(strconv.FormatUint(s.ID, 10), s.Profile())
		if t, ok := shippedProfile(s.From); ok {
			p.Basis, p.Unverified = "复制自“"+t.Profile.Name+"”："+t.Basis, t.Unverified
		}
		if s.ID == set.Profile {
			out.InUse = p.ID
		}
		out.Profiles = append(out.Profiles, p)
	}
	for i := range out.Profiles {
		out.Profiles[i].InUse = out.Profiles[i].ID == out.InUse
	}
	return out, nil
}

// Profiles lists the shipped profiles and the office's own, and which one
// counts the office's deadlines.
func (s *Calendar) Profiles() (ProfileList, error) {
	_, st, err := s.gate("Calendar.Profiles")
	if err != nil {
		return ProfileList{}, err
	}
	var out ProfileList
	err = st.View(func(tx *store.Tx) error {
		out, err = profileList(tx)
		return err
	})
	return out, err
}

// SaveProfile saves one of the office's profiles: p.ID of a shipped
// profile (or none) makes a new copy, which is how a shipped profile is
// "edited"; the number of the office's own updates it. The limits are
// checked by deadline.Profile.Validate, each refusal at its clock
// ("limits[2].days"). rev is the profiles' revision as read.
func (s *Calendar) SaveProfile(p ProfileInfo, rev uint64) (ProfileList, error) {
	act, st, err := s.gate("Calendar.SaveProfile", p)
	if err != nil {
		return ProfileList{}, err
	}
	p.Name = strings.TrimSpace(p.Name)
	if p.Name == "" || utf8.RuneCountInString(p.Name) > 50 {
		return ProfileList{}, fieldError("name", CodeProfileName, "请填写方案名称（最多 50 个字）。")
	}
	prof := deadline.Profile{Name: p.Name, Limits: map[deadline.Clock]deadline.Limit{}, MaxExtension: p.MaxExtension}
	index := map[deadline.Clock]int{}
	for i, l := range p.Limits {
		c := deadline.Clock(l.Clock)
		if _, dup := index[c]; dup || !slices.Contains(deadline.ProfileClocks, c) {
			return ProfileList{}, fieldError(fmt.Sprintf("limits[%d].days", i), CodeProfileClock, "没有这一项期限，或重复了。")
		}
		index[c] = i
		prof.Limits[c] = deadline.Limit{Days: l.Days, Working: l.Working}
	}
	if err := prof.Validate(); err != nil {
		e := AsError(err)
		field := e.Field
		if i, ok := index[deadline.Clock(field)]; ok {
			field = fmt.Sprintf("limits[%d].days", i)
		} else if field != "maxExtension" {
			field = "limits"
		}
		return ProfileList{}, fieldError(field, e.Code, e.Message+"。")
	}
	var out ProfileList
	err = st.Update(func(tx *store.Tx) error {
		rec := store.ProfileRecord(prof)
		if t, ok := shippedProfile(p.ID); ok {
			rec.From = t.Key
		} else if p.ID != "" {
			id, err := strconv.ParseUint(p.ID, 10, 64)
			if err != nil {
				return store.ErrNotFound
			}
			old, err := storedProfile(tx, id)
			if err != nil {
				return err
			}
			rec.ID, rec.From = id, old.From
		}
		if err := uniqueProfileName(tx, rec.ID, p.Name); err != nil {
			return err
		}
		if _, err := tx.BumpProfiles(rev); err != nil {
			return err
		}
		if err := tx.SaveProfile(&rec); err != nil {
			return err
		}
		if out, err = profileList(tx); err != nil {
			return err
		}
		return s.audit(tx, act, ActionSettingsEdit, "profile", rec.ID, "修改时限方案："+rec.Name, "")
	})
	if err == nil {
		out.Recounted = recounted(st)
	}
	return out, err
}

func storedProfile(tx *store.Tx, id uint64) (*store.TimeLimitProfile, error) {
	ps, err := tx.Profiles()
	if err != nil {
		return nil, err
	}
	for i := range ps {
		if ps[i].ID == id {
			return &ps[i], nil
		}
	}
	return nil, store.ErrNotFound
}

func uniqueProfileName(tx *store.Tx, id uint64, name string) error {
	taken := fieldError("name", CodeProfileName, "已有同名的时限方案，请换一个名称。")
	for _, t := range deadline.Templates() {
		if t.Profile.Name == name {
			return taken
		}
	}
	ps, err := tx.Profiles()
	if err != nil {
		return err
	}
	for _, p := range ps {
		if p.ID != id && p.Name == name {
			return taken
		}
	}
	return nil
}

// UseProfile makes the office count its deadlines by profile id: the
// national default, the office's own, or a shipped provincial one, which
// is used through a copy of it (the copy made before, while its limits
// are still the shipped ones; else a new one). rev is the profiles'
// revision as read.
func (s *Calendar) UseProfile(id string, rev uint64) (ProfileList, error) {
	act, st, err := s.gate("Calendar.UseProfile", named("id", id))
	if err != nil {
		return ProfileList{}, err
	}
	var out ProfileList
	err = st.Update(func(tx *store.Tx) error {
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		var use uint64
		name := ""
		switch t, ok := shippedProfile(id); {
		case id == nationalKey:
			name = t.Profile.Name
		case ok:
			rec, err := templateCopy(tx, t)
			if err != nil {
				return err
			}
			use, name = rec.ID, rec.Name
		default:
			n, err := strconv.ParseUint(id, 10, 64)
			if err != nil {
				return store.ErrNotFound
			}
			rec, err := storedProfile(tx, n)
			if err != nil {
				return err
			}
			use, name = rec.ID, rec.Name
		}
		if _, err := tx.BumpProfiles(rev); err != nil {
			return err
		}
		// The office's settings form does not carry the choice, so the
		// settings' own revision is left alone.
		set.Profile = use
		if err := tx.SaveSettings(set); err != nil {
			return err
		}
		if out, err = profileList(tx); err != nil {
			return err
		}
		return s.audit(tx, act, ActionSettingsEdit, "profile", use, "启用时限方案："+name, "")
	})
	if err == nil {
		out.Recounted = recounted(st)
	}
	return out, err
}

// templateCopy is the office's unchanged copy of a shipped profile, made
// now if there is none.
func templateCopy(tx *store.Tx, t deadline.Template) (*store.TimeLimitProfile, error) {
	ps, err := tx.Profiles()
	if err != nil {
		return nil, err
	}
	want := store.ProfileRecord(t.Profile)
	for i := range ps {
		if ps[i].From == t.Key && sameLimits(ps[i], want) {
			return &ps[i], nil
		}
	}
	rec := want
	rec.From = t.Key
	rec.Name = t.Profile.Name + "（本单位）"
	for n := 2; uniqueProfileName(tx, 0, rec.Name) != nil; n++ {
		rec.Name = fmt.Sprintf("%s（本单位%d）", t.Profile.Name, n)
	}
	return &rec, tx.SaveProfile(&rec)
}

func sameLimits(a, b store.TimeLimitProfile) bool {
	if a.MaxExt != b.MaxExt || len(a.Rules) != len(b.Rules) {
		return false
	}
	for c, l := range a.Rules {
		if b.Rules[c] != l {
			return false
		}
	}
	return true
}
