package app

import (
	"archive/zip"
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/store"

	"github.com/xuri/excelize/v2"
)

// scanStats is what a plain scan of the records says a period holds: the
// cases received in it and the visits made in it, read one by one
// (tx.Case, tx.CaseVisits), and each case's clocks judged from the dates
// on the record and the clocks the app stored on it, by the definitions of
// docs/DOMAIN.md §16.
type scanStats struct {
	figures                 map[string]int // counts
	notice, handled, rating [2]int         // in time (satisfied), counted
	channel, typ, category  map[string]int
	unit                    map[string]int
	months                  map[string][3]int // YYYY-MM → cases, visits, people
	petitioners             map[uint64]int    // main petitioner → visits
}

type scanCase struct {
	c      *store.Case
	visits []store.Visit
}

func scanOffice(t *testing.T, st *store.Store) []scanCase {
	t.Helper()
	var out []scanCase
	err := st.View(func(tx *store.Tx) error {
		for id := uint64(1); ; id++ {
			c, err := tx.Case(id)
			if err != nil {
				return nil
			}
			vs, err := tx.CaseVisits(id)
			if err != nil {
				return err
			}
			out = append(out, scanCase{c, vs})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func hasClock(c *store.Case, k deadline.Clock) bool {
	for _, x := range c.Clocks {
		if x.Clock == string(k) {
			return true
		}
	}
	return false
}

// judge counts one clock: end is the day it was met (0: not yet); running
// tells the case still has it.
func judge(to *[2]int, due, end civil.Date, running bool, today civil.Date) {
	switch {
	case running && today > due:
		to[1]++
	case running:
	case end == 0:
	case end <= due:
		to[0]++
		to[1]++
	default:
		to[1]++
	}
}

func scanPeriod(t *testing.T, all []scanCase, from, to civil.Date, cal *deadline.Calendar, today civil.Date,
	sees func(*store.Case) bool) scanStats {
	t.Helper()
	p := deadline.National()
	s := scanStats{figures: map[string]int{}, channel: map[string]int{}, typ: map[string]int{},
		category: map[string]int{}, unit: map[string]int{}, months: map[string][3]int{}, petitioners: map[uint64]int{}}
	due := func(in deadline.Input) civil.Date {
		d, err := p.Compute(in, cal)
		if err != nil {
			t.Fatal(err)
		}
		return d.Legal
	}
	for _, sc := range all {
		c := sc.c
		if !sees(c) {
			continue
		}
		for _, v := range sc.visits {
			d := v.At.Date()
			if d < from || d > to {
				continue
			}
			s.figures["visits"]++
			s.figures["people"] += v.Present
			if v.Repeat || c.Repeat && (c.FirstCase != 0 || c.Prior != "") {
				s.figures["repeat"]++
			}
			m := s.months[d.String()[:7]]
			m[1]++
			m[2] += v.Present
			s.months[d.String()[:7]] = m
			s.petitioners[c.MainPetitioner()]++
		}
		d := c.Received.Date()
		if d < from || d > to {
			continue
		}
		s.figures["cases"]++
		if c.Group {
			s.figures["group"]++
		}
		if c.SkipLevel {
			s.figures["skipLevel"]++
		}
		m := s.months[d.String()[:7]]
		m[0]++
		s.months[d.String()[:7]] = m
		s.channel[c.Channel]++
		s.typ[c.Type]++
		s.category[c.Category]++
		u := ""
		if c.Unit != 0 {
			u = strconv.FormatUint(c.Unit, 10)
		}
		s.unit[u]++
		switch c.Satisfaction {
		case "满意", "基本满意":
			s.rating[0]++
			s.rating[1]++
		case "不满意":
			s.rating[1]++
		}
		report := c.Type == TypeReport
		if !report || c.RealName {
			k := deadline.Notice
			if report {
				k = deadline.DisciplineNotice
			}
			n := due(deadline.Input{Clock: k, Start: d})
			end := c.NoticeServed
			// a disposal with a letter to the petitioner owes a notice (§5.2's table)
			owed := map[string]bool{"受理": true, "转送": true, "交办": true, "告知向有权机关提出": true,
				"导入法定程序": true, "不予受理": true, "不再受理": true}[c.Disposal]
			if end == 0 && !hasClock(c, k) && !owed {
				end = d // ended at the desk, no notice owed
			}
			judge(&s.notice, n, end, c.NoticeServed == 0 && (hasClock(c, k) || owed), today)
		}
		if c.Accepted != 0 && !report {
			start := max(c.Accepted, c.Resumed)
			in := deadline.Input{Clock: deadline.Handling, Start: start, Extension: c.ExtDays}
			if c.Simplified && c.ExtDays == 0 {
				in = deadline.Input{Clock: deadline.Simplified, Start: start}
			}
			h := due(in)
			running := hasClock(c, deadline.Handling) || hasClock(c, deadline.Simplified)
			end := civil.Date(0)
			switch {
			case c.ReplyOn != 0 && c.ReplyOn >= start:
				end = c.ReplyOn
			case c.Closed != 0:
				end = c.Closed
			}
			judge(&s.handled, h, end, running, today)
		}
	}
	return s
}

func figureOf(t *testing.T, r *StatsReport, key string) Figure {
	t.Helper()
	for _, f := range r.Figures {
		if f.Key == key {
			return f
		}
	}
	t.Fatalf("no figure %s", key)
	return Figure{}
}

func sliceCounts(l []StatsSlice) map[string]int {
	out := map[string]int{}
	for _, s := range l {
		out[s.Key] = s.Cases
	}
	return out
}

func sameCounts(t *testing.T, what string, got, want map[string]int) {
	t.Helper()
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s %q: %d, scan %d", what, k, got[k], n)
		}
	}
	for k, n := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s %q: %d, not in the scan", what, k, n)
		}
	}
}

// checkAgainstScan compares a report with the scan of its period.
func checkAgainstScan(t *testing.T, r *StatsReport, all []scanCase, cal *deadline.Calendar, sees func(*store.Case) bool) {
	t.Helper()
	from, _ := civil.Parse(r.Period.From)
	to, _ := civil.Parse(r.Period.To)
	today, _ := civil.Parse(r.Today)
	s := scanPeriod(t, all, from, to, cal, today, sees)
	for _, k := range []string{"cases", "visits", "people", "group", "repeat", "skipLevel"} {
		if f := figureOf(t, r, k); f.Value == nil || int(*f.Value) != s.figures[k] {
			t.Errorf("%s %s: %v, scan %d", r.Period.Label, k, f.Value, s.figures[k])
		}
	}
	for k, want := range map[string][2]int{"notice": s.notice, "handled": s.handled, "satisfaction": s.rating} {
		if f := figureOf(t, r, k); f.Num != want[0] || f.Den != want[1] {
			t.Errorf("%s %s: %d/%d, scan %d/%d", r.Period.Label, k, f.Num, f.Den, want[0], want[1])
		}
	}
	sameCounts(t, "channel", sliceCounts(r.ByChannel), s.channel)
	sameCounts(t, "type", sliceCounts(r.ByType), s.typ)
	sameCounts(t, "category", sliceCounts(r.ByCategory), s.category)
	sameCounts(t, "unit", sliceCounts(r.ByUnit), s.unit)
	for _, p := range r.Trend {
		m := s.months[p.Month]
		pf, _ := civil.Parse(p.Month + "-01")
		if pf < from || pf > to {
			continue // a trend month outside the period: checked by its own period
		}
		if p.Cases != m[0] || p.Visits != m[1] || p.People != m[2] {
			t.Errorf("%s trend %s: %d %d %d, scan %v", r.Period.Label, p.Month, p.Cases, p.Visits, p.People, m)
		}
	}
	// the repeat petitioners: the most visits, at least two, ten at most
	var counts []int
	for id, n := range s.petitioners {
		if n >= 2 && id != 0 {
			counts = append(counts, n)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(counts)))
	if len(r.Top) > 0 && len(counts) > 0 && r.Top[0].Visits != counts[0] {
		t.Errorf("%s: the first repeat petitioner came %d times, the scan's %d", r.Period.Label, r.Top[0].Visits, counts[0])
	}
	if len(counts) >= 10 && len(r.Top) < 10 || len(counts) < 10 && len(r.Top) > len(counts) {
		t.Errorf("%s: %d repeat petitioners listed, the scan has %d", r.Period.Label, len(r.Top), len(counts))
	}
}

func officeCal(t *testing.T, st *store.Store) *deadline.Calendar {
	t.Helper()
	cal := deadline.NewCalendar()
	st.View(func(tx *store.Tx) error {
		hs, err := tx.Holidays(civil.D(2000, 1, 1), civil.D(2100, 1, 1))
		for _, h := range hs {
			cal.Set(deadline.Day{Date: h.Day, Kind: deadline.Kind(h.Kind), Note: h.Note})
		}
		return err
	})
	return cal
}

// Statistics equal counts computed a second way: a plain scan of the
// generated office's records, for a month, a quarter, a year, a range and
// the month under way.
func TestStatisticsEqualAScan(t *testing.T) {
	a, st, _ := homeOffice(t)
	head := a.bind(addUser(t, a, "head2", RoleHead, true))
	all := scanOffice(t, st)
	cal := officeCal(t, st)
	counted := map[string]int{}
	for _, q := range []StatsQuery{
		{Kind: "month", Year: 2026, Num: 2},
		{Kind: "month", Year: 2026, Num: 3},
		{Kind: "quarter", Year: 2025, Num: 4},
		{Kind: "year", Year: 2025},
		{Kind: "range", From: "2025-06-15", To: "2025-09-10"},
	} {
		r, err := head.Stats.Report(q)
		if err != nil {
			t.Fatal(q, err)
		}
		checkAgainstScan(t, r, all, cal, func(*store.Case) bool { return true })
		for _, f := range r.Figures {
			counted[f.Key] += f.Num + f.Den
		}
		if len(r.Trend) < 12 {
			t.Errorf("%s: a trend of %d months", r.Period.Label, len(r.Trend))
		}
	}
	// nothing checked against nothing: the generated office has them all
	for _, k := range []string{"cases", "visits", "people", "group", "repeat", "notice", "handled", "satisfaction"} {
		if counted[k] == 0 {
			t.Errorf("no %s in any period: the comparison proves nothing", k)
		}
	}
	// the comparisons are the reports of those periods
	r, _ := head.Stats.Report(StatsQuery{Kind: "month", Year: 2026, Num: 2})
	prev, _ := head.Stats.Report(StatsQuery{Kind: "month", Year: 2026, Num: 1})
	last, _ := head.Stats.Report(StatsQuery{Kind: "month", Year: 2025, Num: 2})
	for i, f := range r.Figures {
		if fmt.Sprint(deref(f.Previous)) != fmt.Sprint(deref(prev.Figures[i].Value)) ||
			fmt.Sprint(deref(f.LastYear)) != fmt.Sprint(deref(last.Figures[i].Value)) {
			t.Errorf("%s: previous %v last year %v, the reports say %v %v", f.Key, deref(f.Previous), deref(f.LastYear),
				deref(prev.Figures[i].Value), deref(last.Figures[i].Value))
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// A handler's statistics are his department's cases (docs/DOMAIN.md §2):
// the scan keeps to the cases his department handles or was sent a task of.
func TestStatisticsOfAHandler(t *testing.T) {
	a, st, cases := homeOffice(t)
	counts := map[uint64]int{}
	for _, c := range cases {
		counts[c.Unit]++
	}
	unit, s := busiestHandler(t, a, st, counts)
	r, err := a.bind(s).Stats.Report(StatsQuery{Kind: "year", Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	mine := map[uint64]bool{}
	st.View(func(tx *store.Tx) error {
		for _, c := range cases {
			if c.Unit == unit {
				mine[c.ID] = true
			}
			ts, _ := tx.CaseTasks(c.ID)
			for _, k := range ts {
				if k.ToUnit == unit {
					mine[c.ID] = true
				}
			}
		}
		return nil
	})
	checkAgainstScan(t, r, scanOffice(t, st), officeCal(t, st), func(c *store.Case) bool { return mine[c.ID] })
	if r.Unit == "" || *figureOf(t, r, "cases").Value == 0 {
		t.Errorf("the handler's report: unit %q, %v cases", r.Unit, *figureOf(t, r, "cases").Value)
	}
	office, _ := a.bind(addUser(t, a, "reader2", RoleReader, false)).Stats.Report(StatsQuery{Kind: "year", Year: 2025})
	if *figureOf(t, office, "cases").Value <= *figureOf(t, r, "cases").Value {
		t.Error("the department's cases are not fewer than the office's")
	}
}

// Every bad period is refused next to its field, in Chinese.
func TestStatisticsRefuseABadPeriod(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	head := a.bind(addUser(t, a, "head2", RoleHead, false))
	for _, c := range []struct {
		q     StatsQuery
		field string
	}{
		{StatsQuery{Kind: "month", Year: 2026, Num: 13}, "num"},
		{StatsQuery{Kind: "quarter", Year: 2026, Num: 5}, "num"},
		{StatsQuery{Kind: "year", Year: 0}, "year"},
		{StatsQuery{Kind: "range", From: "2026-03-10", To: "2026-03-01"}, "to"},
		{StatsQuery{Kind: "range", From: "2026-02-30", To: "2026-03-01"}, "from"},
		{StatsQuery{Kind: "range", From: "2020-01-01", To: "2026-03-01"}, "to"},
		{StatsQuery{Kind: "week", Year: 2026}, "kind"},
	} {
		_, err := head.Stats.Report(c.q)
		e := AsError(err)
		if e == nil || !(e.Field == c.field || len(e.Fields) > 0 && e.Fields[0].Field == c.field) || e.Message == "" {
			t.Errorf("%+v: %+v, want a message at %s", c.q, e, c.field)
		}
	}
}

// No whistle-blower is named in the statistics without the grant and a
// reveal: the repeat petitioners on confidential cases are （保密）, and
// nothing of a confidential case's people reaches the report or its
// workbook.
func TestStatisticsNameNoWhistleBlower(t *testing.T) {
	o := newConfOffice(t)
	q := StatsQuery{Kind: "range", From: "2021-03-03", To: "2026-03-02"}
	for _, login := range []struct {
		name  string
		role  string
		grant bool
	}{{"clerk9", RoleClerk, false}, {"reader9", RoleReader, false}, {"head9", RoleHead, true}} {
		b := o.a.bind(addUser(t, o.a, login.name, login.role, login.grant))
		r, err := b.Stats.Report(q)
		if err != nil {
			t.Fatal(err)
		}
		masked := 0
		for _, p := range r.Top {
			if o.blowers[personByName(o, p.Name)] {
				t.Errorf("%s sees whistle-blower %s named", login.name, p.Name)
			}
			if p.Masked {
				masked++
			}
		}
		for _, c := range o.secret {
			if l := o.leaks(t, c, r); len(l) > 0 {
				t.Errorf("%s: the report leaks %v of case %d", login.name, l, c.ID)
			}
		}
		if login.role == RoleClerk {
			f, err := b.Stats.Export(q)
			if err != nil {
				t.Fatal(err)
			}
			text := workbookText(t, f.Data)
			for _, c := range o.secret {
				if l := o.leaks(t, c, text); len(l) > 0 {
					t.Errorf("the workbook leaks %v of case %d", l, c.ID)
				}
			}
		}
		if masked == 0 {
			t.Errorf("%s: no repeat petitioner masked among %d: the probe proves nothing", login.name, len(r.Top))
		}
	}
}

func personByName(o *confOffice, name string) uint64 {
	for id, p := range o.people {
		if p.Name == name && name != "" {
			return id
		}
	}
	return 0
}

// workbookText is every cell of the workbook, read back by excelize.
func workbookText(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, r := range rows {
		for _, c := range r {
			b.WriteString(c + "\t")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// The workbook holds what the screen shows: the title with the office and
// the period, each figure, each department's count; the export is audited.
func TestStatisticsExport(t *testing.T) {
	a, st, _ := homeOffice(t)
	clerk := a.bind(addUser(t, a, "clerk2", RoleClerk, false))
	q := StatsQuery{Kind: "quarter", Year: 2025, Num: 4}
	r, err := clerk.Stats.Report(q)
	if err != nil {
		t.Fatal(err)
	}
	f, err := clerk.Stats.Export(q)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "信访统计-2025年第4季度.xlsx" {
		t.Errorf("file name %q", f.Name)
	}
	wb, err := excelize.OpenReader(bytes.NewReader(f.Data))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := wb.GetRows("统计")
	if len(rows) < 20 || rows[0][0] != "某某镇人民政府信访统计报表（2025年第4季度）" {
		t.Fatalf("title %q, %d rows", rows[0], len(rows))
	}
	find := func(label string) []string {
		for _, r := range rows {
			if len(r) > 0 && r[0] == label {
				return r
			}
		}
		t.Errorf("no row %s", label)
		return []string{"", ""}
	}
	if got := find("信访事项（件）")[1]; got != fmt.Sprint(*figureOf(t, r, "cases").Value) {
		t.Errorf("cases %s, the report %v", got, *figureOf(t, r, "cases").Value)
	}
	if got := find("来访（人次）")[1]; got != fmt.Sprint(*figureOf(t, r, "people").Value) {
		t.Errorf("people %s", got)
	}
	for _, u := range r.ByUnit {
		if u.Label != "" && find(u.Label)[1] != strconv.Itoa(u.Cases) {
			t.Errorf("unit %s: %v, the report %d", u.Label, find(u.Label), u.Cases)
		}
	}
	// the charts sheet: the trend and one chart a table
	zr, err := zip.NewReader(bytes.NewReader(f.Data), int64(len(f.Data)))
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
		}
	}
	if sheets := wb.GetSheetList(); len(sheets) != 2 || sheets[1] != "图表" || charts != 5 {
		t.Errorf("sheets %v, %d charts", sheets, charts)
	}
	n := 0
	st.View(func(tx *store.Tx) error {
		es, err := tx.Audit(0, 0)
		for _, e := range es {
			if e.Action == ActionExport && e.Entity == "stats" {
				n++
			}
		}
		return err
	})
	if n != 1 {
		t.Errorf("%d export entries in the audit log", n)
	}
	if err := clerk.Stats.Printed(q); err != nil {
		t.Fatal(err)
	}
	st.View(func(tx *store.Tx) error {
		es, _ := tx.Audit(0, 0)
		if e := es[len(es)-1]; e.Action != ActionPrint || e.Entity != "stats" || e.Summary != "打印统计报表 2025年第4季度" {
			t.Errorf("the print is logged as %+v", e)
		}
		return nil
	})
	// a reader may see the statistics, not export them
	reader := a.bind(addUser(t, a, "reader2", RoleReader, false))
	if _, err := reader.Stats.Export(q); err == nil {
		t.Error("a reader exported the statistics")
	}
}

// The statistics follow every write: registration, the notice served, the
// reply, the rating each move the month's figures, and the file stays
// sound (Check compares the statistics' indexes with the records).
func TestStatisticsFollowEveryStep(t *testing.T) {
	o := newStepOffice(t)
	march := StatsQuery{Kind: "month", Year: 2026, Num: 3}
	fig := func(key string) Figure {
		t.Helper()
		s := NewSession("测试", false)
		st, _ := o.a.store()
		var u *store.User
		st.View(func(tx *store.Tx) (err error) { u, err = tx.UserByLogin("head1"); return err })
		s.signIn(actorOf(u), o.a.now())
		r, err := o.a.bind(s).Stats.Report(march)
		if err != nil {
			t.Fatal(err)
		}
		return figureOf(t, r, key)
	}
	id := o.reply(t, "予以支持") // received and accepted 03-02, replied 03-25 and served
	if f := fig("cases"); *f.Value != 1 {
		t.Errorf("cases %v", *f.Value)
	}
	if f := fig("handled"); f.Num != 1 || f.Den != 1 {
		t.Errorf("handled %d/%d after a reply in time", f.Num, f.Den)
	}
	// the notice was never served, and A (due 03-17) is past: late
	if f := fig("notice"); f.Num != 0 || f.Den != 1 {
		t.Errorf("notice %d/%d", f.Num, f.Den)
	}
	if f := fig("satisfaction"); f.Den != 0 {
		t.Errorf("satisfaction counted before any rating: %d/%d", f.Num, f.Den)
	}
	clerk := o.as(t, "clerk1")
	mustStep(t, clerk, id, StepInput{Action: RecordRating, Rating: "不满意", Date: "2026-03-26"})
	if f := fig("satisfaction"); f.Num != 0 || f.Den != 1 {
		t.Errorf("satisfaction %d/%d after 不满意", f.Num, f.Den)
	}
	mustStep(t, clerk, id, StepInput{Action: RecordRating, Rating: "满意", Date: "2026-03-26", Reason: "信访人当面更正"})
	if f := fig("satisfaction"); f.Num != 1 || f.Den != 1 || *f.Value != 100 {
		t.Errorf("satisfaction %d/%d after a correction to 满意", f.Num, f.Den)
	}
	st, _ := o.a.store()
	if r, err := st.Check(); err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
}
