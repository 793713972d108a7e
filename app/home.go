package app

import (
	"slices"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/domain/followup"
	"laifang/store"
)

// The home screen as the work queue (docs/DOMAIN.md, 首页): today's
// visits, the clocks due within the warning days (yellow) and past due
// (red), what the office owes its cases next (followup.Todo, indexed by
// the store) and each department's open and overdue tasks. Every count is
// a count of index keys and every group lists its first items, so the
// screen reads the same few keys on a file of a million visits.

// Home is the home screen's service.
type Home struct{ svc }

// queueItems is how many items each group lists; its Total counts them all.
const queueItems = 20

// The queue's groups besides followup's kinds.
const (
	QueueOverdue = "overdue"  // a clock past its legal date (red)
	QueueDueSoon = "due_soon" // a clock due within the warning days (yellow)
)

// QueueItem is one line of the work queue: a case, one click from its
// view, and the clock or date that puts it there. The title of a
// confidential case is masked as everywhere (caseText).
type QueueItem struct {
	CaseID       uint64 `json:"caseId"`
	CaseNo       string `json:"caseNo"`
	Title        string `json:"title"`
	Status       string `json:"status"`
	StatusLabel  string `json:"statusLabel"`
	Unit         string `json:"unit,omitempty"`
	Clock        string `json:"clock,omitempty"` // the clock's name: 办理期限, 复查申请期限 …
	Legal        string `json:"legal,omitempty"` // its legal due date, YYYY-MM-DD
	Target       string `json:"target,omitempty"`
	DaysLeft     int    `json:"daysLeft"`        // legal date minus today; negative when overdue
	Level        string `json:"level,omitempty"` // dueLevel: "overdue" (red), "soon" (yellow, within the warning days)
	Confidential bool   `json:"confidential"`
}

// QueueGroup is one group of the queue: its first items and how many
// there are.
type QueueGroup struct {
	Kind  string      `json:"kind"`
	Label string      `json:"label"`
	Total int         `json:"total"`
	Items []QueueItem `json:"items"`
}

// UnitLoad is a department's open tasks and how many of them are overdue.
type UnitLoad struct {
	UnitID  uint64 `json:"unitId"`
	Name    string `json:"name"`
	Open    int    `json:"open"`
	Overdue int    `json:"overdue"`
}

// Queue is the home screen.
type Queue struct {
	Today    string       `json:"today"`
	WarnDays int          `json:"warnDays"`
	Visits   int          `json:"visits"` // today's visits
	Groups   []QueueGroup `json:"groups"`
	// DueToday are the clocks whose legal date is today: the notice the
	// window shows at start and every hour.
	DueToday []QueueItem `json:"dueToday"`
	// DueTodayTotal counts the cases with a clock due today; DueToday
	// lists the clocks of the first of them.
	DueTodayTotal int        `json:"dueTodayTotal"`
	Units         []UnitLoad `json:"units"`
	// Unit names the department a handler's queue is limited to.
	Unit string `json:"unit,omitempty"`
}

// caseTodo sets what the office owes a case next (Case.Todo, the work
// queue's kinds) after a step changed it: followup.Todo of its facts.
// setClocks calls it, so every step that moves a case keeps its queue
// entries right.
func caseTodo(_ *store.Tx, c *store.Case) error {
	c.Todo = followup.Todo(c.FollowFacts())
	return nil
}

// queueScope is which cases a session's queue shows: a handler his
// department's (docs/DOMAIN.md §5.3: 承办人 sees the cases sent to it),
// everyone else the office's (unit 0).
// TODO: use the caseVisible rule once it is written.
type queueScope struct{ unit uint64 }

func scopeOf(act *Actor) queueScope {
	switch unit, scoped := deptScope(act); {
	case !scoped:
		return queueScope{}
	case unit == 0:
		// a handler of no department sees no case, not the office's
		return queueScope{unit: noUnit}
	default:
		return queueScope{unit: unit}
	}
}

// noUnit is a department no case has.
const noUnit = uint64(1) << 63

func (q queueScope) all() bool             { return q.unit == 0 }
func (q queueScope) sees(unit uint64) bool { return q.unit == 0 || q.unit == unit }

// Queue is the work queue on today for this session.
func (s *Home) Queue() (*Queue, error) {
	act, st, err := s.gate("Home.Queue")
	if err != nil {
		return nil, err
	}
	out := &Queue{Groups: []QueueGroup{}, DueToday: []QueueItem{}, Units: []UnitLoad{}}
	scope := scopeOf(act)
	err = st.View(func(tx *store.Tx) error {
		today := civil.DateOf(tx.Now())
		warn, err := officeWarnDays(tx)
		if err != nil {
			return err
		}
		out.WarnDays = warn
		out.Today = today.String()
		units, err := tx.Units()
		if err != nil {
			return err
		}
		names := map[uint64]string{}
		for _, u := range units {
			names[u.ID] = u.Name
		}
		out.Visits = tx.VisitCountOn(today)
		q := queueReader{s: s, act: act, tx: tx, today: today, warn: warn, scope: scope, names: names}
		red, err := q.clocks(QueueOverdue, "已超期", 0, today-1)
		if err != nil {
			return err
		}
		yellow, err := q.clocks(QueueDueSoon, "即将到期", today, today+civil.Date(warn))
		if err != nil {
			return err
		}
		out.Groups = append(out.Groups, red, yellow)
		due, err := q.clocks(QueueDueSoon, "", today, today)
		if err != nil {
			return err
		}
		out.DueToday, out.DueTodayTotal = due.Items, due.Total
		for _, k := range followup.TodoKinds {
			g, err := q.todo(k)
			if err != nil {
				return err
			}
			out.Groups = append(out.Groups, g)
		}
		for _, u := range units {
			if !u.Active || !scope.sees(u.ID) {
				continue
			}
			open, overdue := tx.UnitTaskCounts(u.ID, today)
			out.Units = append(out.Units, UnitLoad{UnitID: u.ID, Name: u.Name, Open: open, Overdue: overdue})
		}
		if !scope.all() {
			out.Unit = names[scope.unit]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

type queueReader struct {
	s     *Home
	act   *Actor
	tx    *store.Tx
	today civil.Date
	warn  int // the office's warning band (officeWarnDays)
	scope queueScope
	names map[uint64]string
}

func (q *queueReader) item(r *store.CaseRow) QueueItem {
	return QueueItem{CaseID: r.ID, CaseNo: r.No, Title: caseText(q.s.mayIdentifyRow(q.act, r), r.Title),
		Status: r.Status, StatusLabel: casestate.Labels[casestate.State(r.Status)], Unit: q.names[r.Unit],
		Confidential: IsConfidentialRow(r)}
}

func (q *queueReader) dated(it *QueueItem, legal, target civil.Date) {
	it.Legal, it.DaysLeft = legal.String(), int(legal-q.today)
	if target != 0 {
		it.Target = target.String()
	}
	it.Level = dueLevel(legal, q.today, q.warn)
}

// clocks lists the clocks whose legal date falls in [from, to], one item a
// clock, from the cases whose running deadline (Case.Due, their earliest
// clock) falls there, earliest first.
func (q *queueReader) clocks(kind, label string, from, to civil.Date) (QueueGroup, error) {
	g := QueueGroup{Kind: kind, Label: label, Total: q.tx.CountDue(q.scope.unit, from, to), Items: []QueueItem{}}
	var err error
	n := 0
	q.tx.EachDue(q.scope.unit, from, to, func(_ civil.Date, id uint64) bool {
		if n++; n > queueItems {
			return false
		}
		var r store.CaseRow
		if r, err = q.tx.CaseRow(id); err != nil {
			return false
		}
		var c *store.Case
		if c, err = q.tx.Case(id); err != nil {
			return false
		}
		// a case written before its clocks were kept computes them, unwritten
		if err = shownClocks(q.tx, c); err != nil {
			return false
		}
		for _, k := range c.Clocks {
			if k.Legal < from || k.Legal > to {
				continue
			}
			it := q.item(&r)
			it.Clock = clockLabel(k.Clock)
			q.dated(&it, k.Legal, k.Target)
			g.Items = append(g.Items, it)
		}
		return true
	})
	return g, err
}

// todo lists the cases of one work-queue kind, the longest waiting first,
// each with its running deadline.
func (q *queueReader) todo(kind string) (QueueGroup, error) {
	g := QueueGroup{Kind: kind, Label: followup.TodoLabels[kind], Total: q.tx.TodoCount(q.scope.unit, kind),
		Items: []QueueItem{}}
	var err error
	q.tx.EachTodo(q.scope.unit, kind, func(id uint64) bool {
		if len(g.Items) >= queueItems {
			return false
		}
		var r store.CaseRow
		if r, err = q.tx.CaseRow(id); err != nil {
			return false
		}
		it := q.item(&r)
		if r.Due != 0 && len(followup.TodoClocks[kind]) > 0 {
			var c *store.Case
			if c, err = q.tx.Case(id); err != nil {
				return false
			}
			if err = shownClocks(q.tx, c); err != nil {
				return false
			}
			if k, ok := todoClock(c, kind); ok {
				it.Clock = clockLabel(k.Clock)
				q.dated(&it, k.Legal, k.Target)
			}
		}
		g.Items = append(g.Items, it)
		return true
	})
	return g, err
}

// todoClock is the clock that times a case's item of the work queue's
// kind (followup.TodoClocks): the earliest of those running on it.
func todoClock(c *store.Case, kind string) (store.CaseClock, bool) {
	var best store.CaseClock
	found := false
	for _, k := range c.Clocks {
		if slices.Contains(followup.TodoClocks[kind], deadline.Clock(k.Clock)) && (!found || k.Legal < best.Legal) {
			best, found = k, true
		}
	}
	return best, found
}
