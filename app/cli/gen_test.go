package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"laifang/app"
	"laifang/store"
	"laifang/store/gen"
)

func run(t *testing.T, args ...string) (string, int) {
	t.Helper()
	// A command that missed its --data must not reach the real user folder.
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	var out, errb bytes.Buffer
	code := Run(args, Env{Version: "test", Stdout: &out, Stderr: &errb, Executable: filepath.Join(t.TempDir(), "laifang")})
	return out.String() + errb.String(), code
}

func TestGenCheckBackupRestore(t *testing.T) {
	dir := t.TempDir()
	out, code := run(t, "gen", "-n", "300", "--data", dir)
	if code != 0 || !strings.Contains(out, "已提交 300 次来访") || !strings.Contains(out, "完成") {
		t.Fatalf("gen: %d %s", code, out)
	}
	out, code = run(t, "check", "--data", dir)
	if code != 0 || !strings.Contains(out, "数据文件完好") || !strings.Contains(out, "300 次来访") {
		t.Fatalf("check: %d %s", code, out)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	out, code = run(t, "backup", copyPath, "--data", dir)
	if code != 0 {
		t.Fatalf("backup: %d %s", code, out)
	}
	// backup's file argument comes after the flags in usage; both orders work
	if _, err := os.Stat(copyPath); err != nil {
		out, code = run(t, "backup", "--data", dir, copyPath)
		if code != 0 {
			t.Fatalf("backup: %d %s", code, out)
		}
	}
	out, code = run(t, "restore", "--data", dir, copyPath)
	if code != 0 || !strings.Contains(out, "已恢复") {
		t.Fatalf("restore: %d %s", code, out)
	}
	out, code = run(t, "check", "--data", dir, "--rebuild")
	if code != 0 || !strings.Contains(out, "数据文件完好") {
		t.Fatalf("check --rebuild: %d %s", code, out)
	}
	out, code = run(t, "restore", "--data", dir, filepath.Join(dir, "nothing.db"))
	if code == 0 || !strings.Contains(out, "没有恢复") {
		t.Fatalf("restore of a missing file: %d %s", code, out)
	}
}

// A generated office can be logged into: every demo account has a role of
// app.Roles, the demo password printed by gen works for each, and the head
// holds the confidential grant.
func TestGenOfficeHasDemoLogins(t *testing.T) {
	dir := t.TempDir()
	out, code := run(t, "gen", "-n", "50", "--data", dir)
	if code != 0 {
		t.Fatalf("gen: %d %s", code, out)
	}
	if !strings.Contains(out, "演示") || !strings.Contains(out, "密码都是："+DemoPassword) {
		t.Errorf("gen does not print the demo logins and password: %s", out)
	}
	a := app.New(app.Options{Version: "test", DataDir: dir})
	if err := a.Open(store.Options{NoDailyBackup: true}); err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	roles := map[string]bool{}
	for _, u := range gen.Staff {
		if !slices.Contains(app.Roles, u.Role) {
			t.Errorf("demo account %s has role %q, not one of app.Roles", u.Login, u.Role)
		}
		roles[u.Role] = true
		if !strings.Contains(out, u.Login) {
			t.Errorf("gen's output does not name the login %s", u.Login)
		}
		s := app.NewSession("测试", false)
		auth := a.ServicesFor(s)[0].(*app.Auth)
		st, err := auth.Login(u.Login, DemoPassword)
		if err != nil || !st.SignedIn || st.User == nil || st.User.Role != u.Role {
			t.Errorf("login as %s: %+v %v", u.Login, st, err)
			continue
		}
		if st.User.Confidential != (u.Role == app.RoleHead) {
			t.Errorf("%s: confidential grant %v", u.Login, st.User.Confidential)
		}
		if _, err := auth.Login(u.Login, "wrong2026"); err == nil {
			t.Errorf("%s: a wrong password was accepted", u.Login)
		}
	}
	for _, r := range app.Roles {
		if !roles[r] {
			t.Errorf("no demo account has role %s", r)
		}
	}
	a.Close()
	// A second gen on the same office adds visits, not accounts.
	out, code = run(t, "gen", "-n", "10", "--data", dir)
	if code != 0 || strings.Contains(out, "演示账号") {
		t.Errorf("second gen: %d %s", code, out)
	}
}
