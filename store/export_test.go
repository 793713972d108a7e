package store

import bolt "go.etcd.io/bbolt"

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
