package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (string, int) {
	t.Helper()
	// A command that missed its --data must not reach the real user folder.
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	var out, errb bytes.Buffer
	code := Run(args, Env{Version: "test", Stdout: &out, Stderr: &errb, Executable: filepath.Join(t.TempDir(), "laifang")})
	return out.String() + errb.String(), code
}

func TestGenCheckBackupRestore(t *testing.T) {
	dir := t.TempDir()
	out, code := run(t, "gen", "-n", "300", "--data", dir)
	if code != 0 || !strings.Contains(out, "已提交 300 次来访") || !strings.Contains(out, "完成") {
		t.Fatalf("gen: %d %s", code, out)
	}
	out, code = run(t, "check", "--data", dir)
	if code != 0 || !strings.Contains(out, "数据文件完好") || !strings.Contains(out, "300 次来访") {
		t.Fatalf("check: %d %s", code, out)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	out, code = run(t, "backup", copyPath, "--data", dir)
	if code != 0 {
		t.Fatalf("backup: %d %s", code, out)
	}
	// backup's file argument comes after the flags in usage; both orders work
	if _, err := os.Stat(copyPath); err != nil {
		out, code = run(t, "backup", "--data", dir, copyPath)
		if code != 0 {
			t.Fatalf("backup: %d %s", code, out)
		}
	}
	out, code = run(t, "restore", "--data", dir, copyPath)
	if code != 0 || !strings.Contains(out, "已恢复") {
		t.Fatalf("restore: %d %s", code, out)
	}
	out, code = run(t, "check", "--data", dir, "--rebuild")
	if code != 0 || !strings.Contains(out, "数据文件完好") {
		t.Fatalf("check --rebuild: %d %s", code, out)
	}
	out, code = run(t, "restore", "--data", dir, filepath.Join(dir, "nothing.db"))
	if code == 0 || !strings.Contains(out, "没有恢复") {
		t.Fatalf("restore of a missing file: %d %s", code, out)
	}
}
