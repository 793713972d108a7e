package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"laifang/app"
	"laifang/store"
)

// lockedOffice sets up an office whose only administrator "admin" has
// locked the account with wrong passwords.
func lockedOffice(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	now := time.Now().Add(-app.LockAfter * time.Hour)
	a := app.New(app.Options{DataDir: dir, Now: func() time.Time { return now }})
	if err := a.Open(store.Options{NoDailyBackup: true}); err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Auth.Setup(app.SetupInput{OrgName: "某镇", OrgCode: "某", AdminName: "王管理", AdminLogin: "admin",
		Password: "Admin2026pass"}); err != nil {
		t.Fatal(err)
	}
	a.Auth.Logout()
	for i := 0; i < app.LockAfter; i++ {
		now = now.Add(time.Hour) // past each wait
		a.Auth.Login("admin", "wrong1234")
	}
	if _, err := a.Auth.Login("admin", "Admin2026pass"); err == nil || app.AsError(err).Code != "login.lockedOut" {
		t.Fatalf("the account did not lock: %v", err)
	}
	return dir
}

func runWithInput(t *testing.T, input string, args ...string) (string, int) {
	t.Helper()
	t.Setenv("HOME", t.TempDir())
	var out bytes.Buffer
	code := Run(args, Env{Version: "test", Stdout: &out, Stderr: &out, Stdin: strings.NewReader(input),
		Executable: filepath.Join(t.TempDir(), "laifang")})
	return out.String(), code
}

// canLogin opens the office as the window would and signs in.
func canLogin(t *testing.T, dir, password string) error {
	t.Helper()
	a := app.New(app.Options{DataDir: dir})
	if err := a.Open(store.Options{NoDailyBackup: true}); err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	_, err := a.Auth.Login("admin", password)
	return err
}

func lastAudit(t *testing.T, dir string) store.AuditEntry {
	t.Helper()
	s, err := store.Open(filepath.Join(dir, app.DataFileName), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var last *store.AuditEntry
	if err := s.View(func(tx *store.Tx) error { last, err = tx.LastAudit(); return err }); err != nil {
		t.Fatal(err)
	}
	return *last
}

// A sole administrator locked out by guesses is unlocked at the PC that
// holds the file, and the audit log names the command and the OS user.
func TestUsersUnlockFreesALockedAdministrator(t *testing.T) {
	dir := lockedOffice(t)
	out, code := run(t, "users", "list", "--data", dir)
	if code != 0 || !strings.Contains(out, "admin") || !strings.Contains(out, "王管理") || !strings.Contains(out, "锁定至") {
		t.Fatalf("list: %d %s", code, out)
	}
	if out, code := run(t, "users", "unlock", "nobody", "--data", dir); code != 1 || !strings.Contains(out, "没有登录名为“nobody”") {
		t.Errorf("unknown login: %d %s", code, out)
	}
	out, code = run(t, "users", "unlock", "admin", "--data", dir)
	if code != 0 || !strings.Contains(out, "已解除 admin") {
		t.Fatalf("unlock: %d %s", code, out)
	}
	e := lastAudit(t, dir)
	if e.Action != "user.unlock" || e.User != 0 || !strings.HasPrefix(e.Workstation, "命令行") ||
		!strings.Contains(e.Summary, "laifang users unlock admin") {
		t.Errorf("audit: %+v", e)
	}
	if err := canLogin(t, dir, "Admin2026pass"); err != nil {
		t.Errorf("login after unlock: %v", err)
	}
}

// A forgotten password is reset from the standard input under the rule of
// Users.SetPassword; the old one stops working, the new one signs in.
func TestUsersResetPasswordFromStandardInput(t *testing.T) {
	dir := lockedOffice(t)
	out, code := runWithInput(t, "short\n", "users", "reset-password", "admin", "--data", dir)
	if code != 1 || !strings.Contains(out, "密码至少 8 位") {
		t.Fatalf("weak password: %d %s", code, out)
	}
	out, code = runWithInput(t, "Forgot2026again\r\n", "users", "reset-password", "admin", "--data", dir)
	if code != 0 || !strings.Contains(out, "已为 admin") {
		t.Fatalf("reset: %d %s", code, out)
	}
	e := lastAudit(t, dir)
	if e.Action != "user.password" || !strings.HasPrefix(e.Workstation, "命令行") ||
		!strings.Contains(e.Summary, "laifang users reset-password admin") {
		t.Errorf("audit: %+v", e)
	}
	if err := canLogin(t, dir, "Admin2026pass"); err == nil {
		t.Error("the old password still works")
	}
	if err := canLogin(t, dir, "Forgot2026again"); err != nil {
		t.Errorf("the new password: %v", err)
	}
}

// While another program (the window, serve) holds the file, the commands
// refuse in Chinese and change nothing.
func TestUsersRefusesWhileTheFileIsHeld(t *testing.T) {
	dir := lockedOffice(t)
	held, err := store.Open(filepath.Join(dir, app.DataFileName), store.Options{NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"users", "unlock", "admin"}, {"users", "reset-password", "admin"}, {"users", "list"}} {
		out, code := runWithInput(t, "Forgot2026again\n", append(args, "--data", dir)...)
		if code != 1 || !strings.Contains(out, "数据文件正被另一个程序使用") {
			t.Errorf("%v while held: %d %s", args, code, out)
		}
	}
	held.Close()
	if err := canLogin(t, dir, "Admin2026pass"); err == nil || app.AsError(err).Code != "login.lockedOut" {
		t.Errorf("a refused command changed the account: %v", err)
	}
	if out, code := run(t, "users", "frobnicate", "--data", dir); code != 1 || !strings.Contains(out, "reset-password") {
		t.Errorf("bad verb: %d %s", code, out)
	}
	if out, code := run(t, "help"); code != 0 || !strings.Contains(out, "users list | unlock 登录名 | reset-password 登录名") {
		t.Errorf("help: %s", out)
	}
}
