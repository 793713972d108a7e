package store

import (
	"strconv"
	"strings"
)

// Archive numbers (归档号): each archived case has one, unique in the file.
// The index (ix.archiveno) was added after schema 5 without a migration:
// no case written before it has an archive number.
var ixArchiveNo = []byte("ix.archiveno") // archive number → caseID

// defaultArchiveNoPattern makes numbers like 2026-GD-0001.
const defaultArchiveNoPattern = "{year}-GD-{n:04}"

// CaseByArchiveNo tells which case holds archive number no (0: none).
func (tx *Tx) CaseByArchiveNo(no string) uint64 {
	b := tx.b(ixArchiveNo)
	if b == nil {
		return 0
	}
	return getU64(b.Get([]byte(strings.TrimSpace(no))))
}

// NextArchiveNo suggests the next archive number of a year: the one after
// the last taken with the suggestion (TakeArchiveNo), skipping any that a
// clerk typed by hand. It takes nothing.
func (tx *Tx) NextArchiveNo(year int) (string, uint64) {
	key := []byte("archive/" + strconv.Itoa(year))
	n := getU64(tx.b(bucketSeq).Get(key))
	for {
		n++
		no := formatNo(defaultArchiveNoPattern, "", "", year, n)
		if tx.CaseByArchiveNo(no) == 0 {
			return no, n
		}
	}
}

// TakeArchiveNo notes that the suggestion n of year was used, so the next
// suggestion comes after it.
func (tx *Tx) TakeArchiveNo(year int, n uint64) error {
	if err := tx.writable(); err != nil {
		return err
	}
	key := []byte("archive/" + strconv.Itoa(year))
	b := tx.b(bucketSeq)
	if getU64(b.Get(key)) >= n {
		return nil
	}
	return b.Put(key, u64(n))
}
