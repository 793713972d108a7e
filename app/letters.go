package app

// Letters: the reply letters and slips (文书), filled from a case by the
// rules of domain/letter, issued with a 文号 and frozen (docs/DOMAIN.md §12.1).

import (
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

var _ = store.ErrNotFound

// The bodies below are being written: each gates, then answers empty.

func (l *Letters) Kinds() ([]LetterKind, error) {
	_, _, err := l.gate("Letters.Kinds")
	return nil, err
}
func (l *Letters) Placeholders() ([]Placeholder, error) {
	_, _, err := l.gate("Letters.Placeholders")
	return nil, err
}
func (l *Letters) Preview(in LetterInput) (LetterDoc, error) {
	_, _, err := l.gate("Letters.Preview", in)
	return LetterDoc{}, err
}
func (l *Letters) Issue(in LetterInput) (LetterDoc, error) {
	_, _, err := l.gate("Letters.Issue", in)
	return LetterDoc{}, err
}
func (l *Letters) Supersede(id uint64, in LetterInput) (LetterDoc, error) {
	_, _, err := l.gate("Letters.Supersede", in)
	return LetterDoc{}, err
}
func (l *Letters) Get(id uint64) (LetterDoc, error) {
	_, _, err := l.gate("Letters.Get")
	return LetterDoc{}, err
}
func (l *Letters) List(q LetterQuery) (LetterList, error) {
	_, _, err := l.gate("Letters.List", q)
	return LetterList{}, err
}
func (l *Letters) Printed(ids []uint64, how string) error {
	_, _, err := l.gate("Letters.Printed", named("how", how))
	return err
}
func (l *Letters) Templates() ([]TemplateView, error) {
	_, _, err := l.gate("Letters.Templates")
	return nil, err
}
func (l *Letters) Template(kind string) (TemplateView, error) {
	_, _, err := l.gate("Letters.Template", named("kind", kind))
	return TemplateView{}, err
}
func (l *Letters) SaveTemplate(kind, body string, rev int) (TemplateView, error) {
	_, _, err := l.gate("Letters.SaveTemplate", named("kind", kind), named("body", body))
	return TemplateView{}, err
}
func (l *Letters) ResetTemplate(kind string) (TemplateView, error) {
	_, _, err := l.gate("Letters.ResetTemplate", named("kind", kind))
	return TemplateView{}, err
}
func (l *Letters) Layout() (LetterLayout, error) {
	_, _, err := l.gate("Letters.Layout")
	return LetterLayout{}, err
}
func (l *Letters) SaveLayout(in LetterLayout) (LetterLayout, error) {
	_, _, err := l.gate("Letters.SaveLayout", in)
	return LetterLayout{}, err
}
func (l *Letters) NumberPatterns() ([]NumberPattern, error) {
	_, _, err := l.gate("Letters.NumberPatterns")
	return nil, err
}
func (l *Letters) SaveNumberPatterns(in []NumberPattern) ([]NumberPattern, error) {
	_, _, err := l.gate("Letters.SaveNumberPatterns", in)
	return nil, err
}
