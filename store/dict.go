package store

import "bytes"

// Buckets of this file (created at open, listed in store.go).
var (
	bucketDict = []byte("dict") // list 0x00 code
)

// DictEntry is one code of a code list (channels, categories, reasons…).
type DictEntry struct {
	V      int    `json:"v"`
	List   string `json:"-"`
	Code   string `json:"-"`
	Label  string `json:"lb"`
	Parent string `json:"par,omitempty"`
	Sort   int    `json:"so,omitempty"`
	Active bool   `json:"on,omitempty"`
}

func dictKey(list, code string) []byte { return []byte(list + "\x00" + code) }

// SetDict writes one code of a code list.
func (tx *Tx) SetDict(e *DictEntry) error {
	if err := tx.writable(); err != nil {
		return err
	}
	e.V = recordVersion
	raw, err := encode(e)
	if err != nil {
		return err
	}
	return tx.b(bucketDict).Put(dictKey(e.List, e.Code), raw)
}

// Dict lists a code list ordered by code.
func (tx *Tx) Dict(list string) ([]DictEntry, error) {
	var out []DictEntry
	prefix := []byte(list + "\x00")
	c := tx.b(bucketDict).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var e DictEntry
		if err := decodeJSON(v, &e); err != nil {
			return nil, err
		}
		e.List, e.Code = list, string(k[len(prefix):])
		out = append(out, e)
	}
	return out, nil
}

// A code list is saved whole (its entries together), so its revision is
// the list's, kept in meta: 0 for a list never saved (the defaults).
func dictRevKey(list string) []byte { return []byte("dict.rev." + list) }

// DictRev is the revision of code list list.
func (tx *Tx) DictRev(list string) uint64 {
	return getU64(tx.b(bucketMeta).Get(dictRevKey(list)))
}

// UpdateDict writes entries of code list list when rev is the list's
// stored revision, bumps it and returns the new one; ErrStale and nothing
// written otherwise.
func (tx *Tx) UpdateDict(list string, rev uint64, entries []DictEntry) (uint64, error) {
	if err := tx.writable(); err != nil {
		return 0, err
	}
	if tx.DictRev(list) != rev {
		return 0, ErrStale
	}
	for i := range entries {
		entries[i].List = list
		if err := tx.SetDict(&entries[i]); err != nil {
			return 0, err
		}
	}
	rev++
	return rev, tx.b(bucketMeta).Put(dictRevKey(list), u64(rev))
}
