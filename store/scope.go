package store

import (
	"bytes"
	"slices"
)

// A department's cases (承办单位): those it handles (Case.Unit, in
// ix.unit.case) and those it was sent a task of (Task.ToUnit, in
// ix.unit.taskcase). Both indexes are kept with their records, so the set
// is read from keys alone: no case or task is decoded.

// UnitCaseIDs lists the IDs of the cases sent to department unit, in
// ascending order, each once.
func (tx *Tx) UnitCaseIDs(unit uint64) []uint64 {
	prefix := u64(unit)
	var handled, tasked []uint64
	c := tx.b(ixUnitCase).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		handled = append(handled, getU64(k[8:16]))
	}
	c = tx.b(ixUnitTaskCase).Cursor()
	var last uint64
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if id := getU64(k[8:16]); id != last {
			tasked = append(tasked, id)
			last = id
		}
	}
	if len(tasked) == 0 {
		return handled
	}
	out := make([]uint64, 0, len(handled)+len(tasked))
	i, j := 0, 0
	for i < len(handled) || j < len(tasked) {
		switch {
		case j == len(tasked) || i < len(handled) && handled[i] < tasked[j]:
			out = append(out, handled[i])
			i++
		case i == len(handled) || tasked[j] < handled[i]:
			out = append(out, tasked[j])
			j++
		default:
			out = append(out, handled[i])
			i, j = i+1, j+1
		}
	}
	return slices.Clip(out)
}

// UnitHasCase tells whether case caseID was sent to department unit: it
// handles the case, or was sent a task of it.
func (tx *Tx) UnitHasCase(unit, caseID uint64) bool {
	if unit == 0 {
		return false
	}
	// Seek, not Get: a non-unique entry's value is empty (index.go).
	key := cat(u64(unit), u64(caseID))
	for _, ix := range [][]byte{ixUnitCase, ixUnitTaskCase} {
		if k, _ := tx.b(ix).Cursor().Seek(key); k != nil && bytes.HasPrefix(k, key) {
			return true
		}
	}
	return false
}
