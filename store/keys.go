package store

import (
	"bytes"
	"encoding/binary"
	"time"

	bolt "go.etcd.io/bbolt"

	"laifang/domain/civil"
)

// Keys are big-endian so that bbolt's byte order is numeric order: record
// IDs from NextSequence sort in the order they were made.

func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func getU64(b []byte) uint64 {
	if len(b) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

func u32(v uint32) []byte {
	b := make([]byte, 4)
	binary.BigEndian.PutUint32(b, v)
	return b
}

// cat joins key parts into one new slice.
func cat(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// dateKey is a day as a 4-byte big-endian key part; dates before 1970
// do not occur in this trade, so the sign bit is never set.
func dateKey(d civil.Date) []byte { return u32(uint32(d)) }

// Stamp is a moment, kept as Unix seconds (smaller than RFC 3339 text in
// every record that has one).
type Stamp int64

// StampOf is t as a Stamp; the zero time gives 0.
func StampOf(t time.Time) Stamp {
	if t.IsZero() {
		return 0
	}
	return Stamp(t.Unix())
}

// Time is the moment in the local zone, or the zero time for 0.
func (s Stamp) Time() time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(int64(s), 0)
}

// Date is the local calendar day of the moment.
func (s Stamp) Date() civil.Date { return civil.DateOf(s.Time()) }

func getU32(b []byte) uint32 {
	if len(b) < 4 {
		return 0
	}
	return binary.BigEndian.Uint32(b)
}

// idCursor reads records keyed by ID (u64) in descending order of ID, as a
// search's candidates come, newest first. When the next ID is a little
// below the last one it steps back to it instead of seeking: the
// candidates of a common term are a few IDs apart, and a step within a
// leaf costs much less than a descent from the root of a million keys.
type idCursor struct {
	c  *bolt.Cursor
	at uint64 // the ID of the key under c; 0: not placed
}

// idCursorSteps is the largest gap an idCursor steps over rather than
// seeking.
const idCursorSteps = 24

// get is the value of id; nil when there is none.
func (ic *idCursor) get(id uint64) []byte {
	if ic.at > id && ic.at-id <= idCursorSteps {
		for k, v := ic.c.Prev(); k != nil; k, v = ic.c.Prev() {
			if kid := getU64(k); kid < id || kid == id && len(k) == 8 {
				ic.at = kid
				if kid == id {
					return v
				}
				return nil
			}
		}
		ic.at = 0
		return nil
	}
	key := u64(id)
	k, v := ic.c.Seek(key)
	if k == nil {
		ic.at = 0
		return nil
	}
	ic.at = getU64(k)
	if !bytes.Equal(k, key) {
		return nil
	}
	return v
}
