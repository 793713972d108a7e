package app

import "testing"

// The window opens within a 1366 × 768 screen with room for a taskbar and
// a title bar, whatever size it was closed at, and comes back where it was.
func TestTheWindowFitsTheScreen(t *testing.T) {
	const w, h = 1366, 768
	inside := func(name string, ws WindowState) {
		t.Helper()
		if ws.X < 0 || ws.Y < 0 || ws.X+ws.Width > w || ws.Y+ws.Height > h-80 {
			t.Errorf("%s: %+v is not within %d × %d less a taskbar and a title bar", name, ws, w, h)
		}
		if ws.Width < WindowMinWidth || ws.Height < WindowMinHeight {
			t.Errorf("%s: %+v is smaller than the screens are laid out for", name, ws)
		}
	}
	if WindowHeight+80 > h || WindowWidth > w || WindowMinHeight+80 > h {
		t.Errorf("the first size %d × %d (least %d × %d) does not fit %d × %d", WindowWidth, WindowHeight,
			WindowMinWidth, WindowMinHeight, w, h)
	}
	first := FitWindow(WindowState{}, false, w, h)
	inside("first start", first)
	if first.Width < 1200 || first.X != (w-first.Width)/2 {
		t.Errorf("first start: %+v, want most of the screen, centred", first)
	}
	// Closed at 1280 × 800 (the old size), or on a larger second screen.
	inside("too tall", FitWindow(WindowState{X: 40, Y: 20, Width: 1280, Height: 800}, true, w, h))
	inside("off screen", FitWindow(WindowState{X: 2200, Y: 900, Width: 1600, Height: 1000}, true, w, h))
	inside("too small", FitWindow(WindowState{X: 10, Y: 10, Width: 300, Height: 200}, true, w, h))
	// A size and place that fit come back as they were.
	kept := WindowState{X: 30, Y: 12, Width: 1100, Height: 640, Maximised: true}
	if got := FitWindow(kept, true, w, h); got != kept {
		t.Errorf("kept: %+v, want %+v", got, kept)
	}
	// A screen smaller than the least size: the window is the screen.
	if got := FitWindow(WindowState{}, false, 800, 600); got.Width != 800 || got.Height != 600-80 || got.X != 0 || got.Y != 0 {
		t.Errorf("small screen: %+v", got)
	}
}

func TestTheWindowStateIsKeptInTheDataFolder(t *testing.T) {
	dir := t.TempDir()
	if _, ok := LoadWindowState(dir); ok {
		t.Fatal("a state in an empty folder")
	}
	ws := WindowState{X: 5, Y: 6, Width: 1200, Height: 650, Maximised: true}
	if err := SaveWindowState(dir, ws); err != nil {
		t.Fatal(err)
	}
	if got, ok := LoadWindowState(dir); !ok || got != ws {
		t.Errorf("loaded %+v %v, want %+v", got, ok, ws)
	}
}
