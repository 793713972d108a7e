package app

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"laifang/store"
)

// The confidential probe of the import (docs/DOMAIN.md §10, §16): a ledger
// row carrying a whistle-blower's ID number, imported by a clerk without
// the grant, tells nothing of his confidential cases — not in the dry run,
// not in the progress — and the case made of it is confidential, so the
// import does not link him openly. A 检举控告 row makes a confidential case.
func TestAnImportTellsNothingOfAWhistleBlower(t *testing.T) {
	o := newConfOffice(t)
	clerk := o.a.bind(addUser(t, o.a, "clerk9", RoleClerk, false)).Import
	p := o.people[o.only]
	var secret []*store.Case
	for _, c := range o.secret {
		for _, cp := range c.People {
			if cp.Person == o.only {
				secret = append(secret, c)
			}
		}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"姓名", "身份证号", "来访日期", "反映内容", "类别"})
	w.Write([]string{"张某", p.IDNumber, "2025-06-03", "反映拆迁补偿问题", "申诉求决"})
	w.Write([]string{"李某", "", "2025-06-04", "检举村干部侵占集体资金", "检举控告"})
	w.Flush()
	f := upload(t, clerk, "old.csv", b.Bytes(), 1<<20)
	rep, err := clerk.Check(ImportMapping{})
	if err != nil {
		t.Fatal(err)
	}
	prog := run(t, clerk, ImportMapping{})
	if prog.Added != 2 {
		t.Fatalf("added %d", prog.Added)
	}
	for _, c := range secret {
		for _, v := range []any{f, rep, prog} {
			raw, _ := json.Marshal(v)
			if strings.Contains(string(raw), c.No) || strings.Contains(string(raw), p.Name) {
				t.Errorf("%s names the confidential case %s or its petitioner: %s", raw, c.No, p.Name)
			}
		}
	}
	err = o.st.View(func(tx *store.Tx) error {
		rows, err := tx.PersonCaseRows(o.only, 0)
		if err != nil {
			return err
		}
		imported := 0
		for i := range rows {
			c, err := tx.Case(rows[i].ID)
			if err != nil {
				return err
			}
			if c.ImportedFrom == "old.csv" {
				imported++
				if !IsConfidential(c) {
					t.Errorf("the case imported for a whistle-blower, %s, is not confidential", c.No)
				}
			}
		}
		if imported != 1 {
			t.Errorf("%d imported cases on the whistle-blower", imported)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// As a reader sees it: the imported report hides its petitioner and
	// its words.
	var report uint64
	_ = o.st.View(func(tx *store.Tx) error {
		for _, r := range must(tx.PersonCaseRows(must(tx.FindPeople(store.PersonQuery{Name: "李某"}))(t)[0].ID, 0))(t) {
			report = r.ID
		}
		return nil
	})
	reader := o.a.bind(addUser(t, o.a, "reader8", RoleReader, false))
	d, err := reader.Cases.Get(report)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(d)
	if d.ImportedFrom != "old.csv" {
		t.Fatalf("case %d: %s", report, raw)
	}
	if strings.Contains(string(raw), "李某") || strings.Contains(string(raw), "侵占集体资金") {
		t.Errorf("the imported report shows its petitioner or words: %s", raw)
	}
}
