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
	moved := 0
	for len(ids) > 0 {
		batch := ids[:min(recountBatch, len(ids))]
		ids = ids[len(batch):]
		err := st.Update(func(tx *store.Tx) error {
			for _, id := range batch {
				c, err := tx.Case(id)
				if err != nil {
					return err
				}
				if !casestate.Open(casestate.State(c.Status)) {
					continue
				}
				before, due := slices.Clone(c.Clocks), c.Due
				if err := setClocks(tx, c); err != nil {
					return err
				}
				if c.Due == due && slices.Equal(before, c.Clocks) {
					continue
				}
				if err := tx.RecountCase(c); err != nil {
					return err
				}
				moved++
			}
			return nil
		})
		if err != nil {
			return moved, err
		}
	}
	return moved, nil
}
