package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"laifang/store"
)

// The audit screen shows the head to note on paper and every backup's
// anchor with what the log says to it; verify names the first anchor the
// log no longer matches.
func TestAuditScreenShowsTheHeadAndTheAnchors(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	st, _ := a.store()
	if err := st.BackupTo(filepath.Join(st.BackupDir(), "laifang-2026-03-02.db")); err != nil {
		t.Fatal(err)
	}
	atBackup := lastEntries(t, a, 1)[0]
	a.Auth.Logout()
	a.Auth.Login("admin", adminPassword)
	head, err := a.Audit.Head()
	if err != nil {
		t.Fatal(err)
	}
	last := lastEntries(t, a, 1)[0]
	if head.Count != last.Seq || head.Hash != last.Hash || head.Short != strings.Join([]string{last.Hash[:4],
		last.Hash[4:8], last.Hash[8:12], last.Hash[12:16]}, " ") || head.BackupDir != st.BackupDir() {
		t.Errorf("head %+v, last entry %+v", head, last)
	}
	if len(head.Anchors) != 1 || head.Anchors[0].Status != store.AnchorOK || head.Anchors[0].Count != atBackup.Seq ||
		head.Anchors[0].Backup != "laifang-2026-03-02.db" || head.Anchors[0].At == "" {
		t.Fatalf("anchors: %+v", head.Anchors)
	}
	check, err := a.Audit.Verify()
	if err != nil || !check.OK || check.Head.Count != head.Count || len(check.Head.Anchors) != 1 {
		t.Fatalf("verify: %+v %v", check, err)
	}
	// An anchor from a time the log had more entries than it has now: the
	// tail was cut.
	f, _ := os.OpenFile(filepath.Join(st.BackupDir(), store.AnchorFileName), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("2026-03-05 18:00:00 +0800\t500\t" + strings.Repeat("ab", 32) + "\tlaifang-2026-03-05.db\n")
	f.Close()
	head, _ = a.Audit.Head()
	if len(head.Anchors) != 2 || head.Anchors[1].Status != store.AnchorShort {
		t.Fatalf("anchors: %+v", head.Anchors)
	}
	check, _ = a.Audit.Verify()
	want := "审计日志与 2026-03-05 的备份锚点（laifang-2026-03-05.db）不一致：该时点应有 500 条"
	if check.OK || len(check.Problems) != 1 || !strings.Contains(check.Problems[0].Detail, want) {
		t.Errorf("verify: %+v", check.Problems)
	}
}
