package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store"

	"github.com/xuri/excelize/v2"
)

// ledgerWant is which cases of the office a ledger query should list,
// decided from each case's own fields as a clerk reading them would.
func ledgerWant(o *confOffice, today civil.Date, keep func(c *store.Case) bool) []uint64 {
	var ids []uint64
	for _, c := range o.cases {
		if keep(c) {
			ids = append(ids, c.ID)
		}
	}
	slices.Reverse(ids) // newest first
	return ids
}

// ledgerAll pages through the ledger and returns the IDs and the totals
// each page reported.
func ledgerAll(t *testing.T, l *Ledger, q LedgerQuery) (ids []uint64, total int, rows []LedgerRow) {
	t.Helper()
	q.Limit = 200
	for q.Offset = 0; ; q.Offset += q.Limit {
		p, err := l.List(q)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Exact {
			t.Errorf("%+v: filters alone gave an estimate", q)
		}
		total = p.Total
		for _, r := range p.Rows {
			ids = append(ids, r.ID)
		}
		rows = append(rows, p.Rows...)
		if len(p.Rows) < q.Limit {
			return ids, total, rows
		}
	}
}

func TestLedgerFiltersListWhatAScanFinds(t *testing.T) {
	o := newConfOffice(t)
	clerk := o.a.bind(addUser(t, o.a, "clerk7", RoleClerk, false))
	today := civil.DateOf(o.a.now())
	from, to := today.AddDays(-400), today.AddDays(-30)
	for _, k := range []struct {
		name string
		q    LedgerQuery
		keep func(c *store.Case) bool
	}{
		{"everything", LedgerQuery{}, func(c *store.Case) bool { return true }},
		{"a date range", LedgerQuery{From: from.String(), To: to.String()}, func(c *store.Case) bool {
			d := c.Received.Date()
			return d >= from && d <= to
		}},
		{"two categories, closed", LedgerQuery{Category: []string{"07", "11"}, Status: []string{string(casestate.Closed)}},
			func(c *store.Case) bool {
				return (c.Category == "07" || c.Category == "11") && c.Status == string(casestate.Closed)
			}},
		{"repeat visits in a range", LedgerQuery{From: from.String(), Flags: []string{store.FlagRepeat}}, func(c *store.Case) bool {
			return c.Repeat && c.Received.Date() >= from
		}},
		{"reports, by channel", LedgerQuery{Type: []string{TypeReport}, Channel: []string{"走访"}}, func(c *store.Case) bool {
			return c.Type == TypeReport && c.Channel == "走访"
		}},
		{"overdue", LedgerQuery{Overdue: true}, func(c *store.Case) bool {
			return c.ClockRuns() && c.Due < today
		}},
	} {
		want := ledgerWant(o, today, k.keep)
		if len(want) == 0 {
			t.Errorf("%s: the office has no such case to list", k.name)
			continue
		}
		got, total, _ := ledgerAll(t, clerk.Ledger, k.q)
		if total != len(want) {
			t.Errorf("%s: total %d, a scan finds %d", k.name, total, len(want))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %d rows, want %d (first %v, want %v)", k.name, len(got), len(want), got[:min(5, len(got))], want[:min(5, len(want))])
		}
	}

	// by due date: the open cases with a running deadline, earliest first
	got, total, rows := ledgerAll(t, clerk.Ledger, LedgerQuery{Sort: SortDue})
	want := ledgerWant(o, today, func(c *store.Case) bool { return c.ClockRuns() })
	if total != len(want) || len(got) != len(want) {
		t.Errorf("by due date: total %d, %d rows, want %d", total, len(got), len(want))
	}
	for i := 1; i < len(rows); i++ {
		if rows[i].Due < rows[i-1].Due || rows[i].Due == "" {
			t.Fatalf("by due date: row %d due %q after %q", i, rows[i].Due, rows[i-1].Due)
		}
	}
	// the oldest first
	got, _, _ = ledgerAll(t, clerk.Ledger, LedgerQuery{Sort: SortReceivedAsc, Category: []string{"07"}})
	want = ledgerWant(o, today, func(c *store.Case) bool { return c.Category == "07" })
	slices.Reverse(want)
	if !slices.Equal(got, want) {
		t.Errorf("oldest first: %d rows, want %d", len(got), len(want))
	}
	// a later page of the oldest first
	p, err := clerk.Ledger.List(LedgerQuery{Sort: SortReceivedAsc, Category: []string{"07"}, Offset: 10, Limit: 5})
	if err != nil || len(p.Rows) != 5 || p.Rows[0].ID != want[10] {
		t.Errorf("oldest first, from the 11th: %v %+v", err, p.Rows)
	}
}

func TestLedgerRefusesDatesItCannotRead(t *testing.T) {
	a, _ := testApp(t)
	clerk := a.bind(addUser(t, a, "clerk1", RoleClerk, false))
	for _, c := range []struct {
		q     LedgerQuery
		field string
	}{
		{LedgerQuery{From: "2026-13-01"}, "from"},
		{LedgerQuery{To: "昨天"}, "to"},
		{LedgerQuery{From: "2026-03-01", To: "2026-02-01"}, "to"},
	} {
		_, err := clerk.Ledger.List(c.q)
		e := AsError(err)
		if err == nil || e.Code != CodeInvalid || e.Field != c.field || !strings.ContainsAny(e.Message, "日期") {
			t.Errorf("%+v: %v", c.q, err)
		}
		if _, err := clerk.Ledger.Export(c.q); AsError(err).Field != c.field {
			t.Errorf("export %+v: %v", c.q, err)
		}
	}
}

// A clerk without the grant sees the ledger as every list: ID numbers and
// phones masked, a confidential case's people and request hidden; his
// export gives ID numbers in full (he may see them) but still no
// whistle-blower; a head with the grant exports them.
func TestLedgerMasksAndExportsPerRole(t *testing.T) {
	o := newConfOffice(t)
	clerk := o.a.bind(addUser(t, o.a, "tzclerk", RoleClerk, false))
	_, _, rows := ledgerAll(t, clerk.Ledger, LedgerQuery{})
	secret := map[uint64]*store.Case{}
	for _, c := range o.secret {
		secret[c.ID] = c
	}
	shown := 0
	for _, r := range rows {
		if c := secret[r.ID]; c != nil {
			if leaks := o.leaks(t, c, r); len(leaks) > 0 {
				t.Errorf("case %d: the ledger shows %q", r.ID, leaks)
			}
			continue
		}
		if r.IDNumber != "" {
			shown++
			if !strings.Contains(r.IDNumber, "*") {
				t.Errorf("case %d: ID number %s in full on the screen", r.ID, r.IDNumber)
			}
		}
	}
	if shown == 0 {
		t.Error("no row shows an ID number")
	}

	con := o.a.Console("测试 命令行")
	var buf bytes.Buffer
	n, err := con.ExportLedger("tzclerk", "Secret123tzclerk", &buf, LedgerQuery{}, nil)
	if err != nil || n != len(rows) {
		t.Fatalf("export: %d rows, %v; the ledger has %d", n, err, len(rows))
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	all, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != n+2 || !strings.Contains(all[0][0], "示范镇人民政府") || !strings.Contains(all[0][0], "全部日期") {
		t.Fatalf("%d rows in the file, title %q", len(all), all[0])
	}
	if all[1][0] != "登记编号" || all[1][3] != "证件号码" || all[1][14] != "满意度" {
		t.Errorf("headings %q", all[1])
	}
	if panes, err := f.GetPanes(sheet); err != nil || !panes.Freeze || panes.YSplit != 2 {
		t.Errorf("panes %+v %v", panes, err)
	}
	full := 0
	for i, r := range rows {
		line := all[i+2]
		if line[0] != r.No {
			t.Fatalf("row %d: %q, the ledger's is %s", i, line[0], r.No)
		}
		if c := secret[r.ID]; c != nil {
			if leaks := o.leaks(t, c, line); len(leaks) > 0 {
				t.Errorf("case %d: the export shows %q to a clerk without the grant", r.ID, leaks)
			}
			continue
		}
		c, _ := o.caseByID(r.ID)
		if pid := c.MainPetitioner(); pid != 0 && !o.people[pid].Anonymous && o.people[pid].IDNumber != "" {
			full++
			if line[3] != o.people[pid].IDNumber {
				t.Fatalf("row %d: ID number %q, the person's is %s", i, line[3], o.people[pid].IDNumber)
			}
			cell, _ := excelize.CoordinatesToCellName(4, i+3)
			if typ, _ := f.GetCellType(sheet, cell); typ == excelize.CellTypeNumber {
				t.Fatalf("%s: the ID number is a number", cell)
			}
		}
		// the received date is an Excel date: a day number with a date format
		cell, _ := excelize.CoordinatesToCellName(2, i+3)
		raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if raw == r.Received || raw == "" || strings.ContainsAny(raw, "-/") {
			t.Fatalf("%s: received %q is not a date number", cell, raw)
		}
		if shown, _ := f.GetCellValue(sheet, cell); shown != r.Received {
			t.Fatalf("%s: shown as %q, want %s", cell, shown, r.Received)
		}
	}
	if full == 0 {
		t.Error("no ID number in full in the export")
	}
	entries := auditActions(t, o.st, ActionExport)
	if len(entries) != 1 || !strings.Contains(entries[0].Summary, "台账") || !strings.Contains(entries[0].Summary, fmt.Sprint(n)) {
		t.Errorf("audit %+v", entries)
	}
	// the audit viewer names what was exported
	head := o.a.bind(addUser(t, o.a, "tzhead0", RoleHead, false))
	page, err := head.Audit.List(AuditQuery{Action: ActionExport, Limit: 10})
	if err != nil || len(page.Rows) != 1 || page.Rows[0].Record != "台账" {
		t.Errorf("the audit viewer shows %+v (%v)", page.Rows, err)
	}

	// the head with the grant exports the whistle-blowers too
	addUser(t, o.a, "tzhead", RoleHead, true)
	buf.Reset()
	if _, err := o.a.Console("测试").ExportLedger("tzhead", "Secret123tzhead", &buf, LedgerQuery{Type: []string{TypeReport}}, nil); err != nil {
		t.Fatal(err)
	}
	f2, _ := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	raw, _ := f2.GetRows(f2.GetSheetName(0))
	text, _ := json.Marshal(raw)
	found := false
	for _, c := range o.secret {
		if c.Demand != "" && strings.Contains(string(text), c.Demand) {
			found = true
		}
	}
	if !found {
		t.Error("the head with the grant exports no confidential request")
	}
	// a wrong password exports nothing
	if _, err := o.a.Console("测试").ExportLedger("tzhead", "wrong", &buf, LedgerQuery{}, nil); err == nil {
		t.Error("exported with a wrong password")
	}
}

func (o *confOffice) caseByID(id uint64) (*store.Case, bool) {
	for _, c := range o.cases {
		if c.ID == id {
			return c, true
		}
	}
	return nil, false
}

// auditActions are the audit entries of one action.
func auditActions(t *testing.T, st *store.Store, action string) []store.AuditEntry {
	t.Helper()
	var out []store.AuditEntry
	err := st.View(func(tx *store.Tx) error {
		all, err := tx.Audit(0, 100000)
		for _, e := range all {
			if e.Action == action {
				out = append(out, e)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The probe of issue 10 for the ledger: a session without the grant finds
// no confidential case by its words (on the screen nor in an export), and
// none of what it gets names a whistle-blower; a handler's ledger holds his
// department's cases alone; an export is fetched only by the session that
// made it.
func TestLedgerProbeConfidentialAndScope(t *testing.T) {
	o := newConfOffice(t)
	reader := o.a.bind(addUser(t, o.a, "tzreader", RoleReader, false))
	clerkSess := addUser(t, o.a, "tzclerk9", RoleClerk, false)
	clerk := o.a.bind(clerkSess)
	for _, c := range o.secret[:10] {
		words := []rune(c.Demand)
		q := LedgerQuery{Text: string(words[:min(6, len(words))]), Limit: 200}
		for who, b := range map[string]Bound{"reader": reader, "clerk": clerk} {
			p, err := b.Ledger.List(q)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range p.Rows {
				if r.ID == c.ID || r.Masked {
					t.Errorf("%s found confidential case %d by its words %q", who, r.ID, q.Text)
				}
			}
		}
	}
	// every page as a reader: nothing of a confidential case's people
	secret := map[uint64]*store.Case{}
	for _, c := range o.secret {
		secret[c.ID] = c
	}
	_, _, rows := ledgerAll(t, reader.Ledger, LedgerQuery{})
	for _, r := range rows {
		if c := secret[r.ID]; c != nil {
			if leaks := o.leaks(t, c, r); len(leaks) > 0 {
				t.Errorf("the reader's ledger shows %q of case %d", leaks, r.ID)
			}
		}
	}
	// a reader may not export
	if _, err := reader.Ledger.Export(LedgerQuery{}); code(err) != CodeForbidden {
		t.Errorf("a reader exported: %v", err)
	}
	// the clerk's export, by the window's route: another session finds no file
	if _, err := clerk.Ledger.Export(LedgerQuery{Text: "工资"}); err != nil {
		t.Fatal(err)
	}
	other := o.a.bind(addUser(t, o.a, "tzclerk8", RoleClerk, false))
	for i := 0; ; i++ {
		st, err := clerk.Ledger.ExportProgress()
		if err != nil || st.Error != "" {
			t.Fatalf("%v %s", err, st.Error)
		}
		if st.Finished {
			break
		}
		if i > 3000 {
			t.Fatal("the export never finished")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if _, err := other.Ledger.ExportFile(); code(err) != CodeNotFound {
		t.Errorf("another session got the clerk's file: %v", err)
	}
	f, err := clerk.Ledger.ExportFile()
	if err != nil || len(f.Data) == 0 || !strings.HasSuffix(f.Name, ".xlsx") {
		t.Fatalf("%v %q %d", err, f.Name, len(f.Data))
	}
	if _, err := clerk.Ledger.ExportFile(); code(err) != CodeNotFound {
		t.Errorf("the file was handed over twice: %v", err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(f.Data))
	if err != nil {
		t.Fatal(err)
	}
	lines, _ := x.GetRows(x.GetSheetName(0))
	for _, l := range lines[2:] {
		for _, c := range o.secret {
			if c.No == l[0] {
				t.Errorf("the export found confidential case %s by a word", c.No)
			}
		}
	}

	// a handler: his department's cases only
	var unit uint64
	var want []uint64
	for _, c := range o.cases {
		if c.Unit != 0 && (unit == 0 || c.Unit == unit) {
			unit = c.Unit
		}
	}
	if unit == 0 {
		t.Fatal("no case was sent to a department")
	}
	hs := addUser(t, o.a, "tzhandler", RoleHandler, false)
	st, _ := o.a.store()
	if err := st.Update(func(tx *store.Tx) error {
		u, err := tx.UserByLogin("tzhandler")
		if err != nil {
			return err
		}
		u.Unit = unit
		return tx.UpdateUser(u)
	}); err != nil {
		t.Fatal(err)
	}
	hs.user.Unit = unit
	handler := o.a.bind(hs)
	// his department handles the case, or was sent a task of it
	st.View(func(tx *store.Tx) error {
		for _, c := range o.cases {
			sent := c.Unit == unit
			ts, err := tx.CaseTasks(c.ID)
			for _, tk := range ts {
				sent = sent || tk.ToUnit == unit
			}
			if sent {
				want = append(want, c.ID)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	slices.Reverse(want)
	got, total, _ := ledgerAll(t, handler.Ledger, LedgerQuery{})
	if total != len(want) || !slices.Equal(got, want) {
		t.Errorf("the handler's ledger: %d rows (total %d), his department has %d cases", len(got), total, len(want))
	}
	opts, err := handler.Ledger.Options()
	if err != nil || len(opts.Units) != 1 || opts.Units[0].ID != unit {
		t.Errorf("the handler is offered departments %+v (%v)", opts.Units, err)
	}
}
