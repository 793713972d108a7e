package app

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/crypto/argon2"

	"laifang/store"
)

// countHashes counts the argon2 runs from now on; each waits for gate
// (nil: none) first, and the most running at once is kept.
type hashCounter struct {
	calls, running, most atomic.Int32
	gate                 func(n int32)
}

func countHashes(t *testing.T) *hashCounter {
	c := &hashCounter{}
	argonKey = func(pw, salt []byte, time, memory uint32, threads uint8, n uint32) []byte {
		k := c.calls.Add(1)
		r := c.running.Add(1)
		for m := c.most.Load(); r > m && !c.most.CompareAndSwap(m, r); m = c.most.Load() {
		}
		if c.gate != nil {
			c.gate(k)
		}
		defer c.running.Add(-1)
		return argon2.IDKey(pw, salt, time, memory, threads, n)
	}
	t.Cleanup(func() { argonKey = argon2.IDKey })
	return c
}

func userByLogin(t *testing.T, a *App, login string) *store.User {
	t.Helper()
	st, _ := a.store()
	var u *store.User
	if err := st.View(func(tx *store.Tx) (err error) { u, err = tx.UserByLogin(login); return err }); err != nil {
		t.Fatal(err)
	}
	return u
}

// Guesses sent at once are taken one at a time: after FreeTries failures
// every other one meets the wait without a hash, whichever screen it was
// typed on (the probe sent 40 and all were hashed).
func TestGuessesSentAtOnceMeetTheDelays(t *testing.T) {
	for _, route := range []string{"login", "unlock", "change password"} {
		t.Run(route, func(t *testing.T) {
			a, clk := testApp(t)
			setUp(t, a)
			if route == "unlock" {
				clk.add(DefaultIdleMinutes*time.Minute + time.Second)
				a.System.Info() // the session locks
			}
			hashes := countHashes(t)
			var wg sync.WaitGroup
			codes := make([]string, 40)
			for i := range codes {
				wg.Go(func() {
					var err error
					switch route {
					case "login":
						_, err = a.ServicesFor(NewSession("10.0.0.9", true))[0].(*Auth).Login("admin", "wrong1234")
					case "unlock":
						_, err = a.Auth.Unlock("wrong1234")
					default:
						err = a.Auth.ChangePassword("wrong1234", "NewPass2026")
					}
					codes[i] = code(err)
				})
			}
			wg.Wait()
			count := map[string]int{}
			for _, c := range codes {
				count[c]++
			}
			bad := count["login.bad"] + count["password.old"]
			if hashes.calls.Load() != FreeTries || bad != FreeTries || count["login.wait"] != 40-FreeTries {
				t.Errorf("%d hashes, outcomes %v; want %d hashes, %d wrong and the rest told to wait",
					hashes.calls.Load(), count, FreeTries, FreeTries)
			}
			if u := userByLogin(t, a, "admin"); u.Failed != FreeTries || u.LockedUntil != 0 {
				t.Errorf("account after the burst: %d failures, locked until %v", u.Failed, u.LockedUntil)
			}
		})
	}
}

// The right password sent among wrong ones is refused when a wrong one
// before it reached the lockout: the lockout is decided after that hash,
// and the next try reads it.
func TestTheRightPasswordAmongGuessesIsRefusedOnceLocked(t *testing.T) {
	a, clk := testApp(t)
	setUp(t, a)
	a.Auth.Logout()
	st, _ := a.store()
	st.Update(func(tx *store.Tx) error {
		u, err := tx.UserByLogin("admin")
		if err != nil {
			return err
		}
		u.Failed, u.LastFail = LockAfter-1, store.StampOf(clk.now().Add(-time.Hour))
		return tx.SaveUser(u)
	})
	hashes := countHashes(t)
	inFirst, release := make(chan struct{}), make(chan struct{})
	hashes.gate = func(n int32) {
		if n == 1 {
			close(inFirst)
			<-release
		}
	}
	login := func(pw string) error {
		_, err := a.ServicesFor(NewSession("10.0.0.9", true))[0].(*Auth).Login("admin", pw)
		return err
	}
	first := make(chan error, 1)
	go func() { first <- login("wrong1234") }()
	<-inFirst // the guess that will lock the account is being hashed
	var wg sync.WaitGroup
	errs := make([]error, 39)
	for i := range errs {
		pw := "wrong1234"
		if i == 20 {
			pw = adminPassword
		}
		wg.Go(func() { errs[i] = login(pw) })
	}
	// Give the others time to get as far as they can while the first
	// hash runs: before the fix they read the account and hashed.
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(300 * time.Millisecond):
	}
	close(release)
	<-done
	if err := <-first; code(err) != "login.lockedOut" {
		t.Fatalf("the guess that reached LockAfter: %v", err)
	}
	if code(errs[20]) != "login.lockedOut" {
		t.Errorf("the right password behind the locking guess: %v", errs[20])
	}
	for i, err := range errs {
		if code(err) != "login.lockedOut" {
			t.Errorf("try %d: %v", i, err)
		}
	}
	if n := hashes.calls.Load(); n != 1 {
		t.Errorf("%d hashes; a locked account costs none", n)
	}
	if u := userByLogin(t, a, "admin"); u.LockedUntil == 0 || u.Failed != LockAfter {
		t.Errorf("account: %d failures, locked until %v", u.Failed, u.LockedUntil)
	}
}

// 64 logins at once run at most hashSlots hashes together, queue
// hashQueue more, and refuse the rest at once in Chinese; an unknown
// login name costs a hash like a known one.
func TestHashesAtOnceAreBounded(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	hashes := countHashes(t)
	release := make(chan struct{})
	hashes.gate = func(int32) { <-release }
	const n = 64
	errs := make([]error, n)
	var wg sync.WaitGroup
	var returned atomic.Int32
	for i := range errs {
		login := "nobody" + string(rune('a'+i/26)) + string(rune('a'+i%26))
		if i == 0 {
			login = "admin"
		}
		wg.Go(func() {
			_, errs[i] = a.ServicesFor(NewSession("10.0.0.9", true))[0].(*Auth).Login(login, "wrong1234")
			returned.Add(1)
		})
	}
	refused := int32(n - hashSlots - hashQueue)
	deadline := time.Now().Add(20 * time.Second)
	for returned.Load() < refused || hashes.running.Load() < int32(hashSlots) {
		if time.Now().After(deadline) {
			close(release)
			t.Fatalf("%d returned, %d hashing", returned.Load(), hashes.running.Load())
		}
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond) // nothing more may return or start
	if r, h := returned.Load(), hashes.running.Load(); r != refused || h != int32(hashSlots) {
		t.Errorf("%d refused and %d hashing while the slots are full; want %d and %d", r, h, refused, hashSlots)
	}
	close(release)
	wg.Wait()
	busy, bad := 0, 0
	for _, err := range errs {
		switch e := AsError(err); e.Code {
		case CodeBusy:
			busy++
			if !strings.Contains(e.Message, "服务器繁忙") {
				t.Errorf("busy message: %q", e.Message)
			}
		case "login.bad":
			bad++
		default:
			t.Errorf("unexpected: %v", err)
		}
	}
	if busy != int(refused) || bad != hashSlots+hashQueue || int(hashes.calls.Load()) != bad {
		t.Errorf("%d busy, %d wrong, %d hashes", busy, bad, hashes.calls.Load())
	}
	if m := hashes.most.Load(); m != int32(hashSlots) {
		t.Errorf("at most %d hashes ran at once; want %d", m, hashSlots)
	}
	// A refusal for load is no failed login.
	if u := userByLogin(t, a, "admin"); errs[0] != nil && code(errs[0]) == CodeBusy && u.Failed != 0 {
		t.Errorf("a busy refusal counted as a failure: %d", u.Failed)
	}
}

// A wrong old password in ChangePassword counts as a failed login and
// says so next to the old-password field.
func TestAWrongOldPasswordCounts(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	err := a.Auth.ChangePassword("wrong1234", "NewPass2026")
	if e := AsError(err); e.Code != "password.old" || e.Field != "oldPassword" || !strings.HasPrefix(e.Message, "原密码不正确") {
		t.Fatalf("wrong old password: %+v", e)
	}
	if u := userByLogin(t, a, "admin"); u.Failed != 1 {
		t.Errorf("failures: %d", u.Failed)
	}
	if err := a.Auth.ChangePassword(adminPassword, "NewPass2026"); err != nil {
		t.Fatal(err)
	}
	if u := userByLogin(t, a, "admin"); u.Failed != 0 || !checkPassword(u.PassHash, "NewPass2026") {
		t.Errorf("after the change: %d failures, new password taken: %v", u.Failed, checkPassword(u.PassHash, "NewPass2026"))
	}
}

// The console (laifang users) unlocks and resets a password under the
// same rule as Users.SetPassword, and audits both with the command line.
func TestConsoleUnlocksAndResetsAudited(t *testing.T) {
	a, clk := testApp(t)
	setUp(t, a)
	a.Auth.Logout()
	for i := 0; i < LockAfter; i++ {
		a.Auth.Login("admin", "wrong1234")
		clk.add(time.Hour)
	}
	clk.add(-time.Hour)
	if _, err := a.Auth.Login("admin", adminPassword); code(err) != "login.lockedOut" {
		t.Fatalf("not locked: %v", err)
	}
	con := a.Console("命令行（测试）")
	if _, err := con.Unlock("nobody", "laifang users unlock nobody"); code(err) != CodeNotFound {
		t.Errorf("unknown login: %v", err)
	}
	if _, err := con.Unlock("ADMIN", "laifang users unlock ADMIN"); err != nil {
		t.Fatal(err)
	}
	e := lastEntries(t, a, 1)[0]
	if e.Action != "user.unlock" || e.Workstation != "命令行（测试）" || !strings.Contains(e.Summary, "laifang users unlock ADMIN") {
		t.Errorf("unlock audit: %+v", e)
	}
	if _, err := a.Auth.Login("admin", adminPassword); err != nil {
		t.Fatalf("login after unlock: %v", err)
	}
	if _, err := con.ResetPassword("admin", "short", "x"); code(err) != "password.weak" {
		t.Errorf("weak password: %v", err)
	}
	if _, err := con.ResetPassword("admin", "Forgot2026again", "laifang users reset-password admin"); err != nil {
		t.Fatal(err)
	}
	if e := lastEntries(t, a, 1)[0]; e.Action != "user.password" || !strings.Contains(e.Summary, "reset-password") {
		t.Errorf("reset audit: %+v", e)
	}
	if _, err := a.Auth.Login("admin", "Forgot2026again"); err != nil {
		t.Fatalf("login with the new password: %v", err)
	}
	us, err := con.Users()
	if err != nil || len(us) != 1 || us[0].Login != "admin" {
		t.Errorf("users: %+v %v", us, err)
	}
}
