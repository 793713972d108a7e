//go:build !console

package main

import (
	"context"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/windows"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"laifang/app"
	"laifang/store"
)

func window(assets fs.FS) func(a *app.App) error {
	return func(a *app.App) error {
		var ctx atomic.Pointer[context.Context] // set on startup, read by the lock's goroutine
		dir := filepath.Dir(a.DataFile())
		var placed sync.Once        // the page loads again at each sign-out: place the window once
		stop := make(chan struct{}) // ends the hourly sweep of lapsed windows (app.SweepLapsed)
		exe, _ := os.Executable()
		err := wails.Run(&options.App{
			Title:            "来访接待",
			Width:            app.WindowWidth,
			Height:           app.WindowHeight,
			MinWidth:         app.WindowMinWidth,
			MinHeight:        app.WindowMinHeight,
			BackgroundColour: &options.RGBA{R: 255, G: 255, B: 255, A: 255},
			AssetServer:      &assetserver.Options{Assets: assets},
			Bind:             a.Services(),
			ErrorFormatter:   app.FormatError,
			SingleInstanceLock: &options.SingleInstanceLock{
				UniqueId: "cn.laifang.reception",
				// A second launch brings this window forward instead of
				// fighting over the data file.
				OnSecondInstanceLaunch: func(options.SecondInstanceData) {
					if c := ctx.Load(); c != nil {
						runtime.WindowUnminimise(*c)
						runtime.Show(*c)
					}
				},
			},
			OnStartup: func(c context.Context) {
				ctx.Store(&c)
				a.SetSaveDialog(func(name string) (string, error) {
					return runtime.SaveFileDialog(c, runtime.SaveDialogOptions{DefaultFilename: name,
						CanCreateDirectories: true})
				})
				// A failure is kept in the app and shown by the UI.
				if a.Open(store.Options{Warm: true}) == nil {
					a.TestHook() // a no-op but in the smoke test build (app/testhook.go)
					go a.SweepLapsed(stop)
				}
			},
			// The screens are known once the window is up.
			OnDomReady: func(c context.Context) { placed.Do(func() { placeWindow(c, dir) }) },
			OnBeforeClose: func(c context.Context) bool {
				keepWindow(c, dir)
				return false
			},
			OnShutdown: func(context.Context) {
				close(stop)
				a.Close()
			},
			// Wails ignores these but on Windows.
			Windows: &windows.Options{WebviewBrowserPath: fixedWebView2(exe), Messages: webView2Messages},
		})
		// laifang.exe has no console: an error nobody would see is shown in a
		// box, but for the missing runtime, which Wails has shown already.
		if err != nil && err.Error() != webView2Messages.Webview2NotInstalled {
			alert(err.Error())
		}
		return err
	}
}

// placeWindow puts the window where it was last closed, within the screen
// it opens on (app.FitWindow).
func placeWindow(c context.Context, dir string) {
	screens, err := runtime.ScreenGetAll(c)
	if err != nil || len(screens) == 0 {
		return
	}
	scr := screens[0]
	for _, s := range screens {
		if s.IsCurrent {
			scr = s
		}
	}
	saved, ok := app.LoadWindowState(dir)
	ws := app.FitWindow(saved, ok, scr.Size.Width, scr.Size.Height)
	runtime.WindowSetSize(c, ws.Width, ws.Height)
	runtime.WindowSetPosition(c, ws.X, ws.Y)
	if ws.Maximised {
		runtime.WindowMaximise(c)
	}
}

// keepWindow notes the window's size and place for the next start; a
// maximised window keeps the size it had before.
func keepWindow(c context.Context, dir string) {
	ws, _ := app.LoadWindowState(dir)
	ws.Maximised = runtime.WindowIsMaximised(c)
	if !ws.Maximised && !runtime.WindowIsMinimised(c) {
		ws.Width, ws.Height = runtime.WindowGetSize(c)
		ws.X, ws.Y = runtime.WindowGetPosition(c)
	}
	if ws.Width <= 0 || ws.Height <= 0 {
		return
	}
	if err := app.SaveWindowState(dir, ws); err != nil {
		slog.Warn("window state", "err", err)
	}
}
