package app

// The ledger (台账) on the generated office (bench_test.go: benchAs, the
// file of LAIFANG_BENCH_VISITS visits in LAIFANG_BENCH_DIR):
//
//	LAIFANG_BENCH_DIR=/tmp/lfbench LAIFANG_BENCH_VISITS=1000000 \
//	  go test -run '^$' -bench 'Ledger' -benchtime 400x ./app/
//
// BenchmarkLedgerExport writes the whole ledger (every case) once per
// iteration; run it with -benchtime 1x.

import (
	"bytes"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"laifang/domain/civil"
	"laifang/store/storetest"
)

// BenchmarkLedger times a page of the ledger as a clerk opens and filters
// it: the first page of two years of two categories, a page deep in it,
// the search (征地补偿 in 自然资源 over the last 90 days), the
// overdue cases, and the open cases by due date.
func BenchmarkLedger(b *testing.B) {
	_, clerk := benchAs(b, "clerk1")
	end := civil.DateOf(benchEnd)
	two := LedgerQuery{From: end.AddDays(-730).String(), To: end.String(), Category: []string{"07", "11"}, Limit: 50}
	deep := two
	deep.Offset = 2000
	search := LedgerQuery{Text: "征地补偿", Category: []string{"12"}, From: end.AddDays(-90).String(), To: end.String(), Limit: 50}
	for _, k := range []struct {
		name string
		q    LedgerQuery
	}{
		{"first", two},
		{"deep", deep},
		{"search", search},
		{"overdue", LedgerQuery{Overdue: true, Limit: 50}},
		{"due", LedgerQuery{Sort: SortDue, Limit: 50}},
		{"oldest", LedgerQuery{Sort: SortReceivedAsc, Category: []string{"13"}, Limit: 50}},
	} {
		p, err := clerk.Ledger.List(k.q)
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Rows) == 0 {
			b.Fatalf("%s: an empty page", k.name)
		}
		b.Run(k.name, func(b *testing.B) {
			storetest.Timed(b, func(int) error { _, err := clerk.Ledger.List(k.q); return err })
			b.ReportMetric(float64(p.Total), "rows")
		})
	}
}

// BenchmarkLedgerExport writes the whole ledger as an Excel file in memory,
// as the window's export does, and reports the rows, the bytes allocated,
// the Go heap's peak (sampled) and the process's peak resident set.
func BenchmarkLedgerExport(b *testing.B) {
	a, clerk := benchAs(b, "clerk1")
	act := clerk.Ledger.sess.actor()
	sq, err := clerk.Ledger.ledgerQuery(act, LedgerQuery{})
	if err != nil {
		b.Fatal(err)
	}
	var peak uint64
	var mu sync.Mutex
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				mu.Lock()
				peak = max(peak, ms.HeapInuse)
				mu.Unlock()
			}
		}
	}()
	defer close(stop)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	rows, size := 0, 0
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		// the file without its audit entry: the benchmark's file is
		// opened read-only
		n, err := clerk.Ledger.buildLedger(&buf, act, a.st, sq, LedgerQuery{}, func(int, int) {})
		if err != nil {
			b.Fatal(err)
		}
		rows, size = n, buf.Len()
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(rows), "rows")
	b.ReportMetric(float64(size)/1e6, "file-MB")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/1e6, "alloc-MB/op")
	mu.Lock()
	b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
	mu.Unlock()
	if rss := peakRSS(); rss > 0 {
		b.ReportMetric(rss, "peak-RSS-MB")
	}
}

// peakRSS is the process's peak resident set (Linux: VmHWM), in MB; 0
// where it cannot be read. It counts the data file's pages mapped in too.
func peakRSS() float64 {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}
