package store_test

// The write path's benchmarks (docs/PERFORMANCE.md §1.15): a save's durable
// commit against the floor the disk and bbolt set under it, and the bulk
// load of a generated office.

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"laifang/store"
	"laifang/store/gen"
	"laifang/store/storetest"

	bolt "go.etcd.io/bbolt"
)

// BenchmarkCommitFloor is what a durable save cannot go below, measured in
// the benchmark file's folder (the same disk and file system):
//
//   - fdatasync: one 4 KB page written and fdatasync'd, the disk's cost of
//     one durable write;
//   - bbolt-key: a bare bbolt Update that writes one small key into the
//     benchmark file itself (its meta bucket), with bbolt's own two
//     fdatasyncs, pages then meta page: the least any commit on that file
//     costs;
//   - bbolt-key-small: the same on a new file of a few pages;
//   - bbolt-intake-keys: a bare bbolt Update that writes, into each bucket
//     an intake writes (BenchmarkSaveVisit's), one key where the intake's
//     lands (after the last key, or at a random place for the hashed and
//     name indexes) with a value of the record's size: the pages the
//     format makes a save write, without the store's work.
func BenchmarkCommitFloor(b *testing.B) {
	dir := filepath.Dir(benchFile(b))
	b.Run("fdatasync", func(b *testing.B) {
		f, err := os.CreateTemp(dir, "floor-*.tmp")
		if err != nil {
			b.Fatal(err)
		}
		defer os.Remove(f.Name())
		defer f.Close()
		page := make([]byte, 4096)
		if _, err := f.WriteAt(make([]byte, 64<<20), 0); err != nil {
			b.Fatal(err)
		}
		if err := f.Sync(); err != nil {
			b.Fatal(err)
		}
		storetest.Timed(b, func(i int) error {
			page[0] = byte(i)
			// a different page each time, as a commit's pages are
			if _, err := f.WriteAt(page, int64(i*7919%16384)*4096); err != nil {
				return err
			}
			return fdatasync(f)
		})
	})
	oneKey := func(b *testing.B, path string) {
		db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, FreelistType: bolt.FreelistArrayType})
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		key := []byte("bench.floor")
		st := db.Stats()
		before := st.TxStats.GetWrite()
		storetest.Timed(b, func(i int) error {
			return db.Update(func(tx *bolt.Tx) error {
				m, err := tx.CreateBucketIfNotExists([]byte("meta"))
				if err != nil {
					return err
				}
				return m.Put(key, []byte(strconv.Itoa(i)))
			})
		})
		st = db.Stats()
		b.ReportMetric(float64(st.TxStats.GetWrite()-before)/float64(b.N), "pages/commit")
		db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Delete(key) })
	}
	b.Run("bbolt-key", func(b *testing.B) { oneKey(b, benchFile(b)) })
	b.Run("bbolt-intake-keys", func(b *testing.B) { intakeKeys(b, benchFile(b)) })
	b.Run("bbolt-key-small", func(b *testing.B) {
		path := filepath.Join(dir, "floor-small.db")
		os.Remove(path)
		defer os.Remove(path)
		oneKey(b, path)
	})
}

// intakeKeys is CommitFloor/bbolt-intake-keys.
func intakeKeys(b *testing.B, path string) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, FreelistType: bolt.FreelistArrayType})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	// the buckets of an intake, the size of what it puts there, and
	// whether its key lands at a random place
	type put struct {
		bucket string
		size   int
		random bool
	}
	puts := []put{{"people", 110, false}, {"ix.idnumber", 8, true}, {"ix.phone", 8, true}, {"ix.name", 40, true},
		{"cases", 270, false}, {"ix.caseno", 8, false}, {"ix.person.case", 0, false}, {"ix.case.due", 0, true},
		{"ix.case.row", 60, false}, {"ix.case.day", 30, false}, {"events", 50, false}, {"ix.visit.day", 8, false},
		{"ix.visit.tally", 20, false}, {"ft.pending", 200, false}, {"seq", 8, false}, {"meta", 8, false}}
	var written [][2][]byte // bucket, key: removed at the end
	st := db.Stats()
	before := st.TxStats.GetWrite()
	rnd := uint64(time.Now().UnixNano())
	storetest.Timed(b, func(i int) error {
		return db.Update(func(tx *bolt.Tx) error {
			for _, p := range puts {
				bk := tx.Bucket([]byte(p.bucket))
				if bk == nil {
					b.Fatalf("no bucket %s", p.bucket)
				}
				key := []byte{0xff, 0xff, 0xff, 0xff, 0, 0, byte(i >> 8), byte(i)}
				if p.random {
					rnd = rnd*6364136223846793005 + 1442695040888963407
					key = binary.BigEndian.AppendUint64(nil, rnd)
				}
				if err := bk.Put(key, make([]byte, p.size)); err != nil {
					return err
				}
				written = append(written, [2][]byte{[]byte(p.bucket), key})
			}
			return nil
		})
	})
	st = db.Stats()
	b.ReportMetric(float64(st.TxStats.GetWrite()-before)/float64(b.N), "pages/commit")
	if err := db.Update(func(tx *bolt.Tx) error {
		for _, w := range written {
			if err := tx.Bucket(w[0]).Delete(w[1]); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSaveVisitNoSync is SaveVisit without the syncs: the CPU and page
// writes a save costs beyond the disk's flushes. Never how the app saves.
func BenchmarkSaveVisitNoSync(b *testing.B) {
	saveVisits(b, benchOpen(b, false))
}

// BenchmarkLoad is the bulk creation of an office of LAIFANG_LOAD_VISITS
// visits (100000 unless set) in a new file in the temp folder, as
// `laifang gen -n` makes it: the batches (each committed with its syncs),
// the last fold of the full text and the compaction. It reports the
// seconds of the whole and of the compaction.
func BenchmarkLoad(b *testing.B) {
	n := 100000
	if v := os.Getenv("LAIFANG_LOAD_VISITS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	dir := os.Getenv("LAIFANG_LOAD_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	path := filepath.Join(dir, "load.db")
	var compact time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		os.Remove(path)
		b.StartTimer()
		if _, err := gen.Make(path, gen.Options{Visits: n, Seed: 1, End: benchEnd}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		t := time.Now()
		if err := store.Compact(path); err != nil {
			b.Fatal(err)
		}
		compact += time.Since(t)
		b.StartTimer()
	}
	b.StopTimer()
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	os.Remove(path)
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/load")
	b.ReportMetric(compact.Seconds()/float64(b.N), "s/compact")
	b.ReportMetric(float64(fi.Size())/float64(n), "B/visit")
}
