package store_test

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/followup"
	"laifang/store"
)

// todoIndex is what the queue's indexes say: the cases of each kind, the
// office's (unit 0) or a department's.
func todoIndex(t *testing.T, s *store.Store, unit uint64) map[string][]uint64 {
	t.Helper()
	out := map[string][]uint64{}
	err := s.View(func(tx *store.Tx) error {
		for _, k := range followup.TodoKinds {
			tx.EachTodo(unit, k, func(id uint64) bool { out[k] = append(out[k], id); return true })
			if n := tx.TodoCount(unit, k); n != len(out[k]) {
				t.Errorf("%s: TodoCount %d, EachTodo %d", k, n, len(out[k]))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// queueMatchesScan checks the queue's indexes, the office's and each
// department's, against a scan of every case: the cases of each kind, and
// the open cases with their running deadline.
func queueMatchesScan(t *testing.T, s *store.Store) {
	t.Helper()
	all := scanCases(s)
	units := map[uint64]bool{0: true}
	for _, sc := range all {
		for _, u := range sc.c.Depts() {
			units[u] = true
		}
	}
	for unit := range units {
		scan := map[string][]uint64{}
		var due []uint64
		for _, sc := range all {
			if unit != 0 && !slices.Contains(sc.c.Depts(), unit) {
				continue
			}
			for _, k := range sc.c.Todo {
				scan[k] = append(scan[k], sc.c.ID)
			}
			// an open case's deadline, or a closed one's still running (K2)
			if sc.c.Due != 0 && (casestate.Open(casestate.State(sc.c.Status)) || len(sc.c.Clocks) > 0) {
				due = append(due, sc.c.ID)
			}
		}
		ix := todoIndex(t, s, unit)
		for _, k := range followup.TodoKinds {
			if !slices.Equal(scan[k], ix[k]) {
				t.Errorf("unit %d, %s: index %v, scan %v", unit, k, ix[k], scan[k])
			}
		}
		var got []uint64
		var last civil.Date
		s.View(func(tx *store.Tx) error {
			tx.EachDue(unit, 0, civil.D(2100, 1, 1), func(d civil.Date, id uint64) bool {
				if d < last {
					t.Errorf("unit %d: due dates out of order", unit)
				}
				last = d
				got = append(got, id)
				return true
			})
			if n := tx.CountDue(unit, 0, civil.D(2100, 1, 1)); n != len(got) {
				t.Errorf("unit %d: CountDue %d, EachDue %d", unit, n, len(got))
			}
			return nil
		})
		slices.Sort(got)
		if !slices.Equal(got, due) {
			t.Errorf("unit %d: due index %v, scan %v", unit, got, due)
		}
	}
}

// TestQueueAfterUpgradeFromVersion5 upgrades a file made by schema 5
// (testdata: 120 visits from `laifang gen` of that version, no follow-up
// recorded): every case gets the work-queue kinds of its facts (schema 8),
// and the queue's indexes find the cases and the departments' open tasks a
// scan finds.
func TestQueueAfterUpgradeFromVersion5(t *testing.T) {
	dir := t.TempDir()
	path := oldFile(t, dir, 5)
	s := open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk")})
	defer s.Close()
	if steps, _ := s.Migrated(); !slices.Equal(steps, []int{6, 7, 8, 9, 10, 11, 12, 13, 14}) {
		t.Errorf("steps %v", steps)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after the upgrade: %v %v", err, r.Problems)
	}
	owed := 0
	for _, sc := range scanCases(s) {
		want := followup.Todo(sc.c.FollowFacts())
		if !slices.Equal(sc.c.Todo, want) {
			t.Errorf("case %d (%s): Todo %v, want %v", sc.c.ID, sc.c.Status, sc.c.Todo, want)
		}
		owed += len(want)
	}
	if owed == 0 {
		t.Fatal("the old file has no case the office owes anything")
	}
	queueMatchesScan(t, s)
	unitTasksMatchScan(t, s, civil.Date(civil.DateOf(testNow)))
}

// unitTasksMatchScan checks each department's open and overdue task counts
// against a scan of every case's tasks.
func unitTasksMatchScan(t *testing.T, s *store.Store, today civil.Date) {
	t.Helper()
	type counts struct{ open, overdue int }
	want := map[uint64]counts{}
	err := s.View(func(tx *store.Tx) error {
		for _, sc := range scanCases(s) {
			ts, err := tx.CaseTasks(sc.c.ID)
			if err != nil {
				return err
			}
			for _, tk := range ts {
				open := tk.Status == store.TaskPending || tk.Status == store.TaskWorking || tk.Status == store.TaskReturned
				if tk.ToUnit == 0 || tk.Parent != 0 || !open {
					continue
				}
				c := want[tk.ToUnit]
				c.open++
				due := tk.Due
				if tk.NewDue != 0 {
					due = tk.NewDue
				}
				if due != 0 && due < today {
					c.overdue++
				}
				want[tk.ToUnit] = c
			}
		}
		us, err := tx.Units()
		if err != nil {
			return err
		}
		for _, u := range us {
			o, d := tx.UnitTaskCounts(u.ID, today)
			if w := want[u.ID]; o != w.open || d != w.overdue {
				t.Errorf("unit %s: open %d overdue %d, scan %d %d", u.Name, o, d, w.open, w.overdue)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestQueueIndexes follows one case and its tasks through changes: the
// queue's indexes follow the records, and a department's counts leave out
// closed tasks and the 催办/督办 entries on a task.
func TestQueueIndexes(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "q.db"), store.Options{Now: func() time.Time { return testNow }})
	defer s.Close()
	today := civil.Date(civil.DateOf(testNow))
	in := store.Intake{Case: store.Case{Title: "拖欠工资问题", Status: "ACCEPTED", Accepted: today, Unit: 5,
		Due: today + 60, Todo: []string{followup.TodoNotice, followup.TodoReply}}, By: 1}
	r, err := s.SaveIntake(&in)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]uint64{followup.TodoNotice: {r.CaseID}, followup.TodoReply: {r.CaseID}}
	if got := todoIndex(t, s, 0); !maps.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("after intake: %v", got)
	}
	if got := todoIndex(t, s, 5); !maps.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("after intake, its department's: %v", got)
	}
	if got := todoIndex(t, s, 6); len(got) != 0 {
		t.Fatalf("another department's: %v", got)
	}
	queueMatchesScan(t, s)
	c, err := s.Case(r.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	c.Status, c.Todo = "REPLIED", []string{followup.TodoServe}
	if err := s.UpdateCase(c, nil, nil); err != nil {
		t.Fatal(err)
	}
	want = map[string][]uint64{followup.TodoServe: {r.CaseID}}
	if got := todoIndex(t, s, 0); !maps.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("after the reply: %v", got)
	}
	c.Unit, c.Status, c.Todo = 6, "CLOSED", nil
	if err := s.UpdateCase(c, nil, nil); err != nil {
		t.Fatal(err)
	}
	if got := todoIndex(t, s, 0); len(got) != 0 {
		t.Fatalf("after closing: %v", got)
	}
	queueMatchesScan(t, s)
	var unit store.Unit
	err = s.Update(func(tx *store.Tx) error {
		unit = store.Unit{Name: "司法所", Active: true}
		if err := tx.SaveUnit(&unit); err != nil {
			return err
		}
		tasks := []store.Task{
			{Type: "交办", Due: today - 3, Status: store.TaskWorking},                    // overdue
			{Type: "交办", Due: today - 3, NewDue: today + 5, Status: store.TaskWorking}, // extended: not overdue
			{Type: "交办", Due: today, Status: store.TaskPending},                        // due today: not yet overdue
			{Type: "转送", Status: store.TaskWorking},                                    // no date: open, never overdue
			{Type: "交办", Due: today - 9, Status: store.TaskClosed},                     // done
			{Type: "催办", Parent: 1, Due: today - 9, Status: store.TaskWorking},         // an entry on task 1
		}
		for i := range tasks {
			tasks[i].Case, tasks[i].ToUnit = r.CaseID, unit.ID
			if err := tx.SaveTask(&tasks[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	counts := func() (o, d int) {
		s.View(func(tx *store.Tx) error { o, d = tx.UnitTaskCounts(unit.ID, today); return nil })
		return
	}
	if o, d := counts(); o != 4 || d != 1 {
		t.Errorf("open %d overdue %d, want 4 and 1", o, d)
	}
	unitTasksMatchScan(t, s, today)
	err = s.Update(func(tx *store.Tx) error {
		tk, err := tx.Task(1)
		if err != nil {
			return err
		}
		tk.Status = store.TaskClosed
		return tx.SaveTask(tk)
	})
	if err != nil {
		t.Fatal(err)
	}
	if o, d := counts(); o != 3 || d != 0 {
		t.Errorf("after closing the overdue task: open %d overdue %d, want 3 and 0", o, d)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
}

// TestATaskPutsItsCaseInTheDepartmentsQueue: a case handled by one
// department and sent to a second by a task (协办) is in the second's work
// queue too, as it is in its scope; an edit of the case read before the
// task was sent keeps it there; a third department never sees it.
func TestATaskPutsItsCaseInTheDepartmentsQueue(t *testing.T) {
	s, today := queueStore(t)
	in := store.Intake{Case: store.Case{Title: "拖欠工资问题", Status: "ACCEPTED", Accepted: today, Unit: 5,
		Due: today + 60, Clocks: []store.CaseClock{{Clock: "办理", Legal: today + 60}},
		Todo: []string{followup.TodoReply}}, By: 1}
	r, err := s.SaveIntake(&in)
	if err != nil {
		t.Fatal(err)
	}
	before, err := s.Case(r.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	assist(t, s, r.CaseID, 7, today+20)
	// the case as a form read it before the 协办, saved now
	before.Todo = []string{followup.TodoReply}
	before.Title = "拖欠工资问题（补充）"
	if err := s.UpdateCase(before, nil, nil); err != nil {
		t.Fatal(err)
	}
	want := map[string][]uint64{followup.TodoReply: {r.CaseID}}
	for _, unit := range []uint64{5, 7} {
		if got := todoIndex(t, s, unit); !maps.EqualFunc(got, want, slices.Equal) {
			t.Errorf("department %d's queue: %v", unit, got)
		}
		s.View(func(tx *store.Tx) error {
			if n := tx.CountDue(unit, today, today+60); n != 1 {
				t.Errorf("department %d: %d cases due, want 1", unit, n)
			}
			if !tx.UnitHasCase(unit, r.CaseID) {
				t.Errorf("department %d does not have the case in its scope", unit)
			}
			return nil
		})
	}
	if got := todoIndex(t, s, 8); len(got) != 0 {
		t.Errorf("a third department's queue: %v", got)
	}
	queueMatchesScan(t, s)
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
}

// TestAClosedReportsFeedbackClockIsIndexed: a closed real-name report
// still runs the 纪检 feedback clock (K2), so its deadline is in the due
// index like an open case's; archived, it is not.
func TestAClosedReportsFeedbackClockIsIndexed(t *testing.T) {
	s, today := queueStore(t)
	k2 := today + 21
	in := store.Intake{Case: store.Case{Title: "检举某所长", Type: "检举控告", RealName: true, Status: "CLOSED",
		Closed: today, Unit: 5, Due: k2, Clocks: []store.CaseClock{{Clock: "纪检反馈", Start: today, Legal: k2}}}, By: 1}
	r, err := s.SaveIntake(&in)
	if err != nil {
		t.Fatal(err)
	}
	due := func() (office, unit int) {
		s.View(func(tx *store.Tx) error {
			office, unit = tx.CountDue(0, k2, k2), tx.CountDue(5, k2, k2)
			return nil
		})
		return
	}
	if o, u := due(); o != 1 || u != 1 {
		t.Fatalf("closed with K2 running: office %d, department %d, want 1 and 1", o, u)
	}
	c, err := s.Case(r.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	c.Status, c.Clocks, c.Due = "ARCHIVED", nil, 0
	if err := s.UpdateCase(c, nil, nil); err != nil {
		t.Fatal(err)
	}
	if o, u := due(); o != 0 || u != 0 {
		t.Fatalf("archived: office %d, department %d, want none", o, u)
	}
	queueMatchesScan(t, s)
}

// Check tells a case whose record of the departments sent a task of it
// does not match its tasks, and RebuildIndexes mends it from the tasks,
// with the department's queue.
func TestCheckAndRebuildTheDepartmentsSentATask(t *testing.T) {
	s, today := queueStore(t)
	r, err := s.SaveIntake(&store.Intake{Case: store.Case{Title: "拖欠工资问题", Status: "ACCEPTED", Unit: 5,
		Todo: []string{followup.TodoReply}}, By: 1})
	if err != nil {
		t.Fatal(err)
	}
	assist(t, s, r.CaseID, 7, today+20)
	if err := s.PutCaseSent(r.CaseID, nil); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Check()
	if err != nil || rep.OK() || !slices.ContainsFunc(rep.Problems, func(p string) bool { return strings.HasPrefix(p, "承办单位：") }) {
		t.Fatalf("check after the damage: %v %v", err, rep.Problems)
	}
	if err := s.RebuildIndexes(nil); err != nil {
		t.Fatal(err)
	}
	if rep, err := s.Check(); err != nil || !rep.OK() {
		t.Fatalf("check after the rebuild: %v %v", err, rep.Problems)
	}
	if got := todoIndex(t, s, 7); !slices.Equal(got[followup.TodoReply], []uint64{r.CaseID}) {
		t.Errorf("the 协办 department's queue after the rebuild: %v", got)
	}
}

// queueStore is an empty file on the tests' today, closed when the test ends.
func queueStore(t *testing.T) (*store.Store, civil.Date) {
	t.Helper()
	s := open(t, filepath.Join(t.TempDir(), "q.db"), store.Options{Now: func() time.Time { return testNow }})
	t.Cleanup(func() { s.Close() })
	return s, civil.Date(civil.DateOf(testNow))
}

// assist sends department unit a 协办 of case caseID, due on due.
func assist(t *testing.T, s *store.Store, caseID, unit uint64, due civil.Date) {
	t.Helper()
	if err := s.Update(func(tx *store.Tx) error {
		return tx.SaveTask(&store.Task{Case: caseID, Type: "协办", ToUnit: unit, Due: due, Status: store.TaskPending})
	}); err != nil {
		t.Fatal(err)
	}
}
