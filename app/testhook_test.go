//go:build smoketest

package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"
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

func TestTheTestHookClockMovesTheDateOnlyWithTheMarker(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, TestClockFile), []byte("2026-05-06\n"), 0o644)
	if TestClock(dir) != nil {
		t.Fatal("a data folder without the marker got a test clock")
	}
	os.WriteFile(filepath.Join(dir, TestMarker), nil, 0o644)
	clock := TestClock(dir)
	if got := clock().Format(time.DateOnly); got != "2026-05-06" {
		t.Fatalf("clock reads %s, want 2026-05-06", got)
	}
	os.WriteFile(filepath.Join(dir, TestClockFile), []byte("2026-05-20"), 0o644)
	if got := clock().Format(time.DateOnly); got != "2026-05-20" {
		t.Fatalf("after moving the date the clock reads %s", got)
	}
	os.Remove(filepath.Join(dir, TestClockFile))
	if got, want := clock().Format(time.DateOnly), time.Now().Format(time.DateOnly); got != want {
		t.Fatalf("without the file the clock reads %s, want today %s", got, want)
	}
}
