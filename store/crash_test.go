package store_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"laifang/store"
	"laifang/store/gen"
)

// The child side of TestCrashDuringGeneration: it runs the generator on the
// file named in LAIFANG_CRASH_CHILD and prints what it committed.
func TestMain(m *testing.M) {
	if path := os.Getenv("LAIFANG_CRASH_CHILD"); path != "" {
		s, err := store.Open(path, store.Options{NoSync: true, NoDailyBackup: true, FoldEvery: 200})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		_, err = gen.Office(s, gen.Options{Visits: 1000000, Seed: uint64(time.Now().UnixNano()), Batch: 100,
			End: testNow, Progress: func(n int) { fmt.Printf("committed %d\n", n) }})
		fmt.Println("error", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// TestCrashDuringGeneration kills a generating child with SIGKILL part-way,
// several times, and checks each time that the file is sound and holds every
// visit the child reported as committed.
func TestCrashDuringGeneration(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	path := filepath.Join(t.TempDir(), "laifang.db")
	for round := 0; round < 3; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "LAIFANG_CRASH_CHILD="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		committed := 0
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Kill after a few commits, at a moment that varies by round.
		target := 2 + round
		seen := 0
		deadline := time.After(60 * time.Second)
	wait:
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					break wait
				}
				if n, found := strings.CutPrefix(l, "committed "); found {
					committed, _ = strconv.Atoi(n)
					if seen++; seen == target {
						time.Sleep(time.Duration(5+round*17) * time.Millisecond)
						cmd.Process.Signal(syscall.SIGKILL)
					}
				} else {
					t.Logf("child: %s", l)
				}
			case <-deadline:
				cmd.Process.Signal(syscall.SIGKILL)
				t.Fatal("child made no progress")
			}
		}
		for l := range lines {
			if n, found := strings.CutPrefix(l, "committed "); found {
				committed, _ = strconv.Atoi(n)
			}
		}
		cmd.Wait()
		if committed == 0 {
			t.Fatalf("round %d: the child reported nothing", round)
		}
		s, err := store.Open(path, store.Options{NoDailyBackup: true})
		if err != nil {
			t.Fatalf("round %d: open after the kill: %v", round, err)
		}
		r, err := s.Check()
		if err != nil || !r.OK() {
			t.Fatalf("round %d: check after the kill: %v %v", round, err, r.Problems)
		}
		var visits int
		s.View(func(tx *store.Tx) error { visits, _ = tx.VisitCount(); return nil })
		s.Close()
		if visits < committed {
			t.Fatalf("round %d: %d visits on file, the child had reported %d committed", round, visits, committed)
		}
		t.Logf("round %d: killed after %d reported, %d on file", round, committed, visits)
	}
}
