package followup

import (
	"strings"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
)

// The work-queue kinds (docs/DOMAIN.md §14, the home screen): what the
// office owes a case next. They are the keys of the store's ix.case.todo
// and the groups of the home screen.
const (
	TodoNotice        = "notice"         // a disposal's notice (受理告知书, 不予受理告知书 …) to serve
	TodoReply         = "reply"          // a 处理意见书 to write
	TodoServe         = "serve"          // a reply issued, not yet served
	TodoSatisfaction  = "satisfaction"   // satisfaction with an answer to record
	TodoImplement     = "implement"      // 执行落实 of a supported reply to report
	TodoReviewWindow  = "review_window"  // the 复查 window of a served reply is open
	TodoInReview      = "in_review"      // a 复查 request is being decided
	TodoRecheckWindow = "recheck_window" // the 复核 window of a served 复查 opinion is open
	TodoInRecheck     = "in_recheck"     // a 复核 request is being decided
)

// TodoKinds lists the kinds in the order the home screen shows them.
var TodoKinds = []string{TodoNotice, TodoReply, TodoServe, TodoSatisfaction, TodoImplement,
	TodoReviewWindow, TodoInReview, TodoRecheckWindow, TodoInRecheck}

// TodoLabels are the Chinese names of the kinds.
var TodoLabels = map[string]string{
	TodoNotice: "待送达告知书", TodoReply: "待出具处理意见", TodoServe: "待送达处理意见",
	TodoSatisfaction: "待记录满意度", TodoImplement: "待执行落实", TodoReviewWindow: "复查申请期内",
	TodoInReview: "复查中", TodoRecheckWindow: "复核申请期内", TodoInRecheck: "复核中",
}

// noticeStates are the states a disposal that owes the petitioner a
// notice (告知书) leads to, read from casestate's table: the letter a
// registration step produces names it. 交办单 goes to a department, not to
// the petitioner.
//
// A 交办 is told to the petitioner too (转送/交办告知书, docs/DOMAIN.md §4):
// the 交办单 itself goes to the department.
var noticeStates = func() map[casestate.State]bool {
	out := map[casestate.State]bool{}
	for _, t := range noticeDisposals() {
		out[t.To] = true
	}
	return out
}()

// noticeDisposals are the disposals that owe the petitioner a notice.
func noticeDisposals() []casestate.Transition {
	var out []casestate.Transition
	for _, t := range casestate.Disposals() {
		if strings.HasSuffix(t.Letter, "告知书") || t.To == casestate.Assigned {
			out = append(out, t)
		}
	}
	return out
}

// NoticeOwedBy tells whether the disposal recorded on a case (its code,
// store.Case.Disposal) owes the petitioner a notice, whatever the case's
// state is now: the statistics ask it of a case that has moved on.
func NoticeOwedBy(disposal string) bool { return noticeCodes[disposal] }

// noticeCodes are the codes of noticeDisposals, read once.
var noticeCodes = func() map[string]bool {
	out := map[string]bool{}
	for _, t := range noticeDisposals() {
		if t.Disposal != "" {
			out[t.Disposal] = true
		}
	}
	return out
}()

// noticeOwed tells that the disposal made owes the petitioner a written
// notice not served yet: the one rule of the work queue's "notice to
// serve" and of the acceptance-notice clock (Clocks), which runs until it
// is served. The 受理告知书 is still owed once work has started.
func noticeOwed(f Facts) bool {
	handling := f.State == casestate.Accepted || f.State == casestate.InProgress || f.State == casestate.Extended
	return f.NoticeServed == 0 && (noticeStates[f.State] || (handling && f.Accepted != 0))
}

// Todo lists the work-queue kinds a case is in, in TodoKinds order; none
// for an archived case.
func Todo(f Facts) []string {
	var out []string
	s := f.State
	if s == casestate.Archived || s == casestate.Draft || s == "" {
		return nil
	}
	handling := s == casestate.Accepted || s == casestate.InProgress || s == casestate.Extended
	// The notice of the disposal: owed in the state the disposal led to,
	// and after acceptance while the case is handled (the 受理告知书 is
	// still owed once work has started).
	if noticeOwed(f) {
		out = append(out, TodoNotice)
	}
	if handling {
		out = append(out, TodoReply)
	}
	if s == casestate.Replied && f.Served == 0 {
		out = append(out, TodoServe)
	}
	answered := s == casestate.AnsweredSpot || (f.Replied != 0 && f.Served != 0 && afterReply(s))
	if answered && f.Satisfaction == "" {
		out = append(out, TodoSatisfaction)
	}
	if f.Outcome == casestate.Outcomes[0] && f.Replied != 0 && f.Implemented == 0 && afterReply(s) {
		out = append(out, TodoImplement)
	}
	if w, ok := OpenWindow(f); ok {
		out = append(out, windowTodo[w.Clock])
	}
	switch s {
	case casestate.InReview:
		out = append(out, TodoInReview)
	case casestate.InRecheck:
		out = append(out, TodoInRecheck)
	}
	return out
}

// afterReply tells whether a case in state s stands on its reply: replied,
// in or past 复查 and 复核, or closed on it. A reopened case's reply is
// set aside.
func afterReply(s casestate.State) bool {
	switch s {
	case casestate.Replied, casestate.InReview, casestate.Reviewed, casestate.InRecheck,
		casestate.Closed, casestate.Terminated:
		return true
	}
	return false
}

// TodoClocks are the clocks that time each kind of the work queue: a
// notice to serve is timed by the acceptance-notice clock, a reply to
// write by the handling clocks, a 复查 window by its own. The queue shows
// beside an item the earliest of these running on the case, never another
// clock (a reply to write is not late because its notice is). Serving a
// reply, recording satisfaction and 执行落实 have no statutory clock.
var TodoClocks = map[string][]deadline.Clock{
	TodoNotice:        {deadline.Notice, deadline.DisciplineNotice},
	TodoReply:         {deadline.Handling, deadline.Simplified, SenderDate, deadline.DisciplineReply},
	TodoReviewWindow:  {deadline.ReviewRequest},
	TodoInReview:      {deadline.ReviewDecision},
	TodoRecheckWindow: {deadline.RecheckRequest},
	TodoInRecheck:     {deadline.RecheckDecision},
}

// windowTodo is the work-queue kind of each open window.
var windowTodo = map[deadline.Clock]string{deadline.ReviewRequest: TodoReviewWindow, deadline.RecheckRequest: TodoRecheckWindow}

// WindowKinds are the work-queue kinds of a petitioner's open window
// (OpenWindow), for whoever walks the cases waiting on one.
var WindowKinds = []string{TodoReviewWindow, TodoRecheckWindow}

// Window is a petitioner's open window on a case (复查申请 from the
// reply's service, 复核申请 from the 复查意见's) and the step that closes
// the case once it has lapsed with no request.
type Window struct {
	Clock deadline.Clock
	Start civil.Date
	Close casestate.Action
}

// OpenWindow is the window a case in its state waits on, if any: the one
// rule of the desk's 期限届满 steps and of the app's own closing of them.
func OpenWindow(f Facts) (Window, bool) {
	switch {
	case f.State == casestate.Replied && f.Served != 0:
		return Window{deadline.ReviewRequest, f.Served, casestate.ReviewLapsed}, true
	case f.State == casestate.Reviewed && f.ReviewServed != 0:
		return Window{deadline.RecheckRequest, f.ReviewServed, casestate.RecheckLapsed}, true
	}
	return Window{}, false
}
