package store

import (
	"bytes"
	"slices"

	"laifang/domain/civil"
	"laifang/domain/followup"
)

// The work queue's indexes (the home screen): ix.case.todo lists the cases
// by what the office owes them (Case.Todo, the kinds of
// domain/followup.Todo), ix.unit.todo and ix.unit.due the same and the
// running deadlines by department (a handler's queue), ix.unit.open the
// open tasks of each department by their due date, so that the queue's
// counts are key counts and its first items a few keys, whatever the size
// of the file.

// todoKey is a kind as the prefix of its keys: the kind and a zero byte,
// so that no kind is the prefix of another's keys.
func todoKey(kind string) []byte { return append([]byte(kind), 0) }

// queueIndexes are the work queue's indexes, which schema 8 added.
var queueIndexes = [][]byte{ixCaseTodo, ixUnitTodo, ixUnitDue, ixUnitOpen}

// todoPrefix is where the cases of a kind are keyed: the office's index,
// or under a department's ID (unit ≠ 0) its own.
func (tx *Tx) todoPrefix(unit uint64, kind string) ([]byte, []byte) {
	if unit == 0 {
		return ixCaseTodo, todoKey(kind)
	}
	return ixUnitTodo, cat(u64(unit), todoKey(kind))
}

// TodoCount counts the cases of a work-queue kind: the office's (unit 0)
// or a department's.
func (tx *Tx) TodoCount(unit uint64, kind string) int {
	b, p := tx.todoPrefix(unit, kind)
	return countRange(tx.b(b), p, append(p[:len(p):len(p)], 0xff))
}

// EachTodo calls fn with the IDs of the cases of a work-queue kind (the
// office's, unit 0, or a department's), oldest case first (the longest
// waiting), until fn returns false.
func (tx *Tx) EachTodo(unit uint64, kind string, fn func(caseID uint64) bool) {
	b, p := tx.todoPrefix(unit, kind)
	c := tx.b(b).Cursor()
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
		if !fn(getU64(k[len(p):])) {
			return
		}
	}
}

// dueRange is where the open cases due in [from, to] are keyed: the
// office's index, or a department's (unit ≠ 0).
func (tx *Tx) dueRange(unit uint64, from, to civil.Date) (b []byte, lo, hi []byte, skip int) {
	if unit == 0 {
		return ixCaseDue, dateKey(from), dateKey(to + 1), 0
	}
	return ixUnitDue, cat(u64(unit), dateKey(from)), cat(u64(unit), dateKey(to+1)), 8
}

// CountDue counts the open cases (the office's, unit 0, or a
// department's) whose running deadline (Case.Due) falls in [from, to].
func (tx *Tx) CountDue(unit uint64, from, to civil.Date) int {
	b, lo, hi, _ := tx.dueRange(unit, from, to)
	return countRange(tx.b(b), lo, hi)
}

// EachDue calls fn with the open cases (the office's, unit 0, or a
// department's) whose running deadline (Case.Due) falls in [from, to],
// earliest first, until fn returns false.
func (tx *Tx) EachDue(unit uint64, from, to civil.Date, fn func(due civil.Date, caseID uint64) bool) {
	b, lo, hi, skip := tx.dueRange(unit, from, to)
	c := tx.b(b).Cursor()
	for k, _ := c.Seek(lo); k != nil && bytes.Compare(k, hi) < 0; k, _ = c.Next() {
		k = k[skip:]
		if !fn(civil.Date(getU32(k[:4])), getU64(k[4:])) {
			return
		}
	}
}

// UnitTaskCounts counts a department's open tasks (转送/交办/协办, not the
// 催办 and 督办 entries on them) and those of them past their due date on
// today.
func (tx *Tx) UnitTaskCounts(unitID uint64, today civil.Date) (open, overdue int) {
	b := tx.b(ixUnitOpen)
	p := u64(unitID)
	open = countRange(b, p, cat(p, []byte{0xff, 0xff, 0xff, 0xff, 0xff}))
	overdue = countRange(b, p, cat(p, dateKey(today)))
	return open, overdue
}

// VisitCountOn counts the visits of a day.
func (tx *Tx) VisitCountOn(d civil.Date) int {
	return countRange(tx.b(ixVisitDay), dateKey(d), dateKey(d+1))
}

// VisitCasesOn lists the case of each visit of a day, oldest visit first
// (a case twice when it was visited twice), from the index keys alone.
func (tx *Tx) VisitCasesOn(d civil.Date) []uint64 {
	var out []uint64
	p := dateKey(d)
	c := tx.b(ixVisitDay).Cursor()
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
		out = append(out, getU64(v))
	}
	return out
}

// fillTodo is schema 8's fill: it sets the work-queue kinds of every case
// written before they were kept (followup.Todo of its facts, as the app
// sets them at every step) and writes the queue's index entries of every
// case and task. Run again after a crash it finds the cases' kinds set
// and writes their entries again.
func (s *Store) fillTodo() error {
	err := s.eachBatch(bucketCases, 20000, func(tx *Tx, k, v []byte) error {
		c, err := decodeRecord[Case](getU64(k), v)
		if err != nil {
			return err
		}
		if todo := followup.Todo(c.FollowFacts()); len(c.Todo) == 0 && len(todo) > 0 {
			old := *c
			c.Todo = todo
			if err := tx.writeCase(c, &old); err != nil {
				return err
			}
		}
		return putQueueEntries(tx, c.indexEntries(c.ID, nil))
	})
	if err != nil {
		return err
	}
	return s.eachBatch(bucketTasks, 50000, func(tx *Tx, k, v []byte) error {
		t, err := decodeRecord[Task](getU64(k), v)
		if err != nil {
			return err
		}
		return putQueueEntries(tx, t.indexEntries(t.ID, nil))
	})
}

// putQueueEntries writes those of a record's index entries that belong to
// the work queue's indexes (ix.case.due with them): a fill writes them
// again after a crash, and writes those an older program left out.
func putQueueEntries(tx *Tx, entries []ixEntry) error {
	for _, e := range entries {
		if bytes.Equal(e.bucket, ixCaseDue) || slices.ContainsFunc(queueIndexes, func(b []byte) bool { return bytes.Equal(b, e.bucket) }) {
			if err := tx.b(e.bucket).Put(e.key, e.val); err != nil {
				return err
			}
		}
	}
	return nil
}

// fillSent is schema 10's fill. It sets each case's Sent from its tasks
// (SaveTask keeps it since), so that a case sent to a department by a
// task is in that department's work queue, and writes the queue's entries
// of every case again: those of the departments sent a task, and the
// running deadline of a closed case whose clocks still run (the 纪检 K2),
// which older programs did not index. Run again after a crash it finds
// the cases' Sent set and writes the same keys.
func (s *Store) fillSent() error {
	return s.eachBatch(bucketCases, 20000, func(tx *Tx, k, v []byte) error {
		c, err := decodeRecord[Case](getU64(k), v)
		if err != nil {
			return err
		}
		var sent []uint64
		for _, id := range idsWithPrefix(tx.b(ixCaseTask), u64(c.ID), 0) {
			t, err := tx.Task(id)
			if err != nil {
				return err
			}
			if t.Parent == 0 && t.ToUnit != 0 && !slices.Contains(sent, t.ToUnit) {
				sent = append(sent, t.ToUnit)
			}
		}
		if len(sent) > 0 && !slices.Equal(sent, c.Sent) {
			old := *c
			c.Sent = sent
			if err := tx.putCase(c, &old); err != nil {
				return err
			}
		}
		return putQueueEntries(tx, c.indexEntries(c.ID, nil))
	})
}
