package app

import (
	"laifang/domain/followup"
	"slices"
	"strings"
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store"
)

// taskOffice is a set-up office with two departments, a handler in each,
// a clerk and a head.
type taskOffice struct {
	a              *App
	clk            *clock
	u1, u2         uint64 // 劳动保障所, 司法所
	clerk, head    Bound
	h1, h2         Bound // handlers of u1 and u2
	headID, h1User uint64
}

func newTaskOffice(t *testing.T) *taskOffice {
	t.Helper()
	a, clk := testApp(t)
	setUp(t, a)
	o := &taskOffice{a: a, clk: clk}
	st, _ := a.store()
	if err := st.Update(func(tx *store.Tx) error {
		for _, u := range []*uint64{&o.u1, &o.u2} {
			n := map[*uint64]string{&o.u1: "劳动保障所", &o.u2: "司法所"}[u]
			x := &store.Unit{Name: n, Kind: "internal", Active: true, Assignable: true}
			if err := tx.SaveUnit(x); err != nil {
				return err
			}
			*u = x.ID
		}
		// the clock moves by days: no session locks meanwhile
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		set.IdleMinutes = -1
		return tx.UpdateSettings(set)
	}); err != nil {
		t.Fatal(err)
	}
	o.clerk = clerk(t, a, "clerk1", RoleClerk, false)
	o.head = clerk(t, a, "head1", RoleHead, false)
	o.h1 = o.handler(t, "handler1", o.u1)
	o.h2 = o.handler(t, "handler2", o.u2)
	return o
}

// handler adds a handler of department unit and signs him in.
func (o *taskOffice) handler(t *testing.T, login string, unit uint64) Bound {
	t.Helper()
	st, _ := o.a.store()
	u := &store.User{Name: login, Login: login, Role: RoleHandler, Active: true, Unit: unit,
		PassHash: hashPassword("Secret123" + login)}
	if err := st.Update(func(tx *store.Tx) error { return tx.UpdateUser(u) }); err != nil {
		t.Fatal(err)
	}
	s := NewSession("测试", false)
	s.signIn(actorOf(u), o.a.now())
	return o.a.bind(s)
}

// at sets the clock to day (YYYY-MM-DD) at 09:00.
func (o *taskOffice) at(t *testing.T, day string) {
	t.Helper()
	d, err := time.ParseInLocation("2006-01-02 15:04", day+" 09:00", time.Local)
	if err != nil {
		t.Fatal(err)
	}
	o.clk.mu.Lock()
	o.clk.t = d
	o.clk.mu.Unlock()
}

// assign registers a visit on day and assigns it to unit with due date
// due; it returns the case and its task.
func (o *taskOffice) assign(t *testing.T, day string, unit uint64, due string) (uint64, TaskDetail) {
	t.Helper()
	o.at(t, day)
	in := baseInput()
	in.ReceivedAt, in.Record.Start, in.Record.End = day+"T08:40", day+"T08:45", day+"T08:58"
	in.Disposal, in.UnitID, in.Due, in.Opinion = string(casestate.Assign), unit, due, "请核实工资发放情况并反馈"
	r, err := o.clerk.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	p, err := o.clerk.Tasks.List(TaskQuery{Unit: unit})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range p.Rows {
		if row.Case == r.CaseID {
			d, err := o.clerk.Tasks.Get(row.ID)
			if err != nil {
				t.Fatal(err)
			}
			return r.CaseID, d
		}
	}
	t.Fatalf("the 交办 of case %d is not on the list of its department: %+v", r.CaseID, p.Rows)
	return 0, TaskDetail{}
}

// caseRev is the stored case's Rev (what an edit form opened now reads).
func caseRev(t *testing.T, a *App, id uint64) uint64 {
	t.Helper()
	st, _ := a.store()
	c, err := st.Case(id)
	if err != nil {
		t.Fatal(err)
	}
	return c.Rev
}

func taskStepOK(t *testing.T, b Bound, in TaskStepInput) TaskDetail {
	t.Helper()
	d, err := b.Tasks.Step(in)
	if err != nil {
		t.Fatalf("%s: %v", in.Action, err)
	}
	return d
}

func hasStep(d TaskDetail, action string) bool {
	return slices.ContainsFunc(d.Steps, func(s TaskAction) bool { return s.Action == action })
}

// A 交办 from issue to closing: the department's handler signs for it
// (another department's is told it does not exist), asks for an
// extension the head approves (the due date moves, the case's with it),
// reports; the head returns the report with a new date, then accepts the
// second report, which closes the case.
func TestAnAssignmentFromIssueToClosing(t *testing.T) {
	o := newTaskOffice(t)
	caseID, task := o.assign(t, "2026-04-30", o.u1, "2026-05-29")
	if task.Status != store.TaskPending || task.UnitName != "劳动保障所" || task.Due != "2026-05-29" || task.CaseNo == "" {
		t.Fatalf("the new task: %+v", task.TaskRow)
	}

	// Each handler sees his own department's tasks only.
	if p, _ := o.h1.Tasks.List(TaskQuery{}); p.Total != 1 || p.Rows[0].ID != task.ID {
		t.Errorf("handler1 lists %+v", p)
	}
	if p, _ := o.h2.Tasks.List(TaskQuery{Unit: o.u1}); p.Total != 0 {
		t.Errorf("handler2 lists another department's tasks: %+v", p.Rows)
	}
	if _, err := o.h2.Tasks.Get(task.ID); code(err) != CodeNotFound {
		t.Errorf("handler2 reads another department's task: %v", err)
	}
	if _, err := o.h2.Tasks.Step(TaskStepInput{Task: task.ID, Action: StepReceive, Rev: task.Rev, Receiver: "李四"}); code(err) != CodeNotFound {
		t.Errorf("handler2 signs for another department's task: %v", err)
	}
	// The head decides; he does not sign for a department.
	if d, _ := o.h1.Tasks.Get(task.ID); !hasStep(d, StepReceive) || hasStep(d, StepAccept) {
		t.Errorf("handler1 is offered %+v", d.Steps)
	}

	// 签收: the receiver's name is needed.
	if _, err := o.h1.Tasks.Step(TaskStepInput{Task: task.ID, Action: StepReceive, Rev: task.Rev}); fields(err)["receiver"] == "" {
		t.Errorf("a 签收 without a name: %v", err)
	}
	o.at(t, "2026-05-06")
	got := taskStepOK(t, o.h1, TaskStepInput{Task: task.ID, Action: StepReceive, Rev: task.Rev, Receiver: "测试丙"})
	if got.Status != store.TaskWorking || got.Receiver != "测试丙" {
		t.Errorf("after 签收: %s %q", got.Status, got.Receiver)
	}
	// The form read before it is stale now.
	if _, err := o.h1.Tasks.Step(TaskStepInput{Task: task.ID, Action: StepExtendRequest, Rev: task.Rev, Days: 5,
		Reason: "需要调取材料"}); code(err) != CodeStale {
		t.Errorf("a step on a stale revision: %v", err)
	}

	// 延期申请 and its approval move the due date, the case's too.
	if _, err := o.h1.Tasks.Step(TaskStepInput{Task: task.ID, Action: StepExtendRequest, Rev: got.Rev, Days: 0,
		Reason: "需要调取材料"}); fields(err)["days"] == "" {
		t.Errorf("an extension of 0 days: %v", err)
	}
	got = taskStepOK(t, o.h1, TaskStepInput{Task: task.ID, Action: StepExtendRequest, Rev: got.Rev, Days: 10, Reason: "需要调取材料"})
	if _, err := o.h1.Tasks.Step(TaskStepInput{Task: task.ID, Action: StepExtendOK, Rev: got.Rev}); code(err) != CodeTaskForbidden {
		t.Errorf("a handler approves his own extension: %v", err)
	}
	got = taskStepOK(t, o.head, TaskStepInput{Task: task.ID, Action: StepExtendOK, Rev: got.Rev})
	if got.Due != "2026-06-08" || got.ExtDecision != "同意" {
		t.Errorf("after the extension: due %s, decision %q", got.Due, got.ExtDecision)
	}
	if c, _ := o.clerk.Cases.Get(caseID); slipDue(c) != "2026-06-08" {
		t.Errorf("the case's due date after the extension: %s", slipDue(c))
	}

	// 反馈, returned with a new date. The report's dialog opens on today.
	o.at(t, "2026-05-20")
	if d, _ := o.h1.Tasks.Get(task.ID); !slices.ContainsFunc(d.Steps, func(a TaskAction) bool {
		return a.Action == StepFeedback && a.Suggested["date"] == "2026-05-20"
	}) {
		t.Errorf("the report is not offered with today's date: %+v", d.Steps)
	}
	if _, err := o.h1.Tasks.Step(TaskStepInput{Task: task.ID, Action: StepFeedback, Rev: got.Rev, Text: "已协调支付",
		Result: "解释说明", Date: "2026-05-21"}); fields(err)["date"] == "" {
		t.Errorf("a report dated tomorrow: %v", err)
	}
	got = taskStepOK(t, o.h1, TaskStepInput{Task: task.ID, Action: StepFeedback, Rev: got.Rev, Text: "已约谈企业负责人",
		Result: "解释说明", Date: "2026-05-20"})
	if got.Status != store.TaskReported || got.Result != "解释说明" {
		t.Errorf("after the report: %s %q", got.Status, got.Result)
	}
	if _, err := o.head.Tasks.Step(TaskStepInput{Task: task.ID, Action: StepReturn, Rev: got.Rev, Reason: "未附工资支付凭证",
		Due: "2026-05-20"}); fields(err)["due"] == "" {
		t.Errorf("a return due today: %v", err)
	}
	got = taskStepOK(t, o.head, TaskStepInput{Task: task.ID, Action: StepReturn, Rev: got.Rev, Reason: "未附工资支付凭证", Due: "2026-06-15"})
	if got.Status != store.TaskReturned || got.Due != "2026-06-15" {
		t.Errorf("after the return: %s due %s", got.Status, got.Due)
	}
	if c, _ := o.clerk.Cases.Get(caseID); c.Status != string(casestate.Assigned) || slipDue(c) != "2026-06-15" {
		t.Errorf("the case after the return: %s due %s", c.Status, slipDue(c))
	}

	// The second report, accepted: the task and the case are closed.
	got = taskStepOK(t, o.h1, TaskStepInput{Task: task.ID, Action: StepFeedback, Rev: got.Rev, Text: "已补充支付凭证",
		Result: "予以支持", Date: "2026-05-20"})
	got = taskStepOK(t, o.head, TaskStepInput{Task: task.ID, Action: StepAccept, Rev: got.Rev})
	if got.Status != store.TaskClosed || len(got.Steps) != 0 {
		t.Errorf("after acceptance: %s, steps %+v", got.Status, got.Steps)
	}
	c, _ := o.clerk.Cases.Get(caseID)
	if c.Status != string(casestate.Closed) || c.Closed != "2026-05-20" {
		t.Errorf("the case after acceptance: %s closed %q", c.Status, c.Closed)
	}

	// Every step is in the task's history and on the case's timeline.
	var hist []string
	for _, h := range got.History {
		hist = append(hist, h.Text)
	}
	for _, want := range []string{"发出交办", "签收：签收人 测试丙", "申请延期 10 天", "批准延期", "反馈办理结果（解释说明",
		"退回重办，期限 2026-06-15", "反馈办理结果（予以支持", "审核通过"} {
		if !slices.ContainsFunc(hist, func(h string) bool { return strings.Contains(h, want) }) {
			t.Errorf("the history lacks %q: %q", want, hist)
		}
	}
	n := 0
	for _, e := range c.Timeline {
		if e.Kind == store.EventTask && strings.Contains(e.Text, "反馈办理结果") {
			n++
		}
	}
	if n != 2 {
		t.Errorf("the timeline has %d reports, want 2", n)
	}
}

// The objection window is 5 working days from the issue, counted on the
// office's calendar: a 交办 issued on Thursday 2026-04-30 runs into the
// 劳动节 holidays (1–5 May) and the 调休 working Saturday 9 May, so a
// clerk counts 6, 7, 8, 9, 11 May: the last day is Monday 2026-05-11.
func TestAnObjectionAfterFiveWorkingDaysIsRefused(t *testing.T) {
	o := newTaskOffice(t)
	_, late := o.assign(t, "2026-04-30", o.u1, "2026-05-29")
	caseID, inTime := o.assign(t, "2026-04-30", o.u1, "2026-05-29")
	if late.ObjectionEnds != "2026-05-11" {
		t.Errorf("the objection window ends %s, want 2026-05-11", late.ObjectionEnds)
	}
	o.at(t, "2026-05-12")
	_, err := o.h1.Tasks.Step(TaskStepInput{Task: late.ID, Action: StepObject, Rev: late.Rev, Reason: "不属于本单位职责"})
	if fields(err)["reason"] != CodeTaskWindow || !strings.Contains(AsError(err).Message, "2026-05-11") {
		t.Errorf("an objection on 2026-05-12: %v", err)
	}

	// On the last day it is taken; the head upholds it: the task is
	// closed and the case back at the desk.
	o.at(t, "2026-05-11")
	d := taskStepOK(t, o.h1, TaskStepInput{Task: inTime.ID, Action: StepObject, Rev: inTime.Rev, Reason: "不属于本单位职责"})
	if hasStep(d, StepReceive) {
		t.Errorf("a task with an objection pending offers 签收: %+v", d.Steps)
	}
	d = taskStepOK(t, o.head, TaskStepInput{Task: inTime.ID, Action: StepObjectionOK, Rev: d.Rev})
	if d.Status != store.TaskClosed || d.ObjDecision != "同意" {
		t.Errorf("after the objection upheld: %s %q", d.Status, d.ObjDecision)
	}
	if c, _ := o.clerk.Cases.Get(caseID); c.Status != string(casestate.Registered) {
		t.Errorf("the case after the objection upheld: %s", c.Status)
	}
}

// 催办 then 督办 are kept in order on the task, each with who and when;
// 挂牌督办 is the head's.
func TestUrgesAreRecordedInOrder(t *testing.T) {
	o := newTaskOffice(t)
	_, task := o.assign(t, "2026-04-30", o.u1, "2026-05-29")
	d, err := o.clerk.Tasks.Urge(UrgeInput{Task: task.ID, Level: "一般催办", Text: "请于本周内签收", Rev: task.Rev})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.clerk.Tasks.Urge(UrgeInput{Task: task.ID, Level: "督办", Text: "请尽快办理", Rev: task.Rev}); code(err) != CodeStale {
		t.Errorf("an urge on a stale revision: %v", err)
	}
	if _, err := o.clerk.Tasks.Urge(UrgeInput{Task: task.ID, Level: "挂牌督办", Text: "挂牌督办", Rev: d.Rev}); fields(err)["level"] != CodeTaskForbidden {
		t.Errorf("a clerk's 挂牌督办: %v", err)
	}
	if _, err := o.clerk.Tasks.Urge(UrgeInput{Task: task.ID, Level: "督办", Text: "", Rev: d.Rev}); fields(err)["text"] == "" {
		t.Errorf("an urge without text: %v", err)
	}
	d, err = o.head.Tasks.Urge(UrgeInput{Task: task.ID, Level: "督办", Text: "请尽快办理", Rev: d.Rev})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.UrgeList) != 2 || d.UrgeList[0].Level != "一般催办" || d.UrgeList[1].Level != "督办" ||
		d.UrgeList[1].No != 2 || d.UrgeList[0].By != "clerk1" || d.UrgeList[1].By != "head1" {
		t.Errorf("urges: %+v", d.UrgeList)
	}
	p, _ := o.h1.Tasks.List(TaskQuery{})
	if p.Rows[0].Urges != 2 || p.Rows[0].UrgeLevel != "督办" {
		t.Errorf("the list row: %+v", p.Rows[0])
	}
}

// The triggers raise a task in the list as 需催办: half its time gone
// unsigned, then within the warning days (yellow), then overdue (red).
func TestTheSupervisionTriggers(t *testing.T) {
	o := newTaskOffice(t)
	_, task := o.assign(t, "2026-03-02", o.u1, "2026-03-20")
	row := func(day string, state string) (TaskRow, int) {
		o.at(t, day)
		p, err := o.clerk.Tasks.List(TaskQuery{State: state})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range p.Rows {
			if r.ID == task.ID {
				return r, p.Total
			}
		}
		return TaskRow{}, p.Total
	}
	if r, n := row("2026-03-10", TaskAlert); n != 0 {
		t.Errorf("on 03-10 (8 of 18 days) it needs urging: %+v", r)
	}
	if r, _ := row("2026-03-11", TaskAlert); r.Alert != "过半未签收" || r.DueLevel != DueNone {
		t.Errorf("on 03-11: %+v", r)
	}
	if r, _ := row("2026-03-17", TaskAlert); r.Alert != "临近期限" || r.DueLevel != DueSoon {
		t.Errorf("on 03-17: %+v", r)
	}
	if r, _ := row("2026-03-21", TaskOverdue); r.Alert != "已逾期" || r.DueLevel != DueOverdue {
		t.Errorf("on 03-21: %+v", r)
	}
	// The office's own warning days and the half-time alert switched off.
	o.at(t, "2026-03-11")
	set, _ := o.a.Settings.Get()
	if set.WarnDays != DefaultWarnDays || !set.HalfTimeAlert {
		t.Errorf("defaults: %+v", set)
	}
	set.WarnDays, set.HalfTimeAlert = 10, false
	if _, err := o.a.Settings.Save(set); err != nil {
		t.Fatal(err)
	}
	if r, _ := row("2026-03-10", TaskAlert); r.Alert != "临近期限" {
		t.Errorf("with 10 warning days on 03-10: %+v", r)
	}
	set, _ = o.a.Settings.Get()
	set.WarnDays = 0
	if _, err := o.a.Settings.Save(set); fields(err)["warnDays"] == "" {
		t.Errorf("0 warning days: %v", err)
	}
}

// A task made after registration: 协办 to a second department; a
// confidential report's task never goes to the unit it is about, nor
// names its reporter.
func TestCreatedTasksAndTheAccusedUnit(t *testing.T) {
	o := newTaskOffice(t)
	caseID, _ := o.assign(t, "2026-03-02", o.u1, "2026-03-20")
	rev := caseRev(t, o.a, caseID)
	d, err := o.clerk.Tasks.Create(TaskInput{Case: caseID, Type: TaskAssist, Unit: o.u2, Requirement: "请配合核实", Due: "2026-03-15", Rev: rev})
	if err != nil {
		t.Fatal(err)
	}
	if d.Type != TaskAssist || d.UnitName != "司法所" || d.Status != store.TaskPending {
		t.Errorf("the 协办: %+v", d.TaskRow)
	}
	if _, err := o.clerk.Tasks.Create(TaskInput{Case: caseID, Type: TaskAssist, Unit: o.u2, Due: "2026-03-15", Rev: rev}); code(err) != CodeStale {
		t.Errorf("a task on a stale case: %v", err)
	}
	if p, _ := o.h2.Tasks.List(TaskQuery{}); p.Total != 1 {
		t.Errorf("handler2 lists %d tasks", p.Total)
	}

	// A report about 司法所.
	in := baseInput()
	in.Type, in.Title, in.Accused, in.Disposal = TypeReport, "反映某所负责人违规收费", "司法所负责人", string(casestate.ReportToHead)
	r, err := o.clerk.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := o.a.store()
	if err := st.Update(func(tx *store.Tx) error {
		k, err := tx.Case(r.CaseID)
		if err != nil {
			return err
		}
		k.AccusedUnit = o.u2
		return tx.UpdateCase(k, nil, nil)
	}); err != nil {
		t.Fatal(err)
	}
	c, _ := o.head.Cases.Get(r.CaseID)
	if _, err := o.head.Tasks.Create(TaskInput{Case: r.CaseID, Type: TaskAssign, Unit: o.u2, Due: "2026-03-30", Rev: caseRev(t, o.a, c.ID)}); fields(err)["unit"] != "task.accused" {
		t.Errorf("a report's task to the accused unit: %v", err)
	}
	if _, err := o.head.Tasks.Create(TaskInput{Case: r.CaseID, Type: TaskAssign, Unit: o.u1, Due: "2026-03-30",
		Requirement: "举报人测试甲反映", Rev: caseRev(t, o.a, c.ID)}); fields(err)["requirement"] != "task.identity" {
		t.Errorf("a report's task naming the reporter: %v", err)
	}
	d, err = o.head.Tasks.Create(TaskInput{Case: r.CaseID, Type: TaskAssign, Unit: o.u1, Due: "2026-03-30",
		Requirement: "请核查收费情况", Rev: caseRev(t, o.a, c.ID)})
	if err != nil {
		t.Fatal(err)
	}
	if !d.Redacted {
		t.Errorf("a confidential case's task is not marked redacted")
	}
	if c, _ := o.head.Cases.Get(r.CaseID); c.Status != string(casestate.Assigned) || slipDue(c) != "2026-03-30" {
		t.Errorf("the report after its 交办: %s due %s", c.Status, slipDue(c))
	}
}

// The slip made at registration follows the same rule: a confidential
// report's 交办 may not name its reporter in the opinion it carries.
func TestARegisteredReportsSlipDoesNotNameItsReporter(t *testing.T) {
	o := newTaskOffice(t)
	in := baseInput()
	in.Type, in.Title, in.Accused = TypeReport, "反映某所负责人违规收费", "某所负责人"
	in.Disposal, in.UnitID, in.Due, in.Opinion = string(casestate.Assign), o.u1, "2026-03-30", "举报人测试甲，电话 13800000001"
	if _, err := o.clerk.Visits.Register(in); fields(err)["opinion"] != "task.identity" {
		t.Fatalf("a report's 交办 naming its reporter: %v", err)
	}
	in.Opinion = "请核查收费情况"
	if _, err := o.clerk.Visits.Register(in); err != nil {
		t.Fatal(err)
	}
	p, _ := o.h1.Tasks.List(TaskQuery{})
	if p.Total != 1 {
		t.Fatalf("handler1 lists %d tasks", p.Total)
	}
	if d, _ := o.h1.Tasks.Get(p.Rows[0].ID); !d.Redacted || d.Title != Hidden {
		t.Errorf("the report's task as its department reads it: redacted %v, title %q", d.Redacted, d.Title)
	}
}

// The list pages through the open tasks, earliest due first, then the
// closed ones newest first, of one department or of all.
func TestTheListPagesOpenThenClosed(t *testing.T) {
	o := newTaskOffice(t)
	st, _ := o.a.store()
	var ids []uint64 // in the order the list gives them
	if err := st.Update(func(tx *store.Tx) error {
		mk := func(unit uint64, due string, status string) uint64 {
			d, _ := civil.Parse(due)
			k := &store.Task{Case: 1, Type: TaskAssign, ToUnit: unit, Due: d, Status: status}
			if err := tx.SaveTask(k); err != nil {
				t.Fatal(err)
			}
			return k.ID
		}
		c1 := mk(o.u1, "2026-04-01", store.TaskClosed)
		late := mk(o.u1, "2026-05-01", store.TaskWorking)
		c2 := mk(o.u2, "2026-04-01", store.TaskClosed)
		early := mk(o.u1, "2026-03-20", store.TaskPending)
		rep := mk(o.u2, "2026-03-25", store.TaskReported)
		c3 := mk(o.u1, "2026-04-01", store.TaskClosed)
		ids = []uint64{early, rep, late, c3, c2, c1}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	list := func(b Bound, q TaskQuery) ([]uint64, int) {
		var out []uint64
		total := -1
		for q.Page = 0; q.Page < 5; q.Page++ {
			p, err := b.Tasks.List(q)
			if err != nil {
				t.Fatal(err)
			}
			total = p.Total
			for _, r := range p.Rows {
				out = append(out, r.ID)
			}
		}
		return out, total
	}
	only := func(keep ...uint64) []uint64 {
		return slices.DeleteFunc(slices.Clone(ids), func(id uint64) bool { return !slices.Contains(keep, id) })
	}
	if got, n := list(o.clerk, TaskQuery{Size: 2}); !slices.Equal(got, ids) || n != 6 {
		t.Errorf("all departments: %v (%d), want %v", got, n, ids)
	}
	if got, n := list(o.clerk, TaskQuery{Size: 2, Unit: o.u1}); !slices.Equal(got, only(ids[0], ids[2], ids[3], ids[5])) || n != 4 {
		t.Errorf("one department: %v (%d)", got, n)
	}
	if got, n := list(o.h1, TaskQuery{Size: 1, State: store.TaskClosed}); !slices.Equal(got, only(ids[3], ids[5])) || n != 2 {
		t.Errorf("the handler's closed ones: %v (%d)", got, n)
	}
	if got, n := list(o.clerk, TaskQuery{Size: 2, State: store.TaskClosed}); !slices.Equal(got, ids[3:]) || n != 3 {
		t.Errorf("all closed ones: %v (%d)", got, n)
	}
	if got, _ := list(o.clerk, TaskQuery{Size: 2, State: store.TaskReported}); !slices.Equal(got, only(ids[1])) {
		t.Errorf("reported: %v", got)
	}
}

// slipDue is the legal date of a case's 交办期限 as the case view shows
// it ("" without one).
func slipDue(c CaseDetail) string {
	for _, k := range c.Clocks {
		if k.Clock == string(followup.AssignedDate) {
			return k.Legal
		}
	}
	return ""
}

// A department the office does not let receive 交办 (可接受交办 off on the
// departments screen) is refused a 交办, at the desk and later, with the
// message on the unit field; it may still be sent a 转送 or a 协办. The
// pickers show what Go says each department receives: the intake form's
// 交办 and the case view's 协办 alike.
func TestAssignOnlyToADepartmentThatReceivesIt(t *testing.T) {
	o := newTaskOffice(t)
	st, _ := o.a.store()
	village := &store.Unit{Name: "某村委会", Kind: "subordinate", Active: true}
	if err := st.Update(func(tx *store.Tx) error { return tx.SaveUnit(village) }); err != nil {
		t.Fatal(err)
	}
	in := baseInput()
	in.Disposal, in.UnitID, in.Due = string(casestate.Assign), village.ID, "2026-03-20"
	res, err := o.clerk.Visits.Check(in)
	if err != nil || len(res.Errors) != 1 || res.Errors[0].Field != "unit" || res.Errors[0].Code != CodeUnitKind ||
		!strings.Contains(res.Errors[0].Message, "“某村委会”不接受交办") {
		t.Errorf("the desk's 交办 to 某村委会: %+v %v", res.Errors, err)
	}
	if _, err := o.clerk.Visits.Register(in); fields(err)["unit"] != CodeUnitKind {
		t.Errorf("registered a 交办 to 某村委会: %v", err)
	}
	in.UnitID, in.Unit = 0, "新设的某单位"
	if _, err := o.clerk.Visits.Register(in); fields(err)["unit"] != CodeUnitKind {
		t.Errorf("registered a 交办 to a unit typed in: %v", err)
	}

	caseID, _ := o.assign(t, "2026-03-02", o.u1, "2026-03-20")
	create := func(typ string, unit uint64) error {
		_, err := o.head.Tasks.Create(TaskInput{Case: caseID, Type: typ, Unit: unit, Due: "2026-03-15", Rev: caseRev(t, o.a, caseID)})
		return err
	}
	if err := create(TaskAssign, village.ID); fields(err)["unit"] != CodeUnitKind {
		t.Errorf("a later 交办 to 某村委会: %v", err)
	}
	if err := create(TaskAssist, o.u1); fields(err)["unit"] != "task.assist_self" {
		t.Errorf("a 协办 to the department handling the case: %v", err)
	}
	if err := create(TaskAssist, village.ID); err != nil {
		t.Errorf("a 协办 to 某村委会: %v", err)
	}

	opts, err := o.clerk.Visits.Options()
	if err != nil {
		t.Fatal(err)
	}
	receives := map[string][]string{}
	for _, u := range opts.Units {
		receives[u.Name] = u.Receives
	}
	if !slices.Equal(receives["某村委会"], []string{TaskTransfer, TaskAssist}) ||
		!slices.Equal(receives["劳动保障所"], []string{TaskTransfer, TaskAssign, TaskAssist}) {
		t.Errorf("what the departments receive: %v", receives)
	}
	for _, d := range opts.Disposals {
		if want := map[string]string{string(casestate.Assign): TaskAssign, string(casestate.Transfer): TaskTransfer}[d.Action]; d.Task != want {
			t.Errorf("%s sends %q, want %q", d.Action, d.Task, want)
		}
		// an outside body may be typed for a 转送, never for a 交办
		if d.NewUnit != (d.Action == string(casestate.Transfer)) {
			t.Errorf("%s: a new unit may be typed: %v", d.Action, d.NewUnit)
		}
	}
}

// The case view offers a 协办 to the sessions that may make one, while the
// case is open, to the departments besides the one handling it; the
// dialog's revision and dates come with the case, and saving it puts the
// task on the second department's list.
func TestTheCaseViewOffersAnAssist(t *testing.T) {
	o := newTaskOffice(t)
	caseID, _ := o.assign(t, "2026-03-02", o.u1, "2026-03-20")
	steps, err := o.head.Cases.Steps(caseID)
	if err != nil {
		t.Fatal(err)
	}
	if len(steps.Tasks) != 1 {
		t.Fatalf("offers %+v", steps.Tasks)
	}
	offer := steps.Tasks[0]
	var names []string
	for _, u := range offer.Units {
		names = append(names, u.Name)
	}
	// it opens on the 交办单's date (2026-03-20), not the notice's (03-17)
	if offer.Type != TaskAssist || !slices.Equal(names, []string{"司法所"}) || offer.MinDue != "2026-03-03" || offer.Due != "2026-03-20" {
		t.Errorf("the 协办 offered: %+v (%v)", offer, names)
	}
	if d, _ := o.head.Cases.Get(caseID); d.Rev != steps.Rev || d.Rev == 0 {
		t.Errorf("the case view's revision %d, the steps' %d", d.Rev, steps.Rev)
	}
	for _, b := range []Bound{o.h1, o.h2} {
		if s, err := b.Cases.Steps(caseID); err == nil && len(s.Tasks) != 0 {
			t.Errorf("a handler is offered %+v", s.Tasks)
		}
	}
	if _, err := o.head.Tasks.Create(TaskInput{Case: caseID, Type: offer.Type, Unit: offer.Units[0].ID,
		Requirement: "请配合核实社保缴纳情况", Due: "2026-03-12", Rev: steps.Rev}); err != nil {
		t.Fatal(err)
	}
	if p, _ := o.h2.Tasks.List(TaskQuery{}); p.Total != 1 || p.Rows[0].Type != TaskAssist || p.Rows[0].Due != "2026-03-12" {
		t.Errorf("司法所's list: %+v", p.Rows)
	}
}
