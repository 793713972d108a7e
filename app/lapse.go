package app

import (
	"log/slog"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/domain/followup"
	"laifang/store"
)

// A served reply (or 复查意见) that nobody asked to review within the
// petitioner's window is final: the app itself closes the case the day
// after the window (docs/DOMAIN.md §5.2, the steps marked L), so the
// queue does not show a petitioner's lapsed window as the office's
// overdue work. The desk may take the step by hand once the window has
// lapsed, before the app does; the app's sweep runs when the window or
// serve starts, when someone signs in, and once an hour.

// SystemWorkstation names the app itself in the audit log, where a
// session would name its computer.
const SystemWorkstation = "系统（申请期限届满自动办结）"

// lapseBatch bounds one write transaction of the sweep: a file not
// opened for months may hold thousands of lapsed windows.
const lapseBatch = 500

// CloseLapsed closes the cases whose 复查 or 复核 window lapsed before
// today with no request, and tells how many it closed.
func (a *App) CloseLapsed() (int, error) {
	st, err := a.store()
	if err != nil {
		return 0, err
	}
	now := a.now()
	today := civil.DateOf(now)
	var todo []lapsed
	err = st.View(func(tx *store.Tx) (err error) {
		todo, err = lapsedWindows(tx, today)
		return err
	})
	if err != nil || len(todo) == 0 {
		return 0, err
	}
	return inBatches(st, todo, lapseBatch, func(tx *store.Tx, d lapsed) (bool, error) {
		c, err := tx.Case(d.id)
		if err != nil {
			return false, err
		}
		// Read again: a request recorded since the look above keeps the
		// case open.
		if ok, err := stepAvailable(tx, c, d.step, today); err != nil || !ok {
			return false, err
		}
		w := stepWrite{c: c, in: &StepInput{Action: string(d.step)}, date: d.after, today: d.after, system: true,
			ev:    &store.Event{At: store.StampOf(now)},
			audit: &store.AuditEntry{Action: ActionStep, Workstation: SystemWorkstation}}
		if err := w.transition(tx); err != nil {
			return false, err
		}
		if err := setClocks(tx, c); err != nil {
			return false, err
		}
		w.audit.Summary = clip(c.No+" "+casestate.Labels[casestate.State(c.Status)], 100)
		return true, tx.UpdateCase(c, w.ev, w.audit)
	})
}

// lapsed is a case whose window lapsed, the step that closes it and the
// first day past the window.
type lapsed struct {
	id    uint64
	step  casestate.Action
	after civil.Date
}

// lapsedWindows lists the cases whose window lapsed before today: what a
// sign-in costs when nothing has lapsed is this walk of the open windows.
func lapsedWindows(tx *store.Tx, today civil.Date) ([]lapsed, error) {
	var out []lapsed
	for _, kind := range followup.WindowKinds {
		var err error
		tx.EachTodo(0, kind, func(id uint64) bool {
			// The running deadline is the earliest clock: while it is
			// not past, no window of the case is; only the rest are read.
			var r store.CaseRow
			if r, err = tx.CaseRow(id); err != nil || (r.Due != 0 && r.Due >= today) {
				return err == nil
			}
			var c *store.Case
			if c, err = tx.Case(id); err != nil {
				return false
			}
			w, ok := followup.OpenWindow(c.FollowFacts())
			if !ok {
				return true
			}
			var last civil.Date
			if last, err = windowEnd(tx, c, w); err == nil && last < today {
				out = append(out, lapsed{id, w.Close, last + 1})
			}
			return err == nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// windowEnd is the last day of the petitioner's window w on the case: its
// running clock of that name, else the office's deadline from the service
// the window starts on.
func windowEnd(tx *store.Tx, c *store.Case, w followup.Window) (civil.Date, error) {
	for _, k := range c.Clocks {
		if k.Clock == string(w.Clock) && k.Legal != 0 {
			return k.Legal, nil
		}
	}
	due, err := officeDue(tx, deadline.Input{Clock: w.Clock, Start: w.Start})
	if err != nil {
		return 0, err
	}
	return civil.Date(due.Legal), nil
}

// closeLapsedLogged runs CloseLapsed for a caller that has nothing to tell
// the user about it: a failure is logged and tried again at the next sweep.
func (a *App) closeLapsedLogged() {
	if n, err := a.CloseLapsed(); err != nil {
		slog.Error("close lapsed windows", "err", err, "closed", n)
	}
}

// SweepLapsed closes lapsed windows now and then once an hour until stop
// is closed: for a window or serve left running over several days.
func (a *App) SweepLapsed(stop <-chan struct{}) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		a.closeLapsedLogged()
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}
