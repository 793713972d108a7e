package app

import (
	"encoding/json"
	"laifang/domain/letter"
	"os"
	"slices"
	"strings"
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store"
)

// letterOffice is a task office whose settings give letters a telephone
// and a 复查机关.
func letterOffice(t *testing.T) *taskOffice {
	t.Helper()
	o := newTaskOffice(t)
	st, _ := o.a.store()
	if err := st.Update(func(tx *store.Tx) error {
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		set.LetterPhone, set.ReviewOrg, set.RecheckOrg = "0571-88886666", "某某县人民政府", "某某市人民政府"
		return tx.SaveSettings(set)
	}); err != nil {
		t.Fatal(err)
	}
	return o
}

// accepted registers a visit on day that the head accepts at the desk.
func (o *taskOffice) accepted(t *testing.T, day string) uint64 {
	t.Helper()
	o.at(t, day)
	in := baseInput()
	in.Disposal = string(casestate.Accept)
	in.ReceivedAt, in.Record.Start, in.Record.End = day+"T08:40", day+"T08:45", day+"T08:58"
	r, err := o.head.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	return r.CaseID
}

func paragraphs(d LetterDoc) string { return strings.Join(d.Paragraphs, "\n") }

// The 受理告知书 of a case accepted on 2026-03-02: addressed to the main
// petitioner and the other who came, the dates written as letters write
// them, the reply due on 2026-05-06 (docs/DOMAIN.md §4.4: the 60 days end
// in the 劳动节 break); numbered 1, 2 … when issued, by the head only.
func TestAnAcceptanceLetterIsFilledFromTheCaseAndNumbered(t *testing.T) {
	o := letterOffice(t)
	caseID := o.accepted(t, "2026-03-02")
	in := LetterInput{Case: caseID, Kind: "accept"}
	d, err := o.head.Letters.Preview(in)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != 0 || d.No != "" || d.NoPreview != "某镇信受〔2026〕 号" {
		t.Errorf("a preview: id %d no %q noPreview %q", d.ID, d.No, d.NoPreview)
	}
	if d.Addressee != "测试甲等2人：" || d.Title != "信访事项受理告知书" || d.Sender != "某某镇人民政府" || d.Date != "2026年3月2日" {
		t.Errorf("addressee %q title %q sender %q date %q", d.Addressee, d.Title, d.Sender, d.Date)
	}
	body := paragraphs(d)
	for _, want := range []string{"你于2026年3月2日", "请求督促支付拖欠的工资", "受理日期为2026年3月2日", "在2026年5月6日前"} {
		if !strings.Contains(body, want) {
			t.Errorf("the letter does not say %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "{{") || len(d.Missing) != 0 || d.Contact != "联系人：head1，联系电话：0571-88886666" {
		t.Errorf("missing %v, contact %q", d.Missing, d.Contact)
	}

	// the head issues; a clerk may not issue the head's letter
	if _, err := o.clerk.Letters.Issue(in); code(err) != CodeForbidden {
		t.Errorf("a clerk issues a 受理告知书: %v", err)
	}
	first, err := o.head.Letters.Issue(in)
	if err != nil {
		t.Fatal(err)
	}
	second := must(o.head.Letters.Issue(in))(t)
	if first.No != "某镇信受〔2026〕1号" || second.No != "某镇信受〔2026〕2号" || first.IssuedBy != "head1" ||
		first.IssuedAt != "2026-03-02 09:00" || paragraphs(first) != body {
		t.Errorf("issued %q by %q at %q, then %q", first.No, first.IssuedBy, first.IssuedAt, second.No)
	}
	if got := must(o.clerk.Letters.Get(first.ID))(t); got.No != first.No || paragraphs(got) != body {
		t.Errorf("read back: %+v", got)
	}
	// the case's timeline tells it
	c := must(o.clerk.Cases.Get(caseID))(t)
	if !slices.ContainsFunc(c.Timeline, func(e TimelineEntry) bool {
		return e.Kind == store.EventLetter && strings.Contains(e.Text, first.No)
	}) {
		t.Errorf("the timeline does not show %s", first.No)
	}
}

// What the case cannot give is named, with what it takes, and the letter
// is not issued; the text never shows a blank.
func TestMissingCaseDataIsNamedAndStopsTheLetter(t *testing.T) {
	o := newTaskOffice(t) // no telephone, no 复查机关 in the settings
	caseID := o.accepted(t, "2026-03-02")
	d := must(o.head.Letters.Preview(LetterInput{Case: caseID, Kind: "opinion"}))(t)
	var names []string
	for _, m := range d.Missing {
		names = append(names, m.Placeholder)
		if m.Takes == "" {
			t.Errorf("%s: no word on what it takes", m.Placeholder)
		}
	}
	for _, want := range []string{"答复内容", "答复结果", "复查机关", "联系电话"} {
		if !slices.Contains(names, want) {
			t.Errorf("missing %v, not %s", names, want)
		}
		if !strings.Contains(paragraphs(d)+d.Contact, "【待补："+want+"】") {
			t.Errorf("the preview does not mark %s", want)
		}
	}
	_, err := o.head.Letters.Issue(LetterInput{Case: caseID, Kind: "opinion"})
	if code(err) != CodeLetterMissing || !strings.Contains(AsError(err).Message, "复查机关") {
		t.Errorf("issued with data missing: %v", err)
	}
	if l := must(o.head.Letters.List(LetterQuery{Case: caseID}))(t); l.Total != 0 {
		t.Errorf("a refused letter is in the archive: %+v", l.Rows)
	}
}

// A correction is a new letter with a new number that names the one it
// replaces; the old one stays as it was, marked, and is corrected once.
func TestACorrectionSupersedesTheLetter(t *testing.T) {
	o := letterOffice(t)
	caseID := o.accepted(t, "2026-03-02")
	old := must(o.head.Letters.Issue(LetterInput{Case: caseID, Kind: "accept"}))(t)
	fix := must(o.head.Letters.Supersede(old.ID, LetterInput{Case: caseID, Kind: "accept"}))(t)
	if fix.No != "某镇信受〔2026〕2号" || fix.Supersedes != old.No {
		t.Errorf("the correction: %q supersedes %q", fix.No, fix.Supersedes)
	}
	if got := must(o.head.Letters.Get(old.ID))(t); got.SupersededBy != fix.No || paragraphs(got) != paragraphs(old) {
		t.Errorf("the old letter: superseded by %q", got.SupersededBy)
	}
	if _, err := o.head.Letters.Supersede(old.ID, LetterInput{Case: caseID, Kind: "accept"}); code(err) != CodeConflict {
		t.Errorf("a letter corrected twice: %v", err)
	}
	if _, err := o.head.Letters.Supersede(fix.ID, LetterInput{Case: caseID, Kind: "reject"}); code(err) != CodeLetterKind {
		t.Errorf("a correction of another kind: %v", err)
	}
	rows := must(o.head.Letters.List(LetterQuery{Case: caseID}))(t).Rows
	if len(rows) != 2 || rows[0].No != fix.No || rows[0].Superseded || !rows[1].Superseded {
		t.Errorf("the archive: %+v", rows)
	}
}

// Templates: a misspelled placeholder is refused at its line; a saved
// template is a new version that letters use and keep; a save over a
// newer one is refused; reset brings the built-in text back as a version.
func TestTemplatesAreVersionedAndLettersKeepTheirs(t *testing.T) {
	o := letterOffice(t)
	caseID := o.accepted(t, "2026-03-02")
	admin := o.a.Bound
	v0 := must(admin.Letters.Template("accept"))(t)
	if v0.Version != 0 || !v0.Builtin || !strings.Contains(v0.Body, "{{信访人称呼}}") {
		t.Fatalf("the built-in template: %+v", v0)
	}
	_, err := admin.Letters.SaveTemplate("accept", "{{信访人称呼}}：\n你于{{来访日其}}来访。", 0)
	if e := AsError(err); e.Field != "body" || !strings.Contains(e.Message, "第 2 行") || !strings.Contains(e.Message, "{{来访日其}}") ||
		!strings.Contains(e.Message, "{{来访日期}}") {
		t.Errorf("a misspelled placeholder: %+v", e)
	}
	if _, err := o.clerk.Letters.SaveTemplate("accept", "{{信访人称呼}}：\n正文。", 0); code(err) != CodeForbidden {
		t.Errorf("a clerk edits a template: %v", err)
	}
	v1 := must(o.head.Letters.SaveTemplate("accept", "标题：受理通知\n{{信访人称呼}}：\n你的来信收到了，{{登记编号}}。\n联系人：{{联系人}}，联系电话：{{联系电话}}", 0))(t)
	if v1.Version != 1 || v1.Builtin || v1.UpdatedBy != "head1" {
		t.Errorf("saved: %+v", v1)
	}
	if _, err := admin.Letters.SaveTemplate("accept", "{{信访人称呼}}：\n另一版。", 0); code(err) != CodeStale {
		t.Errorf("a save over a newer version: %v", err)
	}
	issued := must(o.head.Letters.Issue(LetterInput{Case: caseID, Kind: "accept"}))(t)
	if issued.Title != "受理通知" || issued.TemplateVersion != 1 {
		t.Errorf("issued with the saved template: %q v%d", issued.Title, issued.TemplateVersion)
	}
	// a draft previews without being saved, and is not issued
	draft := LetterInput{Case: caseID, Kind: "accept", Body: "{{信访人称呼}}：\n草稿{{诉求摘要}}"}
	if d := must(admin.Letters.Preview(draft))(t); paragraphs(d) != "草稿请求督促支付拖欠的工资" {
		t.Errorf("the draft's preview: %q", paragraphs(d))
	}
	if _, err := o.head.Letters.Issue(draft); code(err) != CodeLetterDraft {
		t.Errorf("issued from a draft: %v", err)
	}
	v2 := must(admin.Letters.ResetTemplate("accept"))(t)
	if v2.Version != 2 || !v2.Builtin || v2.Body != v0.Body {
		t.Errorf("reset: %+v", v2)
	}
	if got := must(o.head.Letters.Get(issued.ID))(t); got.Title != "受理通知" || got.TemplateVersion != 1 {
		t.Errorf("the issued letter changed with the template: %q v%d", got.Title, got.TemplateVersion)
	}
	if ts := must(o.clerk.Letters.Templates())(t); len(ts) != len(letter.Kinds) || ts[0].Kind != "accept" || ts[0].Version != 2 {
		t.Errorf("templates: %d, first %+v", len(ts), ts[0])
	}
}

// Slips go to the task's department with the task's requirement and
// date; the 催办单 names the 交办单's number and the latest 催办.
func TestSlipsCarryTheTask(t *testing.T) {
	o := letterOffice(t)
	caseID, task := o.assign(t, "2026-04-30", o.u1, "2026-05-29")
	slip := must(o.clerk.Letters.Issue(LetterInput{Task: task.ID, Kind: "assign"}))(t)
	if slip.Case != caseID || slip.Addressee != "劳动保障所：" || slip.No != "某镇信交〔2026〕1号" || slip.Form != "slip" {
		t.Errorf("the 交办单: %+v", slip)
	}
	row := func(d LetterDoc, label string) string {
		for _, r := range d.Rows {
			if r.Label == label {
				return r.Value
			}
		}
		return "(none)"
	}
	if row(slip, "办结时限") != "2026年5月29日" || row(slip, "信访人") != "测试甲等2人" || row(slip, "拟办意见") != "请核实工资发放情况并反馈" {
		t.Errorf("rows: %+v", slip.Rows)
	}
	if !slices.ContainsFunc(slip.Boxes, func(b LetterBox) bool { return strings.Contains(b.Title, "异议") }) {
		t.Errorf("no objection box: %+v", slip.Boxes)
	}
	if _, err := o.clerk.Letters.Issue(LetterInput{Task: task.ID, Kind: "forward"}); code(err) != CodeLetterNeeds {
		t.Errorf("a 转送单 for a 交办: %v", err)
	}
	// no 催办 recorded yet: the 催办单 names what it lacks
	d := must(o.clerk.Letters.Preview(LetterInput{Task: task.ID, Kind: "urge"}))(t)
	if !slices.ContainsFunc(d.Missing, func(m LetterMissing) bool { return m.Placeholder == "催办次数" }) {
		t.Errorf("a 催办单 before any 催办: missing %+v", d.Missing)
	}
	must(o.clerk.Tasks.Urge(UrgeInput{Task: task.ID, Level: "一般催办", Text: "请于本周内报送进展", Rev: task.Rev}))(t)
	urge := must(o.clerk.Letters.Issue(LetterInput{Task: task.ID, Kind: "urge"}))(t)
	if row(urge, "交办单号") != slip.No || row(urge, "催办次数") != "第1次" || row(urge, "催办内容") != "请于本周内报送进展" {
		t.Errorf("the 催办单: %+v", urge.Rows)
	}
	// the other department's handler does not see the task's letters
	if _, err := o.h2.Letters.Get(slip.ID); code(err) != CodeNotFound {
		t.Errorf("handler2 reads handler1's slip: %v", err)
	}
	if l := must(o.h2.Letters.List(LetterQuery{}))(t); l.Total != 0 {
		t.Errorf("handler2's archive: %+v", l.Rows)
	}
	if l := must(o.h1.Letters.List(LetterQuery{}))(t); l.Total != 2 {
		t.Errorf("handler1's archive: %d", l.Total)
	}
}

// The archive filters by kind, date and number, newest first.
func TestTheArchiveFiltersByKindDateAndNumber(t *testing.T) {
	o := letterOffice(t)
	c1 := o.accepted(t, "2026-03-02")
	a1 := must(o.head.Letters.Issue(LetterInput{Case: c1, Kind: "accept"}))(t)
	c2 := o.accepted(t, "2026-03-10")
	a2 := must(o.head.Letters.Issue(LetterInput{Case: c2, Kind: "accept"}))(t)
	r2 := must(o.clerk.Letters.Issue(LetterInput{Case: c2, Kind: "receipt"}))(t)
	nos := func(q LetterQuery) []string {
		l, err := o.clerk.Letters.List(q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range l.Rows {
			out = append(out, r.No)
		}
		if q.Limit == 0 && l.Total != len(out) {
			t.Errorf("%+v: total %d, %d rows", q, l.Total, len(out))
		}
		return out
	}
	for _, c := range []struct {
		q    LetterQuery
		want []string
	}{
		{LetterQuery{}, []string{r2.No, a2.No, a1.No}},
		{LetterQuery{Kind: "accept"}, []string{a2.No, a1.No}},
		{LetterQuery{From: "2026-03-03"}, []string{r2.No, a2.No}},
		{LetterQuery{To: "2026-03-09"}, []string{a1.No}},
		{LetterQuery{No: "信受〔2026〕2"}, []string{a2.No}},
		{LetterQuery{No: "信送"}, []string{r2.No}},
		{LetterQuery{Kind: "receipt", To: "2026-03-09"}, nil},
		{LetterQuery{Limit: 1, Offset: 1}, []string{a2.No}},
	} {
		if got := nos(c.q); !slices.Equal(got, c.want) {
			t.Errorf("%+v: %v, want %v", c.q, got, c.want)
		}
	}
	if r2.No != "某镇信送〔2026〕1号" || !strings.Contains(r2.Rows[0].Value, a2.No) {
		t.Errorf("the 送达回证 %s serves %+v", r2.No, r2.Rows)
	}
	if _, err := o.clerk.Letters.List(LetterQuery{From: "2026-13-01"}); fields(err)["from"] == "" {
		t.Errorf("a bad date: %v", err)
	}
}

// The 文号 patterns: each must hold 〔{year}〕 and {n}, no 第, no padding;
// two kinds may not share one; the example shows the number it makes.
func TestNumberPatternsAreChecked(t *testing.T) {
	o := letterOffice(t)
	admin := o.a.Bound
	for _, bad := range []string{"{code}信受[{year}]{n}号", "{code}信受〔{year}〕第{n}号", "{code}信受〔{year}〕{n:04}号", "信受"} {
		if _, err := admin.Letters.SaveNumberPatterns([]NumberPattern{{Kind: "accept", Pattern: bad}}); fields(err)["[0].pattern"] == "" {
			t.Errorf("%q accepted: %v", bad, err)
		}
	}
	if _, err := admin.Letters.SaveNumberPatterns([]NumberPattern{{Kind: "reject", Pattern: "{code}信受〔{year}〕{n}号"}}); code(err) != "letter.pattern" {
		t.Errorf("two kinds with one pattern: %v", err)
	}
	ps := must(admin.Letters.SaveNumberPatterns([]NumberPattern{{Kind: "accept", Pattern: "{code}访受〔{year}〕{n}号"}}))(t)
	if ps[0].Example != "某镇访受〔2026〕12号" {
		t.Errorf("example %q", ps[0].Example)
	}
	if _, err := o.clerk.Letters.SaveNumberPatterns(ps); code(err) != CodeForbidden {
		t.Errorf("a clerk edits the patterns: %v", err)
	}
	caseID := o.accepted(t, "2026-03-02")
	if d := must(o.head.Letters.Issue(LetterInput{Case: caseID, Kind: "accept"}))(t); d.No != "某镇访受〔2026〕1号" {
		t.Errorf("issued as %q", d.No)
	}
}

func TestTheLayoutIsChecked(t *testing.T) {
	o := letterOffice(t)
	admin := o.a.Bound
	if ly := must(admin.Letters.Layout())(t); ly.HeaderMM != 80 || ly.Letterhead || ly.OrgName != "某某镇人民政府" {
		t.Errorf("the default layout: %+v", ly)
	}
	_, err := admin.Letters.SaveLayout(LetterLayout{HeaderMM: 10, OffsetXMM: 11, OffsetYMM: -10})
	if f := fields(err); f["headerMM"] == "" || f["offsetXMM"] == "" || f["offsetYMM"] != "" {
		t.Errorf("a bad layout: %v", f)
	}
	ly := must(admin.Letters.SaveLayout(LetterLayout{Letterhead: true, HeaderMM: 90, OffsetXMM: -2.5, OrgName: "某某镇信访办"}))(t)
	if got := must(o.clerk.Letters.Layout())(t); got != ly || !got.Letterhead || got.OffsetXMM != -2.5 || got.OrgName != "某某镇信访办" {
		t.Errorf("saved %+v, read %+v", ly, got)
	}
	if _, err := o.clerk.Letters.SaveLayout(ly); code(err) != CodeForbidden {
		t.Errorf("a clerk edits the layout: %v", err)
	}
}

// What a petitioner types and what an editor writes into a template come
// out as the same plain text: nothing is read as a placeholder, markup or
// a template instruction (the frontend shows text only).
func TestPayloadsStayPlainText(t *testing.T) {
	raw, err := os.ReadFile("../frontend/e2e/payloads.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Payloads []struct{ Name, Text string }
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Payloads) < 5 {
		t.Fatalf("%d payloads", len(file.Payloads))
	}
	o := letterOffice(t)
	for _, p := range file.Payloads {
		text := strings.TrimSpace(strings.ReplaceAll(p.Text, "\n", " "))
		in := baseInput()
		in.Demand, in.Disposal = text, string(casestate.Accept)
		r, err := o.head.Visits.Register(in)
		if err != nil {
			t.Logf("%s: not registered (%v)", p.Name, err)
			continue
		}
		// in the petitioner's text
		d := must(o.head.Letters.Preview(LetterInput{Case: r.CaseID, Kind: "accept", Body: "{{信访人称呼}}：\n{{诉求摘要}}"}))(t)
		if len(d.Paragraphs) != 1 || d.Paragraphs[0] != text {
			t.Errorf("%s in the demand came out as %q", p.Name, d.Paragraphs)
		}
		// in a template: words in {{…}} that are not placeholders are refused
		if strings.Contains(text, "{{") {
			_, err := o.head.Letters.SaveTemplate("accept", "{{信访人称呼}}：\n"+text, 0)
			if e := AsError(err); e.Field != "body" || !strings.Contains(e.Message, "第 2 行") {
				t.Errorf("%s in a template: %v", p.Name, err)
			}
			continue
		}
		d = must(o.head.Letters.Preview(LetterInput{Case: r.CaseID, Kind: "accept", Body: "{{信访人称呼}}：\n" + text}))(t)
		if len(d.Paragraphs) != 1 || d.Paragraphs[0] != text {
			t.Errorf("%s in a template came out as %q", p.Name, d.Paragraphs)
		}
	}
}

// The probe of the letters (pattern: confidential_test.go): a slip to a
// department of a confidential case names no one and says nothing of the
// report, in the preview, issued, read back and in the archive; a letter
// to the whistle-blower needs the grant and the reveal; no slip goes to
// the unit the report is about.
func TestLettersOfAConfidentialCaseShowNothingOfIt(t *testing.T) {
	o := newConfOffice(t)
	_ = o.st.Update(func(tx *store.Tx) error {
		set, _ := tx.Settings()
		set.LetterPhone = "0571-88886666"
		return tx.SaveSettings(set)
	})
	head := o.a.bind(addUser(t, o.a, "head9", RoleHead, true))
	clerk := o.a.bind(addUser(t, o.a, "clerk9", RoleClerk, false))
	reader := o.a.bind(addUser(t, o.a, "reader9", RoleReader, false))
	var units []store.Unit
	_ = o.st.View(func(tx *store.Tx) error { units, _ = tx.Units(); return nil })
	made, accused := 0, 0
	for _, c := range o.secret {
		if made == 5 {
			break
		}
		if !casestate.Open(casestate.State(c.Status)) {
			continue
		}
		unit := units[0].ID
		if unit == c.AccusedUnit {
			unit = units[1].ID
		}
		before := must(head.Letters.List(LetterQuery{Case: c.ID}))(t).Total // the generator's letters
		task := must(head.Tasks.Create(TaskInput{Case: c.ID, Type: TaskAssist, Unit: unit, Due: "2099-01-01",
			Rev: caseRev(t, o.a, c.ID)}))(t)
		made++
		in := LetterInput{Task: task.ID, Kind: "assign"}
		pre := must(head.Letters.Preview(in))(t)
		if !pre.Redacted {
			t.Errorf("case %d: the slip is not marked redacted", c.ID)
		}
		if l := o.leaks(t, c, pre); len(l) > 0 {
			t.Errorf("the preview of case %d's slip shows %q", c.ID, l)
		}
		slip := must(clerk.Letters.Issue(in))(t)
		if _, err := reader.Letters.Get(slip.ID); code(err) != CodeForbidden {
			t.Errorf("a reader opens the archive: %v", err)
		}
		for who, b := range map[string]Bound{"clerk": clerk, "head": head} {
			got := must(b.Letters.Get(slip.ID))(t)
			if l := o.leaks(t, c, got); len(l) > 0 || !got.Redacted {
				t.Errorf("%s reads case %d's slip with %q", who, c.ID, l)
			}
			list := must(b.Letters.List(LetterQuery{No: slip.No}))(t)
			if l := o.leaks(t, c, list); len(l) > 0 || list.Total != 1 {
				t.Errorf("%s lists case %d's slip with %q", who, c.ID, l)
			}
		}

		// the letter to the petitioner: the grant and the reveal first
		ask := LetterInput{Case: c.ID, Kind: "receipt"}
		if _, err := clerk.Letters.Preview(ask); code(err) != CodeForbidden {
			t.Errorf("a clerk without the grant previews the whistle-blower's letter: %v", err)
		}
		if _, err := head.Letters.Issue(ask); code(err) != CodeForbidden {
			t.Errorf("the head issues it without a reveal: %v", err)
		}
		must(head.Privacy.Reveal(c.ID, "出具送达回证"))(t)
		letter := must(head.Letters.Issue(ask))(t)
		if _, err := clerk.Letters.Get(letter.ID); code(err) != CodeForbidden {
			t.Errorf("a clerk without the grant reads the whistle-blower's letter: %v", err)
		}
		list := must(clerk.Letters.List(LetterQuery{Case: c.ID}))(t)
		if l := o.leaks(t, c, list); len(l) > 0 || list.Total != before+2 {
			t.Errorf("the clerk's archive of case %d: %q (%d rows)", c.ID, l, list.Total)
		}
		if err := clerk.Letters.Printed([]uint64{letter.ID}, "print"); code(err) != CodeForbidden {
			t.Errorf("a clerk prints the whistle-blower's letter: %v", err)
		}
		if _, err := clerk.Letters.Supersede(letter.ID, LetterInput{}); code(err) != CodeForbidden {
			t.Errorf("a clerk corrects the whistle-blower's letter: %v", err)
		}
		// a correction of the slip is a slip again: nothing of the report
		fix := must(clerk.Letters.Supersede(slip.ID, LetterInput{}))(t)
		if l := o.leaks(t, c, fix); len(l) > 0 || !fix.Redacted || fix.Supersedes != slip.No {
			t.Errorf("the correction of case %d's slip: %q", c.ID, l)
		}

		// a slip to the unit the report is about, on a task made behind the desk's back
		if c.AccusedUnit != 0 && accused == 0 {
			accused++
			bad := &store.Task{Case: c.ID, Type: TaskAssist, ToUnit: c.AccusedUnit, Status: store.TaskPending}
			if err := o.st.Update(func(tx *store.Tx) error { return tx.SaveTask(bad) }); err != nil {
				t.Fatal(err)
			}
			if _, err := head.Letters.Preview(LetterInput{Task: bad.ID, Kind: "assign"}); code(err) != CodeLetterAccused {
				t.Errorf("a slip to the accused unit: %v", err)
			}
		}
	}
	if made == 0 {
		t.Fatal("no open confidential case to probe")
	}
}

// A case from acceptance to 复核, each letter with what its step left: the
// extension's new date (the one the case view shows), the reply and its
// 复查 sentence, the 复查意见书 naming the 处理意见书 it reviewed and the
// 复核机关, the 复核意见书 naming the 复查意见书 and saying it is final.
func TestTheRepliesAndReviewsCarryTheirSteps(t *testing.T) {
	o := letterOffice(t)
	id := o.accepted(t, "2026-03-02")
	cases := o.head.Cases
	mustStep(t, cases, id, StepInput{Action: "start_work"})
	o.at(t, "2026-04-20")
	mustStep(t, cases, id, StepInput{Action: "extend", Days: 20, Reason: "需要调取工资发放记录"})
	ext := must(o.head.Letters.Issue(LetterInput{Case: id, Kind: "extend"}))(t)
	shown := ""
	for _, k := range must(cases.Get(id))(t).Clocks {
		if k.Clock == "办理" {
			d, _ := civil.Parse(k.Legal)
			shown = d.Chinese()
		}
	}
	if shown == "" || !strings.Contains(paragraphs(ext), "延长20日，延长至"+shown) ||
		!strings.Contains(paragraphs(ext), "需要调取工资发放记录") {
		t.Errorf("the 延期告知书 (case view: %s):\n%s", shown, paragraphs(ext))
	}

	o.at(t, "2026-04-28")
	mustStep(t, cases, id, StepInput{Action: "reply", Outcome: "予以支持", Text: "经核实，某公司已结清工资。"})
	op := must(o.head.Letters.Issue(LetterInput{Case: id, Kind: "opinion"}))(t)
	// the 受理告知书 reprinted after the reply still names the handling
	// period, extension included, though that clock no longer runs
	if again := must(o.head.Letters.Preview(LetterInput{Case: id, Kind: "accept"}))(t); len(again.Missing) != 0 ||
		!strings.Contains(paragraphs(again), shown) {
		t.Errorf("the 受理告知书 after the reply: missing %v, not %s:\n%s", again.Missing, shown, paragraphs(again))
	}
	for _, want := range []string{"经核实，某公司已结清工资。", "予以支持", "30日内，向某某县人民政府书面请求复查"} {
		if !strings.Contains(paragraphs(op), want) {
			t.Errorf("the 处理意见书 does not say %q:\n%s", want, paragraphs(op))
		}
	}
	mustStep(t, o.clerk.Cases, id, StepInput{Action: RecordServeReply, How: "直接送达"})
	o.at(t, "2026-05-11")
	mustStep(t, o.clerk.Cases, id, StepInput{Action: "request_review", Body: "某某县人民政府"})
	o.at(t, "2026-05-20")
	mustStep(t, o.clerk.Cases, id, StepInput{Action: "review_done", Result: "维持"})
	rv := must(o.head.Letters.Issue(LetterInput{Case: id, Kind: "review"}))(t)
	for _, want := range []string{"你不服" + op.No, "2026年5月11日提出复查请求", "维持", "向某某市人民政府书面请求复核"} {
		if !strings.Contains(paragraphs(rv), want) {
			t.Errorf("the 复查意见书 does not say %q:\n%s", want, paragraphs(rv))
		}
	}
	o.at(t, "2026-06-01")
	mustStep(t, o.clerk.Cases, id, StepInput{Action: "request_recheck", Body: "某某市人民政府"})
	o.at(t, "2026-06-10")
	mustStep(t, o.clerk.Cases, id, StepInput{Action: "recheck_done", Result: "维持"})
	rc := must(o.head.Letters.Issue(LetterInput{Case: id, Kind: "recheck"}))(t)
	for _, want := range []string{"你不服" + rv.No, "终结意见", "不再受理"} {
		if !strings.Contains(paragraphs(rc), want) {
			t.Errorf("the 复核意见书 does not say %q:\n%s", want, paragraphs(rc))
		}
	}
	// the 送达回证 serves the newest letter to the petitioner
	rcpt := must(o.clerk.Letters.Issue(LetterInput{Case: id, Kind: "receipt"}))(t)
	if rcpt.Rows[0].Label != "送达文书" || rcpt.Rows[0].Value != "复核意见书（"+rc.No+"）" {
		t.Errorf("the 送达回证 serves %+v", rcpt.Rows[0])
	}
}

// The desk's notices of its disposals fill from what the disposal
// recorded: the reason chosen (its words), the competent body, the body a
// matter was sent to and the day.
func TestTheDesksNoticesCarryTheirDisposals(t *testing.T) {
	o := letterOffice(t)
	register := func(disposal, reason, body string, unit uint64) uint64 {
		in := baseInput()
		in.Disposal, in.Reason, in.Body, in.UnitID = disposal, reason, body, unit
		r, err := o.clerk.Visits.Register(in)
		if err != nil {
			t.Fatalf("%s: %v", disposal, err)
		}
		return r.CaseID
	}
	rej := must(o.clerk.Letters.Issue(LetterInput{Case: register("not_accept", "04", "", 0), Kind: "reject"}))(t)
	if !strings.Contains(paragraphs(rej), "理由是：越级走访。") || rej.No != "某镇信不受〔2026〕1号" {
		t.Errorf("the 不予受理告知书 %s:\n%s", rej.No, paragraphs(rej))
	}
	tc := must(o.clerk.Letters.Issue(LetterInput{Case: register("redirect", "", "县人力资源和社会保障局劳动保障监察大队", 0),
		Kind: "toCompetent"}))(t)
	if !strings.Contains(paragraphs(tc), "应当通过县人力资源和社会保障局劳动保障监察大队解决") {
		t.Errorf("the 告知书:\n%s", paragraphs(tc))
	}
	id := register("transfer", "", "", o.u2)
	tr := must(o.clerk.Letters.Issue(LetterInput{Case: id, Kind: "transfer"}))(t)
	if !strings.Contains(paragraphs(tr), "已于2026年3月2日将其转送司法所办理") {
		t.Errorf("the 转送告知书:\n%s", paragraphs(tr))
	}
	tasks := must(o.clerk.Tasks.List(TaskQuery{Unit: o.u2}))(t)
	if len(tasks.Rows) != 1 {
		t.Fatalf("the transfer's task: %+v", tasks.Rows)
	}
	fw := must(o.clerk.Letters.Issue(LetterInput{Task: tasks.Rows[0].ID, Kind: "forward"}))(t)
	if fw.Addressee != "司法所：" || fw.Case != id || fw.No != "某镇信转〔2026〕1号" {
		t.Errorf("the 转送单: %q %d %q", fw.Addressee, fw.Case, fw.No)
	}
	// a notice that does not fit the case names what the case lacks
	if d := must(o.clerk.Letters.Preview(LetterInput{Case: id, Kind: "reject"}))(t); len(d.Missing) != 1 ||
		d.Missing[0].Placeholder != "不予受理理由" {
		t.Errorf("a 不予受理告知书 of a transferred case: missing %+v", d.Missing)
	}
}
