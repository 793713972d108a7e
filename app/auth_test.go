package app

import (
	"strings"
	"testing"
	"time"

	"laifang/store"
)

func lastEntries(t *testing.T, a *App, n int) []store.AuditEntry {
	t.Helper()
	st, _ := a.store()
	p, err := st.FindAudit(store.AuditFilter{Limit: n})
	if err != nil {
		t.Fatal(err)
	}
	return p.Entries
}

func TestPasswordsAreArgon2idAndCheck(t *testing.T) {
	h := hashPassword("正确的密码abc123")
	if !strings.HasPrefix(h, "$argon2id$v=19$") || strings.Contains(h, "正确") {
		t.Fatalf("hash: %s", h)
	}
	if !checkPassword(h, "正确的密码abc123") || checkPassword(h, "正确的密码abc124") || checkPassword("", "x") {
		t.Error("check")
	}
	if h == hashPassword("正确的密码abc123") {
		t.Error("no salt")
	}
}

func TestSetupOnceThenLogin(t *testing.T) {
	a, _ := testApp(t)
	_, err := a.Auth.Setup(SetupInput{OrgName: "某镇", OrgCode: "某", AdminName: "王", AdminLogin: "admin", Password: "short"})
	if e := AsError(err); e.Field != "password" {
		t.Fatalf("weak password: %+v", e)
	}
	_, err = a.Auth.Setup(SetupInput{OrgCode: "某", AdminName: "王", AdminLogin: "admin", Password: adminPassword})
	if e := AsError(err); e.Field != "orgName" || e.Message == "" {
		t.Fatalf("no office name: %+v", e)
	}
	setUp(t, a)
	st, err := a.Auth.State()
	if err != nil || !st.SignedIn || st.SetupNeeded || st.User.Role != RoleAdmin || st.OfficeName != "某某镇人民政府" {
		t.Fatalf("after setup: %+v %v", st, err)
	}
	if _, err := a.Auth.Setup(SetupInput{OrgName: "别的", OrgCode: "别", AdminName: "李", AdminLogin: "li", Password: adminPassword}); code(err) != "setup.done" {
		t.Fatalf("second setup: %v", err)
	}
	remote := NewSession("10.0.0.9", true)
	b, _ := testApp(t)
	if _, err := b.ServicesFor(remote)[0].(*Auth).Setup(SetupInput{}); code(err) != "setup.remote" {
		t.Fatalf("setup from another PC: %v", err)
	}
	if err := a.Auth.Logout(); err != nil {
		t.Fatal(err)
	}
	if _, err := a.System.Info(); code(err) != CodeAuthRequired {
		t.Fatalf("after logout: %v", err)
	}
	if _, err := a.Auth.Login("ADMIN", adminPassword); err != nil {
		t.Fatalf("login (login names ignore case): %v", err)
	}
	got := lastEntries(t, a, 3)
	if got[0].Action != "login" || got[1].Action != "logout" || got[0].Workstation == "" {
		t.Errorf("audit: %+v", got)
	}
}

func TestFailedLoginsWaitLongerThenLock(t *testing.T) {
	a, clk := testApp(t)
	setUp(t, a)
	a.Auth.Logout()
	for i := 1; i <= FreeTries; i++ {
		_, err := a.Auth.Login("admin", "wrong")
		if e := AsError(err); e.Code != "login.bad" || e.Field != "password" {
			t.Fatalf("try %d: %+v", i, e)
		}
	}
	// Now each try must wait, and the wait grows.
	_, err := a.Auth.Login("admin", adminPassword)
	if code(err) != "login.wait" || !strings.Contains(AsError(err).Message, "1 秒") {
		t.Fatalf("right password too soon: %v", err)
	}
	wait := time.Second
	for i := FreeTries + 1; i < LockAfter; i++ {
		clk.add(wait)
		if _, err := a.Auth.Login("admin", "wrong"); code(err) != "login.bad" {
			t.Fatalf("try %d: %v", i, err)
		}
		wait *= 2
		clk.add(wait - time.Second)
		if _, err := a.Auth.Login("admin", "wrong"); code(err) != "login.wait" {
			t.Fatalf("try %d came before its wait of %v: %v", i, wait, err)
		}
		clk.add(-(wait - time.Second))
	}
	clk.add(wait)
	_, err = a.Auth.Login("admin", "wrong")
	if code(err) != "login.lockedOut" {
		t.Fatalf("try %d: %v", LockAfter, err)
	}
	clk.add(time.Hour / 4)
	if _, err := a.Auth.Login("admin", adminPassword); code(err) != "login.lockedOut" {
		t.Fatalf("locked account with the right password: %v", err)
	}
	failed := 0
	for _, e := range lastEntries(t, a, 30) {
		if e.Action == "login.failed" {
			failed++
		}
	}
	if failed < LockAfter {
		t.Errorf("%d failed logins audited", failed)
	}
	clk.add(LockFor)
	if _, err := a.Auth.Login("admin", adminPassword); err != nil {
		t.Fatalf("after the lockout: %v", err)
	}
}

func TestAnUnknownLoginMeetsTheSameDelays(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	var last error
	for i := 0; i <= FreeTries; i++ {
		_, last = a.Auth.Login("nobody", "wrong")
	}
	if code(last) != "login.wait" {
		t.Fatalf("unknown login: %v", last)
	}
	if e := lastEntries(t, a, 1)[0]; e.Action != "login.failed" || strings.Contains(e.Summary, "nobody") {
		t.Errorf("audit: %+v", e)
	}
}

func TestAnIdleSessionLocksAndUnlocksWithThePassword(t *testing.T) {
	a, clk := testApp(t)
	setUp(t, a)
	if _, err := a.System.Info(); err != nil {
		t.Fatal(err)
	}
	clk.add(DefaultIdleMinutes*time.Minute + time.Second)
	st, _ := a.Auth.State()
	if !st.Locked {
		t.Fatalf("state after idling: %+v", st)
	}
	if _, err := a.System.Info(); code(err) != CodeAuthLocked {
		t.Fatalf("call while locked: %v", err)
	}
	if _, err := a.Auth.Unlock("wrong"); code(err) != "login.bad" {
		t.Fatalf("unlock with a wrong password: %v", err)
	}
	if _, err := a.System.Info(); code(err) != CodeAuthLocked {
		t.Fatalf("still locked: %v", err)
	}
	if _, err := a.Auth.Unlock(adminPassword); err != nil {
		t.Fatal(err)
	}
	if _, err := a.System.Info(); err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	// Locking by hand.
	a.Auth.Lock()
	if _, err := a.System.Info(); code(err) != CodeAuthLocked {
		t.Fatalf("after Lock: %v", err)
	}
}

func TestAStaleUserEditIsRefusedInChinese(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	u, err := a.Users.Save(UserInput{Login: "clerk", Name: "李登记", Role: RoleClerk, Active: true, Password: "Clerk2026x"})
	if err != nil {
		t.Fatal(err)
	}
	// Two administrators open the same user.
	first := UserInput{ID: u.ID, Login: u.Login, Name: "李登记员", Role: u.Role, Active: true, Rev: u.Rev}
	second := UserInput{ID: u.ID, Login: u.Login, Name: u.Name, Role: RoleHead, Active: true, Rev: u.Rev}
	if _, err := a.Users.Save(first); err != nil {
		t.Fatal(err)
	}
	_, err = a.Users.Save(second)
	if e := AsError(err); e.Code != CodeStale || !strings.Contains(e.Message, "已被其他人修改") {
		t.Fatalf("stale save: %+v", e)
	}
	list, _ := a.Users.List()
	for _, x := range list {
		if x.ID == u.ID && (x.Name != "李登记员" || x.Role != RoleClerk) {
			t.Fatalf("overwritten: %+v", x)
		}
	}
	if _, err := a.Users.Save(UserInput{Login: "clerk", Name: "重名", Role: RoleClerk, Password: "Clerk2026x"}); code(err) != "user.loginTaken" {
		t.Fatalf("duplicate login: %v", err)
	}
	me, _ := a.Auth.State()
	_, err = a.Users.Save(UserInput{ID: me.User.ID, Login: "admin", Name: "王管理", Role: RoleClerk, Active: true, Rev: me.User.Rev})
	if code(err) != "user.lastAdmin" {
		t.Fatalf("demote the last admin: %v", err)
	}
}

func TestRoleChangesTakeEffectAtOnce(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	sess := addUser(t, a, "head1", RoleHead, false)
	audit := a.bind(sess).Audit
	if _, err := audit.List(AuditQuery{}); err != nil {
		t.Fatal(err)
	}
	list, _ := a.Users.List()
	for _, u := range list {
		if u.Login == "head1" {
			if _, err := a.Users.Save(UserInput{ID: u.ID, Login: u.Login, Name: u.Name, Role: RoleReader, Active: true, Rev: u.Rev}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := audit.List(AuditQuery{}); code(err) != CodeForbidden {
		t.Fatalf("after demotion: %v", err)
	}
}
