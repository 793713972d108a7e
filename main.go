// laifang: petition reception for a small office. main wires the command
// line to the Wails window; everything testable lives in app/ and store/.
package main

import (
	"context"
	"embed"
	"io/fs"
	"os"
	"sync/atomic"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"laifang/app"
	"laifang/app/cli"
	"laifang/store"
)

//go:embed all:frontend/dist
var embedded embed.FS

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	assets, err := fs.Sub(embedded, "frontend/dist")
	if err != nil {
		panic(err)
	}
	os.Exit(cli.Run(os.Args[1:], cli.Env{Version: version, Assets: assets, Window: window(assets)}))
}

func window(assets fs.FS) func(a *app.App) error {
	return func(a *app.App) error {
		var ctx atomic.Pointer[context.Context] // set on startup, read by the lock's goroutine
		return wails.Run(&options.App{
			Title:            "来访接待",
			Width:            1280,
			Height:           800,
			MinWidth:         1024,
			MinHeight:        640,
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
				// A failure is kept in the app and shown by the UI.
				if a.Open(store.Options{}) == nil {
					a.TestHook() // a no-op but in the smoke test build (app/testhook.go)
				}
			},
			OnShutdown: func(context.Context) { a.Close() },
		})
	}
}
