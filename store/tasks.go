package store

import (
	"bytes"

	"laifang/domain/civil"
)

// Buckets of this file (created at open, listed in store.go).
var (
	bucketTasks = []byte("tasks")
	ixCaseTask  = []byte("ix.case.task") // caseID | taskID
	ixTaskDue   = []byte("ix.task.due")  // due date | taskID, open tasks only
	ixUnitTask  = []byte("ix.unit.task") // unitID | taskID
	ixUnitOpen  = []byte("ix.unit.open") // unitID | due date | taskID, open tasks to a department (queue.go)
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
}

// Task status codes.
const (
	TaskPending  = "PENDING" // 待签收
	TaskWorking  = "WORKING" // 办理中
	TaskReported = "REPORTED"
	TaskReturned = "RETURNED"
	TaskClosed   = "CLOSED"
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
	if d := t.dueDate(); d != 0 && taskOpen(t.Status) {
		out = append(out, multi(ixTaskDue, dateKey(d), id))
	}
	if t.ToUnit != 0 {
		out = append(out, multi(ixUnitTask, u64(t.ToUnit), id))
	}
	if t.ToUnit != 0 && t.Parent == 0 && taskOpen(t.Status) {
		out = append(out, multi(ixUnitOpen, cat(u64(t.ToUnit), openDueKey(t.dueDate())), id))
	}
	return out
}

// SaveTask creates or updates a task (转送/交办/催办/督办). The caller adds
// the timeline event and the audit entry in the same transaction.
func (tx *Tx) SaveTask(t *Task) error {
	t.V = recordVersion
	if t.Issued == 0 {
		t.Issued = StampOf(tx.now)
	}
	return putIndexed[Task](tx, bucketTasks, &t.ID, t)
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
