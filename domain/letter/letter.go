// Package letter holds the rules of the reply letters and slips (文书):
// which letters there are, the placeholder words a template may use, how
// a template is read and filled, and the 文号 patterns. It reads no file
// and no clock (docs/DOMAIN.md §12.1).
package letter

import (
	"strings"
)

// Forms and addressees of a letter.
const (
	FormLetter = "letter" // title, addressee, paragraphs, sign-off
	FormSlip   = "slip"   // rows of label and value, boxes filled by hand

	ToPetitioner = "petitioner"
	ToDepartment = "department"

	NeedsCase = "case" // filled from a case
	NeedsTask = "task" // filled from a department's task (and its case)
)

// Kind is a kind of letter.
type Kind struct {
	Key   string // the stable key ("accept")
	Label string // 受理告知书
	Form  string // FormLetter or FormSlip
	To    string // ToPetitioner or ToDepartment
	Needs string // NeedsCase or NeedsTask
	Code  string // the type's code in the default 文号 (信受)
	// Head: a decision that binds the office (受理, 不再受理, 延期, the
	// replies): the head issues it. The others are the desk's.
	Head bool
}

// Kinds are the letters, in the order the UI offers them.
var Kinds = []Kind{
	{Key: "accept", Label: "受理告知书", Form: FormLetter, To: ToPetitioner, Needs: NeedsCase, Code: "信受", Head: true},
	{Key: "reject", Label: "不予受理告知书", Form: FormLetter, To: ToPetitioner, Needs: NeedsCase, Code: "信不受"},
	{Key: "noRehear", Label: "不再受理告知书", Form: FormLetter, To: ToPetitioner, Needs: NeedsCase, Code: "信不再受", Head: true},
	{Key: "transfer", Label: "转送告知书", Form: FormLetter, To: ToPetitioner, Needs: NeedsCase, Code: "信转告"},
	{Key: "toCompetent", Label: "告知向有权机关提出告知书", Form: FormLetter, To: ToPetitioner, Needs: NeedsCase, Code: "信告"},
	{Key: "routeLegal", Label: "导入法定程序告知书", Form: FormLetter, To: ToPetitioner, Needs: NeedsCase, Code: "信导"},
	{Key: "extend", Label: "延期告知书", Form: FormLetter, To: ToPetitioner, Needs: NeedsCase, Code: "信延", Head: true},
	{Key: "opinion", Label: "处理意见书", Form: FormLetter, To: ToPetitioner, Needs: NeedsCase, Code: "信处", Head: true},
	{Key: "review", Label: "复查意见书", Form: FormLetter, To: ToPetitioner, Needs: NeedsCase, Code: "信复查", Head: true},
	{Key: "recheck", Label: "复核意见书", Form: FormLetter, To: ToPetitioner, Needs: NeedsCase, Code: "信复核", Head: true},
	{Key: "receipt", Label: "送达回证", Form: FormSlip, To: ToPetitioner, Needs: NeedsCase, Code: "信送"},
	{Key: "assign", Label: "交办单", Form: FormSlip, To: ToDepartment, Needs: NeedsTask, Code: "信交"},
	{Key: "forward", Label: "转送单", Form: FormSlip, To: ToDepartment, Needs: NeedsTask, Code: "信转"},
	{Key: "urge", Label: "催办单", Form: FormSlip, To: ToDepartment, Needs: NeedsTask, Code: "信催"},
	{Key: "supervise", Label: "督办单", Form: FormSlip, To: ToDepartment, Needs: NeedsTask, Code: "信督"},
}

// KindOf finds a kind by its key, or by its label (letters written before
// the kinds had keys carry the label).
func KindOf(key string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Key == key || k.Label == key {
			return k, true
		}
	}
	return Kind{}, false
}

// Placeholder is a word a template may use, and what it takes.
type Placeholder struct {
	Name  string // without braces
	Takes string // what it is filled with, in the words of the screen
	// Optional: a value the case may well not have; left empty it reads
	// 无 instead of stopping the letter.
	Optional bool
}

// Placeholders are the words a template may use, in the order the editor
// lists them.
var Placeholders = []Placeholder{
	{Name: "信访人", Takes: "主要信访人的姓名（多人来访为“张三等5人”）；保密件的交办、转送、催办、督办单上为“（保密）”"},
	{Name: "信访人称呼", Takes: "称呼信访人的写法，同“信访人”"},
	{Name: "登记编号", Takes: "信访事项的登记编号"},
	{Name: "来访日期", Takes: "信访人来访（收到信访事项）的日期"},
	{Name: "登记日期", Takes: "登记的日期"},
	{Name: "来源", Takes: "事项的来源：走访，或上级来文的机关和文号"},
	{Name: "诉求摘要", Takes: "登记时填写的诉求摘要"},
	{Name: "受理日期", Takes: "受理的日期"},
	{Name: "办理期限", Takes: "按时限方案算出的办理期限（受理之日起60日，节假日顺延）"},
	{Name: "不予受理理由", Takes: "不予受理、不再受理时选择的理由"},
	{Name: "有权机关", Takes: "告知信访人向其提出的有权机关或法定途径"},
	{Name: "复查机关", Takes: "单位设置中的复查机关"},
	{Name: "复核机关", Takes: "单位设置中的复核机关"},
	{Name: "承办单位", Takes: "转送、交办的承办单位（任务的单位；事项的承办单位）"},
	{Name: "交办日期", Takes: "交办单、转送单开出的日期"},
	{Name: "办结时限", Takes: "任务的办结时限（批准延期后为延长后的日期）"},
	{Name: "办理要求", Takes: "任务的办理要求", Optional: true},
	{Name: "拟办意见", Takes: "登记时填写的拟办意见", Optional: true},
	{Name: "领导批示", Takes: "领导批示", Optional: true},
	{Name: "交办单号", Takes: "这项任务的交办单（转送单）的文号"},
	{Name: "催办次数", Takes: "这项任务的第几次催办（督办）"},
	{Name: "催办内容", Takes: "最近一次催办（督办）所写的内容"},
	{Name: "答复结果", Takes: "处理意见：予以支持、解释说明或不予支持"},
	{Name: "答复内容", Takes: "出具处理意见书时填写的处理意见"},
	{Name: "答复日期", Takes: "出具处理意见书的日期"},
	{Name: "原文号", Takes: "被复查（复核）的意见书的文号"},
	{Name: "复查申请日期", Takes: "收到复查申请的日期"},
	{Name: "复查结论", Takes: "复查结论：维持、变更或责令重新办理"},
	{Name: "复核申请日期", Takes: "收到复核申请的日期"},
	{Name: "复核结论", Takes: "复核结论：维持、变更或责令重新办理"},
	{Name: "延期理由", Takes: "批准延期时填写的理由"},
	{Name: "延期天数", Takes: "批准延长的天数"},
	{Name: "延期至", Takes: "延期后的办理期限"},
	{Name: "送达文书", Takes: "要送达的文书：本事项最近出具给信访人的文书名称和文号"},
	{Name: "发文机关", Takes: "单位设置中的单位名称"},
	{Name: "联系人", Takes: "出具文书的工作人员的姓名"},
	{Name: "联系电话", Takes: "单位设置中的联系电话"},
}

// PlaceholderOf finds a placeholder by name.
func PlaceholderOf(name string) (Placeholder, bool) {
	for _, p := range Placeholders {
		if p.Name == name {
			return p, true
		}
	}
	return Placeholder{}, false
}

// Wide is how long (in characters) a slip's value may be and still share
// its line with another row.
const Wide = 12

// Missing marks a placeholder the case cannot fill, in a preview: the
// letter is shown with it, and cannot be printed or issued.
func Missing(name string) string { return "【待补：" + name + "】" }

// addresseeOf ends an addressee line with the full-width colon.
func addresseeOf(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ":：")
	if s == "" {
		return ""
	}
	return s + "："
}
