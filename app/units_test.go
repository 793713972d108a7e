package app

import (
	"slices"
	"strings"
	"testing"

	"laifang/store"
	"laifang/store/gen"
)

// The departments screen: a name is required, unique however it is typed
// (full-width, another case), at most 50 characters; a phone is a mobile
// or a landline; each refusal names its field.
func TestUnitsSaveChecksEachField(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	u, err := a.Units.Save(UnitInput{Name: "ABC 城建办", Kind: "internal", Contact: "联系人甲", Phone: "0571 8888 6666",
		Assignable: true, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	if u.Phone != "0571-88886666" || u.KindLabel != "本单位内设" || !u.Assignable || u.Rev != 1 {
		t.Errorf("saved as %+v", u)
	}
	for _, tc := range []struct {
		in          UnitInput
		field, code string
	}{
		{UnitInput{Name: "ａｂｃ　城建办", Kind: "internal", Active: true}, "name", "unit.nameTaken"},
		{UnitInput{Name: "  ", Kind: "internal"}, "name", CodeRequired},
		{UnitInput{Name: strings.Repeat("办", 51), Kind: "internal"}, "name", CodeTooLong},
		{UnitInput{Name: "派出所", Kind: "内设"}, "kind", "unit.kind"},
		{UnitInput{Name: "派出所", Kind: "legal", Phone: "12345"}, "phone", ""},
		{UnitInput{Name: "派出所", Kind: "legal", Contact: strings.Repeat("人", 21)}, "contact", CodeTooLong},
	} {
		_, err := a.Units.Save(tc.in)
		f := fields(err)
		if _, ok := f[tc.field]; !ok || tc.code != "" && f[tc.field] != tc.code {
			t.Errorf("%+v: %v, want %s at %s", tc.in, err, tc.code, tc.field)
		}
	}
	l, err := a.Units.List()
	if err != nil || len(l.Units) != 1 || len(l.Kinds) != len(UnitKinds) {
		t.Fatalf("after the refusals: %+v %v", l, err)
	}
	// Renamed to its own name in another width: still itself.
	u2, err := a.Units.Save(UnitInput{ID: u.ID, Name: "ＡＢＣ 城建办", Kind: "internal", Active: true, Rev: u.Rev})
	if err != nil || u2.Name != "ＡＢＣ 城建办" {
		t.Errorf("a rename of a department to its own name: %+v %v", u2, err)
	}
}

// A department that something was sent to stays on file: deleting it is
// refused with a message that says to switch it off; an unused one goes.
func TestAUnitInUseIsDeactivatedNotDeleted(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	used := must(a.Units.Save(UnitInput{Name: "城建办", Kind: "internal", Active: true}))(t)
	spare := must(a.Units.Save(UnitInput{Name: "备用办", Kind: "internal", Active: true}))(t)
	intakeOne(t, a, gen.New(1).Person(), store.Case{Title: "道路积水", Unit: used.ID}, "积水")
	err := a.Units.Delete(used.ID)
	if code(err) != "unit.inUse" || !strings.Contains(AsError(err).Message, "只能停用") {
		t.Errorf("deleting a department with a case: %v", err)
	}
	off := must(a.Units.Save(UnitInput{ID: used.ID, Name: used.Name, Kind: used.Kind, Active: false, Rev: used.Rev}))(t)
	if off.Active || !off.InUse {
		t.Errorf("switched off: %+v", off)
	}
	if err := a.Units.Delete(spare.ID); err != nil {
		t.Fatal(err)
	}
	l := must(a.Units.List())(t)
	if len(l.Units) != 1 || l.Units[0].ID != used.ID {
		t.Errorf("after the delete: %+v", l.Units)
	}
}

// A handler belongs to an active department; other roles may have none.
func TestAHandlerNeedsAnActiveDepartment(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	in := UserInput{Login: "cbr", Name: "承办人甲", Role: RoleHandler, Active: true, Password: "Secret123abc"}
	if _, err := a.Users.Save(in); fields(err)["unit"] != "user.unit" ||
		AsError(err).Message != "承办人须选择所属承办单位。" {
		t.Errorf("a handler without a department: %v", err)
	}
	off := must(a.Units.Save(UnitInput{Name: "停用办", Kind: "internal", Active: false}))(t)
	in.Unit = off.ID
	if _, err := a.Users.Save(in); fields(err)["unit"] != "user.unit" {
		t.Errorf("a handler of a switched-off department: %v", err)
	}
	on := must(a.Units.Save(UnitInput{Name: "城建办", Kind: "internal", Active: true}))(t)
	in.Unit = on.ID
	u, err := a.Users.Save(in)
	if err != nil || u.Unit != on.ID {
		t.Errorf("a handler of an active department: %+v %v", u, err)
	}
	if _, err := a.Users.Save(UserInput{Login: "djy", Name: "登记员甲", Role: RoleClerk, Active: true,
		Password: "Secret123abc"}); err != nil {
		t.Errorf("a clerk without a department: %v", err)
	}
}

// A handler sees the cases sent to his department and no other, by every
// route: the list, a search by text, by a petitioner's name and by a case
// number, one case, its record sheet and form, today's visits and the
// repeat panel. Another department's case is answered as an unknown one
// is; once a task of it is sent to his department, he sees it. A clerk
// and a head see every case.
func TestAHandlerSeesHisDepartmentsCases(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	depA := must(a.Units.Save(UnitInput{Name: "城建办", Kind: "internal", Active: true}))(t)
	depB := must(a.Units.Save(UnitInput{Name: "派出所", Kind: "legal", Active: true}))(t)
	g := gen.New(7)
	pa, pb := g.Person(), g.Person()
	caseA, _ := intakeOne(t, a, pa, store.Case{Title: "道路积水无人处理", Type: "申诉求决", Unit: depA.ID}, "积水")
	caseB, _ := intakeOne(t, a, pb, store.Case{Title: "夜间施工噪音扰民", Type: "申诉求决", Unit: depB.ID}, "噪音")
	st, _ := a.store()
	cb, err := st.Case(caseB)
	if err != nil {
		t.Fatal(err)
	}
	users := map[string]Bound{}
	for _, u := range []struct {
		login, role string
		unit        uint64
	}{{"cbr", RoleHandler, depA.ID}, {"djy", RoleClerk, 0}, {"fzr", RoleHead, 0}} {
		if _, err := a.Users.Save(UserInput{Login: u.login, Name: u.login, Role: u.role, Unit: u.unit, Active: true,
			Password: "Secret123abc"}); err != nil {
			t.Fatal(err)
		}
		s := NewSession("测试", false)
		if _, err := a.bind(s).Auth.Login(u.login, "Secret123abc"); err != nil {
			t.Fatal(err)
		}
		users[u.login] = a.bind(s)
	}
	listed := func(b Bound, text string) []uint64 {
		t.Helper()
		l, err := b.Cases.List(CaseListQuery{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		var out []uint64
		for _, r := range l.Rows {
			out = append(out, r.ID)
		}
		return out
	}
	h := users["cbr"]
	for _, text := range []string{"", "噪音", pb.Name, cb.No} {
		got := listed(h, text)
		if slices.Contains(got, caseB) {
			t.Errorf("%q: the handler of A finds B's case", text)
		}
		if text == "" && !slices.Equal(got, []uint64{caseA}) {
			t.Errorf("the handler's list: %v, want only %d", got, caseA)
		}
	}
	if got := listed(h, pa.Name); !slices.Equal(got, []uint64{caseA}) {
		t.Errorf("the handler finds his case by its petitioner's name: %v", got)
	}
	_, errB := h.Cases.Get(caseB)
	_, errNone := h.Cases.Get(1 << 40)
	if code(errB) != CodeNotFound || AsError(errB).Message != AsError(errNone).Message {
		t.Errorf("B's case: %v; an unknown one: %v", errB, errNone)
	}
	if _, err := h.Cases.Get(caseA); err != nil {
		t.Errorf("his own case: %v", err)
	}
	events, _ := st.Events(caseB)
	if _, err := h.Cases.RecordSheet(caseB, events[0].ID); code(err) != CodeNotFound {
		t.Errorf("B's record sheet: %v", err)
	}
	if _, err := h.Visits.Form(caseB, 0); code(err) != CodeNotFound {
		t.Errorf("B's form: %v", err)
	}
	today, err := h.Visits.Today()
	if err != nil || len(today) != 1 || today[0].CaseID != caseA {
		t.Errorf("the handler's visits today: %+v %v", today, err)
	}
	panel, err := h.Repeat.Panel(RepeatQuery{Name: pb.Name, Text: "夜间施工噪音扰民"})
	if err != nil || len(panel.Cases) != 0 {
		t.Errorf("the repeat panel shows B's cases: %+v %v", panel.Cases, err)
	}
	for _, login := range []string{"djy", "fzr"} {
		if got := listed(users[login], ""); len(got) != 2 {
			t.Errorf("%s lists %v", login, got)
		}
		if _, err := users[login].Cases.Get(caseB); err != nil {
			t.Errorf("%s opens B's case: %v", login, err)
		}
	}
	// B's case is sent to A as a task: A's handler sees it.
	err = st.Update(func(tx *store.Tx) error {
		return tx.SaveTask(&store.Task{Case: caseB, Type: "协办", ToUnit: depA.ID, Status: store.TaskPending})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Cases.Get(caseB); err != nil {
		t.Errorf("B's case with a task to A: %v", err)
	}
	if got := listed(h, "噪音"); !slices.Equal(got, []uint64{caseB}) {
		t.Errorf("B's case with a task to A, searched: %v", got)
	}
	if got := listed(h, cb.No); !slices.Equal(got, []uint64{caseB}) {
		t.Errorf("B's case with a task to A, by its number: %v", got)
	}
}

// The unit a report is about (被反映单位) is one of the departments: a
// report names it or the accused; an unknown or switched-off department
// is refused at its field.
func TestAReportNamesTheAccusedDepartment(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, true)
	dep := must(a.Units.Save(UnitInput{Name: "某站所", Kind: "subordinate", Active: true}))(t)
	off := must(a.Units.Save(UnitInput{Name: "旧站所", Kind: "subordinate", Active: false}))(t)
	in := baseInput()
	in.Type, in.Accused = TypeReport, ""
	for _, bad := range []uint64{off.ID, 1 << 40} {
		in.AccusedUnit = bad
		if _, err := b.Visits.Register(in); fields(err)["accusedUnit"] != CodeNotFound {
			t.Errorf("accused unit %d: %v", bad, err)
		}
	}
	in.AccusedUnit = 0
	if _, err := b.Visits.Register(in); fields(err)["accused"] != CodeRequired {
		t.Errorf("a report about no one: %v", err)
	}
	in.AccusedUnit = dep.ID
	r, err := b.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := a.store()
	c, err := st.Case(r.CaseID)
	if err != nil || c.AccusedUnit != dep.ID {
		t.Errorf("the case is about unit %d, want %d (%v)", c.AccusedUnit, dep.ID, err)
	}
	// A report is confidential: the unit it is about is shown after a
	// reveal, as the accused is.
	if d := must(b.Cases.Get(r.CaseID))(t); d.AccusedUnit != Hidden {
		t.Errorf("before a reveal the case view names %q", d.AccusedUnit)
	}
	must(b.Privacy.Reveal(r.CaseID, "核实被反映单位"))(t)
	if d := must(b.Cases.Get(r.CaseID))(t); d.AccusedUnit != "某站所" {
		t.Errorf("after a reveal the case view names %q", d.AccusedUnit)
	}
}

// That a department is in use (perhaps a report is about it) is told only
// to a session that edits departments.
func TestOnlyTheSettingsEditorLearnsAUnitIsInUse(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	dep := must(a.Units.Save(UnitInput{Name: "某站所", Kind: "subordinate", Active: true}))(t)
	intakeOne(t, a, gen.New(2).Person(), store.Case{Title: "举报", Type: TypeReport, Confidential: true, AccusedUnit: dep.ID}, "举报")
	inUse := func(b Bound) bool {
		l := must(b.Units.List())(t)
		return l.Units[0].InUse
	}
	if !inUse(a.Bound) {
		t.Error("the administrator is not told the department is in use")
	}
	if inUse(clerk(t, a, "reader1", RoleReader, false)) {
		t.Error("a reader learns that something is about the department")
	}
}
