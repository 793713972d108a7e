package cli

import (
	"encoding/hex"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"laifang/app"
	"laifang/store"

	bolt "go.etcd.io/bbolt"
)

// `laifang backup` leaves the chain's head beside the copy; when the tail
// of the log is cut afterwards and the head in the file moved back to
// match, the chain holds together but `audit verify` names the backup
// whose anchor the log no longer reaches.
func TestAuditVerifyComparesWithTheBackupsAnchors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, app.DataFileName)
	s, err := store.Open(path, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		if err := s.AppendAudit(&store.AuditEntry{Action: "login", User: 1}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if out, code := run(t, "backup", "--data", dir); code != 0 {
		t.Fatalf("backup: %s", out)
	}
	out, code := run(t, "audit", "verify", "--data", dir)
	if code != 0 || !strings.Contains(out, "链头：第 6 条") || !strings.Contains(out, "与 1 个备份锚点相符") {
		t.Fatalf("clean log: %d %s", code, out)
	}
	// Cut entries 4 to 6 (the copy had 5) and seal the head at 3.
	s, _ = store.Open(path, store.Options{ReadOnly: true})
	var entries []store.AuditEntry
	s.View(func(tx *store.Tx) (err error) { entries, err = tx.Audit(0, 0); return err })
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, n := range []byte{4, 5, 6} {
			tx.Bucket([]byte("audit")).Delete([]byte{0, 0, 0, 0, 0, 0, 0, n})
		}
		h, _ := hex.DecodeString(entries[2].Hash)
		return tx.Bucket([]byte("meta")).Put([]byte("audit.head"), append([]byte{0, 0, 0, 0, 0, 0, 0, 3}, h...))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	out, code = run(t, "audit", "verify", "--data", dir)
	want := regexp.MustCompile(`第 5 条（被删除）：审计日志与 \d{4}-\d\d-\d\d 的备份锚点（laifang-[0-9-]+\.db）不一致：该时点应有 5 条，现只有 3 条`)
	if code != 1 || !want.MatchString(out) || !strings.Contains(out, "审计日志已被改动") {
		t.Fatalf("cut log: %d %s", code, out)
	}
}
