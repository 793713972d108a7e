package app

import (
	"laifang/store"
)

// Editing a case from a form, on one PC or several (serve): the form keeps
// the Rev of the case it was opened with and sends it back with the save.
// A save whose Rev is no longer the stored one (someone else saved, a
// repeat visit or an event came in meanwhile) is refused with CodeStale and
// MsgStale, nothing written; the user reopens the case and saves again.
// Never overwrite silently: a service that edits a case goes through
// editCase, or sets c.Rev to the form's Rev itself before store.UpdateCase.

// CaseEdit is what an edit of a case returns for the form to continue
// with: the case's new revision.
type CaseEdit struct {
	CaseID uint64 `json:"caseId"`
	Rev    uint64 `json:"rev"`
}

// editCase reads case caseID in one write transaction, refuses it with
// CodeStale when its Rev is not rev, lets edit change it (and return a
// timeline event, or nil), sets its clocks for what it now is (setClocks:
// no edit leaves a due date of the state it left), and saves it with the
// audit entry of action by act. edit may return an *Error to refuse the
// change (a bad field, a transition not allowed): nothing is written then.
func (b *svc) editCase(st *store.Store, act *Actor, caseID, rev uint64, action string,
	edit func(tx *store.Tx, c *store.Case) (*store.Event, error)) (CaseEdit, error) {
	var out CaseEdit
	err := st.Update(func(tx *store.Tx) error {
		c, err := readCase(tx, act, caseID)
		if err != nil {
			return err
		}
		if c.Rev != rev {
			return store.ErrStale
		}
		ev, err := edit(tx, c)
		if err != nil {
			return err
		}
		if err := setClocks(tx, c); err != nil {
			return err
		}
		if ev != nil && ev.By == 0 && act != nil {
			ev.By = act.ID
		}
		if err := tx.UpdateCase(c, ev, b.auditEntry(act, action)); err != nil {
			return err
		}
		out = CaseEdit{CaseID: c.ID, Rev: c.Rev}
		return nil
	})
	return out, err
}
