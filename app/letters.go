package app

// Letters: the reply letters and slips (文书), filled from a case by the
// rules of domain/letter, issued with a 文号 and frozen (docs/DOMAIN.md §12.1).

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"laifang/domain/civil"
	"laifang/domain/dict"
	"laifang/domain/letter"
	"laifang/domain/petitioner"
	"laifang/store"
)

// Letters is the 文书 service: preview, issue, the archive, templates,
// numbering patterns and the print layout.
type Letters struct{ svc }

// LetterDoc is a letter as structure (a preview, or an issued letter
// frozen). The frontend lays it out as an A4 page and as a .docx.
type LetterDoc struct {
	ID              uint64          `json:"id"`   // 0: a preview, not issued
	Case            uint64          `json:"case"` // 0 for none
	Task            uint64          `json:"task"` // the task a department slip is about (0 for none)
	Kind            string          `json:"kind"`
	KindLabel       string          `json:"kindLabel"`
	Form            string          `json:"form"` // "letter" or "slip"
	To              string          `json:"to"`   // "petitioner" or "department"
	No              string          `json:"no"`   // 文号; "" in a preview
	NoPreview       string          `json:"noPreview"`
	Title           string          `json:"title"`
	Addressee       string          `json:"addressee"` // ends with "："
	Paragraphs      []string        `json:"paragraphs"`
	Rows            []LetterRow     `json:"rows"`
	Boxes           []LetterBox     `json:"boxes"`
	Attachments     []string        `json:"attachments"`
	Contact         string          `json:"contact"`
	Sender          string          `json:"sender"`
	Date            string          `json:"date"` // 2026年11月26日
	CopyTo          string          `json:"copyTo"`
	Missing         []LetterMissing `json:"missing"`
	Redacted        bool            `json:"redacted"`
	TemplateVersion int             `json:"templateVersion"`
	IssuedBy        string          `json:"issuedBy"`
	IssuedAt        string          `json:"issuedAt"` // "2026-11-26 14:03"
	Supersedes      string          `json:"supersedes"`
	SupersededBy    string          `json:"supersededBy"`
}

// LetterRow is a label/value row of a slip.
type LetterRow struct {
	Label string `json:"label"`
	Value string `json:"value"`
	Wide  bool   `json:"wide"`
}

// LetterBox is a part of a slip filled by hand.
type LetterBox struct {
	Title  string   `json:"title"`
	Lines  []string `json:"lines"`
	Height int      `json:"height"`
}

// LetterMissing is a placeholder the case cannot fill.
type LetterMissing struct {
	Placeholder string `json:"placeholder"`
	Takes       string `json:"takes"`
}

// LetterLayout are the print layout settings.
type LetterLayout struct {
	Letterhead bool    `json:"letterhead"`
	HeaderMM   float64 `json:"headerMM"`
	OffsetXMM  float64 `json:"offsetXMM"`
	OffsetYMM  float64 `json:"offsetYMM"`
	OrgName    string  `json:"orgName"`
}

// LetterKind is one kind of letter.
type LetterKind struct {
	Kind  string `json:"kind"`
	Label string `json:"label"`
	Form  string `json:"form"`
	To    string `json:"to"`
	Needs string `json:"needs"` // "case" or "task"
}

// Placeholder is a word a template may use, and what it takes.
type Placeholder struct {
	Name  string `json:"name"`
	Takes string `json:"takes"`
}

// LetterInput says which letter to fill.
type LetterInput struct {
	Case     uint64 `json:"case"`
	Task     uint64 `json:"task"`
	Kind     string `json:"kind"`
	Template uint64 `json:"template"` // 0: the office's current one
	Body     string `json:"body"`     // a draft template text to preview, "" for the saved one
}

// LetterQuery filters the archive.
type LetterQuery struct {
	Kind   string `json:"kind"`
	From   string `json:"from"` // YYYY-MM-DD
	To     string `json:"to"`
	No     string `json:"no"`
	Case   uint64 `json:"case"`
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
}

// LetterRowView is one issued letter in the archive.
type LetterRowView struct {
	ID         uint64 `json:"id"`
	No         string `json:"no"`
	Kind       string `json:"kind"`
	KindLabel  string `json:"kindLabel"`
	Title      string `json:"title"`
	Addressee  string `json:"addressee"`
	Case       uint64 `json:"case"`
	CaseNo     string `json:"caseNo"`
	IssuedAt   string `json:"issuedAt"`
	IssuedBy   string `json:"issuedBy"`
	Superseded bool   `json:"superseded"`
}

// LetterList is a page of the archive.
type LetterList struct {
	Rows  []LetterRowView `json:"rows"`
	Total int             `json:"total"`
}

// TemplateView is a template as the editor shows it.
type TemplateView struct {
	Kind      string `json:"kind"`
	Label     string `json:"label"`
	Version   int    `json:"version"`
	Body      string `json:"body"`
	Builtin   bool   `json:"builtin"`
	UpdatedBy string `json:"updatedBy"`
	UpdatedAt string `json:"updatedAt"`
}

// NumberPattern is the 文号 pattern of a kind.
type NumberPattern struct {
	Kind    string `json:"kind"`
	Label   string `json:"label"`
	Pattern string `json:"pattern"`
	Example string `json:"example"`
}

// Codes of the letters' refusals (domain/letter adds the template's).
const (
	CodeLetterKind    = "letter.kind"    // no such kind
	CodeLetterNeeds   = "letter.needs"   // the case or task the kind needs is not given
	CodeLetterMissing = "letter.missing" // placeholders the case cannot fill
	CodeLetterAccused = "letter.accused" // a slip to the unit a report is about
	CodeLetterDraft   = "letter.draft"   // issuing from an unsaved text
	CodeLetterLayout  = "letter.layout"  // a layout setting out of range
)

// Audit actions of the letters.
const (
	ActionLetterIssue    = "letter.issue"    // a letter issued (or a correction)
	ActionLetterTemplate = "letter.template" // a template saved or reset
)

// letterLimit is the most letters Printed records at once, and a page of
// the archive at most.
const letterLimit = 500

// Kinds lists the kinds of letters.
func (l *Letters) Kinds() ([]LetterKind, error) {
	if _, _, err := l.gate("Letters.Kinds"); err != nil {
		return nil, err
	}
	out := make([]LetterKind, len(letter.Kinds))
	for i, k := range letter.Kinds {
		out[i] = LetterKind{Kind: k.Key, Label: k.Label, Form: k.Form, To: k.To, Needs: k.Needs}
	}
	return out, nil
}

// Placeholders lists the words a template may use.
func (l *Letters) Placeholders() ([]Placeholder, error) {
	if _, _, err := l.gate("Letters.Placeholders"); err != nil {
		return nil, err
	}
	out := make([]Placeholder, len(letter.Placeholders))
	for i, p := range letter.Placeholders {
		out[i] = Placeholder{Name: p.Name, Takes: p.Takes}
	}
	return out, nil
}

func kindOf(key string) (letter.Kind, error) {
	k, ok := letter.KindOf(key)
	if !ok || k.Key != key {
		return letter.Kind{}, fieldError("kind", CodeLetterKind, "请选择文书种类。")
	}
	return k, nil
}

// letterLabel names a letter's type: its kind's label (a type that is
// no kind is shown as it is).
func letterLabel(t string) string {
	if k, ok := letter.KindOf(t); ok {
		return k.Label
	}
	return t
}

// filled is a letter filled from its case, before it is issued.
type filled struct {
	kind     letter.Kind
	c        *store.Case
	task     *store.Task
	doc      letter.Doc
	redacted bool
	tplID    uint64
	tplVer   int
	pattern  string
}

// Preview fills a letter without issuing it: the saved template, another
// version of it (Template), or a draft text (Body) from the editor.
func (l *Letters) Preview(in LetterInput) (LetterDoc, error) {
	act, st, err := l.gate("Letters.Preview", in)
	if err != nil {
		return LetterDoc{}, err
	}
	var out LetterDoc
	err = st.View(func(tx *store.Tx) error {
		f, err := l.fill(tx, act, in)
		if err != nil {
			return err
		}
		out, err = l.previewDoc(tx, act, f)
		return err
	})
	return out, err
}

// fill reads what the letter needs and fills its template. It refuses a
// case or task the session may not see, a letter to the petitioner of a
// confidential case without the grant and the reveal, and a slip to the
// unit a report is about.
func (l *Letters) fill(tx *store.Tx, act *Actor, in LetterInput) (*filled, error) {
	k, err := kindOf(in.Kind)
	if err != nil {
		return nil, err
	}
	f := &filled{kind: k}
	if k.Needs == letter.NeedsTask {
		if in.Task == 0 {
			return nil, fieldError("task", CodeLetterNeeds, "请选择这份"+k.Label+"所针对的任务。")
		}
		t, err := visibleTask(tx, act, in.Task)
		if err != nil {
			return nil, err
		}
		if in.Case != 0 && in.Case != t.Case {
			return nil, fieldError("task", CodeLetterNeeds, "所选任务不属于这件信访事项。")
		}
		if err := slipFitsTask(k, t); err != nil {
			return nil, err
		}
		f.task, in.Case = t, t.Case
	}
	if in.Case == 0 {
		return nil, fieldError("case", CodeLetterNeeds, "请选择信访事项。")
	}
	if f.c, err = readCase(tx, act, in.Case); err != nil {
		return nil, err
	}
	if err := l.mayLetter(act, k, f.c, f.task); err != nil {
		return nil, err
	}
	tp, err := l.template(tx, k, in, f)
	if err != nil {
		return nil, err
	}
	vals, err := l.values(tx, act, f, tp)
	if err != nil {
		return nil, err
	}
	f.doc = tp.Fill(vals)
	f.pattern, err = letterPattern(tx, k)
	return f, err
}

// slipFitsTask refuses a slip that does not fit the task: a 转送单 for a
// 转送, a 交办单 for a 交办 or 协办.
func slipFitsTask(k letter.Kind, t *store.Task) error {
	switch {
	case k.Key == "forward" && t.Type != TaskTransfer:
		return fieldError("task", CodeLetterNeeds, "转送单只用于转送的任务；这项任务是"+t.Type+"。")
	case k.Key == "assign" && t.Type == TaskTransfer:
		return fieldError("task", CodeLetterNeeds, "这项任务是转送，请出具转送单。")
	}
	return nil
}

// mayLetter is the confidentiality rule of letters (docs/DOMAIN.md §10,
// §12.1): a letter to the petitioner of a confidential case names him, so
// only a session with the grant that has revealed the case may fill it; a
// slip never goes to the unit the report is about.
func (l *Letters) mayLetter(act *Actor, k letter.Kind, c *store.Case, t *store.Task) error {
	if !IsConfidential(c) {
		return nil
	}
	if k.To == letter.ToPetitioner && !l.mayIdentify(act, c) {
		if !act.May(PermConfidential) {
			return forbidden(act, PermConfidential)
		}
		return newError(CodeForbidden, "这是保密件：给信访人的文书载有举报人身份，请先在案件中查看保密信息（说明理由）后再出具。")
	}
	if t != nil && c.AccusedUnit != 0 && t.ToUnit == c.AccusedUnit {
		return fieldError("task", CodeLetterAccused, "这件检举控告反映的就是该单位，不能向被反映单位出具"+k.Label+"。")
	}
	return nil
}

// template is the template the letter is filled from: a draft text, a
// version asked for, the office's current one or the built-in text.
func (l *Letters) template(tx *store.Tx, k letter.Kind, in LetterInput, f *filled) (*letter.Template, error) {
	body := in.Body
	switch {
	case strings.TrimSpace(body) != "":
	case in.Template != 0:
		t, err := tx.Template(in.Template)
		if errors.Is(err, store.ErrNotFound) || (err == nil && t.DocType != k.Key) {
			return nil, fieldError("template", CodeLetterKind, "所选模板不是这种文书的模板。")
		}
		if err != nil {
			return nil, err
		}
		body, f.tplID, f.tplVer = t.Body, t.ID, t.Version
	default:
		cur, err := tx.CurrentTemplates()
		if err != nil {
			return nil, err
		}
		if t, ok := cur[k.Key]; ok {
			body, f.tplID, f.tplVer = t.Body, t.ID, t.Version
		} else {
			body = letter.Builtin(k.Key)
		}
	}
	return letter.Parse(k.Form, body)
}

// letterPattern is the kind's 文号 pattern: the office's, else the default.
func letterPattern(tx *store.Tx, k letter.Kind) (string, error) {
	set, err := tx.Settings()
	if err != nil {
		return "", err
	}
	if p := set.DocNoPatterns[k.Key]; p != "" {
		return p, nil
	}
	return letter.DefaultPattern(k), nil
}

// values are what the case, its task, the settings and the session give
// the placeholders. A slip to a department never carries the identity of
// the petitioner of a confidential case, nor text that names him.
func (l *Letters) values(tx *store.Tx, act *Actor, f *filled, tp *letter.Template) (letter.Values, error) {
	c, t := f.c, f.task
	set, err := tx.Settings()
	if err != nil {
		return nil, err
	}
	v := letter.Values{}
	date := func(name string, d civil.Date) { v[name] = letter.Date(d) }
	toDept := f.kind.To == letter.ToDepartment
	f.redacted = toDept && IsConfidential(c)
	// text is case text as this letter may carry it: none of a
	// confidential case on a department's slip, whoever prints it (what the
	// report says travels with the sealed materials, not on the slip).
	text := func(s string) string { return caseText(!f.redacted, s) }
	name, err := petitionerName(tx, c)
	if err != nil {
		return nil, err
	}
	if f.redacted {
		name = Hidden
	}
	v["信访人"], v["信访人称呼"] = name, name
	v["登记编号"] = c.No
	date("来访日期", c.Received.Date())
	date("登记日期", c.Registered.Date())
	v["来源"], err = caseSource(tx, c)
	if err != nil {
		return nil, err
	}
	v["诉求摘要"] = text(c.Demand)
	v["拟办意见"], v["领导批示"] = text(c.DispOpinion), text(c.Instruction)
	date("受理日期", c.Accepted)
	clocks, err := caseClocks(tx, c)
	if err != nil {
		return nil, err
	}
	for _, k := range clocks {
		if k.Clock == "办理" {
			date("办理期限", k.Legal)
			if c.ExtDays > 0 {
				date("延期至", k.Legal)
			}
		}
	}
	switch c.Disposal {
	case "不予受理", "不再受理":
		reason := c.DispReason
		if ls, err := dictList(tx, dict.NotAccepted); err == nil {
			if e, ok := ls.Lookup(reason); ok {
				reason = e.Label
			}
		}
		v["不予受理理由"] = reason
	case "告知向有权机关提出", "导入法定程序":
		v["有权机关"] = c.DispReason
	}
	v["复查机关"], v["复核机关"] = set.ReviewOrg, set.RecheckOrg
	v["答复结果"], v["答复内容"] = c.Outcome, c.Reply
	date("答复日期", c.ReplyOn)
	date("复查申请日期", c.ReviewAsked)
	date("复核申请日期", c.RecheckAsked)
	v["复查结论"], v["复核结论"] = c.ReviewResult, c.RecheckResult
	v["延期理由"] = c.ExtReason
	if c.ExtDays > 0 {
		v["延期天数"] = strconv.Itoa(c.ExtDays)
	}
	v["发文机关"], v["联系人"], v["联系电话"] = set.OrgName, act.Name, set.LetterPhone

	// the task: the one given, else the case's 转送/交办 (the notice of a transfer)
	if t == nil {
		if t, err = caseTask(tx, c); err != nil {
			return nil, err
		}
	}
	if t != nil {
		v["承办单位"] = unitName(tx, t.ToUnit)
		date("交办日期", t.Issued.Date())
		date("办结时限", taskDue(t))
		v["办理要求"] = text(t.Requirement)
	} else if c.Unit != 0 {
		v["承办单位"] = unitName(tx, c.Unit)
	}
	// the case's other letters and the task's 催办: read only when asked
	if !tp.Uses("交办单号", "催办次数", "催办内容", "原文号", "送达文书") {
		return v, nil
	}
	ls, err := tx.CaseLetters(c.ID)
	if err != nil {
		return nil, err
	}
	if f.task != nil {
		if no := newestLetter(ls, func(x *store.Letter) bool {
			return x.Task == f.task.ID && (x.Type == "assign" || x.Type == "forward")
		}); no != nil {
			v["交办单号"] = no.No
		}
		urges, err := taskUrges(tx, f.task)
		if err != nil {
			return nil, err
		}
		if n := len(urges); n > 0 {
			v["催办次数"] = strconv.Itoa(n)
			v["催办内容"] = text(urges[n-1].Requirement)
		}
	}
	switch f.kind.Key {
	case "review":
		if x := newestLetter(ls, func(x *store.Letter) bool { return x.Type == "opinion" }); x != nil {
			v["原文号"] = x.No
		}
	case "recheck":
		if x := newestLetter(ls, func(x *store.Letter) bool { return x.Type == "review" }); x != nil {
			v["原文号"] = x.No
		}
	}
	if x := newestLetter(ls, func(x *store.Letter) bool {
		k, ok := letter.KindOf(x.Type)
		return ok && k.To == letter.ToPetitioner && k.Key != "receipt"
	}); x != nil {
		k, _ := letter.KindOf(x.Type)
		v["送达文书"] = k.Label + "（" + x.No + "）"
	}
	return v, nil
}

// newestLetter is the newest issued letter in force (not corrected) of
// ls that ok accepts, nil for none.
func newestLetter(ls []store.Letter, ok func(*store.Letter) bool) *store.Letter {
	var best *store.Letter
	for i := range ls {
		x := &ls[i]
		if x.No == "" || x.SupersededBy != 0 || !ok(x) {
			continue
		}
		if best == nil || x.Issued > best.Issued || (x.Issued == best.Issued && x.ID > best.ID) {
			best = x
		}
	}
	return best
}

// caseTask is the case's newest 转送 or 交办 task, nil for none.
func caseTask(tx *store.Tx, c *store.Case) (*store.Task, error) {
	ts, err := tx.CaseTasks(c.ID)
	if err != nil {
		return nil, err
	}
	for i := range ts {
		if ts[i].Parent == 0 && (ts[i].Type == TaskTransfer || ts[i].Type == TaskAssign) {
			return &ts[i], nil
		}
	}
	return nil, nil
}

// petitionerName is how a letter names the petitioners: the main one, and
// "等N人" when more came ("张三等5人"); "" for an anonymous one.
func petitionerName(tx *store.Tx, c *store.Case) (string, error) {
	people := make([]*store.Person, len(c.People))
	present := 0
	for i, cp := range c.People {
		p, err := tx.Person(cp.Person)
		if err != nil {
			return "", err
		}
		people[i] = p
		if petitioner.Present(cp.Role) {
			present++
		}
	}
	m := petitioner.MainOf(len(c.People), func(i int) (string, bool, bool) {
		return c.People[i].Role, c.People[i].Contact, true
	})
	if m < 0 || people[m].Anonymous || strings.TrimSpace(people[m].Name) == "" {
		return "", nil
	}
	name := strings.TrimSpace(people[m].Name)
	if present > 1 {
		name += "等" + strconv.Itoa(present) + "人"
	}
	return name, nil
}

// caseSource is where the matter came from: the body that sent it down,
// else the channel.
func caseSource(tx *store.Tx, c *store.Case) (string, error) {
	if c.Incoming != nil && c.Incoming.Org != "" {
		return strings.TrimSpace(c.Incoming.Org + " " + c.Incoming.DocNo), nil
	}
	ls, err := dictList(tx, dict.Channel)
	if err != nil {
		return "", err
	}
	if e, ok := ls.Lookup(c.Channel); ok {
		return e.Label, nil
	}
	return c.Channel, nil
}

// previewDoc is the LetterDoc of a filled letter not issued yet.
func (l *Letters) previewDoc(tx *store.Tx, act *Actor, f *filled) (LetterDoc, error) {
	set, err := tx.Settings()
	if err != nil {
		return LetterDoc{}, err
	}
	today := civil.DateOf(l.app.now())
	d := docOf(f.kind, f.doc)
	d.Case = f.c.ID
	if f.task != nil {
		d.Task = f.task.ID
	}
	d.NoPreview = letter.Format(f.pattern, set.OrgCode, today.Year(), 0)
	d.Sender, d.Date = set.OrgName, letter.Date(today)
	d.Redacted, d.TemplateVersion = f.redacted, f.tplVer
	for _, m := range f.doc.Missing {
		p, _ := letter.PlaceholderOf(m)
		d.Missing = append(d.Missing, LetterMissing{Placeholder: m, Takes: p.Takes})
	}
	if d.Sender == "" {
		d.Missing = append(d.Missing, LetterMissing{Placeholder: "发文机关", Takes: "单位设置中的单位名称"})
	}
	return d, nil
}

// docOf is a kind's filled parts as the contract's LetterDoc.
func docOf(k letter.Kind, p letter.Doc) LetterDoc {
	d := LetterDoc{Kind: k.Key, KindLabel: k.Label, Form: k.Form, To: k.To, Title: p.Title, Addressee: p.Addressee,
		Paragraphs: nonNil(p.Paragraphs), Rows: []LetterRow{}, Boxes: []LetterBox{}, Attachments: nonNil(p.Attachments),
		Contact: p.Contact, CopyTo: p.CopyTo, Missing: []LetterMissing{}}
	for _, r := range p.Rows {
		d.Rows = append(d.Rows, LetterRow{Label: r.Label, Value: r.Value, Wide: r.Wide})
	}
	for _, b := range p.Boxes {
		d.Boxes = append(d.Boxes, LetterBox{Title: b.Title, Lines: nonNil(b.Lines), Height: b.Height})
	}
	return d
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Issue fills the letter from the saved template, numbers it and freezes
// it, in one transaction with its 文号's serial: refused while anything is
// missing. The case's timeline shows it.
func (l *Letters) Issue(in LetterInput) (LetterDoc, error) {
	act, st, err := l.gate("Letters.Issue", in)
	if err != nil {
		return LetterDoc{}, err
	}
	return l.issue(act, st, in, 0)
}

// Supersede issues a correction of letter id: a new letter, with a new
// number, that says which one it replaces; the old one stays as issued.
func (l *Letters) Supersede(id uint64, in LetterInput) (LetterDoc, error) {
	act, st, err := l.gate("Letters.Supersede", in)
	if err != nil {
		return LetterDoc{}, err
	}
	if id == 0 {
		return LetterDoc{}, fieldError("id", CodeBadRequest, "请选择要更正的文书。")
	}
	return l.issue(act, st, in, id)
}

func (l *Letters) issue(act *Actor, st *store.Store, in LetterInput, old uint64) (LetterDoc, error) {
	if strings.TrimSpace(in.Body) != "" {
		return LetterDoc{}, fieldError("body", CodeLetterDraft, "模板还没有保存：请先保存模板，再用它出具文书。")
	}
	var out LetterDoc
	err := st.Update(func(tx *store.Tx) error {
		var prev *store.Letter
		if old != 0 {
			p, err := l.readLetter(tx, act, old)
			if err != nil {
				return err
			}
			if p.SupersededBy != 0 {
				return newError(CodeConflict, "这份文书已经更正过，请更正最新的一份。")
			}
			if in.Kind == "" {
				in.Kind = p.kindKey()
			}
			if in.Kind != p.kindKey() || (in.Case != 0 && in.Case != p.Case) || (in.Task != 0 && in.Task != p.Task) {
				return fieldError("kind", CodeLetterKind, "更正的文书应与原文书种类、事项相同。")
			}
			in.Case, in.Task, prev = p.Case, p.Task, p.Letter
		}
		f, err := l.fill(tx, act, in)
		if err != nil {
			return err
		}
		if err := mayIssue(act, f.kind); err != nil {
			return err
		}
		d, err := l.previewDoc(tx, act, f)
		if err != nil {
			return err
		}
		if len(d.Missing) > 0 {
			names := make([]string, len(d.Missing))
			for i, m := range d.Missing {
				names[i] = m.Placeholder
			}
			e := newError(CodeLetterMissing, "还缺少"+strings.Join(names, "、")+"，补全后才能出具"+f.kind.Label+"。")
			e.Field = "missing"
			return e
		}
		rec := &store.Letter{Case: f.c.ID, Type: f.kind.Key, Template: f.tplID, TemplateVer: f.tplVer,
			Addressee: d.Addressee, Signer: act.ID, Redacted: f.redacted,
			Doc: &store.LetterParts{Title: d.Title, Addressee: d.Addressee, Paragraphs: d.Paragraphs,
				Attachments: d.Attachments, Contact: d.Contact, Sender: d.Sender, Date: d.Date, CopyTo: d.CopyTo}}
		if f.task != nil {
			rec.Task = f.task.ID
		}
		for _, r := range d.Rows {
			rec.Doc.Rows = append(rec.Doc.Rows, store.LetterRow{Label: r.Label, Value: r.Value, Wide: r.Wide})
		}
		for _, b := range d.Boxes {
			rec.Doc.Boxes = append(rec.Doc.Boxes, store.LetterBox{Title: b.Title, Lines: b.Lines, Height: b.Height})
		}
		if prev != nil {
			rec.Supersedes = prev.ID
		}
		if err := tx.IssueLetterAs(rec, f.pattern); err != nil {
			return err
		}
		what := "出具" + f.kind.Label + " " + rec.No
		if prev != nil {
			if err := tx.SupersedeLetter(prev, rec.ID); err != nil {
				return err
			}
			what += "（更正 " + prev.No + "）"
		}
		if err := tx.AppendEvent(f.c.ID, &store.Event{Kind: store.EventLetter, By: act.ID, Task: rec.Task,
			Letter: rec.ID, Text: what}); err != nil {
			return err
		}
		if err := l.audit(tx, act, ActionLetterIssue, "case", f.c.ID, clip(f.c.No+" "+what, 100), ""); err != nil {
			return err
		}
		out, err = l.letterDoc(tx, rec)
		return err
	})
	return out, err
}

// mayIssue: the head issues the letters that bind the office (受理, 不再受
// 理, 延期, the replies), the desk the others (docs/DOMAIN.md §12.1).
func mayIssue(act *Actor, k letter.Kind) error {
	need := PermCaseWrite
	if k.Head {
		need = PermCaseDecide
	}
	if !act.May(need) {
		if k.Head {
			return newError(CodeForbidden, k.Label+"须由负责人出具。")
		}
		return forbidden(act, need)
	}
	return nil
}

// issuedLetter is a stored letter and its kind.
type issuedLetter struct {
	*store.Letter
	kind letter.Kind
}

func (x issuedLetter) kindKey() string { return x.kind.Key }

// readLetter reads an issued letter for act: not found when its case is
// out of sight; refused when it is a letter to the petitioner of a
// confidential case the session may not identify.
func (l *Letters) readLetter(tx *store.Tx, act *Actor, id uint64) (issuedLetter, error) {
	rec, err := tx.Letter(id)
	if err != nil {
		return issuedLetter{}, err
	}
	if rec.No == "" {
		return issuedLetter{}, store.ErrNotFound
	}
	k, ok := letter.KindOf(rec.Type)
	if !ok {
		k = letter.Kind{Key: rec.Type, Label: rec.Type, Form: letter.FormLetter, To: letter.ToPetitioner}
	}
	if rec.Case != 0 {
		c, err := readCase(tx, act, rec.Case)
		if err != nil {
			return issuedLetter{}, err
		}
		if k.To == letter.ToPetitioner {
			if err := l.mayLetter(act, k, c, nil); err != nil {
				return issuedLetter{}, err
			}
		}
	}
	return issuedLetter{rec, k}, nil
}

// letterDoc is an issued letter as frozen.
func (l *Letters) letterDoc(tx *store.Tx, rec *store.Letter) (LetterDoc, error) {
	k, ok := letter.KindOf(rec.Type)
	if !ok {
		k = letter.Kind{Key: rec.Type, Label: rec.Type, Form: letter.FormLetter, To: letter.ToPetitioner}
	}
	p := letter.Doc{Title: k.Label}
	sender, date := "", letter.Date(rec.Issued)
	if rec.Doc != nil {
		p = letter.Doc{Title: rec.Doc.Title, Addressee: rec.Doc.Addressee, Paragraphs: rec.Doc.Paragraphs,
			Attachments: rec.Doc.Attachments, Contact: rec.Doc.Contact, CopyTo: rec.Doc.CopyTo}
		for _, r := range rec.Doc.Rows {
			p.Rows = append(p.Rows, letter.Row{Label: r.Label, Value: r.Value, Wide: r.Wide})
		}
		for _, b := range rec.Doc.Boxes {
			p.Boxes = append(p.Boxes, letter.Box{Title: b.Title, Lines: b.Lines, Height: b.Height})
		}
		sender, date = rec.Doc.Sender, rec.Doc.Date
	}
	d := docOf(k, p)
	d.ID, d.Case, d.Task, d.No = rec.ID, rec.Case, rec.Task, rec.No
	d.NoPreview, d.Sender, d.Date = rec.No, sender, date
	d.Redacted, d.TemplateVersion = rec.Redacted, rec.TemplateVer
	names := userNames(tx)
	d.IssuedBy = names[rec.Signer]
	if rec.At != 0 {
		d.IssuedAt = rec.At.Time().Local().Format("2006-01-02 15:04")
	}
	for _, ref := range []struct {
		id uint64
		to *string
	}{{rec.Supersedes, &d.Supersedes}, {rec.SupersededBy, &d.SupersededBy}} {
		if ref.id != 0 {
			if o, err := tx.Letter(ref.id); err == nil {
				*ref.to = o.No
			}
		}
	}
	return d, nil
}

// Get reads an issued letter, as it was frozen.
func (l *Letters) Get(id uint64) (LetterDoc, error) {
	act, st, err := l.gate("Letters.Get")
	if err != nil {
		return LetterDoc{}, err
	}
	var out LetterDoc
	err = st.View(func(tx *store.Tx) error {
		x, err := l.readLetter(tx, act, id)
		if err != nil {
			return err
		}
		out, err = l.letterDoc(tx, x.Letter)
		return err
	})
	return out, err
}

// List is the archive of issued letters, newest first.
func (l *Letters) List(q LetterQuery) (LetterList, error) {
	act, st, err := l.gate("Letters.List", q)
	if err != nil {
		return LetterList{}, err
	}
	sq := store.LetterQuery{No: strings.TrimSpace(q.No), Case: q.Case}
	if q.Kind != "" {
		if _, err := kindOf(q.Kind); err != nil {
			return LetterList{}, err
		}
		sq.Kind = q.Kind
	}
	for _, d := range []struct {
		field, v string
		to       *civil.Date
	}{{"from", q.From, &sq.From}, {"to", q.To, &sq.To}} {
		if strings.TrimSpace(d.v) == "" {
			continue
		}
		if *d.to, err = civil.Parse(strings.TrimSpace(d.v)); err != nil {
			return LetterList{}, fieldError(d.field, CodeDate, "日期应为“年-月-日”，例如 2026-03-02。")
		}
	}
	if sq.From != 0 && sq.To != 0 && sq.To < sq.From {
		return LetterList{}, fieldError("to", CodeEndBefore, "结束日期不能早于开始日期。")
	}
	if utf8.RuneCountInString(sq.No) > 50 {
		return LetterList{}, fieldError("no", CodeTooLong, "文号不能超过 50 个字。")
	}
	limit := q.Limit
	if limit <= 0 || limit > letterLimit {
		limit = 50
	}
	out := LetterList{Rows: []LetterRowView{}}
	err = st.View(func(tx *store.Tx) error {
		if unit, scoped := deptScope(act); scoped {
			sq.Scoped, sq.Within = true, tx.UnitCaseIDs(unit)
		}
		if q.Case != 0 && !caseVisible(tx, act, q.Case) {
			return nil
		}
		ids, total, err := tx.LetterPage(sq, max(q.Offset, 0), limit)
		if err != nil {
			return err
		}
		out.Total = total
		names := userNames(tx)
		cases := map[uint64]*store.CaseRow{}
		for _, id := range ids {
			rec, err := tx.Letter(id)
			if err != nil {
				return err
			}
			out.Rows = append(out.Rows, l.letterRow(tx, act, rec, names, cases))
		}
		return nil
	})
	return out, err
}

// letterRow is a letter in the archive. A letter to the petitioner of a
// confidential case the session may not identify shows neither its
// addressee nor its title.
func (l *Letters) letterRow(tx *store.Tx, act *Actor, rec *store.Letter, names map[uint64]string, cases map[uint64]*store.CaseRow) LetterRowView {
	k, ok := letter.KindOf(rec.Type)
	if !ok {
		k = letter.Kind{Key: rec.Type, Label: rec.Type, To: letter.ToPetitioner}
	}
	r := LetterRowView{ID: rec.ID, No: rec.No, Kind: k.Key, KindLabel: k.Label, Title: k.Label, Addressee: rec.Addressee,
		Case: rec.Case, IssuedBy: names[rec.Signer], Superseded: rec.SupersededBy != 0}
	if rec.Doc != nil && rec.Doc.Title != "" {
		r.Title = rec.Doc.Title
	}
	if rec.At != 0 {
		r.IssuedAt = rec.At.Time().Local().Format("2006-01-02 15:04")
	} else {
		r.IssuedAt = rec.Issued.String()
	}
	if rec.Case != 0 {
		c, ok := cases[rec.Case]
		if !ok {
			if row, err := tx.CaseRow(rec.Case); err == nil {
				c = &row
			}
			cases[rec.Case] = c
		}
		if c != nil {
			r.CaseNo = c.No
			if k.To == letter.ToPetitioner && !l.mayIdentifyRow(act, c) {
				r.Addressee, r.Title = Hidden, k.Label
			}
		}
	}
	return r
}

// Printed records that letters were printed ("print") or exported as a
// Word file ("docx").
func (l *Letters) Printed(ids []uint64, how string) error {
	act, st, err := l.gate("Letters.Printed", named("how", how))
	if err != nil {
		return err
	}
	action, verb := ActionPrint, "打印"
	switch how {
	case "print":
	case "docx":
		action, verb = ActionExport, "导出"
	default:
		return fieldError("how", CodeBadRequest, "应为打印（print）或导出 Word（docx）。")
	}
	if len(ids) == 0 || len(ids) > letterLimit {
		return fieldError("ids", CodeBadRequest, fmt.Sprintf("请选择 1 至 %d 份文书。", letterLimit))
	}
	return st.Update(func(tx *store.Tx) error {
		for _, id := range ids {
			x, err := l.readLetter(tx, act, id)
			if err != nil {
				return err
			}
			if err := l.audit(tx, act, action, "letter", id, clip(verb+x.kind.Label+" "+x.No, 100), ""); err != nil {
				return err
			}
		}
		return nil
	})
}
