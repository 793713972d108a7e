//go:build smoketest

// Only the desktop smoke test's build (go build -tags smoketest, see the
// Makefile's desktop-smoke target) carries this file: the release binary has
// no way to sign in without a password.

package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"laifang/store"
)

// The test hook of the desktop smoke test: with TestAdminEnv set to a
// password AND a file named TestMarker in the data folder, the window sets
// up a synthetic office whose administrator "admin" has that password, and
// signs its session in. Without the marker (every real data folder) the
// variable does nothing.
const (
	TestAdminEnv = "LAIFANG_TEST_ADMIN_PASSWORD"
	TestMarker   = "laifang.test-data"
)

// TestHook applies the test hook when both halves are present.
func (a *App) TestHook() error {
	pw := os.Getenv(TestAdminEnv)
	if pw == "" {
		return nil
	}
	if _, err := os.Stat(filepath.Join(a.opts.DataDir, TestMarker)); err != nil {
		return nil
	}
	st, err := a.store()
	if err != nil {
		return err
	}
	var set bool
	st.View(func(tx *store.Tx) error { set = tx.HasUsers(); return nil })
	if !set {
		_, err := a.Auth.Setup(SetupInput{OrgName: "测试单位（合成数据）", OrgCode: "测", AdminName: "测试管理员",
			AdminLogin: "admin", Password: pw})
		return err
	}
	_, err = a.Auth.Login("admin", pw)
	if err != nil {
		return errors.New("test hook: " + AsError(err).Message)
	}
	return nil
}

// TestClockFile, in a data folder that carries TestMarker, moves the
// program's date for the browser tests of the follow-up (a case turning
// yellow, then red, as days pass): it holds a day (2026-05-06), and the
// clock reads as that day at the real time of day. Without the marker,
// or without the file, the clock is the real one.
const TestClockFile = "laifang.test-clock"

// TestClock is the clock of a test build on dir: read at every tick, so
// a test moves the date by rewriting the file while the program runs.
func TestClock(dir string) func() time.Time {
	if _, err := os.Stat(filepath.Join(dir, TestMarker)); err != nil {
		return nil
	}
	return func() time.Time {
		now := time.Now()
		raw, err := os.ReadFile(filepath.Join(dir, TestClockFile))
		if err != nil {
			return now
		}
		day, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(string(raw)), now.Location())
		if err != nil {
			return now
		}
		y, m, d := day.Date()
		return time.Date(y, m, d, now.Hour(), now.Minute(), now.Second(), now.Nanosecond(), now.Location())
	}
}
