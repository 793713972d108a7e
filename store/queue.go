package store

import (
	"bytes"

	"laifang/domain/civil"
	"laifang/domain/followup"
)

// The work queue's indexes (the home screen): ix.case.todo lists the cases
// by what the office owes them (Case.Todo, the kinds of
// domain/followup.Todo), ix.unit.open the open tasks of each department by
// their due date, so that the queue's counts are key counts and its first
// items a few keys, whatever the size of the file.

// todoKey is a kind as the prefix of its keys: the kind and a zero byte,
// so that no kind is the prefix of another's keys.
func todoKey(kind string) []byte { return append([]byte(kind), 0) }

// noDue sorts an open task without a due date after every dated one: it is
// open, never overdue.
const noDue = civil.Date(1<<31 - 1)

func openDueKey(d civil.Date) []byte {
	if d == 0 {
		d = noDue
	}
	return dateKey(d)
}

// TodoCount counts the cases of a work-queue kind.
func (tx *Tx) TodoCount(kind string) int {
	p := todoKey(kind)
	return countRange(tx.b(ixCaseTodo), p, append(p[:len(p):len(p)], 0xff))
}

// EachTodo calls fn with the IDs of the cases of a work-queue kind, oldest
// case first (the longest waiting), until fn returns false.
func (tx *Tx) EachTodo(kind string, fn func(caseID uint64) bool) {
	p := todoKey(kind)
	c := tx.b(ixCaseTodo).Cursor()
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
		if !fn(getU64(k[len(p):])) {
			return
		}
	}
}

// CountDue counts the open cases whose running deadline (Case.Due) falls
// in [from, to].
func (tx *Tx) CountDue(from, to civil.Date) int {
	return countRange(tx.b(ixCaseDue), dateKey(from), dateKey(to+1))
}

// EachDue calls fn with the open cases whose running deadline (Case.Due)
// falls in [from, to], earliest first, until fn returns false.
func (tx *Tx) EachDue(from, to civil.Date, fn func(due civil.Date, caseID uint64) bool) {
	c := tx.b(ixCaseDue).Cursor()
	end := dateKey(to + 1)
	for k, _ := c.Seek(dateKey(from)); k != nil && bytes.Compare(k, end) < 0; k, _ = c.Next() {
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

// fillTodo is schema 6's fill: it sets the work-queue kinds of every case
// written before they were kept (followup.Todo of its facts, as the app
// sets them at every step) with their index entries, and indexes the open
// tasks of each department. Run again after a crash it finds the cases
// done and writes the task entries again.
func (s *Store) fillTodo() error {
	err := s.eachBatch(bucketCases, 20000, func(tx *Tx, k, v []byte) error {
		c, err := decodeRecord[Case](getU64(k), v)
		if err != nil {
			return err
		}
		if len(c.Todo) > 0 {
			return nil
		}
		todo := followup.Todo(c.FollowFacts())
		if len(todo) == 0 {
			return nil
		}
		old := *c
		c.Todo = todo
		return tx.writeCase(c, &old)
	})
	if err != nil {
		return err
	}
	return s.eachBatch(bucketTasks, 50000, func(tx *Tx, k, v []byte) error {
		t, err := decodeRecord[Task](getU64(k), v)
		if err != nil {
			return err
		}
		for _, e := range t.indexEntries(t.ID, nil) {
			if bytes.Equal(e.bucket, ixUnitOpen) {
				if err := tx.b(e.bucket).Put(e.key, e.val); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
