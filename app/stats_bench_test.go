package app

// The statistics screen on the generated office (bench_test.go's file):
// a month's and a year's report as the office sees them (a head) and as a
// handler sees his department's. Not run by CI:
//
//	LAIFANG_BENCH_DIR=/tmp/lfbench LAIFANG_BENCH_VISITS=1000000 \
//	  go test -run '^$' -bench 'Stats' -benchtime 20x ./app/

import "testing"

func BenchmarkStats(b *testing.B) {
	_, head := benchAs(b, "head")
	_, hb := benchAs(b, "handler") // the generator's handler of 劳动保障所
	end := benchEnd
	for _, c := range []struct {
		name string
		b    Bound
		q    StatsQuery
	}{
		{"Month", head, StatsQuery{Kind: "month", Year: end.Year(), Num: int(end.Month()) - 1}},
		{"Quarter", head, StatsQuery{Kind: "quarter", Year: end.Year(), Num: 3}},
		{"Year", head, StatsQuery{Kind: "year", Year: end.Year() - 1}},
		{"YearOfAHandler", hb, StatsQuery{Kind: "year", Year: end.Year() - 1}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var r *StatsReport
			for i := 0; i < b.N; i++ {
				var err error
				if r, err = c.b.Stats.Report(c.q); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(*r.Figures[0].Value, "cases")
			b.ReportMetric(*r.Figures[1].Value, "visits")
		})
	}
}
