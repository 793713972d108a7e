package app

import (
	"slices"
	"strings"
	"testing"

	"laifang/store"
)

// A clerk who types the password into 登录名 must not find it in the audit
// log: an unknown login name is recorded as such, not as typed.
func TestAPasswordTypedAsTheLoginNameIsNotAudited(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	a.Auth.Logout()
	if _, err := a.Auth.Login("Geheim-2026-pw", "Geheim-2026-pw"); code(err) != "login.bad" {
		t.Fatalf("unknown login: %v", err)
	}
	a.Auth.Login("admin", adminPassword)
	rows, err := a.Audit.List(AuditQuery{Action: "login.failed"})
	if err != nil || len(rows.Rows) != 1 {
		t.Fatalf("failed logins: %+v %v", rows, err)
	}
	if r := rows.Rows[0]; r.Summary != "登录名不存在" {
		t.Errorf("summary %q", r.Summary)
	}
	for _, e := range lastEntries(t, a, 50) {
		if strings.Contains(e.Summary+e.Reason, "Geheim") {
			t.Errorf("the typed name is in the log: %+v", e)
		}
	}
}

// The first setup marks every empty required field at once.
func TestTheFirstSetupMarksEveryEmptyField(t *testing.T) {
	a, _ := testApp(t)
	_, err := a.Auth.Setup(SetupInput{AdminLogin: "admin"})
	e := AsError(err)
	var got []string
	for _, f := range e.Fields {
		got = append(got, f.Field)
	}
	if want := []string{"orgName", "orgCode", "adminName", "password"}; e.Code != CodeInvalid || !slices.Equal(got, want) {
		t.Fatalf("empty setup: %+v, fields %v, want %v", e, got, want)
	}
	if e.Field != "orgName" || !strings.Contains(e.Message, "4 处") {
		t.Errorf("first: %q %q", e.Field, e.Message)
	}
	// One problem is one field's error, as before.
	_, err = a.Auth.Setup(SetupInput{OrgName: "某镇", OrgCode: "某", AdminName: "王", AdminLogin: "admin", Password: "short"})
	if e := AsError(err); e.Field != "password" || len(e.Fields) != 0 {
		t.Fatalf("weak password: %+v", e)
	}
}

// The menu shows a screen iff Go would let the session open it: an
// administrator and a reader are not offered 来访登记.
func TestTheMenuShowsWhatTheRoleMayOpen(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	for _, s := range Screens {
		if _, ok := MethodPerms[s.Opens]; s.Opens != "" && !ok {
			t.Errorf("screen %s opens with %s, which is not a bound method", s.Name, s.Opens)
		}
		if (s.Opens == "") == (len(s.Perms) == 0) {
			t.Errorf("screen %s: name the call it opens with, or its perms, not both", s.Name)
		}
	}
	want := map[string][]string{
		RoleAdmin:   {"home", "cases", "supervision", "ledger", "reports", "settings"},
		RoleClerk:   {"home", "visits", "cases", "supervision", "letters", "ledger", "reports", "settings"},
		RoleHead:    {"home", "visits", "cases", "supervision", "letters", "ledger", "reports", "settings"},
		RoleHandler: {"home", "cases", "supervision", "letters", "ledger", "reports", "settings"},
		RoleReader:  {"home", "cases", "supervision", "ledger", "reports", "settings"},
	}
	for _, role := range Roles {
		sess := addUser(t, a, "u-"+role, role, false)
		b := a.bind(sess)
		st, err := b.Auth.State()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(st.Screens, want[role]) {
			t.Errorf("%s: screens %v, want %v", role, st.Screens, want[role])
		}
		// What the menu offers, the screen's first call answers.
		if slices.Contains(st.Screens, "visits") != (code(callZero(boundMethods(a.ServicesFor(sess))["Visits.Options"])) != CodeForbidden) {
			t.Errorf("%s: the menu and Visits.Options disagree", role)
		}
	}
	a.Auth.Logout()
	if st, _ := a.Auth.State(); len(st.Screens) != 0 {
		t.Errorf("signed out: %v", st.Screens)
	}
}

// The audit viewer names what an entry is about as a person would.
func TestTheAuditViewerNamesTheRecord(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	u, err := a.Users.Save(UserInput{Login: "lixh", Name: "李小红", Role: RoleClerk, Active: true, Password: "Clerk2026pass"})
	if err != nil {
		t.Fatal(err)
	}
	set, _ := a.Settings.Get()
	if _, err := a.Settings.Save(set); err != nil {
		t.Fatal(err)
	}
	caseID, _ := intakeOne(t, a, wang(), store.Case{Title: "拖欠工资", Type: "申诉求决"}, "拖欠工资")
	st, _ := a.store()
	c, _ := st.Case(caseID)
	rows, err := a.Audit.List(AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{} // the newest of each action
	for _, r := range rows.Rows {
		if _, ok := seen[r.Action]; !ok {
			seen[r.Action] = r.Record
		}
		if strings.Contains(r.Record, "#") || r.Record == r.Entity && r.Entity != "" {
			t.Errorf("an internal name shown: %+v", r)
		}
	}
	for action, want := range map[string]string{"user.create": "用户「李小红」", "settings.edit": "单位设置",
		"intake": "事项 " + c.No, "setup": "单位设置"} {
		if seen[action] != want {
			t.Errorf("%s: record %q, want %q", action, seen[action], want)
		}
	}
	if u.ID == 0 || c.No == "" {
		t.Fatalf("user %+v case %+v", u, c)
	}
}
