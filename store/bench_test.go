package store_test

// Benchmarks on a generated office of LAIFANG_BENCH_VISITS visits (default
// 100000), made once and kept in LAIFANG_BENCH_DIR (default: a folder in
// the temp dir) under a name with the size. Not run by CI. Each reports the
// median and 95th percentile latency of one operation:
//
//	LAIFANG_BENCH_VISITS=1000000 go test -run '^$' -bench . -benchtime 2000x ./store/

import (
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store"
	"laifang/store/gen"
	"laifang/store/storetest"
)

func benchFile(b *testing.B) string {
	b.Helper()
	path, made, err := gen.BenchFile()
	if err != nil {
		b.Fatal(err)
	}
	if made > 0 {
		b.Logf("generated %s in %v", path, made)
	}
	return path
}

var benchEnd = gen.BenchEnd

func benchOpen(b *testing.B, sync bool) *store.Store {
	s, err := store.Open(benchFile(b), store.Options{NoSync: !sync, NoDailyBackup: true,
		Now: func() time.Time { return benchEnd }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkFindPerson(b *testing.B) {
	s := benchOpen(b, false)
	var people []store.Person
	s.View(func(tx *store.Tx) error {
		people = gen.BenchPeople(tx, 500)
		return nil
	})
	if len(people) == 0 {
		b.Fatal("the generated file has nobody in it")
	}
	for _, kind := range []string{"idnumber", "phone", "name-prefix", "name-prefix-records"} {
		b.Run(kind, func(b *testing.B) {
			storetest.Timed(b, func(i int) error {
				p := people[i%len(people)]
				if kind == "name-prefix" {
					// the list rows of the name index
					rows, err := s.FindPersonRows(string([]rune(p.Name)[:2]), 20)
					if err == nil && len(rows) == 0 {
						b.Fatalf("%s: nobody found", kind)
					}
					return err
				}
				q := store.PersonQuery{}
				switch kind {
				case "idnumber":
					q.IDNumber = p.IDNumber
				case "phone":
					q.Phone = p.Phones[0]
				default:
					q.Name = string([]rune(p.Name)[:2])
				}
				found, err := s.FindPeople(q)
				if err == nil && len(found) == 0 {
					b.Fatalf("%s: nobody found", kind)
				}
				return err
			})
		})
	}
}

var searchSets = []struct {
	name    string
	queries []string
}{
	{"2char", []string{"工资", "物业", "噪音", "补偿", "低保", "林地", "医保", "污染"}},
	{"2char-rare", []string{"旅游", "摊位", "红包", "跑路"}},
	{"absent", []string{"火箭", "量子", "鲸鱼", "冰川"}},
	{"3char", []string{"宅基地", "公租房", "养殖场", "包工头", "采石场", "预付卡"}},
	{"4char", []string{"违章建筑", "医疗费用", "集体土地", "非法采矿", "劳动合同", "房屋漏水"}},
	{"2terms", []string{"工资 拖欠", "物业 收费", "宅基地 界址", "补偿 拆迁", "低保 取消"}},
}

func BenchmarkSearch(b *testing.B) {
	s := benchOpen(b, false)
	end := civil.DateOf(benchEnd)
	for _, set := range searchSets {
		// filtered: dates, statuses and categories; hidden: as a session
		// without the confidential grant searches (no flagged case, no
		// report)
		for _, variant := range []string{"", "filtered", "hidden"} {
			name := set.name
			if variant != "" {
				name += "/" + variant
			}
			b.Run(name, func(b *testing.B) {
				storetest.Timed(b, func(i int) error {
					q := store.Query{Text: set.queries[i%len(set.queries)], Limit: 50}
					switch variant {
					case "filtered":
						q.From, q.To = end.AddDays(-3*365), end
						q.Status = []string{string(casestate.Closed), string(casestate.Archived)}
						q.Category = []string{"07", "11", "13"}
					case "hidden":
						q.Confidential = store.ConfExclude
					}
					_, err := s.Search(q)
					return err
				})
			})
		}
	}
}

func BenchmarkLedgerPage(b *testing.B) {
	s := benchOpen(b, false)
	end := civil.DateOf(benchEnd)
	cats := []string{"07", "11", "13", "12", "06"}
	base := func(i int) store.Query {
		return store.Query{From: end.AddDays(-2 * 365), To: end, Category: []string{cats[i%len(cats)]},
			Status: []string{string(casestate.Closed)}, Limit: 50}
	}
	b.Run("first", func(b *testing.B) {
		storetest.Timed(b, func(i int) error { _, err := s.Search(base(i)); return err })
	})
	totals := map[int]int{}
	for i := range cats {
		r, err := s.Search(base(i))
		if err != nil {
			b.Fatal(err)
		}
		totals[i] = r.Total
	}
	b.Run("last", func(b *testing.B) {
		storetest.Timed(b, func(i int) error {
			q := base(i)
			q.Offset = max(0, totals[i%len(cats)]-1) / 50 * 50
			r, err := s.Search(q)
			if err == nil && len(r.Rows) == 0 {
				b.Fatal("empty last page")
			}
			return err
		})
	})
}

// BenchmarkSaveVisit is one intake (a new person, the case, the visit and
// its record) in its own durable transaction, as a clerk's save; it also
// reports the pages each commit writes.
func BenchmarkSaveVisit(b *testing.B) {
	saveVisits(b, benchOpen(b, true))
}

func saveVisits(b *testing.B, s *store.Store) {
	g := gen.New(uint64(time.Now().UnixNano()))
	before := s.PagesWritten()
	storetest.Timed(b, func(i int) error {
		m := g.Matter(benchEnd)
		_, err := s.SaveIntake(&store.Intake{
			Case: store.Case{Title: m.Title, Demand: m.Demand, Facts: m.Facts, Type: m.Type,
				Category: m.Category.Code, Due: civil.DateOf(benchEnd).AddDays(15)},
			People: []store.IntakePerson{{Person: g.Person(), Role: "主信访人", Contact: true}},
			Visit:  store.Visit{Channel: "走访"},
			Record: &store.Record{Statement: g.Statement()},
			By:     2,
		})
		return err
	})
	b.ReportMetric(float64(s.PagesWritten()-before)/float64(b.N), "pages/save")
}

func BenchmarkOpen(b *testing.B) {
	path := benchFile(b)
	storetest.Timed(b, func(i int) error {
		s, err := store.Open(path, store.Options{NoDailyBackup: true, Now: func() time.Time { return benchEnd }})
		if err != nil {
			return err
		}
		if _, err := s.Counts(civil.DateOf(benchEnd)); err != nil {
			return err
		}
		return s.Close()
	})
}

// BenchmarkUnitCases is a handler's case list: the IDs of his department's
// cases from its indexes (scope.go), then the first page of the list among
// them, and a search by text among them.
func BenchmarkUnitCases(b *testing.B) {
	s := benchOpen(b, false)
	var units []uint64
	s.View(func(tx *store.Tx) error {
		us, err := tx.Units()
		for _, u := range us {
			units = append(units, u.ID)
		}
		return err
	})
	if len(units) == 0 {
		b.Fatal("the generated file has no department")
	}
	most := 0 // the largest department's cases, for the figure's context
	s.View(func(tx *store.Tx) error {
		for _, u := range units {
			most = max(most, len(tx.UnitCaseIDs(u)))
		}
		return nil
	})
	for _, text := range []string{"", "工资"} {
		name := "list"
		if text != "" {
			name = "search"
		}
		b.Run(name, func(b *testing.B) {
			storetest.Timed(b, func(i int) error {
				return s.View(func(tx *store.Tx) error {
					ids := tx.UnitCaseIDs(units[i%len(units)])
					r, err := tx.Search(store.Query{Text: text, Scoped: true, Within: ids, Limit: 20})
					if err == nil && text == "" && len(r.Rows) == 0 {
						b.Fatal("a department without cases")
					}
					return err
				})
			})
			b.ReportMetric(float64(most), "max-cases")
		})
	}
}
