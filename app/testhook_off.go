//go:build !smoketest

package app

// TestHook does nothing: only the smoke test's build (-tags smoketest)
// carries the hook of app/testhook.go.
func (a *App) TestHook() error { return nil }
