package store_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"laifang/domain/civil"
	"laifang/store"
)

// A file of schema 5 (testdata, made by `laifang gen` of that version)
// holds 受理告知书 filed under the type's label: after the upgrade the
// archive finds them by day and by kind, and the next 受理告知书 of the
// year takes a number after theirs, never one of them.
func TestSchema9FilesOldLettersAndKeepsTheirSerials(t *testing.T) {
	dir := t.TempDir()
	path := oldFile(t, dir, 5)
	s := open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk")})
	defer s.Close()
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after the upgrade: %v %v", err, r.Problems)
	}
	// the patterns kept under the types' labels are the kinds' now
	set, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	if set.DocNoPatterns["accept"] != "{code}信受〔{year}〕{n}号" || set.DocNoPatterns["受理告知书"] != "" {
		t.Errorf("patterns after the upgrade: %v", set.DocNoPatterns)
	}
	var old []store.Letter
	err = s.Update(func(tx *store.Tx) error {
		ids, err := tx.LetterIDs(store.LetterQuery{Kind: "accept"})
		if err != nil {
			return err
		}
		all, err := tx.LetterIDs(store.LetterQuery{})
		if err != nil {
			return err
		}
		if len(ids) == 0 || len(ids) > len(all) {
			t.Fatalf("%d 受理告知书 of %d letters", len(ids), len(all))
		}
		year := 0
		for _, id := range ids {
			l, err := tx.Letter(id)
			if err != nil {
				return err
			}
			if l.Type != "受理告知书" {
				t.Errorf("letter %d is a %q", id, l.Type)
			}
			old = append(old, *l)
			year = max(year, l.Year)
		}
		// newest first
		if !slices.IsSortedFunc(old, func(a, b store.Letter) int { return int(b.Issued) - int(a.Issued) }) {
			t.Error("the archive is not newest first")
		}
		top := 0
		for _, l := range old {
			if l.Year == year {
				top = max(top, l.Serial)
			}
		}
		// a new pattern: the serial, not a clash of numbers, keeps it apart
		l := &store.Letter{Case: old[0].Case, Type: "accept", Issued: civil.D(year, 12, 30)}
		if err := tx.IssueLetterAs(l, "{code}访受〔{year}〕{n}号"); err != nil {
			return err
		}
		if l.Serial != top+1 || !strings.Contains(l.No, "〔") {
			t.Errorf("the next 受理告知书 of %d is %s (serial %d), the last given was %d", year, l.No, l.Serial, top)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
