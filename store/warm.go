package store

import (
	"os"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// warmDelay is how long an open with Options.Warm waits before it reads
// the pages in: the window's first screen reads what it shows first (on a
// disk that seeks, the reading in would slow it), and an open for a moment
// never reads them. A variable for the tests.
var warmDelay = time.Second

// warmSink keeps the reads of warm from being left out.
var warmSink atomic.Uint32

// warm reads every page a search reads once (warmBuckets), a few hundred
// keys a read transaction (a long one would hold up a save that grows the
// file), so that the first searches after the program starts find the
// pages in memory and mapped instead of faulting each one in: a search of
// a term reads its postings in every chunk of the file, and a longer term
// the cases it checks (docs/PERFORMANCE.md §3.15). It stops when stop is
// closed.
func (s *Store) warm(stop <-chan struct{}) {
	for _, name := range warmBuckets {
		if !s.warmBucket(name, stop) {
			return
		}
	}
}

// warmBuckets are what a search reads: the postings, then the cases its
// longer terms are checked against and the list rows of its page.
var warmBuckets = [][]byte{ftPost, bucketCases, ixCaseRow}

// warmBucket reads every page of bucket name; false when stopped.
func (s *Store) warmBucket(name []byte, stop <-chan struct{}) bool {
	page := os.Getpagesize()
	var after []byte
	var sum byte
	defer func() { warmSink.Add(uint32(sum)) }()
	for {
		done := true
		err := s.db.View(func(tx *bolt.Tx) error {
			b := tx.Bucket(name)
			if b == nil {
				return nil
			}
			c := b.Cursor()
			k, v := seekAfter(c, after)
			for n := 0; k != nil; k, v = c.Next() {
				for i := 0; i < len(v); i += page {
					sum ^= v[i]
				}
				after = append(after[:0], k...)
				if n++; n >= 256 {
					done = false
					break
				}
			}
			return nil
		})
		if err != nil || done {
			return err == nil
		}
		select {
		case <-stop:
			return false
		default:
		}
	}
}
