package app

import (
	"errors"
	"strings"
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store"
)

func TestMasks(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"11010119900307123X", "110101********123X"},
		{"110101900307123", "110101*****7123"},
		{"", ""},
		{"AB12", "****"},
		{"E12345678", "*******78"},
	} {
		if got := MaskIDNumber(c.in); got != c.want {
			t.Errorf("MaskIDNumber(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"13812345678", "138****5678"},
		{"010-12345678", "010-****5678"},
		{"0755-8765432", "0755-***5432"},
		{"1234567", "*****67"},
	} {
		if got := MaskPhone(c.in); got != c.want {
			t.Errorf("MaskPhone(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if MaskName("张三丰") != "张**" || MaskName("李") != "李" {
		t.Error("MaskName")
	}
}

func intake(t *testing.T, a *App, c store.Case) (store.IntakeResult, store.Person) {
	t.Helper()
	st, _ := a.store()
	// Written as the app writes a case: the decision stored on it.
	c.Confidential = confidentialCase(c.Type, c.Confidential, false)
	p := store.Person{Name: "赵举报", IDNumber: "11010119900307123X", Phones: []string{"13812345678"}, Address: "北京市东城区某街道1号"}
	r, err := st.SaveIntake(&store.Intake{Case: c, People: []store.IntakePerson{{Person: p, Role: "主信访人"}},
		Visit: store.Visit{Channel: "走访"}, Record: &store.Record{Statement: "反映问题", RiskNotes: "对方扬言报复"}})
	if err != nil {
		t.Fatal(err)
	}
	p.ID = r.PersonIDs[0]
	return r, p
}

func TestAConfidentialCaseHidesTheReporterUntilRevealed(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	r, p := intake(t, a, store.Case{Title: "检举某单位负责人", Type: TypeReport, Accused: "钱某"})
	st, _ := a.store()
	c, _ := st.Case(r.CaseID)

	clerkSess := addUser(t, a, "clerk1", RoleClerk, false)
	clerk := a.bind(clerkSess)
	act := clerkSess.actor()
	if v := clerk.Privacy.personView(act, c, &p, true); v.Name != Hidden || v.IDNumber != "" || len(v.Phones) != 0 {
		t.Errorf("clerk sees: %+v", v)
	}
	if _, err := clerk.Privacy.Reveal(c.ID, "核实身份需要"); code(err) != CodeForbidden {
		t.Errorf("clerk reveal: %v", err)
	}

	discSess := addUser(t, a, "jijian", RoleHead, true)
	disc := a.bind(discSess)
	dact := discSess.actor()
	if v := disc.Privacy.personView(dact, c, &p, false); v.Name != Hidden {
		t.Errorf("grant holder before reveal: %+v", v)
	}
	if _, err := disc.Privacy.Reveal(c.ID, "查"); AsError(err).Field != "reason" {
		t.Errorf("reveal without a reason: %v", err)
	}
	got, err := disc.Privacy.Reveal(c.ID, "约谈核实举报内容")
	if err != nil {
		t.Fatal(err)
	}
	if got.People[0].IDNumber != p.IDNumber || got.Accused != "钱某" || got.RiskNotes[0] != "对方扬言报复" {
		t.Errorf("revealed: %+v", got)
	}
	if v := disc.Privacy.personView(dact, c, &p, false); v.Name != "赵举报" || v.IDNumber != "110101********123X" || v.Phones[0] != "138****5678" {
		t.Errorf("list after reveal: %+v", v)
	}
	if v := disc.Privacy.personView(dact, c, &p, true); v.IDNumber != p.IDNumber {
		t.Errorf("case view after reveal: %+v", v)
	}
	e := lastEntries(t, a, 1)[0]
	if e.Action != "reveal" || e.Reason != "约谈核实举报内容" || e.EntityID != c.ID || e.User != dact.ID {
		t.Errorf("audit: %+v", e)
	}
	// An ordinary case: masked in lists, in full in the case view.
	r2, p2 := intake(t, a, store.Case{Title: "咨询", Type: "咨询"})
	c2, _ := st.Case(r2.CaseID)
	if v := clerk.Privacy.personView(act, c2, &p2, false); v.Name != "赵举报" || v.IDNumber != "110101********123X" || !v.Masked {
		t.Errorf("ordinary list: %+v", v)
	}
	reader := addUser(t, a, "reader1", RoleReader, false)
	if v := a.bind(reader).Privacy.personView(reader.actor(), c2, &p2, true); v.IDNumber != "110101********123X" {
		t.Errorf("a reader's case view: %+v", v)
	}
}

func TestRetentionPurgeAuditsAndRemovesThePerson(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	r, p := intake(t, a, store.Case{Title: "旧事项", Type: "申诉求决"})
	r2, _ := intake(t, a, store.Case{Title: "新事项", Type: "申诉求决"})
	st, _ := a.store()
	for _, id := range []uint64{r.CaseID, r2.CaseID} {
		c, _ := st.Case(id)
		c.Status = string(casestate.Archived)
		c.Closed = civil.D(2010, 6, 1)
		if id == r2.CaseID {
			c.Closed = civil.D(2025, 6, 1)
		}
		st.UpdateCase(c, nil, nil)
	}
	list, err := a.Retention.List()
	if err != nil || len(list) != 1 || list[0].ID != r.CaseID || list[0].RetainUntil != "2020-06-01" {
		t.Fatalf("expired: %+v %v", list, err)
	}
	if _, err := a.Retention.Purge([]uint64{r.CaseID}, ""); AsError(err).Field != "reason" {
		t.Fatalf("no reason: %v", err)
	}
	if _, err := a.Retention.Purge([]uint64{r2.CaseID}, "期满"); code(err) != "purge.notExpired" {
		t.Fatalf("not expired: %v", err)
	}
	n, err := a.Retention.Purge([]uint64{r.CaseID}, "保管期限届满，经负责人批准")
	if err != nil || n != 1 {
		t.Fatal(n, err)
	}
	if _, err := st.Person(p.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("person left: %v", err)
	}
	e := lastEntries(t, a, 1)[0]
	if e.Action != "purge" || e.EntityID != r.CaseID || e.Reason == "" {
		t.Errorf("audit: %+v", e)
	}
	for _, s := range []string{e.Summary, e.Reason} {
		for _, pii := range []string{p.Name, p.IDNumber, "13812345678"} {
			if pii != "" && strings.Contains(s, pii) {
				t.Errorf("personal data in the audit entry: %q", s)
			}
		}
	}
	check, err := a.Audit.Verify()
	if err != nil || !check.OK {
		t.Errorf("verify: %+v %v", check, err)
	}
}

func TestAuditViewerFilters(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	a.Auth.Logout()
	a.Auth.Login("admin", "wrong")
	a.Auth.Login("admin", adminPassword)
	rows, err := a.Audit.List(AuditQuery{Action: "login.failed"})
	if err != nil || len(rows.Rows) != 1 || rows.Rows[0].Summary == "" {
		t.Fatalf("failed logins: %+v %v", rows, err)
	}
	me, _ := a.Auth.State()
	rows, _ = a.Audit.List(AuditQuery{User: me.User.ID})
	if len(rows.Rows) < 4 || rows.Rows[0].UserName != "王管理" {
		t.Fatalf("by user: %+v", rows)
	}
	rows, _ = a.Audit.List(AuditQuery{From: "2026-03-03"})
	if len(rows.Rows) != 0 {
		t.Fatalf("from tomorrow: %+v", rows)
	}
	rows, _ = a.Audit.List(AuditQuery{From: "2026-03-02", To: "2026-03-02", Limit: 2})
	if len(rows.Rows) != 2 || !rows.More {
		t.Fatalf("today, page 1: %+v", rows)
	}
	if _, err := a.Audit.List(AuditQuery{From: "3月2日"}); AsError(err).Field != "from" {
		t.Fatalf("bad date: %v", err)
	}
}

// What list and search services take from mask.go: rows of confidential
// cases without the reporter's name, the accused and risk tags hidden,
// phones masked; all of it back once a grant holder has revealed the case.
func TestListsHideTheReporterOfAConfidentialRow(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	marked, _ := intake(t, a, store.Case{Title: "反映问题", Type: "申诉求决", Confidential: true, Accused: "孙某",
		RiskTags: []string{"扬言报复"}})
	report, _ := intake(t, a, store.Case{Title: "检举", Type: TypeReport})
	plain, _ := intake(t, a, store.Case{Title: "咨询", Type: "咨询"})
	st, _ := a.store()
	row := func(id uint64) *store.CaseRow {
		t.Helper()
		res, err := st.Search(store.Query{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range res.Rows {
			if res.Rows[i].ID == id {
				return &res.Rows[i]
			}
		}
		t.Fatalf("no row %d", id)
		return nil
	}
	clerkSess := addUser(t, a, "clerk1", RoleClerk, false)
	clerk, cact := a.bind(clerkSess).Privacy, clerkSess.actor()
	headSess := addUser(t, a, "head1", RoleHead, true)
	head, hact := a.bind(headSess).Privacy, headSess.actor()

	for _, id := range []uint64{marked.CaseID, report.CaseID} {
		if n := clerk.rowName(cact, row(id)); n != Hidden {
			t.Errorf("clerk sees the reporter of case %d in a list: %q", id, n)
		}
		if n := head.rowName(hact, row(id)); n != Hidden {
			t.Errorf("the grant alone, before a reveal, shows %q", n)
		}
	}
	if n := clerk.rowName(cact, row(plain.CaseID)); n != "赵举报" {
		t.Errorf("an ordinary row: %q", n)
	}
	c, _ := st.Case(marked.CaseID)
	if acc, risk := clerk.caseSecrets(cact, c); acc != Hidden || risk != nil {
		t.Errorf("clerk sees the accused %q and risks %v", acc, risk)
	}
	if _, err := head.Reveal(marked.CaseID, "核实举报线索"); err != nil {
		t.Fatal(err)
	}
	if n := head.rowName(hact, row(marked.CaseID)); n != "赵举报" {
		t.Errorf("after the reveal: %q", n)
	}
	if n := head.rowName(hact, row(report.CaseID)); n != Hidden {
		t.Errorf("a reveal of one case showed another: %q", n)
	}
	if acc, risk := head.caseSecrets(hact, c); acc != "孙某" || len(risk) != 1 {
		t.Errorf("after the reveal: %q %v", acc, risk)
	}
	// The clerk's session saw no reveal: still hidden for them.
	if n := clerk.rowName(cact, row(marked.CaseID)); n != Hidden {
		t.Errorf("another session's reveal showed the name to the clerk: %q", n)
	}
	if got := MaskPhones([]string{"13812345678", "010-12345678"}); got[0] != "138****5678" || got[1] != "010-****5678" {
		t.Errorf("MaskPhones: %v", got)
	}
	if MaskPhones(nil) != nil {
		t.Error("MaskPhones(nil)")
	}
}
