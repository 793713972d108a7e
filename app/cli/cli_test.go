package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"laifang/app"
	"laifang/store"
)

func TestDataDirPrefersFlagThenPortableThenUserFolder(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", filepath.Join(t.TempDir(), "xdg"))
	t.Setenv("HOME", t.TempDir())
	exeDir := t.TempDir()
	exe := filepath.Join(exeDir, "laifang")
	os.WriteFile(exe, nil, 0o755)

	flagDir := filepath.Join(t.TempDir(), "office")
	if got, err := resolveDataDir(flagDir, exe); err != nil || got != flagDir {
		t.Errorf("--data: got %q %v, want %q", got, err, flagDir)
	}
	if _, err := os.Stat(flagDir); err != nil {
		t.Errorf("--data folder was not created: %v", err)
	}

	got, err := resolveDataDir("", exe)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(os.Getenv("XDG_DATA_HOME"), "laifang"); got != want {
		t.Errorf("default: got %q, want %q", got, want)
	}

	os.WriteFile(filepath.Join(exeDir, PortableMarker), nil, 0o644)
	if got, err := resolveDataDir("", exe); err != nil || got != exeDir {
		t.Errorf("portable: got %q %v, want %q", got, err, exeDir)
	}
}

// startServe runs `laifang serve` on a free port and returns its base URL.
func startServe(t *testing.T, dir string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int)
	go func() {
		done <- Run([]string{"serve", "--data", dir, "--addr", "127.0.0.1:0"}, Env{
			Version: "test-1", Assets: fstest.MapFS{"index.html": {Data: []byte("ok")}},
			Stdout: pw, Stderr: io.Discard, Ctx: ctx,
		})
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed no address: %v", err)
	}
	go io.Copy(io.Discard, pr)
	m := regexp.MustCompile(`http://[0-9.:]+`).FindString(line)
	if m == "" {
		t.Fatalf("no address in %q", line)
	}
	return m
}

func TestServeAnswersSystemInfoForItsDataFile(t *testing.T) {
	dir := t.TempDir()
	base := startServe(t, dir)
	res, err := http.Post(base+"/api/System/Info", "application/json", strings.NewReader("[]"))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var info app.SystemInfo
	if err := json.NewDecoder(res.Body).Decode(&info); err != nil {
		t.Fatal(err)
	}
	if info.DataPath != filepath.Join(dir, app.DataFileName) || info.Version != "test-1" || info.DataSize <= 0 {
		t.Errorf("info: %+v", info)
	}
}

func TestLockedDataFileGivesAChineseMessageNotAHang(t *testing.T) {
	dir := t.TempDir()
	held, err := store.Open(filepath.Join(dir, app.DataFileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	var stderr bytes.Buffer
	start := time.Now()
	code := Run([]string{"serve", "--data", dir, "--addr", "127.0.0.1:0"}, Env{Stdout: io.Discard, Stderr: &stderr, Ctx: context.Background()})
	if code == 0 || !strings.Contains(stderr.String(), "数据文件正被另一个程序使用") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestUnknownCommandAndWindowlessBuild(t *testing.T) {
	var stderr bytes.Buffer
	if code := Run([]string{"frobnicate"}, Env{Stderr: &stderr, Stdout: io.Discard}); code != 2 || !strings.Contains(stderr.String(), "没有命令") {
		t.Errorf("unknown command: exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := Run([]string{"--data", t.TempDir()}, Env{Stderr: &stderr, Stdout: io.Discard}); code != 1 || !strings.Contains(stderr.String(), "没有桌面窗口") {
		t.Errorf("window without desktop: exit %d, %q", code, stderr.String())
	}
}

func TestFlagsAfterArgumentsAreNotIgnored(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	data := fs.String("data", "", "")
	if err := parseInterspersed(fs, []string{"copy.db", "--data", "/office", "more"}); err != nil {
		t.Fatal(err)
	}
	if *data != "/office" || strings.Join(fs.Args(), " ") != "copy.db more" {
		t.Errorf("data %q args %q", *data, fs.Args())
	}
	// After "--" everything is an argument, as usual.
	fs = flag.NewFlagSet("t", flag.ContinueOnError)
	data = fs.String("data", "", "")
	if err := parseInterspersed(fs, []string{"--", "--data"}); err != nil || *data != "" || strings.Join(fs.Args(), " ") != "--data" {
		t.Errorf("after --: data %q args %q err %v", *data, fs.Args(), err)
	}
}
