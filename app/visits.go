package app

import (
	"laifang/domain/casestate"
	"laifang/domain/dict"
	"laifang/domain/petitioner"
	"laifang/store"
)

// Visits is the reception desk: registering a visit (来访登记) with its
// first reception record and the disposal made on the spot, a repeat
// visit on a case already on file, the form's draft, and today's visits.
// Its files, by concern: visits.go (the form's options and check),
// visits_register.go, visits_disposal.go, visits_today.go, draft.go,
// visits_form.go (the printed 来访登记表); the form's rules are in
// intake.go and record.go.
type Visits struct{ svc }

// FormOptions is what the intake form offers: every list from the
// dictionaries (nothing of them is written into the UI), the disposals
// with what each needs, the units and staff to choose from, the limits.
type FormOptions struct {
	Lists          []DictList        `json:"lists"`
	Disposals      []DisposalOption  `json:"disposals"`
	Units          []UnitOption      `json:"units"`
	Staff          []StaffMember     `json:"staff"`
	GroupThreshold int               `json:"groupThreshold"`
	MaxDelegates   int               `json:"maxDelegates"`
	Now            string            `json:"now"` // YYYY-MM-DDTHH:MM, the server's clock
	User           uint64            `json:"user"`
	MayRisk        bool              `json:"mayRisk"`
	Labels         map[string]string `json:"labels"` // case states' Chinese names
	// Required are the inputs the blank form requires (CheckResult.Required
	// of a form with the first channel and one main petitioner); Check
	// tells them again as the form fills in.
	Required []string `json:"required"`
}

// DisposalOption is one disposal the signed-in user may make at the desk.
type DisposalOption struct {
	Action string   `json:"action"`
	Label  string   `json:"label"`
	Needs  []string `json:"needs"`
	Letter string   `json:"letter"`
	// Due is the date the form offers for a disposal that needs one (交办):
	// the handling limit from today by the office's profile and calendar
	// (defaultDue). The clerk may set another; Check still refuses a past one.
	Due string `json:"due,omitempty"`
	// Task is the task the disposal sends a department (转送, 交办): its
	// unit picker shows the departments that receive it (UnitOption.Receives).
	Task string `json:"task,omitempty"`
	// NewUnit: a unit not on file may be typed in for it (a 转送 to an
	// outside body); a 交办 goes only to a department on file (receiverProblem).
	NewUnit bool `json:"newUnit,omitempty"`
}

// UnitOption is a department or outside body.
type UnitOption struct {
	ID   uint64 `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	// Receives are the task types it may be sent (转送, 交办, 协办:
	// receivedKinds): a picker for one kind shows those that receive it.
	Receives []string `json:"receives"`
}

// Options returns what the intake form offers.
func (s *Visits) Options() (FormOptions, error) {
	act, st, err := s.gate("Visits.Options")
	if err != nil {
		return FormOptions{}, err
	}
	out := FormOptions{Lists: []DictList{}, Disposals: []DisposalOption{}, Units: []UnitOption{},
		Staff: []StaffMember{}, User: act.ID, MayRisk: act.May(PermRisk), Labels: map[string]string{}}
	for k, v := range casestate.Labels {
		out.Labels[string(k)] = v
	}
	err = st.View(func(tx *store.Tx) error {
		r, err := loadRules(tx, act, &RegisterInput{})
		if err != nil {
			return err
		}
		due, err := defaultDue(tx)
		if err != nil {
			return err
		}
		out.GroupThreshold, out.MaxDelegates = r.threshold, r.maxDelegates
		out.Now = tx.Now().Format("2006-01-02T15:04")
		blank := RegisterInput{People: []PersonInput{{Role: petitioner.Main}}, Present: 1}
		for _, e := range r.lists[dict.Channel].Entries {
			if e.Active {
				blank.Channel = e.Code
				break
			}
		}
		trimInput(&blank)
		out.Required = checkIntake(&blank, r).Required
		for _, def := range dict.Defaults() {
			l, err := dictList(tx, def.Name)
			if err != nil {
				return err
			}
			out.Lists = append(out.Lists, DictList{List: l})
		}
		for _, t := range allowedSteps(act, casestate.Registered) {
			if t.Disposal == "" {
				continue
			}
			d := DisposalOption{Action: string(t.Action), Label: t.Label, Needs: []string{}, Letter: t.Letter}
			if t.Action == casestate.Transfer || t.Action == casestate.Assign {
				d.Task = t.Disposal
				d.NewUnit = newUnitAllowed(d.Task)
			}
			for _, n := range t.Needs {
				d.Needs = append(d.Needs, string(n))
				if n == casestate.NeedDue {
					d.Due = due.String()
				}
			}
			out.Disposals = append(out.Disposals, d)
		}
		units, err := tx.Units()
		if err != nil {
			return err
		}
		for i := range units {
			if units[i].Active {
				out.Units = append(out.Units, unitOption(&units[i]))
			}
		}
		users, err := tx.Users()
		for _, u := range users {
			if u.Active {
				out.Staff = append(out.Staff, StaffMember{ID: u.ID, Name: u.Name, Role: u.Role, Active: true})
			}
		}
		return err
	})
	return out, err
}

// Check checks the form without saving: the UI calls it as the clerk
// leaves a field, to show problems, warnings (an unknown area code) and
// what follows (sex and birth date from the ID number, 集体访).
func (s *Visits) Check(in RegisterInput) (CheckResult, error) {
	act, st, err := s.gate("Visits.Check", in)
	if err != nil {
		return CheckResult{}, err
	}
	trimInput(&in)
	var out CheckResult
	err = st.View(func(tx *store.Tx) error {
		r, err := loadRules(tx, act, &in)
		if err != nil {
			return err
		}
		out = checkIntake(&in, r)
		out.Scripts = []WordingRef{}
		for _, id := range in.Record.Scripts {
			ref := WordingRef{ID: id}
			if w, err := tx.Wording(id); err == nil {
				ref.Topic, ref.Status = w.Topic, w.Status
			}
			out.Scripts = append(out.Scripts, ref)
		}
		return nil
	})
	return out, err
}
