package store_test

import (
	"path/filepath"
	"testing"

	"laifang/domain/civil"
	"laifang/store"
)

// TestTallyAfterUpgradeFromVersion5 upgrades a file made by schema 5
// (schema 11 fills the statistics' indexes) and compares what the indexes
// hold with the records read one by one: every case once, under the day
// it was received, with its facts; every visit once, under its day, with
// its case and the people present.
func TestTallyAfterUpgradeFromVersion5(t *testing.T) {
	dir := t.TempDir()
	s := open(t, oldFile(t, dir, 5), store.Options{BackupDir: filepath.Join(dir, "bk")})
	defer s.Close()
	tallyMatchesRecords(t, s)
}

func tallyMatchesRecords(t *testing.T, s *store.Store) {
	t.Helper()
	cases := scanCases(s)
	if len(cases) == 0 {
		t.Fatal("no case")
	}
	type visit struct {
		c       uint64
		day     civil.Date
		present int
	}
	visits := map[uint64]visit{}
	byID := map[uint64]*store.Case{}
	err := s.View(func(tx *store.Tx) error {
		for i := range cases {
			c := &cases[i].c
			byID[c.ID] = c
			vs, err := tx.CaseVisits(c.ID)
			if err != nil {
				return err
			}
			for _, v := range vs {
				visits[v.ID] = visit{c.ID, v.At.Date(), v.Present}
			}
		}
		seen := map[uint64]bool{}
		err := tx.EachCaseTally(0, civil.D(2999, 1, 1), func(tl *store.CaseTally) error {
			c := byID[tl.ID]
			switch {
			case c == nil:
				t.Errorf("tally of no case %d", tl.ID)
			case seen[tl.ID]:
				t.Errorf("case %d counted twice", tl.ID)
			case tl.Received != c.Received.Date() || tl.Channel != c.Channel || tl.Type != c.Type ||
				tl.Category != c.Category || tl.Status != c.Status || tl.Unit != c.Unit ||
				tl.Present != c.Present || tl.Group != c.Group || tl.Repeat != c.Repeat ||
				tl.Accepted != c.Accepted || tl.Satisfaction != c.Satisfaction || tl.Replied != c.ReplyOn ||
				tl.Confidential != c.Confidential:
				t.Errorf("case %d: tally %+v differs from the record", tl.ID, *tl)
			}
			seen[tl.ID] = true
			return nil
		})
		if err != nil {
			return err
		}
		if len(seen) != len(cases) {
			t.Errorf("%d tallies, %d cases", len(seen), len(cases))
		}
		n := 0
		err = tx.EachVisitTally(0, civil.D(2999, 1, 1), func(v store.VisitTally) error {
			n++
			want, ok := visits[v.ID]
			if !ok || want.c != v.Case || want.day != v.Day || want.present != v.Present {
				t.Errorf("visit %d: tally %+v, record %+v", v.ID, v, want)
			}
			return nil
		})
		if n != len(visits) {
			t.Errorf("%d visit tallies, %d visits", n, len(visits))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
