package store_test

import (
	"path/filepath"
	"testing"
	"time"

	"laifang/store"
	"laifang/store/gen"
)

// An open with Warm reads the search's pages in while visits are saved and
// searched (the race detector watches both), and a Close stops it at once:
// right after the open, and while it reads.
func TestWarmingRunsBesideSavesAndStopsAtClose(t *testing.T) {
	defer store.SetWarmDelay(100 * time.Millisecond)()
	path := filepath.Join(t.TempDir(), "laifang.db")
	s := open(t, path, store.Options{Warm: true})
	if _, err := gen.Office(s, gen.Options{Visits: 600, Seed: 5, End: testNow, Batch: 50}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, wait := range []time.Duration{0, 120 * time.Millisecond, 300 * time.Millisecond} {
		s := open(t, path, store.Options{Warm: true})
		done := make(chan struct{})
		go func() {
			defer close(done)
			for i := 0; i < 20; i++ {
				if _, err := s.Search(store.Query{Text: "宅基地"}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
		time.Sleep(wait)
		<-done
		start := time.Now()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("closed %v after the open: Close took %v", wait, d)
		}
	}
	s = open(t, path, store.Options{})
	defer s.Close()
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
}
