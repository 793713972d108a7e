package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Values are JSON. Every record type carries `v`, the version of its layout,
// which a migration step can read to know what it has in hand.

// recordVersion is the current `v` of every record type.
const recordVersion = 1

type idSetter interface{ setID(uint64) }

func (p *Person) setID(id uint64)           { p.ID = id }
func (c *Case) setID(id uint64)             { c.ID = id }
func (t *Task) setID(id uint64)             { t.ID = id }
func (l *Letter) setID(id uint64)           { l.ID = id }
func (t *Template) setID(id uint64)         { t.ID = id }
func (u *Unit) setID(id uint64)             { u.ID = id }
func (u *User) setID(id uint64)             { u.ID = id }
func (p *TimeLimitProfile) setID(id uint64) { p.ID = id }
func (a *AuditEntry) setID(id uint64)       { a.Seq = id }
func (e *Event) setID(id uint64)            { e.ID = id }

// encode makes a stored value: JSON, deflated when that is smaller
// (compress.go).
func encode(v any) ([]byte, error) {
	js, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return squeeze(js), nil
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
	if err := json.Unmarshal(js, &t); err != nil {
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
	return json.Unmarshal(js, v)
}
