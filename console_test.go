//go:build console

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"laifang/app/cli"
)

// The test binary is the console program when LAIFANG_CONSOLE_CHILD is set:
// the commands below run it as a process, and `check` starts it again for
// its own child (verify-file), as laifang-cli.exe does.
func TestMain(m *testing.M) {
	if os.Getenv("LAIFANG_CONSOLE_CHILD") == "1" {
		os.Exit(cli.Run(os.Args[1:], cli.Env{Version: "0.1.0+test", Window: window(nil)}))
	}
	os.Exit(m.Run())
}

// laifang-cli.exe is this package built with the console tag: what office
// IT types in cmd or a scheduled task must print and end with an exit code
// a script can test, and asking it for the window must say which program
// opens one.
func TestTheConsoleProgramAnswersOnTheConsole(t *testing.T) {
	data := t.TempDir()
	run := func(args ...string) (string, int) {
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), "LAIFANG_CONSOLE_CHILD=1")
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return string(out), exit.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return string(out), 0
	}
	if out, code := run("version"); code != 0 || !strings.Contains(out, "0.1.0+test") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	if out, code := run("gen", "-n", "50", "--data", data); code != 0 {
		t.Fatalf("gen: exit %d, %s", code, out)
	}
	if out, code := run("check", "--data", data); code != 0 || !strings.Contains(out, "哈希链完整") {
		t.Errorf("check of a whole file: exit %d, %q", code, out)
	}
	if out, code := run("restore", "--data", data, filepath.Join(data, "none.db")); code != 1 || !strings.Contains(out, "没有恢复") {
		t.Errorf("restore of a missing copy: exit %d, %q", code, out)
	}
	if _, code := run("no-such-command"); code != 2 {
		t.Errorf("an unknown command: exit %d", code)
	}
	if out, code := run(); code == 0 || !strings.Contains(out, "laifang.exe") {
		t.Errorf("no command (the window): exit %d, %q", code, out)
	}
}
