package app

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/store"
)

// Tasks are the matters a department (承办单位) works on for the office:
// a 转送 or 交办 made at registration or later, and 协办 to a second
// department (docs/DOMAIN.md §5.4). A department signs for its task
// (签收), may object within the objection window, asks for an extension,
// and reports (办结报告); the head decides the objection and the
// extension and accepts or returns the report. 催办 and 督办 are kept as
// entries on the task. Every step is an event on the case's timeline and
// an audit entry. A handler sees his own department's tasks only.
type Tasks struct{ svc }

// Task types a task may be created with.
const (
	TaskTransfer = "转送"
	TaskAssign   = "交办"
	TaskAssist   = "协办"
)

// TaskOverdue and TaskAlert are the two list filters that are not a
// status: the open tasks past their due date, and those the supervision
// triggers raise (需催办).
const (
	TaskOverdue = "OVERDUE"
	TaskAlert   = "ALERT"
)

// taskStatusLabels name a task's status in Chinese.
var taskStatusLabels = map[string]string{
	store.TaskPending: "待签收", store.TaskWorking: "办理中", store.TaskReported: "已反馈待审核",
	store.TaskReturned: "退回重办", store.TaskClosed: "已办结", TaskOverdue: "逾期", TaskAlert: "需催办",
}

// Urge levels (催办 / 督办), in rising order.
var UrgeLevels = []string{"一般催办", "督办", "挂牌督办"}

// DefaultWarnDays is how many days before a due date it turns yellow
// unless the office sets its own (Settings.WarnDays).
const DefaultWarnDays = 3

// TaskQuery selects tasks: by status (a store.Task… code, TaskOverdue,
// TaskAlert or "" for all), by department (0: all the session may see),
// a page (from 0) of Size rows (default 50).
type TaskQuery struct {
	State string `json:"state"`
	Unit  uint64 `json:"unit"`
	Page  int    `json:"page"`
	Size  int    `json:"size"`
}

// TaskRow is a task as the 督办 list shows it.
type TaskRow struct {
	ID          uint64 `json:"id"`
	Case        uint64 `json:"case"`
	CaseNo      string `json:"caseNo"`
	Title       string `json:"title"` // masked on a confidential case (caseText)
	Type        string `json:"type"`
	Unit        uint64 `json:"unit"`
	UnitName    string `json:"unitName"`
	Status      string `json:"status"`
	StatusLabel string `json:"statusLabel"`
	Issued      string `json:"issued"`
	Due         string `json:"due"` // the date in force (after an extension or a return)
	DueLevel    string `json:"dueLevel"`
	Urges       int    `json:"urges"`
	UrgeLevel   string `json:"urgeLevel"` // the highest level recorded
	Alert       string `json:"alert"`     // why it needs urging, "" when it does not
	Rev         uint64 `json:"rev"`
}

// TaskPage is a page of the list.
type TaskPage struct {
	Rows  []TaskRow `json:"rows"`
	Total int       `json:"total"`
	// Units are the departments the session may filter by.
	Units []UnitOption `json:"units"`
}

// taskVisible: a session sees every department's tasks, or only its own
// department's (deptScope, the rule cases follow too).
func taskVisible(act *Actor, t *store.Task) bool {
	unit, scoped := deptScope(act)
	return !scoped || (unit != 0 && t.ToUnit == unit)
}

// supervision is what the triggers read: the office's settings and today.
type supervision struct {
	today    civil.Date
	warnDays int
	halfTime bool
}

func (s *svc) supervision(tx *store.Tx) (supervision, error) {
	set, err := tx.Settings()
	if err != nil {
		return supervision{}, err
	}
	return supervision{today: civil.DateOf(s.app.now()), warnDays: warnDays(set), halfTime: !set.NoHalfTimeAlert}, nil
}

// alert is why an open task needs urging (需催办), "" when it does not:
// overdue; due within the warning days; half its time gone and the
// department has not yet signed for it (no progress entry).
func (sv supervision) alert(t *store.Task) string {
	if !openTask(t) {
		return ""
	}
	due := t.NewDue
	if due == 0 {
		due = t.Due
	}
	switch dueLevel(due, sv.today, sv.warnDays) {
	case DueOverdue:
		return "已逾期"
	case DueSoon:
		return "临近期限"
	}
	if sv.halfTime && due != 0 && t.Status == store.TaskPending && t.Issued != 0 {
		start := t.Issued.Date()
		if due > start && 2*int(sv.today-start) >= int(due-start) {
			return "过半未签收"
		}
	}
	return ""
}

func openTask(t *store.Task) bool {
	return t.Parent == 0 && (t.Status == store.TaskPending || t.Status == store.TaskWorking || t.Status == store.TaskReturned)
}

func taskDue(t *store.Task) civil.Date {
	if t.NewDue != 0 {
		return t.NewDue
	}
	return t.Due
}

// List lists tasks: those not closed earliest due first (those without a
// due date last), then the closed ones newest first. The list of one
// department reads that department's open tasks only (the store's
// department indexes), so it stays quick at a million visits.
func (s *Tasks) List(q TaskQuery) (TaskPage, error) {
	act, st, err := s.gate("Tasks.List", q)
	if err != nil {
		return TaskPage{}, err
	}
	if q.Size <= 0 || q.Size > 200 {
		q.Size = 50
	}
	q.Page = max(q.Page, 0)
	out := TaskPage{Rows: []TaskRow{}, Units: []UnitOption{}}
	err = st.View(func(tx *store.Tx) error {
		sv, err := s.supervision(tx)
		if err != nil {
			return err
		}
		unit := q.Unit
		if own, scoped := deptScope(act); scoped {
			unit = own
			if unit == 0 {
				return nil // a handler of no department has no tasks
			}
		}
		units, err := tx.Units()
		if err != nil {
			return err
		}
		scope := []uint64{unit}
		if unit == 0 {
			scope = scope[:0]
			for _, u := range units {
				scope = append(scope, u.ID)
			}
		}
		// The open tasks are read (few, by the department index, due date
		// order); the closed ones are known by their index keys alone and
		// only those of the page are read.
		var live []*store.Task
		open := map[uint64]bool{}
		for _, u := range scope {
			for _, id := range tx.UnitOpenTaskIDs(u) {
				t, err := tx.Task(id)
				if err != nil {
					return err
				}
				open[id] = true
				if t.Parent == 0 && taskVisible(act, t) {
					live = append(live, t)
				}
			}
		}
		if len(scope) > 1 {
			slices.SortStableFunc(live, byDue)
		}
		var sel []*store.Task
		if q.State != store.TaskClosed {
			for _, t := range live {
				if matchState(t, q.State, sv) {
					sel = append(sel, t)
				}
			}
		}
		// The closed ones after them, newest first: of one department
		// only the page's ids are taken from the index keys.
		from := q.Page * q.Size
		closedFrom := max(from-len(sel), 0) // the page's first among the closed
		var closed []uint64                 // the closed ids from closedFrom on
		closedTotal := 0
		switch {
		case q.State != "" && q.State != store.TaskClosed:
		case len(scope) == 1:
			closed, closedTotal = tx.UnitTaskPage(scope[0], func(id uint64) bool { return open[id] }, closedFrom, q.Size)
		default:
			for _, u := range scope {
				for _, id := range tx.UnitTaskIDs(u) {
					if !open[id] {
						closed = append(closed, id)
					}
				}
			}
			slices.SortFunc(closed, func(a, b uint64) int { return cmp.Compare(b, a) })
			closedTotal = len(closed)
			closed = closed[min(closedFrom, len(closed)):]
		}
		out.Total = len(sel) + closedTotal
		for i := from; i < min(from+q.Size, out.Total); i++ {
			var t *store.Task
			if i < len(sel) {
				t = sel[i]
			} else if j := i - len(sel) - closedFrom; j < len(closed) {
				if t, err = tx.Task(closed[j]); err != nil {
					return err
				}
			} else {
				break
			}
			if !taskVisible(act, t) {
				continue
			}
			r, err := s.taskRow(tx, act, t, sv)
			if err != nil {
				return err
			}
			out.Rows = append(out.Rows, r)
		}
		for i := range units {
			if own, scoped := deptScope(act); !scoped || units[i].ID == own {
				out.Units = append(out.Units, unitOption(&units[i]))
			}
		}
		return nil
	})
	return out, err
}

// byDue orders tasks earliest due first, those without a due date last.
func byDue(a, b *store.Task) int {
	da, db := taskDue(a), taskDue(b)
	switch {
	case da == db:
		return cmp.Compare(a.ID, b.ID)
	case da == 0:
		return 1
	case db == 0:
		return -1
	}
	return cmp.Compare(da, db)
}

func matchState(t *store.Task, state string, sv supervision) bool {
	switch state {
	case "":
		return true
	case TaskOverdue:
		return openTask(t) && dueLevel(taskDue(t), sv.today, sv.warnDays) == DueOverdue
	case TaskAlert:
		return sv.alert(t) != ""
	}
	return t.Status == state
}

// taskRow is a task's list row: the case's number and its title masked
// as the case view masks it.
func (s *svc) taskRow(tx *store.Tx, act *Actor, t *store.Task, sv supervision) (TaskRow, error) {
	r := TaskRow{ID: t.ID, Case: t.Case, Type: t.Type, Unit: t.ToUnit, UnitName: unitName(tx, t.ToUnit),
		Status: t.Status, StatusLabel: taskStatusLabels[t.Status], Due: taskDue(t).String(),
		DueLevel: DueNone, Alert: sv.alert(t), Rev: t.Rev}
	if openTask(t) {
		r.DueLevel = dueLevel(taskDue(t), sv.today, sv.warnDays)
	}
	if t.Issued != 0 {
		r.Issued = t.Issued.Date().String()
	}
	c, err := tx.CaseRow(t.Case)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return TaskRow{}, err
	}
	if err == nil {
		r.CaseNo = c.No
		r.Title = caseText(s.mayIdentifyCase(act, c.ID, c.Confidential), c.Title)
	}
	urges, err := taskUrges(tx, t)
	if err != nil {
		return TaskRow{}, err
	}
	r.Urges = len(urges)
	for _, u := range urges {
		if slices.Index(UrgeLevels, u.Level) > slices.Index(UrgeLevels, r.UrgeLevel) {
			r.UrgeLevel = u.Level
		}
	}
	return r, nil
}

// taskUrges are the 催办/督办 entries of a task, oldest first.
func taskUrges(tx *store.Tx, t *store.Task) ([]store.Task, error) {
	all, err := tx.CaseTasks(t.Case)
	if err != nil {
		return nil, err
	}
	var out []store.Task
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].Parent == t.ID {
			out = append(out, all[i])
		}
	}
	return out, nil
}

// TaskDetail is a task with its history and the steps the session may
// take on it now.
type TaskDetail struct {
	TaskRow
	Requirement   string       `json:"requirement"` // masked as the case's text
	IssuedBy      string       `json:"issuedBy"`
	Received      string       `json:"received"`
	Receiver      string       `json:"receiver"`
	Objection     string       `json:"objection"`
	ObjectionEnds string       `json:"objectionEnds"` // the last day of the objection window
	ObjDecision   string       `json:"objDecision"`
	ExtDays       int          `json:"extDays"`
	ExtReason     string       `json:"extReason"`
	ExtDecision   string       `json:"extDecision"`
	Feedback      string       `json:"feedback"`
	FeedbackDate  string       `json:"feedbackDate"`
	Result        string       `json:"result"`
	ReturnReason  string       `json:"returnReason"`
	Redacted      bool         `json:"redacted"`
	History       []TaskEvent  `json:"history"`
	UrgeList      []TaskUrge   `json:"urgeList"`
	Steps         []TaskAction `json:"steps"`
	CanUrge       bool         `json:"canUrge"`
	UrgeLevels    []string     `json:"urgeLevels"` // the levels this session may record
	Outcomes      []string     `json:"outcomes"`   // the results a report may give
}

// TaskEvent is one step in a task's history: who, when, what.
type TaskEvent struct {
	At   string `json:"at"`
	By   string `json:"by"`
	Text string `json:"text"`
}

// TaskUrge is a 催办/督办 entry: its number among the task's (the slip's
// number when printed), level, text, who and when.
type TaskUrge struct {
	No    int    `json:"no"`
	Level string `json:"level"`
	Text  string `json:"text"`
	At    string `json:"at"`
	By    string `json:"by"`
}

// TaskAction is a step the session may take, with what it needs.
type TaskAction struct {
	Action string   `json:"action"`
	Label  string   `json:"label"`
	Needs  []string `json:"needs"`
	// Suggested is what the dialog opens with: the report's date is today.
	Suggested map[string]string `json:"suggested"`
}

// Get reads a task with its history. Another department's task is not
// found.
func (s *Tasks) Get(id uint64) (TaskDetail, error) {
	act, st, err := s.gate("Tasks.Get")
	if err != nil {
		return TaskDetail{}, err
	}
	var out TaskDetail
	err = st.View(func(tx *store.Tx) error {
		t, err := visibleTask(tx, act, id)
		if err != nil {
			return err
		}
		out, err = s.taskDetail(tx, act, t)
		return err
	})
	return out, err
}

// visibleTask reads a task the session may see: another department's is
// ErrNotFound, so that its existence is not told either.
func visibleTask(tx *store.Tx, act *Actor, id uint64) (*store.Task, error) {
	t, err := tx.Task(id)
	if err != nil {
		return nil, err
	}
	if t.Parent != 0 || !taskVisible(act, t) {
		return nil, store.ErrNotFound
	}
	return t, nil
}

func (s *svc) taskDetail(tx *store.Tx, act *Actor, t *store.Task) (TaskDetail, error) {
	sv, err := s.supervision(tx)
	if err != nil {
		return TaskDetail{}, err
	}
	row, err := s.taskRow(tx, act, t, sv)
	if err != nil {
		return TaskDetail{}, err
	}
	c, err := tx.Case(t.Case)
	if err != nil {
		return TaskDetail{}, err
	}
	ident := s.mayIdentify(act, c)
	text := func(v string) string { return caseText(ident, v) }
	names := userNames(tx)
	d := TaskDetail{TaskRow: row, Requirement: text(t.Requirement), IssuedBy: names[t.IssuedBy], Receiver: t.Receiver,
		Objection: text(t.ObjReason), ObjDecision: t.ObjDecision, ExtDays: t.ExtDays, ExtReason: text(t.ExtReason),
		ExtDecision: t.ExtDecision, Feedback: text(t.FeedbackText), FeedbackDate: t.FeedbackDate.String(),
		Result: t.Result, ReturnReason: text(t.ReturnReason), Redacted: t.Redacted,
		History: []TaskEvent{}, UrgeList: []TaskUrge{}, Steps: []TaskAction{}, UrgeLevels: []string{},
		Outcomes: casestate.Outcomes}
	if t.Received != 0 {
		d.Received = t.Received.Time().Format(time.RFC3339)
	}
	if t.Issued != 0 {
		ends, err := objectionEnds(tx, t)
		if err != nil {
			return TaskDetail{}, err
		}
		d.ObjectionEnds = ends.String()
		d.History = append(d.History, TaskEvent{At: t.Issued.Time().Format(time.RFC3339), By: names[t.IssuedBy],
			Text: "发出" + t.Type + "：" + unitName(tx, t.ToUnit)})
	}
	events, err := tx.Events(t.Case)
	if err != nil {
		return TaskDetail{}, err
	}
	for _, e := range events {
		if e.Task == t.ID && e.Kind == store.EventTask {
			d.History = append(d.History, TaskEvent{At: e.At.Time().Format(time.RFC3339), By: names[e.By], Text: text(e.Text)})
		}
	}
	urges, err := taskUrges(tx, t)
	if err != nil {
		return TaskDetail{}, err
	}
	for i, u := range urges {
		d.UrgeList = append(d.UrgeList, TaskUrge{No: i + 1, Level: u.Level, Text: text(u.Requirement),
			At: u.Issued.Time().Format(time.RFC3339), By: names[u.IssuedBy]})
	}
	today := civil.DateOf(s.app.now())
	for _, st := range taskSteps {
		if s.stepAllowed(tx, act, t, c, st, today) == nil {
			a := TaskAction{Action: st.action, Label: st.label, Needs: st.needs, Suggested: map[string]string{}}
			if slices.Contains(st.needs, "date") {
				a.Suggested["date"] = today.String()
			}
			d.Steps = append(d.Steps, a)
		}
	}
	if openTask(t) {
		for _, l := range UrgeLevels {
			if urgeAllowed(act, l) {
				d.UrgeLevels = append(d.UrgeLevels, l)
			}
		}
		d.CanUrge = len(d.UrgeLevels) > 0
	}
	return d, nil
}

// objectionEnds is the last day a department may object to a task: 5
// working days from its issue (docs/DOMAIN.md §4.2, the objection clock
// of the office's profile and calendar).
func objectionEnds(tx *store.Tx, t *store.Task) (civil.Date, error) {
	due, err := officeDue(tx, deadline.Input{Clock: deadline.Objection, Start: t.Issued.Date()})
	if err != nil {
		return 0, err
	}
	return civil.Date(due.Legal), nil
}

// Steps on a task.
const (
	StepReceive       = "receive"        // 签收
	StepObject        = "object"         // 提出异议
	StepObjectionOK   = "objection_ok"   // 同意异议
	StepObjectionNo   = "objection_no"   // 不同意异议
	StepExtendRequest = "extend_request" // 申请延期
	StepExtendOK      = "extend_ok"      // 批准延期
	StepExtendNo      = "extend_no"      // 不批准延期
	StepFeedback      = "feedback"       // 反馈（办结报告）
	StepAccept        = "accept"         // 审核通过
	StepReturn        = "return"         // 退回重办
	StepTransferDone  = "transfer_done"  // 接收单位已受理
	StepTransferBack  = "transfer_back"  // 接收单位退回
)

// taskStep is one step: who may take it (the department's: PermTaskReport
// for its own department's task, or PermCaseWrite recording it for the
// department; the head's: PermCaseDecide), from which task states, for
// which task types, and what it needs.
type taskStep struct {
	action string
	label  string
	dept   bool // the department's step, else the head's
	from   []string
	types  []string // "" any
	needs  []string
}

var (
	deptTypes = []string{TaskAssign, TaskAssist, TaskTransfer}
	workTypes = []string{TaskAssign, TaskAssist}
	taskSteps = []taskStep{
		{StepReceive, "签收", true, []string{store.TaskPending}, deptTypes, []string{"receiver"}},
		{StepObject, "提出异议", true, []string{store.TaskPending, store.TaskWorking}, []string{TaskAssign, TaskTransfer},
			[]string{"reason"}},
		{StepObjectionOK, "同意异议", false, []string{store.TaskPending, store.TaskWorking}, nil, nil},
		{StepObjectionNo, "不同意异议", false, []string{store.TaskPending, store.TaskWorking}, nil, []string{"reason"}},
		{StepExtendRequest, "申请延期", true, []string{store.TaskWorking, store.TaskReturned}, workTypes,
			[]string{"days", "reason"}},
		{StepExtendOK, "批准延期", false, []string{store.TaskWorking, store.TaskReturned}, nil, nil},
		{StepExtendNo, "不批准延期", false, []string{store.TaskWorking, store.TaskReturned}, nil, []string{"reason"}},
		{StepFeedback, "反馈办理结果", true, []string{store.TaskWorking, store.TaskReturned}, workTypes,
			[]string{"text", "result", "date"}},
		{StepAccept, "审核通过", false, []string{store.TaskReported}, nil, nil},
		{StepReturn, "退回重办", false, []string{store.TaskReported}, nil, []string{"reason", "due"}},
		{StepTransferDone, "接收单位已受理", true, []string{store.TaskPending, store.TaskWorking}, []string{TaskTransfer}, nil},
		{StepTransferBack, "接收单位退回", true, []string{store.TaskPending, store.TaskWorking}, []string{TaskTransfer},
			[]string{"reason"}},
	}
)

func findStep(action string) (taskStep, bool) {
	for _, st := range taskSteps {
		if st.action == action {
			return st, true
		}
	}
	return taskStep{}, false
}

// Codes of refusals of a task step.
const (
	CodeTaskStep      = "task.step"
	CodeTaskForbidden = "task.forbidden"
	CodeTaskWindow    = "task.objection_window"
)

// stepAllowed tells whether the session may take st on t now (nil), or
// why not.
func (s *svc) stepAllowed(tx *store.Tx, act *Actor, t *store.Task, c *store.Case, st taskStep, today civil.Date) error {
	if st.dept {
		if !act.May(PermCaseWrite) && !(act.May(PermTaskReport) && act.Unit != 0 && act.Unit == t.ToUnit) {
			return newError(CodeTaskForbidden, "只有承办单位或登记人员可以办理这一步。")
		}
	} else if !act.May(PermCaseDecide) {
		return newError(CodeTaskForbidden, "这一步须由负责人决定。")
	}
	if !slices.Contains(st.from, t.Status) || (len(st.types) > 0 && !slices.Contains(st.types, t.Type)) {
		return newError(CodeTaskStep, "这项任务当前为“"+taskStatusLabels[t.Status]+"”，不能"+st.label+"。")
	}
	pendingObjection := t.Objected != 0 && t.ObjDecision == ""
	pendingExtension := t.ExtRequested != 0 && t.ExtDecision == ""
	switch st.action {
	case StepObject:
		if t.Objected != 0 {
			return newError(CodeTaskStep, "这项任务已提出过异议。")
		}
		ends, err := objectionEnds(tx, t)
		if err != nil {
			return err
		}
		if today > ends {
			return fieldError("reason", CodeTaskWindow, "异议期限已过（"+ends.String()+" 截止，自交办之日起 5 个工作日），不能再提出异议。")
		}
	case StepObjectionOK, StepObjectionNo:
		if !pendingObjection {
			return newError(CodeTaskStep, "这项任务没有待决定的异议。")
		}
	case StepExtendRequest:
		if t.ExtRequested != 0 {
			return newError(CodeTaskStep, "延期只能申请一次。")
		}
	case StepExtendOK, StepExtendNo:
		if !pendingExtension {
			return newError(CodeTaskStep, "这项任务没有待审批的延期申请。")
		}
	}
	if pendingObjection && st.action != StepObjectionOK && st.action != StepObjectionNo {
		return newError(CodeTaskStep, "异议待负责人决定，决定之前不能"+st.label+"。")
	}
	// The case steps the task's step brings with it must be allowed too.
	if a := caseStepOf(st.action, t, c); a != "" {
		in := stepInput(act)
		in.Reason, in.Due = "-", "-"
		if _, err := casestate.Check(casestate.State(c.Status), a, in); err != nil {
			return err
		}
	}
	return nil
}

// caseStepOf is the case's own step a task's step takes (the state
// machine's, docs/DOMAIN.md §5.2), "" for none: only the task that
// carries the case's disposal (the 转送 or 交办 the case is in) moves it.
func caseStepOf(action string, t *store.Task, c *store.Case) casestate.Action {
	carries := (t.Type == TaskAssign && c.Status == string(casestate.Assigned)) ||
		(t.Type == TaskTransfer && c.Status == string(casestate.Transferred))
	if !carries || t.ToUnit != c.Unit {
		return ""
	}
	switch action {
	case StepObjectionOK:
		if t.Type == TaskTransfer {
			return casestate.TransferBack
		}
		return casestate.AssignBack
	case StepAccept:
		return casestate.ReportOK
	case StepReturn:
		return casestate.ReportBack
	case StepTransferDone:
		return casestate.TransferDone
	case StepTransferBack:
		return casestate.TransferBack
	}
	return ""
}

// TaskStepInput is a step on a task, with the task's Rev as read.
type TaskStepInput struct {
	Task     uint64 `json:"task"`
	Action   string `json:"action"`
	Rev      uint64 `json:"rev"`
	Receiver string `json:"receiver"` // 签收人
	Reason   string `json:"reason"`
	Days     int    `json:"days"`   // the extension asked for, in days
	Text     string `json:"text"`   // the 办结报告
	Result   string `json:"result"` // one of casestate.Outcomes
	Date     string `json:"date"`   // the report's date, YYYY-MM-DD
	Due      string `json:"due"`    // the new due date of a returned task
}

// Audit actions of tasks.
const (
	ActionTaskCreate = "task.create"
	ActionTaskStep   = "task.step"
	ActionTaskUrge   = "task.urge"
)

// maxExtensionDays bounds a task's extension when the office's profile
// gives none.
const maxExtensionDays = 30

// Step takes a step on a task. A task read before someone else's step is
// refused (CodeStale), nothing written.
func (s *Tasks) Step(in TaskStepInput) (TaskDetail, error) {
	act, st, err := s.gate("Tasks.Step", in)
	if err != nil {
		return TaskDetail{}, err
	}
	step, ok := findStep(in.Action)
	if !ok {
		return TaskDetail{}, fieldError("action", CodeTaskStep, "未知的办理步骤，请刷新后重试。")
	}
	in.Receiver, in.Reason, in.Text = strings.TrimSpace(in.Receiver), strings.TrimSpace(in.Reason), strings.TrimSpace(in.Text)
	var out TaskDetail
	err = st.Update(func(tx *store.Tx) error {
		t, err := visibleTask(tx, act, in.Task)
		if err != nil {
			return err
		}
		if t.Rev != in.Rev {
			return store.ErrStale
		}
		c, err := tx.Case(t.Case)
		if err != nil {
			return err
		}
		now := s.app.now()
		today := civil.DateOf(now)
		if err := s.stepAllowed(tx, act, t, c, step, today); err != nil {
			return err
		}
		text, err := s.applyStep(tx, act, t, c, step, in, today)
		if err != nil {
			return err
		}
		if err := tx.UpdateTask(t); err != nil {
			return err
		}
		ev := &store.Event{Kind: store.EventTask, By: act.ID, Task: t.ID, Text: text}
		summary := clip(c.No+" "+t.Type+"（"+unitName(tx, t.ToUnit)+"）："+step.label, 100)
		if a := caseStepOf(step.action, t, c); a != "" {
			if err := s.moveCase(tx, act, c, a, in, today); err != nil {
				return err
			}
			au := s.auditEntry(act, ActionTaskStep)
			au.Summary = summary
			if err := tx.UpdateCase(c, ev, au); err != nil {
				return err
			}
		} else {
			if t.Type == TaskAssign && step.action == StepExtendOK && c.Status == string(casestate.Assigned) && c.Unit == t.ToUnit {
				// the case's handling date follows its 交办 task's
				c.Due = t.NewDue
				if err := setClocks(tx, c); err != nil {
					return err
				}
				if err := tx.UpdateCase(c, ev, nil); err != nil {
					return err
				}
			} else if err := tx.AppendEvent(t.Case, ev); err != nil {
				return err
			}
			if err := s.audit(tx, act, ActionTaskStep, "case", t.Case, summary, ""); err != nil {
				return err
			}
		}
		out, err = s.taskDetail(tx, act, t)
		return err
	})
	return out, err
}

// applyStep changes the task as the step says and returns the text of
// its timeline event.
func (s *svc) applyStep(tx *store.Tx, act *Actor, t *store.Task, c *store.Case, step taskStep, in TaskStepInput, today civil.Date) (string, error) {
	now := store.StampOf(s.app.now())
	need := func(field, v, what string, max int) error {
		n := len([]rune(v))
		if n == 0 {
			return fieldError(field, "task."+field, "请填写"+what+"。")
		}
		if n > max {
			return fieldError(field, "task."+field, what+"太长（最多 "+strconv.Itoa(max)+" 个字）。")
		}
		return nil
	}
	switch step.action {
	case StepReceive:
		if err := need("receiver", in.Receiver, "签收人", 20); err != nil {
			return "", err
		}
		t.Received, t.Receiver, t.Status = now, in.Receiver, store.TaskWorking
		return "签收：签收人 " + in.Receiver, nil
	case StepObject:
		if err := need("reason", in.Reason, "异议理由", 500); err != nil {
			return "", err
		}
		t.Objected, t.ObjReason = now, in.Reason
		return "提出异议：" + in.Reason, nil
	case StepObjectionOK:
		t.ObjDecision, t.ObjDecided, t.Status = "同意", now, store.TaskClosed
		return "同意异议，收回" + t.Type, nil
	case StepObjectionNo:
		if err := need("reason", in.Reason, "不同意的理由", 500); err != nil {
			return "", err
		}
		t.ObjDecision, t.ObjDecided = "不同意", now
		return "不同意异议：" + in.Reason, nil
	case StepExtendRequest:
		max := maxExtensionDays
		if p, err := officeProfile(tx); err == nil && p.MaxExtension > 0 {
			max = p.MaxExtension
		}
		if in.Days < 1 || in.Days > max {
			return "", fieldError("days", "task.days", "延期天数应在 1 至 "+strconv.Itoa(max)+" 天之间。")
		}
		if err := need("reason", in.Reason, "延期理由", 500); err != nil {
			return "", err
		}
		t.ExtRequested, t.ExtDays, t.ExtReason = now, in.Days, in.Reason
		return "申请延期 " + strconv.Itoa(in.Days) + " 天：" + in.Reason, nil
	case StepExtendOK:
		base := taskDue(t)
		if base == 0 {
			base = today
		}
		t.ExtDecision, t.ExtApprover, t.NewDue = "同意", act.ID, base.AddDays(t.ExtDays)
		return "批准延期 " + strconv.Itoa(t.ExtDays) + " 天，期限改为 " + t.NewDue.String(), nil
	case StepExtendNo:
		if err := need("reason", in.Reason, "不批准的理由", 500); err != nil {
			return "", err
		}
		t.ExtDecision, t.ExtApprover = "不同意", act.ID
		return "不批准延期：" + in.Reason, nil
	case StepFeedback:
		if err := need("text", in.Text, "办结报告", 2000); err != nil {
			return "", err
		}
		if !slices.Contains(casestate.Outcomes, in.Result) {
			return "", fieldError("result", "task.result", "请选择办理结果（"+strings.Join(casestate.Outcomes, "、")+"）。")
		}
		d, err := civil.Parse(in.Date)
		switch {
		case err != nil || d == 0:
			return "", fieldError("date", "task.date", "请填写办结日期（年-月-日）。")
		case d > today:
			return "", fieldError("date", "task.date", "办结日期不能晚于今天。")
		case t.Issued != 0 && d < t.Issued.Date():
			return "", fieldError("date", "task.date", "办结日期不能早于交办日期 "+t.Issued.Date().String()+"。")
		}
		t.Feedback, t.FeedbackText, t.FeedbackDate, t.Result, t.Status = now, in.Text, d, in.Result, store.TaskReported
		return "反馈办理结果（" + in.Result + "，" + d.String() + "）：" + in.Text, nil
	case StepAccept:
		t.Status = store.TaskClosed
		return "审核通过，任务办结", nil
	case StepReturn:
		if err := need("reason", in.Reason, "退回理由", 500); err != nil {
			return "", err
		}
		d, err := civil.Parse(in.Due)
		if err != nil || d == 0 {
			return "", fieldError("due", "task.due", "请填写重新办理的期限（年-月-日）。")
		}
		if d <= today {
			return "", fieldError("due", "task.due", "重新办理的期限应晚于今天。")
		}
		t.Status, t.NewDue, t.ReturnReason, t.Returned = store.TaskReturned, d, in.Reason, t.Returned+1
		return "退回重办，期限 " + d.String() + "：" + in.Reason, nil
	case StepTransferDone:
		t.Status = store.TaskClosed
		if t.Received == 0 {
			t.Received = now
		}
		return "接收单位已受理", nil
	case StepTransferBack:
		if err := need("reason", in.Reason, "退回理由", 500); err != nil {
			return "", err
		}
		t.Status, t.ObjReason = store.TaskClosed, in.Reason
		return "接收单位退回：" + in.Reason, nil
	}
	return "", fieldError("action", CodeTaskStep, "未知的办理步骤，请刷新后重试。")
}

// moveCase takes the case step a task step brings (caseStepOf) through
// the state machine and sets the case's clocks after it.
func (s *svc) moveCase(tx *store.Tx, act *Actor, c *store.Case, a casestate.Action, in TaskStepInput, today civil.Date) error {
	step := stepInput(act)
	step.Reason, step.Due = in.Reason, in.Due
	tr, err := casestate.Check(casestate.State(c.Status), a, step)
	if err != nil {
		return err
	}
	c.Status = string(tr.To)
	switch a {
	case casestate.ReportOK, casestate.TransferDone:
		c.Closed = today
	case casestate.ReportBack:
		c.Due, _ = civil.Parse(in.Due)
	case casestate.AssignBack, casestate.TransferBack:
		c.Unit = 0
	}
	return setClocks(tx, c)
}

// urgeAllowed tells whether the session may record a 催办/督办 of level:
// 挂牌督办 is the head's decision.
func urgeAllowed(act *Actor, level string) bool {
	if level == "挂牌督办" {
		return act.May(PermCaseDecide)
	}
	return act.May(PermCaseWrite)
}

// UrgeInput is a 催办 or 督办 on a task, with the task's Rev as read.
type UrgeInput struct {
	Task  uint64 `json:"task"`
	Level string `json:"level"` // one of UrgeLevels
	Text  string `json:"text"`
	Rev   uint64 `json:"rev"`
}

// Urge records a 催办 or 督办 on an open task. Nothing is sent: the
// entry is kept, printable later as its slip.
func (s *Tasks) Urge(in UrgeInput) (TaskDetail, error) {
	act, st, err := s.gate("Tasks.Urge", in)
	if err != nil {
		return TaskDetail{}, err
	}
	taskID, level, text, rev := in.Task, in.Level, strings.TrimSpace(in.Text), in.Rev
	if !slices.Contains(UrgeLevels, level) {
		return TaskDetail{}, fieldError("level", "task.level", "请选择催办级别（一般催办、督办、挂牌督办）。")
	}
	if n := len([]rune(text)); n == 0 || n > 500 {
		return TaskDetail{}, fieldError("text", "task.text", "请填写催办内容（最多 500 个字）。")
	}
	if !urgeAllowed(act, level) {
		return TaskDetail{}, fieldError("level", CodeTaskForbidden, "挂牌督办须由负责人决定。")
	}
	var out TaskDetail
	err = st.Update(func(tx *store.Tx) error {
		t, err := visibleTask(tx, act, taskID)
		if err != nil {
			return err
		}
		if t.Rev != rev {
			return store.ErrStale
		}
		if !openTask(t) {
			return newError(CodeTaskStep, "这项任务当前为“"+taskStatusLabels[t.Status]+"”，不需要催办。")
		}
		c, err := tx.Case(t.Case)
		if err != nil {
			return err
		}
		if err := noIdentity(tx, c, "text", text); err != nil {
			return err
		}
		kind := store.TaskUrge
		if level != "一般催办" {
			kind = store.TaskSupervise
		}
		u := &store.Task{Case: t.Case, Parent: t.ID, Type: kind, Level: level, ToUnit: t.ToUnit, IssuedBy: act.ID,
			Requirement: text, Redacted: t.Redacted, Status: store.TaskClosed}
		if err := tx.SaveTask(u); err != nil {
			return err
		}
		if err := tx.UpdateTask(t); err != nil { // the task's Rev: a form open on it is stale now
			return err
		}
		if err := tx.AppendEvent(t.Case, &store.Event{Kind: store.EventTask, By: act.ID, Task: t.ID, Text: level + "：" + text}); err != nil {
			return err
		}
		if err := s.audit(tx, act, ActionTaskUrge, "case", t.Case, clip(c.No+" "+level+"（"+unitName(tx, t.ToUnit)+"）", 100), ""); err != nil {
			return err
		}
		out, err = s.taskDetail(tx, act, t)
		return err
	})
	return out, err
}

// TaskInput is a task made after registration: a 转送 or 交办 of a case
// at the desk (the case's disposal, through the state machine) or a 协办
// to a second department of a case being handled. Rev is the case's.
type TaskInput struct {
	Case        uint64 `json:"case"`
	Type        string `json:"type"`
	Unit        uint64 `json:"unit"`
	Requirement string `json:"requirement"`
	Due         string `json:"due"`
	Rev         uint64 `json:"rev"`
}

// Create makes a task on a case.
func (s *Tasks) Create(in TaskInput) (TaskDetail, error) {
	act, st, err := s.gate("Tasks.Create", in)
	if err != nil {
		return TaskDetail{}, err
	}
	in.Requirement = strings.TrimSpace(in.Requirement)
	if !slices.Contains([]string{TaskTransfer, TaskAssign, TaskAssist}, in.Type) {
		return TaskDetail{}, fieldError("type", "task.type", "请选择任务类型（转送、交办或协办）。")
	}
	if len([]rune(in.Requirement)) > 1000 {
		return TaskDetail{}, fieldError("requirement", "task.requirement", "办理要求太长（最多 1000 个字）。")
	}
	var out TaskDetail
	err = st.Update(func(tx *store.Tx) error {
		c, err := tx.Case(in.Case)
		if err != nil {
			return err
		}
		if c.Rev != in.Rev {
			return store.ErrStale
		}
		if err := checkTaskUnit(tx, c, in.Type, in.Unit); err != nil {
			return err
		}
		if err := noIdentity(tx, c, "requirement", in.Requirement); err != nil {
			return err
		}
		today := civil.DateOf(s.app.now())
		due, err := civil.Parse(in.Due)
		switch {
		case err != nil:
			return fieldError("due", "task.due", "办理期限应为日期（年-月-日）。")
		case due == 0 && in.Type != TaskTransfer:
			return fieldError("due", "task.due", "请填写办理期限。")
		case due != 0 && due <= today:
			return fieldError("due", "task.due", "办理期限应晚于今天。")
		}
		t := &store.Task{Case: c.ID, Type: in.Type, ToUnit: in.Unit, IssuedBy: act.ID, Requirement: in.Requirement,
			Due: due, Status: store.TaskPending, Redacted: IsConfidential(c)}
		au := s.auditEntry(act, ActionTaskCreate)
		au.Summary = clip(c.No+" "+in.Type+"："+unitName(tx, in.Unit), 100)
		switch in.Type {
		case TaskTransfer, TaskAssign:
			// the case's disposal: the state machine decides whether the
			// case may be sent on from where it is
			step := stepInput(act)
			step.Unit, step.Due = strconv.FormatUint(in.Unit, 10), in.Due
			a := casestate.Transfer
			if in.Type == TaskAssign {
				a = casestate.Assign
			}
			tr, err := casestate.Check(casestate.State(c.Status), a, step)
			if err != nil {
				return err
			}
			c.Status, c.Disposal, c.Unit = string(tr.To), tr.Disposal, in.Unit
			if in.Type == TaskAssign {
				c.Due = due
			}
			if err := setClocks(tx, c); err != nil {
				return err
			}
		case TaskAssist:
			if !assistOpen(c) {
				return newError(CodeTaskStep, "这件信访事项已"+statusLabel(c.Status)+"，不能再安排协办。")
			}
		}
		if err := tx.SaveTask(t); err != nil {
			return err
		}
		// no event: the timeline tells the issue from the task itself
		// (app/timeline.go), as it does for a task made at registration
		if err := tx.UpdateCase(c, nil, au); err != nil {
			return err
		}
		out, err = s.taskDetail(tx, act, t)
		return err
	})
	return out, err
}

// checkTaskUnit refuses a department that is not on file or switched off,
// one that does not receive a task of kind typ (receiverProblem: a 交办 to
// a department not receiving 交办), a 协办 to the department handling the
// case, and, on a confidential case, the unit the report is about
// (docs/DOMAIN.md §10: a report never goes to the body it accuses).
func checkTaskUnit(tx *store.Tx, c *store.Case, typ string, unit uint64) error {
	if unit == 0 {
		return fieldError("unit", "task.unit", "请选择承办单位。")
	}
	u, err := tx.Unit(unit)
	if errors.Is(err, store.ErrNotFound) {
		u, err = nil, nil
	}
	if err != nil {
		return err
	}
	if code, msg := receiverProblem(u, typ); msg != "" {
		return fieldError("unit", code, msg)
	}
	if typ == TaskAssist && unit == c.Unit {
		return fieldError("unit", "task.assist_self", "“"+u.Name+"”正在承办这件事项，协办请选择其他单位。")
	}
	return notAccused(tx, c, unit)
}

// notAccused refuses to give a confidential report to the unit it is
// about (art. 30 para 3).
func notAccused(tx *store.Tx, c *store.Case, unit uint64) error {
	if IsConfidential(c) && c.AccusedUnit != 0 && c.AccusedUnit == unit {
		return fieldError("unit", "task.accused", "这件检举控告反映的就是“"+unitName(tx, unit)+"”，不能交给被反映单位办理，请选择其他单位。")
	}
	return nil
}

// noIdentity refuses, on a confidential case, a text (a task's
// requirement, a 催办) that names one of its people: a slip to a
// department never carries the whistle-blower's identity.
func noIdentity(tx *store.Tx, c *store.Case, field, text string) error {
	if !IsConfidential(c) || text == "" {
		return nil
	}
	for _, cp := range c.People {
		p, err := tx.Person(cp.Person)
		if err != nil {
			return err
		}
		words := append([]string{p.IDNumber, p.Address}, p.Phones...)
		if len([]rune(p.Name)) >= 2 && !p.Anonymous {
			words = append(words, p.Name)
		}
		for _, w := range words {
			if w = strings.TrimSpace(w); w != "" && strings.Contains(text, w) {
				return fieldError(field, "task.identity", "保密案件的任务和催办内容中不能写入举报人的姓名、身份证号、电话或住址，请删去后再保存。")
			}
		}
	}
	return nil
}
