package gen

import (
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/domain/followup"
	"laifang/domain/idcard"
	"laifang/store"
)

func TestIDNumbersAreValid(t *testing.T) {
	g := New(7)
	for i := 0; i < 1000; i++ {
		p := g.Person()
		id := p.IDNumber
		if _, err := idcard.ParseResident(id, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatalf("person %d's ID number is refused by the rules: %v", i, err)
		}
		b, err := time.Parse("20060102", id[6:14])
		if err != nil || b.Year() < 1945 || b.Year() > 2004 {
			t.Fatalf("impossible birth date in person %d", i)
		}
		male := (id[16]-'0')%2 == 1
		if male != (p.Sex == "M") {
			t.Fatalf("sex digit disagrees with sex in person %d", i)
		}
		if len(p.Phones) != 1 || len(p.Phones[0]) != 11 || p.Phones[0][0] != '1' || p.Phones[0][1] < '3' {
			t.Fatalf("bad phone in person %d", i)
		}
		if utf8.RuneCountInString(p.Name) < 2 {
			t.Fatalf("short name in person %d", i)
		}
	}
}

func TestMatterLength(t *testing.T) {
	g := New(3)
	total := 0
	const n = 2000
	for i := 0; i < n; i++ {
		m := g.Matter(time.Date(2024, 6, 15, 10, 0, 0, 0, time.Local))
		total += utf8.RuneCountInString(m.Title + m.Demand + m.Facts)
		if !strings.HasPrefix(m.Demand, "请求") {
			t.Fatal("demand should start with 请求")
		}
	}
	avg := total / n
	t.Logf("average request text: %d characters", avg)
	if avg < 90 || avg > 130 {
		t.Fatalf("average request text %d characters, want about 110", avg)
	}
}

// A generated office follows the national time limits it stores: every
// running deadline is the handling clock of its profile on the office's
// calendar (a due date that falls on a weekend or holiday moves to the next
// working day), not a fixed number of days.
func TestOfficeDueDatesFollowTheProfile(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "gen.db"), store.Options{NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	end := time.Date(2026, 6, 30, 17, 0, 0, 0, time.Local)
	if _, err := Office(s, Options{Visits: 300, Seed: 5, End: end, Years: 1}); err != nil {
		t.Fatal(err)
	}
	err = s.View(func(tx *store.Tx) error {
		ps, err := tx.Profiles()
		if err != nil || len(ps) != 1 {
			t.Fatalf("profiles %v, %v", ps, err)
		}
		p := ps[0].Profile()
		if err := p.Validate(); err != nil || p.Limits[deadline.Handling] != deadline.National().Limits[deadline.Handling] {
			t.Fatalf("stored profile %+v: %v", p, err)
		}
		cs, err := tx.CasesDue(0, civil.D(2100, 1, 1), 0)
		if err != nil || len(cs) == 0 {
			t.Fatalf("no running deadlines (%v)", err)
		}
		rolled := 0
		starts := map[deadline.Clock]func(c *store.Case) (civil.Date, int){
			deadline.Notice:          func(c *store.Case) (civil.Date, int) { return c.Received.Date(), 0 },
			deadline.Handling:        func(c *store.Case) (civil.Date, int) { return c.Accepted, c.ExtDays },
			deadline.ReviewRequest:   func(c *store.Case) (civil.Date, int) { return c.Served, 0 },
			deadline.ReviewDecision:  func(c *store.Case) (civil.Date, int) { return c.ReviewAsked, 0 },
			deadline.RecheckRequest:  func(c *store.Case) (civil.Date, int) { return c.ReviewServed, 0 },
			deadline.RecheckDecision: func(c *store.Case) (civil.Date, int) { return c.RecheckAsked, 0 },
		}
		for _, c := range cs {
			if len(c.Clocks) == 0 {
				t.Fatalf("case %s (%s) is due %v without a clock", c.No, c.Status, c.Due)
			}
			earliest := c.Clocks[0].Legal
			for _, k := range c.Clocks {
				earliest = min(earliest, k.Legal)
				start := starts[deadline.Clock(k.Clock)]
				if start == nil {
					continue // a date another body set (the 交办单's)
				}
				from, ext := start(&c)
				want, err := p.Compute(deadline.Input{Clock: deadline.Clock(k.Clock), Start: from, Extension: ext}, calendar)
				if err != nil || k.Legal != want.Legal || k.Target != want.Target {
					t.Fatalf("case %s's %s clock from %v is due %v, want %v (%v)", c.No, k.Clock, from, k.Legal, want.Legal, err)
				}
				if k.Legal != k.Target {
					rolled++
				}
			}
			if c.Due != earliest {
				t.Fatalf("case %s is due %v, its earliest clock %v", c.No, c.Due, earliest)
			}
		}
		if rolled == 0 {
			t.Fatalf("none of %d deadlines fell on a rest day: the calendar is not consulted", len(cs))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// topicOf finds the topic a title belongs to.
func topicOf(title string) (Topic, bool) {
	for _, c := range Categories {
		for _, tp := range c.Topics {
			if tp.Title == title {
				return tp, true
			}
		}
	}
	return Topic{}, false
}

// factsMonth reads the "2024年3月" the facts begin with.
var factsMonth = regexp.MustCompile(`^(\d{4})年(\d{1,2})月，`)

// A petition's parts speak of one thing: every request in the demand and
// every fact is one of its title's topic (a 征收拆迁补偿 case asks for
// compensation, never for 公租房), and the facts happened in a month before
// the visit.
func TestMattersHangTogether(t *testing.T) {
	g := New(9)
	visit := time.Date(2026, 3, 4, 9, 30, 0, 0, time.Local)
	seen := map[string]bool{}
	types := map[string]int{}
	for i := 0; i < 5000; i++ {
		m := g.Matter(visit)
		tp, ok := topicOf(m.Title)
		if asks, found := strings.CutPrefix(m.Title, "咨询"); !ok && found && m.Type == "咨询" {
			// a consultation on a topic asks about that topic's policy
			if tp, ok = topicOf(asks); ok && m.Demand != "请求解答"+Consulted(tp)+"的有关政策" {
				t.Fatalf("%s asks %q", m.Title, m.Demand)
			}
		} else {
			for _, want := range strings.Split(strings.TrimPrefix(m.Demand, "请求"), "，并") {
				if ok && !slices.Contains(tp.Wants, want) {
					t.Fatalf("%s asks for %q, which is not of its topic (%q)", m.Title, want, m.Demand)
				}
			}
		}
		if !ok {
			t.Fatalf("title %q is no topic's", m.Title)
		}
		if m.Type == "检举控告" && !tp.Report {
			t.Fatalf("%s is an accusation (%s)", m.Title, m.Demand)
		}
		types[m.Type]++
		seen[tp.Title] = true
		for _, c := range Categories {
			for _, other := range c.Topics {
				if other.Title == tp.Title {
					continue
				}
				for _, f := range other.Facts {
					if strings.Contains(m.Facts, f) && !slices.Contains(tp.Facts, f) {
						t.Fatalf("%s tells %q, a fact of %s: %s", m.Title, f, other.Title, m.Facts)
					}
				}
			}
		}
		if m.Title == "征收拆迁补偿问题" && strings.Contains(m.Demand, "公租房") {
			t.Fatalf("a compensation case asks for public housing: %s", m.Demand)
		}
		d := factsMonth.FindStringSubmatch(m.Facts)
		if d == nil {
			t.Fatalf("facts without their month: %s", m.Facts)
		}
		y, _ := strconv.Atoi(d[1])
		mo, _ := strconv.Atoi(d[2])
		if y*12+mo >= visit.Year()*12+int(visit.Month()) || y < visit.Year()-4 {
			t.Fatalf("facts of %d年%d月 for a visit on %s", y, mo, visit.Format("2006-01-02"))
		}
	}
	if len(seen) < 40 {
		t.Fatalf("only %d topics drawn in 5000 petitions", len(seen))
	}
	// the shares a real office has, roughly (the report share decides how
	// many cases are confidential)
	for typ, share := range map[string]int{"申诉求决": 650, "检举控告": 120, "建议意见": 100, "咨询": 130} {
		if got := types[typ] * 1000 / 5000; got < share*2/3 || got > share*3/2 {
			t.Errorf("%s: %d‰ of the petitions, want about %d‰", typ, got, share)
		}
	}
}

// A generated office is marked as demo data in its file, and its visits
// come in order of time, the last one before the generator's end: made at
// 10:30, today's visits are all of this morning, in the order of their
// numbers; and no case's facts happened after its first visit.
func TestOfficeIsMarkedAndItsVisitsAreInTheirOrder(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "gen.db"), store.Options{NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.View(func(tx *store.Tx) error {
		if tx.Synthetic() {
			t.Error("a new file is marked as demo data")
		}
		return nil
	})
	end := time.Date(2026, 6, 30, 10, 30, 0, 0, time.Local)
	if _, err := Office(s, Options{Visits: 2000, Seed: 4, End: end, Years: 1}); err != nil {
		t.Fatal(err)
	}
	err = s.View(func(tx *store.Tx) error {
		if !tx.Synthetic() {
			t.Error("the generated office is not marked as demo data")
		}
		var last time.Time
		today := 0
		for d := civil.DateOf(end.AddDate(-1, 0, -1)); d <= civil.DateOf(end); d = d.AddDays(1) {
			vs, err := tx.VisitsOn(d)
			if err != nil {
				return err
			}
			for _, v := range vs {
				at := v.At.Time()
				if at.Before(last) {
					t.Fatalf("visit %d at %s comes after one at %s", v.ID, at, last)
				}
				if !at.Before(end) {
					t.Fatalf("visit %d at %s is after the end %s", v.ID, at, end)
				}
				if h := at.Hour(); h < 8 || h >= 17 {
					t.Fatalf("visit %d at %s is outside office hours", v.ID, at)
				}
				last = at
				if d == civil.DateOf(end) {
					today++
				}
				c, err := tx.Case(v.Case)
				if err != nil {
					return err
				}
				m := factsMonth.FindStringSubmatch(c.Facts)
				if m == nil {
					t.Fatalf("case %s's facts without their month: %s", c.No, c.Facts)
				}
				y, _ := strconv.Atoi(m[1])
				mo, _ := strconv.Atoi(m[2])
				if r := c.Received.Time(); y*12+mo >= r.Year()*12+int(r.Month()) {
					t.Fatalf("case %s received %s tells of %d年%d月", c.No, r.Format("2006-01-02"), y, mo)
				}
				if c.Accepted != 0 && c.Accepted > civil.DateOf(end) {
					t.Fatalf("case %s accepted on %v, after today", c.No, c.Accepted)
				}
				ts, err := tx.CaseTasks(c.ID)
				if err != nil {
					return err
				}
				for _, k := range ts {
					if k.Issued.Time().Before(c.Received.Time()) || k.Issued.Time().After(end) {
						t.Fatalf("case %s received %s was assigned at %s", c.No, c.Received.Time(), k.Issued.Time())
					}
				}
			}
		}
		if today == 0 {
			t.Fatal("no visits this morning")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The same seed and end make the same office: the demo a trainer shows is
// the one the manual describes, and benchmarks compare like with like.
func TestOfficeIsTheSameForTheSameSeed(t *testing.T) {
	end := time.Date(2026, 6, 30, 11, 0, 0, 0, time.Local)
	texts := func() []string {
		s, err := store.Open(filepath.Join(t.TempDir(), "gen.db"), store.Options{NoSync: true, NoDailyBackup: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := Office(s, Options{Visits: 300, Seed: 8, End: end, Years: 1}); err != nil {
			t.Fatal(err)
		}
		var out []string
		s.View(func(tx *store.Tx) error {
			for d := civil.DateOf(end.AddDate(-1, 0, -1)); d <= civil.DateOf(end); d = d.AddDays(1) {
				vs, _ := tx.VisitsOn(d)
				for _, v := range vs {
					c, err := tx.Case(v.Case)
					if err != nil {
						return err
					}
					out = append(out, v.At.Time().String()+c.No+c.Title+c.Demand+c.Facts+c.Type+c.Status)
				}
			}
			return nil
		})
		return out
	}
	a, b := texts(), texts()
	if len(a) != 300 || !slices.Equal(a, b) {
		t.Fatalf("two offices of one seed differ (%d and %d visits)", len(a), len(b))
	}
}

// A reply states the case's outcome: never 不属实 on a supported case, nor
// 已解决 on one not supported; and a case goes to the department of its
// category.
func TestRepliesAndUnitsAgreeWithTheCase(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "gen.db"), store.Options{NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	end := time.Date(2026, 6, 30, 17, 0, 0, 0, time.Local)
	if _, err := Office(s, Options{Visits: 1500, Seed: 6, End: end, Years: 2}); err != nil {
		t.Fatal(err)
	}
	of := map[string]string{} // a general reply → the outcome it states
	for o, rs := range replies {
		for _, r := range rs {
			of[r] = o
		}
	}
	seen := map[string]int{}
	s.View(func(tx *store.Tx) error {
		units, _ := tx.Units()
		unitName := map[uint64]string{}
		for _, u := range units {
			unitName[u.ID] = u.Name
		}
		for id := uint64(1); ; id++ {
			c, err := tx.Case(id)
			if err != nil {
				return nil
			}
			if c.Unit != 0 && unitName[c.Unit] != unitOf[c.Category] {
				t.Errorf("case %s of category %s goes to %s", c.No, c.Category, unitName[c.Unit])
			}
			if c.Reply == "" {
				continue
			}
			seen[c.Outcome]++
			o, general := of[c.Reply]
			if general && o != c.Outcome || !general && c.Outcome != "予以支持" {
				t.Errorf("case %s: outcome %s, reply %q", c.No, c.Outcome, c.Reply)
			}
		}
	})
	for _, o := range Outcomes {
		if seen[o] == 0 {
			t.Errorf("no case with outcome %s among %v", o, seen)
		}
	}
}

// A generated office demonstrates departments: each has a contact and a
// phone, and each demo handler belongs to one that has some of the cases,
// not all of them.
func TestDemoHandlersHaveADepartmentWithItsCases(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "gen.db"), store.Options{NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	end := time.Date(2026, 6, 30, 17, 0, 0, 0, time.Local)
	if _, err := Office(s, Options{Visits: 800, Seed: 3, End: end, Years: 1}); err != nil {
		t.Fatal(err)
	}
	s.View(func(tx *store.Tx) error {
		units, _ := tx.Units()
		for _, u := range units {
			if u.Contact == "" || u.Phone == "" || !u.Active {
				t.Errorf("department %+v", u)
			}
		}
		cases := 0
		for id := uint64(1); ; id++ {
			if _, err := tx.Case(id); err != nil {
				break
			}
			cases++
		}
		users, _ := tx.Users()
		handlers := 0
		for _, u := range users {
			if u.Role != "handler" {
				continue
			}
			handlers++
			n := len(tx.UnitCaseIDs(u.Unit))
			if u.Unit == 0 || n == 0 || n >= cases {
				t.Errorf("handler %s of department %d sees %d of %d cases", u.Login, u.Unit, n, cases)
			}
		}
		if handlers < 2 {
			t.Errorf("%d demo handlers", handlers)
		}
		return nil
	})
}

// A generated office has follow-up in it: the work queue's kinds, clocks
// of every colour on its today, satisfaction in its shares, tasks through
// their life cycle with 催办 and 督办 entries, 复查, closed and archived
// cases; each case owes what domain/followup says of its facts.
func TestOfficeHasFollowUp(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "gen.db"), store.Options{NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	end := time.Date(2026, 6, 30, 17, 0, 0, 0, time.Local)
	if _, err := Office(s, Options{Visits: 4000, Seed: 7, End: end, Years: 2}); err != nil {
		t.Fatal(err)
	}
	today := civil.DateOf(end)
	kinds, states, sat := map[string]int{}, map[string]int{}, map[string]int{}
	var red, yellow, green, entries, feedback, lateOpen int
	err = s.View(func(tx *store.Tx) error {
		for id := uint64(1); ; id++ {
			c, err := tx.Case(id)
			if err != nil {
				break
			}
			if want := followup.Todo(c.FollowFacts()); !slices.Equal(c.Todo, want) {
				t.Fatalf("case %s (%s) owes %v, its facts say %v", c.No, c.Status, c.Todo, want)
			}
			for _, k := range c.Todo {
				kinds[k]++
			}
			states[c.Status]++
			if c.Satisfaction != "" {
				sat[c.Satisfaction]++
			}
			for _, k := range c.Clocks {
				switch {
				case k.Legal < today:
					red++
				case k.Legal <= today+7:
					yellow++
				default:
					green++
				}
			}
			ts, err := tx.CaseTasks(c.ID)
			if err != nil {
				return err
			}
			for _, k := range ts {
				switch {
				case k.Parent != 0:
					entries++
				case k.Status == store.TaskClosed && k.Feedback != 0:
					feedback++
				case k.Status != store.TaskClosed && k.Due < today:
					lateOpen++
				}
				if open := k.Status != store.TaskClosed; k.Parent == 0 && open != handling(c.Status) {
					t.Errorf("case %s (%s) has a task %s", c.No, c.Status, k.Status)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{followup.TodoNotice, followup.TodoReply, followup.TodoServe, followup.TodoSatisfaction,
		followup.TodoImplement, followup.TodoReviewWindow, followup.TodoInReview} {
		if kinds[k] == 0 {
			t.Errorf("no case owes %s: %v", k, kinds)
		}
	}
	for _, st := range []casestate.State{casestate.Registered, casestate.Accepted, casestate.InProgress, casestate.Extended,
		casestate.Assigned, casestate.Replied, casestate.Closed, casestate.Archived, casestate.AnsweredSpot} {
		if states[string(st)] == 0 {
			t.Errorf("no case %s: %v", st, states)
		}
	}
	if red == 0 || yellow == 0 || green == 0 {
		t.Errorf("clocks red %d, yellow %d, green %d: want every colour", red, yellow, green)
	}
	total := 0
	for _, n := range sat {
		total += n
	}
	for _, sh := range Satisfactions {
		if got := 100 * sat[sh.Code] / max(total, 1); got < sh.Share-5 || got > sh.Share+5 {
			t.Errorf("%s: %d%% of %d, want about %d%%", sh.Code, got, total, sh.Share)
		}
	}
	if entries == 0 || feedback == 0 || lateOpen == 0 {
		t.Errorf("tasks: %d 催办/督办 entries, %d with feedback, %d open past their date", entries, feedback, lateOpen)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
}
