package app

import (
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
		{CaseRecord{Statement: "x", Start: "昨天"}, "start"},
		{CaseRecord{Statement: "x", Start: "2026-03-02T08:00", End: "2026-03-02T07:00"}, "end"},
		{CaseRecord{Statement: "x", Start: "2027-03-02T10:00"}, "start"},
		{CaseRecord{Statement: "x", Scripts: []uint64{draft.ID}}, "scripts"},
		{CaseRecord{Statement: "x", Confirmed: true, Refusal: "拒签"}, "refusal"},
	} {
		_, err := clerk.AddRecord(cid, tc.in)
		if e := AsError(err); e == nil || e.Field != tc.field {
			t.Errorf("%+v: %v", tc.in, err)
		}
	}
	ev, err := clerk.AddRecord(cid, CaseRecord{Start: "2026-03-02T08:30", End: "2026-03-02T08:50", Statement: "再次来访，称工资仍未发放",
		Explanations: "已转劳动监察处理。", Scripts: []uint64{w.ID}, RiskNotes: "情绪激动", Leader: "李镇长", Procedure: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reader.AddRecord(cid, CaseRecord{Statement: "x"}); code(err) != CodeForbidden {
		t.Errorf("reader wrote: %v", err)
	}
	fix, err := clerk.CorrectRecord(cid, ev, CaseRecord{Statement: "再次来访，称工资仍有两个月未发放", Scripts: []uint64{w.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := clerk.CorrectRecord(cid, ev, CaseRecord{Statement: "再改"}); code(err) != "record.corrected" {
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
