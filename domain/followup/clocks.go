package followup

import (
	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/confidential"
	"laifang/domain/deadline"
)

// The dates another body set, kept beside the statutory clocks under these
// names (store.CaseClock.Clock).
const (
	SenderDate   deadline.Clock = "要求办结" // the 要求办结日期 of the body that sent the matter down
	AssignedDate deadline.Clock = "交办"   // the date on our open 交办单 (T, art. 22(3))
)

// Labels name each clock as the screens and the printed forms show it,
// never one 办理期限 for all (docs/DOMAIN.md §4.2).
var Labels = map[deadline.Clock]string{
	deadline.Notice:           "受理告知期限",
	deadline.Objection:        "异议期限",
	deadline.Handling:         "办理期限",
	deadline.Simplified:       "简易办理期限",
	SenderDate:                "要求办结日期",
	AssignedDate:              "交办期限",
	deadline.ReviewRequest:    "复查申请期限",
	deadline.ReviewDecision:   "复查期限",
	deadline.RecheckRequest:   "复核申请期限",
	deadline.RecheckDecision:  "复核期限",
	deadline.DisciplineNotice: "纪检受理告知期限",
	deadline.DisciplineReply:  "纪检反馈期限",
}

// Clock is one clock running on a case: a statutory period (In, counted by
// the office's profile and calendar) or a date another body set (Fixed).
type Clock struct {
	Clock deadline.Clock
	Label string
	In    deadline.Input // a statutory period; zero for a fixed date
	Fixed civil.Date     // the sender's or the slip's date
}

// undecided are the states in which no disposal is made yet: the notice
// clock runs while the office decides (art. 23: decide and tell within 15
// days). Once a disposal is made the clock runs until its notice is
// served (noticeOwed).
var undecided = []casestate.State{casestate.Registered, casestate.Objected}

// working are the states of our own handling, from acceptance to the reply.
var working = []casestate.State{casestate.Accepted, casestate.InProgress, casestate.Extended}

// senderStates are the states in which the sender's 要求办结日期 still
// binds: until the matter is replied to or closed, and not while we object
// to it (the sender decides on the objection first).
var senderStates = []casestate.State{casestate.Registered, casestate.Transferred, casestate.Assigned,
	casestate.Accepted, casestate.InProgress, casestate.Extended, casestate.Mediated}

func among(s casestate.State, list []casestate.State) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Clocks are the clocks running on a case in its state (docs/DOMAIN.md
// §4.2, the research's clock table): each from the fact that starts it, so
// a clock whose start is not yet recorded (a reply not yet served) does not
// run. The order is the life cycle's.
func Clocks(f Facts) []Clock {
	var out []Clock
	stat := func(c deadline.Clock, in deadline.Input) {
		if in.Start == 0 {
			return
		}
		in.Clock = c
		out = append(out, Clock{Clock: c, Label: Labels[c], In: in})
	}
	fixed := func(c deadline.Clock, d civil.Date) {
		if d != 0 {
			out = append(out, Clock{Clock: c, Label: Labels[c], Fixed: d})
		}
	}
	report := f.Type == confidential.TypeReport
	// A: the acceptance notice, until it is served. A 检举控告 has the
	// 纪检 rules' K1 instead, and only when the reporter gave a name: an
	// anonymous report has no one to tell.
	if f.NoticeServed == 0 && among(f.State, undecided) || noticeOwed(f) {
		switch {
		case !report:
			stat(deadline.Notice, deadline.Input{Start: f.Received})
		case f.RealName:
			stat(deadline.DisciplineNotice, deadline.Input{Start: f.Received})
		}
	}
	// O: a matter sent down may be objected to within 5 working days of its
	// receipt, while it is not yet disposed of.
	if f.Incoming && f.State == casestate.Registered {
		stat(deadline.Objection, deadline.Input{Start: f.Received})
	}
	// B or S: our own handling, from acceptance through work and the
	// extension. A 检举控告 has no 60-day clock (the 纪检 rules set none). A
	// simplified case that was extended has left the simplified procedure
	// (S has no extension): it runs on the ordinary clock.
	if !report && among(f.State, working) {
		if f.Simplified && f.Extension() == 0 {
			stat(deadline.Simplified, deadline.Input{Start: f.HandlingStart()})
		} else {
			stat(deadline.Handling, deadline.Input{Start: f.HandlingStart(), Extension: f.Extension()})
		}
	}
	if f.Incoming && among(f.State, senderStates) {
		fixed(SenderDate, f.SenderDue)
	}
	switch f.State {
	case casestate.Assigned:
		fixed(AssignedDate, f.AssignedDue)
	case casestate.Replied:
		stat(deadline.ReviewRequest, deadline.Input{Start: f.Served})
	case casestate.InReview:
		stat(deadline.ReviewDecision, deadline.Input{Start: f.ReviewAsked})
	case casestate.Reviewed:
		stat(deadline.RecheckRequest, deadline.Input{Start: f.ReviewServed})
	case casestate.InRecheck:
		stat(deadline.RecheckDecision, deadline.Input{Start: f.RecheckAsked, Excluded: f.HearingDays})
	case casestate.Closed:
		// K2: a real-name reporter is told the result within 15 working
		// days of closing; the clock stops once he is told.
		if report && f.RealName && f.ResultTold == 0 {
			stat(deadline.DisciplineReply, deadline.Input{Start: f.Closed})
		}
	}
	return out
}

// fallback is what counts when the office's profile lacks one of the
// clocks the 条例 does not impose (deadline.Required): an office without
// the 纪检 rules tells a real-name reporter on A and has no K2; one without
// the simplified procedure handles on B.
var fallback = map[deadline.Clock]deadline.Clock{
	deadline.DisciplineNotice: deadline.Notice,
	deadline.Simplified:       deadline.Handling,
	deadline.DisciplineReply:  "",
}

// Dues computes the clocks of a case with a profile and a calendar that
// covers them (from the earliest start to past the latest due date). An
// extension already granted stands under a profile whose ceiling was
// lowered since: it was checked when the head approved it.
func Dues(cs []Clock, p deadline.Profile, cal *deadline.Calendar) ([]deadline.Due, error) {
	out := make([]deadline.Due, 0, len(cs))
	for _, c := range cs {
		d, ok, err := DueOf(c, p, cal)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, d)
		}
	}
	return out, nil
}

// DueOf computes one clock as Dues does; ok is false for a clock the
// profile lacks and that has no fallback (K2).
func DueOf(c Clock, p deadline.Profile, cal *deadline.Calendar) (deadline.Due, bool, error) {
	if c.In.Clock == "" {
		return deadline.Due{Clock: c.Clock, Target: c.Fixed, Legal: c.Fixed}, true, nil
	}
	if _, ok := p.Limits[c.In.Clock]; !ok {
		if to, ok := fallback[c.In.Clock]; ok {
			if to == "" {
				return deadline.Due{}, false, nil
			}
			c.In.Clock = to
		}
	}
	if c.In.Extension > p.MaxExtension {
		p.MaxExtension = c.In.Extension
	}
	d, err := p.Compute(c.In, cal)
	return d, err == nil, err
}
