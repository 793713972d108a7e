package app

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/dict"
	"laifang/domain/idcard"
	"laifang/domain/petitioner"
	"laifang/store"
)

// synthID builds a synthetic citizen ID number with a correct check
// character: area code, birth date YYYYMMDD, 3-digit sequence (odd male).
func synthID(area, birth, seq string) string {
	first := area + birth + seq
	c, ok := idcard.CheckChar(first)
	if !ok {
		panic("synthID: " + first)
	}
	return first + string(c)
}

// withCheck swaps an ID number's check character for a wrong one.
func withBadCheck(id string) string {
	last := id[17]
	bad := byte('0')
	if last == '0' {
		bad = '1'
	}
	return id[:17] + string(bad)
}

var (
	idMale   = synthID("330106", "19800115", "031") // 浙江 杭州 西湖区, male
	idFemale = synthID("330106", "19850620", "042") // female
	idMale2  = synthID("110105", "19700301", "013")
)

// baseInput is a valid two-person visit of a 申诉求决 matter, reported to
// the head (受理 is the head's, case.decide; a clerk's form cannot accept).
// The test clock reads 2026-03-02 09:00.
func baseInput() RegisterInput {
	return RegisterInput{
		ReceivedAt: "2026-03-02T08:40", Channel: "走访", Reception: "一楼接待窗口",
		People: []PersonInput{
			{Role: petitioner.Main, Name: "测试甲", Sex: "M", IDType: "居民身份证", IDNumber: idMale, Phone: "13800000001",
				Address: "某镇某村 1 号"},
			{Role: petitioner.Companion, Name: "测试乙", IDNumber: idFemale, Sex: "F"},
		},
		Present: 2, Involved: 2,
		Title: "工资拖欠", Demand: "请求督促支付拖欠的工资", Facts: "某公司拖欠三个月工资。",
		Region: "某镇某村", Type: TypeComplaint, Category: "07", Category2: "0701",
		Disposal: string(casestate.ReportToHead),
		Record: RecordInput{Start: "2026-03-02T08:45", End: "2026-03-02T08:58", IDChecked: true,
			Statement: "来访人称公司拖欠工资。", Procedure: true, Remedies: true, Confirmed: true},
	}
}

// caseClocksOf lists a stored case's clocks as "clock legal, …".
func caseClocksOf(c *store.Case) string {
	var out []string
	for _, k := range c.Clocks {
		out = append(out, k.Clock+" "+k.Legal.String())
	}
	return strings.Join(out, ", ")
}

// clerk makes a clerk session on a set-up app and returns its services.
func clerk(t *testing.T, a *App, login, role string, grant bool) Bound {
	t.Helper()
	return a.bind(addUser(t, a, login, role, grant))
}

func fields(err error) map[string]string {
	out := map[string]string{}
	e := AsError(err)
	for _, f := range e.Fields {
		out[f.Field] = f.Code
	}
	if len(e.Fields) == 0 && e.Field != "" {
		out[e.Field] = e.Code
	}
	return out
}

func TestRegisterValidation(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	cases := []struct {
		name  string
		edit  func(in *RegisterInput)
		field string
		code  string
	}{
		{"wrong check character", func(in *RegisterInput) { in.People[1].IDNumber = withBadCheck(idFemale) }, "people[1].idNumber", "idcard.checksum"},
		{"impossible birth date", func(in *RegisterInput) { in.People[0].IDNumber = synthID("330106", "19810230", "031") }, "people[0].idNumber", "idcard.birth"},
		{"birth date in the future", func(in *RegisterInput) { in.People[0].IDNumber = synthID("330106", "20300101", "031") }, "people[0].idNumber", "idcard.birth_future"},
		{"sex against the sequence digit", func(in *RegisterInput) { in.People[0].Sex = "F" }, "people[0].sex", "idcard.sex_mismatch"},
		{"short ID number", func(in *RegisterInput) { in.People[0].IDNumber = "33010619800115" }, "people[0].idNumber", "idcard.length"},
		{"sex required when the number is refused", func(in *RegisterInput) { in.People[0].Sex, in.People[0].IDNumber = "", withBadCheck(idMale) }, "people[0].sex", "intake.required"},
		{"ID missing for the main petitioner", func(in *RegisterInput) { in.People[0].IDNumber = "" }, "people[0].idNumber", "idcard.empty"},
		{"passport format", func(in *RegisterInput) { in.People[1].IDType = "护照"; in.People[1].IDNumber = "E1" }, "people[1].idNumber", "idcard.passport"},
		{"HK permit format", func(in *RegisterInput) {
			in.People[1].IDType = "港澳居民来往内地通行证"
			in.People[1].IDNumber = "X1234"
		}, "people[1].idNumber", "idcard.hkmo"},
		{"unknown document type", func(in *RegisterInput) { in.People[1].IDType = "工作证" }, "people[1].idType", "idcard.type"},
		{"bad mobile", func(in *RegisterInput) { in.People[0].Phone = "1280000000" }, "people[0].phone", "phone.mobile"},
		{"landline without area code", func(in *RegisterInput) { in.People[0].Phone = "6234567" }, "people[0].phone", "phone.no_area"},
		{"bad second phone", func(in *RegisterInput) { in.People[1].Phone2 = "abc" }, "people[1].phone2", "phone.chars"},
		{"phone missing", func(in *RegisterInput) { in.People[0].Phone = "" }, "people[0].phone", "phone.empty"},
		{"visit in the future", func(in *RegisterInput) { in.ReceivedAt = "2026-03-02T10:00" }, "receivedAt", "intake.future"},
		{"visit time unreadable", func(in *RegisterInput) { in.ReceivedAt = "昨天" }, "receivedAt", "intake.date"},
		{"record start in the future", func(in *RegisterInput) { in.Record.Start = "2026-03-03T08:00" }, "record.start", "intake.future"},
		{"record end before start", func(in *RegisterInput) { in.Record.End = "2026-03-02T08:30" }, "record.end", "intake.end_before"},
		{"incoming date in the future", func(in *RegisterInput) { in.IncomingOrg = "县信访局"; in.IncomingDate = "2026-04-01" }, "incomingDate", "intake.future"},
		{"birth after today", func(in *RegisterInput) { in.People[1].IDNumber = ""; in.People[1].Birth = "2027-01-01" }, "people[1].birth", "intake.future"},
		{"no people", func(in *RegisterInput) { in.People = nil }, "people", "intake.people"},
		{"main petitioner not first", func(in *RegisterInput) { in.People[0].Role, in.People[1].Role = petitioner.Companion, petitioner.Main }, "people[1].role", "intake.main_first"},
		{"two main petitioners", func(in *RegisterInput) { in.People[1].Role = petitioner.Main }, "people[0].role", "intake.main"},
		{"unknown role", func(in *RegisterInput) { in.People[1].Role = "亲戚" }, "people[1].role", "intake.role"},
		{"agent without relation", func(in *RegisterInput) { in.People[1].Role = petitioner.Agent }, "people[1].relation", "intake.required"},
		{"same person twice", func(in *RegisterInput) { in.People[1].IDNumber, in.People[1].Sex = idMale, "M" }, "people[1].idNumber", "intake.duplicate_person"},
		{"name missing", func(in *RegisterInput) { in.People[1].Name = "" }, "people[1].name", "intake.required"},
		{"anonymous request for a decision", func(in *RegisterInput) { in.People[0].Anonymous = true }, "people[0].anonymous", "intake.anonymous"},
		{"address missing for 申诉求决", func(in *RegisterInput) { in.People[0].Address = "" }, "people[0].address", "intake.required"},
		{"present below the people", func(in *RegisterInput) { in.Present = 1 }, "present", "intake.present_few"},
		{"present zero", func(in *RegisterInput) { in.Present = 0 }, "present", "intake.present"},
		{"involved below present", func(in *RegisterInput) { in.Present, in.Involved = 3, 2 }, "involved", "intake.involved"},
		{"title missing", func(in *RegisterInput) { in.Title = "" }, "title", "intake.required"},
		{"demand missing", func(in *RegisterInput) { in.Demand = "" }, "demand", "intake.required"},
		{"facts missing for 申诉求决", func(in *RegisterInput) { in.Facts = "" }, "facts", "intake.required"},
		{"region missing for 申诉求决", func(in *RegisterInput) { in.Region = "" }, "region", "intake.required"},
		{"accused missing for a report", func(in *RegisterInput) { in.Type = TypeReport }, "accused", "intake.required"},
		{"type missing", func(in *RegisterInput) { in.Type = "" }, "type", "intake.required"},
		{"type not in the dictionary", func(in *RegisterInput) { in.Type = "投诉" }, "type", "intake.dict"},
		{"channel missing", func(in *RegisterInput) { in.Channel = "" }, "channel", "intake.required"},
		{"channel not in the dictionary", func(in *RegisterInput) { in.Channel = "微信" }, "channel", "intake.dict"},
		{"category missing", func(in *RegisterInput) { in.Category, in.Category2 = "", "" }, "category", "intake.required"},
		{"second level of another category", func(in *RegisterInput) { in.Category2 = "1101" }, "category2", "intake.dict"},
		{"incoming channel without the sender", func(in *RegisterInput) { in.Channel = "上级转送" }, "incomingOrg", "intake.required"},
		{"repeat without the prior answer", func(in *RegisterInput) { in.Repeat = true }, "prior", "intake.required"},
		{"disposal missing", func(in *RegisterInput) { in.Disposal = "" }, "disposal", "intake.required"},
		{"unknown disposal", func(in *RegisterInput) { in.Disposal = "lose" }, "disposal", "casestate.unknown_action"},
		{"not accepted without a reason", func(in *RegisterInput) { in.Disposal = string(casestate.NotAccept) }, "reason", "casestate.reason"},
		{"not accepted with a reason not in the list", func(in *RegisterInput) { in.Disposal, in.Reason = string(casestate.NotAccept), "99" }, "reason", "intake.dict"},
		{"not re-accepted is the head's", func(in *RegisterInput) { in.Disposal, in.Reason = string(casestate.NotReaccept), "05" }, "disposal", "casestate.role"},
		{"transfer without a unit", func(in *RegisterInput) { in.Disposal = string(casestate.Transfer) }, "unit", "casestate.unit"},
		{"assign without a deadline", func(in *RegisterInput) { in.Disposal, in.Unit = string(casestate.Assign), "某村委会" }, "due", "casestate.due"},
		{"assign with a past deadline", func(in *RegisterInput) {
			in.Disposal, in.Unit, in.Due = string(casestate.Assign), "某村委会", "2026-03-01"
		}, "due", "intake.due_past"},
		{"redirect without the body", func(in *RegisterInput) { in.Disposal = string(casestate.Redirect) }, "body", "casestate.body"},
		{"legal route without the procedure", func(in *RegisterInput) { in.Disposal = string(casestate.RouteLegal) }, "body", "casestate.body"},
		{"postcode", func(in *RegisterInput) { in.People[0].Postcode = "12" }, "people[0].postcode", "intake.postcode"},
		{"title too long", func(in *RegisterInput) { in.Title = strings.Repeat("长", 101) }, "title", "intake.too_long"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := baseInput()
			tc.edit(&in)
			_, err := b.Visits.Register(in)
			if err == nil {
				t.Fatalf("registered; want %s at %s", tc.code, tc.field)
			}
			got := fields(err)
			if got[tc.field] != tc.code {
				t.Fatalf("fields %v; want %s at %s", got, tc.code, tc.field)
			}
			if e := AsError(err); e.Message == "" || !strings.ContainsFunc(e.Message, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
				t.Errorf("message not Chinese: %q", e.Message)
			}
			// Check says the same without saving.
			res, err := b.Visits.Check(in)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, is := range res.Errors {
				found = found || (is.Field == tc.field && is.Code == tc.code)
			}
			if !found {
				t.Errorf("Check: %v", res.Errors)
			}
		})
	}
	// Nothing was written by the refusals.
	today, _ := b.Visits.Today()
	if len(today) != 0 {
		t.Errorf("refused forms left %d visits", len(today))
	}
}

func TestRegisterReturnsEveryProblemAtOnce(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	in := baseInput()
	in.People[1].IDNumber = withBadCheck(idFemale)
	in.People[0].Phone = "12345"
	in.Title = ""
	in.Record.Start = "2026-03-04T08:00"
	_, err := b.Visits.Register(in)
	e := AsError(err)
	if e.Code != CodeInvalid || len(e.Fields) != 4 {
		t.Fatalf("%+v", e)
	}
	want := []string{"people[0].phone", "people[1].idNumber", "title", "record.start"}
	var got []string
	for _, f := range e.Fields {
		got = append(got, f.Field)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("fields %v, want %v", got, want)
	}
	// The JSON the UI receives carries them all.
	js := FormatError(err).(string)
	var back Error
	if err := json.Unmarshal([]byte(js), &back); err != nil || len(back.Fields) != 4 || back.Field == "" {
		t.Errorf("json %s", js)
	}
}

func TestRegisterWarningsDoNotBlock(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	in := baseInput()
	// An area code not in the table: 99 is no province.
	in.People[1].IDNumber = synthID("990101", "19850620", "042")
	r, err := b.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) == 0 || r.Warnings[0].Field != "people[1].idNumber" || r.Warnings[0].Code != "idcard.area_unknown" {
		t.Errorf("warnings %+v", r.Warnings)
	}
}

func TestCheckDerivesFromTheIDNumber(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	in := baseInput()
	in.People[0].Sex = ""
	res, err := b.Visits.Check(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 0 {
		t.Fatalf("errors %v", res.Errors)
	}
	if res.People[0].Sex != "M" || res.People[0].Birth != "1980-01-15" || res.People[1].Sex != "F" {
		t.Errorf("derived %+v", res.People)
	}
	if res.GroupThreshold != DefaultGroupThreshold || res.MaxDelegates != DefaultMaxDelegates {
		t.Errorf("limits %+v", res)
	}
}

func TestRegisterWritesCaseVisitRecordAndAudit(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	// 受理 at the desk is the head's (case.decide).
	b := clerk(t, a, "head1", RoleHead, false)
	in := baseInput()
	in.Disposal = string(casestate.Accept)
	r, err := b.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	if r.CaseNo == "" || r.Status != string(casestate.Accepted) || r.StatusLabel != "已受理" || r.Group {
		t.Errorf("%+v", r)
	}
	// Received and accepted 2026-03-02: the 受理告知书 is owed within 15
	// days (2026-03-17) until it is served; 60 days of handling end on
	// 2026-05-01, 劳动节 in the 2026 calendar a new office starts with (1–5
	// May off): due on the first working day after, 2026-05-06. The case's
	// due date is the earlier of them.
	if r.Due != "2026-03-17" || r.DueLabel != "受理告知期限" {
		t.Errorf("due %s %s", r.Due, r.DueLabel)
	}
	st, _ := a.store()
	c, err := st.Case(r.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	if got := caseClocksOf(c); got != "受理告知 2026-03-17, 办理 2026-05-06" {
		t.Errorf("clocks %s", got)
	}
	if len(c.People) != 2 || c.People[0].Role != petitioner.Main || c.Disposal != "受理" || c.Accepted == 0 || c.Category2 != "0701" {
		t.Errorf("case %+v", c)
	}
	p, _ := st.Person(c.People[0].Person)
	if p.IDNumber != idMale || p.Sex != "M" || p.Birth.String() != "1980-01-15" || p.Phones[0] != "13800000001" {
		t.Errorf("person %+v", p)
	}
	evs, _ := st.Events(r.CaseID)
	if len(evs) != 1 || evs[0].Kind != store.EventIntake || evs[0].Record == nil || evs[0].Record.Statement == "" || !evs[0].Record.Procedure {
		t.Errorf("events %+v", evs)
	}
	if v := evs[0].Visit; v.Place != "一楼接待窗口" || !v.IDChecked || v.Present != 2 || v.Disposal != "受理" {
		t.Errorf("visit %+v", v)
	}
	var actions []string
	st.View(func(tx *store.Tx) error {
		es, err := tx.Audit(0, 100)
		for _, e := range es {
			actions = append(actions, e.Action)
		}
		return err
	})
	if !slices.Contains(actions, "intake") || !slices.Contains(actions, "dispose") {
		t.Errorf("audit %v", actions)
	}
}

// TestDisposalsAreTransitions registers a case with each disposal and
// checks the state it lands in.
func TestDisposalsAreTransitions(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	head := clerk(t, a, "head1", RoleHead, false)
	assignee(t, a, "某街道办") // the 转送's typed 某村委会 receives no 交办
	// Received 2026-03-02: the written notice is due within 15 days
	// (2026-03-17) whatever the disposal that owes one.
	cases := []struct {
		action casestate.Action
		edit   func(in *RegisterInput)
		by     Bound
		status string
		clocks string
	}{
		{casestate.AnswerOnSpot, nil, b, string(casestate.AnsweredSpot), ""},
		{casestate.Accept, nil, head, string(casestate.Accepted), "受理告知 2026-03-17, 办理 2026-05-06"},
		{casestate.Transfer, func(in *RegisterInput) { in.Unit = "某村委会" }, b, string(casestate.Transferred), "受理告知 2026-03-17"},
		{casestate.Assign, func(in *RegisterInput) { in.Unit = "某街道办"; in.Due = "2026-03-20" }, b, string(casestate.Assigned),
			"受理告知 2026-03-17, 交办 2026-03-20"},
		{casestate.Redirect, func(in *RegisterInput) { in.Body = "县人力资源和社会保障局" }, b, string(casestate.Redirected), "受理告知 2026-03-17"},
		{casestate.RouteLegal, func(in *RegisterInput) { in.Body = "向县人民法院提起诉讼"; in.Litigation = true }, b, string(casestate.RoutedLegal), "受理告知 2026-03-17"},
		{casestate.NotAccept, func(in *RegisterInput) { in.Reason = "04" }, b, string(casestate.NotAccepted), "受理告知 2026-03-17"},
		{casestate.NotReaccept, func(in *RegisterInput) { in.Reason = "05" }, head, string(casestate.NotReaccepted), "受理告知 2026-03-17"},
		{casestate.File, nil, b, string(casestate.Filed), ""},
		{casestate.ReportToHead, nil, b, string(casestate.Registered), "受理告知 2026-03-17"},
	}
	st, _ := a.store()
	for _, tc := range cases {
		t.Run(string(tc.action), func(t *testing.T) {
			in := baseInput()
			in.Disposal = string(tc.action)
			if tc.edit != nil {
				tc.edit(&in)
			}
			r, err := tc.by.Visits.Register(in)
			if err != nil {
				t.Fatal(err)
			}
			c, _ := st.Case(r.CaseID)
			if got := caseClocksOf(c); c.Status != tc.status || r.Status != tc.status || got != tc.clocks {
				t.Errorf("status %s (%s), clocks %s; want %s, %s", c.Status, r.Status, got, tc.status, tc.clocks)
			}
			// The case's due date is its earliest clock's.
			if want := strings.TrimPrefix(strings.Split(tc.clocks, ",")[0], "受理告知 "); tc.clocks != "" && r.Due != want {
				t.Errorf("due %s, want %s", r.Due, want)
			}
			var tasks []store.Task
			st.View(func(tx *store.Tx) error { tasks, err = tx.CaseTasks(r.CaseID); return err })
			wantTask := tc.action == casestate.Transfer || tc.action == casestate.Assign
			if (len(tasks) == 1) != wantTask {
				t.Errorf("tasks %+v", tasks)
			}
			if wantTask && (tasks[0].ToUnit == 0 || tasks[0].ToUnit != c.Unit) {
				t.Errorf("task %+v, case unit %d", tasks[0], c.Unit)
			}
		})
	}
	// The typed unit became one unit beside the one on file.
	var units []store.Unit
	st.View(func(tx *store.Tx) error { var err error; units, err = tx.Units(); return err })
	if len(units) != 2 || units[1].Name != "某村委会" || units[1].Kind != "external" {
		t.Errorf("units %+v", units)
	}
}

func TestGroupVisitAndRepresentatives(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	group := func(delegates int) RegisterInput {
		in := baseInput()
		in.People = in.People[:1]
		for i := 0; i < delegates; i++ {
			in.People = append(in.People, PersonInput{Role: petitioner.Representative, Name: "代表" + string(rune('甲'+i)),
				IDNumber: synthID("330106", "19700101", string([]byte{'1', '0' + byte(i), '1'}))})
		}
		in.Present, in.Involved = 30, 120
		return in
	}
	r, err := b.Visits.Register(group(4))
	if err != nil {
		t.Fatal(err)
	}
	if !r.Group {
		t.Error("30 present is a group visit")
	}
	st, _ := a.store()
	c, _ := st.Case(r.CaseID)
	if !c.Group || c.Present != 30 || c.Involved != 120 {
		t.Errorf("case %+v", c)
	}
	// A sixth representative is one too many (main petitioner + 5 is fine).
	if _, err := b.Visits.Register(group(5)); err != nil {
		t.Errorf("five representatives: %v", err)
	}
	_, err = b.Visits.Register(group(6))
	if fields(err)["people[6].role"] != "intake.delegates" {
		t.Errorf("six representatives: %v", fields(err))
	}
	// The threshold and the cap come from the settings.
	st.Update(func(tx *store.Tx) error {
		s, _ := tx.Settings()
		s.GroupThreshold, s.MaxDelegates = 40, 3
		return tx.SaveSettings(s)
	})
	r, err = b.Visits.Register(group(3))
	if err != nil || r.Group {
		t.Errorf("threshold 40: %+v %v", r, err)
	}
	if _, err := b.Visits.Register(group(4)); fields(err)["people[4].role"] != "intake.delegates" {
		t.Errorf("cap 3: %v", err)
	}
	// Under the threshold without representatives: no warning; over: one.
	in := baseInput()
	in.Present = 45
	res, _ := b.Visits.Check(in)
	if len(res.Warnings) != 1 || res.Warnings[0].Code != "intake.group_delegates" || !res.Group {
		t.Errorf("check %+v", res)
	}
}

func TestRepeatVisitAndLinkedCase(t *testing.T) {
	a, c := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	head := clerk(t, a, "head1", RoleHead, false)
	accepted := baseInput()
	accepted.Disposal = string(casestate.Accept)
	first, err := head.Visits.Register(accepted)
	if err != nil {
		t.Fatal(err)
	}
	c.add(10 * 60e9)
	// The repeat panel finds the case by the number as the form sends it
	// (the document type's label, not the store's "").
	panel, err := b.Repeat.Panel(RepeatQuery{IDType: "居民身份证", IDNumber: idMale})
	if err != nil || len(panel.Cases) != 1 || panel.Cases[0].ID != first.CaseID {
		t.Fatalf("panel %+v %v", panel, err)
	}
	// The same person comes back: linked as a repeat of the case.
	in := RegisterInput{ReceivedAt: "2026-03-02T09:05", People: []PersonInput{{Role: petitioner.Main, Name: "测试甲",
		IDNumber: idMale, Sex: "M", Phone: "13900000009"}}, Present: 1, LinkCase: first.CaseID,
		Record: RecordInput{Statement: "询问办理进度。", Confirmed: true}}
	r, err := b.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Repeat || r.CaseID != first.CaseID || r.CaseNo != first.CaseNo || r.Status != string(casestate.Accepted) {
		t.Errorf("%+v", r)
	}
	st, _ := a.store()
	cs, _ := st.Case(first.CaseID)
	if cs.Visits != 2 || !cs.Repeat || cs.RepeatCount != 1 || len(cs.People) != 2 {
		t.Errorf("case %+v", cs)
	}
	// The person was matched by ID number, not duplicated; the new phone first.
	p, _ := st.Person(cs.People[0].Person)
	if p.Phones[0] != "13900000009" || !slices.Contains(p.Phones, "13800000001") {
		t.Errorf("person %+v", p)
	}
	var n int
	st.View(func(tx *store.Tx) error {
		ps, err := tx.FindPeople(store.PersonQuery{IDNumber: idMale})
		n = len(ps)
		return err
	})
	if n != 1 {
		t.Errorf("%d people with the number", n)
	}
	// A repeat visit records only a registration disposal, and only on a
	// case still REGISTERED: not a disposal of an accepted case, nor any
	// later step (a head starting work, extending it).
	in.Disposal = string(casestate.AnswerOnSpot)
	if _, err := b.Visits.Register(in); fields(err)["disposal"] != "casestate.linked" {
		t.Errorf("answer on spot of an accepted case: %v", err)
	}
	for _, step := range []casestate.Action{casestate.StartWork, casestate.Extend, casestate.Accept} {
		in.Disposal, in.Reason = string(step), "案情复杂"
		if _, err := head.Visits.Register(in); fields(err)["disposal"] != "casestate.linked" {
			t.Errorf("%s with a repeat visit: %v", step, err)
		}
	}
	in.Reason = ""
	if cs, _ := st.Case(first.CaseID); cs.Status != string(casestate.Accepted) {
		t.Errorf("a refused repeat visit changed the case: %s", cs.Status)
	}
	in.Disposal = ""
	in.LinkCase = 999
	if _, err := b.Visits.Register(in); fields(err)["linkCase"] != CodeNotFound {
		t.Errorf("missing case: %v", err)
	}

	// A new case linked to the first: new facts, same person.
	in2 := baseInput()
	in2.FirstCase = first.CaseID
	in2.Title = "社保补缴"
	r2, err := b.Visits.Register(in2)
	if err != nil {
		t.Fatal(err)
	}
	c2, _ := st.Case(r2.CaseID)
	if r2.CaseID == first.CaseID || c2.FirstCase != first.CaseID || !c2.Repeat {
		t.Errorf("linked case %+v", c2)
	}
	// A case linked to the linked one points at the first of the chain.
	in3 := baseInput()
	in3.FirstCase = r2.CaseID
	r3, err := b.Visits.Register(in3)
	if err != nil {
		t.Fatal(err)
	}
	if c3, _ := st.Case(r3.CaseID); c3.FirstCase != first.CaseID {
		t.Errorf("chain: %d", c3.FirstCase)
	}

	// A repeat visit on a case still awaiting a decision may bring it.
	in4 := baseInput()
	in4.Disposal = string(casestate.ReportToHead)
	r4, _ := b.Visits.Register(in4)
	rep := RegisterInput{ReceivedAt: "2026-03-02T09:06", People: []PersonInput{{Role: petitioner.Main, ID: cs.People[0].Person}},
		Present: 1, LinkCase: r4.CaseID, Disposal: string(casestate.NotAccept), Reason: "03"}
	r5, err := b.Visits.Register(rep)
	if err != nil {
		t.Fatal(err)
	}
	if r5.Status != string(casestate.NotAccepted) {
		t.Errorf("%+v", r5)
	}
	evs, _ := st.Events(r4.CaseID)
	last := evs[len(evs)-1]
	if last.Kind != store.EventDecision || last.From != string(casestate.Registered) || last.To != string(casestate.NotAccepted) {
		t.Errorf("timeline %+v", evs)
	}
}

func TestTodayMasksAndHidesConfidential(t *testing.T) {
	a, c := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	if _, err := b.Visits.Register(baseInput()); err != nil {
		t.Fatal(err)
	}
	c.add(10 * 60e9)
	rep := baseInput()
	rep.ReceivedAt = "2026-03-02T09:05"
	rep.Type, rep.Accused, rep.Title = TypeReport, "某站所负责人", "反映某站所负责人违规"
	rep.People = rep.People[:1]
	rep.People[0].IDNumber, rep.People[0].Name, rep.People[0].Phone = idMale2, "测试丙", "0571-87654321"
	rep.Present, rep.Involved = 1, 0
	if _, err := b.Visits.Register(rep); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		role  string
		grant bool
	}{{RoleClerk, false}, {RoleReader, false}, {RoleHead, true}} {
		s := clerk(t, a, "v"+tc.role+map[bool]string{true: "g"}[tc.grant], tc.role, tc.grant)
		list, err := s.Visits.Today()
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 {
			t.Fatalf("%d visits", len(list))
		}
		// Newest first: the report, masked entirely without a reveal.
		if list[0].Name != Hidden || list[0].IDNumber != "" || list[0].Phone != "" || list[0].Title != Hidden || !list[0].Confidential {
			t.Errorf("%s: confidential row %+v", tc.role, list[0])
		}
		if list[1].Name != "测试甲" || list[1].IDNumber != MaskIDNumber(idMale) || list[1].Phone != "138****0001" || list[1].At != "08:40" {
			t.Errorf("%s: row %+v", tc.role, list[1])
		}
		if strings.Contains(list[1].IDNumber, idMale[6:14]) {
			t.Error("birth date shown")
		}
	}
	// With the grant and a reveal, the name shows (still masked numbers).
	h := addUser(t, a, "headx", RoleHead, true)
	hb := a.bind(h)
	list, _ := hb.Visits.Today()
	if _, err := hb.Privacy.Reveal(list[0].CaseID, "核实检举人身份"); err != nil {
		t.Fatal(err)
	}
	list, _ = hb.Visits.Today()
	if list[0].Name != "测试丙" || list[0].Phone != MaskPhone("0571-87654321") {
		t.Errorf("revealed row %+v", list[0])
	}
}

func TestDraftPerUser(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b1 := clerk(t, a, "clerk1", RoleClerk, false)
	b2 := clerk(t, a, "clerk2", RoleClerk, false)
	draft := `{"form":{"title":"未写完的登记"},"at":"2026-03-02T09:00"}`
	if err := b1.Visits.SaveDraft(draft); err != nil {
		t.Fatal(err)
	}
	if got, _ := b1.Visits.Draft(); got != draft {
		t.Errorf("draft %q", got)
	}
	if got, _ := b2.Visits.Draft(); got != "" {
		t.Errorf("another user's draft: %q", got)
	}
	// It survives closing and opening the file (a crash, a closed window).
	a.Close()
	if err := a.Open(store.Options{NoSync: true, NoDailyBackup: true}); err != nil {
		t.Fatal(err)
	}
	if got, _ := b1.Visits.Draft(); got != draft {
		t.Errorf("after reopening: %q", got)
	}
	if err := b1.Visits.SaveDraft(""); err != nil {
		t.Fatal(err)
	}
	if got, _ := b1.Visits.Draft(); got != "" {
		t.Errorf("discarded: %q", got)
	}
	if err := b1.Visits.SaveDraft(strings.Repeat("x", store.MaxDraft+1)); code(err) != CodeBadRequest {
		t.Errorf("huge draft: %v", err)
	}
}

func TestRiskNotesOnlyForRolesAllowed(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	in := baseInput()
	in.Record.RiskNotes = "情绪激动"
	in.RiskTags = []string{"情绪激动"}
	r := &intakeRules{now: a.now(), threshold: 5, maxDelegates: 5, step: stepInput(&Actor{Role: RoleHead}), mayRisk: false,
		lists: map[string]dict.List{}}
	for _, n := range []string{dict.Channel, dict.Type, dict.Category, dict.NotAccepted, dict.Role} {
		r.lists[n], _ = dict.Default(n)
	}
	res := checkIntake(&in, r)
	got := map[string]bool{}
	for _, e := range res.Errors {
		got[e.Field] = true
	}
	if !got["record.riskNotes"] || !got["riskTags"] {
		t.Errorf("errors %v", res.Errors)
	}
	r.mayRisk = true
	in = baseInput()
	in.Record.RiskNotes, in.RiskTags = "情绪激动", []string{"扬言"}
	if res := checkIntake(&in, r); len(res.Errors) != 0 {
		t.Errorf("allowed: %v", res.Errors)
	}
}

func TestFormForPrinting(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	r, err := b.Visits.Register(baseInput())
	if err != nil {
		t.Fatal(err)
	}
	f, err := b.Visits.Form(r.CaseID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if f.CaseNo != r.CaseNo || f.OrgName != "某某镇人民政府" || len(f.People) != 2 || f.People[0].IDNumber != idMale ||
		f.People[0].Sex != "男" || f.Category != "劳动社保 / 工资拖欠" || f.Disposal != "呈报领导" || f.Received != "2026-03-02 08:40" ||
		f.Due != "2026-03-17" || f.DueLabel != "受理告知期限" {
		t.Errorf("%+v", f)
	}
	if slices.Contains(f.Flags, "重复访") {
		t.Errorf("a first visit marked as a repeat: %v", f.Flags)
	}
	// Once a later visit is linked to the case as a repeat, its form says
	// so and the first visit's form still does not.
	again := baseInput()
	again.LinkCase, again.Disposal = r.CaseID, ""
	rr, err := b.Visits.Register(again)
	if err != nil {
		t.Fatal(err)
	}
	if f, err := b.Visits.Form(r.CaseID, rr.VisitID); err != nil || !slices.Contains(f.Flags, "重复访") {
		t.Errorf("repeat visit: %v %v", f.Flags, err)
	}
	if f, err := b.Visits.Form(r.CaseID, r.VisitID); err != nil || slices.Contains(f.Flags, "重复访") {
		t.Errorf("first visit after a repeat: %v %v", f.Flags, err)
	}
	// A handler, who prints but does not see full identities, sees the
	// form masked; a reader, who may not print, gets no form: the form is
	// printed as the record sheet is (printPerms).
	hd := clerk(t, a, "handler1", RoleHandler, false)
	sendToHandler(t, a, "handler1", r.CaseID)
	f, err = hd.Visits.Form(r.CaseID, 0)
	if err != nil || f.People[0].IDNumber != MaskIDNumber(idMale) || !f.Masked {
		t.Errorf("handler: %+v %v", f, err)
	}
	rd := clerk(t, a, "reader1", RoleReader, false)
	if _, err := rd.Visits.Form(r.CaseID, 0); code(err) != CodeForbidden {
		t.Errorf("reader's form: %v", err)
	}
	if _, err := rd.Cases.RecordSheet(r.CaseID, 0); code(err) != CodeForbidden {
		t.Errorf("reader's record sheet: %v", err)
	}
}

func TestOptionsComeFromTheDictionaries(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	o, err := b.Visits.Options()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range o.Lists {
		names = append(names, l.Name)
	}
	for _, n := range []string{dict.Channel, dict.Type, dict.Category, dict.NotAccepted, dict.Role, dict.IDType} {
		if !slices.Contains(names, n) {
			t.Errorf("list %s missing from %v", n, names)
		}
	}
	var actions []string
	for _, d := range o.Disposals {
		actions = append(actions, d.Action)
	}
	// A clerk is not offered 受理 nor 不再受理, which are the head's.
	want := []string{"answer_on_spot", "transfer", "assign", "redirect", "route_legal", "not_accept", "file", "report_to_head"}
	if !slices.Equal(actions, want) {
		t.Errorf("disposals %v", actions)
	}
	if o.GroupThreshold != 5 || o.MaxDelegates != 5 || o.Now != "2026-03-02T09:00" || !o.MayRisk {
		t.Errorf("%+v", o)
	}
}

func TestDictsEdit(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a) // the window's session is the administrator
	clerkB := clerk(t, a, "clerk1", RoleClerk, false)
	lists, err := a.Dicts.List()
	if err != nil {
		t.Fatal(err)
	}
	var channel dict.List
	for _, l := range lists {
		if l.Name == dict.Channel {
			channel = l.List
			if !l.Editable {
				t.Error("channels not editable")
			}
		}
		if l.Name == dict.Role && l.Editable {
			t.Error("roles editable")
		}
	}
	// Rename one, add one, drop one (switched off, not deleted).
	channel.Entries[0].Label = "来访（走访）"
	channel.Entries = append(channel.Entries, dict.Entry{Code: "微信", Label: "微信公众号", Sort: 99, Active: true})
	dropped := channel.Entries[1].Code
	channel.Entries = slices.Delete(channel.Entries, 1, 2)
	saved, err := a.Dicts.Save(channel, 0)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := saved.Lookup("走访")
	w, _ := saved.Lookup("微信")
	d, ok := saved.Lookup(dropped)
	if e.Label != "来访（走访）" || !w.Active || !ok || d.Active {
		t.Errorf("saved %+v", saved.Entries)
	}
	// The form now accepts 微信 and refuses the dropped channel.
	in := baseInput()
	in.Channel = "微信"
	if _, err := clerkB.Visits.Register(in); err != nil {
		t.Errorf("new channel: %v", err)
	}
	in.Channel = dropped
	if _, err := clerkB.Visits.Register(in); fields(err)["channel"] != "intake.dict" {
		t.Errorf("dropped channel: %v", err)
	}
	// Bad edits are refused.
	bad := channel
	bad.Entries = append(slices.Clone(channel.Entries), dict.Entry{Code: "微信", Label: "重复"})
	if _, err := a.Dicts.Save(bad, saved.Rev); code(err) != "dict.duplicate" || AsError(err).Field != "entries["+strconv.Itoa(len(channel.Entries))+"].code" {
		t.Errorf("duplicate: %v (field %q)", err, AsError(err).Field)
	}
	if _, err := a.Dicts.Save(dict.List{Name: dict.Role}, 0); code(err) != CodeBadRequest {
		t.Errorf("roles: %v", err)
	}
	if _, err := a.Dicts.Save(dict.List{Name: dict.Channel, Entries: []dict.Entry{{Code: "x", Label: "x", Parent: "走访"}}}, saved.Rev); code(err) != "dict.parent" {
		t.Errorf("parent in a flat list: %v", err)
	}
	// Two levels of categories.
	cat, _ := dict.Default(dict.Category)
	cat.Entries = append(cat.Entries, dict.Entry{Code: "0705", Label: "欠薪保障金", Parent: "07", Sort: 5, Active: true})
	if _, err := a.Dicts.Save(cat, 0); err != nil {
		t.Fatal(err)
	}
	in = baseInput()
	in.Category2 = "0705"
	if _, err := clerkB.Visits.Register(in); err != nil {
		t.Errorf("new second level: %v", err)
	}
	// Reset brings the defaults back.
	back, err := a.Dicts.Reset(dict.Channel, saved.Rev)
	if err != nil {
		t.Fatal(err)
	}
	e, _ = back.Lookup("走访")
	w, _ = back.Lookup("微信")
	if e.Label != "走访" || w.Active {
		t.Errorf("reset %+v", back.Entries)
	}
	// A clerk may read but not edit.
	if _, err := clerkB.Dicts.Save(channel, back.Rev); code(err) != CodeForbidden {
		t.Errorf("clerk edit: %v", err)
	}
}

func TestGroupLimitsAreOfficeSettings(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	s, err := a.Settings.Get()
	if err != nil || s.GroupThreshold != DefaultGroupThreshold || s.MaxDelegates != DefaultMaxDelegates {
		t.Fatalf("defaults %+v %v", s, err)
	}
	s.GroupThreshold, s.MaxDelegates = 10, 3
	if _, err := a.Settings.Save(s); err != nil {
		t.Fatal(err)
	}
	b := clerk(t, a, "clerk1", RoleClerk, false)
	o, _ := b.Visits.Options()
	if o.GroupThreshold != 10 || o.MaxDelegates != 3 {
		t.Errorf("options %+v", o)
	}
	s, _ = a.Settings.Get()
	s.MaxDelegates = 0
	if _, err := a.Settings.Save(s); fields(err)["maxDelegates"] != "settings.maxDelegates" {
		t.Errorf("zero delegates: %v", err)
	}
}

// Go tells the form which inputs are required for the case at hand, from
// the statements that refuse them: a real-name report needs the main
// petitioner's address (for the written notice), an anonymous one does
// not; every "missing" error is on a required input.
func TestCheckTellsWhatIsRequired(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	in := baseInput()
	in.Type, in.RealName, in.Accused = TypeReport, true, "某站所长"
	in.People[0].Address = ""
	in.People = append(in.People, PersonInput{Role: petitioner.Cosigner, Name: "测试丙"},
		PersonInput{Role: petitioner.Agent, Name: "测试丁"})
	in.Present, in.Involved = 3, 3
	res, err := b.Visits.Check(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"channel", "people[0].name", "people[0].idNumber", "people[0].phone", "people[0].address",
		"people[2].role", "people[3].idNumber", "people[3].relation", "present", "title", "demand", "type", "facts", "region", "accused",
		"category", "disposal"} {
		if !slices.Contains(res.Required, f) {
			t.Errorf("%s is not in Required %v", f, res.Required)
		}
	}
	if slices.Contains(res.Required, "people[1].address") || slices.Contains(res.Required, "prior") ||
		slices.Contains(res.Required, "receivedAt") {
		t.Errorf("Required holds what is not required: %v", res.Required)
	}
	if res.Present != 3 { // the co-signer does not come
		t.Errorf("present %d, want 3", res.Present)
	}
	missing := 0
	for _, e := range res.Errors {
		if e.Code == CodeRequired || strings.HasSuffix(e.Code, ".empty") {
			missing++
			if !slices.Contains(res.Required, e.Field) {
				t.Errorf("%s is refused as missing but not required", e.Field)
			}
		}
	}
	if missing != 3 { // the address, the agent's document and relation
		t.Errorf("%d missing, want 3: %+v", missing, res.Errors)
	}

	// Anonymous: no address, name, phone; a disposal's needs come in.
	in.RealName = false
	in.People[0] = PersonInput{Role: petitioner.Main, Anonymous: true}
	in.Disposal = string(casestate.Assign)
	res, _ = b.Visits.Check(in)
	for _, f := range []string{"people[0].address", "people[0].name", "people[0].phone"} {
		if slices.Contains(res.Required, f) {
			t.Errorf("anonymous report: %s required", f)
		}
	}
	if !slices.Contains(res.Required, "unit") || !slices.Contains(res.Required, "due") {
		t.Errorf("交办 needs a unit and a due date: %v", res.Required)
	}

	// The blank form's requirements come with the options.
	opt, err := b.Visits.Options()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"channel", "people[0].name", "people[0].role", "title", "demand", "type", "disposal"} {
		if !slices.Contains(opt.Required, f) {
			t.Errorf("blank form: %s is not in Required %v", f, opt.Required)
		}
	}
}

// The visit time left empty is the server's clock at the save.
func TestAnEmptyVisitTimeIsTheServersClock(t *testing.T) {
	a, clk := testApp(t)
	setUp(t, a)
	b := clerk(t, a, "clerk1", RoleClerk, false)
	clk.add(4*time.Minute + 17*time.Second)
	in := baseInput()
	in.ReceivedAt = ""
	if res, _ := b.Visits.Check(in); len(res.Errors) != 0 {
		t.Fatalf("an empty visit time is refused: %+v", res.Errors)
	}
	r, err := b.Visits.Register(in)
	if err != nil {
		t.Fatal(err)
	}
	d, err := b.Cases.Get(r.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := time.Parse(time.RFC3339, d.Received)
	if !got.Equal(clk.now()) {
		t.Errorf("received %s, want the server's %s", d.Received, clk.now().Format(time.RFC3339))
	}
}
