package app

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store"
)

// The case view shows what a case is (issue 12, item 6): who handles it,
// its deadline and which clock that is, the numbers of people, its marks,
// its category, where the problem is, whom it is about; and every event,
// named in Chinese, masked as the rest of the case.

func fieldOf(e TimelineEntry, label string) string {
	for _, f := range e.Details {
		if f.Label == label {
			return f.Value
		}
	}
	return ""
}

func entryOf(d CaseDetail, kind string) (TimelineEntry, int) {
	for i, e := range d.Timeline {
		if e.Kind == kind {
			return e, i
		}
	}
	return TimelineEntry{}, -1
}

// registered registers, as clerk1 of a set-up office on the test clock's
// 2026-03-02, the base visit changed by edit (nil: reported to the head as
// it is). 某村委会 is on file and receives 交办 (assignVillage).
func registered(t *testing.T, edit func(*RegisterInput)) (*App, *clock, Bound, Registered) {
	t.Helper()
	a, clk := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	assignee(t, a, "某村委会")
	in := baseInput()
	if edit != nil {
		edit(&in)
	}
	r, err := b.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	return a, clk, b, r
}

// assignVillage is the disposal most case-view tests start from: 交办 to
// 某村委会, due 2026-03-20.
func assignVillage(in *RegisterInput) {
	in.Disposal, in.Unit, in.Due = string(casestate.Assign), "某村委会", "2026-03-20"
}

func TestTheCaseViewShowsTheWholeCase(t *testing.T) {
	const opinion = "请村委会核实工资发放情况"
	_, _, b, r := registered(t, func(in *RegisterInput) {
		assignVillage(in)
		in.Opinion = opinion
		in.Present, in.Involved, in.Urgent, in.SkipLevel = 2, 40, true, true
		in.Site, in.Accused = "某厂区门口", "某公司负责人"
	})
	d, err := b.Cases.Get(r.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	// Assigned on 2026-03-02 with the slip's date: the acceptance notice is
	// still owed the petitioner beside the slip's 交办期限.
	if d.Unit != "某村委会" || clocksOf(d) != "受理告知期限 2026-03-17, 交办期限 2026-03-20" {
		t.Errorf("unit %q, clocks %s", d.Unit, clocksOf(d))
	}
	if d.Present != 2 || d.Involved != 40 {
		t.Errorf("present %d, involved %d", d.Present, d.Involved)
	}
	for _, f := range []string{"重大紧急", "越级访"} {
		if !slices.Contains(d.Flags, f) {
			t.Errorf("flags %v lack %s", d.Flags, f)
		}
	}
	if !strings.HasPrefix(d.CategoryLabel, "劳动") || !strings.Contains(d.CategoryLabel, " / ") {
		t.Errorf("category %q (code %s)", d.CategoryLabel, d.Category)
	}
	if d.Place != "某镇某村 某厂区门口" || d.Accused != "某公司负责人" || d.Opinion != opinion ||
		d.DispDetail != "某村委会" || d.RegisteredBy != "clerk1" {
		t.Errorf("place %q, accused %q, opinion %q, detail %q, by %q", d.Place, d.Accused, d.Opinion, d.DispDetail, d.RegisteredBy)
	}

	// Registered and not yet accepted: the acceptance notice's clock.
	in := baseInput()
	in.Disposal = string(casestate.ReportToHead)
	r, err = b.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	if d, _ = b.Cases.Get(r.CaseID); clocksOf(d) != "受理告知期限 2026-03-17" {
		t.Errorf("registered: clocks %s", clocksOf(d))
	}
}

// clocksOf lists a case view's clocks as "label legal, …".
func clocksOf(d CaseDetail) string {
	var out []string
	for _, k := range d.Clocks {
		out = append(out, k.Label+" "+k.Legal)
	}
	return strings.Join(out, ", ")
}

// Every kind of thing that happens to a case is on its timeline, in the
// order it happened, named in Chinese: the registration with its record,
// the disposal at the desk, the task and its feedback, a letter, a later
// visit, a correction, the reply and the closing.
func TestTheTimelineShowsEveryEvent(t *testing.T) {
	a, clk, b, r := registered(t, assignVillage)
	st, _ := a.store()
	day := civil.DateOf(clk.now())
	// The department reports back and a 受理告知书 goes out (as a file of
	// an older version and a generated office hold them: no event).
	if err := st.Update(func(tx *store.Tx) error {
		ts, err := tx.CaseTasks(r.CaseID)
		if err != nil || len(ts) != 1 {
			t.Fatalf("tasks %v %v", ts, err)
		}
		k := ts[0]
		k.Feedback, k.FeedbackText = store.StampOf(clk.now().AddDate(0, 0, 5)), "已督促公司补发工资。"
		if err := tx.SaveTask(&k); err != nil {
			return err
		}
		return tx.IssueLetter(&store.Letter{Case: r.CaseID, Type: "受理告知书", Issued: day.AddDays(2), Year: 2026})
	}); err != nil {
		t.Fatal(err)
	}
	clk.add(10 * 60e9)
	if _, err := b.Cases.AddRecord(r.CaseID, CaseRecord{RecordInput: RecordInput{Statement: "来访人称工资已补发一半。"}}); err != nil {
		t.Fatal(err)
	}
	d, _ := b.Cases.Get(r.CaseID)
	later, _ := entryOf(d, store.EventRecord)
	clk.add(10 * 60e9)
	if _, err := b.Cases.CorrectRecord(r.CaseID, later.ID, CaseRecord{RecordInput: RecordInput{Statement: "来访人称工资已补发大半。"}}); err != nil {
		t.Fatal(err)
	}
	// Replied and closed.
	if err := st.Update(func(tx *store.Tx) error {
		c, err := tx.Case(r.CaseID)
		if err != nil {
			return err
		}
		c.Reply, c.Outcome, c.Served, c.ServedHow = "经核实，公司已补发全部工资。", "予以支持", day.AddDays(20), "当面送达"
		c.Closed, c.Status = day.AddDays(25), string(casestate.Closed)
		return tx.UpdateCase(c, nil, nil)
	}); err != nil {
		t.Fatal(err)
	}
	d, err := b.Cases.Get(r.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	var kinds, labels []string
	keys := map[string]bool{}
	for _, e := range d.Timeline {
		kinds, labels = append(kinds, e.Kind), append(labels, e.Label)
		if keys[e.Key] || e.Key == "" {
			t.Errorf("key %q twice or empty", e.Key)
		}
		keys[e.Key] = true
	}
	want := []string{store.EventIntake, store.EventDecision, store.EventTask, store.EventRecord, store.EventCorrection,
		store.EventLetter, KindFeedback, store.EventReply, KindClosed}
	if !slices.Equal(kinds, want) {
		t.Errorf("kinds %v,\nwant %v", kinds, want)
	}
	if !slices.Equal(labels, []string{"来访登记", "处理", "交办", "再次来访", "更正接谈记录", "出具文书", "办理反馈", "答复", "办结"}) {
		t.Errorf("labels %v", labels)
	}
	disp, _ := entryOf(d, store.EventDecision)
	task, _ := entryOf(d, store.EventTask)
	fb, _ := entryOf(d, KindFeedback)
	reply, _ := entryOf(d, store.EventReply)
	closed, _ := entryOf(d, KindClosed)
	if fieldOf(disp, "处理方式") != "交办" || fieldOf(disp, "承办单位") != "某村委会" {
		t.Errorf("disposal %+v", disp.Details)
	}
	if fieldOf(task, "承办单位") != "某村委会" || fieldOf(task, "办理期限") != "2026-03-20" {
		t.Errorf("task %+v", task.Details)
	}
	if fb.Text != "已督促公司补发工资。" || reply.Text != "经核实，公司已补发全部工资。" || fieldOf(reply, "送达方式") != "当面送达" {
		t.Errorf("feedback %q, reply %+v", fb.Text, reply)
	}
	if closed.At != day.AddDays(25).String() || fieldOf(closed, "处理结果") != "予以支持" {
		t.Errorf("closed %+v", closed)
	}
}

// A confidential case shows a session without the reveal nothing of its
// text anywhere on the case view, and its accused hidden: not to a reader,
// not to a head with the grant before he reveals it. After the reveal,
// Cases.Get in the same session shows what Reveal showed.
func TestTheAccusedOfAConfidentialCaseIsHiddenUntilRevealed(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	in := baseInput()
	in.Type, in.Title, in.Accused = TypeReport, "反映某站所负责人违规收费", "某站所负责人张某"
	in.Site, in.Opinion, in.RiskTags = "某站所办公楼", "建议转纪检部门核查", []string{"扬言上访"}
	in.People = in.People[:1]
	in.Present, in.Involved = 1, 0
	in.Record.RiskNotes = "情绪激动"
	r, err := b.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{in.Title, in.Accused, in.Site, in.Opinion, "扬言上访", "情绪激动", in.Demand, in.Facts,
		in.Record.Statement, in.People[0].Name, in.People[0].IDNumber}
	leaks := func(d CaseDetail) []string {
		raw, _ := json.Marshal(d)
		var out []string
		for _, s := range secrets {
			if strings.Contains(string(raw), s) {
				out = append(out, s)
			}
		}
		return out
	}
	reader := clerk(t, a, "reader1", RoleReader, false)
	head := clerk(t, a, "head1", RoleHead, true)
	handler := clerk(t, a, "handler1", RoleHandler, true)
	sendToHandler(t, a, "handler1", r.CaseID)
	for name, s := range map[string]Bound{"clerk": b, "reader": reader, "head": head, "handler": handler} {
		d, err := s.Cases.Get(r.CaseID)
		if err != nil {
			t.Fatal(err)
		}
		if l := leaks(d); len(l) > 0 {
			t.Errorf("%s sees %v", name, l)
		}
		if d.Accused != Hidden || d.Identified || len(d.RiskTags) != 0 {
			t.Errorf("%s: accused %q, identified %v, risk %v", name, d.Accused, d.Identified, d.RiskTags)
		}
		if d.MayReveal != (name == "head" || name == "handler") {
			t.Errorf("%s: may reveal %v", name, d.MayReveal)
		}
		// What it is stays: its marks, its number of people, its disposal.
		if !slices.Contains(d.Flags, "检举保密") || d.Present != 1 || d.Disposal != "呈报领导" || len(d.Timeline) < 2 {
			t.Errorf("%s: %v %d %q %d", name, d.Flags, d.Present, d.Disposal, len(d.Timeline))
		}
	}
	got, err := head.Privacy.Reveal(r.CaseID, "约谈核实举报内容")
	if err != nil {
		t.Fatal(err)
	}
	d, err := head.Cases.Get(r.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Identified || d.MayReveal || d.Accused != got.Accused || d.Title != in.Title || d.Place != "某镇某村 某站所办公楼" ||
		!slices.Equal(d.RiskTags, got.RiskTags) || d.Timeline[0].Record.RiskNotes != got.RiskNotes[0] {
		t.Errorf("after the reveal: %+v\nrevealed %+v", d, got)
	}
	if !reflect.DeepEqual(d.People[0].PersonView, got.People[0]) {
		t.Errorf("people %+v, revealed %+v", d.People[0].PersonView, got.People[0])
	}
	// A handler's reveal covers what confidentiality hides, not what his
	// role may not see: no risk tags or notes.
	if _, err := handler.Privacy.Reveal(r.CaseID, "核实举报事项"); err != nil {
		t.Fatal(err)
	}
	d, _ = handler.Cases.Get(r.CaseID)
	if d.Accused != in.Accused || len(d.RiskTags) != 0 || d.Timeline[0].Record.RiskNotes != "" || !d.People[0].Masked {
		t.Errorf("a handler after the reveal: %q %v %+v", d.Accused, d.RiskTags, d.People[0])
	}
	// Another session of the head has not revealed it.
	if d, _ := clerk(t, a, "head2", RoleHead, true).Cases.Get(r.CaseID); d.Accused != Hidden || !d.MayReveal {
		t.Errorf("another session: %q %v", d.Accused, d.MayReveal)
	}
}

// Today's list gives every mark of a visit's case, as the printed form.
func TestTodayGivesEveryFlag(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	in := baseInput()
	in.Urgent, in.Litigation = true, true
	if _, err := b.Visits.Register(in); err != nil {
		t.Fatal(err)
	}
	list, err := b.Visits.Today()
	if err != nil || len(list) != 1 {
		t.Fatalf("%v %v", list, err)
	}
	f, err := b.Visits.Form(list[0].CaseID, list[0].VisitID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(list[0].Flags, "重大紧急") || !slices.Contains(list[0].Flags, "涉法涉诉") || !slices.Equal(list[0].Flags, f.Flags) {
		t.Errorf("today %v, form %v", list[0].Flags, f.Flags)
	}
}
