package cli

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"laifang/app"
	"laifang/store"
	"laifang/store/gen"
)

// genOffice makes a generated office with the demo accounts in a data
// folder of its own.
func genOffice(t *testing.T, visits int) string {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(dataFile(dir), store.Options{NoDailyBackup: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gen.Office(s, gen.Options{Visits: visits, Seed: 4, Password: DemoPassword,
		HashPassword: app.HashPassword}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// An export read back by LibreOffice (issue 15): its CSV holds exactly the
// ledger's rows in the same order, under the title and the headings, with
// every ID number and phone intact (text cells: a spreadsheet that took an
// ID number for a number would print 1.10101199003071E+17) and the dates
// as the ledger shows them.
func TestExportReadBackByLibreOffice(t *testing.T) {
	office, err := exec.LookPath("libreoffice")
	if err != nil {
		t.Skip("libreoffice is not installed here (make test installs libreoffice-calc-nogui): the export is not read back")
	}
	dir := genOffice(t, 400)
	xlsx := filepath.Join(t.TempDir(), "台账.xlsx")
	out, code := runWithInput(t, DemoPassword+"\n", "export", "--data", dir, "--xlsx", xlsx, "--user", "clerk1",
		"--from", "2020-01-01")
	if code != 0 || !strings.Contains(out, "已写入") || !strings.Contains(out, "已导出") {
		t.Fatalf("export (%d): %s", code, out)
	}

	// the ledger as the same user sees it, in full where he may
	a := app.New(app.Options{DataDir: dir})
	if err := a.Open(store.Options{NoDailyBackup: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Auth.Login("clerk1", DemoPassword); err != nil {
		t.Fatal(err)
	}
	var rows []app.LedgerRow
	for off := 0; ; off += 200 {
		p, err := a.Ledger.List(app.LedgerQuery{From: "2020-01-01", Offset: off, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, p.Rows...)
		if len(p.Rows) < 200 {
			break
		}
	}
	a.Close()
	people := map[string]*store.Person{} // by case number: the main petitioner
	st, err := store.Open(dataFile(dir), store.Options{NoDailyBackup: true, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	st.View(func(tx *store.Tx) error {
		for _, r := range rows {
			c, err := tx.Case(r.ID)
			if err != nil {
				return err
			}
			if pid := c.MainPetitioner(); pid != 0 {
				if p, err := tx.Person(pid); err == nil {
					people[r.No] = p
				}
			}
		}
		return nil
	})
	st.Close()

	outDir := t.TempDir()
	profile := "file://" + filepath.ToSlash(t.TempDir())
	cmd := exec.Command(office, "-env:UserInstallation="+profile, "--headless", "--convert-to",
		"csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", outDir, xlsx)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	done := make(chan error, 1)
	var conv []byte
	go func() { var err error; conv, err = cmd.CombinedOutput(); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("libreoffice: %v %s", err, conv)
		}
	case <-time.After(3 * time.Minute):
		cmd.Process.Kill()
		t.Fatal("libreoffice took more than three minutes")
	}
	f, err := os.Open(filepath.Join(outDir, "台账.csv"))
	if err != nil {
		t.Fatalf("no CSV: %v (%s)", err, conv)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	lines, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != len(rows)+2 {
		t.Fatalf("%d lines read back, the ledger has %d rows (+ title and headings)", len(lines), len(rows))
	}
	if !strings.Contains(lines[0][0], "来访接待台账") || !strings.Contains(lines[0][0], "2020-01-01") {
		t.Errorf("title %q", lines[0][0])
	}
	if lines[1][0] != "登记编号" || lines[1][3] != "证件号码" {
		t.Errorf("headings %q", lines[1])
	}
	ids := 0
	for i, r := range rows {
		l := lines[i+2]
		if l[0] != r.No || l[1] != r.Received || l[2] != r.Petitioner || l[11] != r.StatusLabel || l[12] != r.Due {
			t.Fatalf("line %d: %q, the ledger's row is %+v", i+3, l, r)
		}
		if p := people[r.No]; p != nil && !p.Anonymous && p.IDNumber != "" && r.Petitioner != app.Hidden {
			ids++
			if l[3] != p.IDNumber {
				t.Fatalf("line %d: ID number %q, the person's is %s", i+3, l[3], p.IDNumber)
			}
			if len(p.Phones) > 0 && l[4] != p.Phones[0] {
				t.Fatalf("line %d: phone %q, the person's is %s", i+3, l[4], p.Phones[0])
			}
		}
	}
	if ids == 0 {
		t.Fatal("no row with an ID number to compare")
	}
}
