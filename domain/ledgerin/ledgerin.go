// Package ledgerin holds the rules of importing an office's old ledger
// (旧台账导入, docs/DOMAIN.md §16): which column header names which field,
// how a cell is read (dates as offices type them, Excel's serial dates, ID
// numbers a spreadsheet turned into numbers), what a row must hold, and the
// fingerprint that makes a second import of the same row add nothing.
//
// Pure: no file, no store, no clock (the caller passes today). Reading
// .xlsx and .csv is the app's (app/ledgerimport.go); the identity checks are
// domain/idcard's and domain/phone's, called here so that a row is judged
// by the same rules as the intake form.
package ledgerin

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"laifang/domain/fold"
	"laifang/domain/idcard"
	"laifang/domain/phone"
)

// Field is a case field a ledger column may fill.
type Field string

// The fields, as the mapping names them.
const (
	Name       Field = "name"       // 信访人姓名
	IDNumber   Field = "idNumber"   // 身份证号码
	Phone      Field = "phone"      // 联系电话
	Address    Field = "address"    // 住址
	Date       Field = "date"       // 来访（登记）日期
	Title      Field = "title"      // 事由、标题
	Demand     Field = "demand"     // 诉求、反映问题
	Type       Field = "type"       // 事项类别
	Category   Field = "category"   // 内容分类
	Channel    Field = "channel"    // 信访形式
	Present    Field = "present"    // 来访人数
	Unit       Field = "unit"       // 承办单位
	Result     Field = "result"     // 办理结果
	Closed     Field = "closed"     // 办结日期
	ExternalNo Field = "externalNo" // 原登记编号
)

// FieldInfo is a field as the mapping table offers it.
type FieldInfo struct {
	Field    Field  `json:"field"`
	Label    string `json:"label"`
	Required bool   `json:"required"` // a ledger without this column cannot be imported
}

// Fields are the fields in the order the mapping table lists them.
var Fields = []FieldInfo{
	{Name, "姓名", true},
	{IDNumber, "身份证号码", false},
	{Phone, "联系电话", false},
	{Address, "住址", false},
	{Date, "来访日期", true},
	{Title, "事由", false},
	{Demand, "诉求内容", true},
	{Type, "事项类别", false},
	{Category, "内容分类", false},
	{Channel, "信访形式", false},
	{Present, "来访人数", false},
	{Unit, "承办单位", false},
	{Result, "办理结果", false},
	{Closed, "办结日期", false},
	{ExternalNo, "原登记编号", false},
}

// Label is a field's Chinese name; the code itself for an unknown field.
func Label(f Field) string {
	for _, i := range Fields {
		if i.Field == f {
			return i.Label
		}
	}
	return string(f)
}

// synonyms are the header texts offices use for each field, as HeaderKey
// folds them. Checked in the order of Fields, whole header first; the
// first column that names a field takes it.
var synonyms = map[Field][]string{
	Name: {"姓名", "信访人", "信访人姓名", "来访人", "来访人姓名", "来访人员", "上访人", "上访人姓名", "反映人",
		"当事人", "主访人", "主信访人", "申请人", "名字"},
	IDNumber: {"身份证号", "身份证号码", "身份证", "证件号", "证件号码", "公民身份号码", "身份号码", "身份证件号码",
		"居民身份证号码", "证件编号"},
	Phone:   {"联系电话", "电话", "手机", "手机号", "手机号码", "电话号码", "联系方式", "联系电话号码", "联系号码"},
	Address: {"住址", "地址", "家庭住址", "现住址", "通讯地址", "联系地址", "居住地址", "户籍地址", "住所"},
	Date: {"来访日期", "登记日期", "日期", "来访时间", "登记时间", "信访日期", "接访日期", "接待日期", "收件日期",
		"来信日期", "受理日期", "时间"},
	Title: {"事由", "标题", "主题", "事项", "信访事项", "问题类型", "案由"},
	Demand: {"诉求", "诉求内容", "主要诉求", "反映问题", "反映内容", "内容", "信访内容", "主要内容", "来访事由",
		"诉求摘要", "问题", "反映事项", "基本情况", "情况摘要", "主要问题"},
	Type:       {"类别", "事项类别", "信访类别", "性质", "事项性质", "信访目的"},
	Category:   {"内容分类", "分类", "问题分类", "问题类别", "内容类别", "所属类别", "事项分类"},
	Channel:    {"渠道", "信访形式", "信访方式", "来源", "信访渠道", "形式", "方式"},
	Present:    {"人数", "来访人数", "人次", "来访人次", "人员数"},
	Unit:       {"承办单位", "责任单位", "办理单位", "交办单位", "转送单位", "承办部门", "责任部门", "处理单位"},
	Result:     {"办理结果", "结果", "处理结果", "处理情况", "办理情况", "答复意见", "答复情况", "办结情况"},
	Closed:     {"办结日期", "办结时间", "结案日期", "结案时间", "答复日期", "完成日期"},
	ExternalNo: {"登记编号", "编号", "原编号", "序号编号", "信访编号", "件号", "信访件编号", "信访信息系统编号", "系统编号"},
}

// byKey indexes the synonyms by their folded form.
var byKey = func() map[string]Field {
	m := map[string]Field{}
	for _, fi := range Fields {
		for _, s := range synonyms[fi.Field] {
			if _, dup := m[HeaderKey(s)]; !dup {
				m[HeaderKey(s)] = fi.Field
			}
		}
	}
	return m
}()

// HeaderKey folds a header as offices write it: half-width, no spaces or
// line breaks, no asterisk of a required column, no unit or note in
// brackets (“联系电话（手机）” is 联系电话), no trailing colon.
func HeaderKey(s string) string {
	s = fold.String(s)
	if i := strings.IndexAny(s, "(（["); i > 0 {
		s = s[:i]
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' || r == ':' || r == '：' || r == '　' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// FieldOf finds the field a header names; ok is false for a header that
// names none (a 序号 column, a remark).
func FieldOf(header string) (Field, bool) {
	f, ok := byKey[HeaderKey(header)]
	return f, ok
}

// Parse reads a field as the clerk names it on the command line or in a
// saved mapping: its code (demand), its label (诉求内容) or any synonym.
func Parse(s string) (Field, bool) {
	for _, fi := range Fields {
		if string(fi.Field) == s || fi.Label == s {
			return fi.Field, true
		}
	}
	return FieldOf(s)
}

// Match maps each column to the field its header names, "" for a column
// that names none or whose field an earlier column took.
func Match(headers []string) []Field {
	out := make([]Field, len(headers))
	taken := map[Field]bool{}
	for i, h := range headers {
		if f, ok := FieldOf(h); ok && !taken[f] {
			out[i], taken[f] = f, true
		}
	}
	return out
}

// Missing lists the required fields no column is mapped to.
func Missing(cols []Field) []Field {
	var out []Field
	for _, fi := range Fields {
		if fi.Required && !containsField(cols, fi.Field) {
			out = append(out, fi.Field)
		}
	}
	return out
}

func containsField(cols []Field, f Field) bool {
	for _, c := range cols {
		if c == f {
			return true
		}
	}
	return false
}

// Fingerprint identifies a ledger row by its content, whatever file it
// came in, its column order or the file's name: the mapped cells, each
// read as the rules read it (norm), in the order of Fields. So the same
// row saved as .csv or as .xlsx (where a date is a serial number) is the
// same row, and importing it again finds the case made from it
// (docs/DOMAIN.md §16).
func Fingerprint(row map[Field]string) string {
	h := sha256.New()
	for _, fi := range Fields {
		v := norm(fi.Field, row[fi.Field])
		h.Write([]byte(fi.Field))
		h.Write([]byte{0})
		h.Write([]byte(strconv.Itoa(len(v))))
		h.Write([]byte{0})
		h.Write([]byte(v))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// norm is a cell as the fingerprint reads it: a date as YYYY-MM-DD, an ID
// number in its canonical form, a phone by its key, a count without
// ".0", the rest folded (Cell).
func norm(f Field, s string) string {
	v := Cell(s)
	switch f {
	case Date, Closed:
		if d, ok := ParseDate(v); ok {
			return d.String()
		}
	case IDNumber:
		return idcard.Normalize(v)
	case Phone:
		if k := phone.Key(v); k != "" {
			return k
		}
	case Present:
		return strings.TrimSuffix(strings.TrimSuffix(v, "人"), ".0")
	}
	return v
}

// Shown is a cell as the mapping table shows it: a workbook's serial day
// in a date column as the date it stands for (46083 as 2026-03-02), any
// other cell as its text.
func Shown(f Field, s string) string {
	v := strings.TrimSpace(s)
	if (f == Date || f == Closed) && isSerial(v) {
		if d, ok := ParseDate(v); ok {
			return d.String()
		}
	}
	return v
}

// Cell is a cell's text as the rules read it: half-width, spaces at the
// ends and runs of spaces and line breaks inside made one space.
func Cell(s string) string {
	return strings.Join(strings.Fields(fold.String(s)), " ")
}
