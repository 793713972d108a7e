package store_test

import (
	"bytes"
	"encoding/binary"
	"path/filepath"
	"slices"
	"testing"

	"laifang/store"
	"laifang/store/fulltext"
	"laifang/store/gen"

	bolt "go.etcd.io/bbolt"
)

// Schema 10 adds the ledger's filters to the full text: each case's channel,
// handler and marks. A schema-11 file (the same office without them, some
// cases merged into the bitmaps and some pending) gets them from its cases,
// and the filters then find what a scan of the cases finds.
func TestLedgerFacetsAfterUpgradeFromVersion9(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "laifang.db")
	s := open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk"), FoldEvery: 150})
	if _, err := gen.Office(s, gen.Options{Visits: 500, Seed: 5, End: testNow, Batch: 100}); err != nil {
		t.Fatal(err)
	}
	ledger := func(term []byte) bool {
		return bytes.HasPrefix(term, []byte(fulltext.FacetChannel)) || bytes.HasPrefix(term, []byte(fulltext.FacetHandler)) ||
			bytes.HasPrefix(term, []byte(fulltext.FacetFlag))
	}
	pending := 0
	if err := s.RawUpdate(func(tx *bolt.Tx) error {
		post := tx.Bucket(fulltext.PostBucket)
		var drop [][]byte
		post.ForEach(func(k, _ []byte) error {
			if ledger(k[4:]) {
				drop = append(drop, append([]byte(nil), k...))
			}
			return nil
		})
		for _, k := range drop {
			if err := post.Delete(k); err != nil {
				return err
			}
		}
		pb := tx.Bucket(fulltext.PendingBucket)
		docs := map[string][]byte{}
		pb.ForEach(func(k, v []byte) error {
			d, err := fulltext.DecodeDoc(v)
			if err != nil {
				return err
			}
			d.Facets = slices.DeleteFunc(d.Facets, func(f string) bool { return ledger([]byte(f)) })
			docs[string(k)] = d.Encode()
			return nil
		})
		pending = len(docs)
		for k, v := range docs {
			if err := pb.Put([]byte(k), v); err != nil {
				return err
			}
		}
		v := make([]byte, 8)
		binary.BigEndian.PutUint64(v, 11)
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), v)
	}); err != nil {
		t.Fatal(err)
	}
	if pending == 0 {
		t.Fatal("no case waits in ft.pending: the upgrade of a pending document is not tested")
	}
	s.Close()
	s = open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk"), FoldEvery: 150})
	defer s.Close()
	if steps, _ := s.Migrated(); !slices.Equal(steps, []int{12, 13, 14}) {
		t.Errorf("steps %v", steps)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after the upgrade: %v %v", err, r.Problems)
	}
	ledgerFiltersMatchScan(t, s)
}

// ledgerFiltersMatchScan compares the count of each channel, handler and
// mark the cases carry with a count of the cases themselves.
func ledgerFiltersMatchScan(t *testing.T, s *store.Store) {
	t.Helper()
	channels, handlers, flags := map[string]int{}, map[uint64]int{}, map[string]int{}
	both := 0 // 集体访 and 重复访
	for _, sc := range scanCases(s) {
		channels[sc.c.Channel]++
		handlers[sc.c.Handler]++
		fl := store.CaseFlags(&sc.c)
		for _, f := range fl {
			flags[f]++
		}
		if slices.Contains(fl, store.FlagGroup) && slices.Contains(fl, store.FlagRepeat) {
			both++
		}
	}
	// (the generated office is all visits, 走访, and names no handler)
	if len(channels) == 0 || len(flags) < 3 {
		t.Fatalf("the office has too few kinds to test: %v %v %v", channels, handlers, flags)
	}
	count := func(q store.Query) int {
		var n int
		if err := s.View(func(tx *store.Tx) error {
			var err error
			n, _, err = tx.Count(q)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for ch, want := range channels {
		if ch != "" {
			if got := count(store.Query{Channel: []string{ch}}); got != want {
				t.Errorf("channel %s: %d, a scan finds %d", ch, got, want)
			}
		}
	}
	for h, want := range handlers {
		if h != 0 {
			if got := count(store.Query{Handler: []uint64{h}}); got != want {
				t.Errorf("handler %d: %d, a scan finds %d", h, got, want)
			}
		}
	}
	for f, want := range flags {
		if got := count(store.Query{Flags: []string{f}}); got != want {
			t.Errorf("mark %s: %d, a scan finds %d", f, got, want)
		}
	}
	if got := count(store.Query{Flags: []string{store.FlagGroup, store.FlagRepeat}}); got != both {
		t.Errorf("集体访 and 重复访: %d, a scan finds %d", got, both)
	}
}
