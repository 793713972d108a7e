package app

// The screens' service calls on a generated office of LAIFANG_BENCH_VISITS
// visits (default 100000), the file store's benchmarks make and keep in
// LAIFANG_BENCH_DIR (default: a folder in the temp dir) as
// laifang-<visits>.db; these make it too when it is missing. The file is
// opened read-only: the calls timed only read. Not run by CI:
//
//	LAIFANG_BENCH_DIR=/tmp/lfbench LAIFANG_BENCH_VISITS=1000000 \
//	  go test -run '^$' -bench 'RepeatPanel|Screens|HomeQueue|LapsedSweep' -benchtime 2000x ./app/

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"laifang/domain/civil"
	"laifang/store"
	"laifang/store/gen"
	"laifang/store/storetest"
)

var benchEnd = gen.BenchEnd

func benchData(b *testing.B) string {
	b.Helper()
	path, _, err := gen.BenchFile()
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// benchApp opens the services on the generated file, read-only, with a
// clerk's session (the generator's clerk1).
func benchApp(b *testing.B) (*App, *Repeat) {
	a, bound := benchAs(b, "clerk1")
	return a, bound.Repeat
}

// benchAs opens the services on the generated file, read-only, acting for
// the generator's user login.
func benchAs(b *testing.B, login string) (*App, Bound) {
	path := benchData(b)
	a := New(Options{Version: "bench", DataDir: filepath.Dir(path), Now: func() time.Time { return benchEnd }})
	a.st, a.openErr = store.Open(path, store.Options{ReadOnly: true, NoDailyBackup: true,
		Now: func() time.Time { return benchEnd }})
	if a.openErr != nil {
		b.Fatal(a.openErr)
	}
	b.Cleanup(func() { a.Close() })
	var u *store.User
	if err := a.st.View(func(tx *store.Tx) error {
		var err error
		u, err = tx.UserByLogin(login)
		return err
	}); err != nil {
		b.Fatal(err)
	}
	s := NewSession("bench", false)
	s.signIn(actorOf(u), benchEnd)
	return a, a.bind(s)
}

// BenchmarkScreens times the call each screen opens or refreshes with:
// the case view (Cases.Get), the case list searched by a clerk (Cases.List,
// confidential cases left out), today's visits, the intake form's check
// (Visits.Check with its required list), the printed form, and the audit
// screen's head (Audit.Head, as the administrator).
func BenchmarkScreens(b *testing.B) {
	a, clerk := benchAs(b, "clerk1")
	counts, err := a.st.Counts(civil.DateOf(benchEnd))
	if err != nil {
		b.Fatal(err)
	}
	cases := counts.Total
	if cases == 0 {
		b.Fatal("the generated file has no case")
	}
	caseID := func(i int) uint64 { return uint64(1 + (i*7919)%cases) }
	var people []store.Person
	a.st.View(func(tx *store.Tx) error { people = gen.BenchPeople(tx, 200); return nil })
	words := []string{"工资", "征地补偿", "拖欠工资", "宅基地 纠纷", "物业"}
	_, admin := benchAs(b, "admin")
	b.Run("Cases.Get", func(b *testing.B) {
		storetest.Timed(b, func(i int) error { _, err := clerk.Cases.Get(caseID(i)); return err })
	})
	b.Run("Cases.List-text", func(b *testing.B) {
		storetest.Timed(b, func(i int) error {
			_, err := clerk.Cases.List(CaseListQuery{Text: words[i%len(words)], Limit: 20})
			return err
		})
	})
	// The search box's other paths (casesearch.go): a case number, the
	// serial alone, a name, an ID number, a phone.
	var nos []string
	a.st.View(func(tx *store.Tx) error {
		for i := 0; i < 200; i++ {
			if c, err := tx.CaseRow(caseID(i)); err == nil {
				nos = append(nos, c.No)
			}
		}
		return nil
	})
	if len(nos) == 0 || len(people) == 0 {
		b.Fatal("no case numbers or people to search by")
	}
	for _, by := range []struct {
		name string
		text func(i int) string
	}{
		{"number", func(i int) string { return nos[i%len(nos)] }},
		{"serial", func(i int) string { no := nos[i%len(nos)]; return no[strings.LastIndex(no, "-")+1:] }},
		{"name", func(i int) string { return people[i%len(people)].Name }},
		{"idnumber", func(i int) string { return people[i%len(people)].IDNumber }},
		{"phone", func(i int) string {
			if ph := people[i%len(people)].Phones; len(ph) > 0 {
				return ph[0]
			}
			return people[i%len(people)].Name
		}},
	} {
		if l, err := clerk.Cases.List(CaseListQuery{Text: by.text(0), Limit: 20}); err != nil || len(l.Rows) == 0 ||
			len(l.Rows[0].Match) == 0 {
			b.Fatalf("Cases.List by %s %q: %+v %v", by.name, by.text(0), l, err)
		}
		b.Run("Cases.List-"+by.name, func(b *testing.B) {
			storetest.Timed(b, func(i int) error {
				_, err := clerk.Cases.List(CaseListQuery{Text: by.text(i), Limit: 20})
				return err
			})
		})
	}
	b.Run("Visits.Today", func(b *testing.B) {
		storetest.Timed(b, func(int) error { _, err := clerk.Visits.Today(); return err })
	})
	b.Run("Visits.Check", func(b *testing.B) {
		storetest.Timed(b, func(i int) error {
			p := people[i%len(people)]
			in := RegisterInput{Channel: ChannelVisit, Type: TypeReport, RealName: true, Title: "反映拖欠工资",
				Demand: "请求支付工资", Present: 1,
				People: []PersonInput{{Role: "主信访人", Name: p.Name, IDType: "居民身份证", IDNumber: p.IDNumber}}}
			_, err := clerk.Visits.Check(in)
			return err
		})
	})
	b.Run("Visits.Form", func(b *testing.B) {
		storetest.Timed(b, func(i int) error { _, err := clerk.Visits.Form(caseID(i), 0); return err })
	})
	b.Run("Audit.Head", func(b *testing.B) {
		storetest.Timed(b, func(int) error { _, err := admin.Audit.Head(); return err })
	})
}

// BenchmarkRepeatPanel times one call of the panel as the intake form makes
// it: an ID number, a phone or a name prefix, with the request text.
func BenchmarkRepeatPanel(b *testing.B) {
	a, rep := benchApp(b)
	type probe struct {
		p    store.Person
		text string
	}
	var probes []probe
	a.st.View(func(tx *store.Tx) error {
		for _, p := range gen.BenchPeople(tx, 500) {
			cs, _ := tx.PersonCases(p.ID, 1)
			text := ""
			if len(cs) > 0 {
				text = cs[0].Title + cs[0].Demand + cs[0].Facts
			}
			probes = append(probes, probe{p, text})
		}
		return nil
	})
	if len(probes) == 0 {
		b.Fatal("the generated file has nobody in it")
	}
	g := gen.New(7)
	fresh := make([]string, 64)
	for i := range fresh {
		m := g.Matter(gen.BenchEnd)
		fresh[i] = m.Title + m.Demand + m.Facts
	}
	kinds := []struct {
		name string
		q    func(i int) RepeatQuery
	}{
		{"idnumber+text", func(i int) RepeatQuery {
			pr := probes[i%len(probes)]
			return RepeatQuery{IDNumber: pr.p.IDNumber, Name: pr.p.Name, Text: pr.text}
		}},
		{"phone+text", func(i int) RepeatQuery {
			pr := probes[i%len(probes)]
			return RepeatQuery{Phone: pr.p.Phones[0], Text: pr.text}
		}},
		{"name-prefix+newtext", func(i int) RepeatQuery {
			pr := probes[i%len(probes)]
			return RepeatQuery{Name: string([]rune(pr.p.Name)[:2]), Text: fresh[i%len(fresh)]}
		}},
		{"text-only", func(i int) RepeatQuery { return RepeatQuery{Text: fresh[i%len(fresh)]} }},
	}
	for _, k := range kinds {
		b.Run(k.name, func(b *testing.B) {
			storetest.Timed(b, func(i int) error {
				p, err := rep.Panel(k.q(i))
				if err == nil && len(p.Cases) == 0 {
					b.Fatalf("%s: nothing found", k.name)
				}
				return err
			})
		})
	}
}

// BenchmarkCaseSteps times the case view's actions panel (Cases.Steps) as
// the head, on cases of every state: the case, and for the steps offered
// the profile, the settings, the rating list, the next archive number or a
// window's deadline.
func BenchmarkCaseSteps(b *testing.B) {
	a, head := benchAs(b, "head")
	counts, err := a.st.Counts(civil.DateOf(benchEnd))
	if err != nil {
		b.Fatal(err)
	}
	cases := counts.Total
	if cases == 0 {
		b.Fatal("the generated file has no case")
	}
	offered := 0
	for i := range 200 {
		s, err := head.Cases.Steps(uint64(1 + (i*7919)%cases))
		if err != nil {
			b.Fatal(err)
		}
		offered += len(s.Steps)
	}
	if offered == 0 {
		b.Fatal("no step offered on 200 cases: the benchmark times nothing")
	}
	storetest.Timed(b, func(i int) error { _, err := head.Cases.Steps(uint64(1 + (i*7919)%cases)); return err })
}

// BenchmarkTasksList times the 督办 list (Tasks.List): one department's
// tasks as its handler sees them (all states; 需催办), the same
// department chosen by a clerk, and the office's 需催办 across all
// departments. The target is 20 ms for one department.
func BenchmarkTasksList(b *testing.B) {
	a, handler := benchAs(b, "handler")
	_, clerk := benchAs(b, "clerk1")
	var unit uint64
	var most, open, allOpen int
	a.st.View(func(tx *store.Tx) error {
		units, _ := tx.Units()
		for _, u := range units {
			n := len(tx.UnitOpenTaskIDs(u.ID))
			allOpen += n
			if m := len(tx.UnitTaskIDs(u.ID)); m > most {
				unit, most, open = u.ID, m, n
			}
		}
		return nil
	})
	if most == 0 {
		b.Fatal("the generated file has no task")
	}
	b.Logf("the busiest department has %d tasks, %d open; %d open in all", most, open, allOpen)
	for _, c := range []struct {
		name string
		as   Bound
		q    TaskQuery
	}{
		{"handler-all", handler, TaskQuery{}},
		{"handler-alert", handler, TaskQuery{State: TaskAlert}},
		{"clerk-unit-all", clerk, TaskQuery{Unit: unit}},
		{"clerk-unit-working", clerk, TaskQuery{Unit: unit, State: store.TaskWorking}},
		{"clerk-alert", clerk, TaskQuery{State: TaskAlert}},
	} {
		if _, err := c.as.Tasks.List(c.q); err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			storetest.Timed(b, func(int) error { _, err := c.as.Tasks.List(c.q); return err })
		})
	}
}

// BenchmarkHomeQueue times the home screen's work queue (Home.Queue): the
// head's, over the whole office, and a handler's, limited to his
// department (the cases it handles or was sent a task of, read from the
// department's own queue keys).
func BenchmarkHomeQueue(b *testing.B) {
	for _, login := range []string{"head", "handler"} {
		_, bound := benchAs(b, login)
		q, err := bound.Home.Queue()
		if err != nil {
			b.Fatal(err)
		}
		total := 0
		for _, g := range q.Groups {
			total += g.Total
		}
		if total == 0 || len(q.Units) == 0 {
			b.Fatalf("%s: an empty queue on the generated office", login)
		}
		b.Run(login, func(b *testing.B) {
			storetest.Timed(b, func(int) error { _, err := bound.Home.Queue(); return err })
		})
	}
}

// BenchmarkLetters times the 文书 screen: the archive's first page (all,
// one kind, a number searched) and the preview of a 受理告知书 of a case
// (the letter filled from the case, its clocks and the settings), as the
// generator's clerk.
func BenchmarkLetters(b *testing.B) {
	_, clerk := benchAs(b, "clerk1")
	page, err := clerk.Letters.List(LetterQuery{Kind: "accept", Limit: 200})
	if err != nil {
		b.Fatal(err)
	}
	var cases []uint64
	var nos []string
	for _, r := range page.Rows {
		if _, err := clerk.Letters.Preview(LetterInput{Case: r.Case, Kind: "accept"}); err == nil {
			cases = append(cases, r.Case)
		}
		nos = append(nos, r.No)
	}
	if len(cases) == 0 {
		b.Fatal("the generated file has no letter to preview")
	}
	b.Logf("%d letters in the archive", page.Total)
	b.Run("List", func(b *testing.B) {
		storetest.Timed(b, func(i int) error { _, err := clerk.Letters.List(LetterQuery{Offset: i % 100 * 50}); return err })
	})
	b.Run("List-kind-dates", func(b *testing.B) {
		storetest.Timed(b, func(i int) error {
			_, err := clerk.Letters.List(LetterQuery{Kind: "accept", From: "2026-01-01", To: "2026-06-30"})
			return err
		})
	})
	b.Run("List-number", func(b *testing.B) {
		storetest.Timed(b, func(i int) error { _, err := clerk.Letters.List(LetterQuery{No: nos[i%len(nos)]}); return err })
	})
	b.Run("Preview", func(b *testing.B) {
		storetest.Timed(b, func(i int) error {
			_, err := clerk.Letters.Preview(LetterInput{Case: cases[i%len(cases)], Kind: "accept"})
			return err
		})
	})
}

// BenchmarkLapsedSweep times what each sign-in adds to find the lapsed
// 复查/复核 windows (lapsedWindows: the open windows walked, the cases
// whose running deadline is past read): the cost of a sweep that finds
// nothing new to close, on the generated office's day.
func BenchmarkLapsedSweep(b *testing.B) {
	a, _ := benchAs(b, "clerk1")
	today := civil.DateOf(benchEnd)
	var found int
	storetest.Timed(b, func(int) error {
		return a.st.View(func(tx *store.Tx) error {
			l, err := lapsedWindows(tx, today)
			found = len(l)
			return err
		})
	})
	b.ReportMetric(float64(found), "lapsed")
}
