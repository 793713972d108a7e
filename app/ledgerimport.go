package app

import (
	"encoding/base64"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/dict"
	"laifang/domain/ledgerin"
	"laifang/domain/petitioner"
	"laifang/store"
)

// Import brings an office's old ledger (旧台账) in (docs/DOMAIN.md §16):
// the file is uploaded in pieces, its columns are matched to fields by
// their headers (the clerk corrects the mapping), a dry run lists every
// row's problem and writes nothing, and the import writes the good rows in
// batches, each one transaction, with progress. The rules of a row are
// domain/ledgerin's; the file is read by ledgerfile.go.
type Import struct{ svc }

// importBatch is how many rows one transaction writes: big enough that a
// 50,000-row ledger is a hundred commits, small enough that the window
// shows progress and other sessions wait little for the file.
const importBatch = 500

// Upload limits: a piece fits serve's request cap once in base64.
const maxImportPiece = 4 << 20

// ImportUpload is one piece of the file: the window and the browser send
// the file in pieces of at most 4 MB, the first at offset 0.
type ImportUpload struct {
	Name   string `json:"name"`
	Size   int    `json:"size"`   // the whole file, in bytes
	Offset int    `json:"offset"` // where this piece starts
	Data   string `json:"data"`   // the piece, base64
}

// ImportField is a field the mapping table offers.
type ImportField struct {
	Field    string `json:"field"`
	Label    string `json:"label"`
	Required bool   `json:"required"`
}

// ImportColumn is a column of the ledger with the field its header names
// ("" none) and its first few values, for the clerk to recognise it.
type ImportColumn struct {
	Index   int      `json:"index"`
	Letter  string   `json:"letter"` // A, B … AA as the spreadsheet names it
	Header  string   `json:"header"`
	Field   string   `json:"field"`
	Samples []string `json:"samples"`
}

// ImportFile is the upload's state; once Complete, the ledger as read.
type ImportFile struct {
	Received int            `json:"received"`
	Complete bool           `json:"complete"`
	Name     string         `json:"name"`
	Sheet    string         `json:"sheet"`
	Rows     int            `json:"rows"`
	Columns  []ImportColumn `json:"columns"`
	Fields   []ImportField  `json:"fields"`
}

// ImportMapping is the clerk's mapping: the field of each column ("" to
// leave it out) and, for ledger values a code list does not hold, the code
// each stands for (Values["category"]["劳动保障"] = "07").
type ImportMapping struct {
	Columns []string                     `json:"columns"`
	Values  map[string]map[string]string `json:"values"`
}

// ImportProblem is one problem of one row.
type ImportProblem struct {
	Row     int    `json:"row"`    // the spreadsheet's row number
	Column  string `json:"column"` // the column's header
	Field   string `json:"field"`
	Message string `json:"message"`
	Warning bool   `json:"warning"`
}

// ImportChoice is a code the clerk may map an unknown value to.
type ImportChoice struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// ImportUnknown is a ledger value a code list does not hold, how many rows
// carry it, and the codes it may be mapped to.
type ImportUnknown struct {
	Field   string         `json:"field"`
	Label   string         `json:"label"`
	Value   string         `json:"value"`
	Rows    int            `json:"rows"`
	Choices []ImportChoice `json:"choices"`
}

// ImportReport is the dry run: what the import would do, and why a row
// would be left out.
type ImportReport struct {
	File     string          `json:"file"`
	Rows     int             `json:"rows"`     // rows under the header
	Ready    int             `json:"ready"`    // would be added
	Existing int             `json:"existing"` // imported before: nothing to add
	Repeated int             `json:"repeated"` // the same as an earlier row of the file
	Refused  int             `json:"refused"`  // rows with an error: left out
	Problems []ImportProblem `json:"problems"` // every problem, by row (the first maxReported)
	More     int             `json:"more"`     // problems not listed
	Unknown  []ImportUnknown `json:"unknown"`
	Units    []string        `json:"units"` // departments the import will add
}

// ImportProgress is an import's state, as the window polls it.
type ImportProgress struct {
	Running   bool   `json:"running"`
	Done      bool   `json:"done"`
	File      string `json:"file"`
	Total     int    `json:"total"`     // rows to write
	Processed int    `json:"processed"` // of them, written or found
	Added     int    `json:"added"`
	Existing  int    `json:"existing"`
	Refused   int    `json:"refused"` // rows with an error, left out
	Error     string `json:"error"`   // why it stopped, when it did
}

// maxReported bounds the problems a report lists; the counts stay exact.
const maxReported = 2000

// importJob is one session's ledger: the uploaded bytes, the table read
// from them, and the import's progress.
type importJob struct {
	mu       sync.Mutex
	name     string
	size     int
	data     []byte
	table    *ledgerTable
	progress ImportProgress
}

// importJobs keeps each session's job; a session has one ledger at a time.
type importJobs struct {
	mu   sync.Mutex
	jobs map[*Session]*importJob
}

func (j *importJobs) of(s *Session, fresh bool) *importJob {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.jobs == nil {
		j.jobs = map[*Session]*importJob{}
	}
	job := j.jobs[s]
	if job == nil || fresh {
		if job != nil && job.progress.Running {
			return job
		}
		job = &importJob{}
		j.jobs[s] = job
	}
	return job
}

// Upload receives a piece of the ledger; with the last piece the file is
// read and its columns matched. An .xls or .et file is refused with the
// way to save it as .xlsx.
func (s *Import) Upload(in ImportUpload) (ImportFile, error) {
	if _, _, err := s.gate("Import.Upload", in); err != nil {
		return ImportFile{}, err
	}
	piece, err := base64.StdEncoding.DecodeString(in.Data)
	switch {
	case err != nil || len(piece) > maxImportPiece:
		return ImportFile{}, fieldError("file", CodeBadRequest, "上传的数据有误，请重新选择文件。")
	case in.Size <= 0 || in.Size > maxLedgerBytes:
		return ImportFile{}, fieldError("file", CodeImportFile, "文件为空或超过 64 MB。")
	case strings.TrimSpace(in.Name) == "":
		return ImportFile{}, fieldError("file", CodeBadRequest, "请选择文件。")
	}
	job := s.app.imports.of(s.sess, in.Offset == 0)
	job.mu.Lock()
	defer job.mu.Unlock()
	if job.progress.Running {
		return ImportFile{}, newError(CodeBusy, "上一次导入还在进行，请等它完成。")
	}
	if in.Offset == 0 {
		job.name, job.size, job.data = filepath.Base(strings.ReplaceAll(in.Name, "\\", "/")), in.Size, make([]byte, 0, in.Size)
	}
	if in.Offset != len(job.data) || job.size != in.Size || len(job.data)+len(piece) > in.Size {
		return ImportFile{}, fieldError("file", CodeBadRequest, "上传中断，请重新选择文件。")
	}
	job.data = append(job.data, piece...)
	if len(job.data) < job.size {
		return ImportFile{Received: len(job.data), Name: job.name}, nil
	}
	t, err := readLedger(job.name, job.data)
	job.data = nil
	if err != nil {
		return ImportFile{}, err
	}
	job.table = t
	return fileInfo(job.name, t, job.size), nil
}

// fileInfo is the ledger as the mapping table shows it.
func fileInfo(name string, t *ledgerTable, size int) ImportFile {
	out := ImportFile{Received: size, Complete: true, Name: name, Sheet: t.Sheet, Rows: len(t.Rows), Columns: []ImportColumn{}}
	fields := ledgerin.Match(t.Headers)
	for i, h := range t.Headers {
		c := ImportColumn{Index: i, Letter: columnLetter(i), Header: strings.TrimSpace(h), Field: string(fields[i]), Samples: []string{}}
		for _, r := range t.Rows {
			if i < len(r) && strings.TrimSpace(r[i]) != "" {
				c.Samples = append(c.Samples, clip(ledgerin.Shown(fields[i], r[i]), 30))
				if len(c.Samples) == 3 {
					break
				}
			}
		}
		out.Columns = append(out.Columns, c)
	}
	for _, f := range ledgerin.Fields {
		out.Fields = append(out.Fields, ImportField{Field: string(f.Field), Label: f.Label, Required: f.Required})
	}
	return out
}

// columnLetter is a column's name in a spreadsheet: 0 → A, 26 → AA.
func columnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// Check is the dry run: every row judged by the rules of the import,
// nothing written.
func (s *Import) Check(m ImportMapping) (ImportReport, error) {
	_, st, err := s.gate("Import.Check", m)
	if err != nil {
		return ImportReport{}, err
	}
	job, err := s.ready()
	if err != nil {
		return ImportReport{}, err
	}
	plan, err := planImport(st, job.name, job.table, m)
	if err != nil {
		return ImportReport{}, err
	}
	return plan.report, nil
}

// Run starts the import of the rows without an error and returns at once;
// Progress tells how far it is. Rows imported before are found by their
// fingerprint and not added again.
func (s *Import) Run(m ImportMapping) (ImportProgress, error) {
	act, st, err := s.gate("Import.Run", m)
	if err != nil {
		return ImportProgress{}, err
	}
	job, err := s.ready()
	if err != nil {
		return ImportProgress{}, err
	}
	plan, err := planImport(st, job.name, job.table, m)
	if err != nil {
		return ImportProgress{}, err
	}
	job.mu.Lock()
	if job.progress.Running {
		job.mu.Unlock()
		return ImportProgress{}, newError(CodeBusy, "导入正在进行。")
	}
	// Existing counts the rows found on file when planned, and those an
	// import elsewhere wrote meanwhile.
	job.progress = ImportProgress{Running: true, File: job.name, Total: len(plan.entries), Refused: plan.report.Refused,
		Existing: plan.report.Existing}
	out := job.progress
	job.mu.Unlock()
	go func() {
		err := s.writeImport(st, act, plan, func(p ImportProgress) {
			job.mu.Lock()
			job.progress.Processed, job.progress.Added, job.progress.Existing = p.Processed, p.Added, plan.report.Existing+p.Existing
			job.mu.Unlock()
		})
		job.mu.Lock()
		job.progress.Running, job.progress.Done = false, true
		if err != nil {
			job.progress.Error = AsError(err).Message
		}
		job.mu.Unlock()
	}()
	return out, nil
}

// Progress is the session's import as it stands.
func (s *Import) Progress() (ImportProgress, error) {
	if _, _, err := s.gate("Import.Progress"); err != nil {
		return ImportProgress{}, err
	}
	job := s.app.imports.of(s.sess, false)
	job.mu.Lock()
	defer job.mu.Unlock()
	return job.progress, nil
}

// ready is the session's uploaded ledger.
func (s *Import) ready() (*importJob, error) {
	job := s.app.imports.of(s.sess, false)
	job.mu.Lock()
	defer job.mu.Unlock()
	if job.table == nil {
		return nil, fieldError("file", CodeNotFound, "请先上传台账文件。")
	}
	return job, nil
}

// importPlan is a ledger judged: the rows to write and the report.
type importPlan struct {
	file    string
	entries []importEntry
	report  ImportReport
}

type importEntry struct {
	row int
	ledgerin.Entry
}

// planImport judges every row against the office's code lists and the
// file's earlier imports; it writes nothing.
func planImport(st *store.Store, name string, t *ledgerTable, m ImportMapping) (*importPlan, error) {
	cols, err := mappingOf(t, m)
	if err != nil {
		return nil, err
	}
	p := &importPlan{file: name, report: ImportReport{File: name, Rows: len(t.Rows), Problems: []ImportProblem{},
		Unknown: []ImportUnknown{}, Units: []string{}}}
	r := ledgerin.Rules{Values: map[ledgerin.Field]map[string]string{}, DefaultType: TypeOther, DefaultChannel: ChannelVisit,
		Limits: ledgerin.Limits{Name: maxName, Short: maxShort, Line: maxLine, Text: maxText, Present: maxPresent}}
	for f, vals := range m.Values {
		r.Values[ledgerin.Field(f)] = vals
	}
	units := map[string]bool{}
	err = st.View(func(tx *store.Tx) error {
		r.Today = tx.Now()
		var err error
		if r.Types, err = dictList(tx, dict.Type); err != nil {
			return err
		}
		if r.Categories, err = dictList(tx, dict.Category); err != nil {
			return err
		}
		if r.Channels, err = dictList(tx, dict.Channel); err != nil {
			return err
		}
		all, err := tx.Units()
		if err != nil {
			return err
		}
		for _, u := range all {
			units[unitNameKey(u.Name)] = true
		}
		header := map[ledgerin.Field]string{}
		for i, f := range cols {
			if f != "" {
				header[f] = strings.TrimSpace(t.Headers[i])
			}
		}
		seen := map[string]int{}
		unknown := map[[2]string]int{}
		for i, cells := range t.Rows {
			row := map[ledgerin.Field]string{}
			for c, f := range cols {
				if f != "" && c < len(cells) {
					row[f] = cells[c]
				}
			}
			e, problems := ledgerin.Check(row, r)
			no := t.RowNo[i]
			failed := false
			for _, pr := range problems {
				failed = failed || !pr.Warning
				p.problem(ImportProblem{Row: no, Column: header[pr.Field], Field: string(pr.Field), Message: pr.Message, Warning: pr.Warning})
				if pr.Value != "" {
					unknown[[2]string{string(pr.Field), pr.Value}]++
				}
			}
			switch {
			case failed:
				p.report.Refused++
			case seen[e.Key] != 0:
				p.report.Repeated++
				p.problem(ImportProblem{Row: no, Message: fmt.Sprintf("与第 %d 行完全相同，只导入一次。", seen[e.Key]), Warning: true})
			case tx.ImportedCase(e.Key) != 0:
				p.report.Existing++
				seen[e.Key] = no
			default:
				seen[e.Key] = no
				p.report.Ready++
				p.entries = append(p.entries, importEntry{row: no, Entry: e})
				if k := unitNameKey(e.Unit); e.Unit != "" && !units[k] {
					units[k] = true
					p.report.Units = append(p.report.Units, e.Unit)
				}
			}
		}
		for k, n := range unknown {
			p.report.Unknown = append(p.report.Unknown, unknownOf(ledgerin.Field(k[0]), k[1], n, r))
		}
		slices.SortFunc(p.report.Unknown, func(a, b ImportUnknown) int {
			if c := strings.Compare(a.Field, b.Field); c != 0 {
				return c
			}
			return b.Rows - a.Rows
		})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

func (p *importPlan) problem(pr ImportProblem) {
	if len(p.report.Problems) < maxReported {
		p.report.Problems = append(p.report.Problems, pr)
	} else {
		p.report.More++
	}
}

// unknownOf is an unknown value with the codes it may be mapped to.
func unknownOf(f ledgerin.Field, v string, n int, r ledgerin.Rules) ImportUnknown {
	u := ImportUnknown{Field: string(f), Label: ledgerin.Label(f), Value: v, Rows: n, Choices: []ImportChoice{}}
	var l dict.List
	switch f {
	case ledgerin.Type:
		l = r.Types
	case ledgerin.Channel:
		l = r.Channels
	case ledgerin.Category:
		l = r.Categories
	}
	for _, e := range l.Entries {
		if !e.Active {
			continue
		}
		label := e.Label
		if e.Parent != "" {
			if pe, ok := l.Lookup(e.Parent); ok {
				label = pe.Label + " / " + e.Label
			}
		}
		code := e.Code
		if f == ledgerin.Category && e.Parent != "" {
			code = e.Parent + "/" + e.Code
		}
		u.Choices = append(u.Choices, ImportChoice{Code: code, Label: label})
	}
	return u
}

// mappingOf is the clerk's mapping checked: one field per column, each
// field at most once, the required fields present. An empty mapping is
// the one the headers name.
func mappingOf(t *ledgerTable, m ImportMapping) ([]ledgerin.Field, error) {
	if len(m.Columns) == 0 {
		cols := ledgerin.Match(t.Headers)
		return cols, missingFields(cols)
	}
	if len(m.Columns) != len(t.Headers) {
		return nil, fieldError("columns", CodeBadRequest, "列的对应关系与文件的列数不符，请重新上传文件。")
	}
	cols := make([]ledgerin.Field, len(m.Columns))
	var is issues
	taken := map[ledgerin.Field]int{}
	for i, s := range m.Columns {
		if s == "" {
			continue
		}
		f, ok := ledgerin.Parse(s)
		if !ok {
			is.err(fmt.Sprintf("columns[%d]", i), CodeBadRequest, fmt.Sprintf("没有“%s”这个字段。", clip(s, 20)))
			continue
		}
		if j, dup := taken[f]; dup {
			is.err(fmt.Sprintf("columns[%d]", i), "import.mapping_twice",
				fmt.Sprintf("“%s”已对应到第 %s 列，一个字段只能对应一列。", ledgerin.Label(f), columnLetter(j)))
			continue
		}
		taken[f], cols[i] = i, f
	}
	if len(is.errs) > 0 {
		return nil, invalid(is.errs)
	}
	return cols, missingFields(cols)
}

func missingFields(cols []ledgerin.Field) error {
	miss := ledgerin.Missing(cols)
	if len(miss) == 0 {
		return nil
	}
	var names []string
	for _, f := range miss {
		names = append(names, "“"+ledgerin.Label(f)+"”")
	}
	return fieldError("columns", "import.mapping_missing", "没有列对应到"+strings.Join(names, "、")+"，请在对应关系中选择。")
}

// writeImport imports the planned rows, importBatch rows a transaction, each
// batch with its audit entry. A row imported meanwhile (another session,
// an earlier batch) is found by its fingerprint and skipped.
func (b *svc) writeImport(st *store.Store, act *Actor, p *importPlan, progress func(ImportProgress)) error {
	var sum ImportProgress
	units := map[string]uint64{}
	if len(p.entries) == 0 {
		// Nothing new: the import is still on record.
		return st.Update(func(tx *store.Tx) error {
			return b.audit(tx, act, ActionImport, "import", 0, fmt.Sprintf("导入台账“%s”：没有新增（%d 行此前已导入，%d 行有错误）",
				clip(p.file, 60), p.report.Existing, p.report.Refused), "")
		})
	}
	for start := 0; start < len(p.entries); start += importBatch {
		batch := p.entries[start:min(start+importBatch, len(p.entries))]
		added, existing := 0, 0
		err := st.Update(func(tx *store.Tx) error {
			set, err := tx.Settings()
			if err != nil {
				return err
			}
			group := groupThreshold(set)
			for i := range batch {
				e := &batch[i]
				if tx.ImportedCase(e.Key) != 0 {
					existing++
					continue
				}
				if err := b.importRow(tx, act, p.file, e, group, units); err != nil {
					return err
				}
				added++
			}
			summary := fmt.Sprintf("导入台账“%s”第 %d–%d 行：新增 %d 件，此前已导入 %d 件", clip(p.file, 60),
				batch[0].row, batch[len(batch)-1].row, added, existing)
			return b.audit(tx, act, ActionImport, "import", 0, summary, "")
		})
		if err != nil {
			return err
		}
		sum.Processed += len(batch)
		sum.Added += added
		sum.Existing += existing
		progress(sum)
	}
	return nil
}

// importRow writes one ledger row as a closed case (docs/DOMAIN.md §16):
// its petitioner matched by ID number, the visit on its date.
func (b *svc) importRow(tx *store.Tx, act *Actor, file string, e *importEntry, group int, units map[string]uint64) error {
	var by uint64
	if act != nil {
		by = act.ID
	}
	person := store.Person{Name: e.Name, Sex: e.Sex, Birth: e.Birth, IDNumber: e.IDNumber, Address: e.Address}
	if e.Phone != "" {
		person.Phones = []string{e.Phone}
	}
	ip := store.IntakePerson{Person: person, Role: petitioner.Main, Contact: true}
	protected := false
	if e.IDNumber != "" {
		found, err := tx.FindPeople(store.PersonQuery{IDNumber: e.IDNumber, Limit: 1})
		if err != nil {
			return err
		}
		if len(found) > 0 {
			// The person on file keeps what he has; the old ledger only
			// fills what is missing and adds a phone not on file.
			old := found[0]
			if old.Address == "" {
				old.Address = e.Address
			}
			if e.Phone != "" && !slices.Contains(old.Phones, e.Phone) && len(old.Phones) < 5 {
				old.Phones = append(old.Phones, e.Phone)
			}
			ip.Person, ip.Update = old, true
			// A whistle-blower's new case hides him too (as Visits.Register).
			if _, protected, err = b.personStanding(tx, act, old.ID); err != nil {
				return err
			}
		}
	}
	at := time.Date(e.Date.Year(), e.Date.Time().Month(), e.Date.Time().Day(), 9, 0, 0, 0, time.Local)
	closed := e.Closed
	if closed == 0 {
		closed = e.Date
	}
	title := e.Title
	if title == "" {
		title = clip(strings.Join(strings.Fields(e.Demand), " "), 30)
	}
	c := store.Case{ExternalNo: e.ExternalNo, Channel: e.Channel, Received: store.StampOf(at), RegisteredBy: by,
		Title: title, Demand: e.Demand, Type: e.Type, Category: e.Category, Category2: e.Category2,
		Present: e.Present, Group: e.Present >= group, Reply: e.Result, Status: string(casestate.Closed), Closed: closed,
		Confidential: confidentialCase(e.Type, false, protected), ImportedFrom: file, ImportKey: e.Key}
	if slices.Contains(casestate.Outcomes, strings.TrimSpace(e.Result)) {
		c.Outcome = strings.TrimSpace(e.Result)
	}
	if e.Unit != "" {
		id, err := importUnit(tx, e.Unit, units)
		if err != nil {
			return err
		}
		c.Unit = id
	}
	v := store.Visit{Channel: e.Channel, Present: e.Present}
	_, err := tx.SaveIntake(&store.Intake{Case: c, People: []store.IntakePerson{ip}, Visit: v, By: by, At: at})
	return err
}

// importUnit is the department of a ledger's name, added (外单位, as the
// intake form adds a typed one) when none on file has the name.
func importUnit(tx *store.Tx, name string, cache map[string]uint64) (uint64, error) {
	key := unitNameKey(name)
	if id, ok := cache[key]; ok {
		return id, nil
	}
	u, err := unitByName(tx, name)
	if err != nil {
		return 0, err
	}
	if u == nil {
		u = &store.Unit{Name: clip(name, 50), Kind: "external", Active: true}
		if err := tx.SaveUnit(u); err != nil {
			return 0, err
		}
	}
	cache[key] = u.ID
	return u.ID, nil
}

// ImportLedger is `laifang import`: the whole file at once, the mapping
// from the headers with the clerk's corrections, a dry run or the import.
// Nobody is signed in at a command line: the audit entries name the
// command and the OS user (as `laifang users` does).
func (c *Console) ImportLedger(name string, data []byte, m ImportMapping, dryRun bool, progress func(ImportProgress)) (ImportReport, ImportFile, error) {
	st, err := c.app.store()
	if err != nil {
		return ImportReport{}, ImportFile{}, err
	}
	t, err := readLedger(name, data)
	if err != nil {
		return ImportReport{}, ImportFile{}, err
	}
	base := filepath.Base(name)
	info := fileInfo(base, t, len(data))
	plan, err := planImport(st, base, t, m)
	if err != nil || dryRun {
		if plan == nil {
			return ImportReport{}, info, err
		}
		return plan.report, info, err
	}
	total := ImportProgress{Total: len(plan.entries), Refused: plan.report.Refused, File: base, Existing: plan.report.Existing}
	err = c.writeImport(st, nil, plan, func(p ImportProgress) {
		total.Processed, total.Added, total.Existing = p.Processed, p.Added, plan.report.Existing+p.Existing
		progress(total)
	})
	return plan.report, info, err
}
