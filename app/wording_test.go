package app

import (
	"testing"

	"laifang/store"
)

func TestWordingLibraryDraftApproveSupersedeRetire(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	clerk := a.bind(addUser(t, a, "clerk", RoleClerk, false)).Wording
	head := a.bind(addUser(t, a, "head", RoleHead, false)).Wording
	reader := a.bind(addUser(t, a, "reader", RoleReader, false)).Wording

	// bad input is refused next to its field, in Chinese
	for _, tc := range []struct {
		in    WordingEntry
		field string
	}{
		{WordingEntry{Text: "x"}, "topic"},
		{WordingEntry{Topic: "拖欠工资"}, "text"},
		{WordingEntry{Topic: "拖欠工资", Text: "x", ValidFrom: "2026/3/2"}, "validFrom"},
		{WordingEntry{Topic: "拖欠工资", Text: "x", ValidFrom: "2026-03-02", ValidUntil: "2026-03-01"}, "validUntil"},
		{WordingEntry{Topic: "拖欠工资", Text: "x", Category: "劳动"}, "category"},
	} {
		_, err := clerk.Save(tc.in)
		if e := AsError(err); e == nil || e.Field != tc.field || e.Message == "" {
			t.Errorf("%+v: %v", tc.in, err)
		}
	}
	d, err := clerk.Save(WordingEntry{Topic: "拖欠农民工工资", Text: "您反映的问题已转劳动保障监察机构依法处理。",
		Basis: "《保障农民工工资支付条例》第四十八条", ValidFrom: "2026-01-01"})
	if err != nil || d.Status != store.WordingDraft || d.Version != 1 || d.Usable {
		t.Fatalf("%+v %v", d, err)
	}
	// only the head approves
	if _, err := clerk.Approve(d.ID, d.Rev); code(err) != CodeForbidden {
		t.Errorf("clerk approved: %v", err)
	}
	if _, err := reader.Save(WordingEntry{Topic: "x", Text: "y"}); code(err) != CodeForbidden {
		t.Errorf("reader saved: %v", err)
	}
	if _, err := head.Approve(d.ID, d.Rev+1); code(err) != CodeStale {
		t.Errorf("stale approve: %v", err)
	}
	ok, err := head.Approve(d.ID, d.Rev)
	if err != nil || ok.Status != store.WordingApproved || !ok.Usable || ok.Approver != "head" {
		t.Fatalf("%+v %v", ok, err)
	}
	// readers see it among the usable ones
	list, err := reader.List(WordingQuery{Status: "usable", Text: "工资"})
	if err != nil || len(list) != 1 || list[0].ID != d.ID {
		t.Fatalf("%+v %v", list, err)
	}
	// editing the approved entry makes a new draft; the old one stays in use
	v2, err := clerk.Save(WordingEntry{ID: ok.ID, Rev: ok.Rev, Topic: ok.Topic, Text: "新的口径原文。", Basis: ok.Basis})
	if err != nil || v2.ID == ok.ID || v2.Supersedes != ok.ID || v2.Version != 2 || v2.Status != store.WordingDraft {
		t.Fatalf("%+v %v", v2, err)
	}
	if _, err := clerk.Save(WordingEntry{ID: ok.ID, Rev: ok.Rev, Topic: ok.Topic, Text: "又一版"}); code(err) != "wording.superseded" {
		t.Errorf("second new version: %v", err)
	}
	v2ok, err := head.Approve(v2.ID, v2.Rev)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := reader.List(WordingQuery{})
	if len(all) != 2 || all[0].ID != v2ok.ID || all[1].Status != store.WordingRetired || all[1].SupersededBy != v2.ID {
		t.Fatalf("%+v", all)
	}
	// validity: not usable after its last day
	if _, err := head.Retire(v2ok.ID, v2ok.Rev); err != nil {
		t.Fatal(err)
	}
	x, _ := clerk.Save(WordingEntry{Topic: "过期", Text: "t", ValidUntil: "2026-03-01"})
	if _, err := head.Approve(x.ID, x.Rev); err != nil {
		t.Fatal(err)
	}
	if u, _ := reader.List(WordingQuery{Status: "usable"}); len(u) != 0 {
		t.Errorf("usable after expiry: %+v", u)
	}
	if _, err := clerk.Save(WordingEntry{ID: v2ok.ID, Rev: v2ok.Rev + 1, Topic: "a", Text: "b"}); code(err) != "wording.retired" && code(err) != CodeStale {
		t.Errorf("edit retired: %v", err)
	}
}

// The intake's record may cite only approved wording; the refusal is shown
// beside the record's wording, with every other problem of the form.
func TestIntakeRecordCitesOnlyApprovedWording(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	desk := clerk(t, a, "clerk", RoleClerk, false)
	head := a.bind(addUser(t, a, "head", RoleHead, false))
	draft, err := head.Wording.Save(WordingEntry{Topic: "草稿口径", Text: "未审核的答复。"})
	if err != nil {
		t.Fatal(err)
	}
	in := baseInput()
	in.Title = ""
	in.Record.Scripts = []uint64{draft.ID}
	_, err = desk.Visits.Register(in)
	if f := fields(err); f["record.scripts"] != "record.scripts" || f["title"] == "" {
		t.Fatalf("want the wording and the title refused: %v", f)
	}
	ok, _ := head.Wording.Approve(draft.ID, draft.Rev)
	in = baseInput()
	in.Record.Scripts = []uint64{ok.ID, ok.ID}
	// the form names what the record cites by its title, not its id
	res, err := desk.Visits.Check(in)
	if err != nil || len(res.Scripts) != 2 || res.Scripts[0].Topic != "草稿口径" || res.Scripts[0].ID != ok.ID {
		t.Errorf("check names the wording: %v %+v", err, res.Scripts)
	}
	if _, err := desk.Visits.Register(in); err != nil {
		t.Fatalf("approved wording refused: %v", err)
	}
}
