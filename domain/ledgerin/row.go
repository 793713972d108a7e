package ledgerin

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"laifang/domain/civil"
	"laifang/domain/dict"
	"laifang/domain/idcard"
	"laifang/domain/phone"
)

// Rules are what judging a row needs from the office: today (no date after
// it), its code lists, and the clerk's answers for ledger values the lists
// do not hold (Values[field][ledger value] = the list's code).
type Rules struct {
	Today      time.Time
	Types      dict.List
	Categories dict.List
	Channels   dict.List
	Values     map[Field]map[string]string
	// What an empty cell or a missing column means: the intake's own
	// values (an old ledger of visits lists visits in person; a matter it
	// does not classify is 其他), and the intake form's lengths.
	DefaultType, DefaultChannel string
	Limits                      Limits
}

// Limits are the longest texts, in characters, as the intake form takes
// them: a name, a short text (事由, 承办单位, 原登记编号), a line (住址), a
// long text (诉求, 结果); and the most people at one visit.
type Limits struct{ Name, Short, Line, Text, Present int }

// Problem is one thing wrong with a row, in plain words. A row with an
// error is not imported; a warning is shown and the row is.
type Problem struct {
	Field   Field  `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Warning bool   `json:"warning"`
	// Value is the ledger's value a dictionary does not hold (an unknown
	// category), for the wizard to offer a mapping; empty otherwise.
	Value string `json:"value,omitempty"`
}

// Entry is a row read and checked: what a case is made of.
type Entry struct {
	Name       string
	IDNumber   string // canonical 18 characters, or ""
	Sex        string
	Birth      civil.Date
	Phone      string // canonical (domain/phone), or ""
	Address    string
	Date       civil.Date
	Closed     civil.Date
	Title      string
	Demand     string
	Type       string
	Category   string
	Category2  string
	Channel    string
	Present    int
	Unit       string
	Result     string
	ExternalNo string
	Key        string // Fingerprint of the row
}

// Check judges one row and returns the entry made of it with every problem
// found; the entry is importable iff no problem is an error.
func Check(row map[Field]string, r Rules) (Entry, []Problem) {
	var e Entry
	var ps []Problem
	bad := func(f Field, code, msg string) { ps = append(ps, Problem{Field: f, Code: code, Message: msg}) }
	warn := func(f Field, code, msg string) {
		ps = append(ps, Problem{Field: f, Code: code, Message: msg, Warning: true})
	}
	text := func(f Field, max int) string {
		v := strings.TrimSpace(row[f])
		if n := len([]rune(v)); n > max {
			bad(f, "import.too_long", fmt.Sprintf("%s超过 %d 个字（本行 %d 个字）。", Label(f), max, n))
		}
		return v
	}
	e.Key = Fingerprint(row)

	e.Name = Cell(text(Name, r.Limits.Name))
	if e.Name == "" {
		bad(Name, "import.name", "缺少姓名。")
	}

	if v := Cell(row[IDNumber]); v != "" {
		if p := NumberMangled(v); p != nil {
			ps = append(ps, *p)
		} else if res, err := idcard.ParseResident(v, r.Today); err != nil {
			bad(IDNumber, "import.idcard", "身份证号码有误："+message(err)+"。")
		} else {
			e.IDNumber, e.Sex = res.Number, res.Sex
			e.Birth, _ = civil.Parse(res.Birth)
			for _, w := range res.Warnings {
				warn(IDNumber, w.Code, w.Message+"。")
			}
		}
	}

	if v := Cell(row[Phone]); v != "" {
		if n, err := phone.Parse(v); err != nil {
			bad(Phone, "import.phone", "联系电话有误："+message(err)+"。")
		} else {
			e.Phone = n.Text
		}
	}
	e.Address = text(Address, r.Limits.Line)

	today := civil.DateOf(r.Today)
	e.Date = dateCell(row, Date, today, true, &ps)
	e.Closed = dateCell(row, Closed, today, false, &ps)
	if e.Closed != 0 && e.Date != 0 && e.Closed < e.Date {
		bad(Closed, "import.closed_order", "办结日期早于来访日期。")
	}

	e.Demand = text(Demand, r.Limits.Text)
	e.Title = text(Title, r.Limits.Short)
	if e.Demand == "" && e.Title == "" {
		bad(Demand, "import.demand", "缺少诉求内容。")
	}

	e.Type = listCell(row, Type, r.Types, r.Values, r.DefaultType, &ps)
	e.Channel = listCell(row, Channel, r.Channels, r.Values, r.DefaultChannel, &ps)
	e.Category, e.Category2 = categoryCell(row, r, &ps)

	e.Present = 1
	if v := Cell(row[Present]); v != "" {
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(v, "人"), ".0"))
		if err != nil || n < 1 || n > r.Limits.Present {
			bad(Present, "import.present", fmt.Sprintf("来访人数“%s”不是 1 以上的整数。", clip(v)))
		} else {
			e.Present = n
		}
	}
	e.Unit = Cell(text(Unit, r.Limits.Short))
	e.Result = text(Result, r.Limits.Text)
	e.ExternalNo = Cell(text(ExternalNo, r.Limits.Short))
	return e, ps
}

// message is the Chinese text of a domain refusal.
func message(err error) string {
	if m, ok := err.(interface{ Message() string }); ok {
		return m.Message()
	}
	return err.Error()
}

// clip shortens a cell quoted in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

var (
	scientific = regexp.MustCompile(`^[0-9](\.[0-9]+)?[eE]\+?[0-9]+$`)
	decimal    = regexp.MustCompile(`^[0-9]+\.[0-9]+$`)
)

// NumberMangled tells an ID number a spreadsheet turned into a number: in
// scientific notation (1.30104195602204E+17), with a decimal point, or 18
// digits whose last three are the zeros a number of 15 significant digits
// leaves and whose check character fails. Such a number lost its last
// digits and is never stored: nothing of it can be trusted.
func NumberMangled(v string) *Problem {
	const msg = "身份证号码被表格软件转成了数字，末几位已丢失，请在原表中把该列设为文本并重新录入。"
	if scientific.MatchString(v) || decimal.MatchString(v) {
		return &Problem{Field: IDNumber, Code: "import.id_number", Message: msg}
	}
	if len(v) == 18 && strings.HasSuffix(v, "000") && isDigits(v) {
		if c, _ := idcard.CheckChar(v[:17]); c != v[17] {
			return &Problem{Field: IDNumber, Code: "import.id_number", Message: msg}
		}
	}
	return nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func dateCell(row map[Field]string, f Field, today civil.Date, required bool, ps *[]Problem) civil.Date {
	v := Cell(row[f])
	if v == "" {
		if required {
			*ps = append(*ps, Problem{Field: f, Code: "import.date", Message: "缺少" + Label(f) + "。"})
		}
		return 0
	}
	d, ok := ParseDate(v)
	switch {
	case !ok:
		*ps = append(*ps, Problem{Field: f, Code: "import.date", Message: fmt.Sprintf("%s“%s”不是有效的日期。", Label(f), clip(v))})
		return 0
	case d > today:
		*ps = append(*ps, Problem{Field: f, Code: "import.future", Message: fmt.Sprintf("%s“%s”晚于今天。", Label(f), clip(v))})
		return 0
	case d < civil.D(1980, 1, 1):
		*ps = append(*ps, Problem{Field: f, Code: "import.date", Message: fmt.Sprintf("%s“%s”早于1980年，不像是来访日期。", Label(f), clip(v))})
		return 0
	}
	return d
}

var dateForms = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$`)

// ParseDate reads a date as ledgers hold it: 2026-03-02, 2026/3/2,
// 2026.3.2, 2026年3月2日 (a time after it is ignored), 20260302, or an
// Excel serial day number (46083 is 2026-03-02). ok is false for a day
// that does not exist (2026-02-30) or any other text.
func ParseDate(v string) (civil.Date, bool) {
	v = strings.TrimSpace(v)
	var y, m, d int
	if g := dateForms.FindStringSubmatch(v); g != nil {
		y, _ = strconv.Atoi(g[1])
		m, _ = strconv.Atoi(g[2])
		d, _ = strconv.Atoi(g[3])
	} else if len(v) == 8 && isDigits(v) {
		y, _ = strconv.Atoi(v[:4])
		m, _ = strconv.Atoi(v[4:6])
		d, _ = strconv.Atoi(v[6:])
	} else if n, err := strconv.ParseFloat(v, 64); err == nil && n >= 1 && n < 2958466 && isSerial(v) {
		// Excel counts days from 1899-12-30 (its 1900 leap-year bug
		// included); a time of day is the fraction.
		return civil.D(1899, time.December, 30).AddDays(int(n)), true
	} else {
		return 0, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return 0, false // 2月30日
	}
	return civil.DateOf(t), true
}

// isSerial: five digits (1927 to 2173), perhaps a fraction; a year alone
// or 8 digits (yyyymmdd) is not one.
func isSerial(v string) bool {
	i := strings.IndexByte(v, '.')
	if i < 0 {
		i = len(v)
	}
	return i == 5 && isDigits(v[:i])
}

// lookup finds a ledger value in a code list: by code or by label, among
// the active entries; the clerk's answer (Values) first.
func lookup(l dict.List, values map[string]string, v string) (dict.Entry, bool) {
	if code, ok := values[v]; ok {
		v = code
	}
	for _, e := range l.Entries {
		if e.Active && (e.Code == v || Cell(e.Label) == v) {
			return e, true
		}
	}
	return dict.Entry{}, false
}

func listCell(row map[Field]string, f Field, l dict.List, values map[Field]map[string]string, def string, ps *[]Problem) string {
	v := Cell(row[f])
	if v == "" {
		return def
	}
	e, ok := lookup(l, values[f], v)
	if !ok {
		*ps = append(*ps, unknown(f, v))
		return ""
	}
	return e.Code
}

func unknown(f Field, v string) Problem {
	return Problem{Field: f, Code: "import.unknown", Value: v,
		Message: fmt.Sprintf("%s“%s”不在字典中：请在导入时对应到已有的一项，或先在“设置→字典”中添加。", Label(f), clip(v))}
}

// categoryCell reads a content category: a first-level code or label
// (劳动社保, 07), a second-level one whose parent it implies (工资拖欠), or
// both joined by / - > (劳动社保/工资拖欠).
func categoryCell(row map[Field]string, r Rules, ps *[]Problem) (string, string) {
	v := Cell(row[Category])
	if v == "" {
		return "", ""
	}
	values := r.Values[Category]
	if code, ok := values[v]; ok {
		v = code
	}
	top, sub := v, ""
	if i := strings.IndexAny(v, "/-＞>、"); i > 0 {
		top, sub = strings.TrimSpace(v[:i]), strings.TrimSpace(strings.TrimLeft(v[i:], "/-＞>、"))
	}
	var parent *dict.Entry
	for _, e := range r.Categories.Entries {
		if e.Active && e.Parent == "" && (e.Code == top || Cell(e.Label) == top) {
			parent = &e
			break
		}
	}
	if parent == nil && sub == "" {
		// A second-level label alone, if only one parent has it.
		var found []dict.Entry
		for _, e := range r.Categories.Entries {
			if e.Active && e.Parent != "" && (e.Code == top || Cell(e.Label) == top) {
				found = append(found, e)
			}
		}
		if len(found) == 1 {
			return found[0].Parent, found[0].Code
		}
	}
	if parent == nil {
		*ps = append(*ps, unknown(Category, Cell(row[Category])))
		return "", ""
	}
	if sub == "" {
		return parent.Code, ""
	}
	for _, e := range r.Categories.Entries {
		if e.Active && e.Parent == parent.Code && (e.Code == sub || Cell(e.Label) == sub) {
			return parent.Code, e.Code
		}
	}
	*ps = append(*ps, unknown(Category, Cell(row[Category])))
	return "", ""
}
