package app

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"laifang/domain/ledgerin"
)

// Reading an old ledger's file (docs/DOMAIN.md §16): .xlsx from Excel, WPS
// or LibreOffice, .csv in UTF-8 (with or without BOM) or GB18030 (what
// Excel on a Chinese Windows saves as GBK). The old binary formats (.xls,
// .et) are refused with the way out.

// Limits of a ledger file: a county's 20 years of visits fit; a file past
// them is something else.
const (
	maxLedgerBytes = 64 << 20
	maxLedgerRows  = 200000
	maxLedgerCols  = 60
	// headerScan is how many rows from the top may hold the header: a
	// ledger often starts with its title (某某镇来访登记台账) and a blank row.
	headerScan = 10
)

// CodeImportFile is a file that cannot be read as a ledger.
const CodeImportFile = "import.file"

// ledgerTable is a ledger's sheet as read: the header row's cells and the
// rows under it with their row numbers as the spreadsheet shows them.
type ledgerTable struct {
	Sheet   string
	Headers []string
	Rows    [][]string
	RowNo   []int
}

var errOldFormat = fieldError("file", CodeImportFile,
	"这是旧版 Excel（.xls）或 WPS（.et）格式的文件，无法直接导入：请在 Excel 或 WPS 中打开它，“另存为” Excel 工作簿（.xlsx）后再导入。")

// readLedger reads a ledger file by its name's extension and its content.
func readLedger(name string, data []byte) (*ledgerTable, error) {
	if len(data) > maxLedgerBytes {
		return nil, fieldError("file", CodeImportFile, "文件超过 64 MB，不像是一份台账。")
	}
	ext := strings.ToLower(filepath.Ext(name))
	ole := bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0})
	zip := bytes.HasPrefix(data, []byte("PK\x03\x04"))
	var rows [][]string
	var sheet string
	var err error
	switch {
	case ext == ".xls" || ext == ".et" || ext == ".ett" || ole:
		return nil, errOldFormat
	case ext == ".xlsx" || ext == ".xlsm":
		if !zip {
			return nil, fieldError("file", CodeImportFile, "文件不是有效的 .xlsx 工作簿（可能已损坏），请在 Excel 或 WPS 中打开后重新保存。")
		}
		sheet, rows, err = xlsxRows(data)
	case ext == ".csv" || ext == ".txt":
		sheet, rows, err = csvRows(data)
	default:
		return nil, fieldError("file", CodeImportFile, "只能导入 .xlsx 或 .csv 文件。")
	}
	if err != nil {
		return nil, err
	}
	return findHeader(sheet, rows)
}

func xlsxRows(data []byte) (string, [][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return "", nil, fieldError("file", CodeImportFile, "文件不是有效的 .xlsx 工作簿（可能已损坏或设有密码），请在 Excel 或 WPS 中打开后重新保存。")
	}
	defer f.Close()
	var firstErr error
	for _, sheet := range f.GetSheetList() {
		rows, err := sheetRows(f, sheet)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		// The first sheet with a header row is the ledger.
		if _, err := findHeader(sheet, rows); err == nil {
			return sheet, rows, nil
		}
	}
	if firstErr != nil {
		return "", nil, firstErr
	}
	return "", nil, errNoHeader
}

// sheetRows reads a sheet's cells as stored (RawCellValue): a date is its
// serial number and a number its digits, whatever the cell's format shows,
// so that ledgerin reads them the same from every program.
func sheetRows(f *excelize.File, sheet string) ([][]string, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out [][]string
	for it.Next() {
		cols, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if len(out) > maxLedgerRows+headerScan {
			return nil, tooManyRows
		}
		out = append(out, cols)
	}
	return out, it.Error()
}

var tooManyRows = fieldError("file", CodeImportFile, "文件超过 200000 行，请分成几个文件导入。")

func csvRows(data []byte) (string, [][]string, error) {
	text := data
	if bytes.HasPrefix(text, []byte("\xEF\xBB\xBF")) {
		text = text[3:]
	} else if !utf8.Valid(text) {
		// Not UTF-8: Excel on a Chinese Windows saves CSV in the ANSI code
		// page (GBK), of which GB18030 is the superset.
		dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(text)
		if err != nil {
			return "", nil, fieldError("file", CodeImportFile, "文件的编码无法识别：请另存为 UTF-8 或 GBK 编码的 CSV，或 .xlsx。")
		}
		text = dec
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	// A ledger saved by a European-locale program may use semicolons.
	if first, _, _ := bytes.Cut(text, []byte("\n")); bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	}
	var out [][]string
	last := 0 // the line the previous record ended on
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", nil, fieldError("file", CodeImportFile, "CSV 文件格式有误（"+err.Error()+"），请在表格软件中打开后重新保存。")
		}
		if len(out) > maxLedgerRows+headerScan {
			return "", nil, tooManyRows
		}
		// encoding/csv skips blank lines; a spreadsheet shows them as
		// rows, and the row numbers the clerk is told must be its.
		line, _ := r.FieldPos(0)
		for ; last+1 < line; last++ {
			out = append(out, nil)
		}
		end, _ := r.FieldPos(len(rec) - 1)
		last = end + strings.Count(rec[len(rec)-1], "\n")
		out = append(out, rec)
	}
	return "", out, nil
}

var errNoHeader = fieldError("file", CodeImportFile,
	"没有找到表头：前 10 行中应有一行列名，如“姓名、身份证号码、联系电话、来访日期、诉求内容”。")

// findHeader takes the header from the first rows: the row naming the
// most fields (at least two).
func findHeader(sheet string, rows [][]string) (*ledgerTable, error) {
	best, bestN := -1, 1
	for i := 0; i < len(rows) && i < headerScan; i++ {
		n := 0
		for _, f := range ledgerin.Match(rows[i]) {
			if f != "" {
				n++
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return nil, errNoHeader
	}
	t := &ledgerTable{Sheet: sheet, Headers: trimRow(rows[best])}
	if len(t.Headers) > maxLedgerCols {
		t.Headers = t.Headers[:maxLedgerCols]
	}
	for i := best + 1; i < len(rows); i++ {
		row := trimRow(rows[i])
		if len(row) == 0 {
			continue // a blank row is nothing
		}
		t.Rows = append(t.Rows, row)
		t.RowNo = append(t.RowNo, i+1)
	}
	return t, nil
}

// trimRow drops the empty cells at the end; a row of blanks is empty.
func trimRow(r []string) []string {
	n := len(r)
	for n > 0 && strings.TrimSpace(r[n-1]) == "" {
		n--
	}
	return r[:n]
}
