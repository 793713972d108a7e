package store_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store"
	"laifang/store/gen"

	bolt "go.etcd.io/bbolt"
)

func writeAudit(t *testing.T, s *store.Store, n int) {
	t.Helper()
	for i := 1; i <= n; i++ {
		a := &store.AuditEntry{User: uint64(i%3 + 1), Action: []string{"login", "edit", "export"}[i%3], Entity: "case", EntityID: uint64(i)}
		if err := s.AppendAudit(a); err != nil {
			t.Fatal(err)
		}
	}
}

// rawEntry reads and writes the stored JSON of entry seq, as someone with a
// bbolt editor would.
func editAudit(t *testing.T, s *store.Store, fn func(b *bolt.Bucket) error) {
	t.Helper()
	if err := s.RawUpdate(func(tx *bolt.Tx) error { return fn(tx.Bucket([]byte("audit"))) }); err != nil {
		t.Fatal(err)
	}
}

func key(n uint64) []byte { return []byte{0, 0, 0, 0, 0, 0, 0, byte(n)} }

func kinds(r *store.AuditVerify) []string {
	var out []string
	for _, p := range r.Problems {
		out = append(out, p.Kind)
	}
	return out
}

func verify(t *testing.T, s *store.Store) *store.AuditVerify {
	t.Helper()
	r, err := s.VerifyAudit()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestAuditChainVerifiesAndIsLinked(t *testing.T) {
	s := office(t, 0, store.Options{})
	writeAudit(t, s, 10)
	r := verify(t, s)
	if !r.OK() || r.Entries != 10 || r.Last != 10 {
		t.Fatalf("fresh chain: %+v", r)
	}
	var all []store.AuditEntry
	s.View(func(tx *store.Tx) error { all, _ = tx.Audit(0, 0); return nil })
	for i, e := range all {
		if e.Hash == "" || (i > 0 && e.Prev != all[i-1].Hash) || (i == 0 && e.Prev != "") {
			t.Fatalf("entry %d not linked: %+v", e.Seq, e)
		}
	}
}

func TestAuditVerifyCatchesAChangedEntry(t *testing.T) {
	s := office(t, 0, store.Options{})
	writeAudit(t, s, 10)
	// Change what entry 4 says, byte by byte in the file's value.
	editAudit(t, s, func(b *bolt.Bucket) error {
		js, err := store.DecodeValue(b.Get(key(4)))
		if err != nil {
			return err
		}
		changed := bytes.Replace(js, []byte(`"id":4`), []byte(`"id":5`), 1)
		if bytes.Equal(changed, js) {
			t.Fatalf("no entity id to change in %s", js)
		}
		return b.Put(key(4), store.EncodeValue(changed))
	})
	r := verify(t, s)
	if len(r.Problems) != 1 || r.Problems[0].Seq != 4 || r.Problems[0].Kind != store.AuditChanged {
		t.Fatalf("changed entry: %+v", r.Problems)
	}
}

func TestAuditVerifyCatchesARemovedEntry(t *testing.T) {
	s := office(t, 0, store.Options{})
	writeAudit(t, s, 10)
	editAudit(t, s, func(b *bolt.Bucket) error { return b.Delete(key(6)) })
	r := verify(t, s)
	if !slices.Equal(kinds(r), []string{store.AuditRemoved}) || r.Problems[0].Seq != 7 {
		t.Fatalf("removed entry: %+v", r.Problems)
	}
}

func TestAuditVerifyCatchesEntriesCutOffTheEnd(t *testing.T) {
	s := office(t, 0, store.Options{})
	writeAudit(t, s, 10)
	editAudit(t, s, func(b *bolt.Bucket) error {
		b.Delete(key(10))
		return b.Delete(key(9))
	})
	r := verify(t, s)
	if !slices.Equal(kinds(r), []string{store.AuditRemoved}) || r.Problems[0].Seq != 10 {
		t.Fatalf("cut off: %+v", r.Problems)
	}
}

func TestAuditVerifyCatchesReorderedEntries(t *testing.T) {
	s := office(t, 0, store.Options{})
	writeAudit(t, s, 10)
	editAudit(t, s, func(b *bolt.Bucket) error {
		a, c := slices.Clone(b.Get(key(3))), slices.Clone(b.Get(key(7)))
		b.Put(key(3), c)
		return b.Put(key(7), a)
	})
	r := verify(t, s)
	if r.OK() {
		t.Fatal("swap not caught")
	}
	if r.Problems[0].Seq != 3 || r.Problems[0].Kind != store.AuditReordered {
		t.Fatalf("swapped entries: %+v", r.Problems)
	}
	for _, p := range r.Problems {
		if p.Kind == store.AuditChanged {
			t.Errorf("a moved entry reported as changed: %+v", p)
		}
	}
}

func TestAuditFilterByUserActionAndTime(t *testing.T) {
	s := office(t, 0, store.Options{})
	writeAudit(t, s, 30)
	p, err := s.FindAudit(store.AuditFilter{Action: "edit", Limit: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Entries) != 4 || !p.More || p.Entries[0].Seq != 28 || p.Entries[3].Seq != 19 {
		t.Fatalf("page: %+v", p)
	}
	next, _ := s.FindAudit(store.AuditFilter{Action: "edit", Limit: 100, Before: p.Entries[3].Seq})
	if len(next.Entries) != 6 || next.More || next.Entries[0].Seq != 16 {
		t.Fatalf("next page: %+v", next)
	}
	byUser, _ := s.FindAudit(store.AuditFilter{User: 1, Action: "export"})
	for _, e := range byUser.Entries {
		if e.User != 1 || e.Action != "export" {
			t.Fatalf("filter: %+v", e)
		}
	}
	at := store.StampOf(testNow)
	none, _ := s.FindAudit(store.AuditFilter{From: at + 1})
	all, _ := s.FindAudit(store.AuditFilter{From: at, To: at + 1})
	if len(none.Entries) != 0 || len(all.Entries) != 30 {
		t.Fatalf("time range: %d %d", len(none.Entries), len(all.Entries))
	}
}

func TestAStaleEditIsRefused(t *testing.T) {
	s := office(t, 0, store.Options{})
	u := &store.User{Name: "张三", Login: "zhang", Role: "clerk", Active: true}
	if err := s.Update(func(tx *store.Tx) error { return tx.UpdateUser(u) }); err != nil {
		t.Fatal(err)
	}
	first, second := *u, *u // two PCs open the same user
	first.Name = "张三丰"
	if err := s.Update(func(tx *store.Tx) error { return tx.UpdateUser(&first) }); err != nil {
		t.Fatal(err)
	}
	second.Role = "head"
	err := s.Update(func(tx *store.Tx) error { return tx.UpdateUser(&second) })
	if !errors.Is(err, store.ErrStale) {
		t.Fatalf("second save: %v", err)
	}
	var got *store.User
	s.View(func(tx *store.Tx) error { got, _ = tx.User(u.ID); return nil })
	if got.Name != "张三丰" || got.Role != "clerk" || got.Rev != 2 {
		t.Fatalf("stored: %+v", got)
	}
	st, _ := s.Settings()
	old := *st
	st.OrgName = "甲"
	if err := s.Update(func(tx *store.Tx) error { return tx.UpdateSettings(st) }); err != nil {
		t.Fatal(err)
	}
	old.OrgName = "乙"
	if err := s.Update(func(tx *store.Tx) error { return tx.UpdateSettings(&old) }); !errors.Is(err, store.ErrStale) {
		t.Fatalf("stale settings: %v", err)
	}
}

func TestPurgeLeavesNoPersonalData(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "laifang.db"), store.Options{})
	defer s.Close()
	g := gen.New(7)
	p, shared := g.Person(), g.Person()
	mk := func(people ...store.Person) store.IntakeResult {
		in := &store.Intake{Case: store.Case{Title: "占地补偿", Demand: "补偿", Facts: "事实"}, Visit: store.Visit{Channel: "走访"},
			Record: &store.Record{Statement: "接谈内容", RiskNotes: "情绪激动"}}
		for _, x := range people {
			in.People = append(in.People, store.IntakePerson{Person: x, Role: "主信访人"})
		}
		r, err := s.SaveIntake(in)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r1 := mk(p, shared)
	shared.ID = r1.PersonIDs[1]
	r2 := mk(shared)
	for _, id := range []uint64{r1.CaseID, r2.CaseID} {
		c, _ := s.Case(id)
		c.Status, c.Closed = string(casestate.Archived), civil.D(2010, 1, 5)
		if err := s.UpdateCase(c, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	today := civil.DateOf(testNow)
	var expired []store.Case
	s.View(func(tx *store.Tx) error { expired, _ = tx.ExpiredCases(today, 10, 0); return nil })
	if len(expired) != 2 {
		t.Fatalf("expired: %d", len(expired))
	}
	s.View(func(tx *store.Tx) error { expired, _ = tx.ExpiredCases(today, 30, 0); return nil })
	if len(expired) != 0 {
		t.Fatalf("expired within 30 years: %d", len(expired))
	}
	err := s.Update(func(tx *store.Tx) error {
		return tx.PurgeCase(r1.CaseID, &store.AuditEntry{User: 1, Action: "purge", Summary: "保管期限届满"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Person(r1.PersonIDs[0]); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the purged case's only person is still there: %v", err)
	}
	if _, err := s.Person(shared.ID); err != nil {
		t.Errorf("a person on another case was removed: %v", err)
	}
	if _, err := s.Case(r1.CaseID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("case still there: %v", err)
	}
	// Nothing of the person is findable any more.
	var found []store.Person
	s.View(func(tx *store.Tx) error {
		found, _ = tx.FindPeople(store.PersonQuery{IDNumber: p.IDNumber})
		return nil
	})
	if len(found) != 0 {
		t.Errorf("ID number still indexed: %+v", found)
	}
	rows, _ := s.FindPersonRows(p.Name, 1000)
	for _, r := range rows {
		if r.ID == r1.PersonIDs[0] {
			t.Errorf("the name index still has the person's row")
		}
	}
	last, _ := lastAudit(s)
	if last.Action != "purge" || last.EntityID != r1.CaseID {
		t.Errorf("audit: %+v", last)
	}
	if r := verify(t, s); !r.OK() {
		t.Errorf("chain after purge: %+v", r.Problems)
	}
	rep, err := s.Check()
	if err != nil || !rep.OK() {
		t.Errorf("check after purge: %v %v", err, rep.Problems)
	}
}

func lastAudit(s *store.Store) (a *store.AuditEntry, err error) {
	err = s.View(func(tx *store.Tx) error { a, err = tx.LastAudit(); return err })
	return a, err
}
