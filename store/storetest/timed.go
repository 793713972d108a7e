// Package storetest holds what the store's and the services' benchmarks
// share. Only test files import it, so nothing of it reaches the binary.
package storetest

import (
	"slices"
	"testing"
	"time"
)

// Timed runs op b.N times and reports the median and 95th percentile
// latency as p50-ms and p95-ms (docs/PERFORMANCE.md quotes them).
func Timed(b *testing.B, op func(i int) error) {
	b.Helper()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := time.Now()
		if err := op(i); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(lat)
	ms := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))]) / 1e6 }
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
}
