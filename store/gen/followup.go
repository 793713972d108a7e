package gen

import (
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/domain/followup"
	"laifang/store"
)

// The follow-up of a generated case after registration (docs/DOMAIN.md §4,
// §5): what became of it by the generation's today, in realistic shares —
// notices served a few days after the disposal, replies with their
// outcomes, served, satisfaction recorded (满意 70% / 基本满意 15% / 不满意
// 8% / 未评价 7%), a few 复查 and 复核, closed and archived cases, and open
// cases whose clocks are green, yellow (due within days) and red (overdue)
// on today.

// Satisfactions and their shares in per cent.
var Satisfactions = []struct {
	Code  string
	Share int
}{{"满意", 70}, {"基本满意", 15}, {"不满意", 8}, {"未评价", 7}}

func (g *Synth) satisfaction() string {
	return Satisfactions[g.weighted(len(Satisfactions), func(i int) int { return Satisfactions[i].Share })].Code
}

// outcomeShares: most replies explain, a third support, a few refuse.
var outcomeShares = []int{35, 50, 15}

func (g *Synth) outcome() string {
	return Outcomes[g.weighted(len(Outcomes), func(i int) int { return outcomeShares[i] })]
}

// served is d, or 0 (not yet) when d is after today: nothing generated
// happens after the generation's today.
func served(d, today civil.Date) civil.Date {
	if d > today {
		return 0
	}
	return d
}

// followUp decides what became of an accepted case (Accepted and Unit set)
// by its age on today, and sets its follow-up fields. It returns the due
// date its 交办单 gets when the case is assigned (0: none).
func followUp(g *Synth, c *store.Case, m Matter, today civil.Date) civil.Date {
	acc := c.Accepted
	age := int(today - acc)
	c.Status = string(casestate.Accepted)
	c.NoticeServed = served(acc.AddDays(g.r.IntN(6)), today)
	reply := func(after int) {
		c.Outcome = g.outcome()
		c.Reply = g.Reply(m, c.Outcome)
		c.ReplyBy = 4 // the demo office's head
		c.ReplyOn = acc.AddDays(after)
		c.Served = served(c.ReplyOn.AddDays(g.r.IntN(6)), today)
		if c.Served != 0 {
			c.ServedHow = []string{"直接送达", "邮寄送达", "直接送达", "电子送达"}[g.r.IntN(4)]
		}
	}
	satisfied := func() {
		if c.Served == 0 || (today-c.Served < 5 && g.r.IntN(2) == 0) {
			return // not asked yet
		}
		c.Satisfaction = g.satisfaction()
		c.SatisfiedOn = served(c.Served.AddDays(g.r.IntN(5)), today)
		if c.SatisfiedOn == 0 {
			c.SatisfiedOn = today
		}
		c.SatisfiedBy = uint64(2 + g.r.IntN(2))
	}
	implemented := func(p int) {
		if c.Outcome == "予以支持" && c.Served != 0 && g.r.IntN(100) < p {
			c.Implemented = served(c.Served.AddDays(10+g.r.IntN(40)), today)
		}
	}
	x := g.r.IntN(1000)
	switch {
	case age > 120:
		// Long done: replied, served, satisfaction asked, closed when the
		// 复查 window lapsed; a few went through 复查 and 复核, a few stay
		// open past every date (the backlog a real office has).
		if x < 3 {
			c.Status = []string{string(casestate.InProgress), string(casestate.Extended)}[g.r.IntN(2)]
			if c.Status == string(casestate.Extended) {
				c.ExtDays, c.ExtReason, c.ExtBy, c.ExtOn = 30, "情况复杂，需进一步调查核实", 4, acc.AddDays(50)
			}
			return 0
		}
		reply(20 + g.r.IntN(40))
		satisfied()
		implemented(96)
		c.Status = string(casestate.Closed)
		c.Closed = c.Served.AddDays(31 + g.r.IntN(10))
		if c.Satisfaction == "不满意" && g.r.IntN(3) == 0 {
			c.ReviewAsked = c.Served.AddDays(5 + g.r.IntN(20))
			c.ReviewBody = "县人民政府信访局"
			c.ReviewServed = c.ReviewAsked.AddDays(15 + g.r.IntN(15))
			c.ReviewResult = "维持"
			c.Closed = c.ReviewServed.AddDays(31 + g.r.IntN(10))
			c.Status = string(casestate.Closed)
			if g.r.IntN(4) == 0 {
				c.RecheckAsked = c.ReviewServed.AddDays(5 + g.r.IntN(20))
				c.RecheckBody = "市人民政府信访局"
				c.RecheckServed = c.RecheckAsked.AddDays(15 + g.r.IntN(15))
				c.RecheckResult = "维持"
				c.Status = string(casestate.Terminated)
				c.Closed = c.RecheckServed
			}
		}
		if g.r.IntN(10) < 3 {
			c.Status = string(casestate.Archived) // its archive number: newCase, unique in the file
		}
	case age > 75:
		// Replied in the last weeks: in the 复查 window, or asked for one.
		if x < 40 {
			c.Status = string(casestate.InProgress) // overdue, red
			return 0
		}
		reply(40 + g.r.IntN(18))
		satisfied()
		implemented(60)
		c.Status = string(casestate.Replied)
		if c.Served != 0 && g.r.IntN(100) < 6 {
			c.ReviewAsked = served(c.Served.AddDays(3+g.r.IntN(10)), today)
			if c.ReviewAsked != 0 {
				c.ReviewBody = "县人民政府信访局"
				c.Status = string(casestate.InReview)
				if rs := served(c.ReviewAsked.AddDays(10+g.r.IntN(20)), today); rs != 0 && g.r.IntN(2) == 0 {
					c.ReviewServed, c.ReviewResult, c.Status = rs, "维持", string(casestate.Reviewed)
					if ra := served(rs.AddDays(3+g.r.IntN(10)), today); ra != 0 && g.r.IntN(3) == 0 {
						c.RecheckAsked, c.RecheckBody, c.Status = ra, "市人民政府信访局", string(casestate.InRecheck)
					}
				}
			}
		}
	case age > 45:
		// Near the end of the handling period: some replied, the rest
		// working against the clock (yellow), some extended.
		switch {
		case x < 350:
			reply(min(age, 38+g.r.IntN(20)))
			satisfied()
			c.Status = string(casestate.Replied)
		case x < 500:
			c.Status = string(casestate.Extended)
			c.ExtDays, c.ExtReason, c.ExtBy, c.ExtOn = 30, "情况复杂，需进一步调查核实", 4, acc.AddDays(40+g.r.IntN(5))
		case x < 700:
			c.Status = string(casestate.Assigned)
			return acc.AddDays(50 + g.r.IntN(25))
		default:
			c.Status = string(casestate.InProgress)
		}
	case age > 5:
		switch {
		case x < 350:
			c.Status = string(casestate.Assigned)
			return acc.AddDays(15 + g.r.IntN(45))
		case x < 950:
			c.Status = string(casestate.InProgress)
		}
	}
	return 0
}

// setClocks fills the running clocks of a generated case, its Due (the
// earliest legal date) and its work-queue kinds, as the app sets them
// after a step: the national profile on the 2026 calendar. assigned is
// the 交办单's date of an assigned case.
func setClocks(c *store.Case, assigned civil.Date) error {
	// The clocks of its state by the same rule as the app's
	// (domain/followup), on the national profile and the 2026 calendar.
	f := c.FollowFacts()
	f.AssignedDue = assigned
	dues, err := followup.Dues(followup.Clocks(f), national, calendar)
	if err != nil {
		return err
	}
	c.Clocks, c.Due = nil, 0
	for _, d := range dues {
		c.Clocks = append(c.Clocks, store.CaseClock{Clock: string(d.Clock), Start: d.Start, Target: d.Target,
			Legal: d.Legal, Working: d.Working})
		if c.Due == 0 || d.Legal < c.Due {
			c.Due = d.Legal
		}
	}
	c.Todo = followup.Todo(f)
	return nil
}

// assignTask is the 交办 of an assigned case to its department through
// its life cycle by today: signed for (签收) the next working hours, the
// feedback (办结报告) of a done one, and on one past its date now and then
// a 催办 or a 督办 entry.
func assignTask(tx *store.Tx, g *Synth, c *store.Case, caseID, clerk uint64, issued, end time.Time, due civil.Date, sum *Summary) error {
	today := civil.DateOf(end)
	t := store.Task{Case: caseID, Type: "交办", ToUnit: c.Unit, Issued: store.StampOf(issued),
		IssuedBy: clerk, Due: due, Requirement: "请于期限内调查处理并书面报告办理结果", Status: store.TaskPending}
	if rcv := issued.Add(time.Duration(1+g.r.IntN(30)) * time.Hour); rcv.Before(end) {
		t.Received, t.Receiver, t.Status = store.StampOf(rcv), "承办人", store.TaskWorking
	}
	if !handling(c.Status) {
		t.Status = store.TaskClosed
		fb := c.ReplyOn
		if fb == 0 {
			fb = c.Accepted.AddDays(20 + g.r.IntN(15))
		}
		fb = fb.AddDays(-g.r.IntN(5))
		if fb < civil.DateOf(issued) {
			fb = civil.DateOf(issued)
		}
		t.Feedback, t.FeedbackText = store.StampOf(fb.Time().Add(10*time.Hour)), "已调查核实并处理完毕，详见办结报告"
	} else if t.Status == store.TaskWorking && g.r.IntN(10) == 0 && due > today {
		t.Status = store.TaskReported
		t.Feedback, t.FeedbackText = store.StampOf(end.Add(-time.Hour)), "已调查核实并处理完毕，详见办结报告"
	}
	if err := tx.SaveTask(&t); err != nil {
		return err
	}
	sum.Tasks++
	// 催办 on a task past (or near) its date, 督办 on a few of them.
	late := due != 0 && due < today+3 && (t.Status != store.TaskClosed || g.r.IntN(8) == 0)
	if !late || g.r.IntN(10) >= 6 {
		return nil
	}
	at := due.AddDays(-2 + g.r.IntN(4))
	if at > today {
		at = today
	}
	if at < civil.DateOf(issued) {
		at = civil.DateOf(issued)
	}
	level := []string{"一般催办", "一般催办", "一般催办", "督办", "挂牌督办"}[g.r.IntN(5)]
	typ := "催办"
	if level != "一般催办" {
		typ = "督办"
	}
	e := store.Task{Case: caseID, Parent: t.ID, Type: typ, Level: level, ToUnit: c.Unit,
		Issued: store.StampOf(at.Time().Add(9 * time.Hour)), IssuedBy: 4,
		Requirement: "请抓紧办理，按期报送办理结果", Status: store.TaskClosed}
	if e.Issued.Time().After(end) {
		e.Issued = store.StampOf(end)
	}
	if e.Issued.Time().Before(issued) {
		e.Issued = store.StampOf(issued)
	}
	if err := tx.SaveTask(&e); err != nil {
		return err
	}
	sum.Tasks++
	return nil
}

// handling tells whether a case in state st is still with its department:
// its 交办 task is open.
func handling(st string) bool {
	switch casestate.State(st) {
	case casestate.Accepted, casestate.Assigned, casestate.InProgress, casestate.Extended:
		return true
	}
	return false
}

// lapse closes a case whose 复查 or 复核 window lapsed before today on
// the first day past it, as the app itself does (app/lapse.go): a
// generated office holds no lapsed window left open. It takes nothing of
// the random stream.
func lapse(c *store.Case, today civil.Date) {
	w, ok := followup.OpenWindow(c.FollowFacts())
	if !ok {
		return
	}
	if due, err := national.Compute(deadline.Input{Clock: w.Clock, Start: w.Start}, calendar); err == nil && civil.Date(due.Legal) < today {
		c.Status, c.Closed = string(casestate.Closed), civil.Date(due.Legal)+1
	}
}
