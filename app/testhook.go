//go:build smoketest

// Only the desktop smoke test's build (go build -tags smoketest, see the
// Makefile's desktop-smoke target) carries this file: the release binary has
// no way to sign in without a password.

package app

import (
	"errors"
	"os"
	"path/filepath"

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
