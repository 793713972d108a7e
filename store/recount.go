package store

// OpenCaseIDs lists the open cases that have a running deadline (the
// index of due dates), in due-date order: the cases whose clocks a change
// of the holiday calendar or of the time-limit profile may move.
func (tx *Tx) OpenCaseIDs() []uint64 {
	var out []uint64
	c := tx.b(ixCaseDue).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		out = append(out, getU64(k[4:]))
	}
	return out
}

// RecountCase writes the clocks the app computed again for a case (Clocks,
// Due, Todo) after the office changed its calendar or profile. Nobody
// edited the case, so its revision, timeline and audit log are left alone
// (the settings change is audited): a form open on it still saves.
func (tx *Tx) RecountCase(c *Case) error {
	if err := tx.writable(); err != nil {
		return err
	}
	old, err := tx.Case(c.ID)
	if err != nil {
		return err
	}
	next := *old
	next.Clocks, next.Due, next.Todo = c.Clocks, c.Due, c.Todo
	return tx.writeCase(&next, old)
}
