package store

import (
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Hooks for the external tests (package store_test).

// RawUpdate runs fn on the underlying bbolt transaction: tests break the
// file on purpose with it.
func (s *Store) RawUpdate(fn func(tx *bolt.Tx) error) error { return s.db.Update(fn) }

// PendingCount is the number of cases not yet merged into the bitmaps.
func (s *Store) PendingCount() (n uint64) {
	s.View(func(tx *Tx) error { n = tx.ft().PendingCount(); return nil })
	return n
}

// PutCaseRev overwrites a case's stored Rev and nothing else, to make it
// look like a case written before revisions existed.
func (s *Store) PutCaseRev(id, rev uint64) error {
	return s.Update(func(tx *Tx) error {
		c, err := tx.Case(id)
		if err != nil {
			return err
		}
		c.Rev = rev
		raw, err := encode(c)
		if err != nil {
			return err
		}
		return tx.b(bucketCases).Put(u64(id), raw)
	})
}

// PutCaseSent overwrites a case's stored Sent and nothing else (no index),
// as a damaged or hand-edited file might hold it.
func (s *Store) PutCaseSent(id uint64, sent []uint64) error {
	return s.Update(func(tx *Tx) error {
		c, err := tx.Case(id)
		if err != nil {
			return err
		}
		c.Sent = sent
		raw, err := encode(c)
		if err != nil {
			return err
		}
		return tx.b(bucketCases).Put(u64(id), raw)
	})
}

// The store's own API that app does not use, for the external tests.

// AuditHash is auditHash.
func AuditHash(seq uint64, a *AuditEntry) (string, error) { return auditHash(seq, a) }

// DailyBackupName is dailyBackupName.
func DailyBackupName(t time.Time) string { return dailyBackupName(t) }

// SchemaOf is schemaOf.
func SchemaOf(path string) (uint64, error) { return schemaOf(path) }

// FormatNo is formatNo.
func FormatNo(pattern, code, docType string, year int, n uint64) string {
	return formatNo(pattern, code, docType, year, n)
}

// Migrated is migratedSteps.
func (s *Store) Migrated() (steps []int, backup string) { return s.migratedSteps() }

// BackupErr is backupError.
func (s *Store) BackupErr() error { return s.backupError() }

// DeleteCase is deleteCase.
func (tx *Tx) DeleteCase(id uint64, a *AuditEntry) error { return tx.deleteCase(id, a) }

// FindPersonRows is findPersonRows.
func (tx *Tx) FindPersonRows(name string, limit int) ([]PersonRow, error) {
	return tx.findPersonRows(name, limit)
}

// FindPersonRows is findPersonRows in its own read transaction.
func (s *Store) FindPersonRows(name string, limit int) ([]PersonRow, error) {
	return s.findPersonRows(name, limit)
}

// PagesWritten is how many page writes the file's commits made so far
// (bbolt's TxStats.Write): the write benchmarks report it per commit.
func (s *Store) PagesWritten() int64 {
	st := s.db.Stats()
	return st.TxStats.GetWrite()
}

// RawView runs fn on the underlying bbolt read transaction: benchmarks
// pick their subjects from the indexes with it.
func (s *Store) RawView(fn func(tx *bolt.Tx) error) error { return s.db.View(fn) }

// JSONValue is a MessagePack record of bucket stored as the JSON of
// schemas 4 to 12, for the test of the step that rewrites them (13).
func JSONValue(bucket string, raw []byte) ([]byte, error) {
	var v any
	switch bucket {
	case "cases":
		v = &Case{}
	case "events":
		v = &Event{}
	case "people":
		v = &Person{}
	case "audit":
		v = &AuditEntry{}
	case "tasks":
		v = &Task{}
	case "letters":
		v = &Letter{}
	default:
		return raw, nil
	}
	if err := decodeJSON(raw, v); err != nil {
		return nil, err
	}
	js, err := json.Marshal(v)
	return squeeze(js), err
}

// WaitWarm returns when the reading in of Options.Warm is over.
func (s *Store) WaitWarm() {
	if s.warmDone != nil {
		<-s.warmDone
	}
}

// SetWarmDelay changes how long an open with Warm waits before it reads the
// pages in, until the returned function puts it back.
func SetWarmDelay(d time.Duration) (restore func()) {
	old := warmDelay
	warmDelay = d
	return func() { warmDelay = old }
}
