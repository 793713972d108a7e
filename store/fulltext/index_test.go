package fulltext_test

import (
	"path/filepath"
	"testing"

	"laifang/store/fulltext"

	bolt "go.etcd.io/bbolt"
)

// testIndex is a full-text index alone in a bbolt file of its own, its
// buckets made; newest is the ID the index takes for the newest case.
type testIndex struct {
	db     *bolt.DB
	newest uint64
}

var testMeta = []byte("meta")

func newTestIndex(t *testing.T) *testIndex {
	t.Helper()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "ft.db"), 0o600, &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{fulltext.PostBucket, fulltext.ColBucket, fulltext.PendingBucket, testMeta} {
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return &testIndex{db: db}
}

// open is the index in transaction tx.
func (x *testIndex) open(tx *bolt.Tx) *fulltext.Index {
	return fulltext.Open(tx.Writable(), tx.Bucket, testMeta, func() (uint64, bool) { return x.newest, x.newest > 0 })
}
