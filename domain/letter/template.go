package letter

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is a refusal of a template or a pattern, with a stable code, a
// Chinese message and the field it is about ("body", "patterns").
type Error struct {
	code, message, field string
	Line                 int    // the template's line (1-based), 0 for none
	Placeholder          string // the placeholder it is about, "" for none
}

func (e *Error) Error() string   { return e.code + ": " + e.message }
func (e *Error) Code() string    { return e.code }
func (e *Error) Message() string { return e.message }
func (e *Error) Field() string   { return e.field }

// Codes of the refusals.
const (
	CodeUnknown  = "letter.placeholder" // a placeholder not in the vocabulary
	CodeUnclosed = "letter.unclosed"    // {{ without }}
	CodeShape    = "letter.shape"       // a line the form cannot take
	CodeEmpty    = "letter.empty"       // no text at all
	CodePattern  = "letter.pattern"     // a 文号 pattern refused
)

// MaxTemplate is the longest template text accepted (characters).
const MaxTemplate = 20000

// Part is what a template's line is.
type Part int

// The parts of a letter.
const (
	PartTitle Part = iota
	PartAddressee
	PartParagraph
	PartRow
	PartBox
	PartAttachment
	PartCopyTo
	PartContact
)

// Line is one line of a template: its part, the label (a row's, a box's
// title) and the text with its placeholders.
type Line struct {
	Part  Part
	Label string
	Text  string
	No    int // the line in the template text
}

// Template is a parsed template.
type Template struct {
	Form  string
	Lines []Line
}

// Prefixes of the lines that are not paragraphs.
const (
	prefixTitle      = "标题："
	prefixAttachment = "附件："
	prefixCopyTo     = "抄送："
	prefixContact    = "联系人："
)

// Parse reads a template's text (docs/DOMAIN.md §12.1): one part a line.
// Lines are trimmed and empty ones skipped. "标题：" is the title, "附件：" an
// attachment, "抄送：" the copy-to line, a line starting "联系人：" the contact
// line (kept whole), "【签收】…" a line of a box (of a slip) and
// "【签收】（留空3行）" its space for handwriting. In a letter the first other
// line is the addressee (ending with "："), the rest paragraphs; in a slip a
// first line ending with "：" is the addressee, a line "标签：值" a row, any
// other line a paragraph. Every {{…}} must name a placeholder.
func Parse(form, body string) (*Template, error) {
	if utf8.RuneCountInString(body) > MaxTemplate {
		return nil, &Error{code: CodeShape, field: "body",
			message: fmt.Sprintf("模板太长（最多 %d 个字）。", MaxTemplate)}
	}
	t := &Template{Form: form}
	first := true
	for i, raw := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		no := i + 1
		s := strings.TrimSpace(strings.ReplaceAll(raw, "\r", ""))
		if s == "" {
			continue
		}
		if err := checkPlaceholders(s, no); err != nil {
			return nil, err
		}
		ln := Line{No: no}
		switch {
		case strings.HasPrefix(s, prefixTitle):
			ln.Part, ln.Text = PartTitle, strings.TrimSpace(strings.TrimPrefix(s, prefixTitle))
		case strings.HasPrefix(s, prefixAttachment):
			ln.Part, ln.Text = PartAttachment, strings.TrimSpace(strings.TrimPrefix(s, prefixAttachment))
		case strings.HasPrefix(s, prefixCopyTo):
			ln.Part, ln.Text = PartCopyTo, strings.TrimSpace(strings.TrimPrefix(s, prefixCopyTo))
		case strings.HasPrefix(s, prefixContact):
			ln.Part, ln.Text = PartContact, s
		case strings.HasPrefix(s, "【"):
			end := strings.Index(s, "】")
			if end < 0 || end == len("【") {
				return nil, lineError(no, "框的写法应为“【框名】框内文字”，例如“【签收】签收人：”。")
			}
			if form != FormSlip {
				return nil, lineError(no, "只有单、回证一类的表格文书才有手填的框。")
			}
			ln.Part, ln.Label, ln.Text = PartBox, s[len("【"):end], strings.TrimSpace(s[end+len("】"):])
		case first && (form == FormLetter || strings.HasSuffix(s, "：") && strings.Count(s, "：") == 1):
			if form == FormLetter && !strings.HasSuffix(s, "：") && !strings.HasSuffix(s, ":") {
				return nil, lineError(no, "信函的第一行是称呼，应以“：”结尾，例如“{{信访人称呼}}：”。")
			}
			ln.Part, ln.Text = PartAddressee, strings.TrimRight(s, ":：")
		case form == FormSlip && strings.Contains(s, "："):
			j := strings.Index(s, "：")
			ln.Part, ln.Label, ln.Text = PartRow, strings.TrimSpace(s[:j]), strings.TrimSpace(s[j+len("："):])
			if ln.Label == "" {
				return nil, lineError(no, "表格的一行应写成“标签：内容”，标签不能为空。")
			}
		default:
			ln.Part, ln.Text = PartParagraph, s
		}
		if ln.Part == PartAddressee || ln.Part == PartParagraph || ln.Part == PartRow {
			first = false // the addressee comes before the body; the other parts may stand anywhere
		}
		t.Lines = append(t.Lines, ln)
	}
	if len(t.Lines) == 0 {
		return nil, &Error{code: CodeEmpty, field: "body", message: "模板没有内容。"}
	}
	return t, nil
}

func lineError(no int, msg string) *Error {
	return &Error{code: CodeShape, field: "body", Line: no, message: "第 " + strconv.Itoa(no) + " 行：" + msg}
}

// checkPlaceholders refuses an unclosed {{ and a name not in the
// vocabulary, naming it and the line.
func checkPlaceholders(s string, no int) error {
	for rest := s; ; {
		i := strings.Index(rest, "{{")
		if i < 0 {
			return nil
		}
		rest = rest[i+2:]
		j := strings.Index(rest, "}}")
		if j < 0 {
			return &Error{code: CodeUnclosed, field: "body", Line: no,
				message: "第 " + strconv.Itoa(no) + " 行：“{{”没有对应的“}}”，占位符应写成{{信访人}}这样。"}
		}
		name := strings.TrimSpace(rest[:j])
		if _, ok := PlaceholderOf(name); !ok {
			msg := "第 " + strconv.Itoa(no) + " 行：没有“{{" + name + "}}”这个占位符"
			if near := nearest(name); near != "" {
				msg += "，是否应为“{{" + near + "}}”"
			}
			return &Error{code: CodeUnknown, field: "body", Line: no, Placeholder: name,
				message: msg + "？请从占位符列表中选用。"}
		}
		rest = rest[j+2:]
	}
}

// nearest is the placeholder a misspelled name most likely meant: one at
// most two edits away, "" when none is.
func nearest(name string) string {
	best, bestD := "", 3
	for _, p := range Placeholders {
		if d := distance([]rune(name), []rune(p.Name)); d < bestD {
			best, bestD = p.Name, d
		}
	}
	return best
}

func distance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// Uses tells whether the template holds any of the placeholders names:
// what is costly to look up is looked up only for a template that asks.
func (t *Template) Uses(names ...string) bool {
	for _, ln := range t.Lines {
		for _, n := range names {
			if strings.Contains(ln.Text, "{{"+n+"}}") {
				return true
			}
		}
	}
	return false
}

// Values fill a template: placeholder name → text. A name absent or
// blank is missing (an optional one reads 无).
type Values map[string]string

// Row is a slip's row.
type Row struct {
	Label, Value string
	Wide         bool
}

// Box is a slip's part filled by hand.
type Box struct {
	Title  string
	Lines  []string
	Height int
}

// Doc is a filled template.
type Doc struct {
	Title       string
	Addressee   string
	Paragraphs  []string
	Rows        []Row
	Boxes       []Box
	Attachments []string
	Contact     string
	CopyTo      string
	// Missing are the placeholders with no value, in the order they first
	// appear; the text shows Missing(name) in their place.
	Missing []string
}

// Fill fills the template with v. A value is put in as it is: nothing in
// it is read as a placeholder or as markup.
func (t *Template) Fill(v Values) Doc {
	var d Doc
	seen := map[string]bool{}
	fill := func(s string) string {
		var b strings.Builder
		for {
			i := strings.Index(s, "{{")
			if i < 0 {
				b.WriteString(s)
				return b.String()
			}
			b.WriteString(s[:i])
			j := strings.Index(s[i+2:], "}}") // Parse made sure it is there
			name := strings.TrimSpace(s[i+2 : i+2+j])
			s = s[i+2+j+2:]
			val := strings.TrimSpace(v[name])
			if val == "" {
				if p, _ := PlaceholderOf(name); p.Optional {
					val = "无"
				} else {
					if !seen[name] {
						seen[name] = true
						d.Missing = append(d.Missing, name)
					}
					val = Missing(name)
				}
			}
			b.WriteString(val)
		}
	}
	boxes := map[string]int{}
	for _, ln := range t.Lines {
		text := fill(ln.Text)
		switch ln.Part {
		case PartTitle:
			d.Title = text
		case PartAddressee:
			d.Addressee = addresseeOf(text)
		case PartParagraph:
			d.Paragraphs = append(d.Paragraphs, text)
		case PartRow:
			d.Rows = append(d.Rows, Row{Label: ln.Label, Value: text,
				Wide: utf8.RuneCountInString(text) > Wide || strings.Contains(text, "\n")})
		case PartBox:
			i, ok := boxes[ln.Label]
			if !ok {
				i = len(d.Boxes)
				boxes[ln.Label] = i
				d.Boxes = append(d.Boxes, Box{Title: ln.Label, Lines: []string{}})
			}
			if n, ok := blankLines(text); ok {
				d.Boxes[i].Height = n
			} else if text != "" {
				d.Boxes[i].Lines = append(d.Boxes[i].Lines, text)
			}
		case PartAttachment:
			d.Attachments = append(d.Attachments, text)
		case PartCopyTo:
			d.CopyTo = text
		case PartContact:
			d.Contact = text
		}
	}
	return d
}

// blankLines reads "（留空3行）", a box's space for handwriting.
func blankLines(s string) (int, bool) {
	if !strings.HasPrefix(s, "（留空") || !strings.HasSuffix(s, "行）") {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(s, "（留空"), "行）"))
	if err != nil || n < 0 || n > 30 {
		return 0, false
	}
	return n, true
}
