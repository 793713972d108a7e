package app

// BenchmarkRepeatPanel on a generated office of LAIFANG_BENCH_VISITS visits
// (default 100000), the file store's benchmarks make and keep in
// LAIFANG_BENCH_DIR (default: a folder in the temp dir) as
// laifang-<visits>.db; this one makes it too when it is missing. The file
// is opened read-only: the panel only reads. Not run by CI:
//
//	LAIFANG_BENCH_DIR=/tmp/lfbench LAIFANG_BENCH_VISITS=1000000 \
//	  go test -run '^$' -bench RepeatPanel -benchtime 2000x ./app/

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"laifang/store"
	"laifang/store/gen"
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
	path := benchData(b)
	a := New(Options{Version: "bench", DataDir: filepath.Dir(path), Now: func() time.Time { return benchEnd }})
	a.st, a.openErr = store.Open(path, store.Options{ReadOnly: true, NoDailyBackup: true,
		Now: func() time.Time { return benchEnd }})
	if a.openErr != nil {
		b.Fatal(a.openErr)
	}
	b.Cleanup(func() { a.Close() })
	var clerk *store.User
	if err := a.st.View(func(tx *store.Tx) error {
		var err error
		clerk, err = tx.UserByLogin("clerk1")
		return err
	}); err != nil {
		b.Fatal(err)
	}
	s := NewSession("bench", false)
	s.signIn(actorOf(clerk), benchEnd)
	return a, a.bind(s).Repeat
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
		m := g.Matter(2026)
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
			lat := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t := time.Now()
				p, err := rep.Panel(k.q(i))
				if err != nil {
					b.Fatal(err)
				}
				if len(p.Cases) == 0 {
					b.Fatalf("%s: nothing found", k.name)
				}
				lat = append(lat, time.Since(t))
			}
			b.StopTimer()
			slices.Sort(lat)
			ms := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))]) / 1e6 }
			b.ReportMetric(ms(0.50), "p50-ms")
			b.ReportMetric(ms(0.95), "p95-ms")
		})
	}
}
