package app

import (
	"errors"
	"strconv"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store"
)

// The disposal made at the desk (登记时处理): a transition of the case
// state machine, applied to the case, with what it leaves besides.

func disposalLabel(action string) string {
	for _, t := range casestate.Disposals() {
		if string(t.Action) == action {
			return t.Disposal
		}
	}
	return ""
}

// dispose applies the disposal to c: the transition checked again by the
// state machine (checkIntake did with the form; this is the write), the
// status, the disposal code, reason and unit.
func (s *Visits) dispose(tx *store.Tx, act *Actor, in *RegisterInput, c *store.Case, from casestate.State) (*casestate.Transition, error) {
	unit := in.Unit
	if in.UnitID != 0 {
		unit = strconv.FormatUint(in.UnitID, 10)
	}
	step := stepInput(act)
	step.Incoming, step.Reason, step.Body, step.Unit, step.Due = c.Incoming != nil, in.Reason, in.Body, unit, in.Due
	step.Linked = in.LinkCase != 0
	tr, err := casestate.Check(from, casestate.Action(in.Disposal), step)
	if err != nil {
		return nil, err
	}
	c.Status = string(tr.To)
	if tr.Disposal != "" {
		c.Disposal = tr.Disposal
	}
	switch tr.Action {
	case casestate.NotAccept, casestate.NotReaccept:
		c.DispReason = in.Reason
	case casestate.Redirect, casestate.RouteLegal:
		c.DispReason = in.Body
	case casestate.Accept:
		c.Accepted = civil.DateOf(tx.Now())
	case casestate.Transfer, casestate.Assign:
		id, err := s.unitFor(tx, in)
		if err != nil {
			return nil, err
		}
		c.Unit = id
	}
	if in.Opinion != "" {
		c.DispOpinion = in.Opinion
	}
	if tr.Action == casestate.RouteLegal {
		c.Litigation = c.Litigation || in.Litigation
	}
	return &tr, nil
}

// unitFor is the unit chosen, or a new outside unit by the typed name.
func (s *Visits) unitFor(tx *store.Tx, in *RegisterInput) (uint64, error) {
	if in.UnitID != 0 {
		u, err := tx.Unit(in.UnitID)
		if errors.Is(err, store.ErrNotFound) {
			return 0, invalid([]Issue{{Field: "unit", Code: CodeNotFound, Message: "所选单位不存在，请重新选择。"}})
		}
		if err != nil {
			return 0, err
		}
		return u.ID, nil
	}
	if u, err := unitByName(tx, in.Unit); err != nil || u != nil {
		if u == nil {
			return 0, err
		}
		return u.ID, nil
	}
	u := &store.Unit{Name: in.Unit, Kind: "external", Active: true}
	if err := tx.SaveUnit(u); err != nil {
		return 0, err
	}
	return u.ID, nil
}

// afterDisposal writes what a disposal leaves besides the case: the task
// of a transfer or assignment (the slip a department signs for), and the
// audit entry naming the disposal.
func (s *Visits) afterDisposal(tx *store.Tx, act *Actor, in *RegisterInput, caseID uint64, tr *casestate.Transition) error {
	if tr == nil {
		return nil
	}
	c, err := tx.Case(caseID)
	if err != nil {
		return err
	}
	if tr.Action == casestate.Transfer || tr.Action == casestate.Assign {
		// the slip of a confidential report: not to the unit it is
		// about, nor naming its reporter (app/tasks.go)
		if err := notAccused(tx, c, c.Unit); err != nil {
			return err
		}
		if err := noIdentity(tx, c, "opinion", in.Opinion); err != nil {
			return err
		}
		t := &store.Task{Case: caseID, Type: tr.Disposal, ToUnit: c.Unit, IssuedBy: act.ID,
			Requirement: in.Opinion, Status: store.TaskPending, Redacted: IsConfidential(c)}
		if tr.Action == casestate.Assign {
			t.Due, _ = civil.Parse(in.Due)
		}
		if err := tx.SaveTask(t); err != nil {
			return err
		}
	}
	return s.audit(tx, act, ActionDispose, "case", caseID, clip(c.No+" 登记时处理："+tr.Label, 100), "")
}

func disposalText(tr *casestate.Transition, in *RegisterInput, _ string) string {
	t := "处理方式：" + tr.Label
	if in.Opinion != "" {
		t += "。拟办意见：" + in.Opinion
	}
	return t
}
