package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/dict"
	"laifang/domain/idcard"
	"laifang/domain/petitioner"
	"laifang/domain/phone"
	"laifang/store"
)

// The intake form (来访登记表, docs/DOMAIN.md §6) as the UI sends
// it, and its checks. Every rule is here, in Go, once: the UI shows the
// Issues next to the inputs their Field names.

// Case types (事项类别), the codes of dict.Type.
const (
	TypeComplaint  = "申诉求决"
	TypeSuggestion = "建议意见"
	TypeConsult    = "咨询"
	TypeOther      = "其他"
)

// ChannelVisit is the channel of an in-person visit (走访).
const ChannelVisit = "走访"

// Defaults of the office settings the intake uses.
const (
	DefaultGroupThreshold = 5 // 集体访 from this many people present
	DefaultMaxDelegates   = 5 // art. 20 para 3: at most 5 representatives
)

// PersonInput is one petitioner on the form. ID is set when the clerk took
// the person from the file (the repeat panel); a new person whose document
// number is already on file is matched to that person.
type PersonInput struct {
	ID        uint64 `json:"id"`
	Role      string `json:"role"`
	Name      string `json:"name"`
	Anonymous bool   `json:"anonymous"`
	Sex       string `json:"sex"`   // "M", "F" or ""
	Birth     string `json:"birth"` // YYYY-MM-DD; derived from a citizen ID number
	IDType    string `json:"idType"`
	IDNumber  string `json:"idNumber"`
	Phone     string `json:"phone"`
	Phone2    string `json:"phone2"`
	Address   string `json:"address"`   // 现住址/通讯地址
	Household string `json:"household"` // 户籍地址
	Postcode  string `json:"postcode"`
	Workplace string `json:"workplace"`
	Relation  string `json:"relation"` // 代理人: relation to the petitioner
}

// RegisterInput is the whole form.
type RegisterInput struct {
	// A. Registration header.
	ReceivedAt    string `json:"receivedAt"` // 来访时间, YYYY-MM-DDTHH:MM
	Channel       string `json:"channel"`
	ExternalNo    string `json:"externalNo"` // 信访信息系统编号
	Reception     string `json:"reception"`  // 接待地点/窗口
	IncomingOrg   string `json:"incomingOrg"`
	IncomingDocNo string `json:"incomingDocNo"`
	IncomingDate  string `json:"incomingDate"`
	IncomingDue   string `json:"incomingDue"`

	// B. Petitioners, the main one first.
	People []PersonInput `json:"people"`

	// C. Scale.
	Present  int `json:"present"`  // 来访人数
	Involved int `json:"involved"` // 涉及人数, 0 unknown

	// D. Matter.
	Title        string   `json:"title"`
	Demand       string   `json:"demand"`
	Facts        string   `json:"facts"`
	Region       string   `json:"region"` // 问题发生地
	Site         string   `json:"site"`   // street, village
	Accused      string   `json:"accused"`
	AccusedUnit  uint64   `json:"accusedUnit"` // 被反映单位, one of the departments; 0: none
	Type         string   `json:"type"`
	Category     string   `json:"category"`
	Category2    string   `json:"category2"`
	Litigation   bool     `json:"litigation"`
	SkipLevel    bool     `json:"skipLevel"`
	Repeat       bool     `json:"repeat"`
	Urgent       bool     `json:"urgent"`
	Confidential bool     `json:"confidential"`
	RealName     bool     `json:"realName"`
	RiskTags     []string `json:"riskTags"`
	Prior        string   `json:"prior"` // 以往反映情况

	// NotConfidential: a person on the form is on a confidential case (a
	// whistle-blower), and a user with the confidential grant decides that
	// this case need not hide him. Ignored without the grant.
	NotConfidential bool `json:"notConfidential"`

	// E. Disposal at registration: a casestate.Action.
	Disposal string `json:"disposal"`
	Reason   string `json:"reason"` // 不予受理原因 code
	Body     string `json:"body"`   // the competent body or procedure told
	UnitID   uint64 `json:"unitId"`
	Unit     string `json:"unit"` // a unit not on file yet
	Due      string `json:"due"`  // 交办期限
	Opinion  string `json:"opinion"`

	Record RecordInput `json:"record"`

	// Repeat visitors: LinkCase records this visit on an existing case (a
	// repeat: its visit count goes up, no new case); FirstCase opens a new
	// case linked to an earlier one.
	LinkCase  uint64 `json:"linkCase"`
	FirstCase uint64 `json:"firstCase"`
}

// Derived is what Go reads from a petitioner's document number.
type Derived struct {
	Sex   string `json:"sex"`
	Birth string `json:"birth"`
	Area  string `json:"area"`
}

// CheckResult is the form's state as Go sees it: what must be corrected,
// what to look at, and what follows from the input.
type CheckResult struct {
	Errors   []Issue   `json:"errors"`
	Warnings []Issue   `json:"warnings"`
	People   []Derived `json:"people"`
	Group    bool      `json:"group"`
	// Required are the inputs that must be filled for the form as it
	// stands (Issue.Field paths: "channel", "people[0].address", "due"…),
	// from the same statements that refuse them when empty.
	Required []string `json:"required"`
	// Present is how many of the people on the form count as present
	// (everyone but co-signers): the least 来访人数 can be.
	Present int `json:"present"`
	// Limits the form shows next to the counts.
	GroupThreshold int `json:"groupThreshold"`
	MaxDelegates   int `json:"maxDelegates"`
	// Scripts names the wording entries the reception record cites, in
	// its order: the form shows their titles, not their ids.
	Scripts []WordingRef `json:"scripts"`
}

// intakeRules is what checking a form needs from the file.
type intakeRules struct {
	now          time.Time
	threshold    int
	maxDelegates int
	lists        map[string]dict.List
	mayRisk      bool
	step         casestate.Input // who is acting, as the state machine needs it (stepInput)
	linked       *store.Case     // the case of LinkCase
	accusedUnit  *store.Unit     // the unit of AccusedUnit; nil: none or unknown
	unit         *store.Unit     // the department of UnitID, or of the name typed (unitByName); nil: none on file
	// onFile tells which people of the form are already on file (taken
	// from the file, or their document number is): what the file has of
	// them (address, phone) need not be typed again.
	onFile []bool
}

func (r *intakeRules) known(i int) bool { return i < len(r.onFile) && r.onFile[i] }

func (r *intakeRules) has(list, code string) bool {
	e, ok := r.lists[list].Lookup(code)
	return ok && e.Active
}

// Length limits, in characters: long enough for any real form, short
// enough that a pasted file is refused.
const (
	maxName  = 50
	maxShort = 100
	maxLine  = 300
	maxText  = 20000
	// maxPresent bounds the number of people present at one visit.
	maxPresent = 100000
)

func trimInput(in *RegisterInput) {
	t := strings.TrimSpace
	in.ReceivedAt, in.Channel, in.ExternalNo, in.Reception = t(in.ReceivedAt), t(in.Channel), t(in.ExternalNo), t(in.Reception)
	in.IncomingOrg, in.IncomingDocNo, in.IncomingDate, in.IncomingDue = t(in.IncomingOrg), t(in.IncomingDocNo), t(in.IncomingDate), t(in.IncomingDue)
	in.Title, in.Demand, in.Facts, in.Region, in.Site = t(in.Title), t(in.Demand), t(in.Facts), t(in.Region), t(in.Site)
	in.Accused, in.Type, in.Category, in.Category2, in.Prior = t(in.Accused), t(in.Type), t(in.Category), t(in.Category2), t(in.Prior)
	in.Disposal, in.Reason, in.Body, in.Unit, in.Due, in.Opinion = t(in.Disposal), t(in.Reason), t(in.Body), t(in.Unit), t(in.Due), t(in.Opinion)
	for i := range in.People {
		p := &in.People[i]
		p.Role, p.Name, p.Sex, p.Birth, p.IDType = t(p.Role), t(p.Name), t(p.Sex), t(p.Birth), t(p.IDType)
		p.IDNumber, p.Phone, p.Phone2, p.Address, p.Household = t(p.IDNumber), t(p.Phone), t(p.Phone2), t(p.Address), t(p.Household)
		p.Postcode, p.Workplace, p.Relation = t(p.Postcode), t(p.Workplace), t(p.Relation)
		if p.IDType == "" {
			p.IDType = string(idcard.Resident)
		}
	}
	trimRecord(&in.Record)
	tags := in.RiskTags[:0]
	for _, s := range in.RiskTags {
		if s = t(s); s != "" {
			tags = append(tags, s)
		}
	}
	in.RiskTags = tags
}

// slack allows for a PC clock a little behind the clerk's watch.
const slack = 5 * time.Minute

// checkIntake checks the whole form and returns every problem at once.
func checkIntake(in *RegisterInput, r *intakeRules) CheckResult {
	var is issues
	out := CheckResult{GroupThreshold: r.threshold, MaxDelegates: r.maxDelegates}
	linked := in.LinkCase != 0
	today := civil.DateOf(r.now)

	// A. Header. A visit time left empty is the server's clock at the save
	// (Register stamps it): the clerk's PC's clock never counts.
	received := r.now
	if in.ReceivedAt == "" {
		// stamped by Register
	} else if t, ok := parseMoment(in.ReceivedAt); !ok {
		is.err("receivedAt", CodeDate, "来访时间格式应为 2026-03-02 09:30。")
	} else if t.After(r.now.Add(slack)) {
		is.err("receivedAt", CodeFuture, "来访时间不能晚于现在。")
	} else {
		received = t
	}
	if !linked && is.need("channel", in.Channel != "", CodeRequired, "请选择信访形式。") && !r.has(dict.Channel, in.Channel) {
		is.err("channel", CodeDict, "信访形式不在字典中，请从列表中选择。")
	}
	checkLen(&is, "externalNo", "信访信息系统编号", in.ExternalNo, maxShort)
	checkLen(&is, "reception", "接待地点", in.Reception, maxShort)
	incoming := in.IncomingOrg != "" || in.IncomingDocNo != "" || in.IncomingDate != ""
	if strings.HasPrefix(in.Channel, "上级") && !linked {
		is.need("incomingOrg", in.IncomingOrg != "", CodeRequired, "上级转送、交办的事项请填写来文单位。")
	}
	if incoming || in.IncomingDue != "" {
		checkLen(&is, "incomingOrg", "来文单位", in.IncomingOrg, maxShort)
		checkLen(&is, "incomingDocNo", "来文文号", in.IncomingDocNo, maxShort)
		checkPastDate(&is, "incomingDate", "来文日期", in.IncomingDate, today)
		if in.IncomingDue != "" {
			if _, err := civil.Parse(in.IncomingDue); err != nil {
				is.err("incomingDue", CodeDate, "要求办结日期格式应为 2026-03-02。")
			}
		}
	}

	// B. Petitioners.
	out.People = make([]Derived, len(in.People))
	caseType := in.Type
	if linked && r.linked != nil {
		caseType = r.linked.Type
	}
	visit := in.Channel == ChannelVisit || linked
	is.need("people", len(in.People) > 0, "intake.people", "请至少登记一名信访人。")
	if len(in.People) > 200 {
		is.err("people", "intake.people_many", "一次登记的信访人不能超过 200 人；人数多时只登记代表，其余记入涉及人数。")
	}
	mains, delegates, present := 0, 0, 0
	seen := map[string]int{}
	for i := range in.People {
		p := &in.People[i]
		f := func(name string) string { return fmt.Sprintf("people[%d].%s", i, name) }
		if is.need(f("role"), p.Role != "", "intake.role", "请选择信访人身份（主信访人、代表、随访人、代理人或联名人）。") &&
			!r.has(dict.Role, p.Role) {
			is.err(f("role"), "intake.role", "请选择信访人身份（主信访人、代表、随访人、代理人或联名人）。")
		}
		switch p.Role {
		case petitioner.Main:
			mains++
			if i != 0 {
				is.err(f("role"), "intake.main_first", "主信访人应登记在第一位。")
			}
		case petitioner.Representative:
			delegates++
			if delegates > r.maxDelegates {
				is.err(f("role"), "intake.delegates", fmt.Sprintf("代表不能超过 %d 人（信访工作条例第二十条）。", r.maxDelegates))
			}
		}
		if petitioner.Present(p.Role) {
			present++
		}
		main := i == 0
		known := p.ID != 0 || r.known(i)
		// Anonymous only where the matter allows it: a report (检举) or a
		// suggestion may come without a name; a request for a decision
		// needs someone to notify (art. 19, 23).
		if p.Anonymous {
			if !main || !(caseType == TypeReport || caseType == TypeSuggestion || caseType == TypeConsult) {
				is.err(f("anonymous"), "intake.anonymous", "只有检举控告、建议意见和咨询可以匿名，且只限主信访人。")
			}
		}
		if !p.Anonymous && !known {
			is.need(f("name"), p.Name != "", CodeRequired, "请填写姓名。")
		}
		checkLen(&is, f("name"), "姓名", p.Name, maxName)
		if p.Sex != "" && p.Sex != "M" && p.Sex != "F" {
			is.err(f("sex"), "intake.sex", "性别应为男或女。")
		}
		// The document: required at the desk for whoever speaks for the
		// matter (the main petitioner, representatives, agents), checked
		// for everyone who gave one.
		needID := visit && !p.Anonymous && !known && caseType != TypeConsult &&
			(main || p.Role == petitioner.Representative || p.Role == petitioner.Agent)
		var res idcard.Result
		if needID {
			is.need(f("idNumber"), p.IDNumber != "", "idcard.empty", "请填写证件号码。")
		}
		if p.IDNumber != "" {
			var err error
			res, err = idcard.Check(idcard.DocType(p.IDType), p.IDNumber, r.now)
			if err != nil {
				res = idcard.Result{} // nothing read from a refused number counts
				field := f("idNumber")
				if errors.Is(err, idcard.ErrType) {
					field = f("idType")
				}
				is.coded(field, err)
			} else {
				p.IDNumber = res.Number
				out.People[i] = Derived{Sex: res.Sex, Birth: res.Birth, Area: res.Area}
				for _, w := range res.Warnings {
					is.warn(f("idNumber"), w.Code, w.Message)
				}
				if err := idcard.MatchSex(res, p.Sex); err != nil {
					is.coded(f("sex"), err)
				}
				key := p.IDType + "|" + res.Number
				if j, dup := seen[key]; dup {
					is.err(f("idNumber"), "intake.duplicate_person", fmt.Sprintf("与第 %d 位信访人的证件号码相同。", j+1))
				}
				seen[key] = i
			}
		}
		// Sex is asked for when the number does not tell it.
		if visit && main && !p.Anonymous && !known && res.Sex == "" && caseType != TypeConsult {
			is.need(f("sex"), p.Sex != "", CodeRequired, "请选择性别。")
		}
		if p.Birth != "" {
			checkPastDate(&is, f("birth"), "出生日期", p.Birth, today)
			if res.Birth != "" && p.Birth != res.Birth {
				is.err(f("birth"), "intake.birth_mismatch", "出生日期与身份证号码不符。")
			}
		}
		if main && !p.Anonymous && !known {
			is.need(f("phone"), p.Phone != "", "phone.empty", "请填写联系电话。")
		}
		if p.Phone != "" {
			if n, err := phone.Parse(p.Phone); err != nil {
				is.coded(f("phone"), err)
			} else {
				p.Phone = n.Text
			}
		}
		if p.Phone2 != "" {
			if n, err := phone.Parse(p.Phone2); err != nil {
				is.coded(f("phone2"), err)
			} else {
				p.Phone2 = n.Text
			}
		}
		// Art. 23: without an address no written notice can be given, so a
		// request for a decision or a real-name report needs one.
		if main && !p.Anonymous && !known &&
			(caseType == TypeComplaint || (caseType == TypeReport && in.RealName)) {
			is.need(f("address"), p.Address != "", CodeRequired, "请填写现住址或通讯地址（书面告知需要）。")
		}
		checkLen(&is, f("address"), "地址", p.Address, maxLine)
		checkLen(&is, f("household"), "户籍地址", p.Household, maxLine)
		checkLen(&is, f("workplace"), "工作单位", p.Workplace, maxShort)
		if p.Postcode != "" && !isDigits(p.Postcode, 6) {
			is.err(f("postcode"), "intake.postcode", "邮政编码应为 6 位数字。")
		}
		if p.Role == petitioner.Agent {
			is.need(f("relation"), p.Relation != "", CodeRequired, "请填写代理人与信访人的关系。")
		}
		checkLen(&is, f("relation"), "关系", p.Relation, 50)
	}
	if len(in.People) > 0 && mains != 1 {
		is.err("people[0].role", "intake.main", "应有且只有一名主信访人，登记在第一位。")
	}

	// C. Scale: 集体访 from the count, representatives capped.
	if !is.need("present", in.Present >= 1, "intake.present", "来访人数至少为 1。") {
		// refused
	} else if in.Present < present {
		is.err("present", "intake.present_few", fmt.Sprintf("来访人数少于登记的来访人（%d 人）。", present))
	} else if in.Present > maxPresent {
		is.err("present", "intake.present", "来访人数不正确。")
	}
	if in.Involved < 0 || (in.Involved > 0 && in.Involved < in.Present) {
		is.err("involved", "intake.involved", "涉及人数不应少于来访人数（不清楚可留空）。")
	}
	out.Group = in.Present >= r.threshold
	if out.Group && delegates == 0 && len(in.People) > 0 {
		is.warn("people", "intake.group_delegates", fmt.Sprintf("%d 人以上来访为集体访，应推选代表（不超过 %d 人）并登记。", r.threshold, r.maxDelegates))
	}

	// D. Matter (a repeat visit keeps its case's).
	if !linked {
		is.need("title", in.Title != "", CodeRequired, "请填写标题（事由）。")
		checkLen(&is, "title", "标题", in.Title, maxShort)
		is.need("demand", in.Demand != "", CodeRequired, "请填写主要诉求。")
		checkLen(&is, "demand", "主要诉求", in.Demand, maxText)
		if is.need("type", in.Type != "", CodeRequired, "请选择事项类别。") && !r.has(dict.Type, in.Type) {
			is.err("type", CodeDict, "事项类别不在字典中，请从列表中选择。")
		}
		// Facts and reasons are the legal minimum of a petition (art. 19);
		// a consultation has none.
		if in.Type == TypeComplaint || in.Type == TypeReport {
			is.need("facts", in.Facts != "", CodeRequired, "请填写事实和理由。")
		}
		checkLen(&is, "facts", "事实和理由", in.Facts, maxText)
		if in.Type == TypeComplaint || in.Type == TypeReport {
			is.need("region", in.Region != "", CodeRequired, "请填写问题发生地。")
		}
		checkLen(&is, "region", "问题发生地", in.Region, maxShort)
		checkLen(&is, "site", "详细地点", in.Site, maxLine)
		// A report is routed away from the people it accuses (art. 30):
		// the app needs to know who they are.
		if in.Type == TypeReport {
			is.need("accused", in.Accused != "" || in.AccusedUnit != 0, CodeRequired, "检举控告请填写被反映人或选择被反映单位。")
		}
		checkLen(&is, "accused", "被反映人或单位", in.Accused, maxLine)
		if in.AccusedUnit != 0 && (r.accusedUnit == nil || !r.accusedUnit.Active) {
			is.err("accusedUnit", CodeNotFound, "所选被反映单位不存在或已停用，请重新选择。")
		}
		if !is.need("category", in.Category != "", CodeRequired, "请选择内容分类。") {
			// refused
		} else if e, ok := r.lists[dict.Category].Lookup(in.Category); !ok || !e.Active || e.Parent != "" {
			is.err("category", CodeDict, "内容分类不在字典中，请从列表中选择。")
		}
		if in.Category2 != "" {
			if e, ok := r.lists[dict.Category].Lookup(in.Category2); !ok || !e.Active || e.Parent != in.Category {
				is.err("category2", CodeDict, "二级分类不属于所选的内容分类。")
			}
		}
		if in.Repeat && in.FirstCase == 0 {
			is.need("prior", in.Prior != "", CodeRequired, "重复访请填写以往反映情况（何时、向谁反映、如何答复）。")
		}
		checkLen(&is, "prior", "以往反映情况", in.Prior, maxText)
	}
	if len(in.RiskTags) > 0 && !r.mayRisk {
		is.err("riskTags", CodeRisk, "您的角色不能填写风险标签。")
	}

	// E. Disposal: a transition of the case state machine.
	checkDisposal(in, r, &is, linked)

	// The reception record.
	checkRecord(&in.Record, "record.", r.now, received, r.mayRisk, &is)

	out.Errors, out.Warnings, out.Required, out.Present = is.errs, is.warns, is.required, present
	if out.Required == nil {
		out.Required = []string{}
	}
	if out.Errors == nil {
		out.Errors = []Issue{}
	}
	if out.Warnings == nil {
		out.Warnings = []Issue{}
	}
	return out
}

func checkPastDate(is *issues, field, label, s string, today civil.Date) {
	if s == "" {
		return
	}
	d, err := civil.Parse(s)
	if err != nil {
		is.err(field, CodeDate, label+"格式应为 2026-03-02。")
		return
	}
	if d > today {
		is.err(field, CodeFuture, label+"不能晚于今天。")
	}
}

// casestateFields places the state machine's refusals on the form.
var casestateFields = map[string]string{"reason": "reason", "body": "body", "unit": "unit", "due": "due"}

func checkDisposal(in *RegisterInput, r *intakeRules, is *issues, linked bool) {
	from := casestate.Registered
	if linked {
		if r.linked == nil {
			is.err("linkCase", CodeNotFound, "要关联的事项不存在。")
			return
		}
		from = casestate.State(r.linked.Status)
		if in.Disposal == "" {
			return // a repeat visit need not change anything
		}
	} else if !is.need("disposal", in.Disposal != "", CodeRequired, "请选择处理方式。") {
		return
	}
	// What the disposal needs is required: the transition's Needs, which
	// casestate.Check refuses below when empty.
	for _, t := range casestate.Allowed(from) {
		if t.Action == casestate.Action(in.Disposal) {
			for _, n := range t.Needs {
				if f := casestateFields[string(n)]; f != "" {
					is.required = append(is.required, f)
				}
			}
		}
	}
	unit := in.Unit
	if in.UnitID != 0 {
		unit = fmt.Sprint(in.UnitID)
	}
	step := r.step
	step.Incoming, step.Reason, step.Body, step.Unit, step.Due = in.IncomingOrg != "", in.Reason, in.Body, unit, in.Due
	// A repeat visit linked to a case records only a registration disposal
	// of a case still REGISTERED (casestate.ErrLinked, on "disposal").
	step.Linked = linked
	_, err := casestate.Check(from, casestate.Action(in.Disposal), step)
	if err != nil {
		field := "disposal"
		if f, ok := err.(interface{ Field() string }); ok && casestateFields[f.Field()] != "" {
			field = casestateFields[f.Field()]
		}
		a := AsError(err)
		if a.Code == "casestate.reason" && in.Disposal == string(casestate.NotAccept) {
			a.Message = "不予受理须选择原因。"
		}
		is.err(field, a.Code, a.Message)
		return
	}
	switch casestate.Action(in.Disposal) {
	case casestate.NotAccept, casestate.NotReaccept:
		if !r.has(dict.NotAccepted, in.Reason) {
			is.err("reason", CodeDict, "不予受理原因不在字典中，请从列表中选择。")
		}
	case casestate.Assign:
		// only a department that receives 交办 (the one rule of receivers.go)
		if code, msg := receiverProblem(r.unit, TaskAssign); msg != "" {
			is.err("unit", code, msg)
		}
		d, err := civil.Parse(in.Due)
		if err != nil {
			is.err("due", CodeDate, "交办期限格式应为 2026-03-02。")
		} else if d <= civil.DateOf(r.now) {
			is.err("due", "intake.due_past", "交办期限应晚于今天。")
		}
	case casestate.RouteLegal:
		if !in.Litigation && !linked {
			// 导入法定程序 is the route of 涉法涉诉 matters (art. 31(1)–(4)).
			is.warn("litigation", "intake.litigation", "导入法定程序的事项通常应勾选“涉法涉诉”。")
		}
	}
	checkLen(is, "body", "告知的有权机关或途径", in.Body, maxShort)
	checkLen(is, "unit", "承办单位", in.Unit, maxShort)
	checkLen(is, "opinion", "拟办意见", in.Opinion, maxText)
}

// loadRules reads what checking needs from the file.
func loadRules(tx *store.Tx, act *Actor, in *RegisterInput) (*intakeRules, error) {
	set, err := tx.Settings()
	if err != nil {
		return nil, err
	}
	r := &intakeRules{now: tx.Now(), threshold: groupThreshold(set), maxDelegates: set.MaxDelegates,
		lists: map[string]dict.List{}, mayRisk: act.May(PermRisk), step: stepInput(act)}
	if r.maxDelegates <= 0 {
		r.maxDelegates = DefaultMaxDelegates
	}
	for _, name := range []string{dict.Channel, dict.Type, dict.Category, dict.NotAccepted, dict.Role} {
		l, err := dictList(tx, name)
		if err != nil {
			return nil, err
		}
		r.lists[name] = l
	}
	if in.AccusedUnit != 0 {
		if u, err := tx.Unit(in.AccusedUnit); err == nil {
			r.accusedUnit = u
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
	}
	switch {
	case in.UnitID != 0:
		if r.unit, err = tx.Unit(in.UnitID); errors.Is(err, store.ErrNotFound) {
			r.unit, err = nil, nil
		}
	case in.Unit != "":
		r.unit, err = unitByName(tx, in.Unit)
	}
	if err != nil {
		return nil, err
	}
	r.onFile = make([]bool, len(in.People))
	for i, p := range in.People {
		if p.ID != 0 || p.IDNumber == "" {
			continue
		}
		res, err := idcard.Check(idcard.DocType(p.IDType), p.IDNumber, r.now)
		if err != nil {
			continue
		}
		found, err := tx.FindPeople(store.PersonQuery{IDType: storeIDType(p.IDType), IDNumber: res.Number, Limit: 1})
		if err != nil {
			return nil, err
		}
		r.onFile[i] = len(found) > 0
	}
	if in.LinkCase != 0 {
		c, err := tx.Case(in.LinkCase)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
		r.linked = c
	}
	return r, nil
}

// groupThreshold is the office's 集体访 threshold: from this many people
// present a visit is a group visit (the setting, else the default).
func groupThreshold(set *store.Settings) int {
	if set.GroupThreshold <= 0 {
		return DefaultGroupThreshold
	}
	return set.GroupThreshold
}

// storeIDType is a document type as store.Person keeps it: "" for the
// citizen ID card, the form's label otherwise.
func storeIDType(t string) string {
	if t == string(idcard.Resident) {
		return ""
	}
	return t
}

// personRecord is a PersonInput as the store keeps it.
func personRecord(p *PersonInput, d Derived) store.Person {
	out := store.Person{Name: p.Name, Anonymous: p.Anonymous, Sex: p.Sex, IDType: p.IDType,
		IDNumber: p.IDNumber, Address: p.Address, Household: p.Household, Postcode: p.Postcode,
		Workplace: p.Workplace}
	out.IDType = storeIDType(out.IDType)
	if out.Sex == "" {
		out.Sex = d.Sex
	}
	birth := p.Birth
	if birth == "" {
		birth = d.Birth
	}
	if bd, err := civil.Parse(birth); err == nil {
		out.Birth = bd
	}
	for _, ph := range []string{p.Phone, p.Phone2} {
		if ph != "" && !slices.Contains(out.Phones, ph) {
			out.Phones = append(out.Phones, ph)
		}
	}
	if p.Relation != "" {
		out.Notes = "与信访人关系：" + p.Relation
	}
	return out
}

// merge updates a person on file with what the form adds; a blank input
// keeps what is on file.
func merge(old *store.Person, n store.Person) store.Person {
	m := *old
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&m.Name, n.Name)
	set(&m.Sex, n.Sex)
	set(&m.Address, n.Address)
	set(&m.Household, n.Household)
	set(&m.Postcode, n.Postcode)
	set(&m.Workplace, n.Workplace)
	set(&m.Notes, n.Notes)
	if n.Birth != 0 {
		m.Birth = n.Birth
	}
	if n.IDNumber != "" {
		m.IDType, m.IDNumber = n.IDType, n.IDNumber
	}
	// The newest phone first: it is the one to call.
	phones := slices.Clone(n.Phones)
	for _, ph := range old.Phones {
		if !slices.Contains(phones, ph) {
			phones = append(phones, ph)
		}
	}
	if len(phones) > 5 {
		phones = phones[:5]
	}
	m.Phones = phones
	return m
}
