package store_test

import (
	"errors"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store"
	"laifang/store/gen"

	bolt "go.etcd.io/bbolt"
)

var testNow = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func open(t testing.TB, path string, o store.Options) *store.Store {
	t.Helper()
	o.NoSync = true
	o.NoDailyBackup = true
	if o.Now == nil {
		o.Now = func() time.Time { return testNow }
	}
	s, err := store.Open(path, o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// office makes a small synthetic office, checked clean at cleanup.
func office(t testing.TB, visits int, o store.Options) *store.Store {
	t.Helper()
	s := open(t, filepath.Join(t.TempDir(), "laifang.db"), o)
	t.Cleanup(func() {
		r, err := s.Check()
		if err != nil || !r.OK() {
			t.Errorf("check at cleanup: %v %v", err, r.Problems)
		}
		s.Close()
	})
	if visits > 0 {
		if _, err := gen.Office(s, gen.Options{Visits: visits, Seed: 42, End: testNow, Batch: 700}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestIntakeWritesEverythingInOneTransaction(t *testing.T) {
	s := office(t, 0, store.Options{})
	g := gen.New(1)
	p := g.Person()
	in := &store.Intake{
		Case:   store.Case{Title: "拖欠工资问题", Demand: "请求支付拖欠的工资", Facts: "2025年在某工地务工，工资未付。", Type: "申诉求决", Category: "07", Due: civil.D(2026, 3, 17)},
		People: []store.IntakePerson{{Person: p, Role: "主信访人", Contact: true}},
		Visit:  store.Visit{Channel: "走访"},
		Record: &store.Record{Statement: "来访人陈述工资被拖欠"},
		By:     7,
		Audit:  &store.AuditEntry{User: 7, Action: "intake", Workstation: "前台"},
	}
	r, err := s.SaveIntake(in)
	if err != nil {
		t.Fatal(err)
	}
	if r.CaseNo != "2026-000001" {
		t.Errorf("case number %q, want 2026-000001", r.CaseNo)
	}
	c, err := s.Case(r.CaseID)
	if err != nil || c.Status != string(casestate.Registered) || len(c.People) != 1 {
		t.Fatalf("case: %+v %v", c, err)
	}
	ev, _ := s.Events(r.CaseID)
	if len(ev) != 1 || ev[0].Kind != store.EventIntake || ev[0].Visit == nil || ev[0].Visit.ID != r.VisitID {
		t.Fatalf("timeline: %+v", ev)
	}
	for _, q := range []store.PersonQuery{{IDNumber: strings.ToLower(p.IDNumber)}, {Phone: "+86 " + p.Phones[0]}, {Name: p.Name[:3]}} {
		found, err := s.FindPeople(q)
		if err != nil || !slices.ContainsFunc(found, func(x store.Person) bool { return x.ID == r.PersonIDs[0] }) {
			t.Errorf("FindPeople(%v kind) did not find the person", q.Limit)
		}
	}
	s.View(func(tx *store.Tx) error {
		a, err := tx.LastAudit()
		if err != nil || a.Action != "intake" || a.EntityID != r.CaseID || a.Seq != r.AuditSeq || a.Workstation != "前台" {
			t.Errorf("audit: %+v %v", a, err)
		}
		due, _ := tx.CasesDue(civil.D(2026, 3, 1), civil.D(2026, 3, 31), 0)
		if len(due) != 1 {
			t.Errorf("due index: %d cases", len(due))
		}
		vs, _ := tx.VisitsOn(civil.DateOf(testNow))
		if len(vs) != 1 || vs[0].Case != r.CaseID {
			t.Errorf("visits today: %+v", vs)
		}
		return nil
	})
	res, err := s.Search(store.Query{Text: "工资 拖欠"})
	if err != nil || res.Total != 1 || len(res.Rows) != 1 {
		t.Fatalf("search: %+v %v", res, err)
	}
	// A failing action leaves nothing behind.
	err = s.Update(func(tx *store.Tx) error {
		in2 := &store.Intake{Case: store.Case{Title: "另一件"}, People: []store.IntakePerson{{Person: g.Person()}}}
		if _, err := tx.SaveIntake(in2); err != nil {
			return err
		}
		return errors.New("the clerk cancelled")
	})
	if err == nil {
		t.Fatal("want the error back")
	}
	if res, _ := s.Search(store.Query{}); res.Total != 1 {
		t.Errorf("after a rolled back intake there are %d cases", res.Total)
	}
}

func TestUpdateCaseMovesItsIndexEntries(t *testing.T) {
	s := office(t, 0, store.Options{FoldEvery: 1})
	g := gen.New(2)
	r, err := s.SaveIntake(&store.Intake{Case: store.Case{Title: "噪音扰民", Category: "11", Due: civil.D(2026, 3, 17)},
		People: []store.IntakePerson{{Person: g.Person()}}})
	if err != nil {
		t.Fatal(err)
	}
	if s.PendingCount() != 0 {
		t.Fatal("with FoldEvery 1 the case should be merged at once")
	}
	c, _ := s.Case(r.CaseID)
	c.Status = string(casestate.Accepted)
	c.Unit = 3
	c.Reply = "已协调施工单位停止夜间施工"
	if err := s.UpdateCase(c, &store.Event{Kind: store.EventDecision, Text: "受理并交办"}, &store.AuditEntry{Action: "accept"}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"夜间施工": 1, "受理并交办": 1, "噪音": 1, "工资": 0} {
		res, err := s.Search(store.Query{Text: q, Status: []string{string(casestate.Accepted)}, Unit: []uint64{3}})
		if err != nil || res.Total != want {
			t.Errorf("search %q after the update: %d, want %d (%v)", q, res.Total, want, err)
		}
	}
	if res, _ := s.Search(store.Query{Status: []string{string(casestate.Registered)}}); res.Total != 0 {
		t.Errorf("old status still indexed")
	}
	ev, _ := s.Events(r.CaseID)
	if last := ev[len(ev)-1]; last.From != string(casestate.Registered) || last.To != string(casestate.Accepted) {
		t.Errorf("status event %+v", last)
	}
	c.Status = string(casestate.Closed)
	if err := s.UpdateCase(c, nil, nil); err != nil {
		t.Fatal(err)
	}
	s.View(func(tx *store.Tx) error {
		if due, _ := tx.CasesDue(0, civil.D(2030, 1, 1), 0); len(due) != 0 {
			t.Errorf("a closed case is still in the due index")
		}
		return nil
	})
}

func TestNumbersAreNeverReused(t *testing.T) {
	s := office(t, 0, store.Options{})
	g := gen.New(3)
	var nos []string
	for i := 0; i < 3; i++ {
		r, err := s.SaveIntake(&store.Intake{Case: store.Case{Title: "问题"}, People: []store.IntakePerson{{Person: g.Person()}}})
		if err != nil {
			t.Fatal(err)
		}
		nos = append(nos, r.CaseNo)
	}
	c, _ := s.Case(3)
	if err := s.Update(func(tx *store.Tx) error { return tx.DeleteCase(c.ID, nil) }); err != nil {
		t.Fatal(err)
	}
	r, err := s.SaveIntake(&store.Intake{Case: store.Case{Title: "问题"}, People: []store.IntakePerson{{Person: g.Person()}}})
	if err != nil {
		t.Fatal(err)
	}
	if r.CaseNo != "2026-000004" || r.CaseID != 4 {
		t.Errorf("after a delete got %s (id %d), want 2026-000004 (id 4)", r.CaseNo, r.CaseID)
	}
	// letter numbers per type per year, with the office's pattern
	err = s.Update(func(tx *store.Tx) error {
		st, _ := tx.Settings()
		st.OrgCode = "示镇"
		st.DocNoPatterns = map[string]string{"accept": "{code}信受〔{year}〕{n}号"}
		if err := tx.SaveSettings(st); err != nil {
			return err
		}
		for i, want := range []string{"示镇信受〔2026〕1号", "示镇信受〔2026〕2号"} {
			l := store.Letter{Case: 1, Type: "受理告知书"}
			if err := tx.IssueLetter(&l); err != nil {
				return err
			}
			if l.No != want {
				t.Errorf("letter %d: %s, want %s", i, l.No, want)
			}
		}
		l := store.Letter{Case: 1, Type: "受理告知书", Year: 2027}
		if err := tx.IssueLetter(&l); err != nil {
			return err
		}
		if l.No != "示镇信受〔2027〕1号" {
			t.Errorf("new year: %s", l.No)
		}
		dup := store.Letter{Case: 1, Type: "受理告知书", No: "示镇信受〔2026〕1号"}
		if err := tx.IssueLetter(&dup); !errors.Is(err, store.ErrConflict) {
			t.Errorf("duplicate letter number: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := store.FormatNo("{year}-{n:06}", "", "", 2026, 123); got != "2026-000123" {
		t.Errorf("FormatNo: %s", got)
	}
}

// plainMatch is the oracle: does the case contain every term as a
// substring of one of its texts?
// scannedCase is a case with every text search covers, for a plain scan.
type scannedCase struct {
	c     store.Case
	texts []string
}

// scanCases reads every case and its timeline's texts, oldest first.
func scanCases(s *store.Store) []scannedCase {
	var all []scannedCase
	s.View(func(tx *store.Tx) error {
		for id := uint64(1); ; id++ {
			c, err := tx.Case(id)
			if err != nil {
				break
			}
			ev, _ := tx.Events(id)
			all = append(all, scannedCase{*c, caseTexts(c, ev)})
		}
		return nil
	})
	return all
}

func caseTexts(c *store.Case, ev []store.Event) []string {
	texts := []string{c.Title, c.Demand, c.Facts, c.Reply}
	for _, e := range ev {
		texts = append(texts, e.Text)
		if e.Record != nil {
			texts = append(texts, e.Record.Statement, e.Record.QA, e.Record.Explanations)
		}
	}
	for i := range texts {
		texts[i] = strings.ToLower(texts[i])
	}
	return texts
}

func plainMatch(texts []string, terms []string) bool {
	for _, t := range terms {
		found := false
		for _, x := range texts {
			if strings.Contains(x, t) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func TestSearchFindsExactlyTheSubstringMatches(t *testing.T) {
	// FoldEvery 300 with batches of 700: some cases stay pending, most are
	// merged; repeat visits update merged cases.
	s := office(t, 1500, store.Options{FoldEvery: 300})
	if s.PendingCount() == 0 {
		t.Log("note: no pending cases left")
	}
	all := scanCases(s)
	rng := rand.New(rand.NewPCG(5, 6))
	var queries []string
	// substrings of real texts, of 1 to 5 characters, plus words and numbers
	for i := 0; i < 30; i++ {
		r := []rune(all[rng.IntN(len(all))].c.Facts)
		n := 1 + rng.IntN(5)
		if len(r) <= n {
			continue
		}
		p := rng.IntN(len(r) - n)
		queries = append(queries, string(r[p:p+n]))
	}
	queries = append(queries, "工资", "拖欠工资", "宅基地 纠纷", "000元", "2019年", "采光 物业", "不存在的词", "资拖", "漏水", "，", "a")
	from, to := civil.D(2019, 1, 1), civil.D(2022, 6, 30)
	for _, q := range queries {
		terms := strings.Fields(q)
		// filters: none; categories and dates; statuses without the
		// confidential cases
		for filtered := range 3 {
			var want []uint64
			for i := len(all) - 1; i >= 0; i-- {
				r := &all[i]
				if filtered == 1 {
					d := r.c.Received.Date()
					if r.c.Category != "07" && r.c.Category != "11" || d < from || d > to {
						continue
					}
				}
				if filtered == 2 && (r.c.Confidential || r.c.Status != string(casestate.Closed) && r.c.Status != string(casestate.Archived)) {
					continue
				}
				if plainMatch(r.texts, terms) {
					want = append(want, r.c.ID)
				}
			}
			if strings.Trim(q, "，") == "" {
				want = nil
			}
			query := store.Query{Text: q, Limit: 40}
			switch filtered {
			case 1:
				query.Category = []string{"07", "11"}
				query.From, query.To = from, to
			case 2:
				query.Status = []string{string(casestate.Closed), string(casestate.Archived)}
				query.Confidential = store.ConfExclude
			}
			var got []uint64
			total := -1
			for page := 0; ; page++ {
				query.Offset = page * query.Limit
				res, err := s.Search(query)
				if err != nil {
					t.Fatal(err)
				}
				if page == 0 && res.Exact {
					total = res.Total
				}
				for _, c := range res.Rows {
					got = append(got, c.ID)
				}
				if len(res.Rows) < query.Limit {
					break
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("query %q (filters %d): got %d cases, want %d", q, filtered, len(got), len(want))
			}
			if total >= 0 && total != len(want) {
				t.Errorf("query %q (filters %d): exact total %d, want %d", q, filtered, total, len(want))
			}
		}
	}
}

func TestCheckFindsBrokenIndexesAndRebuildFixesThem(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "laifang.db"), store.Options{FoldEvery: 50})
	defer s.Close()
	if _, err := gen.Office(s, gen.Options{Visits: 250, Seed: 9, End: testNow}); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("fresh office: %v %v", err, r.Problems)
	}
	breakages := map[string]func(tx *bolt.Tx) error{
		"a missing name entry": func(tx *bolt.Tx) error {
			k, _ := tx.Bucket([]byte("ix.name")).Cursor().First()
			return tx.Bucket([]byte("ix.name")).Delete(k)
		},
		"an extra phone entry": func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("ix.phone")).Put([]byte("0123456789abcdef"), nil)
		},
		"a posting list that lost a case": func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("ft.post"))
			k, _ := b.Cursor().Last()
			return b.Delete(k)
		},
		"a list row that went stale": func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("ix.case.row"))
			k, v := b.Cursor().Last()
			v = append([]byte(nil), v...)
			v[len(v)-1] ^= 1 // a byte of the petitioner's name
			return b.Put(k, v)
		},
		"a person's row in the name index that went stale": func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("ix.name"))
			k, v := b.Cursor().Last()
			v = append([]byte(nil), v...)
			v[len(v)-1] ^= 1 // a byte of the name as written
			return b.Put(k, v)
		},
		"a name entry of nobody, with an 8-byte row": func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("ix.name")).Put([]byte("某某\x00\x00\x00\x00\x00\x00\x00\x27\x0f"), []byte{1, 0, 0, 0, 0, 0, 0, 0})
		},
		"a case number pointing elsewhere": func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("ix.caseno"))
			k, _ := b.Cursor().First()
			return b.Put(k, []byte{0, 0, 0, 0, 0, 0, 0, 99})
		},
	}
	for name, breakIt := range breakages {
		if err := s.RawUpdate(breakIt); err != nil {
			t.Fatal(err)
		}
		r, err := s.Check()
		if err != nil {
			t.Fatal(err)
		}
		if r.OK() {
			t.Errorf("check missed %s", name)
		} else {
			t.Logf("%s: %s", name, r.Problems[0])
		}
		if err := s.RebuildIndexes(nil); err != nil {
			t.Fatal(err)
		}
		if r, _ := s.Check(); !r.OK() {
			t.Errorf("after rebuilding (%s): %v", name, r.Problems)
		}
	}
	if res, _ := s.Search(store.Query{}); res.Total == 0 {
		t.Error("no case found after the rebuild")
	}
}

func TestCountsOnTheHomeScreen(t *testing.T) {
	s := office(t, 500, store.Options{})
	c, err := s.Counts(civil.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, n := range c.ByStatus {
		sum += n
	}
	if c.Total == 0 || sum != c.Total || c.Open == 0 || c.ThisYear == 0 {
		t.Errorf("counts %+v", c)
	}
	res, _ := s.Search(store.Query{From: civil.D(2026, 1, 1), To: civil.DateOf(testNow)})
	if res.Total != c.ThisYear {
		t.Errorf("this year %d, search says %d", c.ThisYear, res.Total)
	}
}

func TestRowsFollowTheCaseAndThePetitionersName(t *testing.T) {
	s := office(t, 0, store.Options{})
	g := gen.New(4)
	p := g.Person()
	r, err := s.SaveIntake(&store.Intake{Case: store.Case{Title: "噪音扰民", Category: "11"},
		People: []store.IntakePerson{{Person: p, Role: "主信访人", Contact: true}, {Person: g.Person(), Role: "代表"}}})
	if err != nil {
		t.Fatal(err)
	}
	row := func() store.CaseRow {
		t.Helper()
		res, err := s.Search(store.Query{Text: "噪音"})
		if err != nil || len(res.Rows) != 1 {
			t.Fatalf("search: %+v %v", res, err)
		}
		return res.Rows[0]
	}
	got := row()
	if got.ID != r.CaseID || got.No != r.CaseNo || got.Name != p.Name || got.Petitioner != r.PersonIDs[0] ||
		got.Status != string(casestate.Registered) || got.Title != "噪音扰民" || got.Category != "11" || got.Visits != 1 {
		t.Errorf("row after intake: %+v", got)
	}
	c, _ := s.Case(r.CaseID)
	c.Status, c.Confidential = string(casestate.Accepted), true
	if err := s.UpdateCase(c, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddVisit(r.CaseID, &store.Visit{Channel: "走访"}, nil, 2); err != nil {
		t.Fatal(err)
	}
	if got := row(); got.Status != string(casestate.Accepted) || !got.Confidential || got.Visits != 2 || !got.Repeat || got.Name != p.Name {
		t.Errorf("row after update and visit: %+v", got)
	}
	pp, _ := s.Person(r.PersonIDs[0])
	pp.Name = "改名后"
	if err := s.SavePerson(pp); err != nil {
		t.Fatal(err)
	}
	if got := row(); got.Name != "改名后" {
		t.Errorf("row after the rename: %q", got.Name)
	}
	pp.Anonymous = true
	if err := s.SavePerson(pp); err != nil {
		t.Fatal(err)
	}
	if got := row(); got.Name != "" {
		t.Errorf("row of an anonymous petitioner shows a name")
	}
	// a representative's rename does not touch the row
	rep, _ := s.Person(r.PersonIDs[1])
	rep.Name = "代表改名"
	if err := s.SavePerson(rep); err != nil {
		t.Fatal(err)
	}
	if got := row(); got.Name != "" || got.Petitioner != r.PersonIDs[0] {
		t.Errorf("row after the representative's rename: %+v", got)
	}
	if err := s.Update(func(tx *store.Tx) error { return tx.DeleteCase(r.CaseID, nil) }); err != nil {
		t.Fatal(err)
	}
	s.View(func(tx *store.Tx) error {
		if _, err := tx.CaseRow(r.CaseID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("row of a deleted case: %v", err)
		}
		return nil
	})
}

func TestCompactKeepsEverythingAndTheSequences(t *testing.T) {
	path := filepath.Join(t.TempDir(), "laifang.db")
	s := open(t, path, store.Options{FoldEvery: 100})
	if _, err := gen.Office(s, gen.Options{Visits: 300, Seed: 8, End: testNow, Batch: 150}); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Search(store.Query{Text: "工资"})
	s.Close()
	if err := store.Compact(path); err != nil {
		t.Fatal(err)
	}
	s = open(t, path, store.Options{})
	defer s.Close()
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after compacting: %v %v", err, r.Problems)
	}
	after, _ := s.Search(store.Query{Text: "工资"})
	if after.Total != before.Total || len(after.Rows) != len(before.Rows) {
		t.Errorf("search changed: %d → %d", before.Total, after.Total)
	}
	last := before.Rows[0].ID
	r, err := s.SaveIntake(&store.Intake{Case: store.Case{Title: "新的"}, People: []store.IntakePerson{{Person: gen.New(1).Person()}}})
	if err != nil {
		t.Fatal(err)
	}
	if r.CaseID <= last {
		t.Errorf("case ID %d after compacting, the last was at least %d", r.CaseID, last)
	}
}

// Records are written as JSON during a transaction and deflated when it
// commits: after a bulk load and after a single save, no large record is
// left plain, and every record reads back.
func TestRecordsAreDeflatedAtCommit(t *testing.T) {
	s := office(t, 300, store.Options{})
	if _, err := s.SaveIntake(&store.Intake{Case: store.Case{Title: "物业收费不公开问题", Demand: "请求公开物业收费明细"},
		People: []store.IntakePerson{{Person: store.Person{Name: "测试人"}, Role: "主信访人", Contact: true}},
		Visit:  store.Visit{Channel: "走访"}, Record: &store.Record{Statement: "来访人反映小区物业收费不公开，要求公开明细。"}, By: 2}); err != nil {
		t.Fatal(err)
	}
	s.RawUpdate(func(tx *bolt.Tx) error {
		for _, name := range []string{"cases", "events", "people", "audit", "tasks", "letters"} {
			n := 0
			tx.Bucket([]byte(name)).ForEach(func(k, v []byte) error {
				if len(v) >= 48 && v[0] == '{' {
					t.Errorf("%s %x: left as plain JSON", name, k)
				}
				n++
				return nil
			})
			if n == 0 {
				t.Errorf("%s: no records", name)
			}
		}
		return nil
	})
}
