// Package dict holds the default code lists (字典) an office starts with:
// channels, kinds of matter, content categories in two levels, reasons for
// not accepting, outcomes, petitioner roles, document types, disposals and
// satisfaction ratings.
//
// Why defaults and not constants: every county and province names these a
// little differently (the national content-category list was renamed after
// 2018 and offices map to their province's), so the office edits its own
// copy, which the store keeps (store.SetDict / Dict). These are what a new
// office gets, and what "restore the defaults" brings back. The UI never
// hard-codes a label.
//
// Codes are stable; labels are what the office may rename. Where records
// already keep the term itself (store.Case.Channel "走访", Type "申诉求决",
// Disposal "当场答复", Outcome "予以支持", CasePerson.Role "主信访人",
// Person.IDType), the term is the code, so existing data and the synthetic
// generator (store/gen) match without a mapping. The content categories
// keep the numeric codes store/gen uses ("07" 劳动社保), with 4-digit codes
// for the second level ("0701"). Reasons for not accepting are numbered
// as in docs/DOMAIN.md §9.
package dict

import (
	"slices"

	"laifang/domain/casestate"
	"laifang/domain/idcard"
)

// Entry is one code of a list; the fields map one to one onto
// store.DictEntry.
type Entry struct {
	Code   string `json:"code"`
	Label  string `json:"label"`
	Parent string `json:"parent,omitempty"` // the first-level code of a second-level entry
	Sort   int    `json:"sort"`
	Active bool   `json:"active"`
}

// List is a named code list.
type List struct {
	Name    string  `json:"name"`  // the store's list name
	Label   string  `json:"label"` // its Chinese name in settings
	Entries []Entry `json:"entries"`
}

// The list names, as store.Dict keys them.
const (
	Channel     = "channel"      // 信访形式/渠道
	Type        = "type"         // 事项类别
	Category    = "category"     // 内容分类 (two levels)
	NotAccepted = "not_accepted" // 不予受理、不再受理原因
	Outcome     = "outcome"      // 处理结果
	Role        = "role"         // 信访人身份
	IDType      = "id_type"      // 证件类型
	Disposal    = "disposal"     // 处理方式 at registration
	Rating      = "rating"       // 满意度
)

func flat(name, label string, labels ...string) List {
	l := List{Name: name, Label: label}
	for i, s := range labels {
		l.Entries = append(l.Entries, Entry{Code: s, Label: s, Sort: i + 1, Active: true})
	}
	return l
}

func coded(name, label string, pairs ...string) List {
	l := List{Name: name, Label: label}
	for i := 0; i+1 < len(pairs); i += 2 {
		l.Entries = append(l.Entries, Entry{Code: pairs[i], Label: pairs[i+1], Sort: i/2 + 1, Active: true})
	}
	return l
}

// category builds the two-level content list: first-level codes are two
// digits; a second-level code is its parent's code and two more digits.
// Every first level with children also gets "99 其他" so the clerk always
// has somewhere to file a matter.
func category() List {
	l := List{Name: Category, Label: "内容分类"}
	type top struct {
		code, label string
		children    []string
	}
	// The legacy national list (docs/DOMAIN.md §9), with the names most
	// offices use since the 2018 reform (卫生计生 → 卫生健康, 国土资源 →
	// 自然资源, 农村农业 → 农业农村) and the codes store/gen uses. The
	// second level is the research notes' illustrative examples, no more.
	tops := []top{
		{"01", "政治综合", nil},
		{"02", "经济综合", nil},
		{"03", "宣传舆论", nil},
		{"04", "纪检监察", []string{"违反廉洁纪律", "违反工作纪律", "作风问题"}},
		{"05", "组织人事", nil},
		{"06", "政法", nil},
		{"07", "劳动社保", []string{"工资拖欠", "社会保险", "劳动关系", "工伤"}},
		{"08", "卫生健康", []string{"医疗纠纷", "医德医风", "医保"}},
		{"09", "教育", nil},
		{"10", "科技文体", nil},
		{"11", "城乡建设", []string{"征收拆迁", "物业管理", "住房保障", "违法建设"}},
		{"12", "自然资源", nil},
		{"13", "农业农村", []string{"土地承包", "宅基地", "集体经济", "惠农补贴"}},
		{"14", "民政", nil},
		{"15", "交通能源环保", nil},
		{"16", "商贸旅游", nil},
		{"17", "信息产业", nil},
		{"18", "其他", nil},
	}
	for i, t := range tops {
		l.Entries = append(l.Entries, Entry{Code: t.code, Label: t.label, Sort: i + 1, Active: true})
		for j, c := range t.children {
			l.Entries = append(l.Entries, Entry{Code: t.code + pad2(j+1), Label: c, Parent: t.code, Sort: j + 1, Active: true})
		}
		if len(t.children) > 0 {
			l.Entries = append(l.Entries, Entry{Code: t.code + "99", Label: "其他", Parent: t.code, Sort: 99, Active: true})
		}
	}
	return l
}

func pad2(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// Defaults returns a fresh copy of every default list, in the order the
// settings screen shows them.
func Defaults() []List {
	var disposals []string
	for _, t := range casestate.Disposals() {
		disposals = append(disposals, t.Disposal)
	}
	var ids []string
	for _, t := range idcard.Types() {
		ids = append(ids, string(t))
	}
	return []List{
		// 2022条例 art. 17 and the channels 信访 ledgers use (docs/DOMAIN.md §9).
		flat(Channel, "信访形式", "走访", "来信", "网上信访", "来电", "传真", "电子邮件", "领导信箱",
			"上级转送", "上级交办", "领导批示", "12345分流", "联合接访"),
		// arts. 29–31, plus consultation and other (docs/DOMAIN.md §9).
		flat(Type, "事项类别", "申诉求决", "检举控告", "建议意见", "咨询", "其他"),
		category(),
		// docs/DOMAIN.md §9. 05 and 07 are the grounds for 不再受理; the others for
		// 不予受理. (Name or address unclear is not one: such a matter is
		// registered and simply gets no written notice, art. 23 para 2.)
		coded(NotAccepted, "不予受理、不再受理原因",
			"01", "属于人大、法院、检察院职权范围，或应当通过诉讼、仲裁、行政复议等法定途径解决",
			"02", "不属于本机关（单位）职权范围",
			"03", "已经受理或者正在办理，在规定期限内又向上级机关提出",
			"04", "越级走访",
			"05", "已经复核终结，以同一事实和理由再次提出（不再受理）",
			"06", "超过复查、复核申请期限且无正当理由",
			"07", "涉法涉诉事项已依法终结（不再受理）",
			"08", "已达成调解协议并已生效",
		),
		// art. 32: the only three a 处理意见书 may carry.
		flat(Outcome, "处理结果", casestate.Outcomes...),
		flat(Role, "信访人身份", "主信访人", "代表", "随访人", "代理人", "联名人"),
		flat(IDType, "证件类型", ids...),
		flat(Disposal, "处理方式", disposals...),
		// docs/DOMAIN.md §9: the choices are unverified for 国信发〔2022〕11号; 未评价 is
		// kept apart from a rating.
		flat(Rating, "满意度", "满意", "基本满意", "不满意", "未评价"),
	}
}

// Default returns one default list by name.
func Default(name string) (List, bool) {
	for _, l := range Defaults() {
		if l.Name == name {
			return l, true
		}
	}
	return List{}, false
}

// Lookup finds an entry by code.
func (l List) Lookup(code string) (Entry, bool) {
	for _, e := range l.Entries {
		if e.Code == code {
			return e, true
		}
	}
	return Entry{}, false
}

// Children lists the active entries under a parent ("" for the first
// level), in their sort order.
func (l List) Children(parent string) []Entry {
	var out []Entry
	for _, e := range l.Entries {
		if e.Parent == parent && e.Active {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return a.Sort - b.Sort })
	return out
}

// Validate checks an edited list: codes present and unique, labels
// present, parents existing and first-level (two levels at most).
func (l List) Validate() error {
	seen := map[string]Entry{}
	for i, e := range l.Entries {
		if e.Code == "" || len(e.Code) > 40 {
			return ErrCode.at(i, "code")
		}
		if e.Label == "" {
			return ErrLabel.at(i, "label")
		}
		if _, dup := seen[e.Code]; dup {
			return ErrDuplicate.at(i, "code")
		}
		seen[e.Code] = e
	}
	for i, e := range l.Entries {
		if e.Parent == "" {
			continue
		}
		p, ok := seen[e.Parent]
		if !ok || p.Parent != "" {
			return ErrParent.at(i, "parent")
		}
	}
	return nil
}
