// laifang: petition reception for a small office. main wires the command
// line to the Wails window; everything testable lives in app/ and store/.
package main

import (
	"embed"
	"io/fs"
	"os"

	"laifang/app/cli"
)

//go:embed all:frontend/dist
var embedded embed.FS

// wailsJSON holds the release's version (info.productVersion, which the
// Windows installer carries too); commit is set at build time with
// -ldflags "-X main.commit=..." and shows only as a suffix.
var (
	//go:embed wails.json
	wailsJSON []byte
	commit    string
)

func main() {
	assets, err := fs.Sub(embedded, "frontend/dist")
	if err != nil {
		panic(err)
	}
	os.Exit(cli.Run(os.Args[1:], cli.Env{Version: cli.VersionOf(wailsJSON, commit), Assets: assets, Window: window(assets)}))
}
