//go:build smoketest

package app

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTheTestHookNeedsTheMarkerFile(t *testing.T) {
	a, _ := testApp(t)
	t.Setenv(TestAdminEnv, "Smoke2026pass")
	if err := a.TestHook(); err != nil {
		t.Fatal(err)
	}
	if st, _ := a.Auth.State(); !st.SetupNeeded {
		t.Fatal("the hook acted without the marker file")
	}
	os.WriteFile(filepath.Join(a.opts.DataDir, TestMarker), nil, 0o644)
	if err := a.TestHook(); err != nil {
		t.Fatal(err)
	}
	if st, _ := a.Auth.State(); !st.SignedIn || st.User.Login != "admin" {
		t.Fatalf("after the hook: %+v", st)
	}
}
