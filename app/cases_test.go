package app

import (
	"strings"
	"testing"

	"laifang/store"
)

func TestARecordIsCorrectedByANewEntryAndTheOldOneStays(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	clerk := a.bind(addUser(t, a, "clerk", RoleClerk, false)).Cases
	reader := a.bind(addUser(t, a, "reader", RoleReader, false)).Cases
	head := a.bind(addUser(t, a, "head", RoleHead, false))
	cid, _ := intakeOne(t, a, wang(), store.Case{Title: "拖欠工资"}, "第一次来访")

	// a wording entry to cite
	w, _ := head.Wording.Save(WordingEntry{Topic: "拖欠工资", Text: "已转劳动监察处理。"})
	w, _ = head.Wording.Approve(w.ID, w.Rev)
	draft, _ := head.Wording.Save(WordingEntry{Topic: "草稿", Text: "未审核"})

	for _, tc := range []struct {
		in    CaseRecord
		field string
	}{
		{CaseRecord{}, "statement"},
		{CaseRecord{RecordInput: RecordInput{Statement: "x", Start: "昨天"}}, "start"},
		{CaseRecord{RecordInput: RecordInput{Statement: "x", Start: "2026-03-02T08:00", End: "2026-03-02T07:00"}}, "end"},
		{CaseRecord{RecordInput: RecordInput{Statement: "x", Start: "2027-03-02T10:00"}}, "start"},
		{CaseRecord{RecordInput: RecordInput{Statement: "x", Scripts: []uint64{draft.ID}}}, "scripts"},
		{CaseRecord{RecordInput: RecordInput{Statement: "x", Confirmed: true, Refusal: "拒签"}}, "refusal"},
	} {
		_, err := clerk.AddRecord(cid, tc.in)
		if e := AsError(err); e == nil || e.Field != tc.field {
			t.Errorf("%+v: %v", tc.in, err)
		}
	}
	ev, err := clerk.AddRecord(cid, CaseRecord{RecordInput: RecordInput{Start: "2026-03-02T08:30", End: "2026-03-02T08:50", Statement: "再次来访，称工资仍未发放", Explanations: "已转劳动监察处理。", Scripts: []uint64{w.ID}, RiskNotes: "情绪激动", Leader: "李镇长", Procedure: true}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reader.AddRecord(cid, CaseRecord{RecordInput: RecordInput{Statement: "x"}}); code(err) != CodeForbidden {
		t.Errorf("reader wrote: %v", err)
	}
	fix, err := clerk.CorrectRecord(cid, ev, CaseRecord{RecordInput: RecordInput{Statement: "再次来访，称工资仍有两个月未发放", Scripts: []uint64{w.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := clerk.CorrectRecord(cid, ev, CaseRecord{RecordInput: RecordInput{Statement: "再改"}}); code(err) != "record.corrected" {
		t.Errorf("second correction of the old one: %v", err)
	}
	d, err := clerk.Get(cid)
	if err != nil {
		t.Fatal(err)
	}
	if d.Visits != 2 || !d.Repeat || len(d.Timeline) != 3 {
		t.Fatalf("%+v", d)
	}
	old, nw := d.Timeline[1], d.Timeline[2]
	if old.ID != ev || old.CorrectedBy != fix || old.Record.Statement != "再次来访，称工资仍未发放" || old.Record.RiskNotes != "情绪激动" {
		t.Errorf("old: %+v %+v", old, old.Record)
	}
	if nw.Kind != store.EventCorrection || nw.Corrects != ev || nw.Record.Leader != "李镇长" || len(nw.ScriptRefs) != 1 ||
		nw.ScriptRefs[0].Topic != "拖欠工资" || nw.Record.RiskNotes != "" {
		t.Errorf("new: %+v %+v", nw, nw.Record)
	}
	if d.People[0].IDNumber != wang().IDNumber {
		t.Errorf("clerk sees %+v", d.People)
	}
	// a reader sees masked numbers and no risk notes
	rd, _ := reader.Get(cid)
	if rd.People[0].IDNumber == wang().IDNumber || rd.Timeline[1].Record.RiskNotes != "" || !rd.Timeline[1].Record.RiskHidden {
		t.Errorf("reader sees %+v %+v", rd.People, rd.Timeline[1].Record)
	}
	// the printed sheet has no risk notes and says it was corrected
	sh, err := clerk.RecordSheet(cid, ev)
	if err != nil || !sh.Corrected || sh.Record.RiskNotes != "" || sh.Date != "2026年3月2日" || len(sh.Scripts) != 1 {
		t.Errorf("%+v %v", sh, err)
	}
	// the list finds it
	l, err := reader.List(CaseListQuery{Text: "拖欠工资"})
	if err != nil || len(l.Rows) != 1 || l.Rows[0].Visits != 2 {
		t.Errorf("%+v %v", l, err)
	}
}

// A record saved at intake with every text at the intake's longest is
// corrected as it is: the intake form and the case view check one record
// with one table of lengths.
func TestARecordSavedAtIntakeIsCorrectedUnchanged(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	in := baseInput()
	long := func(r rune) string { return strings.Repeat(string(r), maxText) }
	in.Record = RecordInput{Start: "2026-03-02T08:45", End: "2026-03-02T08:58", Leader: strings.Repeat("李", 50),
		Statement: long('述'), QA: long('问'), Materials: long('材'), Explanations: long('释'),
		Commitments: long('诺'), RiskNotes: long('险'), Refusal: long('拒')}
	r, err := b.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	// one character more is refused, at the same field on both forms
	over := in.Record
	over.Materials += "材"
	if _, err := b.Cases.AddRecord(r.CaseID, CaseRecord{RecordInput: over}); fields(err)["materials"] != CodeTooLong {
		t.Errorf("one too many: %v", err)
	}
	d, err := b.Cases.Get(r.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	saved := d.Timeline[0].Record
	if saved == nil || saved.Materials != in.Record.Materials {
		t.Fatalf("saved at intake: %+v", d.Timeline[0])
	}
	if _, err := b.Cases.CorrectRecord(r.CaseID, d.Timeline[0].ID, *saved); err != nil {
		t.Fatalf("the intake's record sent back unchanged: %v", err)
	}
	d, _ = b.Cases.Get(r.CaseID)
	fix := d.Timeline[len(d.Timeline)-1]
	if fix.Kind != store.EventCorrection || fix.Record.Statement != in.Record.Statement ||
		fix.Record.Refusal != in.Record.Refusal || fix.Record.Leader != in.Record.Leader {
		t.Errorf("the correction cut the record: %d %d", len([]rune(fix.Record.Statement)), len([]rune(fix.Record.Refusal)))
	}
}

// A later visit is audited by the app, with the workstation it was
// registered at, whether it comes from the intake form (a repeat visit)
// or from the case view; the store writes no entry of its own.
func TestALaterVisitIsAuditedWithItsWorkstation(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	r, err := b.Visits.Register(baseInput())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Cases.AddRecord(r.CaseID, CaseRecord{RecordInput: RecordInput{Statement: "再次来访"}}); err != nil {
		t.Fatal(err)
	}
	again := baseInput()
	again.LinkCase, again.Disposal = r.CaseID, ""
	if _, err := b.Visits.Register(again); err != nil {
		t.Fatal(err)
	}
	st, _ := a.store()
	var visits []store.AuditEntry
	err = st.View(func(tx *store.Tx) error {
		all, err := tx.Audit(0, 1000)
		for _, e := range all {
			if e.Action == ActionVisit {
				visits = append(visits, e)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(visits) != 2 {
		t.Fatalf("%d visit entries, want 2 (one per later visit): %+v", len(visits), visits)
	}
	for _, e := range visits {
		if e.Workstation != "测试" || e.EntityID != r.CaseID || e.User == 0 {
			t.Errorf("visit entry %+v", e)
		}
	}
}
