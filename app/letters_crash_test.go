package app

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/store"
)

// letterChildEnv names the data folder the child of
// TestLetterNumbersSurviveAKill issues letters in.
const letterChildEnv = "LAIFANG_LETTERS_CHILD"

// lettersInARow is how many 受理告知书 the test issues in all.
const lettersInARow = 1000

// issueLettersChild is the child: it signs in as the head and issues
// 受理告知书 for case 1 until the file holds lettersInARow, printing each
// number once its transaction is committed.
func issueLettersChild(dir string) int {
	a := New(Options{Version: "test", DataDir: dir})
	// NoSync: a killed process loses nothing the system holds; what is
	// tested is that the number and the letter commit together.
	if err := a.Open(store.Options{NoDailyBackup: true, NoSync: true}); err != nil {
		fmt.Println("error", err)
		return 1
	}
	defer a.Close()
	st, _ := a.store()
	var u *store.User
	n := 0
	if err := st.View(func(tx *store.Tx) error {
		var err error
		if u, err = tx.UserByLogin("head1"); err != nil {
			return err
		}
		ls, err := tx.CaseLetters(1)
		n = len(ls)
		return err
	}); err != nil {
		fmt.Println("error", err)
		return 1
	}
	s := NewSession("测试", false)
	s.signIn(actorOf(u), a.now())
	b := a.bind(s)
	for ; n < lettersInARow; n++ {
		d, err := b.Letters.Issue(LetterInput{Case: 1, Kind: "accept"})
		if err != nil {
			fmt.Println("error", err)
			return 1
		}
		fmt.Printf("issued %d %s\n", d.ID, d.No)
	}
	fmt.Println("done")
	return 0
}

// Issuing 1,000 letters in a row, the process killed twice on the way:
// the numbers on file are 1 … 1000 with no gap and no repeat, and every
// number the child had reported given is on file, on the same letter.
func TestLetterNumbersSurviveAKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	a := New(Options{Version: "test", DataDir: dir})
	if err := a.Open(store.Options{NoDailyBackup: true}); err != nil {
		t.Fatal(err)
	}
	setUp(t, a)
	head := a.bind(addUser(t, a, "head1", RoleHead, false))
	in := baseInput()
	in.Disposal = string(casestate.Accept)
	now := time.Now().Format("2006-01-02T15:04")
	in.ReceivedAt, in.Record.Start, in.Record.End = now, now, now
	if r, err := head.Visits.Register(in); err != nil || r.CaseID != 1 {
		t.Fatalf("case %v: %v", r.CaseID, err)
	}
	st, _ := a.store()
	_ = st.Update(func(tx *store.Tx) error {
		set, _ := tx.Settings()
		set.LetterPhone = "0571-88886666"
		return tx.SaveSettings(set)
	})
	a.Close()

	given := map[string]uint64{} // number → letter, as the child reported them
	for round, killAt := range []int{300, 650, 0} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), letterChildEnv+"="+dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			l := sc.Text()
			if rest, ok := strings.CutPrefix(l, "issued "); ok {
				id, no, _ := strings.Cut(rest, " ")
				n, _ := strconv.ParseUint(id, 10, 64)
				given[no] = n
				if killAt > 0 && len(given) == killAt {
					_ = cmd.Process.Signal(syscall.SIGKILL)
				}
			} else if l != "done" {
				t.Logf("round %d, child: %s", round, l)
			}
		}
		_ = cmd.Wait()
	}

	s, err := store.Open(filepath.Join(dir, DataFileName), store.Options{NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
	var serials []int
	_ = s.View(func(tx *store.Tx) error {
		ls, err := tx.CaseLetters(1)
		for _, l := range ls {
			serials = append(serials, l.Serial)
			if id, ok := given[l.No]; ok && id != l.ID {
				t.Errorf("%s was given to letter %d, is on letter %d", l.No, id, l.ID)
			}
		}
		for no := range given {
			if _, err := tx.LetterByNo(no); err != nil {
				t.Errorf("%s was reported given and is not on file", no)
			}
		}
		return err
	})
	slices.Sort(serials)
	if len(serials) != lettersInARow || serials[0] != 1 || serials[len(serials)-1] != lettersInARow {
		t.Fatalf("%d letters, serials %d … %d", len(serials), serials[0], serials[len(serials)-1])
	}
	for i, n := range serials {
		if n != i+1 {
			t.Fatalf("serial %d where %d was due: a gap or a repeat", n, i+1)
		}
	}
	if len(given) < lettersInARow-5 {
		t.Errorf("the child reported %d numbers", len(given))
	}
}
