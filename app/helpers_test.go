package app

import (
	"os"
	"sync"
	"testing"
	"time"

	"laifang/store"
)

func TestMain(m *testing.M) {
	// Cheap hashes: the tests check the logic, not argon2's cost.
	hashParams = argonParams{memory: 64, time: 1, threads: 1}
	if dir := os.Getenv(letterChildEnv); dir != "" {
		os.Exit(issueLettersChild(dir)) // letters_crash_test.go
	}
	os.Exit(m.Run())
}

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// testApp opens an app on a temp folder with a settable clock.
func testApp(t testing.TB) (*App, *clock) {
	t.Helper()
	c := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)}
	a := New(Options{Version: "test", DataDir: t.TempDir(), Now: c.now})
	if err := a.Open(store.Options{NoSync: true, NoDailyBackup: true, Now: c.now}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a, c
}

const adminPassword = "Admin2026pass"

// setUp makes the office and its administrator through Auth.Setup, signed
// in on the window's session.
func setUp(t testing.TB, a *App) {
	t.Helper()
	_, err := a.Auth.Setup(SetupInput{OrgName: "某某镇人民政府", OrgCode: "某镇", AdminName: "王管理",
		AdminLogin: "admin", Password: adminPassword})
	if err != nil {
		t.Fatal(err)
	}
}

// addUser puts a user straight into the file and returns a session signed
// in as them.
func addUser(t testing.TB, a *App, login, role string, confidential bool) *Session {
	t.Helper()
	st, _ := a.store()
	u := &store.User{Name: login, Login: login, Role: role, Confidential: confidential, Active: true,
		PassHash: hashPassword("Secret123" + login)}
	if err := st.Update(func(tx *store.Tx) error { return tx.UpdateUser(u) }); err != nil {
		t.Fatal(err)
	}
	s := NewSession("测试", false)
	s.signIn(actorOf(u), a.now())
	return s
}

func code(err error) string {
	if err == nil {
		return ""
	}
	return AsError(err).Code
}

// sendToHandler puts user login in a department of his own (made when he
// has none) and sends it a 交办 task of each case, so that a handler sees
// them (scope.go). It returns the department.
func sendToHandler(t testing.TB, a *App, login string, cases ...uint64) uint64 {
	t.Helper()
	st, _ := a.store()
	var unit uint64
	err := st.Update(func(tx *store.Tx) error {
		u, err := tx.UserByLogin(login)
		if err != nil {
			return err
		}
		if u.Unit == 0 {
			d := &store.Unit{Name: "承办单位-" + login, Kind: "internal", Active: true, Assignable: true}
			if err := tx.UpdateUnit(d); err != nil {
				return err
			}
			u.Unit = d.ID
			if err := tx.UpdateUser(u); err != nil {
				return err
			}
		}
		unit = u.Unit
		for _, c := range cases {
			if err := tx.SaveTask(&store.Task{Case: c, Type: "交办", ToUnit: unit, Status: store.TaskPending}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return unit
}

func caseIDs(cs []*store.Case) []uint64 {
	out := make([]uint64, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}
