package main

import (
	"os"
	"path/filepath"
	"testing"
)

// An office's IT puts Microsoft's fixed-version runtime beside laifang.exe,
// either as the WebView2 folder itself or as the folder the download unpacks
// to, inside it; anything else leaves the installed runtime in charge.
func TestFixedWebView2BesideTheExecutable(t *testing.T) {
	touch := func(path string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const unpacked = "Microsoft.WebView2.FixedVersionRuntime.120.0.2210.91.x64"
	for _, tc := range []struct {
		name  string
		files []string // beside laifang.exe
		want  string   // relative to the executable's folder; "" for none
	}{
		{"no folder", nil, ""},
		{"runtime in WebView2", []string{"WebView2/msedgewebview2.exe"}, "WebView2"},
		{"unpacked folder inside", []string{"WebView2/" + unpacked + "/msedgewebview2.exe"}, "WebView2/" + unpacked},
		{"empty folder", []string{"WebView2/readme.txt"}, ""},
		{"runtime two levels down", []string{"WebView2/a/b/msedgewebview2.exe"}, ""},
		{"other name", []string{"webview/msedgewebview2.exe"}, ""},
		{"a folder named like the runtime", []string{"WebView2/msedgewebview2.exe/x"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			exe := filepath.Join(dir, "laifang.exe")
			touch(exe)
			for _, f := range tc.files {
				touch(filepath.Join(dir, filepath.FromSlash(f)))
			}
			want := ""
			if tc.want != "" {
				want = filepath.Join(dir, filepath.FromSlash(tc.want))
			}
			if got := fixedWebView2(exe); got != want {
				t.Errorf("fixedWebView2 = %q, want %q", got, want)
			}
		})
	}
}

// A symlinked executable (a shortcut's target on Linux, a junction) looks
// beside the real file, as the portable marker does.
func TestFixedWebView2FollowsTheLink(t *testing.T) {
	real, elsewhere := t.TempDir(), t.TempDir()
	exe := filepath.Join(real, "laifang.exe")
	for _, f := range []string{exe, filepath.Join(real, "WebView2", "msedgewebview2.exe")} {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(elsewhere, "laifang.exe")
	if err := os.Symlink(exe, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if got, want := fixedWebView2(link), filepath.Join(real, "WebView2"); got != want {
		t.Errorf("fixedWebView2 = %q, want %q", got, want)
	}
}
