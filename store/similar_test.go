package store

import (
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// Similar gives the same cases whether they wait in ft.pending or sit in
// the bitmaps.
func TestSimilarFindsTheSameInPendingAndInBitmaps(t *testing.T) {
	texts := []string{
		"某建筑公司拖欠农民工工资三个月",
		"邻居加盖违章建筑影响采光",
		"建筑工地包工头拖欠工资后失去联系",
		"小区物业收费不公开",
		"某建筑公司拖欠农民工工资，要求结清",
		"宅基地界址纠纷",
	}
	run := func(foldEvery int) []uint64 {
		s, err := Open(filepath.Join(t.TempDir(), "laifang.db"), Options{NoSync: true, FoldEvery: foldEvery})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		for _, tx := range texts {
			if _, err := s.SaveIntake(&Intake{Case: Case{Title: tx}, Visit: Visit{Channel: "走访"}}); err != nil {
				t.Fatal(err)
			}
		}
		var ids []uint64
		if err := s.View(func(tx *Tx) error {
			hits, terms, err := tx.Similar("反映某建筑公司拖欠农民工工资", 8, 10, Query{})
			if len(terms) == 0 {
				t.Error("no terms")
			}
			for _, h := range hits {
				ids = append(ids, h.ID)
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	pending, folded := run(1000), run(1)
	if !slices.Equal(pending, folded) {
		t.Errorf("pending %v, folded %v", pending, folded)
	}
	// the two holding all the rarest terms, the newer first; not the one
	// sharing a single common word, not the unrelated ones
	if !slices.Equal(pending, []uint64{5, 1}) {
		t.Errorf("found %v", pending)
	}
}

// A file from before the wording library opens read-only (check) and
// reads an empty library; a writable open adds the bucket.
func TestAFileWithoutTheWordingBucketOpensReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "laifang.db")
	s, err := Open(path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketWording) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := Open(path, Options{ReadOnly: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	r, err := ro.Check()
	if err != nil || !r.OK() {
		t.Errorf("check: %v %v", r.Problems, err)
	}
	ro.View(func(tx *Tx) error {
		if ws, err := tx.Wordings(); err != nil || len(ws) != 0 {
			t.Errorf("%v %v", ws, err)
		}
		return nil
	})
	ro.Close()
	rw, err := Open(path, Options{NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	w := &Wording{Topic: "t", Text: "x", Status: WordingDraft}
	if err := rw.Update(func(tx *Tx) error { return tx.SaveWording(w) }); err != nil || w.ID != 1 || w.Rev != 1 {
		t.Fatalf("%+v %v", w, err)
	}
}

// A search or a similarity leaving out the flagged cases finds none of
// them, whether they wait in ft.pending or sit in the bitmaps, and its
// total counts only what it returns.
func TestSearchAndSimilarLeaveOutHiddenCases(t *testing.T) {
	cases := []Case{
		{Title: "某建筑公司拖欠农民工工资三个月"},
		{Title: "举报某建筑公司负责人拖欠农民工工资", Type: "检举控告", Confidential: true},
		{Title: "某建筑公司拖欠农民工工资，要求结清", Confidential: true},
		{Title: "建筑公司拖欠农民工工资未付", Type: "申诉求决"},
		{Title: "宅基地界址纠纷"},
	}
	hide := Query{Confidential: ConfExclude}
	for _, foldEvery := range []int{1000, 1} {
		s, err := Open(filepath.Join(t.TempDir(), "laifang.db"), Options{NoSync: true, FoldEvery: foldEvery})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if _, err := s.SaveIntake(&Intake{Case: c, Visit: Visit{Channel: "走访"}}); err != nil {
				t.Fatal(err)
			}
		}
		q := hide
		q.Text = "拖欠农民工工资"
		res, err := s.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		var got []uint64
		for _, r := range res.Rows {
			got = append(got, r.ID)
		}
		if !slices.Equal(got, []uint64{4, 1}) || res.Total != 2 {
			t.Errorf("fold %d: search found %v (total %d), want [4 1]", foldEvery, got, res.Total)
		}
		if all, _ := s.Search(Query{Text: "拖欠农民工工资"}); all.Total != 4 {
			t.Errorf("fold %d: without hiding %d found, want 4", foldEvery, all.Total)
		}
		if err := s.View(func(tx *Tx) error {
			hits, _, err := tx.Similar("反映某建筑公司拖欠农民工工资", 8, 10, hide)
			for _, h := range hits {
				if h.ID == 2 || h.ID == 3 {
					t.Errorf("fold %d: similar found hidden case %d", foldEvery, h.ID)
				}
			}
			if len(hits) == 0 {
				t.Errorf("fold %d: similar found nothing", foldEvery)
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
}
