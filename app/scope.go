package app

import "laifang/store"

// What cases a session sees at all (docs/DOMAIN.md §2). A handler (承办人)
// works for one department and sees only the cases sent to it: those it
// handles (Case.Unit) and those it was sent a task of (转送, 交办, 协办 —
// Task.ToUnit). Every other role sees every case; what it sees of each is
// mask.go's business. The rule is deptScope; caseVisible applies it to one
// case, scopeQuery to a list or a search, readCase to a route that opens a
// case by ID. A case outside the scope is answered as an unknown ID is
// (store.ErrNotFound), so that guessing IDs tells nothing.

// deptScope tells whether act sees only the cases and tasks of a
// department, and which (0: none — a handler whose account names no
// department): a session without PermAllUnits (roles.go: the handler).
func deptScope(act *Actor) (unit uint64, scoped bool) {
	if act == nil || act.May(PermAllUnits) {
		return 0, false
	}
	return act.Unit, true
}

// caseVisible tells whether act may see case id at all.
func caseVisible(tx *store.Tx, act *Actor, id uint64) bool {
	unit, scoped := deptScope(act)
	return !scoped || tx.UnitHasCase(unit, id)
}

// scopeQuery keeps a search to the cases act sees: for a handler, his
// department's cases from the store's indexes (store/scope.go), not a
// filter over every case.
func scopeQuery(tx *store.Tx, act *Actor, q *store.Query) {
	if unit, scoped := deptScope(act); scoped {
		q.Scoped, q.Within = true, tx.UnitCaseIDs(unit)
	}
}

// readCase reads case id for act: store.ErrNotFound when there is none or
// act may not see it.
func readCase(tx *store.Tx, act *Actor, id uint64) (*store.Case, error) {
	if !caseVisible(tx, act, id) {
		return nil, store.ErrNotFound
	}
	return tx.Case(id)
}
