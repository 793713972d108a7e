package store_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"laifang/store"
	"laifang/store/gen"

	bolt "go.etcd.io/bbolt"
)

var msgpackBuckets = []string{"cases", "events", "people", "audit", "tasks", "letters"}

// TestMigrateFromVersion12 takes an office back to the JSON records of
// schema 12 and upgrades it: step 13 rewrites every case, event, person,
// audit entry, task and letter as MessagePack, each record the same as it
// was (compared as JSON), and everything found by a search, a person's
// phone or a name is found as before.
func TestMigrateFromVersion12(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "laifang.db")
	s := open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk")})
	if _, err := gen.Office(s, gen.Options{Visits: 300, Seed: 7, End: testNow}); err != nil {
		t.Fatal(err)
	}
	if err := s.Fold(); err != nil {
		t.Fatal(err)
	}
	before := map[string][]byte{}
	for k, v := range valuesIn(t, s.RawView) {
		js, err := store.DecodeValue(v)
		if err != nil {
			t.Fatal(err)
		}
		before[k] = js
	}
	people, err := s.FindPeople(store.PersonQuery{Name: "王", Limit: 5})
	if err != nil || len(people) == 0 {
		t.Fatalf("nobody named 王…: %v", err)
	}
	var wantRows [][]store.CaseRow
	s.View(func(tx *store.Tx) error {
		for _, p := range people {
			rows, _ := tx.NameCaseRows(p.Name, 0)
			wantRows = append(wantRows, rows)
		}
		return nil
	})
	jsonRecords := 0
	s = reopenAt(t, s, path, 12, func(tx *bolt.Tx) error {
		for _, name := range msgpackBuckets {
			b := tx.Bucket([]byte(name))
			var keys, vals [][]byte
			b.ForEach(func(k, v []byte) error {
				keys, vals = append(keys, k), append(vals, v)
				return nil
			})
			for i, k := range keys {
				js, err := store.JSONValue(name, vals[i])
				if err != nil {
					return err
				}
				if err := b.Put(k, js); err != nil {
					return err
				}
				jsonRecords++
			}
		}
		return nil
	}, []int{13, 14})
	defer s.Close()
	if jsonRecords < 1000 {
		t.Fatalf("only %d records taken back to JSON", jsonRecords)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after the upgrade: %v %v", err, r.Problems)
	}
	after := valuesIn(t, s.RawView)
	if len(after) != len(before) {
		t.Fatalf("%d records before, %d after", len(before), len(after))
	}
	for k, v := range after {
		if name, _, _ := bytes.Cut([]byte(k), []byte("/")); slicesContains(msgpackBuckets, string(name)) &&
			(v[0] == '{' || v[0] == 0x02) {
			t.Errorf("%s is still JSON", k)
		}
		js, err := store.DecodeValue(v)
		if err != nil || !bytes.Equal(js, before[k]) {
			t.Fatalf("%s: %v, changed:\n%s\n%s", k, err, before[k], js)
		}
	}
	for i, p := range people {
		found, err := s.FindPeople(store.PersonQuery{Phone: p.Phones[0]})
		if err != nil || !hasPerson(found, p.ID) {
			t.Errorf("person %d not found by phone: %v", p.ID, err)
		}
		s.View(func(tx *store.Tx) error {
			rows, err := tx.NameCaseRows(p.Name, 0)
			if err != nil || len(rows) != len(wantRows[i]) {
				t.Errorf("%s: %d cases, want %d (%v)", p.Name, len(rows), len(wantRows[i]), err)
			}
			return nil
		})
	}
	searchMatchesScan(t, s, "宅基地", "工资", "劳动合同", "不存在的词")
	// the upgraded file takes new visits and stays sound
	if _, err := gen.Office(s, gen.Options{Visits: 60, Seed: 2, End: testNow}); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after new visits: %v %v", err, r.Problems)
	}
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func hasPerson(ps []store.Person, id uint64) bool {
	for _, p := range ps {
		if p.ID == id {
			return true
		}
	}
	return false
}

// TestNameCaseRowsMatchesScan: the cases listed for a name are the cases
// that a scan of every case finds someone of exactly that name on (not
// anonymous), newest first; a renamed person's cases move to the new name.
func TestNameCaseRowsMatchesScan(t *testing.T) {
	s := office(t, 400, store.Options{})
	all := scanCases(s)
	names := map[uint64]string{}
	s.View(func(tx *store.Tx) error {
		for _, c := range all {
			for _, cp := range c.c.People {
				if p, err := tx.Person(cp.Person); err == nil && !p.Anonymous {
					names[p.ID] = store.NormalizeName(p.Name)
				}
			}
		}
		return nil
	})
	want := func(name string) []uint64 {
		var ids []uint64
		for i := len(all) - 1; i >= 0; i-- {
			for _, cp := range all[i].c.People {
				if names[cp.Person] == name {
					ids = append(ids, all[i].c.ID)
					break
				}
			}
		}
		return ids
	}
	got := func(name string) []uint64 {
		var ids []uint64
		s.View(func(tx *store.Tx) error {
			rows, err := tx.NameCaseRows(name, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				ids = append(ids, r.ID)
			}
			return nil
		})
		return ids
	}
	checked, many := 0, 0
	for _, name := range names {
		w, g := want(name), got(name)
		if !slices.Equal(w, g) {
			t.Fatalf("%s: cases %v, a scan finds %v", name, g, w)
		}
		if checked++; len(w) > 1 {
			many++
		}
	}
	if many == 0 {
		t.Fatal("no name with more than one case: the test proves little")
	}
	// a rename moves the person's cases to the new name
	var p *store.Person
	for id := range names {
		if p, _ = s.Person(id); p != nil {
			break
		}
	}
	old := names[p.ID]
	p.Name = "欧阳测试"
	if err := s.SavePerson(p); err != nil {
		t.Fatal(err)
	}
	names[p.ID] = store.NormalizeName(p.Name)
	for _, name := range []string{old, names[p.ID]} {
		if w, g := want(name), got(name); !slices.Equal(w, g) || len(want(names[p.ID])) == 0 {
			t.Errorf("after the rename, %s: cases %v, a scan finds %v", name, g, w)
		}
	}
}
