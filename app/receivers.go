package app

import (
	"slices"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/deadline"
	"laifang/domain/followup"
	"laifang/store"
)

// Which department may be sent which task (docs/DOMAIN.md §5.4): any
// active department a 转送 or a 协办; a 交办 only one the office lets
// receive 交办 (the departments screen's 可接受交办, Unit.Assignable). The
// one rule for the desk's disposal (checkDisposal), a task made later
// (checkTaskUnit) and the pickers, which show what Go says each department
// receives (UnitOption.Receives).

// CodeUnitKind refuses a task to a department that does not receive its kind.
const CodeUnitKind = "task.unit_kind"

// receiverProblem is why a task of kind typ may not go to department u
// (nil: none on file), with its code; "" when it may.
func receiverProblem(u *store.Unit, typ string) (code, msg string) {
	switch {
	case u == nil && !newUnitAllowed(typ):
		return CodeUnitKind, "交办只能交给设置中可接受交办的承办单位，请从列表中选择。"
	case u == nil || !u.Active:
		return "task.unit", "所选单位不存在或已停用，请重新选择。"
	case typ == TaskAssign && !u.Assignable:
		return CodeUnitKind, "“" + u.Name + "”不接受交办（见设置—承办单位），请选择可接受交办的单位。"
	}
	return "", ""
}

// newUnitAllowed tells whether a task of kind typ may go to a unit not on
// file, typed in at the desk (unitFor makes it, an outside body): a 转送
// may; a 交办 goes only to a department on file that receives it.
func newUnitAllowed(typ string) bool { return typ != TaskAssign }

// receivedKinds are the task types department u may receive, in the
// order the forms offer them.
func receivedKinds(u *store.Unit) []string {
	out := []string{}
	for _, typ := range []string{TaskTransfer, TaskAssign, TaskAssist} {
		if _, msg := receiverProblem(u, typ); msg == "" {
			out = append(out, typ)
		}
	}
	return out
}

// unitOption is a department as the pickers offer it.
func unitOption(u *store.Unit) UnitOption {
	return UnitOption{ID: u.ID, Name: u.Name, Kind: u.Kind, Receives: receivedKinds(u)}
}

// TaskOffer is a task the case view may add to a case now: a 协办 to a
// second department (docs/DOMAIN.md §5.4), with the departments that may
// receive it and the dates its dialog opens with. Tasks.Create checks it
// all again.
type TaskOffer struct {
	Type  string       `json:"type"`
	Label string       `json:"label"`
	Units []UnitOption `json:"units"`
	// MinDue is the earliest due date Tasks.Create takes (tomorrow); Due
	// the one the dialog opens with: the earliest date the case's own work
	// is due by (workClocks), when there is one after today.
	MinDue string `json:"minDue"`
	Due    string `json:"due,omitempty"`
}

// workClocks are the clocks the case's own work is due by, which a 协办
// helps meet: handling (办理, 简易办理), the sender's date, the 交办单's.
var workClocks = []deadline.Clock{deadline.Handling, deadline.Simplified, followup.SenderDate, followup.AssignedDate}

// assistOpen tells whether a 协办 may still be added to the case: while it
// is open.
func assistOpen(c *store.Case) bool { return casestate.Open(casestate.State(c.Status)) }

// taskOffers are the tasks act may add to case c on day today: a 协办
// while the case is open, to the active departments that receive one,
// not the one handling the case (checkTaskUnit). A department a
// confidential report is about is left in and refused on saving, as
// everywhere: leaving it out would tell a session without the grant which
// unit the report is about.
func taskOffers(tx *store.Tx, act *Actor, c *store.Case, today civil.Date) ([]TaskOffer, error) {
	out := []TaskOffer{}
	if !mayCall(act, "Tasks.Create") || !assistOpen(c) {
		return out, nil
	}
	units, err := tx.Units()
	if err != nil {
		return nil, err
	}
	o := TaskOffer{Type: TaskAssist, Label: "安排协办", Units: []UnitOption{}, MinDue: (today + 1).String()}
	for i := range units {
		if _, msg := receiverProblem(&units[i], TaskAssist); msg == "" && units[i].ID != c.Unit {
			o.Units = append(o.Units, unitOption(&units[i]))
		}
	}
	for _, k := range c.Clocks {
		if slices.Contains(workClocks, deadline.Clock(k.Clock)) && k.Legal > today && (o.Due == "" || k.Legal.String() < o.Due) {
			o.Due = k.Legal.String()
		}
	}
	if len(o.Units) > 0 {
		out = append(out, o)
	}
	return out, nil
}
