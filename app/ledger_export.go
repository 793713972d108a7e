package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"laifang/domain/civil"
	"laifang/store"

	"github.com/xuri/excelize/v2"
)

// The ledger as an Excel file: what the office used to keep by hand, now
// written from the cases. One sheet: a title row (the office and the
// period), the headings (frozen), then one row per case in the ledger's
// order. Dates are Excel dates (a date number format, so a spreadsheet
// sorts and filters them as dates); ID numbers, phones and case numbers
// are text cells, never numbers (an 18-digit number loses its last
// digits in a spreadsheet). The rows are masked as ledgerReader.row masks
// an export. Written with excelize's StreamWriter, which keeps memory flat
// however many rows.

// ExportStatus is how far the session's export has come.
type ExportStatus struct {
	Running  bool   `json:"running"`
	Done     int    `json:"done"`
	Total    int    `json:"total"`
	Finished bool   `json:"finished"` // the file is ready (ExportFile)
	Error    string `json:"error"`
	Name     string `json:"name"` // the file name offered
}

// ExportFile is the finished file.
type ExportFile struct {
	Name string `json:"name"`
	Data []byte `json:"data"` // base64 in JSON
}

// exportJob is a session's export, one at a time.
type exportJob struct {
	mu     sync.Mutex
	status ExportStatus
	data   []byte
	ended  time.Time // when it finished or failed
}

// exportKeep is how long a finished file waits to be fetched: a session
// that never fetches it (a closed browser) does not keep it for ever.
const exportKeep = 30 * time.Minute

// sweepExports drops the files nobody fetched in time.
func sweepExports(now time.Time) {
	exportJobs.Range(func(k, v any) bool {
		j := v.(*exportJob)
		j.mu.Lock()
		old := !j.status.Running && !j.ended.IsZero() && now.Sub(j.ended) > exportKeep
		j.mu.Unlock()
		if old {
			exportJobs.CompareAndDelete(k, v)
		}
		return true
	})
}

// exportJobs are the running and finished exports by session.
var exportJobs sync.Map // *Session → *exportJob

func (j *exportJob) progress(done, total int) {
	j.mu.Lock()
	j.status.Done, j.status.Total = done, total
	j.mu.Unlock()
}

// Export starts writing the ledger of the filters as an Excel file, in the
// background; ExportProgress tells how far it is and ExportFile gives the
// file. The filters are checked first (ledgerQuery).
func (s *Ledger) Export(q LedgerQuery) (ExportStatus, error) {
	act, st, err := s.gate("Ledger.Export", q)
	if err != nil {
		return ExportStatus{}, err
	}
	sq, err := s.ledgerQuery(act, q)
	if err != nil {
		return ExportStatus{}, err
	}
	if v, ok := exportJobs.Load(s.sess); ok {
		j := v.(*exportJob)
		j.mu.Lock()
		running := j.status.Running
		j.mu.Unlock()
		if running {
			return ExportStatus{}, newError(CodeConflict, "上一次导出还没有完成，请稍候。")
		}
	}
	sweepExports(time.Now())
	j := &exportJob{status: ExportStatus{Running: true, Name: exportName(s.app.now())}}
	exportJobs.Store(s.sess, j)
	started := j.status // copied before the writer may change it
	go func() {
		var buf bytes.Buffer
		n, err := s.writeLedger(&buf, act, st, sq, q, j.progress)
		j.mu.Lock()
		defer j.mu.Unlock()
		j.status.Running = false
		j.ended = time.Now()
		if err != nil {
			j.status.Error = AsError(err).Message
			return
		}
		j.status.Done, j.status.Total, j.status.Finished = n, n, true
		j.data = buf.Bytes()
	}()
	return started, nil
}

// ExportProgress is the state of the session's export.
func (s *Ledger) ExportProgress() (ExportStatus, error) {
	if _, _, err := s.gate("Ledger.ExportProgress"); err != nil {
		return ExportStatus{}, err
	}
	v, ok := exportJobs.Load(s.sess)
	if !ok {
		return ExportStatus{}, nil
	}
	j := v.(*exportJob)
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.status, nil
}

// ExportFile hands over the finished file, once.
func (s *Ledger) ExportFile() (ExportFile, error) {
	if _, _, err := s.gate("Ledger.ExportFile"); err != nil {
		return ExportFile{}, err
	}
	v, ok := exportJobs.Load(s.sess)
	if ok {
		j := v.(*exportJob)
		j.mu.Lock()
		defer j.mu.Unlock()
		if j.status.Finished {
			exportJobs.Delete(s.sess)
			return ExportFile{Name: j.status.Name, Data: j.data}, nil
		}
	}
	return ExportFile{}, newError(CodeNotFound, "没有已完成的导出文件，请重新导出。")
}

// exportTo writes the ledger of the filters to w as an Excel file, for the
// command line (Console.ExportLedger): checked, masked and audited as the
// window's export. progress, when not nil, is told the rows written.
func (s *Ledger) exportTo(w io.Writer, q LedgerQuery, progress func(done, total int)) (int, error) {
	act, st, err := s.gate("Ledger.Export", q)
	if err != nil {
		return 0, err
	}
	sq, err := s.ledgerQuery(act, q)
	if err != nil {
		return 0, err
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	return s.writeLedger(w, act, st, sq, q, progress)
}

func exportName(now time.Time) string {
	return "来访接待台账-" + now.Format("20060102-1504") + ".xlsx"
}

// writeLedger writes the file (buildLedger) and audits the export (how
// many rows, which filters, never a search text or a name) once the file
// is whole.
func (s *Ledger) writeLedger(w io.Writer, act *Actor, st *store.Store, sq store.Query, q LedgerQuery,
	progress func(done, total int)) (int, error) {
	n, err := s.buildLedger(w, act, st, sq, q, progress)
	if err != nil {
		return 0, err
	}
	err = st.Update(func(tx *store.Tx) error {
		return s.audit(tx, act, ActionExport, "ledger", 0, fmt.Sprintf("台账导出 Excel，%d 条（%s）", n, exportFilters(sq, q)), "")
	})
	return n, err
}

// buildLedger reads the ledger's cases in one transaction and writes them.
func (s *Ledger) buildLedger(w io.Writer, act *Actor, st *store.Store, sq store.Query, q LedgerQuery,
	progress func(done, total int)) (int, error) {
	settings, err := st.Settings()
	if err != nil {
		return 0, err
	}
	n := 0
	err = st.View(func(tx *store.Tx) error {
		if err := scopeLedger(tx, act, &sq, q); err != nil {
			return err
		}
		ids, err := allLedgerIDs(tx, sq, q.Sort)
		if err != nil {
			return err
		}
		lr := s.newLedgerReader(tx, act, true)
		title := strings.TrimSpace(settings.OrgName + " 来访接待台账")
		// The cases are read (decompressed, decoded, masked) on one
		// goroutine while the sheet is written on this one: each is about
		// half the work, and an office PC has two cores or more. Only the
		// reader uses the transaction; it stops when the writer does.
		type read struct {
			row LedgerRow
			err error
		}
		rows := make(chan read, 512)
		stop := make(chan struct{})
		finished := make(chan struct{})
		go func() {
			defer close(finished)
			defer close(rows)
			for _, id := range ids {
				r, err := lr.row(id)
				select {
				case rows <- read{r, err}:
				case <-stop:
					return
				}
				if err != nil {
					return
				}
			}
		}()
		defer func() { close(stop); <-finished }()
		n, err = writeLedgerXLSX(w, title, ledgerPeriod(sq.From, sq.To), len(ids), func(i int) (LedgerRow, error) {
			if i%500 == 0 {
				progress(i, len(ids))
			}
			r, ok := <-rows
			if !ok {
				return LedgerRow{}, errors.New("ledger: the rows ended early")
			}
			return r.row, r.err
		})
		return err
	})
	if err != nil {
		return 0, err
	}
	progress(n, n)
	return n, nil
}

// allLedgerIDs are every case of the ledger in its order.
func allLedgerIDs(tx *store.Tx, sq store.Query, sort string) ([]uint64, error) {
	switch sort {
	case SortDue:
		ids, _, _, err := duePage(tx, sq, 0, 1<<31-1)
		return ids, err
	case SortReceivedAsc:
		ids, err := ledgerIDs(tx, sq)
		slices.Reverse(ids)
		return ids, err
	}
	return ledgerIDs(tx, sq)
}

// ledgerPeriod is the title's period: the dates received, or 全部.
func ledgerPeriod(from, to civil.Date) string {
	switch {
	case from != 0 && to != 0:
		return from.String() + " 至 " + to.String()
	case from != 0:
		return from.String() + " 起"
	case to != 0:
		return "截至 " + to.String()
	}
	return "全部日期"
}

// exportFilters names the filters for the audit log: which kinds were
// set, never the words searched (they may be a name).
func exportFilters(sq store.Query, q LedgerQuery) string {
	var parts []string
	parts = append(parts, "登记日期 "+ledgerPeriod(sq.From, sq.To))
	for _, f := range []struct {
		label string
		n     int
	}{{"渠道", len(q.Channel)}, {"类别", len(q.Type)}, {"内容分类", len(q.Category)}, {"状态", len(q.Status)},
		{"承办单位", len(q.Unit)}, {"标记", len(q.Flags)}} {
		if f.n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 项", f.label, f.n))
		}
	}
	if q.Handler != 0 {
		parts = append(parts, "承办人")
	}
	if q.Overdue {
		parts = append(parts, "已超期")
	}
	if strings.TrimSpace(q.Text) != "" {
		parts = append(parts, "含检索词")
	}
	return strings.Join(parts, "，")
}

// excelEpoch is day 0 of Excel's 1900 date system as it counts (1899-12-30,
// past its phantom 1900-02-29): a date's cell value is the days since.
var excelEpoch = civil.D(1899, 12, 30)

// writeLedgerXLSX writes n rows (row(i) for i in 0..n-1) under the title
// and the headings of ledgerColumns, and returns how many it wrote.
func writeLedgerXLSX(w io.Writer, title, period string, n int, row func(i int) (LedgerRow, error)) (int, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "台账"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return 0, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return 0, err
	}
	titleStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	if err != nil {
		return 0, err
	}
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	headStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	if err != nil {
		return 0, err
	}
	textFmt := "@"
	textStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &textFmt, Border: border})
	if err != nil {
		return 0, err
	}
	dateFmt := "yyyy-mm-dd"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Border: border})
	if err != nil {
		return 0, err
	}
	numStyle, err := f.NewStyle(&excelize.Style{NumFmt: 1, Border: border})
	if err != nil {
		return 0, err
	}
	cols := ledgerColumns
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, float64(c.Width)+2); err != nil {
			return 0, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return 0, err
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	if err := sw.MergeCell("A1", last+"1"); err != nil {
		return 0, err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: titleStyle, Value: title + "（" + period + "）"}},
		excelize.RowOpts{Height: 26}); err != nil {
		return 0, err
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: headStyle, Value: c.Label}
	}
	if err := sw.SetRow("A2", head, excelize.RowOpts{Height: 20}); err != nil {
		return 0, err
	}
	vals := make([]any, len(cols))
	for i := 0; i < n; i++ {
		r, err := row(i)
		if err != nil {
			return 0, err
		}
		for k, c := range cols {
			v := ledgerCell(&r, c.Key)
			switch c.Key {
			case "received", "due":
				if d, err := civil.Parse(v); err == nil && v != "" {
					// Excel's day number (1900 date system), formatted as a
					// date: cheaper than a time.Time, which excelize
					// converts cell by cell
					vals[k] = excelize.Cell{StyleID: dateStyle, Value: int(d - excelEpoch)}
					continue
				}
			case "present":
				if r.Present > 0 {
					vals[k] = excelize.Cell{StyleID: numStyle, Value: r.Present}
					continue
				}
			}
			vals[k] = excelize.Cell{StyleID: textStyle, Value: v}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		if err := sw.SetRow(cell, vals); err != nil {
			return 0, err
		}
	}
	if err := sw.Flush(); err != nil {
		return 0, err
	}
	if _, err := f.WriteTo(w); err != nil {
		return 0, err
	}
	return n, nil
}
