package app

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// The window's first size fits the 1366 × 768 screens common on office PCs
// (with a taskbar and a title bar); MinWidth × MinHeight is the least the
// screens are laid out for.
const (
	WindowWidth     = 1280
	WindowHeight    = 680
	WindowMinWidth  = 1024
	WindowMinHeight = 600
)

// WindowFileName keeps the window's size and place in the data folder
// between runs; it holds no office data.
const WindowFileName = "laifang-window.json"

// WindowState is where the window was when it was last closed: X and Y
// from the screen's top left corner, the size when not maximised.
type WindowState struct {
	X         int  `json:"x"`
	Y         int  `json:"y"`
	Width     int  `json:"width"`
	Height    int  `json:"height"`
	Maximised bool `json:"maximised,omitempty"`
}

// LoadWindowState reads the last state from the data folder dir; ok is
// false when there is none (a first start) or it cannot be read.
func LoadWindowState(dir string) (ws WindowState, ok bool) {
	b, err := os.ReadFile(filepath.Join(dir, WindowFileName))
	if err != nil || json.Unmarshal(b, &ws) != nil || ws.Width <= 0 || ws.Height <= 0 {
		return WindowState{}, false
	}
	return ws, true
}

// SaveWindowState keeps ws in the data folder dir.
func SaveWindowState(dir string, ws WindowState) error {
	b, err := json.Marshal(ws)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, WindowFileName), b, 0o644)
}

// FitWindow places the window on a screen of screenW × screenH: the
// saved state (when ok) or a first size from the screen, never larger than the screen
// less room for a taskbar and a title bar, never smaller than the least
// size the screen allows, and wholly on the screen (a state saved on a
// larger or a second screen is pulled back; a first start is centred).
func FitWindow(saved WindowState, ok bool, screenW, screenH int) WindowState {
	const taskbar, titleBar = 48, 32
	maxW, maxH := screenW, screenH-taskbar-titleBar
	ws := saved
	if !ok {
		// A first start: most of the screen, up to a size the screens
		// do not need more than.
		ws = WindowState{Width: min(1440, screenW*94/100), Height: min(900, maxH)}
	}
	ws.Width = clampInt(ws.Width, min(WindowMinWidth, maxW), maxW)
	ws.Height = clampInt(ws.Height, min(WindowMinHeight, maxH), maxH)
	if !ok {
		ws.X, ws.Y = (screenW-ws.Width)/2, (screenH-taskbar-titleBar-ws.Height)/2
	}
	ws.X = clampInt(ws.X, 0, screenW-ws.Width)
	ws.Y = clampInt(ws.Y, 0, screenH-taskbar-titleBar-ws.Height)
	return ws
}

func clampInt(v, lo, hi int) int {
	if hi < lo {
		hi = lo
	}
	return max(lo, min(v, hi))
}
