// Package casestate is the life cycle of a petition case (信访事项): its
// states, the transitions between them, who may make each one, and what
// each needs (a reason, a unit, a deadline, an outcome). It is
// docs/DOMAIN.md §5 as data.
//
// Who may take a step is named by a permission (Transition.Perm, a string
// of the app's permission table); which roles hold it is the app's one
// table (app/roles.go RolePerms), never this package's.
//
// Why a package and why data: the regulation attaches duties to each step
// (a notice within 15 days of receipt, a reason for every refusal, the
// head's approval of an extension, one of three outcomes on a reply), so
// the app checks every step in Go, once, and the UI only offers what
// Allowed returns. The table is plain data so that the permission system
// (another package) can read the permissions, the letters package which
// letter a step produces, and the deadline package which clocks it starts
// and stops.
//
// States are the strings of store.Case.Status. The package imports
// neither the store nor the app.
package casestate

import (
	"fmt"
	"slices"
)

// State of a case.
type State string

// The states of docs/DOMAIN.md §5.1, as store.Case.Status holds them.
const (
	Draft         State = "DRAFT"
	Registered    State = "REGISTERED"
	AnsweredSpot  State = "ANSWERED_ON_SPOT"
	Redirected    State = "REDIRECTED"
	RoutedLegal   State = "ROUTED_TO_LEGAL"
	NotAccepted   State = "NOT_ACCEPTED"
	NotReaccepted State = "NOT_REACCEPTED"
	Filed         State = "FILED"
	Transferred   State = "TRANSFERRED"
	Assigned      State = "ASSIGNED"
	Objected      State = "OBJECTED"
	Accepted      State = "ACCEPTED"
	InProgress    State = "IN_PROGRESS"
	Extended      State = "EXTENDED"
	Mediated      State = "MEDIATED"
	Replied       State = "REPLIED"
	InReview      State = "IN_REVIEW"
	Reviewed      State = "REVIEWED"
	InRecheck     State = "IN_RECHECK"
	Reopened      State = "REOPENED"
	Closed        State = "CLOSED"
	Terminated    State = "TERMINATED"
	Archived      State = "ARCHIVED"
)

// States lists every state in life-cycle order.
var States = []State{Draft, Registered, AnsweredSpot, Redirected, RoutedLegal, NotAccepted,
	NotReaccepted, Filed, Transferred, Assigned, Objected, Accepted, InProgress, Extended, Mediated,
	Replied, InReview, Reviewed, InRecheck, Reopened, Closed, Terminated, Archived}

// Labels are the Chinese names the UI shows.
var Labels = map[State]string{
	Draft: "草稿", Registered: "已登记", AnsweredSpot: "当场答复", Redirected: "已告知向有权机关提出",
	RoutedLegal: "已导入法定程序", NotAccepted: "不予受理", NotReaccepted: "不再受理", Filed: "留存备查",
	Transferred: "已转送", Assigned: "已交办", Objected: "已提出异议", Accepted: "已受理",
	InProgress: "办理中", Extended: "延期办理中", Mediated: "已调解", Replied: "已答复",
	InReview: "复查中", Reviewed: "已复查", InRecheck: "复核中", Reopened: "重新办理",
	Closed: "已办结", Terminated: "已终结", Archived: "已归档",
}

// Open tells whether a case in this state still needs work from the
// office: the home screen's "open" count, and the cases whose running
// deadline the store indexes.
func Open(s State) bool {
	switch s {
	case Registered, Transferred, Assigned, Objected, Accepted, InProgress, Extended, Replied,
		InReview, Reviewed, InRecheck, Reopened, Mediated:
		return true
	}
	return false
}

// Terminal tells whether nothing more happens to a case in this state but
// archiving (the outcome for us; a repeat visit may still be linked).
func Terminal(s State) bool {
	switch s {
	case AnsweredSpot, Redirected, RoutedLegal, NotAccepted, NotReaccepted, Filed, Closed, Terminated, Archived:
		return true
	}
	return false
}

// Action names a transition.
type Action string

// The actions. The disposals at registration (docs/DOMAIN.md §5.2) come first.
const (
	Register       Action = "register"        // 登记
	AnswerOnSpot   Action = "answer_on_spot"  // 当场答复
	Accept         Action = "accept"          // 受理
	Transfer       Action = "transfer"        // 转送
	Assign         Action = "assign"          // 交办
	Redirect       Action = "redirect"        // 告知向有权机关提出
	RouteLegal     Action = "route_legal"     // 导入法定程序 (涉法涉诉…)
	NotAccept      Action = "not_accept"      // 不予受理
	NotReaccept    Action = "not_reaccept"    // 不再受理
	File           Action = "file"            // 留存备查
	ReportToHead   Action = "report_to_head"  // 呈报领导
	Object         Action = "object"          // 对转送、交办提出异议
	ObjectionOK    Action = "objection_ok"    // 来文单位同意异议，退回材料
	ObjectionNo    Action = "objection_no"    // 来文单位不同意异议
	StartWork      Action = "start_work"      // 开始办理
	Extend         Action = "extend"          // 延期
	Mediate        Action = "mediate"         // 调解、和解
	CloseMediated  Action = "close_mediated"  // 调解协议履行，办结
	Reply          Action = "reply"           // 出具处理意见书
	TransferDone   Action = "transfer_done"   // 接收单位确认受理
	TransferBack   Action = "transfer_back"   // 转送被退回
	ReportOK       Action = "report_ok"       // 办结报告审核通过
	ReportBack     Action = "report_back"     // 办结报告退回，重定期限
	AssignBack     Action = "assign_back"     // 承办单位异议成立，交办收回
	ReviewLapsed   Action = "review_lapsed"   // 复查申请期限届满
	RequestReview  Action = "request_review"  // 申请复查
	ReviewDone     Action = "review_done"     // 复查意见送达（维持、变更）
	ReviewRedo     Action = "review_redo"     // 复查责令重新办理
	ReviewRefused  Action = "review_refused"  // 复查申请不予受理
	RecheckLapsed  Action = "recheck_lapsed"  // 复核申请期限届满
	RequestRecheck Action = "request_recheck" // 申请复核
	RecheckDone    Action = "recheck_done"    // 复核意见送达，终结
	RecheckRedo    Action = "recheck_redo"    // 复核责令重新办理
	RecheckRefused Action = "recheck_refused" // 复核申请不予受理
	Resume         Action = "resume"          // 重新办理开始
	Archive        Action = "archive"         // 归档
)

// The permissions a step needs: strings of the app's permission table
// (app/roles.go Perm), which alone says which roles hold them. A 纪检
// office's discipline officer is a head (负责人) holding the confidential
// grant: there is no role of its own.
const (
	PermWrite  = "case.write"  // the desk: register and the everyday disposals (clerk, head)
	PermDecide = "case.decide" // bind the office: 受理, 不再受理, extension, the reply (head)
	PermHandle = "case.handle" // 办理: do the work of an accepted case (handler, head)
	PermFollow = "case.follow" // record what happened outside: a request, a service (clerk, handler, head)
)

// Need is a piece of input a transition requires.
type Need string

const (
	NeedReason   Need = "reason"   // 理由 (refusals, objections, extensions)
	NeedBody     Need = "body"     // the competent body or procedure the petitioner is told of
	NeedUnit     Need = "unit"     // the receiving department or body
	NeedDue      Need = "due"      // a deadline set on a 交办单
	NeedOutcome  Need = "outcome"  // one of Outcomes
	NeedIncoming Need = "incoming" // the case was sent down from above (转送/交办 in)
	NeedDays     Need = "days"     // the extension in days
)

// Outcomes of a 处理意见书 (art. 32): the codes stored on the case.
var Outcomes = []string{"予以支持", "解释说明", "不予支持"}

// Transition is one allowed step.
type Transition struct {
	Action Action  `json:"action"`
	From   []State `json:"from"`
	To     State   `json:"to"`
	Label  string  `json:"label"` // the button's Chinese text
	// Disposal is the disposal code (docs/DOMAIN.md §5.2) stored on the case for the disposals
	// made at registration (store.Case.Disposal); "" for later steps.
	Disposal string `json:"disposal,omitempty"`
	// Perm is the permission the step needs (PermWrite …).
	Perm string `json:"perm"`
	// System tells that the app itself may take the step (Input.System):
	// closing a window that lapsed.
	System bool   `json:"system,omitempty"`
	Needs  []Need `json:"needs,omitempty"`
	// Letter is the document the step produces, for the letters package.
	Letter string `json:"letter,omitempty"`
	// Starts and Stops name the clocks (deadline.Clock strings) the step
	// starts and stops.
	Starts []string `json:"starts,omitempty"`
	Stops  []string `json:"stops,omitempty"`
}

const (
	desk   = PermWrite
	decide = PermDecide
	handle = PermHandle
	follow = PermFollow
)

var (
	atIntake = []State{Registered}
	working  = []State{InProgress, Extended}
	finished = []State{AnsweredSpot, Redirected, RoutedLegal, NotAccepted, NotReaccepted, Filed, Closed, Terminated}
)

// The clock names, as in package deadline.
const (
	clockNotice    = "受理告知"
	clockObjection = "异议"
	clockHandling  = "办理"
	clockR1        = "复查申请"
	clockR2        = "复查决定"
	clockR3        = "复核申请"
	clockR4        = "复核决定"
)

// table is docs/DOMAIN.md §5.2. Who may do what is a judgment the office may want to
// change; the choices and their reasons:
//   - at the desk (case.write): registering, and the disposals a reception
//     clerk makes every day — answering on the spot, transferring,
//     assigning, telling the petitioner where to go, routing to the legal
//     procedure, refusing with a reason, keeping on file, and reporting to
//     the head. Registration is never blocked (来访必接).
//   - decisions that bind the office beyond the desk (case.decide, the
//     head; in a 纪检 office, its discipline officer): 受理 (it starts the
//     office's 60-day duty), 不再受理 (it shuts the door on a petitioner for
//     good), the extension (art. 34 requires the head's approval), and the
//     处理意见书 (signed by the head).
//   - the work in between (case.handle): handlers (承办人) and the head.
//   - what happens outside and is only recorded (case.follow): a receiving
//     body's answer, a review request, a decision served.
//   - a review or recheck window that lapses may be closed by the desk or
//     by the app itself (System).
var table = []Transition{
	{Action: Register, From: []State{Draft}, To: Registered, Label: "登记", Perm: desk,
		Starts: []string{clockNotice}},

	// Disposals at registration (docs/DOMAIN.md §5.2).
	{Action: AnswerOnSpot, From: atIntake, To: AnsweredSpot, Label: "当场答复", Disposal: "当场答复", Perm: desk,
		Stops: []string{clockNotice}},
	{Action: Accept, From: atIntake, To: Accepted, Label: "受理", Disposal: "受理", Perm: decide,
		Letter: "受理告知书", Stops: []string{clockNotice}, Starts: []string{clockHandling}},
	{Action: Transfer, From: atIntake, To: Transferred, Label: "转送", Disposal: "转送", Perm: desk,
		Needs: []Need{NeedUnit}, Letter: "转送告知书"},
	{Action: Assign, From: atIntake, To: Assigned, Label: "交办", Disposal: "交办", Perm: desk,
		Needs: []Need{NeedUnit, NeedDue}, Letter: "交办单"},
	{Action: Redirect, From: atIntake, To: Redirected, Label: "告知向有权机关提出", Disposal: "告知向有权机关提出", Perm: desk,
		Needs: []Need{NeedBody}, Letter: "告知书", Stops: []string{clockNotice}},
	{Action: RouteLegal, From: atIntake, To: RoutedLegal, Label: "导入法定程序", Disposal: "导入法定程序", Perm: desk,
		Needs: []Need{NeedBody}, Letter: "导入法定程序告知书", Stops: []string{clockNotice}},
	{Action: NotAccept, From: atIntake, To: NotAccepted, Label: "不予受理", Disposal: "不予受理", Perm: desk,
		Needs: []Need{NeedReason}, Letter: "不予受理告知书", Stops: []string{clockNotice}},
	{Action: NotReaccept, From: atIntake, To: NotReaccepted, Label: "不再受理", Disposal: "不再受理", Perm: decide,
		Needs: []Need{NeedReason}, Letter: "不再受理告知书", Stops: []string{clockNotice}},
	// 留存备查: a suggestion or enquiry kept on file, a 纪检 repeat report
	// with nothing new; nothing is owed the petitioner after it.
	{Action: File, From: atIntake, To: Filed, Label: "留存备查", Disposal: "留存备查", Perm: desk,
		Stops: []string{clockNotice}},
	{Action: ReportToHead, From: atIntake, To: Registered, Label: "呈报领导", Disposal: "呈报领导", Perm: desk},

	// A matter sent down from above that is not ours (art. 23 para 3).
	{Action: Object, From: atIntake, To: Objected, Label: "提出异议", Perm: desk,
		Needs: []Need{NeedIncoming, NeedReason}, Stops: []string{clockObjection}},
	{Action: ObjectionOK, From: []State{Objected}, To: Redirected, Label: "来文单位同意异议", Perm: desk},
	{Action: ObjectionNo, From: []State{Objected}, To: Registered, Label: "来文单位不同意异议", Perm: desk},

	// Our own handling (art. 31(6), 32–34).
	{Action: StartWork, From: []State{Accepted}, To: InProgress, Label: "开始办理", Perm: handle},
	// Once, at most the profile's maximum (NeedDays), from acceptance on:
	// the 60 days run from acceptance whether work has started or not.
	{Action: Extend, From: []State{Accepted, InProgress}, To: Extended, Label: "延期", Perm: decide,
		Needs: []Need{NeedReason, NeedDays}, Letter: "延期告知书"},
	{Action: Mediate, From: working, To: Mediated, Label: "调解、和解", Perm: handle, Letter: "调解协议书",
		Stops: []string{clockHandling}},
	{Action: CloseMediated, From: []State{Mediated}, To: Closed, Label: "办结", Perm: handle},
	{Action: Reply, From: working, To: Replied, Label: "出具处理意见书", Perm: decide,
		Needs: []Need{NeedOutcome}, Letter: "处理意见书", Stops: []string{clockHandling}, Starts: []string{clockR1}},

	// Transfers and assignments out.
	{Action: TransferDone, From: []State{Transferred}, To: Closed, Label: "接收单位已受理", Perm: follow},
	{Action: TransferBack, From: []State{Transferred}, To: Registered, Label: "转送被退回", Perm: follow},
	{Action: ReportOK, From: []State{Assigned}, To: Closed, Label: "办结报告通过", Perm: decide},
	{Action: ReportBack, From: []State{Assigned}, To: Assigned, Label: "退回办结报告", Perm: decide,
		Needs: []Need{NeedReason, NeedDue}},
	// The department's objection to an assignment, upheld by the head: the
	// matter comes back to the desk to be disposed of again.
	{Action: AssignBack, From: []State{Assigned}, To: Registered, Label: "异议成立，收回交办", Perm: decide},

	// 复查 and 复核 (art. 35, 36).
	{Action: ReviewLapsed, From: []State{Replied}, To: Closed, Label: "复查期限届满，办结", Perm: desk, System: true,
		Stops: []string{clockR1}},
	{Action: RequestReview, From: []State{Replied}, To: InReview, Label: "申请复查", Perm: follow,
		Stops: []string{clockR1}, Starts: []string{clockR2}},
	{Action: ReviewDone, From: []State{InReview}, To: Reviewed, Label: "复查意见已送达", Perm: follow,
		Stops: []string{clockR2}, Starts: []string{clockR3}},
	{Action: ReviewRedo, From: []State{InReview}, To: Reopened, Label: "复查责令重新办理", Perm: follow,
		Stops: []string{clockR2}},
	// A review request that is not accepted leaves the reply's window
	// running rather than closing the case: the petitioner may still ask
	// the right body in time.
	{Action: ReviewRefused, From: []State{InReview}, To: Replied, Label: "复查申请不予受理", Perm: follow,
		Needs: []Need{NeedReason}, Stops: []string{clockR2}},
	{Action: RecheckLapsed, From: []State{Reviewed}, To: Closed, Label: "复核期限届满，办结", Perm: desk, System: true,
		Stops: []string{clockR3}},
	{Action: RequestRecheck, From: []State{Reviewed}, To: InRecheck, Label: "申请复核", Perm: follow,
		Stops: []string{clockR3}, Starts: []string{clockR4}},
	{Action: RecheckDone, From: []State{InRecheck}, To: Terminated, Label: "复核意见已送达，终结", Perm: follow,
		Stops: []string{clockR4}},
	{Action: RecheckRedo, From: []State{InRecheck}, To: Reopened, Label: "复核责令重新办理", Perm: follow,
		Stops: []string{clockR4}},
	{Action: RecheckRefused, From: []State{InRecheck}, To: Reviewed, Label: "复核申请不予受理", Perm: follow,
		Needs: []Need{NeedReason}, Stops: []string{clockR4}},
	{Action: Resume, From: []State{Reopened}, To: InProgress, Label: "重新办理", Perm: handle,
		Starts: []string{clockHandling}},

	{Action: Archive, From: finished, To: Archived, Label: "归档", Perm: desk},
}

// Table returns a copy of every transition, for the permission system, the
// UI and the docs.
func Table() []Transition {
	out := make([]Transition, len(table))
	for i, t := range table {
		out[i] = t.clone()
	}
	return out
}

func (t Transition) clone() Transition {
	t.From = slices.Clone(t.From)
	t.Needs = slices.Clone(t.Needs)
	t.Starts = slices.Clone(t.Starts)
	t.Stops = slices.Clone(t.Stops)
	return t
}

// Allowed lists the transitions out of a state, in table order.
func Allowed(from State) []Transition {
	var out []Transition
	for _, t := range table {
		if slices.Contains(t.From, from) {
			out = append(out, t.clone())
		}
	}
	return out
}

// AllowedFor lists the transitions out of a state that a holder of the
// permissions may take (may answers for each): the buttons to show. It
// is what Check accepts, needs aside.
func AllowedFor(from State, may func(perm string) bool) []Transition {
	var out []Transition
	for _, t := range Allowed(from) {
		if may != nil && may(t.Perm) {
			out = append(out, t)
		}
	}
	return out
}

// Disposals lists the transitions made at registration that record a
// disposal (docs/DOMAIN.md §5.2), in the order the intake form offers them.
func Disposals() []Transition {
	var out []Transition
	for _, t := range table {
		if t.Disposal != "" {
			out = append(out, t.clone())
		}
	}
	return out
}

// Input is what the caller has for a transition.
type Input struct {
	// May tells whether the acting session holds a permission (the app's
	// role table); nil holds none.
	May func(perm string) bool
	// System: the app itself acts (a window that lapsed), not a session.
	System bool
	// Linked: the step is recorded with a repeat visit linked to the case
	// (Visits.Register with LinkCase), which may only record a disposal of
	// a case still REGISTERED.
	Linked bool
	// Extended is the extension already granted (store.Case.ExtDays);
	// MaxExtension the profile's ceiling (deadline.Profile.MaxExtension).
	Extended     int
	MaxExtension int
	Incoming     bool   // the case was sent down from above
	Reason       string // 理由 / 不予受理原因
	Body         string // the competent body or procedure named to the petitioner
	Unit         string // the receiving unit (its name or id as text)
	Due          string // the deadline on a 交办单, YYYY-MM-DD
	Outcome      string // one of Outcomes
	Days         int    // extension days
}

// Check finds the transition and checks that it may be taken now, by this
// role, with this input. It returns the transition to apply.
func Check(from State, action Action, in Input) (Transition, error) {
	if !slices.Contains(States, from) {
		return Transition{}, ErrUnknownState
	}
	var t *Transition
	for i := range table {
		if table[i].Action == action {
			t = &table[i]
			break
		}
	}
	if t == nil {
		return Transition{}, ErrUnknownAction
	}
	if in.Linked && (t.Disposal == "" || from != Registered) {
		return Transition{}, ErrLinked
	}
	if !slices.Contains(t.From, from) {
		return Transition{}, ErrNotAllowed
	}
	if in.System {
		if !t.System {
			return Transition{}, ErrRole
		}
	} else if in.May == nil || !in.May(t.Perm) {
		return Transition{}, ErrRole
	}
	for _, n := range t.Needs {
		if err := need(n, in); err != nil {
			return Transition{}, err
		}
	}
	return t.clone(), nil
}

func need(n Need, in Input) error {
	switch n {
	case NeedReason:
		if blank(in.Reason) {
			return ErrReason
		}
	case NeedBody:
		if blank(in.Body) {
			return ErrBody
		}
	case NeedUnit:
		if blank(in.Unit) {
			return ErrUnit
		}
	case NeedDue:
		if blank(in.Due) {
			return ErrDue
		}
	case NeedOutcome:
		if !slices.Contains(Outcomes, in.Outcome) {
			return ErrOutcome
		}
	case NeedIncoming:
		if !in.Incoming {
			return ErrNotIncoming
		}
	case NeedDays:
		// The extension (the only step with days): once, more than 0, at
		// most the profile's ceiling (art. 34).
		if in.Extended > 0 {
			return ErrExtendedOnce
		}
		if in.Days <= 0 {
			return ErrDays
		}
		if in.Days > in.MaxExtension {
			return &Error{ErrDaysMax.code, fmt.Sprintf("延期不得超过%d天", in.MaxExtension), ErrDaysMax.field}
		}
	}
	return nil
}

func blank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != '\u3000' {
			return false
		}
	}
	return true
}
