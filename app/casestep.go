package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/domain/dict"
	"laifang/domain/followup"
	"laifang/store"
)

// The steps of a case after registration (docs/DOMAIN.md §5): the state
// machine's transitions the case view offers (受理, 开始办理, 延期, 出具处理意见书,
// 复查, 复核, 办结, 归档 …) and what is recorded on a case without changing
// its state (a notice or a reply served, satisfaction, 执行落实, 复核听证).
// Go decides which steps a session may take now (Cases.Steps) and checks
// and writes each one (Cases.Step); the case view only shows the buttons and
// the fields Go names. Every step is a timeline event and an audit entry.
//
// Left to others: the disposals at the desk that make a task or need the
// visit (当场答复, 转送, 交办, 呈报领导) are the intake form's; the steps that
// come from a department's task (转送/交办 feedback) are the task service's.

// Records: what a step records on a case without a change of state.
const (
	RecordServeNotice = "serve_notice" // the disposal's notice (受理告知书 …) served
	RecordServeReply  = "serve_reply"  // the 处理意见书 served, with the 送达回证
	RecordRating      = "rating"       // the petitioner's satisfaction (满意度)
	RecordImplemented = "implemented"  // 执行落实 of a supported reply done
	RecordHearing     = "hearing"      // the 复核 hearing's days (not counted in its clock)
	RecordResultTold  = "result_told"  // a real-name reporter told the result (纪检反馈, stops K2)
)

// ServeMethods are the ways a document is served (送达方式).
var ServeMethods = []string{"直接送达", "邮寄送达", "留置送达", "电子送达"}

// ReviewResults are the decisions of a 复查 or 复核 that keep the reply or
// change it (the other two, 责令重新办理 and 不予受理, are steps of their own).
var ReviewResults = []string{"维持", "变更"}

// Results stored for the steps that are results in themselves.
const (
	resultRedo    = "责令重新办理"
	resultRefused = "不予受理"
)

// maxHearingDays bounds the 复核 hearing's days.
const maxHearingDays = deadline.MaxDays

// caseViewSteps are the transitions of the state machine the case view
// offers.
var caseViewSteps = map[casestate.Action]bool{
	casestate.Accept: true, casestate.Redirect: true, casestate.RouteLegal: true,
	casestate.NotAccept: true, casestate.NotReaccept: true,
	casestate.Object: true, casestate.ObjectionOK: true, casestate.ObjectionNo: true,
	casestate.StartWork: true, casestate.Extend: true, casestate.Mediate: true, casestate.CloseMediated: true,
	casestate.Reply: true, casestate.ReviewLapsed: true, casestate.RequestReview: true,
	casestate.ReviewDone: true, casestate.ReviewRedo: true, casestate.ReviewRefused: true,
	casestate.RecheckLapsed: true, casestate.RequestRecheck: true, casestate.RecheckDone: true,
	casestate.RecheckRedo: true, casestate.RecheckRefused: true, casestate.Resume: true, casestate.Archive: true,
}

// recordSteps are the records in the order the case view offers them,
// with their button's label and who may make them.
var recordSteps = []struct {
	action string
	label  string
	perms  []Perm // any one of them
}{
	{RecordServeNotice, "送达告知书", []Perm{PermCaseWrite}},
	{RecordServeReply, "送达处理意见书", []Perm{PermCaseWrite}},
	{RecordRating, "满意度评价", []Perm{PermCaseWrite}},
	{RecordImplemented, "执行落实", []Perm{PermCaseWrite, PermTaskReport}},
	{RecordHearing, "复核听证", []Perm{PermCaseWrite}},
	{RecordResultTold, "告知检举人办理结果", []Perm{PermCaseWrite}},
}

// StepInput is one step as the case view sends it. Rev is the case's
// revision the view read: a step on a case changed since is refused
// (CodeStale). Only the fields the step names (StepOption.Fields) count.
type StepInput struct {
	Action    string `json:"action"`
	Rev       uint64 `json:"rev"`
	Date      string `json:"date"` // YYYY-MM-DD; today when empty
	Reason    string `json:"reason"`
	Body      string `json:"body"`
	Days      int    `json:"days"`
	Outcome   string `json:"outcome"`
	Text      string `json:"text"`      // the reply's text, a note
	How       string `json:"how"`       // 送达方式, one of ServeMethods
	ReceiptNo string `json:"receiptNo"` // the 送达回证's number
	Rating    string `json:"rating"`    // 满意/基本满意/不满意/未评价
	Result    string `json:"result"`    // one of ReviewResults
	ArchiveNo string `json:"archiveNo"`
}

// StepOption is one button of the case view's actions panel.
type StepOption struct {
	Action  string `json:"action"`
	Label   string `json:"label"`
	Kind    string `json:"kind"` // "step": a change of state; "record": recorded on the case
	To      string `json:"to,omitempty"`
	ToLabel string `json:"toLabel,omitempty"`
	Letter  string `json:"letter,omitempty"`
	// Fields are the inputs of the step's dialog, by StepInput's JSON names.
	Fields []string `json:"fields"`
	// Required are those of Fields that must be filled.
	Required []string `json:"required"`
	// MinDate is the earliest date the step may carry (the step it
	// follows); "" without a date.
	MinDate string `json:"minDate,omitempty"`
	// Choices are the values a field may take, by field (处理结果, 送达方式,
	// 满意度, 结论, the 不予受理 reasons of the office's list).
	Choices map[string][]StepChoice `json:"choices"`
	// MaxDays bounds the days field (the profile's extension, a hearing).
	MaxDays int `json:"maxDays,omitempty"`
	// Suggested are the values the dialog opens with, by field: today, the
	// settings' 复查机关 or 复核机关, the next archive number.
	Suggested map[string]string `json:"suggested"`
	// Correct: the record is already made; this one corrects it, with a reason.
	Correct bool `json:"correct,omitempty"`
}

// StepChoice is one value a field may take: what is sent, what is shown.
type StepChoice struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// CaseSteps is what the actions panel shows for a case: the steps this
// session may take now, and the choices and suggestions their dialogs use.
type CaseSteps struct {
	CaseID      uint64       `json:"caseId"`
	Rev         uint64       `json:"rev"`
	Status      string       `json:"status"`
	StatusLabel string       `json:"statusLabel"`
	Today       string       `json:"today"`
	Steps       []StepOption `json:"steps"`
	// Tasks are the tasks the session may add to the case now (taskOffers):
	// a 协办 to a second department.
	Tasks []TaskOffer `json:"tasks"`
}

// Steps lists the steps this session may take on the case now.
func (s *Cases) Steps(caseID uint64) (CaseSteps, error) {
	act, st, err := s.gate("Cases.Steps")
	if err != nil {
		return CaseSteps{}, err
	}
	var out CaseSteps
	err = st.View(func(tx *store.Tx) error {
		c, err := tx.Case(caseID)
		if err != nil {
			return err
		}
		today := civil.DateOf(s.app.now())
		out = CaseSteps{CaseID: c.ID, Rev: c.Rev, Status: c.Status, StatusLabel: statusLabel(c.Status),
			Today: today.String()}
		if out.Steps, err = offeredSteps(tx, act, c, today); err != nil {
			return err
		}
		out.Tasks, err = taskOffers(tx, act, c, today)
		return err
	})
	return out, err
}

// offeredSteps are the steps of case c session act may take on day today:
// the state machine's (allowedSteps) the case view offers and the case's
// facts allow (stepAvailable), then the records.
func offeredSteps(tx *store.Tx, act *Actor, c *store.Case, today civil.Date) ([]StepOption, error) {
	out := []StepOption{}
	for _, t := range allowedSteps(act, casestate.State(c.Status)) {
		if !caseViewSteps[t.Action] {
			continue
		}
		ok, err := stepAvailable(tx, c, t.Action, today)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		o := StepOption{Action: string(t.Action), Label: t.Label, Kind: "step", To: string(t.To),
			ToLabel: statusLabel(string(t.To)), Letter: t.Letter}
		o.Fields, o.Required = stepFields(t)
		if floor, _ := dateFloor(c, string(t.Action)); slices.Contains(o.Fields, "date") {
			o.MinDate = floor.String()
		}
		if err := suggest(tx, &o, today); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	for _, r := range recordSteps {
		if !mayAny(act, r.perms) || !recordAvailable(c, r.action) {
			continue
		}
		o := StepOption{Action: r.action, Label: r.label, Kind: "record"}
		o.Fields, o.Required = recordStepFields(c, r.action)
		if floor, _ := dateFloor(c, r.action); slices.Contains(o.Fields, "date") {
			o.MinDate = floor.String()
		}
		o.Correct = r.action == RecordRating && c.Satisfaction != ""
		if err := suggest(tx, &o, today); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// suggest fills in what a step's dialog opens with, the values its fields
// may take and the bound of its days: today's date, the 复查机关 or 复核机关
// of the settings, the next archive number; the outcomes, 送达方式, the
// office's 满意度 and 不予受理 reasons; the profile's extension.
func suggest(tx *store.Tx, o *StepOption, today civil.Date) error {
	o.Suggested, o.Choices = map[string]string{}, map[string][]StepChoice{}
	if slices.Contains(o.Fields, "date") {
		o.Suggested["date"] = today.String()
	}
	plain := func(vs []string) []StepChoice {
		out := make([]StepChoice, len(vs))
		for i, v := range vs {
			out[i] = StepChoice{Value: v, Label: v}
		}
		return out
	}
	fromList := func(name string, byLabel bool) ([]StepChoice, error) {
		l, err := dictList(tx, name)
		if err != nil {
			return nil, err
		}
		out := []StepChoice{}
		for _, e := range l.Entries {
			if e.Active && e.Parent == "" {
				v := e.Code
				if byLabel {
					v = e.Label
				}
				out = append(out, StepChoice{Value: v, Label: e.Label})
			}
		}
		return out, nil
	}
	for _, f := range o.Fields {
		var err error
		switch f {
		case "outcome":
			o.Choices[f] = plain(casestate.Outcomes)
		case "how":
			o.Choices[f] = plain(ServeMethods)
		case "result":
			o.Choices[f] = plain(ReviewResults)
		case "rating":
			// The case keeps the rating's words, as the generator and the ledger do.
			o.Choices[f], err = fromList(dict.Rating, true)
		case "reason":
			if o.Action == string(casestate.NotAccept) || o.Action == string(casestate.NotReaccept) {
				// The case keeps the reason's code, as the intake form does (dispDetail).
				o.Choices[f], err = fromList(dict.NotAccepted, false)
			}
		}
		if err != nil {
			return err
		}
	}
	switch o.Action {
	case string(casestate.Extend):
		p, err := officeProfile(tx)
		if err != nil {
			return err
		}
		o.MaxDays = p.MaxExtension
	case RecordHearing:
		o.MaxDays = maxHearingDays
	case string(casestate.RequestReview), string(casestate.RequestRecheck):
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		o.Suggested["body"] = set.ReviewOrg
		if o.Action == string(casestate.RequestRecheck) {
			o.Suggested["body"] = set.RecheckOrg
		}
	case string(casestate.Archive):
		o.Suggested["archiveNo"], _ = tx.NextArchiveNo(today.Year())
	}
	return nil
}

func mayAny(act *Actor, perms []Perm) bool {
	return slices.ContainsFunc(perms, act.May)
}

// stepAvailable tells whether the case's facts allow a transition the
// state machine allows from its state: an objection only to a matter sent
// down, a review request only after the reply was served, a window closed
// as lapsed only once its clock is past due.
func stepAvailable(tx *store.Tx, c *store.Case, a casestate.Action, today civil.Date) (bool, error) {
	switch a {
	case casestate.Object:
		return c.Incoming != nil, nil
	case casestate.RequestReview:
		return c.Served != 0, nil
	case casestate.RequestRecheck:
		return c.ReviewServed != 0, nil
	case casestate.ReviewLapsed, casestate.RecheckLapsed:
		return windowLapsed(tx, c, a, today)
	}
	return true, nil
}

// windowLapsed tells whether the petitioner's window that step closes
// (复查申请, 复核申请) is open on the case and past its legal due date on
// today (windowEnd).
func windowLapsed(tx *store.Tx, c *store.Case, step casestate.Action, today civil.Date) (bool, error) {
	w, ok := followup.OpenWindow(c.FollowFacts())
	if !ok || w.Close != step {
		return false, nil
	}
	end, err := windowEnd(tx, c, w)
	return today > end, err
}

// recordAvailable tells whether a record may be made on the case now.
func recordAvailable(c *store.Case, action string) bool {
	st := casestate.State(c.Status)
	switch action {
	case RecordServeNotice:
		return noticeLetter(c) != "" && c.NoticeServed == 0 && st != casestate.Archived
	case RecordServeReply:
		return st == casestate.Replied && c.ReplyOn != 0 && c.Served == 0
	case RecordRating:
		return st != casestate.Archived && (c.Served != 0 || st == casestate.AnsweredSpot)
	case RecordImplemented:
		return c.Outcome == casestate.Outcomes[0] && c.Served != 0 && c.Implemented == 0 && st != casestate.Archived
	case RecordHearing:
		return st == casestate.InRecheck
	case RecordResultTold:
		return st == casestate.Closed && c.Type == TypeReport && c.RealName && c.ResultTold == 0
	}
	return false
}

// noticeLetter is the notice the petitioner is served for the case's
// disposal (受理告知书, 不予受理告知书 …): the letter of the disposal's
// transition; "" for none, and for a 交办单, which goes to a department.
func noticeLetter(c *store.Case) string {
	for _, t := range casestate.Disposals() {
		if t.Disposal == c.Disposal && t.Action != casestate.Assign {
			return t.Letter
		}
	}
	return ""
}

// stepFields are the inputs of a transition's dialog and those required.
func stepFields(t casestate.Transition) (fields, required []string) {
	add := func(f string, req bool) {
		if !slices.Contains(fields, f) {
			fields = append(fields, f)
		}
		if req && !slices.Contains(required, f) {
			required = append(required, f)
		}
	}
	switch t.Action {
	case casestate.Accept, casestate.Extend, casestate.Reply, casestate.CloseMediated,
		casestate.RequestReview, casestate.ReviewDone, casestate.ReviewRedo, casestate.ReviewRefused,
		casestate.RequestRecheck, casestate.RecheckDone, casestate.RecheckRedo, casestate.RecheckRefused:
		add("date", true)
	}
	for _, n := range t.Needs {
		switch n {
		case casestate.NeedReason:
			add("reason", true)
		case casestate.NeedBody:
			add("body", true)
		case casestate.NeedDays:
			add("days", true)
		case casestate.NeedOutcome:
			add("outcome", true)
			add("text", true)
		}
	}
	switch t.Action {
	case casestate.RequestReview, casestate.RequestRecheck:
		add("body", true)
	case casestate.ReviewDone, casestate.RecheckDone:
		add("result", true)
	case casestate.Mediate:
		add("text", false)
	case casestate.Archive:
		add("archiveNo", true)
	}
	return fields, required
}

// recordStepFields are the inputs of a record's dialog and those required.
func recordStepFields(c *store.Case, action string) (fields, required []string) {
	switch action {
	case RecordServeNotice, RecordServeReply:
		return []string{"date", "how", "receiptNo"}, []string{"date", "how"}
	case RecordRating:
		if c.Satisfaction != "" {
			return []string{"rating", "date", "reason"}, []string{"rating", "date", "reason"}
		}
		return []string{"rating", "date"}, []string{"rating", "date"}
	case RecordImplemented:
		return []string{"date", "text"}, []string{"date", "text"}
	case RecordHearing:
		return []string{"days", "text"}, []string{"days"}
	case RecordResultTold:
		return []string{"date", "how", "text"}, []string{"date", "how"}
	}
	return nil, nil
}

// dateFloor is the earliest date a step may carry: the date of the step
// it follows (served ≥ reply issued ≥ acceptance ≥ receipt), with its name
// for the message.
func dateFloor(c *store.Case, action string) (civil.Date, string) {
	latest := func(pairs ...any) (civil.Date, string) {
		var d civil.Date
		name := ""
		for i := 0; i+1 < len(pairs); i += 2 {
			if v := pairs[i].(civil.Date); v != 0 && v >= d {
				d, name = v, pairs[i+1].(string)
			}
		}
		return d, name
	}
	received := c.Received.Date()
	if c.Received == 0 {
		received = 0
	}
	switch action {
	case string(casestate.Accept), RecordServeNotice:
		return latest(received, "收到日期", c.Accepted, "受理日期")
	case string(casestate.Extend), string(casestate.CloseMediated):
		return latest(received, "收到日期", c.Accepted, "受理日期")
	case string(casestate.Reply):
		return latest(received, "收到日期", c.Accepted, "受理日期", c.ExtOn, "延期日期",
			c.ReviewServed, "复查意见送达日期", c.RecheckServed, "复核意见送达日期")
	case RecordServeReply:
		return c.ReplyOn, "答复日期"
	case RecordRating:
		if c.Served == 0 {
			return latest(received, "收到日期")
		}
		return c.Served, "答复送达日期"
	case RecordImplemented, string(casestate.RequestReview):
		return c.Served, "答复送达日期"
	case RecordResultTold:
		return c.Closed, "办结日期"
	case string(casestate.ReviewDone), string(casestate.ReviewRedo), string(casestate.ReviewRefused):
		return c.ReviewAsked, "复查申请日期"
	case string(casestate.RequestRecheck):
		return c.ReviewServed, "复查意见送达日期"
	case string(casestate.RecheckDone), string(casestate.RecheckRedo), string(casestate.RecheckRefused):
		return c.RecheckAsked, "复核申请日期"
	}
	return 0, ""
}

// Step takes one step on the case: a transition of the state machine or
// a record (StepInput.Action), checked against what Steps offers this
// session now, with its fields checked, written with the case's clocks
// (setClocks), a timeline event and an audit entry. It returns the case's
// new revision.
func (s *Cases) Step(caseID uint64, in StepInput) (CaseEdit, error) {
	act, st, err := s.gate("Cases.Step", in)
	if err != nil {
		return CaseEdit{}, err
	}
	trimStep(&in)
	now := s.app.now()
	today := civil.DateOf(now)
	var out CaseEdit
	err = st.Update(func(tx *store.Tx) error {
		c, err := tx.Case(caseID)
		if err != nil {
			return err
		}
		if c.Rev != in.Rev {
			return store.ErrStale
		}
		offered, err := offeredSteps(tx, act, c, today)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(offered, func(o StepOption) bool { return o.Action == in.Action })
		if i < 0 {
			return s.refuseStep(tx, act, c, in.Action)
		}
		opt := offered[i]
		if err := checkStepFields(&in, opt, c, today); err != nil {
			return err
		}
		date, _ := civil.Parse(in.Date)
		w := stepWrite{act: act, c: c, in: &in, date: date, today: today,
			ev: &store.Event{By: act.ID, At: store.StampOf(now)}, audit: s.auditEntry(act, ActionStep)}
		if opt.Kind == "step" {
			err = w.transition(tx)
		} else {
			err = w.record(tx)
		}
		if err != nil {
			return err
		}
		if err := setClocks(tx, c); err != nil {
			return err
		}
		w.audit.Summary = clip(c.No+" "+opt.Label, 100)
		if IsConfidential(c) {
			w.audit.Reason = "" // the audit viewer is not the place for a confidential case's words
		}
		if err := tx.UpdateCase(c, w.ev, w.audit); err != nil {
			return err
		}
		out = CaseEdit{CaseID: c.ID, Rev: c.Rev}
		return nil
	})
	return out, err
}

// refuseStep says why a step not offered now was refused: the state
// machine's own refusal (its role, the state), else that the case's facts
// do not allow it yet.
func (s *Cases) refuseStep(tx *store.Tx, act *Actor, c *store.Case, action string) error {
	if caseViewSteps[casestate.Action(action)] {
		step := stepInput(act)
		if err := stepCase(tx, c, &step); err != nil {
			return err
		}
		// Only the state and the role: the fields are checked once the step is offered.
		if _, err := casestate.Check(casestate.State(c.Status), casestate.Action(action), step); err != nil {
			if ce, ok := err.(interface{ Field() string }); !ok || ce.Field() == "" {
				return err
			}
		}
	}
	for _, r := range recordSteps {
		if r.action == action && !mayAny(act, r.perms) {
			return newError("step.role", "您的角色不能进行这项操作。")
		}
	}
	return newError("step.not_now", "这个事项现在不能进行这项操作，请刷新后查看可进行的操作。")
}

func trimStep(in *StepInput) {
	for _, p := range []*string{&in.Action, &in.Date, &in.Reason, &in.Body, &in.Outcome, &in.Text, &in.How,
		&in.ReceiptNo, &in.Rating, &in.Result, &in.ArchiveNo} {
		*p = strings.TrimSpace(*p)
	}
}

// Codes of a step's refusals.
const (
	CodeStepDateOrder = "step.date_order" // a date before the step it follows
	CodeStepChoice    = "step.choice"     // a value not among the choices offered
	CodeStepArchiveNo = "step.archive_no" // an archive number another case holds
	CodeStepDays      = "step.days"       // days out of range
)

// choiceLabels name the fields chosen from a list, in a refusal.
var choiceLabels = map[string]string{"outcome": "处理结果", "how": "送达方式", "result": "复查复核结论",
	"rating": "满意度", "reason": "理由"}

// checkStepFields checks the inputs a step names: present when required,
// within their limits, dates not in the future nor before the step they
// follow. Every problem comes back at once, each on its field.
func checkStepFields(in *StepInput, opt StepOption, c *store.Case, today civil.Date) error {
	var is issues
	has := func(f string) bool { return slices.Contains(opt.Fields, f) }
	req := func(f string) bool { return slices.Contains(opt.Required, f) }
	// A field left empty takes what the dialog suggested: today, the
	// settings' 复查机关, the next archive number.
	for _, f := range []struct {
		name string
		v    *string
	}{{"date", &in.Date}, {"body", &in.Body}, {"archiveNo", &in.ArchiveNo}} {
		if *f.v == "" && has(f.name) {
			*f.v = opt.Suggested[f.name]
		}
	}
	if has("date") {
		d, err := civil.Parse(in.Date)
		switch {
		case err != nil:
			is.err("date", CodeDate, "日期格式不正确，应为 年-月-日。")
		case d > today:
			is.err("date", CodeFuture, "日期不能晚于今天。")
		default:
			if floor, name := dateFloor(c, opt.Action); floor != 0 && d < floor {
				is.err("date", CodeStepDateOrder, fmt.Sprintf("日期不能早于%s（%s）。", name, floor))
			}
		}
	}
	for _, f := range opt.Fields {
		cs, ok := opt.Choices[f]
		if !ok {
			continue
		}
		v := map[string]*string{"outcome": &in.Outcome, "how": &in.How, "result": &in.Result,
			"rating": &in.Rating, "reason": &in.Reason}[f]
		label := choiceLabels[f]
		switch {
		case v == nil:
		case *v == "":
			is.err(f, CodeRequired, "请选择"+label+"。")
		case !slices.ContainsFunc(cs, func(c StepChoice) bool { return c.Value == *v }):
			is.err(f, CodeStepChoice, label+"不正确，请从列表中选择。")
		}
	}
	text := map[string]struct {
		v     string
		label string
		max   int
	}{"reason": {in.Reason, "理由", maxLine}, "body": {in.Body, "机关", maxShort}, "text": {in.Text, "内容", maxText},
		"receiptNo": {in.ReceiptNo, "送达回证编号", maxShort}, "archiveNo": {in.ArchiveNo, "归档号", maxShort}}
	for _, f := range []string{"reason", "body", "text", "receiptNo", "archiveNo"} {
		if _, chosen := opt.Choices[f]; !has(f) || chosen {
			continue
		}
		t := text[f]
		if is.need(f, !req(f) || t.v != "", CodeRequired, "请填写"+t.label+"。") {
			checkLen(&is, f, t.label, t.v, t.max)
		}
	}
	if has("days") && (in.Days < 0 || in.Days > maxHearingDays || (req("days") && in.Days == 0)) {
		is.err("days", CodeStepDays, fmt.Sprintf("天数应在 1 到 %d 之间。", maxHearingDays))
	}
	if len(is.errs) > 0 {
		return invalid(is.errs)
	}
	return nil
}

// stepWrite is one step being written: the case changed in place, the
// timeline event and the audit entry filled in.
type stepWrite struct {
	act         *Actor
	c           *store.Case
	in          *StepInput
	date, today civil.Date
	ev          *store.Event
	audit       *store.AuditEntry
	system      bool // the app itself closes a lapsed window (CloseLapsed)
}

// transition applies a transition of the state machine: checked by it with
// the session's input (stepInput), then what the step records.
func (w *stepWrite) transition(tx *store.Tx) error {
	c, in := w.c, w.in
	step := stepInput(w.act)
	step.System = w.system
	// What the case and the profile say (came from above, extended
	// already, the ceiling): the state machine refuses a second extension
	// and one over the ceiling, once, for every caller.
	if err := stepCase(tx, c, &step); err != nil {
		return err
	}
	step.Reason, step.Body, step.Outcome, step.Days = in.Reason, in.Body, in.Outcome, in.Days
	tr, err := casestate.Check(casestate.State(c.Status), casestate.Action(in.Action), step)
	if err != nil {
		return err
	}
	c.Status = string(tr.To)
	if tr.Disposal != "" {
		c.Disposal = tr.Disposal
	}
	w.ev.Kind = store.EventStatus
	var facts []string
	note := func(label, v string) {
		if v != "" {
			facts = append(facts, label+"："+v)
		}
	}
	switch tr.Action {
	case casestate.Accept:
		c.Accepted = w.date
		note("受理日期", w.date.String())
	case casestate.Redirect, casestate.RouteLegal:
		c.DispReason = in.Body
		note("告知途径", in.Body)
	case casestate.NotAccept, casestate.NotReaccept:
		c.DispReason = in.Reason
		l, err := dictList(tx, dict.NotAccepted)
		if err != nil {
			return err
		}
		if e, ok := l.Lookup(in.Reason); ok {
			note("理由", e.Label)
		}
	case casestate.Object:
		note("异议理由", in.Reason)
	case casestate.Extend:
		c.ExtDays, c.ExtReason, c.ExtBy, c.ExtOn = in.Days, in.Reason, w.act.ID, w.date
		note("延期天数", strconv.Itoa(in.Days)+"天")
		note("延期理由", in.Reason)
		w.audit.Reason = in.Reason
	case casestate.Mediate:
		note("调解情况", in.Text)
	case casestate.CloseMediated:
		c.Closed = w.date
	case casestate.Reply:
		w.ev.Kind = store.EventReply
		c.Outcome, c.Reply, c.ReplyBy, c.ReplyOn = in.Outcome, in.Text, w.act.ID, w.date
		// A reply made again (after 责令重新办理) is served and rated anew.
		c.Served, c.ServedHow, c.Satisfaction, c.SatisfiedOn, c.SatisfiedBy, c.Implemented = 0, "", "", 0, 0, 0
		note("处理结果", in.Outcome)
		note("答复日期", w.date.String())
		note("处理意见", in.Text)
	case casestate.ReviewLapsed, casestate.RecheckLapsed:
		c.Closed = w.today
		note("办结日期", w.today.String())
	case casestate.RequestReview:
		w.ev.Kind = store.EventReview
		c.ReviewAsked, c.ReviewBody, c.ReviewServed, c.ReviewResult = w.date, in.Body, 0, ""
		note("复查申请日期", w.date.String())
		note("复查机关", in.Body)
	case casestate.ReviewDone, casestate.ReviewRedo, casestate.ReviewRefused:
		w.ev.Kind = store.EventReview
		c.ReviewServed, c.ReviewResult = w.date, reviewResult(tr.Action, in.Result)
		note("复查结论", c.ReviewResult)
		note("送达日期", w.date.String())
		note("理由", in.Reason)
	case casestate.RequestRecheck:
		w.ev.Kind = store.EventReview
		c.RecheckAsked, c.RecheckBody, c.RecheckServed, c.RecheckResult, c.HearingDays = w.date, in.Body, 0, "", 0
		note("复核申请日期", w.date.String())
		note("复核机关", in.Body)
	case casestate.RecheckDone, casestate.RecheckRedo, casestate.RecheckRefused:
		w.ev.Kind = store.EventReview
		c.RecheckServed, c.RecheckResult = w.date, reviewResult(tr.Action, in.Result)
		if tr.To == casestate.Terminated {
			c.Closed = w.date
		}
		note("复核结论", c.RecheckResult)
		note("送达日期", w.date.String())
		note("理由", in.Reason)
	case casestate.Resume:
		// A new handling period from today, with its own extension
		// (followup.Facts.HandlingStart, Extension).
		c.Resumed = w.date
		if c.Resumed == 0 {
			c.Resumed = w.today // the step asks no date: work starts again today
		}
		note("重新办理日期", c.Resumed.String())
	case casestate.Archive:
		if err := w.archive(tx); err != nil {
			return err
		}
		w.audit.Action = ActionArchive
		note("归档号", c.ArchiveNo)
	}
	w.ev.Text = stepText(tr.Label, facts)
	return nil
}

// reviewResult is the result a 复查/复核 step stores.
func reviewResult(a casestate.Action, chosen string) string {
	switch a {
	case casestate.ReviewRedo, casestate.RecheckRedo:
		return resultRedo
	case casestate.ReviewRefused, casestate.RecheckRefused:
		return resultRefused
	}
	return chosen
}

// archive gives the case its archive number: the one typed, else the
// suggestion, unique in the file.
func (w *stepWrite) archive(tx *store.Tx) error {
	year := w.today.Year()
	next, n := tx.NextArchiveNo(year)
	no := w.in.ArchiveNo
	if no == "" {
		no = next
	}
	if id := tx.CaseByArchiveNo(no); id != 0 && id != w.c.ID {
		msg := "归档号已被使用，请换一个（建议：" + next + "）。"
		if other, err := tx.Case(id); err == nil {
			msg = "归档号已被事项 " + other.No + " 使用，请换一个（建议：" + next + "）。"
		}
		return fieldError("archiveNo", CodeStepArchiveNo, msg)
	}
	if no == next {
		if err := tx.TakeArchiveNo(year, n); err != nil {
			return err
		}
	}
	w.c.ArchiveNo = no
	return nil
}

// record makes a record that changes no state.
func (w *stepWrite) record(tx *store.Tx) error {
	c, in := w.c, w.in
	var facts []string
	note := func(label, v string) {
		if v != "" {
			facts = append(facts, label+"："+v)
		}
	}
	label := ""
	for _, r := range recordSteps {
		if r.action == in.Action {
			label = r.label
		}
	}
	switch in.Action {
	case RecordServeNotice:
		w.ev.Kind, w.audit.Action = KindServed, ActionServe
		c.NoticeServed = w.date
		label = "送达" + noticeLetter(c)
		note("送达日期", w.date.String())
		note("送达方式", in.How)
		note("送达回证", in.ReceiptNo)
	case RecordServeReply:
		w.ev.Kind, w.audit.Action = KindServed, ActionServe
		c.Served, c.ServedHow = w.date, in.How
		note("送达日期", w.date.String())
		note("送达方式", in.How)
		note("送达回证", in.ReceiptNo)
	case RecordRating:
		w.ev.Kind, w.audit.Action = KindRating, ActionRating
		if c.Satisfaction != "" {
			label = "更正满意度评价"
			note("原评价", c.Satisfaction)
			w.audit.Reason = in.Reason
		}
		c.Satisfaction, c.SatisfiedOn, c.SatisfiedBy = in.Rating, w.date, w.act.ID
		note("满意度", in.Rating)
		note("评价日期", w.date.String())
		note("更正理由", in.Reason)
	case RecordImplemented:
		w.ev.Kind = KindImplemented
		c.Implemented = w.date
		note("落实日期", w.date.String())
		note("落实情况", in.Text)
	case RecordResultTold:
		w.ev.Kind = KindResultTold
		c.ResultTold = w.date
		note("告知日期", w.date.String())
		note("告知方式", in.How)
		note("告知内容", in.Text)
	case RecordHearing:
		w.ev.Kind = KindHearing
		c.HearingDays = in.Days
		note("听证天数", strconv.Itoa(in.Days)+"天")
		note("说明", in.Text)
	}
	w.ev.Text = stepText(label, facts)
	return nil
}

// stepText is a step's timeline text: its name and what it recorded.
func stepText(label string, facts []string) string {
	if len(facts) == 0 {
		return label
	}
	return label + "。" + strings.Join(facts, "；")
}

// profileName names a time-limit profile in a message.
func profileName(p deadline.Profile) string {
	if p.Name != "" {
		return p.Name
	}
	return "国家默认时限"
}
