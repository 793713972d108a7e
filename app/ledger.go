package app

import (
	"slices"
	"strconv"
	"strings"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/dict"
	"laifang/store"
)

// Ledger is the 台账: every case the session sees, one row each with the
// columns offices keep, filtered and searched, and the same rows as an
// Excel file (ledger_export.go). docs/DOMAIN.md §14 names the columns and
// how the total above the table is counted.
type Ledger struct{ svc }

// LedgerQuery is the ledger's filters. Each list allows any of its values
// (none: any); Flags must all be carried; dates are YYYY-MM-DD, received,
// inclusive.
type LedgerQuery struct {
	Text     string   `json:"text"`
	From     string   `json:"from"`
	To       string   `json:"to"`
	Channel  []string `json:"channel"`
	Type     []string `json:"type"`
	Category []string `json:"category"`
	Status   []string `json:"status"`
	Unit     []uint64 `json:"unit"`
	Flags    []string `json:"flags"`
	Overdue  bool     `json:"overdue"` // past its running deadline today (Case.ClockRuns)
	Handler  uint64   `json:"handler"` // 承办人 (a user)
	// Sort: "received" (default: the newest registered first),
	// "received.asc" (the oldest first), "due" (open cases with a running
	// deadline, the earliest first; the others are left out).
	Sort   string `json:"sort"`
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
}

// Sort orders of the ledger.
const (
	SortReceived    = "received"
	SortReceivedAsc = "received.asc"
	SortDue         = "due"
)

// LedgerRow is one case as the ledger shows it, masked for the session
// (ledgerRow).
type LedgerRow struct {
	ID           uint64 `json:"id"`
	No           string `json:"no"`       // 登记编号
	Received     string `json:"received"` // 登记日期 YYYY-MM-DD
	Petitioner   string `json:"petitioner"`
	IDNumber     string `json:"idNumber"`
	Phone        string `json:"phone"`
	Present      int    `json:"present"` // 人数
	Channel      string `json:"channel"`
	Type         string `json:"type"`
	Category     string `json:"category"` // 内容分类, labels
	Demand       string `json:"demand"`   // 诉求摘要
	Unit         string `json:"unit"`     // 承办单位
	Status       string `json:"status"`
	StatusLabel  string `json:"statusLabel"`
	Due          string `json:"due"` // 期限, YYYY-MM-DD; "" when no clock runs
	Overdue      bool   `json:"overdue"`
	Outcome      string `json:"outcome"`      // 结果
	Satisfaction string `json:"satisfaction"` // 满意度
	Masked       bool   `json:"masked"`       // a confidential case shown without its people
}

// LedgerPage is one page of the ledger. Total is exact when Exact is set;
// otherwise (words to search, many candidates) it is an estimate within a
// few per cent, which the screen shows as 约 N.
type LedgerPage struct {
	Rows  []LedgerRow `json:"rows"`
	Total int         `json:"total"`
	Exact bool        `json:"exact"`
}

// LedgerFlag is a mark the ledger filters on.
type LedgerFlag struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// ledgerFlags are the marks, as the case view names them (caseFlags).
var ledgerFlags = []LedgerFlag{{store.FlagGroup, MarkGroup}, {store.FlagRepeat, MarkRepeat},
	{store.FlagSkipLevel, MarkSkipLevel}, {store.FlagLitigation, MarkLitigation}, {store.FlagUrgent, MarkUrgent},
	{store.FlagLeader, MarkLeader}, {store.FlagBacklog, MarkBacklog}}

// LedgerOptions are the filters' choices.
type LedgerOptions struct {
	Channels   []dict.Entry  `json:"channels"`
	Types      []dict.Entry  `json:"types"`
	Categories []dict.Entry  `json:"categories"` // first level
	Statuses   []dict.Entry  `json:"statuses"`
	Units      []UnitOption  `json:"units"` // a handler: his own only
	Flags      []LedgerFlag  `json:"flags"`
	Handlers   []UserOption  `json:"handlers"`
	Columns    []LedgerField `json:"columns"`
	Today      string        `json:"today"`
}

// UserOption is a user to pick.
type UserOption struct {
	ID   uint64 `json:"id"`
	Name string `json:"name"`
}

// LedgerField is a column of the ledger: its key in LedgerRow, its
// heading and its width in characters (the screen and the Excel file).
type LedgerField struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Width int    `json:"width"`
}

// ledgerColumns are the office's columns, in order.
var ledgerColumns = []LedgerField{
	{"no", "登记编号", 14}, {"received", "登记日期", 11}, {"petitioner", "信访人", 9},
	{"idNumber", "证件号码", 20}, {"phone", "联系电话", 14}, {"present", "人数", 5},
	{"channel", "渠道", 8}, {"type", "类别", 9}, {"category", "内容分类", 12},
	{"demand", "诉求摘要", 36}, {"unit", "承办单位", 14}, {"status", "状态", 9},
	{"due", "期限", 11}, {"outcome", "结果", 9}, {"satisfaction", "满意度", 8},
}

// Options are the filters' choices: the office's lists, the states, the
// departments and handlers, the marks, the columns.
func (s *Ledger) Options() (LedgerOptions, error) {
	act, st, err := s.gate("Ledger.Options")
	if err != nil {
		return LedgerOptions{}, err
	}
	out := LedgerOptions{Flags: ledgerFlags, Columns: ledgerColumns, Units: []UnitOption{},
		Handlers: []UserOption{}, Today: civil.DateOf(s.app.now()).String()}
	for _, stt := range casestate.States {
		out.Statuses = append(out.Statuses, dict.Entry{Code: string(stt), Label: statusLabel(string(stt)), Active: true})
	}
	err = st.View(func(tx *store.Tx) error {
		for _, l := range []struct {
			name string
			to   *[]dict.Entry
		}{{dict.Channel, &out.Channels}, {dict.Type, &out.Types}, {dict.Category, &out.Categories}} {
			list, err := dictList(tx, l.name)
			if err != nil {
				return err
			}
			*l.to = []dict.Entry{}
			for _, e := range list.Entries {
				if e.Parent == "" {
					*l.to = append(*l.to, e)
				}
			}
		}
		unit, scoped := deptScope(act)
		units, err := tx.Units()
		if err != nil {
			return err
		}
		for _, u := range units {
			if !scoped || u.ID == unit {
				out.Units = append(out.Units, UnitOption{ID: u.ID, Name: u.Name, Kind: u.Kind})
			}
		}
		users, err := tx.Users()
		if err != nil {
			return err
		}
		for _, u := range users {
			if u.Role == RoleHandler && (!scoped || u.Unit == unit) {
				out.Handlers = append(out.Handlers, UserOption{ID: u.ID, Name: u.Name})
			}
		}
		return nil
	})
	return out, err
}

// List is one page of the ledger.
func (s *Ledger) List(q LedgerQuery) (LedgerPage, error) {
	act, st, err := s.gate("Ledger.List", q)
	if err != nil {
		return LedgerPage{}, err
	}
	if q.Limit <= 0 || q.Limit > 200 {
		q.Limit = 50
	}
	q.Offset = max(q.Offset, 0)
	sq, err := s.ledgerQuery(act, q)
	if err != nil {
		return LedgerPage{}, err
	}
	out := LedgerPage{Rows: []LedgerRow{}}
	err = st.View(func(tx *store.Tx) error {
		if err := scopeLedger(tx, act, &sq, q); err != nil {
			return err
		}
		ids, total, exact, err := ledgerPage(tx, sq, q.Sort, q.Offset, q.Limit)
		if err != nil {
			return err
		}
		out.Total, out.Exact = total, exact
		lr := s.newLedgerReader(tx, act, false)
		for _, id := range ids {
			row, err := lr.row(id)
			if err != nil {
				return err
			}
			out.Rows = append(out.Rows, row)
		}
		return nil
	})
	if err != nil {
		return LedgerPage{}, err
	}
	return out, nil
}

// ledgerQuery is the store's query of the ledger's filters, checked: a
// date that cannot be read, or a range that ends before it starts, is
// refused at its field.
func (s *Ledger) ledgerQuery(act *Actor, q LedgerQuery) (store.Query, error) {
	sq := store.Query{Text: clip(strings.TrimSpace(q.Text), 100), Channel: q.Channel, Type: q.Type,
		Category: q.Category, Status: q.Status, Unit: q.Unit, Flags: q.Flags}
	var is issues
	for _, d := range []struct {
		field, label, in string
		to               *civil.Date
	}{{"from", "起始日期", q.From, &sq.From}, {"to", "截止日期", q.To, &sq.To}} {
		if strings.TrimSpace(d.in) == "" {
			continue
		}
		v, err := civil.Parse(strings.TrimSpace(d.in))
		if err != nil {
			is.err(d.field, CodeDate, d.label+"无法识别，请按 年-月-日 填写，例如 2026-03-01。")
			continue
		}
		*d.to = v
	}
	if sq.From != 0 && sq.To != 0 && sq.To < sq.From {
		is.err("to", CodeEndBefore, "截止日期早于起始日期。")
	}
	switch q.Sort {
	case "", SortReceived, SortReceivedAsc, SortDue:
	default:
		is.err("sort", CodeBadRequest, "不认识的排序方式。")
	}
	if len(is.errs) > 0 {
		e := &Error{Code: CodeInvalid, Fields: is.errs, Field: is.errs[0].Field, Message: is.errs[0].Message}
		return sq, e
	}
	if q.Handler != 0 {
		sq.Handler = []uint64{q.Handler}
	}
	if sq.Text != "" {
		hideFromSearch(act, &sq)
	}
	return sq, nil
}

// scopeLedger keeps the ledger to the cases act sees (scopeQuery) and,
// with Overdue, to the cases past their running deadline today (open, or
// a closed report whose reporter is owed the result: Case.ClockRuns).
func scopeLedger(tx *store.Tx, act *Actor, sq *store.Query, q LedgerQuery) error {
	scopeQuery(tx, act, sq)
	if !q.Overdue {
		return nil
	}
	overdue := tx.DueCaseIDs(civil.DateOf(tx.Now()))
	if sq.Scoped {
		in := make(map[uint64]bool, len(sq.Within))
		for _, id := range sq.Within {
			in[id] = true
		}
		kept := overdue[:0]
		for _, id := range overdue {
			if in[id] {
				kept = append(kept, id)
			}
		}
		overdue = kept
	}
	sq.Scoped, sq.Within = true, overdue
	return nil
}

// ledgerPage finds the IDs of one page in the order asked, and the total.
func ledgerPage(tx *store.Tx, sq store.Query, sort string, offset, limit int) ([]uint64, int, bool, error) {
	switch sort {
	case SortDue:
		return duePage(tx, sq, offset, limit)
	case SortReceivedAsc:
		// the newest-first page counted from the end; an estimated total
		// has no exact end, so the cases are counted by listing them
		n, exact, err := tx.Count(sq)
		if err != nil {
			return nil, 0, false, err
		}
		if !exact {
			all, err := ledgerIDs(tx, sq)
			if err != nil {
				return nil, 0, false, err
			}
			n = len(all)
		}
		start := n - offset - limit
		size := limit
		if start < 0 {
			size += start
			start = 0
		}
		if size <= 0 {
			return nil, n, true, nil
		}
		sq.Offset, sq.Limit = start, size
		ids, _, err := searchIDs(tx, sq)
		slices.Reverse(ids)
		return ids, n, true, err
	}
	sq.Offset, sq.Limit = offset, limit
	ids, r, err := searchIDs(tx, sq)
	if err != nil {
		return nil, 0, false, err
	}
	return ids, r.Total, r.Exact, nil
}

// searchIDs runs a query and gives the IDs of its page, newest first.
func searchIDs(tx *store.Tx, sq store.Query) ([]uint64, *store.SearchResult, error) {
	r, err := tx.Search(sq)
	if err != nil {
		return nil, nil, err
	}
	ids := make([]uint64, len(r.Rows))
	for i := range r.Rows {
		ids[i] = r.Rows[i].ID
	}
	return ids, r, nil
}

// duePage is the ledger by due date: the open cases with a running
// deadline, the earliest first, that match the query (exact total).
func duePage(tx *store.Tx, sq store.Query, offset, limit int) ([]uint64, int, bool, error) {
	match := tx.Matcher(sq)
	var ids []uint64
	total := 0
	for _, id := range tx.DueCaseIDs(0) {
		ok, err := match(id)
		if err != nil {
			return nil, 0, false, err
		}
		if !ok {
			continue
		}
		if total >= offset && len(ids) < limit {
			ids = append(ids, id)
		}
		total++
	}
	return ids, total, true, nil
}

// ledgerIDs are all the IDs a query finds, newest first, read page by page.
func ledgerIDs(tx *store.Tx, sq store.Query) ([]uint64, error) {
	const page = 2000
	var all []uint64
	for off := 0; ; off += page {
		sq.Offset, sq.Limit = off, page
		ids, _, err := searchIDs(tx, sq)
		if err != nil {
			return nil, err
		}
		all = append(all, ids...)
		if len(ids) < page {
			return all, nil
		}
	}
}

// ledgerReader makes ledger rows in one transaction, with the lists and
// names it needs read once.
type ledgerReader struct {
	s      *svc
	tx     *store.Tx
	act    *Actor
	export bool
	cats   dict.List
	units  map[uint64]string
	today  civil.Date
}

func (s *Ledger) newLedgerReader(tx *store.Tx, act *Actor, export bool) *ledgerReader {
	lr := &ledgerReader{s: &s.svc, tx: tx, act: act, export: export, units: map[uint64]string{},
		today: civil.DateOf(s.app.now())}
	lr.cats, _ = dictList(tx, dict.Category)
	if us, err := tx.Units(); err == nil {
		for _, u := range us {
			lr.units[u.ID] = u.Name
		}
	}
	return lr
}

// row is case id as the ledger shows it. On the screen it is masked as
// every list masks (ID numbers and phones always; a confidential case's
// people and text unless revealed in this session: mayIdentifyRow). In an
// export (ledger_export.go) the session's own rights decide, the export
// itself being audited: ID numbers and phones in full with PermPersonFull,
// a confidential case's people and text only with the confidential grant
// (mayIdentifyExport).
func (lr *ledgerReader) row(id uint64) (LedgerRow, error) {
	c, err := lr.tx.Case(id)
	if err != nil {
		return LedgerRow{}, err
	}
	identified := lr.s.mayIdentifyCase(lr.act, c.ID, IsConfidential(c))
	full := false
	if lr.export {
		identified = mayIdentifyExport(lr.act, IsConfidential(c))
		full = lr.act.May(PermPersonFull)
	}
	r := LedgerRow{ID: c.ID, No: c.No, Received: c.Received.Date().String(), Present: c.Present,
		Channel: c.Channel, Type: c.Type, Category: categoryLabel(lr.cats, c), Demand: caseText(identified, c.Demand),
		Unit: lr.units[c.Unit], Status: c.Status, StatusLabel: statusLabel(c.Status), Outcome: c.Outcome,
		Satisfaction: c.Satisfaction, Masked: !identified}
	if c.ClockRuns() {
		r.Due = c.Due.String()
		r.Overdue = c.Due < lr.today
	}
	if pid := c.MainPetitioner(); pid != 0 {
		p, err := lr.tx.Person(pid)
		if err != nil && err != store.ErrNotFound {
			return LedgerRow{}, err
		}
		switch {
		case p == nil || p.Anonymous:
		case !identified:
			r.Petitioner = Hidden
		default:
			v := identityView(lr.act, p, full)
			r.Petitioner, r.IDNumber = v.Name, v.IDNumber
			if len(v.Phones) > 0 {
				r.Phone = v.Phones[0]
			}
		}
	}
	return r, nil
}

// ledgerCell is a row's value of a column, as text (the Excel writer
// turns dates and numbers into cells of their kind).
func ledgerCell(r *LedgerRow, key string) string {
	switch key {
	case "no":
		return r.No
	case "received":
		return r.Received
	case "petitioner":
		return r.Petitioner
	case "idNumber":
		return r.IDNumber
	case "phone":
		return r.Phone
	case "present":
		if r.Present == 0 {
			return ""
		}
		return strconv.Itoa(r.Present)
	case "channel":
		return r.Channel
	case "type":
		return r.Type
	case "category":
		return r.Category
	case "demand":
		return r.Demand
	case "unit":
		return r.Unit
	case "status":
		return r.StatusLabel
	case "due":
		return r.Due
	case "outcome":
		return r.Outcome
	case "satisfaction":
		return r.Satisfaction
	}
	return ""
}
