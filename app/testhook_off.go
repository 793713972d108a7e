//go:build !smoketest

package app

import "time"

// TestHook does nothing: only the smoke test's build (-tags smoketest)
// carries the hook of app/testhook.go.
func (a *App) TestHook() error { return nil }

// TestClock is nil, the real clock: only the test build (app/testhook.go)
// can move the date.
func TestClock(string) func() time.Time { return nil }
