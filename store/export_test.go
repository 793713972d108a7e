package store

import bolt "go.etcd.io/bbolt"

// Hooks for the external tests (package store_test).

// RawUpdate runs fn on the underlying bbolt transaction: tests break the
// file on purpose with it.
func (s *Store) RawUpdate(fn func(tx *bolt.Tx) error) error { return s.db.Update(fn) }

// PendingCount is the number of cases not yet merged into the bitmaps.
func (s *Store) PendingCount() (n uint64) {
	s.View(func(tx *Tx) error { n = tx.pendingCount(); return nil })
	return n
}
