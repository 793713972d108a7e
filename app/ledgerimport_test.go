package app

import (
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/store"
)

// importOffice is a set-up office with a clerk's Import service.
func importOffice(t *testing.T) (*App, *Import) {
	t.Helper()
	a, _ := testApp(t)
	setUp(t, a)
	clerk := addUser(t, a, "clerk", RoleClerk, false)
	return a, a.bind(clerk).Import
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(ledgerDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// upload sends a file in pieces of piece bytes, as the window does.
func upload(t *testing.T, s *Import, name string, data []byte, piece int) ImportFile {
	t.Helper()
	var out ImportFile
	for off := 0; off < len(data) || off == 0; off += piece {
		end := min(off+piece, len(data))
		var err error
		out, err = s.Upload(ImportUpload{Name: name, Size: len(data), Offset: off, Data: base64.StdEncoding.EncodeToString(data[off:end])})
		if err != nil {
			t.Fatalf("upload %s at %d: %v", name, off, err)
		}
		if end == len(data) {
			break
		}
		if out.Complete || out.Received != end {
			t.Fatalf("after %d bytes: %+v", end, out)
		}
	}
	if !out.Complete {
		t.Fatalf("%s not complete: %+v", name, out)
	}
	return out
}

// run imports and waits for the end.
func run(t *testing.T, s *Import, m ImportMapping) ImportProgress {
	t.Helper()
	if _, err := s.Run(m); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2000; i++ {
		p, err := s.Progress()
		if err != nil {
			t.Fatal(err)
		}
		if p.Done {
			if p.Error != "" {
				t.Fatal(p.Error)
			}
			return p
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the import did not end")
	return ImportProgress{}
}

// errorRows are the rows a report refuses, each with its fields.
func errorRows(r ImportReport) map[int][]string {
	out := map[int][]string{}
	for _, p := range r.Problems {
		if !p.Warning {
			out[p.Row] = append(out[p.Row], p.Field)
		}
	}
	return out
}

// The ledger LibreOffice made from the CSV with five planted mistakes: the
// dry run names exactly those rows (the sheet's row numbers: a title, a
// blank row and the header come first) and writes nothing.
func TestADryRunReportsThePlantedMistakesAndWritesNothing(t *testing.T) {
	a, s := importOffice(t)
	f := upload(t, s, "来访台账.xlsx", readFixture(t, "ledger_mistakes.xlsx"), 4096)
	if f.Rows != 30 {
		t.Fatalf("rows %d, want 30", f.Rows)
	}
	want := map[string]string{"来访人": "name", "身份证号码": "idNumber", "联系电话": "phone", "登记日期": "date",
		"反映问题": "demand", "问题分类": "category", "类别": "type", "人数": "present", "承办单位": "unit", "办理结果": "result", "序号": ""}
	for _, c := range f.Columns {
		if want[c.Header] != c.Field {
			t.Errorf("column %s %q → %q, want %q", c.Letter, c.Header, c.Field, want[c.Header])
		}
	}
	rep, err := s.Check(ImportMapping{})
	if err != nil {
		t.Fatal(err)
	}
	expect := map[int][]string{}
	for _, p := range planted {
		expect[4+p.index] = []string{p.field}
	}
	if got := errorRows(rep); !reflect.DeepEqual(got, expect) {
		t.Errorf("rows with errors %v, want %v", got, expect)
	}
	if rep.Refused != len(planted) || rep.Ready != 30-len(planted) || rep.Existing != 0 {
		t.Errorf("report %d refused, %d ready, %d existing", rep.Refused, rep.Ready, rep.Existing)
	}
	if len(rep.Unknown) != 1 || rep.Unknown[0].Value != "劳动保障" || len(rep.Unknown[0].Choices) == 0 {
		t.Errorf("unknown values %+v", rep.Unknown)
	}
	if n := countCases(t, a); n != 0 {
		t.Errorf("a dry run wrote %d cases", n)
	}
	// The clerk maps the unknown category: that row is ready too.
	rep, err = s.Check(ImportMapping{Values: map[string]map[string]string{"category": {"劳动保障": "07"}}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Refused != len(planted)-1 {
		t.Errorf("with the category mapped, %d rows refused", rep.Refused)
	}
}

// Importing writes the good rows as closed cases with the file's name,
// matches people by ID number, and a second import, of the same ledger or
// of its CSV twin, adds nothing.
func TestASecondImportAddsNothing(t *testing.T) {
	a, s := importOffice(t)
	upload(t, s, "来访台账.xlsx", readFixture(t, "ledger_mistakes.xlsx"), 1<<20)
	p := run(t, s, ImportMapping{})
	if p.Added != 30-len(planted) || p.Existing != 0 || p.Refused != len(planted) {
		t.Fatalf("first import %+v", p)
	}
	st, _ := a.store()
	rows := mistakesRows()
	err := st.View(func(tx *store.Tx) error {
		c, err := tx.Case(1)
		if err != nil {
			return err
		}
		if c.ImportedFrom != "来访台账.xlsx" || c.Status != string(casestate.Closed) || c.Received.Date().String() != rows[0][4] {
			t.Errorf("case 1: from %q, status %s, received %s", c.ImportedFrom, c.Status, c.Received.Date())
		}
		person, err := tx.Person(c.People[0].Person)
		if err != nil {
			return err
		}
		if person.Name != rows[0][1] || person.IDNumber != rows[0][2] {
			t.Errorf("case 1's petitioner %s %s, want %s %s", person.Name, person.IDNumber, rows[0][1], rows[0][2])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	before := countCases(t, a)
	upload(t, s, "来访台账.xlsx", readFixture(t, "ledger_mistakes.xlsx"), 1<<20)
	if p := run(t, s, ImportMapping{}); p.Added != 0 || p.Existing != 30-len(planted) {
		t.Errorf("second import %+v", p)
	}
	upload(t, s, "twin.csv", readFixture(t, "ledger_utf8.csv"), 1<<20)
	rep, err := s.Check(ImportMapping{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Existing != 30-len(planted) || rep.Ready != 0 {
		t.Errorf("the CSV twin: %d found, %d to add", rep.Existing, rep.Ready)
	}
	if p := run(t, s, ImportMapping{}); p.Added != 0 || p.Existing != 30-len(planted) {
		t.Errorf("the CSV twin: %+v", p)
	}
	if n := countCases(t, a); n != before {
		t.Errorf("cases %d after importing twice, want %d", n, before)
	}
	// The audit names each batch.
	err = st.View(func(tx *store.Tx) error {
		page, err := tx.FindAudit(store.AuditFilter{Action: ActionImport})
		if err != nil {
			return err
		}
		// Newest first: the CSV's, the second import's, the first's.
		if len(page.Entries) != 3 || !strings.Contains(page.Entries[2].Summary, "来访台账.xlsx") ||
			!strings.Contains(page.Entries[2].Summary, "新增 25 件") {
			t.Errorf("audit entries %+v", page.Entries)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A person already on file (matched by ID number) gets the imported case;
// no second person is made.
func TestPeopleAreMatchedByIDNumber(t *testing.T) {
	a, s := importOffice(t)
	rows := mistakesRows()
	st, _ := a.store()
	var id uint64
	err := st.Update(func(tx *store.Tx) error {
		p := &store.Person{Name: rows[0][1], IDNumber: rows[0][2], Phones: []string{"13900000000"}}
		if err := tx.SavePerson(p); err != nil {
			return err
		}
		id = p.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	upload(t, s, "a.csv", readFixture(t, "ledger_utf8.csv"), 1<<20)
	run(t, s, ImportMapping{})
	err = st.View(func(tx *store.Tx) error {
		found, err := tx.FindPeople(store.PersonQuery{IDNumber: rows[0][2]})
		if err != nil {
			return err
		}
		if len(found) != 1 || found[0].ID != id {
			t.Errorf("people with the number: %+v", found)
		}
		cs, err := tx.PersonCaseRows(id, 0)
		if err != nil {
			return err
		}
		if len(cs) != 1 {
			t.Errorf("the person on file has %d cases", len(cs))
		}
		if !slices.Contains(found[0].Phones, "13900000000") || !slices.Contains(found[0].Phones, rows[0][3]) {
			t.Errorf("phones %v", found[0].Phones)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// LibreOffice opened the CSV with its default: every 18-digit ID number
// became a number and lost its last digits. Each such row is flagged and
// nothing of the number is stored; the numbers ending in X stayed text.
func TestIDNumbersTurnedIntoNumbersAreFlagged(t *testing.T) {
	a, s := importOffice(t)
	upload(t, s, "numbers.xlsx", readFixture(t, "ledger_numbers.xlsx"), 1<<20)
	rep, err := s.Check(ImportMapping{})
	if err != nil {
		t.Fatal(err)
	}
	rows := ledgerRows(16, 20)
	want := map[int][]string{}
	for i, r := range rows {
		if !strings.HasSuffix(r[2], "X") {
			want[4+i] = []string{"idNumber"}
		}
	}
	if len(want) == 0 || len(want) == len(rows) {
		t.Fatalf("the fixture has %d of %d numbers without X: nothing to tell apart", len(want), len(rows))
	}
	if got := errorRows(rep); !reflect.DeepEqual(got, want) {
		t.Errorf("rows flagged %v, want %v", got, want)
	}
	for _, p := range rep.Problems {
		if !p.Warning && p.Field == "idNumber" && !strings.Contains(p.Message, "转成了数字") {
			t.Errorf("row %d: %s", p.Row, p.Message)
		}
	}
	run(t, s, ImportMapping{})
	st, _ := a.store()
	err = st.View(func(tx *store.Tx) error {
		for i, r := range rows {
			found, err := tx.FindPeople(store.PersonQuery{IDNumber: r[2]})
			if err != nil {
				return err
			}
			if stored := len(found) > 0; stored != (want[4+i] == nil) {
				t.Errorf("row %d (%s): stored %v", 4+i, r[2], stored)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Excel on a Chinese Windows saves CSV in GBK: the GB18030 file reads the
// same as its UTF-8 twin, cell for cell.
func TestAGB18030FileReadsAsItsUTF8Twin(t *testing.T) {
	utf, err := readLedger("a.csv", readFixture(t, "ledger_utf8.csv"))
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := readLedger("b.csv", readFixture(t, "ledger_gbk.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(utf, gbk) {
		t.Errorf("GB18030 %+v\nUTF-8 %+v", gbk.Rows[:2], utf.Rows[:2])
	}
	if len(utf.Rows) != 30 || utf.Rows[0][1] != mistakesRows()[0][1] {
		t.Errorf("read %d rows, the first %v", len(utf.Rows), utf.Rows[0])
	}
	// And the xlsx LibreOffice made of the same rows holds the same
	// petitioners.
	x, err := readLedger("c.xlsx", readFixture(t, "ledger_mistakes.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range utf.Rows {
		if x.RowNo[i] != utf.RowNo[i] || x.Rows[i][1] != utf.Rows[i][1] || x.Rows[i][2] != utf.Rows[i][2] {
			t.Errorf("row %d: xlsx %v, csv %v", i, x.Rows[i][:3], utf.Rows[i][:3])
		}
	}
}

// An .xls or .et file is refused with the way out; so is an old-format
// file renamed .xlsx.
func TestOldExcelFormatsAreRefused(t *testing.T) {
	_, s := importOffice(t)
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...)
	for _, name := range []string{"台账.xls", "台账.et", "改名的.xlsx"} {
		_, err := s.Upload(ImportUpload{Name: name, Size: len(ole), Data: base64.StdEncoding.EncodeToString(ole)})
		e := AsError(err)
		if e == nil || e.Field != "file" || !strings.Contains(e.Message, "另存为") || !strings.Contains(e.Message, ".xlsx") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A file of another kind is refused in words, whatever it holds.
func TestOnlyXlsxAndCsvAreRead(t *testing.T) {
	_, s := importOffice(t)
	data := readFixture(t, "ledger_mistakes.xlsx") // a zip, as a .docx is
	_, err := s.Upload(ImportUpload{Name: "台账.docx", Size: len(data), Data: base64.StdEncoding.EncodeToString(data)})
	if e := AsError(err); e == nil || e.Field != "file" || !strings.Contains(e.Message, "只能导入 .xlsx 或 .csv") {
		t.Errorf(".docx: %v", err)
	}
	junk := []byte("PK\x03\x04 not a workbook")
	_, err = s.Upload(ImportUpload{Name: "台账.xlsx", Size: len(junk), Data: base64.StdEncoding.EncodeToString(junk)})
	if e := AsError(err); e == nil || e.Field != "file" || !strings.Contains(e.Message, "重新保存") {
		t.Errorf("a broken .xlsx: %v", err)
	}
}

// The clerk's mapping: a field on two columns and a ledger without a
// required field are refused on the mapping, in words.
func TestTheMappingIsChecked(t *testing.T) {
	_, s := importOffice(t)
	f := upload(t, s, "a.csv", readFixture(t, "ledger_utf8.csv"), 1<<20)
	cols := make([]string, len(f.Columns))
	for i, c := range f.Columns {
		cols[i] = c.Field
	}
	twice := slices.Clone(cols)
	twice[0] = "name" // 序号 as 姓名, and 来访人 too
	_, err := s.Check(ImportMapping{Columns: twice})
	if e := AsError(err); e == nil || len(e.Fields) != 1 || e.Fields[0].Field != "columns[1]" {
		t.Errorf("a field twice: %v", err)
	}
	none := slices.Clone(cols)
	none[4] = "" // no date
	_, err = s.Check(ImportMapping{Columns: none})
	if e := AsError(err); e == nil || e.Code != "import.mapping_missing" || !strings.Contains(e.Message, "来访日期") {
		t.Errorf("no date: %v", err)
	}
	// Mapped by hand: 办理结果 left out is not imported.
	mine := slices.Clone(cols)
	mine[10] = ""
	if _, err := s.Check(ImportMapping{Columns: mine}); err != nil {
		t.Error(err)
	}
}

func countCases(t *testing.T, a *App) int {
	t.Helper()
	st, _ := a.store()
	n := 0
	err := st.View(func(tx *store.Tx) error {
		for id := uint64(1); ; id++ {
			if _, err := tx.Case(id); errors.Is(err, store.ErrNotFound) {
				return nil
			} else if err != nil {
				return err
			}
			n++
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
