package app

import (
	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/store"
)

// The deadline glue: the office's time-limit profile and holiday calendar
// as the file holds them, and the due dates domain/deadline computes with
// them. Every error is returned: a profile that cannot be read is not "no
// deadline".

// CodeNoProfile: the office's settings name a time-limit profile the file
// does not hold.
const CodeNoProfile = "deadline.profile"

// officeProfile is the time-limit profile the office follows: the one its
// settings name (Settings.Profile), else the national default.
func officeProfile(tx *store.Tx) (deadline.Profile, error) {
	set, err := tx.Settings()
	if err != nil {
		return deadline.Profile{}, err
	}
	if set.Profile == 0 {
		return deadline.National(), nil
	}
	ps, err := tx.Profiles()
	if err != nil {
		return deadline.Profile{}, err
	}
	for _, p := range ps {
		if p.ID != set.Profile {
			continue
		}
		out := p.Profile()
		return out, out.Validate()
	}
	return deadline.Profile{}, newError(CodeNoProfile, "单位设置所选的时限方案不存在，请管理员在设置中重新选择。")
}

// calendarSpan is how far after a clock's start the calendar is read:
// past the longest limit (deadline.MaxDays) with its extension, in
// working days.
const calendarSpan = 3 * deadline.MaxDays

// officeCalendar is the office's holiday calendar (rest days and 调休
// working days) from from to to.
func officeCalendar(tx *store.Tx, from, to civil.Date) (*deadline.Calendar, error) {
	hs, err := tx.Holidays(from, to)
	if err != nil {
		return nil, err
	}
	cal := deadline.NewCalendar()
	for _, h := range hs {
		cal.Set(deadline.Day{Date: h.Day, Kind: deadline.Kind(h.Kind), Note: h.Note})
	}
	return cal, nil
}

// officeDue is the deadline of one clock by the office's profile and
// holiday calendar.
func officeDue(tx *store.Tx, in deadline.Input) (deadline.Due, error) {
	p, err := officeProfile(tx)
	if err != nil {
		return deadline.Due{}, err
	}
	start := in.Start
	cal, err := officeCalendar(tx, start, start.AddDays(calendarSpan))
	if err != nil {
		return deadline.Due{}, err
	}
	return p.Compute(in, cal)
}

// caseClock is the clock that runs in a case's state, the one its Due is
// the deadline of: the acceptance notice (受理告知) until the case is
// accepted or sent on, the handling period (办理) while it is handled, none
// ("") in the other states.
func caseClock(status string) deadline.Clock {
	switch status {
	case string(casestate.Registered), string(casestate.Transferred):
		return deadline.Notice
	case string(casestate.Accepted), string(casestate.Assigned), string(casestate.InProgress), string(casestate.Extended):
		return deadline.Handling
	}
	return ""
}

// dueLabel names the deadline a case shows (Case.Due) by the clock of its
// state: 受理告知期限, 办理期限; "期限" for a due date kept in a state
// no clock runs in; "" without one.
func dueLabel(c *store.Case) string {
	if c.Due == 0 {
		return ""
	}
	return string(caseClock(c.Status)) + "期限"
}

// caseDue is the running legal deadline of a case in its state
// (caseClock): the acceptance notice from receipt, the handling period
// from acceptance, or the date on the 交办单 (assignedDue, YYYY-MM-DD);
// none (0) in the other states.
func caseDue(tx *store.Tx, c *store.Case, assignedDue string) (civil.Date, error) {
	var in deadline.Input
	switch caseClock(c.Status) {
	case deadline.Notice:
		start := c.Received.Date()
		if c.Received == 0 {
			start = civil.DateOf(tx.Now())
		}
		in = deadline.Input{Clock: deadline.Notice, Start: civil.Date(start)}
	case deadline.Handling:
		switch c.Status {
		case string(casestate.Accepted):
			in = deadline.Input{Clock: deadline.Handling, Start: civil.Date(c.Accepted)}
		case string(casestate.Assigned):
			return civil.Parse(assignedDue)
		default:
			return 0, nil
		}
	default:
		return 0, nil
	}
	due, err := officeDue(tx, in)
	if err != nil {
		return 0, err
	}
	return civil.Date(due.Legal), nil
}

// defaultDue is the deadline a 交办单 is given unless the clerk sets
// another: the handling limit (办理) from today, by the office's profile
// and calendar. The slip's date is the assigning body's to choose (art.
// 22(3), docs/DOMAIN.md §4.2); this is only what the form offers.
func defaultDue(tx *store.Tx) (civil.Date, error) {
	due, err := officeDue(tx, deadline.Input{Clock: deadline.Handling, Start: civil.Date(civil.DateOf(tx.Now()))})
	if err != nil {
		return 0, err
	}
	return civil.Date(due.Legal), nil
}

// setClocks sets the deadlines of a case after a step changed it: the
// running clock's legal due date (Case.Due, which the store indexes for
// the work queue). Every step that changes a case's state or dates calls
// it, so the due dates have one source.
func setClocks(tx *store.Tx, c *store.Case) error {
	assigned := ""
	if c.Status == string(casestate.Assigned) && c.Due != 0 {
		assigned = c.Due.String()
	}
	d, err := caseDue(tx, c, assigned)
	if err != nil {
		return err
	}
	c.Due = d
	return caseTodo(tx, c)
}
