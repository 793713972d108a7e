package store

import (
	"bytes"
	"errors"
	"slices"

	"laifang/domain/civil"
)

//go:generate go run github.com/tinylib/msgp@v1.6.5 -file tasks.go -o tasks_msgp.go -tests=false -io=false
// The records of this file are stored as MessagePack (codec.go), by
// methods msgp generates from their json tags: `go generate ./store/`.
//msgp:tag json
//msgp:replace Stamp with:int64
//msgp:replace civil.Date with:int32

// Buckets of this file (created at open, listed in store.go).
var (
	bucketTasks = []byte("tasks")
	ixCaseTask  = []byte("ix.case.task") // caseID | taskID
	ixTaskDue   = []byte("ix.task.due")  // due date | taskID, open tasks only
	ixUnitTask  = []byte("ix.unit.task") // unitID | taskID
	// ix.unit.taskcase is unitID | caseID | taskID: the cases a department
	// was sent a task of, read without reading the tasks (scope.go).
	ixUnitTaskCase = []byte("ix.unit.taskcase")
	// ixUnitOpen lists a department's tasks not yet closed by due date:
	// unitID | due (none last) | taskID. The 督办 list of one department
	// reads these and the keys of ix.unit.task only (docs/PERFORMANCE.md).
	ixUnitOpen = []byte("ix.unit.open")
)

// Task is a transfer, assignment, reminder or supervision (转送/交办/催办/督办…).
type Task struct {
	V            int        `json:"v"`
	ID           uint64     `json:"-"`
	Case         uint64     `json:"c"`
	Parent       uint64     `json:"par,omitempty"`
	Type         string     `json:"ty"`
	FromUnit     uint64     `json:"fu,omitempty"`
	ToUnit       uint64     `json:"tu,omitempty"`
	Issued       Stamp      `json:"at,omitempty"`
	IssuedBy     uint64     `json:"by,omitempty"`
	Letter       uint64     `json:"lt,omitempty"`
	Requirement  string     `json:"req,omitempty"`
	Due          civil.Date `json:"due,omitempty"`
	Received     Stamp      `json:"rcv,omitempty"`
	Receiver     string     `json:"rcn,omitempty"`
	Objected     Stamp      `json:"obj,omitempty"`
	ObjReason    string     `json:"obr,omitempty"`
	ObjDecision  string     `json:"obd,omitempty"`
	ExtRequested Stamp      `json:"exr,omitempty"`
	ExtDays      int        `json:"exd,omitempty"`
	ExtApprover  uint64     `json:"exa,omitempty"`
	NewDue       civil.Date `json:"ndue,omitempty"`
	Feedback     Stamp      `json:"fb,omitempty"`
	FeedbackText string     `json:"fbt,omitempty"`
	FeedbackDoc  uint64     `json:"fbd,omitempty"`
	Status       string     `json:"st"`
	Level        string     `json:"lv,omitempty"`
	Redacted     bool       `json:"red,omitempty"`
	// What the steps after the issue leave (app/tasks.go).
	Rev          uint64     `json:"rev,omitempty"`
	ObjDecided   Stamp      `json:"obdt,omitempty"`
	ExtReason    string     `json:"exrs,omitempty"`
	ExtDecision  string     `json:"exdc,omitempty"` // 同意 / 不同意, "" while pending
	FeedbackDate civil.Date `json:"fbdt,omitempty"` // the date on the 办结报告
	Result       string     `json:"res,omitempty"`  // the result the report gives
	Returned     int        `json:"rtn,omitempty"`  // times the report was sent back
	ReturnReason string     `json:"rtr,omitempty"`
}

// Task status codes.
const (
	TaskPending  = "PENDING" // 待签收
	TaskWorking  = "WORKING" // 办理中
	TaskReported = "REPORTED"
	TaskReturned = "RETURNED"
	TaskClosed   = "CLOSED"
)

// Types of the entries on a task (Parent set): 催办 and 督办, each kept.
const (
	TaskUrge      = "催办"
	TaskSupervise = "督办"
)

// taskOpen tells whether a task still runs a deadline.
func taskOpen(st string) bool { return st == TaskPending || st == TaskWorking || st == TaskReturned }

func (t *Task) setID(id uint64) { t.ID = id }

// dueDate is the deadline in force: the extended one when there is one.
func (t *Task) dueDate() civil.Date {
	if t.NewDue != 0 {
		return t.NewDue
	}
	return t.Due
}

func (t *Task) indexEntries(id uint64, _ []byte) []ixEntry {
	var out []ixEntry
	if t.Case != 0 {
		out = append(out, multi(ixCaseTask, u64(t.Case), id))
	}
	if t.Parent != 0 {
		return out // a 催办/督办 entry: found through its task, runs no deadline of its own
	}
	if d := t.dueDate(); d != 0 && taskOpen(t.Status) {
		out = append(out, multi(ixTaskDue, dateKey(d), id))
	}
	if t.ToUnit != 0 {
		out = append(out, multi(ixUnitTask, u64(t.ToUnit), id))
		if t.Case != 0 {
			out = append(out, multi(ixUnitTaskCase, cat(u64(t.ToUnit), u64(t.Case)), id))
		}
		if t.Status != TaskClosed {
			out = append(out, multi(ixUnitOpen, cat(u64(t.ToUnit), openDueKey(t.dueDate())), id))
		}
	}
	return out
}

// openDueKey orders the open tasks by due date, those without one last.
func openDueKey(d civil.Date) []byte {
	if d == 0 {
		return u32(0xffffffff)
	}
	return dateKey(d)
}

// SaveTask creates or updates a task (转送/交办/催办/督办). The caller adds
// the timeline event and the audit entry in the same transaction.
func (tx *Tx) SaveTask(t *Task) error {
	t.V = recordVersion
	if t.Issued == 0 {
		t.Issued = StampOf(tx.now)
	}
	if err := tx.sendCase(t); err != nil {
		return err
	}
	return putIndexed[Task](tx, bucketTasks, &t.ID, t)
}

// sendCase adds the task's department to its case's Sent, so that the
// case is in that department's work queue (Case.Depts) as long as it is in
// its scope (ix.unit.taskcase): a department sent a task of the case
// before is there already.
func (tx *Tx) sendCase(t *Task) error {
	if t.Parent != 0 || t.ToUnit == 0 || t.Case == 0 {
		return nil
	}
	key := cat(u64(t.ToUnit), u64(t.Case))
	if k, _ := tx.b(ixUnitTaskCase).Cursor().Seek(key); k != nil && bytes.HasPrefix(k, key) {
		return nil
	}
	old, err := tx.Case(t.Case)
	if errors.Is(err, ErrNotFound) {
		return nil // a task of no case on file is in no queue
	}
	if err != nil {
		return err
	}
	if slices.Contains(old.Sent, t.ToUnit) {
		return nil
	}
	c := *old
	c.Sent = append(slices.Clip(old.Sent), t.ToUnit)
	return tx.putCase(&c, old)
}

// UpdateTask replaces a task whose Rev is the stored one and bumps Rev: a
// step taken on a task read before someone else's is refused with
// ErrStale, nothing written. The caller adds the event and audit entry.
func (tx *Tx) UpdateTask(t *Task) error {
	old, err := tx.Task(t.ID)
	if err != nil {
		return err
	}
	if old.Rev != t.Rev {
		return ErrStale
	}
	t.Rev++
	if err := tx.SaveTask(t); err != nil {
		t.Rev--
		return err
	}
	return nil
}

// Task reads one task.
func (tx *Tx) Task(id uint64) (*Task, error) { return getRecord[Task](tx.b(bucketTasks), id) }

func (tx *Tx) tasksOf(ix []byte, prefix []byte, limit int) ([]Task, error) {
	var out []Task
	for _, id := range idsWithPrefix(tx.b(ix), prefix, limit) {
		t, err := tx.Task(id)
		if err != nil {
			return nil, err
		}
		out = append(out, *t)
	}
	return out, nil
}

// CaseTasks lists a case's tasks, newest first.
func (tx *Tx) CaseTasks(caseID uint64) ([]Task, error) {
	return tx.tasksOf(ixCaseTask, u64(caseID), 0)
}

// UnitTaskIDs lists the ids of the tasks sent to a department (not their
// 催办/督办 entries), newest first, from the index keys alone.
func (tx *Tx) UnitTaskIDs(unitID uint64) []uint64 {
	return idsWithPrefix(tx.b(ixUnitTask), u64(unitID), 0)
}

// UnitTaskPage walks a department's tasks newest first by the index keys
// alone, leaving out those skip names, and returns the ids at positions
// [from, from+n) with the count of all it did not leave out.
func (tx *Tx) UnitTaskPage(unitID uint64, skip func(uint64) bool, from, n int) (ids []uint64, total int) {
	prefix := u64(unitID)
	c := tx.b(ixUnitTask).Cursor()
	k, _ := c.Seek(u64(unitID + 1))
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Prev() {
		id := getU64(k[8:])
		if skip(id) {
			continue
		}
		if total >= from && total < from+n {
			ids = append(ids, id)
		}
		total++
	}
	return ids, total
}

// UnitOpenTaskIDs lists the ids of a department's tasks not yet closed,
// earliest due first (those without a due date last).
func (tx *Tx) UnitOpenTaskIDs(unitID uint64) []uint64 {
	var out []uint64
	prefix := u64(unitID)
	c := tx.b(ixUnitOpen).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		out = append(out, getU64(k[len(k)-8:]))
	}
	return out
}

// unitTasks lists the tasks sent to a department, newest first.
func (tx *Tx) unitTasks(unitID uint64, limit int) ([]Task, error) {
	return tx.tasksOf(ixUnitTask, u64(unitID), limit)
}

// tasksDue lists open tasks due in [from, to], earliest first.
func (tx *Tx) tasksDue(from, to civil.Date, limit int) ([]Task, error) {
	var out []Task
	c := tx.b(ixTaskDue).Cursor()
	end := dateKey(to + 1)
	for k, _ := c.Seek(dateKey(from)); k != nil && bytes.Compare(k, end) < 0; k, _ = c.Next() {
		t, err := tx.Task(getU64(k[4:]))
		if err != nil {
			return nil, err
		}
		out = append(out, *t)
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out, nil
}
