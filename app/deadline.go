package app

import (
	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/domain/followup"
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

// officeWarnDays is the office's warning band in days (Settings.WarnDays,
// warnDays): how many days before a legal due date a clock turns yellow.
func officeWarnDays(tx *store.Tx) (int, error) {
	set, err := tx.Settings()
	if err != nil {
		return 0, err
	}
	return warnDays(set), nil
}

// setClocks sets the deadlines of a case after a step changed it: every
// clock running in its new state (Case.Clocks, domain/followup.Clocks) by
// the office's profile and calendar, and Case.Due, the earliest legal due
// date among them (0 with none), which the store indexes for the work
// queue. Every step that changes a case's state or dates calls it, so the
// due dates have one source.
//
// A case in ASSIGNED reads the slip's date from its open 交办 task; a case
// not saved yet (or whose task is not written yet) passes it as the 交办
// clock already in c.Clocks (assignedClock).
func setClocks(tx *store.Tx, c *store.Case) error {
	cs, err := caseClocks(tx, c)
	if err != nil {
		return err
	}
	c.Clocks, c.Due = cs, 0
	for _, k := range cs {
		if c.Due == 0 || k.Legal < c.Due {
			c.Due = k.Legal
		}
	}
	return caseTodo(tx, c)
}

// caseClocks computes the clocks running on c without changing it: what
// setClocks writes, and what a case saved before clocks were kept shows.
func caseClocks(tx *store.Tx, c *store.Case) ([]store.CaseClock, error) {
	f := c.FollowFacts()
	if c.Received == 0 {
		f.Received = civil.DateOf(tx.Now())
	}
	if c.Status == string(casestate.Assigned) {
		d, err := assignedDue(tx, c)
		if err != nil {
			return nil, err
		}
		f.AssignedDue = d
	}
	ks := followup.Clocks(f)
	if len(ks) == 0 {
		return nil, nil
	}
	p, err := officeProfile(tx)
	if err != nil {
		return nil, err
	}
	var from, to civil.Date
	for _, k := range ks {
		if k.In.Start == 0 {
			continue
		}
		if from == 0 || k.In.Start < from {
			from = k.In.Start
		}
		if end := k.In.Start.AddDays(calendarSpan); end > to {
			to = end
		}
	}
	var cal *deadline.Calendar
	if from != 0 {
		if cal, err = officeCalendar(tx, from, to); err != nil {
			return nil, err
		}
	}
	dues, err := followup.Dues(ks, p, cal)
	if err != nil {
		return nil, err
	}
	out := make([]store.CaseClock, len(dues))
	for i, d := range dues {
		out[i] = store.CaseClock{Clock: string(d.Clock), Start: d.Start, Target: d.Target, Legal: d.Legal,
			Working: d.Working}
	}
	return out, nil
}

// assignedClock is the 交办 clock of a slip dated d, for a case whose task
// is not written yet (registration writes the case first).
func assignedClock(d civil.Date) []store.CaseClock {
	return []store.CaseClock{{Clock: string(followup.AssignedDate), Target: d, Legal: d}}
}

// assignedDue is the date in force on the case's open 交办 task (its
// extension included), else the 交办 clock the case already has.
func assignedDue(tx *store.Tx, c *store.Case) (civil.Date, error) {
	if c.ID != 0 {
		ts, err := tx.CaseTasks(c.ID)
		if err != nil {
			return 0, err
		}
		var due civil.Date
		for _, t := range ts {
			open := t.Status == store.TaskPending || t.Status == store.TaskWorking || t.Status == store.TaskReturned
			if t.Type != disposalLabel(string(casestate.Assign)) || !open {
				continue
			}
			due = t.Due
			if t.NewDue != 0 {
				due = t.NewDue
			}
		}
		if due != 0 {
			return due, nil
		}
	}
	for _, k := range c.Clocks {
		if k.Clock == string(followup.AssignedDate) {
			return k.Legal, nil
		}
	}
	return 0, nil
}

// ClockView is one running clock of a case as the screens show it.
type ClockView struct {
	Clock    string `json:"clock"`  // the deadline.Clock (受理告知 …), or 交办 / 要求办结
	Label    string `json:"label"`  // 受理告知期限, 办理期限 …
	Start    string `json:"start"`  // YYYY-MM-DD; "" for a date another body set
	Target   string `json:"target"` // the internal target, no roll-forward
	Legal    string `json:"legal"`  // the legal due date
	Working  bool   `json:"working"`
	DaysLeft int    `json:"daysLeft"` // calendar days to the legal date: 0 on the day, negative once overdue
	Level    string `json:"level"`    // dueLevel: "", "soon", "overdue"
}

// clockViews are a case's clocks for a screen, on the day today: the home
// queue, the 督办 list and the case view colour them alike.
func clockViews(c *store.Case, today civil.Date, warnDays int) []ClockView {
	out := make([]ClockView, 0, len(c.Clocks))
	for _, k := range c.Clocks {
		out = append(out, ClockView{Clock: k.Clock, Label: clockLabel(k.Clock), Start: k.Start.String(),
			Target: k.Target.String(), Legal: k.Legal.String(), Working: k.Working, DaysLeft: int(k.Legal - today),
			Level: dueLevel(k.Legal, today, warnDays)})
	}
	return out
}

// clockLabel names a clock as the screens and forms show it.
func clockLabel(clock string) string {
	if l := followup.Labels[deadline.Clock(clock)]; l != "" {
		return l
	}
	return clock + "期限"
}

// dueLevel is how urgent a legal due date is on the day today: "overdue"
// from the day after it (the last day is still in time), "soon" within
// warnDays of it, else "".
func dueLevel(legal, today civil.Date, warnDays int) string {
	switch {
	case legal == 0:
		return DueNone
	case today > legal:
		return DueOverdue
	case int(legal-today) <= warnDays:
		return DueSoon
	}
	return DueNone
}

// Due levels of a date (dueLevel): the colours of the case view, the home
// queue and the 督办 list.
const (
	DueNone    = ""
	DueSoon    = "soon"    // within the office's warning days (yellow)
	DueOverdue = "overdue" // past (red)
)

// dueLabel names the earliest running clock, the one Case.Due is the date
// of (the printed forms' 期限 line); "" without one.
func dueLabel(c *store.Case) string {
	for _, k := range c.Clocks {
		if k.Legal == c.Due {
			return clockLabel(k.Clock)
		}
	}
	return ""
}

// shownClocks makes the clocks of a case read for display: those kept on
// it, or, for a case saved before clocks were kept (or with none running),
// computed now on the copy read, never written (setClocks on it).
func shownClocks(tx *store.Tx, c *store.Case) error {
	if len(c.Clocks) > 0 {
		return nil
	}
	return setClocks(tx, c)
}

// stepCase adds to a step's input what the case and the office's profile
// say: whether the case came from above, the extension already granted and
// the profile's ceiling (casestate.Check refuses a second extension and
// one over the ceiling).
func stepCase(tx *store.Tx, c *store.Case, in *casestate.Input) error {
	p, err := officeProfile(tx)
	if err != nil {
		return err
	}
	in.Incoming, in.Extended, in.MaxExtension = c.Incoming != nil, c.FollowFacts().Extension(), p.MaxExtension
	return nil
}
