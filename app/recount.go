package app

import (
	"slices"

	"laifang/domain/casestate"
	"laifang/store"
)

// recountBatch is how many cases one transaction recounts: a large office
// has tens of thousands of open cases, and one transaction for all of them
// would hold the file (and memory) for seconds.
const recountBatch = 2000

// recountClocks computes again the clocks of every open case after the
// office changed its holiday calendar or its time-limit profile, so every
// due date comes from the calendar and profile in force (docs/DOMAIN.md
// §4.3). It returns how many cases moved. The clocks are derived data: a
// failure part way leaves the rest to the next step on each case.
func recountClocks(st *store.Store) (int, error) {
	var ids []uint64
	if err := st.View(func(tx *store.Tx) error { ids = tx.OpenCaseIDs(); return nil }); err != nil {
		return 0, err
	}
	return inBatches(st, ids, recountBatch, func(tx *store.Tx, id uint64) (bool, error) {
		c, err := tx.Case(id)
		if err != nil || !casestate.Open(casestate.State(c.Status)) {
			return false, err
		}
		before, due := slices.Clone(c.Clocks), c.Due
		if err := setClocks(tx, c); err != nil {
			return false, err
		}
		if c.Due == due && slices.Equal(before, c.Clocks) {
			return false, nil
		}
		return true, tx.RecountCase(c)
	})
}

// inBatches runs fn on each item in write transactions of at most size
// items, so that a long job on a big file never holds it for long; a
// failure part way keeps what the batches before wrote. It counts the
// items fn changed.
func inBatches[T any](st *store.Store, items []T, size int, fn func(tx *store.Tx, item T) (bool, error)) (int, error) {
	changed := 0
	for len(items) > 0 {
		batch := items[:min(size, len(items))]
		items = items[len(batch):]
		err := st.Update(func(tx *store.Tx) error {
			for _, it := range batch {
				ok, err := fn(tx, it)
				if err != nil {
					return err
				}
				if ok {
					changed++
				}
			}
			return nil
		})
		if err != nil {
			return changed, err
		}
	}
	return changed, nil
}
