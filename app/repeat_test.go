package app

import (
	"strings"
	"testing"

	"laifang/domain/casestate"
	"laifang/store"
)

// intakeOne registers a case straight into the file (the intake form is
// another service) and returns its ID and the main person's.
func intakeOne(t testing.TB, a *App, p store.Person, c store.Case, statement string) (uint64, uint64) {
	t.Helper()
	st, _ := a.store()
	r, err := st.SaveIntake(&store.Intake{Case: c, People: []store.IntakePerson{{Person: p, Role: "主信访人", Contact: true}},
		Visit: store.Visit{Channel: "走访", Present: 1}, Record: &store.Record{Statement: statement}, By: 1,
		Audit: &store.AuditEntry{User: 1, Action: ActionIntake}})
	if err != nil {
		t.Fatal(err)
	}
	return r.CaseID, r.PersonIDs[0]
}

func wang() store.Person {
	return store.Person{Name: "王建国", Sex: "M", IDNumber: "110101199003071235", Phones: []string{"13812345678"}}
}

func TestRepeatPanelFindsThePersonsCasesWithTheLastReplyWordForWord(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	clerk := a.bind(addUser(t, a, "clerk", RoleClerk, false)).Repeat
	reply := "经核实，您反映的拖欠工资问题已责成某建筑公司于3月31日前结清；如对处理意见不服，可在收到之日起30日内申请复查。"
	c1, pid := intakeOne(t, a, wang(), store.Case{Title: "某建筑公司拖欠农民工工资", Demand: "要求支付拖欠工资", Type: "申诉求决",
		Status: string(casestate.Closed), Disposal: "受理", Outcome: "予以支持", Reply: reply}, "在某工地干了八个月，老板一直不给工资")
	// another person with a similar matter, and an unrelated one
	intakeOne(t, a, store.Person{Name: "李四", IDNumber: "110101198501011234"},
		store.Case{Title: "某建筑公司拖欠工资", Demand: "要求支付农民工工资", Type: "申诉求决"}, "建筑公司拖欠工资三个月")
	intakeOne(t, a, store.Person{Name: "赵六"}, store.Case{Title: "邻居噪音扰民", Type: "申诉求决"}, "楼上装修噪音")

	for _, q := range []RepeatQuery{
		{IDNumber: "110101199003071235"},
		{IDNumber: "110101 19900307 1235"},
		{Phone: "138-1234-5678"},
		{Name: "王建"},
	} {
		p, err := clerk.Panel(q)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Cases) == 0 || p.Cases[0].ID != c1 {
			t.Fatalf("%+v: cases %+v", q, p.Cases)
		}
		rc := p.Cases[0]
		if rc.Reply != reply || rc.ReplySource != "case" || rc.Outcome != "予以支持" || rc.StatusLabel != "已办结" ||
			!rc.ByPerson || rc.Visits != 1 || rc.Petitioner != "王建国" {
			t.Errorf("%+v: row %+v", q, rc)
		}
		if len(p.People) != 1 || p.People[0].ID != pid || p.People[0].IDNumber != "110101********1235" ||
			p.People[0].Phones[0] != "138****5678" {
			t.Errorf("%+v: people %+v", q, p.People)
		}
	}
	// A partial ID number or phone finds nobody yet; a one-character name neither.
	for _, q := range []RepeatQuery{{IDNumber: "1101011990"}, {Phone: "1381"}, {Name: "王"}} {
		p, err := clerk.Panel(q)
		if err != nil || len(p.Cases) != 0 || len(p.People) != 0 {
			t.Errorf("%+v: %+v %v", q, p, err)
		}
	}
	// The text finds the similar cases, newest first, not the unrelated one.
	p, err := clerk.Panel(RepeatQuery{Text: "反映某建筑公司拖欠农民工工资的问题"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Cases) != 2 || p.Cases[0].ID < p.Cases[1].ID || !p.Cases[0].BySimilar || len(p.Terms) == 0 {
		t.Errorf("similar: %+v", p)
	}
	for _, c := range p.Cases {
		if strings.Contains(c.Title, "噪音") {
			t.Errorf("unrelated case found: %+v", c)
		}
	}
}

func TestRepeatPanelPrefersTheReplyOnTheTimeline(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	c1, _ := intakeOne(t, a, wang(), store.Case{Title: "宅基地界址纠纷", Reply: "旧的摘要"}, "宅基地")
	st, _ := a.store()
	if err := st.Update(func(tx *store.Tx) error {
		return tx.AppendEvent(c1, &store.Event{Kind: store.EventReply, Text: "答复原文：界址以1998年确权图为准。"})
	}); err != nil {
		t.Fatal(err)
	}
	p, err := a.Repeat.Panel(RepeatQuery{IDNumber: wang().IDNumber})
	if err != nil || len(p.Cases) != 1 || p.Cases[0].Reply != "答复原文：界址以1998年确权图为准。" || p.Cases[0].ReplySource != "reply" {
		t.Fatalf("%+v %v", p, err)
	}
}

func TestRepeatPanelHidesAConfidentialCasesLinkToThePerson(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	c1, _ := intakeOne(t, a, wang(), store.Case{Title: "举报某村干部侵占集体资金", Type: TypeReport, Confidential: true}, "举报村干部侵占集体资金")
	for _, tc := range []struct {
		role  string
		grant bool
	}{{RoleClerk, false}, {RoleHead, false}, {RoleClerk, true}} {
		s := addUser(t, a, "u"+tc.role+map[bool]string{true: "g"}[tc.grant], tc.role, tc.grant)
		rep := a.bind(s).Repeat
		p, err := rep.Panel(RepeatQuery{IDNumber: wang().IDNumber})
		if err != nil || len(p.Cases) != 0 || len(p.People) != 0 {
			t.Errorf("%s by ID: %+v %v", tc.role, p, err)
		}
		// by its text only the grant finds it, its petitioner and title
		// hidden until a reveal; without the grant it is not there
		p, err = rep.Panel(RepeatQuery{Text: "村干部侵占集体资金"})
		if !tc.grant {
			if err != nil || len(p.Cases) != 0 {
				t.Errorf("%s without the grant by text: %+v %v", tc.role, p, err)
			}
		} else if err != nil || len(p.Cases) != 1 || p.Cases[0].ID != c1 || p.Cases[0].Petitioner != Hidden ||
			p.Cases[0].Title != Hidden || p.Cases[0].ByPerson {
			t.Errorf("%s by text: %+v %v", tc.role, p, err)
		}
		if tc.grant {
			// after a reveal in this session the link shows
			priv := a.bind(s).Privacy
			if _, err := priv.Reveal(c1, "核对重复来访"); err != nil {
				t.Fatal(err)
			}
			p, err = rep.Panel(RepeatQuery{IDNumber: wang().IDNumber})
			if err != nil || len(p.Cases) != 1 || p.Cases[0].Petitioner != "王建国" || p.Cases[0].Title != "举报某村干部侵占集体资金" {
				t.Errorf("after reveal: %+v %v", p, err)
			}
		}
	}
}

func TestRepeatPanelIsNotAudited(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	st, _ := a.store()
	count := func() int {
		n := 0
		st.View(func(tx *store.Tx) error {
			p, _ := tx.FindAudit(store.AuditFilter{Limit: 1000})
			n = len(p.Entries)
			return nil
		})
		return n
	}
	before := count()
	for i := 0; i < 5; i++ {
		if _, err := a.Repeat.Panel(RepeatQuery{Name: "王建", Text: "拖欠工资"}); err != nil {
			t.Fatal(err)
		}
	}
	if count() != before {
		t.Error("the panel wrote audit entries")
	}
}

func TestRepeatPanelFallsBackToWhatWasExplainedAtTheVisit(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	st, _ := a.store()
	r, err := st.SaveIntake(&store.Intake{Case: store.Case{Title: "咨询低保政策", Status: string(casestate.AnsweredSpot)},
		People: []store.IntakePerson{{Person: wang(), Role: "主信访人"}}, Visit: store.Visit{Channel: "走访"},
		Record: &store.Record{Statement: "咨询", Explanations: "旧的说法"}, By: 1})
	if err != nil {
		t.Fatal(err)
	}
	events, _ := st.Events(r.CaseID)
	clerk := a.bind(addUser(t, a, "clerk", RoleClerk, false)).Cases
	if _, err := clerk.CorrectRecord(r.CaseID, events[0].ID, CaseRecord{RecordInput: RecordInput{Statement: "咨询", Explanations: "低保由户籍地乡镇受理，需提交家庭收入证明。"}}); err != nil {
		t.Fatal(err)
	}
	p, err := a.Repeat.Panel(RepeatQuery{Phone: "13812345678"})
	if err != nil || len(p.Cases) != 1 || p.Cases[0].Reply != "低保由户籍地乡镇受理，需提交家庭收入证明。" || p.Cases[0].ReplySource != "record" {
		t.Fatalf("%+v %v", p, err)
	}
}

// Issue 12: typing 张亚 listed 张亚菊's case tagged 本人, selected for
// Alt+L. 本人 takes the whole name and the ID number or phone; nothing
// less is selected for the clerk but her ID number typed before any name.
func TestRepeatPanelSaysSelfOnlyForTheWholeNameWithHerNumber(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	clerk := a.bind(addUser(t, a, "clerk", RoleClerk, false)).Repeat
	zhang := store.Person{Name: "张亚菊", Sex: "F", IDNumber: "110101198807150028", Phones: []string{"13912345678"}}
	c1, _ := intakeOne(t, a, zhang, store.Case{Title: "宅基地界址纠纷", Type: "申诉求决"}, "宅基地界址")
	for _, tc := range []struct {
		q         RepeatQuery
		match     string
		preselect bool
	}{
		{RepeatQuery{Name: "张亚"}, PersonName, false},
		{RepeatQuery{Name: "张亚菊"}, PersonName, false},
		{RepeatQuery{Name: "张亚", IDNumber: zhang.IDNumber}, PersonIDNumber, false},
		{RepeatQuery{IDNumber: zhang.IDNumber}, PersonIDNumber, true}, // the card read before the name is typed
		{RepeatQuery{Phone: "13912345678"}, PersonPhone, false},
		{RepeatQuery{Name: "张亚菊", IDNumber: zhang.IDNumber}, PersonSelf, true},
		{RepeatQuery{Name: "张 亚菊", Phone: "139 1234 5678"}, PersonSelf, true},
		{RepeatQuery{Name: "张亚兰", Phone: "13912345678"}, PersonPhone, false},
	} {
		p, err := clerk.Panel(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Cases) != 1 || p.Cases[0].ID != c1 {
			t.Fatalf("%+v: %+v", tc.q, p.Cases)
		}
		if rc := p.Cases[0]; rc.PersonMatch != tc.match || rc.Preselect != tc.preselect || !rc.ByPerson {
			t.Errorf("%+v: match %q preselect %v, want %q %v", tc.q, rc.PersonMatch, rc.Preselect, tc.match, tc.preselect)
		}
	}
}

// Issue 12: a wage-arrears group visit showed a land-compensation case as
// similar by 「5年」 of 2025年, and selected it. Digits and dates are no
// terms, and a case sharing few terms is shown but not selected.
func TestRepeatPanelMatchesTextByWordsAndSelectsOnlyAStrongMatch(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	clerk := a.bind(addUser(t, a, "clerk", RoleClerk, false)).Repeat
	land, _ := intakeOne(t, a, store.Person{Name: "赵六"}, store.Case{Title: "征地补偿款未发放", Type: "申诉求决",
		Demand: "2025年5月征地，要求发放补偿款"}, "2015年承包的土地于2025年被征收")
	wage, _ := intakeOne(t, a, store.Person{Name: "钱七"}, store.Case{Title: "某建筑公司拖欠农民工工资", Type: "申诉求决",
		Demand: "要求建筑公司支付拖欠的农民工工资"}, "在工地干了八个月")
	part, _ := intakeOne(t, a, store.Person{Name: "孙八"}, store.Case{Title: "物业公司拖欠保洁员工资", Type: "申诉求决"}, "物业拖欠")
	for i := 0; i < 12; i++ { // an office's other matters, so that terms have a rarity
		intakeOne(t, a, store.Person{Name: "周九"}, store.Case{Title: "邻居噪音扰民第" + string(rune('一'+i)) + "次", Type: "申诉求决"}, "楼上装修噪音")
	}
	p, err := clerk.Panel(RepeatQuery{Text: "2025年5月起，某建筑公司拖欠农民工工资共5个月，要求支付"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[uint64]RepeatCase{}
	for _, c := range p.Cases {
		got[c.ID] = c
	}
	if _, ok := got[land]; ok {
		t.Errorf("the land case is similar by %q", p.Terms)
	}
	for _, term := range p.Terms {
		if strings.ContainsAny(term, "0123456789") {
			t.Errorf("term %q", term)
		}
	}
	if c, ok := got[wage]; !ok || !c.BySimilar || !c.Preselect {
		t.Errorf("the wage case: %+v (terms %q)", c, p.Terms)
	}
	if c, ok := got[part]; ok && c.Preselect {
		t.Errorf("a case sharing %q is preselected", p.Terms)
	}
}
