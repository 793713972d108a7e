package store_test

import (
	"path/filepath"
	"testing"
	"unicode/utf8"

	"laifang/store"
	"laifang/store/gen"

	bolt "go.etcd.io/bbolt"
)

// TestMigrateFromVersion13 takes an office back to the full text of schema
// 13, which had no trigrams, and upgrades it: step 14 adds the merged
// cases' trigrams (the check compares every chunk with its records), and a
// three-character term finds what a scan of every case finds, the pending
// cases among them.
func TestMigrateFromVersion13(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "laifang.db")
	s := open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk")})
	if _, err := gen.Office(s, gen.Options{Visits: 400, Seed: 11, End: testNow}); err != nil {
		t.Fatal(err)
	}
	if err := s.Fold(); err != nil {
		t.Fatal(err)
	}
	// a few cases left pending, as an office's file has them
	if _, err := gen.Office(s, gen.Options{Visits: 20, Seed: 12, End: testNow}); err != nil {
		t.Fatal(err)
	}
	dropped := 0
	s = reopenAt(t, s, path, 13, func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("ft.post"))
		var keys [][]byte
		b.ForEach(func(k, _ []byte) error {
			if term := k[4:]; term[0] != 1 && utf8.RuneCount(term) == 3 {
				keys = append(keys, append([]byte(nil), k...))
			}
			return nil
		})
		for _, k := range keys {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		dropped = len(keys)
		return nil
	}, []int{14})
	defer s.Close()
	if dropped < 100 {
		t.Fatalf("only %d trigram postings in the schema-14 file", dropped)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after the upgrade: %v %v", err, r.Problems)
	}
	searchMatchesScan(t, s, "宅基地", "劳动合同", "拖欠工资", "不存在", "工资")
}
