package app

import (
	"slices"
	"strings"

	"laifang/domain/fold"
	"laifang/domain/phone"
	"laifang/store"
)

// Units is the office's list of departments (承办单位): the bodies a matter
// is sent to (转送, 交办, 协办) and the units a report may be about (被反映
// 单位). Only the settings screen edits them; the intake form and the task
// screens choose among them.
type Units struct{ svc }

// UnitKind is one kind of department, as the form offers it.
type UnitKind struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// UnitKinds are the kinds of department, in the order the form offers
// them. "external" is also what the intake form gives a unit typed there
// by name (unitFor).
var UnitKinds = []UnitKind{
	{"internal", "本单位内设"}, {"subordinate", "下级单位"}, {"external", "外单位"},
	{"legal", "政法"}, {"discipline", "纪检"},
}

// Limits of a department's fields.
const (
	maxUnitName    = 50
	maxUnitContact = 20
)

// UnitView is a department as lists and the settings screen show it.
// Contact and phone are the department's, staff data for signed-in staff.
type UnitView struct {
	ID         uint64 `json:"id"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	KindLabel  string `json:"kindLabel"`
	Contact    string `json:"contact"`
	Phone      string `json:"phone"`
	Assignable bool   `json:"assignable"`
	Active     bool   `json:"active"`
	// InUse: cases or tasks were sent to it, or a report is about it, or
	// a user belongs to it: it may be switched off, not deleted. Told only
	// to a session that edits departments (that a report is about a unit is
	// the report's business).
	InUse bool   `json:"inUse"`
	Rev   uint64 `json:"rev"`
}

// UnitList is every department with the kinds the form offers.
type UnitList struct {
	Units []UnitView `json:"units"`
	Kinds []UnitKind `json:"kinds"`
}

// UnitInput is a department as the settings screen edits it. ID 0 adds
// one; Rev is the revision the form was opened with.
type UnitInput struct {
	ID         uint64 `json:"id"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Contact    string `json:"contact"`
	Phone      string `json:"phone"`
	Assignable bool   `json:"assignable"`
	Active     bool   `json:"active"`
	Rev        uint64 `json:"rev"`
}

func unitKindLabel(code string) string {
	for _, k := range UnitKinds {
		if k.Code == code {
			return k.Label
		}
	}
	return code
}

// unitNameKey is how two departments' names are compared: the same name
// typed in full-width, half-width or another case is the same department.
func unitNameKey(name string) string {
	return strings.ToLower(fold.String(strings.Join(strings.Fields(name), " ")))
}

// unitByName finds the department of that name (unitNameKey); nil when
// there is none.
func unitByName(tx *store.Tx, name string) (*store.Unit, error) {
	units, err := tx.Units()
	if err != nil {
		return nil, err
	}
	key := unitNameKey(name)
	for i := range units {
		if unitNameKey(units[i].Name) == key {
			return &units[i], nil
		}
	}
	return nil, nil
}

// unitInUse tells whether a department is referred to by a case, a task
// or a user: it stays on file, switched off at most.
func unitInUse(tx *store.Tx, id uint64, users []store.User) bool {
	if tx.UnitInUse(id) {
		return true
	}
	return slices.ContainsFunc(users, func(u store.User) bool { return u.Unit == id })
}

func unitView(tx *store.Tx, act *Actor, u *store.Unit, users []store.User) UnitView {
	return UnitView{ID: u.ID, Name: u.Name, Kind: u.Kind, KindLabel: unitKindLabel(u.Kind), Contact: u.Contact,
		Phone: u.Phone, Assignable: u.Assignable, Active: u.Active,
		InUse: act.May(PermSettings) && unitInUse(tx, u.ID, users), Rev: u.Rev}
}

// List lists every department, switched-off ones too (the screens show
// those only where already chosen).
func (s *Units) List() (UnitList, error) {
	act, st, err := s.gate("Units.List")
	if err != nil {
		return UnitList{}, err
	}
	out := UnitList{Units: []UnitView{}, Kinds: UnitKinds}
	err = st.View(func(tx *store.Tx) error {
		units, err := tx.Units()
		if err != nil {
			return err
		}
		users, err := tx.Users()
		if err != nil {
			return err
		}
		for i := range units {
			out.Units = append(out.Units, unitView(tx, act, &units[i], users))
		}
		return nil
	})
	return out, err
}

// Save adds or edits a department. The name is required, at most 50
// characters and unlike any other department's (unitNameKey); the phone,
// when given, a mobile or a landline (domain/phone); the contact at most
// 20 characters. An edit of a department saved by someone else since the
// form was opened is refused (CodeStale).
func (s *Units) Save(in UnitInput) (UnitView, error) {
	act, st, err := s.gate("Units.Save", in)
	if err != nil {
		return UnitView{}, err
	}
	in.Name = strings.Join(strings.Fields(in.Name), " ")
	in.Contact, in.Phone = strings.TrimSpace(in.Contact), strings.TrimSpace(in.Phone)
	var is issues
	if is.need("name", in.Name != "", CodeRequired, "请填写单位名称。") {
		checkLen(&is, "name", "单位名称", in.Name, maxUnitName)
	}
	if !slices.ContainsFunc(UnitKinds, func(k UnitKind) bool { return k.Code == in.Kind }) {
		is.err("kind", "unit.kind", "请选择单位类别。")
	}
	checkLen(&is, "contact", "联系人", in.Contact, maxUnitContact)
	if in.Phone != "" {
		if n, err := phone.Parse(in.Phone); err != nil {
			is.coded("phone", err)
		} else if n.Kind == phone.Abroad {
			is.err("phone", "unit.phone", "请填写国内的手机或固定电话号码。")
		} else {
			in.Phone = n.Text
		}
	}
	if len(is.errs) > 0 {
		return UnitView{}, invalid(is.errs)
	}
	var out UnitView
	err = st.Update(func(tx *store.Tx) error {
		same, err := unitByName(tx, in.Name)
		if err != nil {
			return err
		}
		if same != nil && same.ID != in.ID {
			return fieldError("name", "unit.nameTaken", "已有同名的单位「"+same.Name+"」。")
		}
		u := &store.Unit{}
		summary := "新增承办单位："
		if in.ID != 0 {
			if u, err = tx.Unit(in.ID); err != nil {
				return err
			}
			summary = "修改承办单位："
			if !in.Active && u.Active {
				summary = "停用承办单位："
			}
		}
		u.Name, u.Kind, u.Contact, u.Phone = in.Name, in.Kind, in.Contact, in.Phone
		u.Assignable, u.Active, u.Rev = in.Assignable, in.Active, in.Rev
		if err := tx.UpdateUnit(u); err != nil {
			return err
		}
		users, err := tx.Users()
		if err != nil {
			return err
		}
		out = unitView(tx, act, u, users)
		return s.audit(tx, act, ActionSettingsEdit, "unit", u.ID, summary+u.Name, "")
	})
	if err != nil {
		return UnitView{}, err
	}
	return out, nil
}

// Delete removes a department nothing refers to. One that cases or tasks
// were sent to, that a report is about or that a user belongs to stays on
// file: it can only be switched off, so that what was sent keeps its
// addressee.
func (s *Units) Delete(id uint64) error {
	act, st, err := s.gate("Units.Delete")
	if err != nil {
		return err
	}
	return st.Update(func(tx *store.Tx) error {
		u, err := tx.Unit(id)
		if err != nil {
			return err
		}
		users, err := tx.Users()
		if err != nil {
			return err
		}
		if unitInUse(tx, id, users) {
			return newError("unit.inUse", "「"+u.Name+"」已有信访事项、任务或人员，不能删除，只能停用。")
		}
		if err := tx.DeleteUnit(id); err != nil {
			return err
		}
		return s.audit(tx, act, ActionSettingsEdit, "unit", id, "删除承办单位："+u.Name, "")
	})
}
