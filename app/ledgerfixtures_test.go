package app

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"laifang/store/gen"
)

// The ledgers the import tests read (testdata/ledger) are made by
// LibreOffice from CSVs written here, not by excelize: an .xlsx as another
// program writes it. To make them again (libreoffice-calc-nogui installed):
//
//	LAIFANG_MAKE_LEDGERS=1 go test ./app -run TestMakeLedgerFixtures

const ledgerDir = "testdata/ledger"

// ledgerHeader is an office's ledger as offices keep it: none of its
// headers is the field's own label but 反映问题's and 类别's synonyms.
var ledgerHeader = []string{"序号", "来访人", "身份证号码", "联系电话", "登记日期", "反映问题", "问题分类", "类别", "人数", "承办单位", "办理结果"}

var ledgerUnits = []string{"县人力资源和社会保障局", "县住房和城乡建设局", "县自然资源局", "镇综治中心"}

// ledgerRows are n rows of a synthetic office's old ledger: the
// generator's people and matters, visits in 2024 and 2025.
func ledgerRows(seed uint64, n int) [][]string {
	g := gen.New(seed)
	out := make([][]string, 0, n)
	day := time.Date(2024, 1, 2, 9, 0, 0, 0, time.Local)
	results := []string{"解释说明", "予以支持", "不予支持", "已转相关部门办理"}
	for i := 0; i < n; i++ {
		p := g.Person()
		at := day.AddDate(0, 0, (i*7)%720)
		m := g.Matter(at)
		cat := m.Category.Label
		out = append(out, []string{strconv.Itoa(i + 1), p.Name, p.IDNumber, p.Phones[0], at.Format("2006-01-02"),
			m.Demand + "。" + m.Facts, cat, m.Type, strconv.Itoa(1 + i%3), ledgerUnits[i%len(ledgerUnits)], results[i%len(results)]})
	}
	return out
}

// The planted mistakes of ledger_mistakes: the data row (from 0) and what
// is wrong with it.
var planted = []struct {
	index int
	field string
	code  string
	set   func(r []string)
}{
	{3, "idNumber", "import.idcard", func(r []string) { r[2] = r[2][:17] + wrongCheck(r[2]) }},
	{8, "date", "import.date", func(r []string) { r[4] = "2025-02-30" }},
	{12, "category", "import.unknown", func(r []string) { r[6] = "劳动保障" }},
	{17, "name", "import.name", func(r []string) { r[1] = "" }},
	{22, "phone", "import.phone", func(r []string) { r[3] = "1381234" }},
}

// wrongCheck is a check character other than the number's own.
func wrongCheck(id string) string {
	if id[17] == '1' {
		return "2"
	}
	return "1"
}

// ledgerTitle and the blank row under it come before the header, as in
// most offices' ledgers: the data's first row is the sheet's fourth.
const ledgerTitle = "某某镇来访登记台账（2024—2025年）"

func ledgerCSV(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{ledgerTitle})
	w.Write([]string{})
	w.Write(ledgerHeader)
	w.WriteAll(rows)
	return b.Bytes()
}

func mistakesRows() [][]string {
	rows := ledgerRows(15, 30)
	for _, p := range planted {
		p.set(rows[p.index])
	}
	return rows
}

func TestMakeLedgerFixtures(t *testing.T) {
	if os.Getenv("LAIFANG_MAKE_LEDGERS") == "" {
		t.Skip("LAIFANG_MAKE_LEDGERS=1 makes the ledgers again")
	}
	tmp := t.TempDir()
	if err := os.MkdirAll(ledgerDir, 0o755); err != nil {
		t.Fatal(err)
	}
	mistakes := ledgerCSV(mistakesRows())
	// The UTF-8 twin with a BOM (as Excel's "CSV UTF-8" saves it), and the
	// same in GB18030 (as Excel on a Chinese Windows saves "CSV").
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes(mistakes)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(ledgerDir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ledger_utf8.csv", append([]byte("\xEF\xBB\xBF"), mistakes...))
	write("ledger_gbk.csv", gbk)
	// The .xlsx files: the mistakes ledger with its ID numbers and phones
	// imported as text (column format 2), as a careful clerk keeps them;
	// the numbers ledger as LibreOffice opens a CSV by default, every
	// 18-digit ID number a number.
	for _, f := range []struct{ name, csv, filter string }{
		{"ledger_mistakes", string(mistakes), "CSV:44,34,76,1,3/2/4/2"},
		{"ledger_numbers", string(ledgerCSV(ledgerRows(16, 20))), "CSV:44,34,76,1"},
	} {
		src := filepath.Join(tmp, f.name+".csv")
		if err := os.WriteFile(src, []byte(f.csv), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("libreoffice", "--headless", "--infilter="+f.filter, "--convert-to", "xlsx", "--outdir", tmp, src)
		cmd.Env = append(os.Environ(), "HOME="+tmp)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("libreoffice: %v\n%s", err, out)
		}
		data, err := os.ReadFile(filepath.Join(tmp, f.name+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		write(f.name+".xlsx", data)
		if f.name == "ledger_numbers" {
			write("ledger_numbers.csv", []byte(f.csv))
		}
	}
	fmt.Println("ledgers written to", ledgerDir)
}
