package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/deadline"
	"laifang/store"
)

// stepOffice is an office with a clerk, a head and a handler, and the
// test clock; each acts through a session signed in now (the clock moves
// by weeks, past any idle lock).
type stepOffice struct {
	a     *App
	clock *clock
}

func newStepOffice(t *testing.T) *stepOffice {
	t.Helper()
	a, c := testApp(t)
	setUp(t, a)
	for _, u := range []struct{ login, role string }{{"clerk1", RoleClerk}, {"head1", RoleHead}, {"handler1", RoleHandler}} {
		addUser(t, a, u.login, u.role, false)
	}
	return &stepOffice{a: a, clock: c}
}

// as is a fresh session of the user login.
func (o *stepOffice) as(t *testing.T, login string) *Cases {
	t.Helper()
	st, _ := o.a.store()
	var u *store.User
	if err := st.View(func(tx *store.Tx) (err error) { u, err = tx.UserByLogin(login); return err }); err != nil {
		t.Fatal(err)
	}
	s := NewSession("测试", false)
	s.signIn(actorOf(u), o.a.now())
	return o.a.bind(s).Cases
}

// on moves the clock to day (09:00).
func (o *stepOffice) on(day string) {
	d, _ := time.ParseInLocation("2006-01-02", day, time.Local)
	o.clock.mu.Lock()
	o.clock.t = d.Add(9 * time.Hour)
	o.clock.mu.Unlock()
}

// registered makes a case received and registered today, waiting for a disposal.
func (o *stepOffice) registered(t *testing.T) uint64 {
	t.Helper()
	id, _ := intakeOne(t, o.a, store.Person{Name: "测试甲"}, store.Case{Title: "工资拖欠", Type: TypeComplaint,
		Received: store.StampOf(o.a.now()), Status: string(casestate.Registered)}, "某公司拖欠三个月工资")
	return id
}

// offers lists the actions of the steps c offers on the case.
func offers(t *testing.T, c *Cases, id uint64) []string {
	t.Helper()
	s := must(c.Steps(id))(t)
	out := []string{}
	for _, o := range s.Steps {
		out = append(out, o.Action)
	}
	return out
}

// suggested is what the dialog of step action opens field with.
func suggested(t *testing.T, c *Cases, id uint64, action, field string) string {
	t.Helper()
	for _, o := range must(c.Steps(id))(t).Steps {
		if o.Action == action {
			return o.Suggested[field]
		}
	}
	t.Fatalf("%s not offered", action)
	return ""
}

// step takes a step on the revision the session reads now.
func step(t *testing.T, c *Cases, id uint64, in StepInput) error {
	t.Helper()
	s, err := c.Steps(id)
	if err != nil {
		t.Fatal(err)
	}
	in.Rev = s.Rev
	_, err = c.Step(id, in)
	return err
}

func mustStep(t *testing.T, c *Cases, id uint64, in StepInput) {
	t.Helper()
	if err := step(t, c, id, in); err != nil {
		t.Fatalf("%s: %v", in.Action, err)
	}
}

// refusedOn asserts err is a refusal with code on field.
func refusedOn(t *testing.T, err error, field, code string) {
	t.Helper()
	e := AsError(err)
	if e == nil {
		t.Fatalf("accepted; want %s on %s", code, field)
	}
	got := e.Field
	gotCode := e.Code
	if len(e.Fields) > 0 {
		got, gotCode = e.Fields[0].Field, e.Fields[0].Code
	}
	if got != field || gotCode != code {
		t.Fatalf("refused with %s on %q (%s); want %s on %q", gotCode, got, e.Message, code, field)
	}
}

func (o *stepOffice) stored(t *testing.T, id uint64) *store.Case {
	t.Helper()
	st, _ := o.a.store()
	c, err := st.Case(id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// reply takes a case from registration to a served reply: accepted on
// 2026-03-02, work started, the reply on 2026-03-25 served on 2026-03-26.
func (o *stepOffice) reply(t *testing.T, outcome string) uint64 {
	t.Helper()
	o.on("2026-03-02")
	id := o.registered(t)
	mustStep(t, o.as(t, "head1"), id, StepInput{Action: "accept"})
	mustStep(t, o.as(t, "handler1"), id, StepInput{Action: "start_work"})
	o.on("2026-03-26")
	mustStep(t, o.as(t, "head1"), id, StepInput{Action: "reply", Date: "2026-03-25", Outcome: outcome, Text: "经核实，已责成某公司结清工资。"})
	mustStep(t, o.as(t, "clerk1"), id, StepInput{Action: RecordServeReply, Date: "2026-03-26", How: "直接送达", ReceiptNo: "SD-0001"})
	return id
}

func TestACaseGoesFromAcceptanceToItsArchive(t *testing.T) {
	o := newStepOffice(t)
	o.on("2026-03-02")
	id := o.registered(t)

	if got := offers(t, o.as(t, "handler1"), id); slices.Contains(got, "accept") {
		t.Errorf("a handler is offered 受理: %v", got)
	}
	head := o.as(t, "head1")
	if got := offers(t, head, id); !slices.Contains(got, "accept") || slices.Contains(got, "transfer") ||
		slices.Contains(got, "register") {
		t.Errorf("the head is offered %v on a registered case", got)
	}
	refusedOn(t, step(t, head, id, StepInput{Action: "accept", Date: "2026-03-03"}), "date", CodeFuture)
	mustStep(t, head, id, StepInput{Action: "accept"})
	c := o.stored(t, id)
	if c.Status != string(casestate.Accepted) || c.Accepted.String() != "2026-03-02" || c.Disposal != "受理" {
		t.Fatalf("accepted: status %s, accepted %s, disposal %s", c.Status, c.Accepted, c.Disposal)
	}
	if c.Due == 0 {
		t.Error("an accepted case has no due date")
	}

	// The acceptance notice, served: a record, not a change of state.
	clerk := o.as(t, "clerk1")
	refusedOn(t, step(t, clerk, id, StepInput{Action: RecordServeNotice, Date: "2026-03-02", How: "飞鸽传书"}), "how", CodeStepChoice)
	mustStep(t, clerk, id, StepInput{Action: RecordServeNotice, Date: "2026-03-02", How: "邮寄送达"})
	if c = o.stored(t, id); c.NoticeServed.String() != "2026-03-02" || c.Status != string(casestate.Accepted) {
		t.Fatalf("notice served %s, status %s", c.NoticeServed, c.Status)
	}
	if slices.Contains(offers(t, clerk, id), RecordServeNotice) {
		t.Error("the notice is offered again once served")
	}

	if err := step(t, clerk, id, StepInput{Action: "start_work"}); code(err) != "casestate.role" {
		t.Errorf("a clerk starts work: %v", err)
	}
	mustStep(t, o.as(t, "handler1"), id, StepInput{Action: "start_work"})

	o.on("2026-03-20")
	head = o.as(t, "head1")
	if err := step(t, o.as(t, "handler1"), id, StepInput{Action: "extend", Days: 30, Reason: "需调取工资台账"}); code(err) != "casestate.role" {
		t.Errorf("a handler extends: %v", err)
	}
	refusedOn(t, step(t, head, id, StepInput{Action: "extend", Days: 45, Reason: "需调取工资台账"}), "days", "casestate.days_max")
	refusedOn(t, step(t, head, id, StepInput{Action: "extend", Days: 30}), "reason", CodeRequired)
	mustStep(t, head, id, StepInput{Action: "extend", Days: 30, Reason: "需调取工资台账"})
	c = o.stored(t, id)
	if c.ExtDays != 30 || c.ExtOn.String() != "2026-03-20" || c.ExtReason != "需调取工资台账" || c.ExtBy == 0 ||
		c.Status != string(casestate.Extended) {
		t.Fatalf("extension: %d days on %s by %d, %q, status %s", c.ExtDays, c.ExtOn, c.ExtBy, c.ExtReason, c.Status)
	}
	if err := step(t, head, id, StepInput{Action: "extend", Days: 10, Reason: "再延"}); code(err) != "casestate.not_allowed" {
		t.Errorf("a second extension: %v", err)
	}

	o.on("2026-04-10")
	head = o.as(t, "head1")
	reply := StepInput{Action: "reply", Outcome: "予以支持", Text: "经核实，已责成某公司于4月30日前结清工资。"}
	if err := step(t, o.as(t, "handler1"), id, reply); code(err) != "casestate.role" {
		t.Errorf("a handler signs the reply: %v", err)
	}
	early := reply
	early.Date = "2026-03-15"
	refusedOn(t, step(t, head, id, early), "date", CodeStepDateOrder)
	noText := reply
	noText.Text = ""
	refusedOn(t, step(t, head, id, noText), "text", CodeRequired)
	reply.Date = "2026-04-09"
	mustStep(t, head, id, reply)
	c = o.stored(t, id)
	if c.Status != string(casestate.Replied) || c.Outcome != "予以支持" || c.ReplyOn.String() != "2026-04-09" ||
		c.ReplyBy == 0 || c.Reply != reply.Text {
		t.Fatalf("reply: status %s outcome %s on %s by %d", c.Status, c.Outcome, c.ReplyOn, c.ReplyBy)
	}

	clerk = o.as(t, "clerk1")
	if slices.Contains(offers(t, clerk, id), RecordRating) {
		t.Error("satisfaction offered before the reply is served")
	}
	refusedOn(t, step(t, clerk, id, StepInput{Action: RecordServeReply, Date: "2026-04-08", How: "直接送达"}), "date", CodeStepDateOrder)
	mustStep(t, clerk, id, StepInput{Action: RecordServeReply, Date: "2026-04-10", How: "直接送达", ReceiptNo: "SD-0001"})
	if c = o.stored(t, id); c.Served.String() != "2026-04-10" || c.ServedHow != "直接送达" {
		t.Fatalf("served %s %s", c.Served, c.ServedHow)
	}

	mustStep(t, clerk, id, StepInput{Action: RecordRating, Rating: "基本满意", Date: "2026-04-10"})
	refusedOn(t, step(t, clerk, id, StepInput{Action: RecordRating, Rating: "满意", Date: "2026-04-10"}), "reason", CodeRequired)
	mustStep(t, clerk, id, StepInput{Action: RecordRating, Rating: "满意", Date: "2026-04-10", Reason: "信访人当面更正"})
	if c = o.stored(t, id); c.Satisfaction != "满意" || c.SatisfiedOn.String() != "2026-04-10" || c.SatisfiedBy == 0 {
		t.Fatalf("satisfaction %s on %s by %d", c.Satisfaction, c.SatisfiedOn, c.SatisfiedBy)
	}
	mustStep(t, o.as(t, "handler1"), id, StepInput{Action: RecordImplemented, Date: "2026-04-10", Text: "工资已结清"})
	if c = o.stored(t, id); c.Implemented.String() != "2026-04-10" {
		t.Fatalf("implemented %s", c.Implemented)
	}

	// The 复查 window runs 30 days from service: not closable before.
	if slices.Contains(offers(t, clerk, id), "review_lapsed") {
		t.Error("the review window offered as lapsed on the day of service")
	}
	if err := step(t, clerk, id, StepInput{Action: "review_lapsed"}); code(err) != "step.not_now" {
		t.Errorf("closing a running window: %v", err)
	}
	o.on("2026-05-20")
	clerk = o.as(t, "clerk1")
	if !slices.Contains(offers(t, clerk, id), "review_lapsed") {
		t.Fatalf("the lapsed window is not offered: %v", offers(t, clerk, id))
	}
	mustStep(t, clerk, id, StepInput{Action: "review_lapsed"})
	if c = o.stored(t, id); c.Status != string(casestate.Closed) || c.Closed.String() != "2026-05-20" {
		t.Fatalf("closed: %s on %s", c.Status, c.Closed)
	}

	if got := suggested(t, clerk, id, "archive", "archiveNo"); got != "2026-GD-0001" {
		t.Errorf("suggested archive number %q", got)
	}
	mustStep(t, clerk, id, StepInput{Action: "archive"})
	if c = o.stored(t, id); c.Status != string(casestate.Archived) || c.ArchiveNo != "2026-GD-0001" {
		t.Fatalf("archived: %s %q", c.Status, c.ArchiveNo)
	}
	if got := offers(t, clerk, id); len(got) != 0 {
		t.Errorf("an archived case offers %v", got)
	}

	// Every step is on the timeline with who and when, and in the audit log.
	d := must(clerk.Get(id))(t)
	want := []struct{ kind, by, text string }{
		{store.EventStatus, "head1", "受理"}, {KindServed, "clerk1", "送达受理告知书"},
		{store.EventStatus, "handler1", "开始办理"}, {store.EventStatus, "head1", "延期"},
		{store.EventReply, "head1", "出具处理意见书"}, {KindServed, "clerk1", "送达处理意见书"},
		{KindRating, "clerk1", "满意度评价"}, {KindRating, "clerk1", "更正满意度评价"},
		{KindImplemented, "handler1", "执行落实"}, {store.EventStatus, "clerk1", "复查期限届满"},
		{store.EventStatus, "clerk1", "归档"},
	}
	var got []TimelineEntry
	for _, e := range d.Timeline {
		if e.ID != 0 && e.Kind != store.EventIntake {
			got = append(got, e)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d step entries on the timeline, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Kind != w.kind || got[i].By != w.by || !strings.HasPrefix(got[i].Text, w.text) || got[i].At == "" {
			t.Errorf("entry %d: %s by %q at %s %q; want %s by %s %q…", i, got[i].Kind, got[i].By, got[i].At, got[i].Text, w.kind, w.by, w.text)
		}
	}
	if !strings.Contains(got[5].Text, "SD-0001") || !strings.Contains(got[3].Text, "30天") {
		t.Errorf("the entries do not say what was recorded: %q, %q", got[5].Text, got[3].Text)
	}
	rows := must(o.a.bind(addUser(t, o.a, "head2", RoleHead, false)).Audit.List(AuditQuery{Limit: 100}))(t)
	n := 0
	for _, r := range rows.Rows {
		if slices.Contains([]string{ActionStep, ActionServe, ActionRating, ActionArchive}, r.Action) && r.EntityID == id {
			n++
		}
	}
	if n != len(want) {
		t.Errorf("%d audit entries of the steps, want %d", n, len(want))
	}
}

func TestReviewUpheldThenRecheckWithAHearingTerminates(t *testing.T) {
	o := newStepOffice(t)
	id := o.reply(t, "不予支持")
	clerk := o.as(t, "clerk1")
	if slices.Contains(offers(t, clerk, id), RecordImplemented) {
		t.Error("执行落实 offered after a reply that supports nothing")
	}
	admin := o.a.bind(addUser(t, o.a, "admin2", RoleAdmin, false)).Settings
	set := must(admin.Get())(t)
	set.ReviewOrg, set.RecheckOrg = "某县人民政府", "某市人民政府"
	must(admin.Save(set))(t)
	if got := suggested(t, clerk, id, "request_review", "body"); got != "某县人民政府" {
		t.Errorf("the 复查机关 suggested: %q", got)
	}
	refusedOn(t, step(t, clerk, id, StepInput{Action: "request_review", Date: "2026-03-20"}), "date", CodeStepDateOrder)
	mustStep(t, clerk, id, StepInput{Action: "request_review", Date: "2026-03-26"})
	refusedOn(t, step(t, clerk, id, StepInput{Action: "review_done", Date: "2026-03-26"}), "result", CodeRequired)
	mustStep(t, clerk, id, StepInput{Action: "review_done", Date: "2026-03-26", Result: "维持"})
	c := o.stored(t, id)
	if c.Status != string(casestate.Reviewed) || c.ReviewAsked.String() != "2026-03-26" || c.ReviewBody != "某县人民政府" ||
		c.ReviewResult != "维持" || c.ReviewServed.String() != "2026-03-26" {
		t.Fatalf("review: %s asked %s of %q, %s served %s", c.Status, c.ReviewAsked, c.ReviewBody, c.ReviewResult, c.ReviewServed)
	}
	if got := offers(t, clerk, id); slices.Contains(got, "recheck_lapsed") || !slices.Contains(got, "request_recheck") {
		t.Errorf("after the review: %v", got)
	}
	mustStep(t, clerk, id, StepInput{Action: "request_recheck", Date: "2026-03-26"})
	if !slices.Contains(offers(t, clerk, id), RecordHearing) {
		t.Fatal("no hearing offered during 复核")
	}
	refusedOn(t, step(t, clerk, id, StepInput{Action: RecordHearing}), "days", CodeStepDays)
	mustStep(t, clerk, id, StepInput{Action: RecordHearing, Days: 7, Text: "召开听证会"})
	if c = o.stored(t, id); c.HearingDays != 7 {
		t.Fatalf("hearing days %d", c.HearingDays)
	}
	mustStep(t, clerk, id, StepInput{Action: "recheck_done", Date: "2026-03-26", Result: "维持"})
	c = o.stored(t, id)
	if c.Status != string(casestate.Terminated) || c.RecheckResult != "维持" || c.RecheckBody != "某市人民政府" ||
		c.Closed.String() != "2026-03-26" {
		t.Fatalf("recheck: %s %s of %q closed %s", c.Status, c.RecheckResult, c.RecheckBody, c.Closed)
	}
	for _, o := range must(clerk.Steps(id))(t).Steps {
		if o.Kind == "step" && o.Action != "archive" {
			t.Errorf("a terminated case offers %s", o.Action)
		}
	}
}

func TestReviewOrdersTheCaseRedoneAndItIsWorkedAgain(t *testing.T) {
	o := newStepOffice(t)
	id := o.reply(t, "解释说明")
	head := o.as(t, "head1")
	mustStep(t, head, id, StepInput{Action: "request_review", Date: "2026-03-26", Body: "某县人民政府"})
	mustStep(t, head, id, StepInput{Action: "review_redo", Date: "2026-03-26"})
	if c := o.stored(t, id); c.Status != string(casestate.Reopened) || c.ReviewResult != "责令重新办理" {
		t.Fatalf("redo: %s %s", c.Status, c.ReviewResult)
	}
	mustStep(t, o.as(t, "handler1"), id, StepInput{Action: "resume"})
	if c := o.stored(t, id); c.Status != string(casestate.InProgress) {
		t.Fatalf("resumed: %s", c.Status)
	}
	mustStep(t, head, id, StepInput{Action: "extend", Days: 20, Reason: "重新调查"})
	// The extension is granted once: a case worked again keeps it.
	mustStep(t, head, id, StepInput{Action: "reply", Date: "2026-03-26", Outcome: "予以支持", Text: "重新办理后予以支持。"})
	if c := o.stored(t, id); c.Served != 0 || c.Outcome != "予以支持" {
		t.Fatalf("the new reply: served %s, outcome %s", c.Served, c.Outcome)
	}
}

// A matter ordered redone is handled in a new period from the day work
// starts again, with an extension of its own (art. 34, once per period);
// the extension of the first period does not carry over.
func TestARedoHasItsOwnHandlingPeriodAndExtension(t *testing.T) {
	o := newStepOffice(t)
	o.on("2026-03-02")
	id := o.registered(t)
	head := o.as(t, "head1")
	mustStep(t, head, id, StepInput{Action: "accept"})
	mustStep(t, head, id, StepInput{Action: "start_work"})
	mustStep(t, head, id, StepInput{Action: "extend", Days: 30, Reason: "需调取工资台账"})
	// Extended: the state offers no second extension.
	if err := step(t, head, id, StepInput{Action: "extend", Days: 10, Reason: "再延"}); code(err) != "casestate.not_allowed" {
		t.Errorf("a second extension: %v", err)
	}
	mustStep(t, head, id, StepInput{Action: "reply", Outcome: "解释说明", Text: "答复"})
	mustStep(t, head, id, StepInput{Action: RecordServeReply, How: "直接送达"})
	mustStep(t, head, id, StepInput{Action: "request_review", Body: "某县人民政府"})
	o.on("2026-04-08")
	head = o.as(t, "head1") // weeks later: a new sign-in
	mustStep(t, head, id, StepInput{Action: "review_redo"})
	mustStep(t, head, id, StepInput{Action: "resume"})
	handling := func() string {
		for _, k := range o.stored(t, id).Clocks {
			if k.Clock == string(deadline.Handling) {
				return k.Legal.String()
			}
		}
		return ""
	}
	// 60 days from 2026-04-08 is Sun 2026-06-07: the next working day (the
	// first period, 60 + 30 days from 2026-03-02, would end on 2026-06-01).
	if got := handling(); got != "2026-06-08" {
		t.Errorf("the redo's 办理期限 %s, want 2026-06-08 (60 days from 2026-04-08, not from the first acceptance)", got)
	}
	mustStep(t, head, id, StepInput{Action: "extend", Days: 10, Reason: "重新调查需时"})
	if got := handling(); got != "2026-06-17" {
		t.Errorf("extended by 10 days: %s, want 2026-06-17", got)
	}
	if err := step(t, head, id, StepInput{Action: "extend", Days: 5, Reason: "再延"}); code(err) != "casestate.not_allowed" {
		t.Errorf("a second extension in the redo: %v", err)
	}
}

func TestAStepOnAStaleRevisionIsRefused(t *testing.T) {
	o := newStepOffice(t)
	o.on("2026-03-02")
	id := o.registered(t)
	head, clerk := o.as(t, "head1"), o.as(t, "clerk1")
	read := must(clerk.Steps(id))(t)
	mustStep(t, head, id, StepInput{Action: "accept"})
	_, err := clerk.Step(id, StepInput{Action: RecordServeNotice, Rev: read.Rev, How: "直接送达"})
	if code(err) != CodeStale {
		t.Fatalf("a step on a stale revision: %v", err)
	}
	if c := o.stored(t, id); c.NoticeServed != 0 {
		t.Error("the stale step was written")
	}
}

func TestAnArchiveNumberIsUnique(t *testing.T) {
	o := newStepOffice(t)
	o.on("2026-03-02")
	var ids []uint64
	clerk := o.as(t, "clerk1")
	for range 2 {
		id := o.registered(t)
		mustStep(t, clerk, id, StepInput{Action: "redirect", Body: "某县人民法院"})
		ids = append(ids, id)
	}
	mustStep(t, clerk, ids[0], StepInput{Action: "archive", ArchiveNo: "2026-GD-0001"})
	refusedOn(t, step(t, clerk, ids[1], StepInput{Action: "archive", ArchiveNo: "2026-GD-0001"}), "archiveNo", CodeStepArchiveNo)
	if got := suggested(t, clerk, ids[1], "archive", "archiveNo"); got != "2026-GD-0002" {
		t.Errorf("suggested %q after 0001 was typed by hand", got)
	}
	mustStep(t, clerk, ids[1], StepInput{Action: "archive"})
	if c := o.stored(t, ids[1]); c.ArchiveNo != "2026-GD-0002" {
		t.Errorf("archived as %q", c.ArchiveNo)
	}
	st, _ := o.a.store()
	if r, err := st.Check(); err != nil || len(r.Problems) > 0 {
		t.Errorf("check: %v %v", err, r.Problems)
	}
}

func TestStepsOfferedFollowTheRole(t *testing.T) {
	o := newStepOffice(t)
	o.on("2026-03-02")
	id := o.registered(t)
	reader := o.a.bind(addUser(t, o.a, "reader1", RoleReader, false)).Cases
	if got := offers(t, reader, id); len(got) != 0 {
		t.Errorf("a reader is offered %v", got)
	}
	if err := step(t, reader, id, StepInput{Action: "accept"}); code(err) != "casestate.role" {
		t.Errorf("a reader accepts: %v", err)
	}
	if err := step(t, o.as(t, "head1"), id, StepInput{Action: "transfer_done"}); code(err) == "" {
		t.Error("a department's step taken from the case view")
	}
}

func TestNotAcceptingTakesAReasonFromTheOfficesList(t *testing.T) {
	o := newStepOffice(t)
	o.on("2026-03-02")
	id := o.registered(t)
	head := o.as(t, "head1")
	var opt *StepOption
	for _, s := range must(head.Steps(id))(t).Steps {
		if s.Action == "not_accept" {
			opt = &s
		}
	}
	if opt == nil || len(opt.Choices["reason"]) == 0 {
		t.Fatalf("不予受理 offered with no reasons to choose: %+v", opt)
	}
	refusedOn(t, step(t, head, id, StepInput{Action: "not_accept", Reason: "看着不顺眼"}), "reason", CodeStepChoice)
	pick := opt.Choices["reason"][0]
	mustStep(t, head, id, StepInput{Action: "not_accept", Reason: pick.Value})
	c := o.stored(t, id)
	if c.Status != string(casestate.NotAccepted) || c.Disposal != "不予受理" || c.DispReason != pick.Value {
		t.Fatalf("not accepted: %s %s %q", c.Status, c.Disposal, c.DispReason)
	}
	if d := must(head.Get(id))(t); d.DispDetail != pick.Label {
		t.Errorf("the case view shows the reason %q, want %q", d.DispDetail, pick.Label)
	}
}
