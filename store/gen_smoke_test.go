package store_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"laifang/store"
	"laifang/store/gen"
)

func TestSmokeGen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "laifang.db")
	s, err := store.Open(path, store.Options{NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	sum, err := gen.Office(s, gen.Options{Visits: 20000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	sz, _ := s.Size()
	t.Logf("%v in %v, %d bytes, %.0f B/visit", sum, time.Since(start), sz, float64(sz)/20000)
	start = time.Now()
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("check %v: %v", time.Since(start), r.Problems)
	for _, q := range []string{"工资", "拖欠工资", "宅基地 纠纷", "物业", "噪音"} {
		start = time.Now()
		res, err := s.Search(store.Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d (%v) %d in %v", q, res.Total, res.Exact, len(res.Cases), time.Since(start))
	}
}

func TestSmokeStats(t *testing.T) {
	path := filepath.Join(t.TempDir(), "laifang.db")
	s, err := store.Open(path, store.Options{NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n := 20000
	if v := os.Getenv("SMOKE_N"); v != "" {
		n, _ = strconv.Atoi(v)
	}
	start := time.Now()
	if _, err := gen.Office(s, gen.Options{Visits: n, Seed: 1, Batch: 5000}); err != nil {
		t.Fatal(err)
	}
	t.Logf("gen %v", time.Since(start))
	fs, _ := s.Stats()
	tot := 0
	for _, b := range fs.Buckets {
		tot += b.Alloc
		t.Logf("%-16s keys %8d inuse %10d alloc %10d  %6.0f B/visit", b.Name, b.Keys, b.InUse, b.Alloc, float64(b.Alloc)/float64(n))
	}
	t.Logf("total alloc %.0f B/visit", float64(tot)/float64(n))
	t.Logf("free pages %d (%d bytes), size %d", fs.FreePages, fs.FreePages*fs.PageSize, fs.Size)
}
