package store

import (
	"encoding/json"
	"fmt"

	"github.com/tinylib/msgp/msgp"
	bolt "go.etcd.io/bbolt"
)

// Storage records. They are JSON values with a version field `v`; the
// record's ID is its bucket key and is not repeated inside the value. Field
// names are short because a million of each are kept: the app turns these
// into its own request and response types and they never reach the UI.
//
// Fields marked "confidential" hold personal or whistle-blower data: never
// put them in an error, a log line or an audit summary.

// putIndexed creates (id 0 → next sequence) or replaces a record of bucket
// with its classic indexes; putPlain is the same for a record without
// indexes. Both write through Tx.putJSON.
func putIndexed[T any, P interface {
	*T
	idSetter
	indexed
}](tx *Tx, bucket []byte, id *uint64, rec P) error {
	if err := tx.writable(); err != nil {
		return err
	}
	b := tx.b(bucket)
	var old P
	if *id == 0 {
		n, err := nextID(b)
		if err != nil {
			return err
		}
		*id = n
	} else {
		o, err := getRecord[T, P](b, *id)
		if err != nil {
			return fmt.Errorf("store: %s %d: %w", bucket, *id, err)
		}
		old = o
	}
	raw, err := tx.encode(rec)
	if err != nil {
		return err
	}
	var o indexed
	if old != nil {
		o = old
	}
	if err := tx.reindex(*id, o, rec); err != nil {
		return err
	}
	return tx.putJSON(b, u64(*id), raw)
}

// putPlain creates or replaces a record that has no index.
func putPlain(tx *Tx, bucket []byte, id *uint64, rec any) error {
	if err := tx.writable(); err != nil {
		return err
	}
	b := tx.b(bucket)
	if *id == 0 {
		n, err := nextID(b)
		if err != nil {
			return err
		}
		*id = n
	}
	raw, err := tx.encode(rec)
	if err != nil {
		return err
	}
	return tx.putJSON(b, u64(*id), raw)
}

// Values are JSON, or since schema 13 MessagePack for the big records
// (cases, timeline events, people, audit entries, tasks, letters: the
// types with methods msgp generates, *_msgp.go): decoding a case's JSON
// was 62 % of reading it (issue 17). Both carry the same short keys (msgp reads the json tags), so
// a value tells its own form: JSON starts with '{', a MessagePack map with
// 0x80–0x8f or 0xde/0xdf, and a compressed value (compress.go) with its
// format byte. Every record type carries `v`, the version of its layout,
// which a migration step can read to know what it has in hand.

// recordVersion is the current `v` of every record type.
const recordVersion = 1

type idSetter interface{ setID(uint64) }

// encode makes a stored value: JSON or MessagePack (marshal), compressed
// when that is smaller (compress.go).
func encode(v any) ([]byte, error) {
	raw, err := marshal(v)
	if err != nil {
		return nil, err
	}
	return squeeze(raw), nil
}

// marshal is MessagePack for a type msgp made methods for, else JSON.
func marshal(v any) ([]byte, error) {
	if m, ok := v.(msgp.Marshaler); ok {
		return m.MarshalMsg(nil)
	}
	return json.Marshal(v)
}

// isMsgpack tells a MessagePack map from JSON by its first byte.
func isMsgpack(raw []byte) bool {
	return len(raw) > 0 && (raw[0]&0xf0 == 0x80 || raw[0] == 0xde || raw[0] == 0xdf)
}

// unmarshal reads the uncompressed form of a value in either encoding.
func unmarshal(raw []byte, v any) error {
	if isMsgpack(raw) {
		u, ok := v.(msgp.Unmarshaler)
		if !ok {
			return fmt.Errorf("a %T stored as MessagePack", v)
		}
		rest, err := u.UnmarshalMsg(raw)
		if err == nil && len(rest) != 0 {
			err = fmt.Errorf("%d bytes after the value", len(rest))
		}
		return err
	}
	return json.Unmarshal(raw, v)
}

func decodeRecord[T any, P interface {
	*T
	idSetter
}](id uint64, raw []byte) (*T, error) {
	var t T
	js, err := unsqueeze(raw)
	if err != nil {
		return nil, fmt.Errorf("store: record %d is damaged: %w", id, err)
	}
	if err := unmarshal(js, &t); err != nil {
		return nil, fmt.Errorf("store: record %d is damaged: %w", id, err)
	}
	P(&t).setID(id)
	return &t, nil
}

func getRecord[T any, P interface {
	*T
	idSetter
}](b *bolt.Bucket, id uint64) (*T, error) {
	raw := b.Get(u64(id))
	if raw == nil {
		return nil, ErrNotFound
	}
	return decodeRecord[T, P](id, raw)
}

// listRecords returns up to limit records with keys after `after`, oldest
// first (limit ≤ 0: all).
func listRecords[T any, P interface {
	*T
	idSetter
}](b *bolt.Bucket, after uint64, limit int) ([]T, error) {
	var out []T
	c := b.Cursor()
	k, v := c.Seek(u64(after + 1))
	for ; k != nil; k, v = c.Next() {
		r, err := decodeRecord[T, P](getU64(k), v)
		if err != nil {
			return nil, err
		}
		out = append(out, *r)
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out, nil
}

// nextID takes the bucket's next sequence number. Sequences only grow, so an
// ID is never given twice, not after a delete and not after a crash (the
// sequence is stored in the same transaction as the record).
func nextID(b *bolt.Bucket) (uint64, error) { return b.NextSequence() }

// decodeJSON reads a stored value that has no ID.
func decodeJSON(raw []byte, v any) error {
	js, err := unsqueeze(raw)
	if err != nil {
		return err
	}
	return unmarshal(js, v)
}
