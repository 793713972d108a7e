package store_test

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"laifang/store"

	bolt "go.etcd.io/bbolt"
)

// anchoredOffice is a data file with 30 audit entries and two copies in its
// backup folder: the first made after 10 entries, the second after 20.
func anchoredOffice(t *testing.T) (s *store.Store, backups string, clock *time.Time) {
	t.Helper()
	dir := t.TempDir()
	backups = filepath.Join(dir, "backups")
	now := testNow
	clock = &now
	s = open(t, filepath.Join(dir, "laifang.db"), store.Options{BackupDir: backups, Now: func() time.Time { return *clock }})
	t.Cleanup(func() { s.Close() })
	for _, day := range []string{"2026-03-02", "2026-03-03"} {
		writeAudit(t, s, 10)
		if err := s.BackupTo(filepath.Join(backups, "laifang-"+day+".db")); err != nil {
			t.Fatal(err)
		}
		*clock = clock.AddDate(0, 0, 1)
	}
	writeAudit(t, s, 10)
	return s, backups, clock
}

// rewriteAudit replaces the stored log with entries (sealed again from the
// first, as a forger with the program's source would) and moves the head
// kept in meta to match, through bbolt directly.
func rewriteAudit(t *testing.T, s *store.Store, entries []store.AuditEntry) {
	t.Helper()
	err := s.RawUpdate(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("audit"))
		var keys [][]byte
		b.ForEach(func(k, _ []byte) error { keys = append(keys, append([]byte(nil), k...)); return nil })
		for _, k := range keys {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		meta := tx.Bucket([]byte("meta"))
		if len(entries) == 0 {
			return meta.Delete([]byte("audit.head"))
		}
		prev := ""
		for i := range entries {
			e := &entries[i]
			seq := uint64(i + 1)
			e.Prev, e.Hash = prev, ""
			h, err := store.AuditHash(seq, e)
			if err != nil {
				return err
			}
			e.Hash, prev = h, h
			js, err := json.Marshal(e)
			if err != nil {
				return err
			}
			if err := b.Put(key(seq), store.EncodeValue(js)); err != nil {
				return err
			}
		}
		raw, _ := hex.DecodeString(prev)
		return meta.Put([]byte("audit.head"), append(key(uint64(len(entries))), raw...))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func allAudit(t *testing.T, s *store.Store) (all []store.AuditEntry) {
	t.Helper()
	if err := s.View(func(tx *store.Tx) (err error) { all, err = tx.Audit(0, 0); return err }); err != nil {
		t.Fatal(err)
	}
	return all
}

// The chain alone holds together after each of these; only the anchors
// outside the file show it, and verify names the first that disagrees.
func TestAuditAnchorsCatchALogRewrittenAsAWhole(t *testing.T) {
	for _, tc := range []struct {
		name   string
		forge  func([]store.AuditEntry) []store.AuditEntry
		backup string // the anchor named
		detail string
	}{
		{"an entry rewritten and every later one sealed again", func(es []store.AuditEntry) []store.AuditEntry {
			es[4].EntityID = 99
			return es
		}, "laifang-2026-03-02.db", "2026-03-02 的备份锚点（laifang-2026-03-02.db）不一致：第 10 条及之前的记录被改写"},
		{"the tail cut off", func(es []store.AuditEntry) []store.AuditEntry { return es[:15] },
			"laifang-2026-03-03.db", "2026-03-03 的备份锚点（laifang-2026-03-03.db）不一致：该时点应有 20 条，现只有 15 条"},
		{"every entry deleted", func(es []store.AuditEntry) []store.AuditEntry { return nil },
			"laifang-2026-03-02.db", "2026-03-02 的备份锚点（laifang-2026-03-02.db）不一致：该时点应有 10 条，现只有 0 条"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, _ := anchoredOffice(t)
			rewriteAudit(t, s, tc.forge(allAudit(t, s)))
			// The forgery holds together as a chain: that is the point.
			var chain *store.AuditVerify
			s.View(func(tx *store.Tx) (err error) { chain, err = tx.VerifyAudit(); return err })
			if !chain.OK() {
				t.Fatalf("the forged chain is not consistent, the test proves nothing: %+v", chain.Problems)
			}
			r := verify(t, s)
			if r.OK() || len(r.Problems) != 1 {
				t.Fatalf("not caught: %+v", r.Problems)
			}
			if p := r.Problems[0]; !strings.Contains(p.Detail, tc.detail) {
				t.Errorf("problem %+v, want it to say %q", p, tc.detail)
			}
			var named *store.AnchorCheck
			for i := range r.Anchors {
				if r.Anchors[i].Failed() {
					named = &r.Anchors[i]
					break
				}
			}
			if named == nil || named.Backup != tc.backup {
				t.Errorf("first failed anchor: %+v", named)
			}
		})
	}
}

func TestAnUntouchedLogMatchesItsAnchors(t *testing.T) {
	s, backups, _ := anchoredOffice(t)
	r := verify(t, s)
	if !r.OK() || r.Head.Count != 30 || len(r.Anchors) != 2 {
		t.Fatalf("untouched: %+v", r)
	}
	all := allAudit(t, s)
	if r.Head.Hash != all[29].Hash {
		t.Errorf("head %+v, last entry's hash %s", r.Head, all[29].Hash)
	}
	for i, c := range r.Anchors {
		want := uint64(10 * (i + 1))
		if c.Status != store.AnchorOK || c.Count != want || c.Hash != all[want-1].Hash {
			t.Errorf("anchor %d: %+v", i, c)
		}
	}
	// The file is for people too: one line per copy, the columns readable.
	txt, _ := os.ReadFile(filepath.Join(backups, store.AnchorFileName))
	if !strings.Contains(string(txt), "\t20\t"+all[19].Hash+"\tlaifang-2026-03-03.db\n") {
		t.Errorf("anchor file:\n%s", txt)
	}
	if got := store.ShortHash(all[19].Hash); len(got) != 19 || strings.ReplaceAll(got, " ", "") != all[19].Hash[:16] {
		t.Errorf("short hash %q", got)
	}
}

// An anchor file carried away on a USB stick counts as much as the one in
// the backup folder, and an edited anchor line is reported, not skipped.
func TestAnchorsFromElsewhereAndDamagedLines(t *testing.T) {
	s, backups, _ := anchoredOffice(t)
	usb := filepath.Join(t.TempDir(), store.AnchorFileName)
	txt, _ := os.ReadFile(filepath.Join(backups, store.AnchorFileName))
	os.WriteFile(usb, txt, 0o600)
	os.Remove(filepath.Join(backups, store.AnchorFileName)) // someone covers their tracks
	rewriteAudit(t, s, allAudit(t, s)[:5])
	if r := verify(t, s); !r.OK() {
		t.Fatalf("no anchors in the backup folder, yet: %+v", r.Problems)
	}
	r, err := s.VerifyAudit(filepath.Dir(usb))
	if err != nil || r.OK() || !strings.Contains(r.Problems[0].Detail, "应有 10 条，现只有 5 条") {
		t.Fatalf("with the USB stick's anchors: %v %+v", err, r)
	}
	os.WriteFile(filepath.Join(backups, store.AnchorFileName), []byte("2026-03-01 08:00:00 +0800\t3\tabc\tx.db\n"), 0o600)
	r = verify(t, s)
	if r.OK() || r.Problems[0].Kind != store.AuditDamaged || !strings.Contains(r.Problems[0].Detail, "无法识别") {
		t.Fatalf("damaged line: %+v", r.Problems)
	}
}

// Restoring an older copy starts the log again from that copy's entries:
// the anchors of the copies made after it no longer match, and say why,
// without failing verify.
func TestAnchorsAfterARestore(t *testing.T) {
	s, backups, clock := anchoredOffice(t)
	path := s.Path()
	s.Close()
	_, rep, err := store.Restore(filepath.Join(backups, "laifang-2026-03-02.db"), path,
		store.Options{BackupDir: backups, Now: func() time.Time { return *clock }}, &store.AuditEntry{Summary: "从备份恢复"}, nil)
	if err != nil {
		t.Fatal(err, rep)
	}
	s = open(t, path, store.Options{BackupDir: backups})
	defer s.Close()
	r := verify(t, s)
	if !r.OK() || r.Head.Count != 11 || len(r.Anchors) != 2 {
		t.Fatalf("after the restore: %+v", r)
	}
	if r.Anchors[0].Status != store.AnchorOK || r.Anchors[1].Status != store.AnchorRestored ||
		!strings.Contains(r.Anchors[1].Detail, "从备份恢复（第 11 条记录）") {
		t.Errorf("anchors: %+v", r.Anchors)
	}
	// A restore does not excuse a rewrite of what the copy held.
	es := allAudit(t, s)
	es[2].Summary = "改过"
	rewriteAudit(t, s, es)
	if r := verify(t, s); r.OK() || r.Anchors[0].Status != store.AnchorRewritten {
		t.Errorf("rewritten after a restore: %+v", r)
	}
}

// A copy whose anchor cannot be written says so: the backup is not
// reported as done when half of it is missing.
func TestABackupReportsAnAnchorItCouldNotWrite(t *testing.T) {
	s := office(t, 0, store.Options{})
	writeAudit(t, s, 3)
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, store.AnchorFileName), 0o700) // in the way of the file
	err := s.BackupTo(filepath.Join(dir, "copy.db"))
	if !errors.Is(err, store.ErrAnchor) {
		t.Fatalf("backup with no anchor: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "copy.db")); err != nil {
		t.Errorf("the copy itself: %v", err)
	}
}

// The daily copy made at open leaves its anchor like a manual one.
func TestTheDailyCopyLeavesAnAnchor(t *testing.T) {
	dir := t.TempDir()
	path, backups := filepath.Join(dir, "laifang.db"), filepath.Join(dir, "backups")
	s := open(t, path, store.Options{})
	writeAudit(t, s, 3)
	s.Close()
	for i := 0; i < 2; i++ {
		day := testNow.AddDate(0, 0, i)
		s, err := store.Open(path, store.Options{NoSync: true, BackupDir: backups, Now: func() time.Time { return day }})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.BackupErr(); err != nil {
			t.Fatal(err)
		}
		writeAudit(t, s, 2)
		s.Close()
	}
	s = open(t, path, store.Options{BackupDir: backups})
	defer s.Close()
	r := verify(t, s)
	if !r.OK() || len(r.Anchors) != 2 || r.Anchors[0].Count != 3 || r.Anchors[1].Count != 5 ||
		r.Anchors[1].Backup != store.DailyBackupName(testNow.AddDate(0, 0, 1)) {
		t.Fatalf("daily anchors: %+v", r.Anchors)
	}
}
