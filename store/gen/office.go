package gen

import (
	"fmt"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/confidential"
	"laifang/domain/deadline"
	"laifang/store"
)

// Options shape a synthetic office.
type Options struct {
	Visits int       // how many visits to make
	Seed   uint64    // same seed, same office
	Years  int       // spread over this many years before End (default 10)
	End    time.Time // the last day (default: the store's today)
	Batch  int       // visits per transaction (default 2000)
	// Progress is told the number of visits committed so far, after each
	// transaction is on disk.
	Progress func(committed int)
	// Password is the one demo password of the staff accounts a new office
	// gets, and HashPassword turns it into what store.User.PassHash holds
	// (app's argon2id: the store does not know how passwords are hashed).
	// With either missing the accounts have no password and nobody can log
	// in (benchmarks and store tests need no logins).
	Password     string
	HashPassword func(password string) string
}

// Summary counts what Office made.
type Summary struct {
	Visits, Cases, People, Tasks, Letters int
	// Staff are the accounts made for a new office (none when the office
	// was there already).
	Staff []store.User
}

// Staff are the demo office's accounts, one per role of app.Roles; the
// head holds the right to see whistle-blowers' identity. IDs follow this
// order (1 admin, 2 and 3 the clerks who register the visits…).
var Staff = []store.User{
	{Name: "管理员", Login: "admin", Role: "admin", Active: true},
	{Name: "登记员甲", Login: "clerk1", Role: "clerk", Active: true},
	{Name: "登记员乙", Login: "clerk2", Role: "clerk", Active: true},
	{Name: "负责人", Login: "head", Role: "head", Active: true, Confidential: true},
	{Name: "承办人", Login: "handler", Role: "handler", Active: true},
	{Name: "查阅员", Login: "reader", Role: "reader", Active: true},
	{Name: "承办人乙", Login: "handler2", Role: "handler", Active: true},
}

// staffUnit is the department of each demo handler (a handler sees its
// cases alone): the busiest kinds of matter, wages and building.
var staffUnit = map[string]string{"handler": "劳动保障所", "handler2": "规划建设办"}

// unitKind is the kind of each department that is not one of the office's
// own (本单位内设).
var unitKind = map[string]string{"派出所": "legal", "司法所": "legal", "纪检监察室": "discipline"}

var unitNames = []string{"办公室", "党政综合办", "经济发展办", "社会事务办", "自然资源所", "农业农村办",
	"综合执法队", "派出所", "司法所", "财政所", "劳动保障所", "卫生院", "中心学校", "规划建设办",
	"纪检监察室"}

// unitOf is the department a case of each content category goes to: a
// teacher's pay goes to the school, not to planning and building.
var unitOf = map[string]string{"01": "党政综合办", "02": "经济发展办", "03": "办公室", "04": "纪检监察室",
	"05": "党政综合办", "06": "司法所", "07": "劳动保障所", "08": "卫生院", "09": "中心学校", "10": "社会事务办",
	"11": "规划建设办", "12": "自然资源所", "13": "农业农村办", "14": "社会事务办", "15": "综合执法队",
	"16": "经济发展办", "17": "经济发展办", "18": "办公室"}

// recent remembers petitioners and their latest case for repeat visits.
type recentEntry struct{ person, caseID uint64 }

// Office writes a synthetic office into s: departments, users and settings
// (when the file has none), then opts.Visits visits in time order, about a
// fifth of them by people who came before. It can continue an office made
// earlier: it counts the visits already there.
func Office(s *store.Store, opts Options) (Summary, error) {
	var sum Summary
	if opts.Years <= 0 {
		opts.Years = 10
	}
	if opts.Batch <= 0 {
		opts.Batch = 2000
	}
	g := New(opts.Seed)
	// The demo password is hashed while the visits are written (argon2id
	// takes tens of milliseconds, as much as a few hundred visits), once
	// for all accounts, which share it anyway; the accounts get it at the
	// end.
	var hashed chan string
	if opts.Password != "" && opts.HashPassword != nil {
		hashed = make(chan string, 1)
		go func() { hashed <- opts.HashPassword(opts.Password) }()
	}
	var units []store.Unit
	var done int
	var recent []recentEntry
	err := s.Update(func(tx *store.Tx) error {
		if opts.End.IsZero() {
			opts.End = tx.Now()
		}
		// The window shows a made-up office as demo data, whoever made it
		// and whatever was in the file before.
		if err := tx.MarkSynthetic(); err != nil {
			return err
		}
		var err error
		if units, err = tx.Units(); err != nil {
			return err
		}
		if len(units) == 0 {
			if units, sum.Staff, err = seed(tx, opts); err != nil {
				return err
			}
		}
		done = countVisits(tx)
		return nil
	})
	if err != nil {
		return sum, err
	}
	clock := officeClock(opts.End, opts.Years)
	end := clock.end
	total := done + opts.Visits
	for done < total {
		n := min(opts.Batch, total-done)
		var bs Summary
		err := s.Update(func(tx *store.Tx) error {
			bs = Summary{}
			for i := 0; i < n; i++ {
				at := clock.at(float64(done+i) / float64(total))
				if err := oneVisit(tx, g, at, end, units, &recent, &bs); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return sum, err
		}
		if err := s.Sync(); err != nil {
			return sum, err
		}
		done += n
		sum.Visits += bs.Visits
		sum.Cases += bs.Cases
		sum.People += bs.People
		sum.Tasks += bs.Tasks
		sum.Letters += bs.Letters
		if opts.Progress != nil {
			opts.Progress(done)
		}
	}
	if hashed != nil {
		hash := <-hashed
		if len(sum.Staff) > 0 {
			err := s.Update(func(tx *store.Tx) error {
				for i := range sum.Staff {
					u := &sum.Staff[i]
					u.PassHash = hash
					if err := tx.UpdateUser(u); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return sum, err
			}
		}
	}
	return sum, nil
}

func countVisits(tx *store.Tx) int {
	n, _ := tx.VisitCount()
	return n
}

// The office is open from 8:00 to 17:00: visits happen then.
const (
	opens   = 8 * time.Hour
	openFor = 9 * time.Hour
)

// visitClock lays the visits on the office's opening hours, day after day,
// up to end: the visits' times follow their order, and none is after end
// (today's visits of a demo made in the morning are all before now).
type visitClock struct {
	first time.Time     // the first day's opening
	open  time.Duration // opening hours from first to end
	end   time.Time     // the last moment a visit may have
}

// officeClock is the clock of the years before end; end is the last
// moment, cut to the last opening hours at or before it.
func officeClock(end time.Time, years int) visitClock {
	day := time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, end.Location())
	into := end.Sub(day) - opens
	switch {
	case into > openFor:
		into = openFor
	case into < 0: // before opening: the day before, at closing
		day, into = day.AddDate(0, 0, -1), openFor
	}
	first := day.AddDate(-years, 0, 0).Add(opens)
	days := int(day.Sub(first.Add(-opens)).Hours()/24 + 0.5)
	return visitClock{first: first, open: time.Duration(days)*openFor + into, end: day.Add(opens + into)}
}

// at is the moment at fraction f (0 ≤ f < 1) of the opening hours.
func (c visitClock) at(f float64) time.Time {
	off := time.Duration(float64(c.open) * f)
	return c.first.AddDate(0, 0, int(off/openFor)).Add(off % openFor)
}

func seed(tx *store.Tx, opts Options) ([]store.Unit, []store.User, error) {
	// The calendar the due dates below are counted on, as a new office has it.
	if err := tx.SeedCalendar(deadline.Seed2026()); err != nil {
		return nil, nil, err
	}
	var units []store.Unit
	byName := map[string]uint64{}
	// Contacts and phones from a draw of their own, so that the visits
	// drawn after are the same as before departments had them.
	g := New(opts.Seed + 1)
	for _, n := range unitNames {
		kind := unitKind[n]
		if kind == "" {
			kind = "internal"
		}
		u := store.Unit{Name: n, Kind: kind, Active: true, Assignable: true, Contact: g.Name(g.r.IntN(2) == 0),
			Phone: fmt.Sprintf("0571-8%07d", g.r.IntN(10000000))}
		if err := tx.UpdateUnit(&u); err != nil {
			return nil, nil, err
		}
		units = append(units, u)
		byName[n] = u.ID
	}
	var staff []store.User
	for i, u := range Staff {
		if i == 0 && tx.HasUsers() {
			break // the office was set up by hand: its accounts stay as they are
		}
		u.Unit = byName[staffUnit[u.Login]]
		if err := tx.UpdateUser(&u); err != nil {
			return nil, nil, err
		}
		staff = append(staff, u)
	}
	st, err := tx.Settings()
	if err != nil {
		return nil, nil, err
	}
	if st.OrgName == "" {
		st.OrgName = "示范镇人民政府"
		st.OrgCode = "示镇"
		st.DocNoPatterns = map[string]string{
			"accept":  "{code}信受〔{year}〕{n}号",
			"opinion": "{code}信复〔{year}〕{n}号",
			"assign":  "{code}信交〔{year}〕{n}号",
		}
		st.LetterPhone = "0571-88886666"
		if err := tx.SaveSettings(st); err != nil {
			return nil, nil, err
		}
	}
	for i, c := range Categories {
		if err := tx.SetDict(&store.DictEntry{List: "category", Code: c.Code, Label: c.Label, Sort: i, Active: true}); err != nil {
			return nil, nil, err
		}
	}
	p := store.ProfileRecord(deadline.National())
	return units, staff, tx.SaveProfile(&p)
}

func oneVisit(tx *store.Tx, g *Synth, at, end time.Time, units []store.Unit, recent *[]recentEntry, sum *Summary) error {
	sum.Visits++
	clerk := uint64(2 + g.r.IntN(2))
	// About a fifth of visits are by someone who came before.
	if len(*recent) > 0 && g.r.IntN(100) < 20 {
		// mostly someone from the last weeks, sometimes from long ago
		var e recentEntry
		if g.r.IntN(10) < 8 {
			e = (*recent)[len(*recent)-1-g.r.IntN(min(len(*recent), 300))]
		} else {
			e = (*recent)[g.r.IntN(len(*recent))]
		}
		if g.r.IntN(10) < 6 {
			v := store.Visit{At: store.StampOf(at), Channel: "走访", People: []uint64{e.person}, Present: 1, IDChecked: true}
			rec := &store.Record{Statement: "再次来访，" + g.Statement()}
			_, err := tx.AddVisit(e.caseID, &v, rec, clerk)
			return err
		}
		return newCase(tx, g, at, end, units, []store.IntakePerson{{Person: store.Person{ID: e.person}, Role: "主信访人", Contact: true}}, recent, sum, clerk)
	}
	people := []store.IntakePerson{{Person: g.Person(), Role: "主信访人", Contact: true}}
	if g.r.IntN(100) < 4 { // a group visit with representatives
		for i := 0; i < 1+g.r.IntN(4); i++ {
			people = append(people, store.IntakePerson{Person: g.Person(), Role: "代表"})
		}
	}
	sum.People += len(people)
	return newCase(tx, g, at, end, units, people, recent, sum, clerk)
}

// The office's clocks: the national profile on a calendar of weekends and
// the 2026 holidays, as a fresh install has them.
var (
	national = deadline.National()
	calendar = deadline.NewCalendar(deadline.Seed2026()...)
)

func newCase(tx *store.Tx, g *Synth, at, end time.Time, units []store.Unit, people []store.IntakePerson, recent *[]recentEntry, sum *Summary, clerk uint64) error {
	m := g.Matter(at)
	c := store.Case{
		Channel:    "走访",
		Received:   store.StampOf(at),
		Registered: store.StampOf(at),
		Title:      m.Title,
		Demand:     m.Demand,
		Facts:      m.Facts,
		Type:       m.Type,
		Category:   m.Category.Code,
		Present:    len(people),
		Group:      len(people) >= 5,
		Status:     string(casestate.Registered),
	}
	if m.Type == confidential.TypeReport {
		c.RealName = g.r.IntN(2) == 0
	}
	// Decided as the app decides it when it writes a case.
	c.Confidential = confidential.Case(m.Type, false, false)
	if len(people) > 1 {
		c.Involved = len(people) * (2 + g.r.IntN(10))
	}
	received := civil.DateOf(at)
	// Decide what became of it, by its age (followUp), before it is written: one write
	// of the case.
	x := g.r.IntN(100)
	unit := units[g.r.IntN(len(units))]
	for _, u := range units {
		if u.Name == unitOf[m.Category.Code] {
			unit = u
		}
	}
	accepted := false
	today := civil.DateOf(end)
	fresh := today-received < 3 // registered in the last days: the notice may not be out yet
	switch {
	case m.Type == "咨询" || x < 12:
		c.Status, c.Disposal, c.Closed = string(casestate.AnsweredSpot), "当场答复", received
		if !fresh || g.r.IntN(2) == 0 {
			c.Satisfaction, c.SatisfiedOn, c.SatisfiedBy = g.satisfaction(), received, clerk
		}
	case fresh && x < 40:
		// not yet disposed of: the acceptance notice's clock runs
	case x < 17:
		c.Status, c.Disposal, c.Closed = string(casestate.Redirected), "告知向有权机关提出", received
	case x < 21:
		c.Status, c.Disposal, c.Litigation = string(casestate.RoutedLegal), "导入法定程序", true
	case x < 24:
		c.Status, c.Disposal = string(casestate.NotAccepted), "不予受理"
	default:
		accepted = true
		c.Disposal = "受理"
		// accepted within ten days, but not after the office's today
		c.Accepted = received.AddDays(g.r.IntN(10))
		if c.Accepted > today {
			c.Accepted = today
		}
		c.Unit = unit.ID
	}
	if !accepted && c.Status != string(casestate.AnsweredSpot) && c.Status != string(casestate.Registered) {
		c.NoticeServed = served(received.AddDays(1+g.r.IntN(8)), today)
	}
	var assigned civil.Date
	if accepted {
		assigned = followUp(g, &c, m, today)
		lapse(&c, today)
		if c.Status == string(casestate.Closed) || c.Status == string(casestate.Archived) || c.Status == string(casestate.Terminated) {
			if c.Closed > today {
				c.Closed = today
			}
		}
	}
	// A real-name reporter is told the result within days of the closing
	// (纪检反馈, K2); a few of the recent ones are still owed. Taken from
	// the closing day, not the random stream, so the rest of the office
	// stays as it was generated before.
	if c.Type == confidential.TypeReport && c.RealName && c.Closed != 0 &&
		(today-c.Closed > 60 || int(c.Closed)%10 < 7) {
		c.ResultTold = min(c.Closed.AddDays(2+int(c.Closed)%12), today)
	}
	if err := setClocks(&c, assigned); err != nil {
		return err
	}
	if c.Status == string(casestate.Archived) {
		// numbered as the archive step numbers them (store/archive.go)
		no, n := tx.NextArchiveNo(c.Closed.Year())
		if err := tx.TakeArchiveNo(c.Closed.Year(), n); err != nil {
			return err
		}
		c.ArchiveNo = no
	}
	in := store.Intake{Case: c, People: people, By: clerk, At: at,
		Audit:  &store.AuditEntry{User: clerk, Action: "intake", Workstation: "合成数据"},
		Visit:  store.Visit{Channel: "走访", Present: len(people), IDChecked: true},
		Record: &store.Record{Statement: g.Statement(), Procedure: true}}
	r, err := tx.SaveIntake(&in)
	if err != nil {
		return err
	}
	sum.Cases++
	*recent = append(*recent, recentEntry{person: r.PersonIDs[0], caseID: r.CaseID})
	if len(*recent) > 20000 {
		*recent = append((*recent)[:0], (*recent)[10000:]...)
	}
	if !accepted {
		return nil
	}
	if g.r.IntN(100) < 40 {
		l := store.Letter{Case: r.CaseID, Type: "accept", Issued: c.Accepted, Year: c.Accepted.Year()}
		if err := tx.IssueLetter(&l); err != nil {
			return err
		}
		sum.Letters++
	}
	// A third of the accepted cases go to their department with a 交办单,
	// every one still assigned does.
	if assigned != 0 || g.r.IntN(100) < 30 {
		// assigned on the day it was accepted, in office hours: never
		// before the visit, nor after the end
		y, mo, d := c.Accepted.Time().Date()
		issued := time.Date(y, mo, d, 9, 0, 0, 0, at.Location())
		if issued.Before(at) {
			issued = at.Add(time.Minute)
		}
		if issued.After(end) {
			issued = end
		}
		due := assigned
		if due == 0 {
			due = c.Accepted.AddDays(30)
		}
		if err := assignTask(tx, g, &c, r.CaseID, clerk, issued, end, due, sum); err != nil {
			return err
		}
	}
	return nil
}

// String is a one-line summary.
func (s Summary) String() string {
	return fmt.Sprintf("%d 次来访，%d 件信访事项，%d 名信访人，%d 项任务，%d 份文书", s.Visits, s.Cases, s.People, s.Tasks, s.Letters)
}
