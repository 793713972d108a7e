package store_test

// Benchmarks on a generated office of LAIFANG_BENCH_VISITS visits (default
// 100000), made once and kept in LAIFANG_BENCH_DIR (default: a folder in
// the temp dir) under a name with the size. Not run by CI. Each reports the
// median and 95th percentile latency of one operation:
//
//	LAIFANG_BENCH_VISITS=1000000 go test -run '^$' -bench . -benchtime 2000x ./store/

import (
	"cmp"
	"encoding/binary"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store"
	"laifang/store/fulltext"
	"laifang/store/gen"
	"laifang/store/storetest"

	bolt "go.etcd.io/bbolt"
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

// The rows of issue 17 (laifang against SQLite on one corpus) that these
// benchmarks follow: a repeat visitor's cases read whole, a common name's
// cases, the phone lookup (FindPerson/phone), three- and four-character
// terms and two terms (Search/3char, 4char, 2terms) and the bytes a case
// takes (FileSize).

// benchTop gives the n keys of bucket's entries, grouped by group(key),
// that have the most entries, most first.
func benchTop(b *testing.B, s *store.Store, bucket string, n int, group func(k []byte) string) []string {
	b.Helper()
	count := map[string]int{}
	err := s.RawView(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucket)).ForEach(func(k, _ []byte) error {
			count[group(k)]++
			return nil
		})
	})
	if err != nil {
		b.Fatal(err)
	}
	keys := slices.Collect(maps.Keys(count))
	slices.SortFunc(keys, func(x, y string) int { return cmp.Or(count[y]-count[x], strings.Compare(x, y)) })
	return keys[:min(n, len(keys))]
}

// BenchmarkPersonCases reads whole cases: per-person, the cases of the 50
// people with the most, at most 30 each (Tx.PersonCases: the repeat
// panel's read); thirty, 30 of those cases by ID, in one transaction (the
// issue's row: a repeat visitor's 30 cases, a generated person having
// fewer).
func BenchmarkPersonCases(b *testing.B) {
	s := benchOpen(b, false)
	var people []uint64
	for _, k := range benchTop(b, s, "ix.person.case", 50, func(k []byte) string { return string(k[:8]) }) {
		people = append(people, binary.BigEndian.Uint64([]byte(k)))
	}
	var ids []uint64
	s.View(func(tx *store.Tx) error {
		for _, p := range people {
			rows, _ := tx.PersonCaseRows(p, 30)
			for _, r := range rows {
				ids = append(ids, r.ID)
			}
		}
		return nil
	})
	for _, how := range []string{"per-person", "thirty"} {
		b.Run(how, func(b *testing.B) {
			read := 0
			storetest.Timed(b, func(i int) error {
				return s.View(func(tx *store.Tx) error {
					if how == "per-person" {
						cs, err := tx.PersonCases(people[i%len(people)], 30)
						read += len(cs)
						return err
					}
					for j := range 30 {
						if _, err := tx.Case(ids[(i*30+j)%len(ids)]); err != nil {
							return err
						}
					}
					read += 30
					return nil
				})
			})
			b.ReportMetric(float64(read)/float64(b.N), "cases/op")
		})
	}
}

// BenchmarkNameCases lists the cases of everyone with one of the 20
// commonest exact names, as rows: through the name index's entries
// (Tx.NameCaseRows) and, for comparison, as before it, each person found
// by name and then his cases (people-then-cases).
func BenchmarkNameCases(b *testing.B) {
	s := benchOpen(b, false)
	names := benchTop(b, s, "ix.name", 20, func(k []byte) string { return string(k[:len(k)-9]) })
	for _, how := range []string{"index", "people-then-cases"} {
		b.Run(how, func(b *testing.B) {
			rows := 0
			storetest.Timed(b, func(i int) error {
				name := names[i%len(names)]
				return s.View(func(tx *store.Tx) error {
					if how == "index" {
						rs, err := tx.NameCaseRows(name, 0)
						rows += len(rs)
						return err
					}
					ps, err := tx.FindPeople(store.PersonQuery{Name: name, Limit: 1000})
					seen := map[uint64]bool{}
					for _, p := range ps {
						if store.NormalizeName(p.Name) != name || p.Anonymous {
							continue
						}
						rs, err := tx.PersonCaseRows(p.ID, 0)
						if err != nil {
							return err
						}
						for _, r := range rs {
							if !seen[r.ID] {
								seen[r.ID] = true
								rows++
							}
						}
					}
					return err
				})
			})
			b.ReportMetric(float64(rows)/float64(b.N), "cases/op")
		})
	}
}

// BenchmarkFileSize reports the bytes of the file a case and a visit
// (one operation: the file's size and the counts read once).
func BenchmarkFileSize(b *testing.B) {
	s := benchOpen(b, false)
	fi, err := os.Stat(benchFile(b))
	if err != nil {
		b.Fatal(err)
	}
	var cases, visits int
	for range b.N {
		c, err := s.Counts(civil.DateOf(benchEnd))
		if err != nil {
			b.Fatal(err)
		}
		cases = c.Total
		visits = 0
		s.RawView(func(tx *bolt.Tx) error { visits = tx.Bucket([]byte("ix.visit.day")).Stats().KeyN; return nil })
	}
	b.ReportMetric(float64(fi.Size())/float64(cases), "B/case")
	b.ReportMetric(float64(fi.Size())/float64(visits), "B/visit")
}

// BenchmarkFirstSearch is the searches of a program that has just opened
// the file: each sample a different term of three or four characters, cut
// from a random case's title and facts, searched once (the side-by-side's
// rows, docs/PERFORMANCE.md §2.8). cold opens the file as a command does;
// warm as the window and serve do (Options.Warm), its searches made once
// the pages are read in.
func BenchmarkFirstSearch(b *testing.B) {
	path := benchFile(b)
	for _, n := range []int{3, 4} {
		for _, warm := range []bool{false, true} {
			name := strconv.Itoa(n) + "char/cold"
			if warm {
				name = strconv.Itoa(n) + "char/warm"
			}
			b.Run(name, func(b *testing.B) {
				s, err := store.Open(path, store.Options{NoDailyBackup: true, Warm: warm,
					Now: func() time.Time { return benchEnd }})
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				terms := benchTerms(b, s, n, b.N)
				s.WaitWarm()
				storetest.Timed(b, func(i int) error {
					_, err := s.Search(store.Query{Text: terms[i], Limit: 50})
					return err
				})
			})
		}
	}
}

// benchTerms are count runs of n Chinese characters cut from the titles
// and facts of random cases (a fixed seed).
func benchTerms(b *testing.B, s *store.Store, n, count int) []string {
	rng := rand.New(rand.NewPCG(17, uint64(n)))
	var terms []string
	err := s.View(func(tx *store.Tx) error {
		total, _, err := tx.Count(store.Query{})
		if err != nil || total == 0 {
			return err
		}
		for len(terms) < count {
			c, err := tx.Case(1 + rng.Uint64N(uint64(total)))
			if err != nil {
				continue
			}
			if t := gen.BenchTerm(rng, fulltext.Norm(c.Title+"\n"+c.Facts), n); t != "" {
				terms = append(terms, t)
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return terms
}
