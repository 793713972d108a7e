package store

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"hash"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// Classic indexes are buckets of composite keys written in the same
// transaction as their record. A non-unique index has keys `value | id` and
// empty values; a unique one has key `value` and the id as its value. Each
// record type lists its entries (indexEntries); saving a record writes the
// difference between the old and the new list, and check.go recomputes the
// lists from the records to verify or rebuild every index.

type ixEntry struct {
	bucket []byte
	key    []byte
	val    []byte // nil: non-unique entry; else the record id (unique index)
	// row: a non-unique entry whose value is the record's list row
	// (ix.name), rewritten when the row changes
	row bool
}

type indexed interface {
	indexEntries(id uint64, salt []byte) []ixEntry
}

func multi(bucket, value []byte, id uint64) ixEntry {
	return ixEntry{bucket: bucket, key: cat(value, u64(id))}
}

func unique(bucket, value []byte, id uint64) ixEntry {
	return ixEntry{bucket: bucket, key: value, val: u64(id)}
}

// secretKey hashes a confidential value (ID number, phone) for an exact-match
// index, so that the index holds no readable personal data. The salt is
// random per data file. The values are keyed in the domain's forms:
// idcard.Normalize and phone.Key.
//
// The keyed hashes are pooled per salt: making one hashes the salt twice
// and allocates nine times, a fifth of a lookup by phone (issue 17).
func secretKey(salt []byte, kind, value string) []byte {
	pool, ok := macPools.Load(string(salt))
	if !ok {
		key := bytes.Clone(salt)
		pool, _ = macPools.LoadOrStore(string(key), &sync.Pool{New: func() any { return hmac.New(sha256.New, key) }})
	}
	m := pool.(*sync.Pool).Get().(hash.Hash)
	m.Reset()
	m.Write([]byte(kind))
	m.Write([]byte{0})
	m.Write([]byte(value))
	var sum [sha256.Size]byte
	out := append([]byte(nil), m.Sum(sum[:0])[:8]...)
	pool.(*sync.Pool).Put(m)
	return out
}

// macPools holds a sync.Pool of HMAC-SHA256 hashes keyed with each salt
// (string(salt) → *sync.Pool): one salt a data file.
var macPools sync.Map

func entryID(e ixEntry) string { return string(e.bucket) + "\x00" + string(e.key) }

// reindex writes the difference between the entries of old and new.
func (tx *Tx) reindex(id uint64, old, new indexed) error {
	var oldE, newE []ixEntry
	if old != nil {
		oldE = old.indexEntries(id, tx.s.salt)
	}
	if new != nil {
		newE = new.indexEntries(id, tx.s.salt)
	}
	// Unique values first, so that a conflict writes nothing.
	for _, e := range newE {
		if e.val != nil && !e.row {
			if cur := tx.b(e.bucket).Get(e.key); cur != nil && !bytes.Equal(cur, e.val) {
				return ErrConflict
			}
		}
	}
	if len(oldE) == 0 {
		// A new record (every save of a bulk load): nothing to compare,
		// so no sets of entry names to build.
		for _, e := range newE {
			b := tx.b(e.bucket)
			if e.val != nil && !e.row {
				if cur := b.Get(e.key); cur != nil && !bytes.Equal(cur, e.val) {
					return ErrConflict
				}
			}
			if err := b.Put(e.key, e.val); err != nil {
				return err
			}
		}
		return nil
	}
	keep := map[string]bool{}
	for _, e := range newE {
		keep[entryID(e)] = true
	}
	for _, e := range oldE {
		if !keep[entryID(e)] {
			if err := tx.b(e.bucket).Delete(e.key); err != nil {
				return err
			}
		}
	}
	had := map[string][]byte{}
	for _, e := range oldE {
		had[entryID(e)] = e.val
	}
	for _, e := range newE {
		b := tx.b(e.bucket)
		old, ok := had[entryID(e)]
		switch {
		case e.row:
			if ok && bytes.Equal(old, e.val) {
				continue
			}
		case e.val != nil:
			if cur := b.Get(e.key); cur != nil && !bytes.Equal(cur, e.val) {
				return ErrConflict
			}
		case ok:
			continue
		}
		if err := b.Put(e.key, e.val); err != nil {
			return err
		}
	}
	return nil
}

// idsWithPrefix lists the ids of a non-unique index under prefix, newest
// first, at most limit (≤ 0: all).
func idsWithPrefix(b *bolt.Bucket, prefix []byte, limit int) []uint64 {
	var out []uint64
	c := b.Cursor()
	end := append(append([]byte(nil), prefix...), bytes.Repeat([]byte{0xff}, 9)...)
	k, _ := c.Seek(end)
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Prev() {
		out = append(out, getU64(k[len(k)-8:]))
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out
}

// countRange counts the keys in [from, to).
func countRange(b *bolt.Bucket, from, to []byte) int {
	n := 0
	c := b.Cursor()
	for k, _ := c.Seek(from); k != nil && bytes.Compare(k, to) < 0; k, _ = c.Next() {
		n++
	}
	return n
}

var errStop = errors.New("stop")
