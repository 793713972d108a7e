package store_test

import (
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"laifang/domain/civil"
	"laifang/store"
	"laifang/store/gen"

	bolt "go.etcd.io/bbolt"
)

// makeV0 writes a file as the first commit made it: a meta bucket only.
func makeV0(t *testing.T, path string) {
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("meta")); return err }); err != nil {
		t.Fatal(err)
	}
	db.Close()
}

func TestMigrateFromVersion0(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "laifang.db")
	makeV0(t, path)
	s := open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk")})
	steps, backup := s.Migrated()
	if !slices.Equal(steps, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}) {
		t.Errorf("steps %v", steps)
	}
	if _, err := os.Stat(backup); err != nil || !strings.Contains(backup, "before-schema1") {
		t.Errorf("no copy before the upgrade: %q %v", backup, err)
	}
	if v, _ := store.SchemaOf(backup); v != 0 {
		t.Errorf("the copy should be the old file, schema %d", v)
	}
	if _, err := gen.Office(s, gen.Options{Visits: 50, Seed: 1, End: testNow}); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after the upgrade: %v %v", err, r.Problems)
	}
	s.Close()
	s = open(t, path, store.Options{})
	if steps, _ := s.Migrated(); len(steps) != 0 {
		t.Errorf("second open migrated again: %v", steps)
	}
	s.Close()
}

func TestNewerFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "laifang.db")
	s := open(t, path, store.Options{})
	s.RawUpdate(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, store.SchemaVersion + 1})
	})
	s.Close()
	_, err := store.Open(path, store.Options{NoDailyBackup: true})
	if !errors.Is(err, store.ErrNewerSchema) {
		t.Fatalf("got %v", err)
	}
}

func TestDailyBackupRotatesAndRestoreChecksFirst(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "laifang.db")
	bk := filepath.Join(dir, "usb")
	s := open(t, path, store.Options{})
	gen.Office(s, gen.Options{Visits: 120, Seed: 1, End: testNow})
	s.Close()
	day := testNow
	for i := 0; i < 5; i++ {
		d := day.AddDate(0, 0, i)
		s, err := store.Open(path, store.Options{BackupDir: bk, Now: func() time.Time { return d }})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			st, _ := s.Settings()
			st.BackupKeep = 3
			s.SaveSettings(st)
		}
		if s.BackupErr() != nil {
			t.Fatal(s.BackupErr())
		}
		s.Close()
	}
	ents, _ := os.ReadDir(bk)
	var names []string
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".sha256") && e.Name() != store.AnchorFileName {
			names = append(names, e.Name())
		}
	}
	if len(names) != 3 || names[2] != store.DailyBackupName(day.AddDate(0, 0, 4)) {
		t.Fatalf("rotation kept %v", names)
	}
	// A good copy replaces the file and the old one is kept aside.
	good := filepath.Join(bk, names[2])
	goodBefore, _ := os.ReadFile(good)
	replaced, rep, err := store.Restore(good, path, store.Options{Now: func() time.Time { return testNow }},
		&store.AuditEntry{Action: "restore", Entity: "file", Summary: "从 " + good + " 恢复", Workstation: "命令行 tester"}, nil)
	if err != nil || !rep.OK() {
		t.Fatalf("restore: %v %v", err, rep)
	}
	if _, err := os.Stat(replaced); err != nil {
		t.Errorf("replaced file not kept: %v", err)
	}
	// The restored file says that it was restored, from where, by whom,
	// and its audit chain is still whole.
	s = open(t, path, store.Options{})
	var last *store.AuditEntry
	s.View(func(tx *store.Tx) error { last, err = tx.LastAudit(); return err })
	if err != nil || last.Action != "restore" || last.Entity != "file" || !strings.Contains(last.Summary, good) ||
		last.Workstation != "命令行 tester" {
		t.Errorf("the restored file's last audit entry: %+v %v", last, err)
	}
	if v, err := s.VerifyAudit(); err != nil || !v.OK() {
		t.Errorf("audit chain after restore: %+v %v", v, err)
	}
	s.Close()
	// The copy itself is untouched: restore works on a copy of it.
	if raw, _ := os.ReadFile(good); string(raw) != string(goodBefore) {
		t.Errorf("restore changed the backup copy")
	}
	// A damaged copy is refused and nothing changes.
	bad := filepath.Join(dir, "bad.db")
	raw, _ := os.ReadFile(good)
	cp := append([]byte(nil), raw...)
	for i := 5 * 4096; i < len(cp) && i < 40*4096; i += 4096 {
		copy(cp[i+100:], []byte("garbage garbage garbage"))
	}
	os.WriteFile(bad, cp, 0o600)
	sum, _ := os.ReadFile(good + ".sha256")
	os.WriteFile(bad+".sha256", sum, 0o600)
	before, _ := os.ReadFile(path)
	if _, _, err := store.Restore(bad, path, store.Options{}, &store.AuditEntry{Action: "restore"}, nil); err == nil {
		t.Fatal("a damaged copy was restored")
	} else {
		t.Logf("refused: %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Fatal("the data file changed although the restore was refused")
	}
	// Restore refuses to replace a file in use.
	s = open(t, path, store.Options{})
	defer s.Close()
	if _, _, err := store.Restore(good, path, store.Options{}, nil, nil); !errors.Is(err, store.ErrLocked) {
		t.Fatalf("restore over an open file: %v", err)
	}
}

// TestMigrateFromVersion1 upgrades a file made by schema 1 (testdata: 120
// visits from `laifang gen` of that version), which has no list rows.
func TestMigrateFromVersion1(t *testing.T) {
	dir := t.TempDir()
	path := oldFile(t, dir, 1)
	s := open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk")})
	defer s.Close()
	if steps, backup := s.Migrated(); !slices.Equal(steps, []int{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}) || backup == "" {
		t.Errorf("steps %v, copy %q", steps, backup)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after the upgrade: %v %v", err, r.Problems)
	}
	res, err := s.Search(store.Query{Limit: 500})
	if err != nil || res.Total == 0 || len(res.Rows) != res.Total {
		t.Fatalf("search after the upgrade: %v %v", res, err)
	}
	err = s.View(func(tx *store.Tx) error {
		for _, row := range res.Rows {
			c, err := tx.Case(row.ID)
			if err != nil {
				return err
			}
			if row.No != c.No || row.Status != c.Status || row.Title != c.Title || row.Received != c.Received {
				t.Errorf("row %+v does not match case %d", row, c.ID)
			}
			if row.Name == "" || len(c.People) == 0 || row.Petitioner != c.People[0].Person {
				t.Errorf("row of case %d: petitioner %d", c.ID, row.Petitioner)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	reportsAreConfidential(t, s)
	// the upgraded file takes new visits and stays sound
	if _, err := gen.Office(s, gen.Options{Visits: 60, Seed: 2, End: testNow}); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after new visits: %v %v", err, r.Problems)
	}
}

// recordValues reads the stored values of a file's record buckets, by
// bucket and key, without the store.
func recordValues(t *testing.T, path string) map[string][]byte {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return valuesIn(t, db.View)
}

// valuesIn reads the record buckets' values in a read transaction of view
// (a bbolt file's or an open store's RawView).
func valuesIn(t *testing.T, view func(func(*bolt.Tx) error) error) map[string][]byte {
	t.Helper()
	vals := map[string][]byte{}
	err := view(func(tx *bolt.Tx) error {
		for _, name := range []string{"people", "cases", "events", "tasks", "letters", "audit", "templates", "units", "users"} {
			err := tx.Bucket([]byte(name)).ForEach(func(k, v []byte) error {
				vals[name+"/"+string(k)] = append([]byte(nil), v...)
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return vals
}

// TestMigrateFromVersion3 upgrades a file made by schema 3 (testdata: 120
// visits from `laifang gen` of that version), whose records are deflated:
// every one is rewritten with zstd and reads back as the same JSON.
func TestMigrateFromVersion3(t *testing.T) {
	dir := t.TempDir()
	path := oldFile(t, dir, 3)
	before := recordValues(t, path)
	deflated := 0
	for _, v := range before {
		if len(v) > 0 && v[0] == 0x01 {
			deflated++
		}
	}
	if deflated < 300 {
		t.Fatalf("testdata: only %d deflated records", deflated)
	}
	s := open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk")})
	steps, backup := s.Migrated()
	if !slices.Equal(steps, []int{4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}) || !strings.Contains(backup, "before-schema4") {
		t.Errorf("steps %v, copy %q", steps, backup)
	}
	if v, _ := store.SchemaOf(backup); v != 3 {
		t.Errorf("the copy should be the old file, schema %d", v)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after the upgrade: %v %v", err, r.Problems)
	}
	// search still finds what a scan finds
	searchMatchesScan(t, s, "宅基地", "劳动合同", "工资", "拖欠工资", "不存在的词")
	s.Close()
	after := recordValues(t, path)
	if len(after) != len(before) {
		t.Fatalf("%d records before, %d after", len(before), len(after))
	}
	for k, old := range before {
		nv := after[k]
		if len(nv) > 0 && nv[0] == 0x01 {
			t.Fatalf("%s is still deflated", k)
		}
		a, err1 := store.DecodeValue(old)
		b, err2 := store.DecodeValue(nv)
		// Schema 5 stores the flag every report carries (fillConfidential):
		// the one change a record may show.
		if strings.HasPrefix(k, "cases/") && strings.Contains(string(a), `"ty":"检举控告"`) &&
			!strings.Contains(string(a), `"cf":true`) {
			if !strings.Contains(string(b), `"cf":true`) {
				t.Errorf("%s: the report is not stored confidential", k)
			}
			b = []byte(strings.Replace(string(b), `"cf":true,`, "", 1))
		}
		// Schema 8 stores what the office owes the case (fillTodo), schema
		// 10 the departments sent a task of it (fillSent).
		for _, field := range []string{`"todo":[`, `"snt":[`} {
			if i := strings.Index(string(b), field); i >= 0 && strings.HasPrefix(k, "cases/") {
				j := strings.Index(string(b[i:]), "],")
				b = append(append([]byte(nil), b[:i]...), b[i+j+2:]...)
			}
		}
		if err1 != nil || err2 != nil || string(a) != string(b) {
			t.Fatalf("%s: %v %v, JSON changed:\n%s\n%s", k, err1, err2, a, b)
		}
	}
	// the upgraded file takes new visits and stays sound
	s = open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk")})
	defer s.Close()
	if _, err := gen.Office(s, gen.Options{Visits: 60, Seed: 2, End: testNow}); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after new visits: %v %v", err, r.Problems)
	}
}

// TestMigrateFromVersion2 upgrades a file made by schema 2 (testdata: 120
// visits from `laifang gen` of that version), whose name index has no rows.
func TestMigrateFromVersion2(t *testing.T) {
	dir := t.TempDir()
	path := oldFile(t, dir, 2)
	s := open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk")})
	defer s.Close()
	steps, backup := s.Migrated()
	if !slices.Equal(steps, []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}) || !strings.Contains(backup, "before-schema3") {
		t.Errorf("steps %v, copy %q", steps, backup)
	}
	if v, _ := store.SchemaOf(backup); v != 2 {
		t.Errorf("the copy should be the old file, schema %d", v)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after the upgrade: %v %v", err, r.Problems)
	}
	// every person is found by name with a row that matches the record
	err := s.View(func(tx *store.Tx) error {
		n := 0
		for id := uint64(1); ; id++ {
			p, err := tx.Person(id)
			if errors.Is(err, store.ErrNotFound) {
				break
			}
			if err != nil {
				return err
			}
			n++
			rows, err := tx.FindPersonRows(p.Name, 1000)
			if err != nil {
				return err
			}
			found := false
			for _, r := range rows {
				if r.ID == p.ID {
					found = true
					if r.Name != p.Name || r.Sex != p.Sex || r.Birth != p.Birth || r.Created != p.Created || r.Anonymous != p.Anonymous {
						t.Errorf("row %+v does not match person %d", r, p.ID)
					}
				}
			}
			if !found {
				t.Errorf("person %d not found by name", p.ID)
			}
		}
		if n == 0 {
			t.Error("no people in the file")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// search still finds what a scan finds
	searchMatchesScan(t, s, "宅基地", "劳动合同", "工资", "不存在的词")
	reportsAreConfidential(t, s)
	// the upgraded file takes new visits and stays sound
	if _, err := gen.Office(s, gen.Options{Visits: 60, Seed: 2, End: testNow}); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after new visits: %v %v", err, r.Problems)
	}
}

// TestMigrateFromVersion4 upgrades a file made by schema 4 (testdata: 120
// visits from `laifang gen` of that version, and four petitioners typed
// the ways whose keys schema 5 changes: a landline with its extension, a
// Beijing number written +86 10…, a name and an ID number with full-width
// signs the old fold left alone, and a case text with one of them waiting
// in ft.pending).
func TestMigrateFromVersion4(t *testing.T) {
	dir := t.TempDir()
	path := oldFile(t, dir, 4)
	s := open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk")})
	defer s.Close()
	steps, backup := s.Migrated()
	if !slices.Equal(steps, []int{5, 6, 7, 8, 9, 10, 11, 12, 13, 14}) || !strings.Contains(backup, "before-schema5") {
		t.Errorf("steps %v, copy %q", steps, backup)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after the upgrade: %v %v", err, r.Problems)
	}
	find := func(q store.PersonQuery, want uint64) {
		t.Helper()
		err := s.View(func(tx *store.Tx) error {
			ps, err := tx.FindPeople(q)
			if err != nil {
				return err
			}
			for _, p := range ps {
				if p.ID == want {
					return nil
				}
			}
			t.Errorf("%+v: person %d not found among %d", q, want, len(ps))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	find(store.PersonQuery{Phone: "010-62345678"}, 100)     // saved as 010-62345678-801
	find(store.PersonQuery{Phone: "010-62345678-801"}, 100) // as saved
	find(store.PersonQuery{Phone: "(010)6234 5678"}, 101)   // saved as +86 10 62345678
	find(store.PersonQuery{Phone: "0755-12345678"}, 102)    // saved with a space inside
	find(store.PersonQuery{Name: "张¥三"}, 102)               // saved as 张￥三
	find(store.PersonQuery{Name: "张￥"}, 102)                // a prefix typed as saved
	find(store.PersonQuery{IDNumber: "11010519491231002x⦆"}, 103)
	find(store.PersonQuery{Phone: "13812345678"}, 103)
	// the case text waiting in ft.pending was folded again
	searchMatchesScan(t, s, "50￥", "工资50", "宅基地", "工资", "不存在的词")
	res, err := s.Search(store.Query{Text: "50¥未付"})
	if err != nil || res.Total != 1 {
		t.Fatalf("the case of person 102: %v, %v", res, err)
	}
	reportsAreConfidential(t, s)
	// the upgraded file takes new visits and stays sound
	if _, err := gen.Office(s, gen.Options{Visits: 60, Seed: 2, End: testNow}); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after new visits: %v %v", err, r.Problems)
	}
}

// TestMigrateFromVersion5 upgrades a file made by schema 5 (testdata: 120
// visits from `laifang gen` of that version, its cases handled by the
// departments of their categories and some sent a task): the department
// indexes are written from the cases and tasks, so a department's cases
// are found by its index as they are by reading every case and task.
func TestMigrateFromVersion5(t *testing.T) {
	dir := t.TempDir()
	path := oldFile(t, dir, 5)
	s := open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk")})
	defer s.Close()
	steps, backup := s.Migrated()
	if !slices.Equal(steps, []int{6, 7, 8, 9, 10, 11, 12, 13, 14}) || !strings.Contains(backup, "before-schema6") {
		t.Errorf("steps %v, copy %q", steps, backup)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after the upgrade: %v %v", err, r.Problems)
	}
	want := map[uint64]map[uint64]bool{} // unit → its cases, from the records
	sent := func(unit, c uint64) {
		if want[unit] == nil {
			want[unit] = map[uint64]bool{}
		}
		want[unit][c] = true
	}
	tasked := 0
	err := s.View(func(tx *store.Tx) error {
		for _, sc := range scanCases(s) {
			if sc.c.Unit != 0 {
				sent(sc.c.Unit, sc.c.ID)
			}
			ts, err := tx.CaseTasks(sc.c.ID)
			if err != nil {
				return err
			}
			for _, tk := range ts {
				if tk.ToUnit != 0 {
					sent(tk.ToUnit, tk.Case)
					tasked++
				}
			}
		}
		for unit, cases := range want {
			got := tx.UnitCaseIDs(unit)
			if len(got) != len(cases) {
				t.Errorf("department %d: %d cases by the index, %d by the records", unit, len(got), len(cases))
			}
			for _, c := range got {
				if !cases[c] {
					t.Errorf("department %d: case %d by the index only", unit, c)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 2 || tasked == 0 {
		t.Fatalf("the old file has %d departments with cases and %d tasks", len(want), tasked)
	}
}

// reportsAreConfidential checks that every report (检举控告) of an upgraded
// file carries the confidential flag on its record, its list row and its
// search facet: readers read the flag alone.
func reportsAreConfidential(t *testing.T, s *store.Store) {
	t.Helper()
	reports := map[uint64]bool{}
	for _, sc := range scanCases(s) {
		if sc.c.Type == "检举控告" {
			reports[sc.c.ID] = true
			if !sc.c.Confidential {
				t.Errorf("report %d is not stored confidential", sc.c.ID)
			}
		}
	}
	if len(reports) == 0 {
		t.Fatal("the old file holds no report to upgrade")
	}
	res, err := s.Search(store.Query{Confidential: store.ConfExclude, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Rows {
		if reports[r.ID] {
			t.Errorf("report %d is found where confidential cases are left out", r.ID)
		}
	}
	res, err = s.Search(store.Query{Confidential: store.ConfOnly, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Rows {
		if reports[r.ID] && !r.Confidential {
			t.Errorf("report %d's list row is not confidential", r.ID)
		}
		delete(reports, r.ID)
	}
	if len(reports) > 0 {
		t.Errorf("reports not found among the confidential cases: %v", reports)
	}
}

// oldFile writes testdata's file of the given schema version into dir as
// the data file, and returns its path.
func oldFile(t *testing.T, dir string, version uint64) string {
	t.Helper()
	path := filepath.Join(dir, "laifang.db")
	gz, err := os.Open(fmt.Sprintf("testdata/schema%d.db.gz", version))
	if err != nil {
		t.Fatal(err)
	}
	defer gz.Close()
	zr, err := gzip.NewReader(gz)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if v, _ := store.SchemaOf(path); v != version {
		t.Fatalf("testdata has schema %d, want %d", v, version)
	}
	return path
}

// searchMatchesScan checks that each query finds the cases a plain scan of
// every case's texts finds, no more, no fewer.
func searchMatchesScan(t *testing.T, s *store.Store, queries ...string) {
	t.Helper()
	all := scanCases(s)
	for _, q := range queries {
		res, err := s.Search(store.Query{Text: q, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, r := range all {
			if plainMatch(r.texts, []string{q}) {
				want++
			}
		}
		if len(res.Rows) != want || res.Total != want {
			t.Errorf("%s: %d cases (total %d), a scan finds %d", q, len(res.Rows), res.Total, want)
		}
	}
}

// Schema 7 adds the index of the departments' open tasks (ix.unit.open):
// a schema-6 file (the same layout without it) gets it filled from its
// tasks, earliest due first, the closed ones and the 催办 entries left out.
func TestMigrateFromVersion6(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "laifang.db")
	s := open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk")})
	var unit uint64
	var late, early, noDue, closed uint64
	err := s.Update(func(tx *store.Tx) error {
		u := &store.Unit{Name: "司法所", Active: true}
		if err := tx.SaveUnit(u); err != nil {
			return err
		}
		unit = u.ID
		for _, k := range []struct {
			id     *uint64
			due    civil.Date
			status string
		}{{&late, civil.D(2026, 5, 1), store.TaskWorking}, {&early, civil.D(2026, 4, 1), store.TaskPending},
			{&noDue, 0, store.TaskPending}, {&closed, civil.D(2026, 3, 1), store.TaskClosed}} {
			task := &store.Task{Case: 1, Type: "交办", ToUnit: unit, Due: k.due, Status: k.status}
			if err := tx.SaveTask(task); err != nil {
				return err
			}
			*k.id = task.ID
		}
		return tx.SaveTask(&store.Task{Case: 1, Parent: late, Type: store.TaskUrge, ToUnit: unit})
	})
	if err != nil {
		t.Fatal(err)
	}
	s = reopenAt(t, s, path, 6, func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte("ix.unit.open")) }, []int{7, 8, 9, 10, 11, 12, 13, 14})
	defer s.Close()
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after the upgrade: %v %v", err, r.Problems)
	}
	var got, all []uint64
	s.View(func(tx *store.Tx) error {
		got, all = tx.UnitOpenTaskIDs(unit), tx.UnitTaskIDs(unit)
		return nil
	})
	if !slices.Equal(got, []uint64{early, late, noDue}) {
		t.Errorf("open tasks %v, want %v", got, []uint64{early, late, noDue})
	}
	if !slices.Equal(all, []uint64{closed, noDue, early, late}) {
		t.Errorf("all tasks newest first %v", all)
	}
}

// Schema 10 puts a case sent to a department by a task into that
// department's work queue (Case.Sent) and indexes the deadline of a closed
// report whose 纪检 feedback clock still runs: a schema-9 file (a task
// saved before its case kept nothing on the case; the closed case's due
// entry removed) gets both.
func TestMigrateFromVersion9(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "laifang.db")
	s := open(t, path, store.Options{BackupDir: filepath.Join(dir, "bk")})
	today := civil.Date(civil.DateOf(testNow))
	k2 := today + 21
	err := s.Update(func(tx *store.Tx) error {
		// the task first: no case 1 yet, so nothing is kept on it
		if err := tx.SaveTask(&store.Task{Case: 1, Type: "协办", ToUnit: 7, Due: today + 20, Status: store.TaskPending}); err != nil {
			return err
		}
		for _, c := range []store.Case{
			{Title: "拖欠工资问题", Status: "ACCEPTED", Accepted: today, Unit: 5, Due: today + 60,
				Clocks: []store.CaseClock{{Clock: "办理", Legal: today + 60}}},
			{Title: "检举某所长", Type: "检举控告", RealName: true, Status: "CLOSED", Closed: today, Unit: 5, Due: k2,
				Clocks: []store.CaseClock{{Clock: "纪检反馈", Start: today, Legal: k2}}},
		} {
			if _, err := tx.SaveIntake(&store.Intake{Case: c, By: 1}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// back to schema 9: without the closed case's due entries
	s = reopenAt(t, s, path, 9, func(tx *bolt.Tx) error {
		for _, b := range []string{"ix.case.due", "ix.unit.due"} {
			c := tx.Bucket([]byte(b)).Cursor()
			for k, _ := c.First(); k != nil; k, _ = c.Next() {
				if binary.BigEndian.Uint64(k[len(k)-8:]) == 2 {
					if err := c.Delete(); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}, []int{10, 11, 12, 13, 14})
	defer s.Close()
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("after the upgrade: %v %v", err, r.Problems)
	}
	s.View(func(tx *store.Tx) error {
		if n := tx.CountDue(7, today, today+60); n != 1 {
			t.Errorf("the department sent the 协办 has %d cases due, want 1", n)
		}
		if n := tx.CountDue(0, k2, k2); n != 1 {
			t.Errorf("the closed report's feedback clock: %d cases due on it, want 1", n)
		}
		return nil
	})
	queueMatchesScan(t, s)
}

// reopenAt takes the file of s back to schema version (undo removes what
// that version did not have), opens it again, and checks that the upgrade
// ran the steps want.
func reopenAt(t *testing.T, s *store.Store, path string, version uint64, undo func(*bolt.Tx) error, want []int) *store.Store {
	t.Helper()
	if err := s.RawUpdate(func(tx *bolt.Tx) error {
		if err := undo(tx); err != nil {
			return err
		}
		v := make([]byte, 8)
		binary.BigEndian.PutUint64(v, version)
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), v)
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, path, store.Options{BackupDir: filepath.Join(filepath.Dir(path), "bk")})
	if steps, _ := s.Migrated(); !slices.Equal(steps, want) {
		t.Errorf("steps %v, want %v", steps, want)
	}
	return s
}
