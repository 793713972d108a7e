package app

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"

	"laifang/domain/civil"
	"laifang/domain/dict"
	"laifang/domain/stats"
	"laifang/store"
)

// Stats is the statistics screen (统计, docs/DOMAIN.md §16): for a month,
// a quarter, a year or a range, the office's cases, visits and people,
// by channel, type, category and department, the marked visits, the
// notice and handling in time and the satisfaction rate, each against the
// period before and the same period a year earlier, a monthly trend, and
// the petitioners who came most often. Every figure is read from the
// store's statistics indexes (store/tally.go), never from the records.
type Stats struct{ svc }

// StatsQuery names the period: a month (Num 1–12) or a quarter (Num 1–4)
// of Year, the Year, or the range From–To (YYYY-MM-DD).
type StatsQuery struct {
	Kind string `json:"kind"` // month, quarter, year, range
	Year int    `json:"year"`
	Num  int    `json:"num"`
	From string `json:"from"`
	To   string `json:"to"`
}

// PeriodView is a period as the screen names it.
type PeriodView struct {
	Kind  string `json:"kind"`
	From  string `json:"from"`
	To    string `json:"to"`
	Label string `json:"label"`
}

// Figure is one of the report's headline figures: a count, or a rate in
// per cent with its numerator and denominator, against the period before
// and the same period last year. A change is in per cent for a count and
// in percentage points for a rate; absent when there is nothing to
// compare with.
type Figure struct {
	Key            string   `json:"key"` // cases, visits, people, group, repeat, skipLevel, notice, handled, satisfaction
	Rate           bool     `json:"rate"`
	Value          *float64 `json:"value"` // nil: a rate with nothing counted
	Num            int      `json:"num"`
	Den            int      `json:"den,omitempty"`
	Previous       *float64 `json:"previous"`
	LastYear       *float64 `json:"lastYear"`
	PreviousChange *float64 `json:"previousChange"`
	LastYearChange *float64 `json:"lastYearChange"`
}

// StatsSlice is one bar or slice: the cases of one channel, type,
// category or department. An empty Key is a case without one.
type StatsSlice struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Cases int    `json:"cases"`
}

// TrendPoint is one month of the trend line.
type TrendPoint struct {
	Month  string `json:"month"` // YYYY-MM
	Cases  int    `json:"cases"`
	Visits int    `json:"visits"`
	People int    `json:"people"`
}

// TopPetitioner is one of the petitioners who came most often in the
// period: the main petitioner of the cases the visits were made on. A
// petitioner on a confidential case this session may not identify is
// Hidden (（保密）) and Masked.
type TopPetitioner struct {
	Rank   int    `json:"rank"`
	Name   string `json:"name"`
	Masked bool   `json:"masked"`
	Visits int    `json:"visits"`
	Cases  int    `json:"cases"`
	Last   string `json:"last"` // the last visit in the period, YYYY-MM-DD
}

// StatsReport is the statistics of one period.
type StatsReport struct {
	Office     string          `json:"office"`
	Period     PeriodView      `json:"period"`
	Previous   PeriodView      `json:"previous"`
	LastYear   PeriodView      `json:"lastYear"`
	Today      string          `json:"today"`
	Unit       string          `json:"unit,omitempty"` // a handler's report is his department's
	Figures    []Figure        `json:"figures"`
	ByChannel  []StatsSlice    `json:"byChannel"`
	ByType     []StatsSlice    `json:"byType"`
	ByCategory []StatsSlice    `json:"byCategory"`
	ByUnit     []StatsSlice    `json:"byUnit"`
	Trend      []TrendPoint    `json:"trend"`
	Top        []TopPetitioner `json:"top"`
}

// topPetitioners is how many the table lists; only those who came at
// least twice in the period are repeat petitioners.
const topPetitioners = 10

// statsPeriod checks the query and makes its period.
func statsPeriod(q StatsQuery) (stats.Period, error) {
	var from, to civil.Date
	if q.Kind == string(stats.Range) {
		var is issues
		var err error
		if is.need("from", q.From != "", "stats.from", "请选择开始日期。") {
			if from, err = civil.Parse(q.From); err != nil {
				is.err("from", "stats.date", "开始日期无法识别，请按 2026-03-01 的格式填写。")
			}
		}
		if is.need("to", q.To != "", "stats.to", "请选择结束日期。") {
			if to, err = civil.Parse(q.To); err != nil {
				is.err("to", "stats.date", "结束日期无法识别，请按 2026-03-31 的格式填写。")
			}
		}
		if len(is.errs) > 0 {
			return stats.Period{}, invalid(is.errs)
		}
	}
	p, err := stats.Of(stats.Kind(q.Kind), q.Year, q.Num, from, to)
	switch {
	case err == nil:
		return p, nil
	case errors.Is(err, stats.ErrYear):
		return p, fieldError("year", "stats.year", "请选择年份（1900–2999）。")
	case errors.Is(err, stats.ErrMonth):
		return p, fieldError("num", "stats.month", "请选择月份（1–12月）。")
	case errors.Is(err, stats.ErrQuarter):
		return p, fieldError("num", "stats.quarter", "请选择季度（第1–4季度）。")
	case errors.Is(err, stats.ErrOrder):
		return p, fieldError("to", "stats.order", "结束日期不能早于开始日期。")
	case errors.Is(err, stats.ErrTooLong):
		return p, fieldError("to", "stats.too_long", "统计区间最长五年，请缩短。")
	case errors.Is(err, stats.ErrNotDates):
		return p, fieldError("from", "stats.from", "请选择开始日期和结束日期。")
	}
	return p, fieldError("kind", "stats.kind", "请选择按月、季度、年或自定义区间统计。")
}

// open is the first line of the service's methods: the gate, then the
// period the query names.
func (s *Stats) open(method string, q StatsQuery) (*Actor, *store.Store, stats.Period, error) {
	act, st, err := s.gate(method, q)
	if err != nil {
		return nil, nil, stats.Period{}, err
	}
	p, err := statsPeriod(q)
	return act, st, p, err
}

func periodView(p stats.Period) PeriodView {
	return PeriodView{Kind: string(p.Kind), From: p.From.String(), To: p.To.String(), Label: p.Label()}
}

// statsScope is which cases a session's statistics count: a handler his
// department's (deptScope, docs/DOMAIN.md §2), everyone else the office's.
type statsScope struct {
	all  bool
	seen map[uint64]bool
}

func statsScopeOf(tx *store.Tx, act *Actor) statsScope {
	unit, scoped := deptScope(act)
	if !scoped {
		return statsScope{all: true}
	}
	sc := statsScope{seen: map[uint64]bool{}}
	if unit != 0 {
		for _, id := range tx.UnitCaseIDs(unit) {
			sc.seen[id] = true
		}
	}
	return sc
}

func (sc statsScope) sees(id uint64) bool { return sc.all || sc.seen[id] }

// tally is the counts of one period.
type tally struct {
	cases, visits, people      int
	group, repeat, skipLevel   int
	notice, handled, satisfied stats.Rate
	// with detail
	channel, typ, category map[string]int
	unit                   map[uint64]int
	caseOf                 []caseRef  // the period's cases, for the repeat petitioners
	visitsOf               []visitRef // the period's visits
}

// caseRef is a case's main petitioner; visitRef a visit's case and day.
type caseRef struct{ id, petitioner uint64 }
type visitRef struct {
	caseID uint64
	day    civil.Date
}

// count reads the statistics indexes of period p: the cases received in
// it (their tallies) and the visits made in it, as sc sees them; with
// detail, also by channel, type, category and department, and who came.
func count(tx *store.Tx, sc statsScope, j *stats.Judge, p stats.Period, detail bool) (*tally, error) {
	t := &tally{}
	if detail {
		t.channel, t.typ, t.category = map[string]int{}, map[string]int{}, map[string]int{}
		t.unit = map[uint64]int{}
	}
	// the period's cases, and those whose every visit is a 重复访
	// (repeatOf), for the visits' count
	var ids []uint64
	repeats := map[uint64]bool{}
	err := tx.EachCaseTally(p.From, p.To, func(c *store.CaseTally) error {
		if !sc.sees(c.ID) {
			return nil
		}
		ids = append(ids, c.ID)
		if repeatOf(false, c.Repeat, c.Linked, c.Prior) {
			repeats[c.ID] = true
		}
		t.cases++
		if c.Group {
			t.group++
		}
		if c.SkipLevel {
			t.skipLevel++
		}
		notice, handled, err := j.Case(c.Facts(), c.Disposal)
		if err != nil {
			return err
		}
		addKept(&t.notice, notice)
		addKept(&t.handled, handled)
		if counted, ok := stats.Rated(c.Satisfaction); counted {
			t.satisfied.Den++
			if ok {
				t.satisfied.Num++
			}
		}
		if detail {
			t.channel[c.Channel]++
			t.typ[c.Type]++
			t.category[c.Category]++
			t.unit[c.Unit]++
			t.caseOf = append(t.caseOf, caseRef{c.ID, c.Petitioner})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(ids)
	err = tx.EachVisitTally(p.From, p.To, func(v store.VisitTally) error {
		if !sc.sees(v.Case) {
			return nil
		}
		t.visits++
		t.people += v.Present
		repeat, err := repeatVisitOf(tx, &v, ids, repeats)
		if err != nil {
			return err
		}
		if repeat {
			t.repeat++
		}
		if detail {
			t.visitsOf = append(t.visitsOf, visitRef{v.Case, v.Day})
		}
		return nil
	})
	return t, err
}

// repeatVisitOf is repeatVisit of a visit read from the statistics
// index: its own mark, else its case's, from the period's cases (ids,
// repeats) or, for a case received before the period, its tally.
func repeatVisitOf(tx *store.Tx, v *store.VisitTally, ids []uint64, repeats map[uint64]bool) (bool, error) {
	if v.Repeat || repeats[v.Case] {
		return true, nil
	}
	if _, in := slices.BinarySearch(ids, v.Case); in {
		return false, nil
	}
	c, err := tx.CaseTally(v.Case)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	return repeatOf(false, c.Repeat, c.Linked, c.Prior), err
}

// trendOf counts the cases received and the visits made in each month of
// the trend, reading keys and the visits' people only.
func trendOf(tx *store.Tx, sc statsScope, months []stats.MonthSpan) ([]TrendPoint, error) {
	out := make([]TrendPoint, len(months))
	for i, m := range months {
		out[i].Month = fmt.Sprintf("%04d-%02d", m.Year, m.Month)
		if sc.all {
			out[i].Cases = tx.CaseDayCount(m.From, m.To)
		} else {
			tx.EachCaseDay(m.From, m.To, func(_ civil.Date, id uint64) {
				if sc.sees(id) {
					out[i].Cases++
				}
			})
		}
		err := tx.EachVisitTally(m.From, m.To, func(v store.VisitTally) error {
			if sc.sees(v.Case) {
				out[i].Visits++
				out[i].People += v.Present
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func addKept(r *stats.Rate, k stats.Kept) {
	switch k {
	case stats.InTime:
		r.Num++
		r.Den++
	case stats.Late:
		r.Den++
	}
}

func fp(v float64) *float64 { return &v }

// figures are the headline figures of cur against prev and last.
func figures(cur, prev, last *tally) []Figure {
	type get func(t *tally) (float64, bool, stats.Rate)
	cnt := func(f func(t *tally) int) get {
		return func(t *tally) (float64, bool, stats.Rate) { return float64(f(t)), true, stats.Rate{Num: f(t)} }
	}
	rate := func(f func(t *tally) stats.Rate) get {
		return func(t *tally) (float64, bool, stats.Rate) { v, ok := f(t).Percent(); return v, ok, f(t) }
	}
	list := []struct {
		key  string
		rate bool
		get  get
	}{
		{"cases", false, cnt(func(t *tally) int { return t.cases })},
		{"visits", false, cnt(func(t *tally) int { return t.visits })},
		{"people", false, cnt(func(t *tally) int { return t.people })},
		{"group", false, cnt(func(t *tally) int { return t.group })},
		{"repeat", false, cnt(func(t *tally) int { return t.repeat })},
		{"skipLevel", false, cnt(func(t *tally) int { return t.skipLevel })},
		{"notice", true, rate(func(t *tally) stats.Rate { return t.notice })},
		{"handled", true, rate(func(t *tally) stats.Rate { return t.handled })},
		{"satisfaction", true, rate(func(t *tally) stats.Rate { return t.satisfied })},
	}
	out := make([]Figure, 0, len(list))
	for _, l := range list {
		v, ok, r := l.get(cur)
		f := Figure{Key: l.key, Rate: l.rate, Num: r.Num, Den: r.Den}
		if ok {
			f.Value = fp(v)
		}
		for _, cmp := range []struct {
			t           *tally
			val, change **float64
		}{{prev, &f.Previous, &f.PreviousChange}, {last, &f.LastYear, &f.LastYearChange}} {
			b, bok, _ := l.get(cmp.t)
			if !bok {
				continue
			}
			*cmp.val = fp(b)
			switch {
			case !ok:
			case l.rate:
				// a rate moves in percentage points
				*cmp.change = fp(math.Round((v-b)*10) / 10)
			default:
				if c, cok := stats.Change(v, b); cok {
					*cmp.change = fp(c)
				}
			}
		}
		out = append(out, f)
	}
	return out
}

// slices sorts counts by cases, most first (then by key), labelled.
func statsSlices[K comparable](m map[K]int, key func(K) string, label func(K) string) []StatsSlice {
	out := make([]StatsSlice, 0, len(m))
	for k, n := range m {
		out = append(out, StatsSlice{Key: key(k), Label: label(k), Cases: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Cases != out[j].Cases {
			return out[i].Cases > out[j].Cases
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// Report is the statistics of the period q names, as this session sees
// them.
func (s *Stats) Report(q StatsQuery) (*StatsReport, error) {
	act, st, p, err := s.open("Stats.Report", q)
	if err != nil {
		return nil, err
	}
	var out *StatsReport
	err = st.View(func(tx *store.Tx) error {
		out, err = s.report(tx, act, p)
		return err
	})
	return out, err
}

func (s *Stats) report(tx *store.Tx, act *Actor, p stats.Period) (*StatsReport, error) {
	prevP, lastP := p.Previous(), p.LastYear()
	trend := p.Trend()
	from := min(p.From, lastP.From, prevP.From, trend[0].From)
	// the rules of time: the office's profile and calendar, today
	r := &stats.Judge{Today: civil.DateOf(tx.Now())}
	var err error
	if r.Profile, err = officeProfile(tx); err != nil {
		return nil, err
	}
	if r.Calendar, err = officeCalendar(tx, from, max(p.To, r.Today).AddDays(calendarSpan)); err != nil {
		return nil, err
	}
	set, err := tx.Settings()
	if err != nil {
		return nil, err
	}
	sc := statsScopeOf(tx, act)
	out := &StatsReport{Office: set.OrgName, Period: periodView(p), Previous: periodView(prevP),
		LastYear: periodView(lastP), Today: r.Today.String(), Figures: []Figure{}, Top: []TopPetitioner{}}
	cur, err := count(tx, sc, r, p, true)
	if err != nil {
		return nil, err
	}
	prev, err := count(tx, sc, r, prevP, false)
	if err != nil {
		return nil, err
	}
	last := prev
	if !lastP.Same(prevP) {
		if last, err = count(tx, sc, r, lastP, false); err != nil {
			return nil, err
		}
	}
	if out.Trend, err = trendOf(tx, sc, trend); err != nil {
		return nil, err
	}
	out.Figures = figures(cur, prev, last)
	if err := s.slicesOf(tx, cur, out); err != nil {
		return nil, err
	}
	if out.Top, err = s.topOf(tx, act, cur); err != nil {
		return nil, err
	}
	if !sc.all {
		unit, _ := deptScope(act)
		if u, err := tx.Unit(unit); err == nil {
			out.Unit = u.Name
		}
	}
	return out, nil
}

// topOf ranks the main petitioners of the period's visits' cases by their
// visits, then by their cases: those who came at least twice, the first
// topPetitioners of them. A visit's case received before the period gives
// its petitioner from its own tally.
func (s *Stats) topOf(tx *store.Tx, act *Actor, t *tally) ([]TopPetitioner, error) {
	byCase := t.caseOf
	slices.SortFunc(byCase, func(a, b caseRef) int { return cmp.Compare(a.id, b.id) })
	type came struct {
		person, caseID uint64
		day            civil.Date
	}
	all := make([]came, 0, len(t.visitsOf))
	for _, v := range t.visitsOf {
		i := sort.Search(len(byCase), func(i int) bool { return byCase[i].id >= v.caseID })
		var pid uint64
		if i < len(byCase) && byCase[i].id == v.caseID {
			pid = byCase[i].petitioner
		} else {
			ct, err := tx.CaseTally(v.caseID)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return nil, err
			}
			pid = ct.Petitioner
		}
		if pid != 0 {
			all = append(all, came{pid, v.caseID, v.day})
		}
	}
	slices.SortFunc(all, func(a, b came) int {
		return cmp.Or(cmp.Compare(a.person, b.person), cmp.Compare(a.caseID, b.caseID))
	})
	type rank struct {
		person        uint64
		visits, cases int
		last          civil.Date
	}
	var ranks []rank
	for i := 0; i < len(all); {
		j, rk := i, rank{person: all[i].person}
		for ; j < len(all) && all[j].person == rk.person; j++ {
			rk.visits++
			if j == i || all[j].caseID != all[j-1].caseID {
				rk.cases++
			}
			rk.last = max(rk.last, all[j].day)
		}
		if rk.visits >= 2 {
			ranks = append(ranks, rk)
		}
		i = j
	}
	sort.Slice(ranks, func(i, j int) bool {
		a, b := ranks[i], ranks[j]
		if a.visits != b.visits {
			return a.visits > b.visits
		}
		if a.cases != b.cases {
			return a.cases > b.cases
		}
		return a.person < b.person
	})
	out := []TopPetitioner{}
	for _, rk := range ranks {
		if len(out) == topPetitioners {
			break
		}
		name, masked, err := s.petitionerName(tx, act, rk.person)
		if err != nil {
			return nil, err
		}
		if name == "" {
			continue // anonymous: nobody to name
		}
		out = append(out, TopPetitioner{Rank: len(out) + 1, Name: name, Masked: masked,
			Visits: rk.visits, Cases: rk.cases, Last: rk.last.String()})
	}
	return out, nil
}

// petitionerName is the name the table shows for person id: Hidden when
// he is on a confidential case this session may not identify (a
// whistle-blower is never named without the grant and the reveal, by any
// route), "" for an anonymous one.
func (s *Stats) petitionerName(tx *store.Tx, act *Actor, id uint64) (string, bool, error) {
	rows, err := tx.PersonCaseRows(id, 0)
	if err != nil {
		return "", false, err
	}
	for i := range rows {
		if IsConfidentialRow(&rows[i]) && !s.mayIdentifyRow(act, &rows[i]) {
			return Hidden, true, nil
		}
	}
	p, err := tx.Person(id)
	if errors.Is(err, store.ErrNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	if p.Anonymous {
		return "", false, nil
	}
	return p.Name, false, nil
}

// slicesOf labels the counts by channel, type, category (its first level,
// by the office's list) and department.
func (s *Stats) slicesOf(tx *store.Tx, t *tally, out *StatsReport) error {
	cat, err := dictList(tx, dict.Category)
	if err != nil {
		return err
	}
	units, err := tx.Units()
	if err != nil {
		return err
	}
	names := unitNames(units)
	same := func(k string) string { return k }
	out.ByChannel = statsSlices(t.channel, same, same)
	out.ByType = statsSlices(t.typ, same, same)
	out.ByCategory = statsSlices(t.category, same, func(k string) string {
		if e, ok := cat.Lookup(k); ok {
			return e.Label
		}
		return k
	})
	out.ByUnit = statsSlices(t.unit, func(id uint64) string {
		if id == 0 {
			return ""
		}
		return strconv.FormatUint(id, 10)
	}, func(id uint64) string { return names[id] })
	return nil
}
