//go:build dictsamples

package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestDictSamples writes the uncompressed values of every 7th case,
// timeline event, person, audit entry, task and letter of a generated office (LAIFANG_DICT_FILE, of
// this schema) as files into LAIFANG_DICT_OUT, the samples zdict3.bin was
// trained on (compress.go says how):
//
//	go test -tags dictsamples -run DictSamples ./store/
func TestDictSamples(t *testing.T) {
	src, out := os.Getenv("LAIFANG_DICT_FILE"), os.Getenv("LAIFANG_DICT_OUT")
	if src == "" || out == "" {
		t.Skip("LAIFANG_DICT_FILE and LAIFANG_DICT_OUT are not set")
	}
	db, err := bolt.Open(src, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		for _, bucket := range [][]byte{bucketCases, bucketEvents, bucketPeople, bucketAudit, bucketTasks, bucketLetters} {
			n := 0
			err := tx.Bucket(bucket).ForEach(func(k, v []byte) error {
				if n++; n%7 != 0 {
					return nil
				}
				raw, err := unsqueeze(v)
				if err != nil {
					return err
				}
				return os.WriteFile(filepath.Join(out, fmt.Sprintf("%s-%x", bucket, k)), raw, 0o600)
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
