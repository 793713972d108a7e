package deadline

import (
	"fmt"

	"laifang/domain/civil"
)

// Clock names one statutory or configured time limit. The strings are the
// keys of a stored profile (store.TimeLimitProfile.Rules).
type Clock string

// The clocks of docs/DOMAIN.md §4.2. A, O, B and R1–R4 come from the
// 2022条例; K1, K2 and S from third-party copies of the 纪检 rules and the
// 简易办理 measures (marked unverified there), so an office checks them.
const (
	Notice           Clock = "受理告知"   // A: acceptance notice, 15 days from receipt (art. 23)
	Objection        Clock = "异议"     // O: object to a matter sent down, 5 working days (art. 23 para 3)
	Handling         Clock = "办理"     // B: handle and reply, 60 days from acceptance (art. 34)
	ReviewRequest    Clock = "复查申请"   // R1: petitioner may ask for 复查, 30 days from service (art. 35)
	ReviewDecision   Clock = "复查决定"   // R2: 复查 decision, 30 days from the request (art. 35)
	RecheckRequest   Clock = "复核申请"   // R3: petitioner may ask for 复核, 30 days from service (art. 36)
	RecheckDecision  Clock = "复核决定"   // R4: 复核 decision, 30 days, hearing time excluded (art. 36)
	DisciplineNotice Clock = "纪检受理告知" // K1: real-name 检举 acceptance notice, 15 working days
	DisciplineReply  Clock = "纪检反馈"   // K2: real-name 检举 result feedback, 15 working days after closing
	Simplified       Clock = "简易"     // S: simplified handling, 10 working days from acceptance
)

// Limit is one time limit: a length and whether it counts working days.
type Limit struct {
	Days    int  `json:"days"`
	Working bool `json:"working,omitempty"`
}

// Profile is the set of time limits an office follows. It is data, not
// constants, because provinces and discipline bodies differ (浙江: 5 working
// days to decide on acceptance and 30 + 60 days to handle; 山东: 3 working
// days to accept a review; 纪检 rules in working days): the office edits it.
type Profile struct {
	Name         string          `json:"name"`
	Limits       map[Clock]Limit `json:"limits"`
	MaxExtension int             `json:"maxExtension"` // days the handling clock may be extended, once
}

// National is the national default of the 2022条例.
func National() Profile {
	return Profile{
		Name: "国家默认（信访工作条例2022）",
		Limits: map[Clock]Limit{
			Notice:           {Days: 15},
			Objection:        {Days: 5, Working: true},
			Handling:         {Days: 60},
			ReviewRequest:    {Days: 30},
			ReviewDecision:   {Days: 30},
			RecheckRequest:   {Days: 30},
			RecheckDecision:  {Days: 30},
			DisciplineNotice: {Days: 15, Working: true},
			DisciplineReply:  {Days: 15, Working: true},
			Simplified:       {Days: 10, Working: true},
		},
		MaxExtension: 30,
	}
}

// ProfileClocks are the clocks a profile sets, in the order of
// docs/DOMAIN.md §4.2 (the order the settings screen lists them).
var ProfileClocks = []Clock{Notice, Objection, Handling, ReviewRequest, ReviewDecision, RecheckRequest,
	RecheckDecision, DisciplineNotice, DisciplineReply, Simplified}

// Zhejiang is the example of a provincial profile: 浙江省信访条例 (2016)
// art. 20 (acceptance decided within 5 working days) and art. 23 (handled
// within 30 days, extended by at most 60); the other limits are the
// national ones. Whether the 2016 regulation still governs after the
// 2022条例 has not been checked (Template.Unverified).
func Zhejiang() Profile {
	p := National()
	p.Name = "浙江省（信访条例2016）"
	p.Limits[Notice] = Limit{Days: 5, Working: true}
	p.Limits[Handling] = Limit{Days: 30}
	p.MaxExtension = 60
	return p
}

// Template is a profile the program ships: the national default and
// provincial examples an office may adopt (as its own editable copy).
type Template struct {
	Key        string
	Profile    Profile
	Basis      string // where the limits come from
	Unverified bool   // read from a copy, not checked against the official text
}

// Templates are the shipped profiles; the first is the national default.
func Templates() []Template {
	return []Template{
		{Key: "national", Profile: National(), Basis: "《信访工作条例》（2022年）第23条、第34条至第36条；纪检、简易办理期限待核实"},
		{Key: "zhejiang", Profile: Zhejiang(), Unverified: true,
			Basis: "《浙江省信访条例》（2016年）第20条、第23条；2022年条例施行后是否仍适用，请向省信访部门核实"},
	}
}

// Required lists the clocks every profile must set: the ones the 2022条例
// itself imposes on every office.
var Required = []Clock{Notice, Objection, Handling, ReviewRequest, ReviewDecision, RecheckRequest, RecheckDecision}

// MaxDays bounds a single limit; a longer one is a typing mistake.
const MaxDays = 365

// Validate checks a profile an office has edited.
func (p Profile) Validate() error {
	for _, c := range Required {
		if _, ok := p.Limits[c]; !ok {
			return errorf(ErrMissingClock, string(c), "时限配置缺少“%s”", c)
		}
	}
	for c, l := range p.Limits {
		if l.Days < 1 || l.Days > MaxDays {
			return errorf(ErrBadLimit, string(c), "“%s”的天数应在1到%d之间", c, MaxDays)
		}
	}
	if p.MaxExtension < 0 || p.MaxExtension > MaxDays {
		return errorf(ErrBadLimit, "maxExtension", "延期上限应在0到%d天之间", MaxDays)
	}
	return nil
}

// Input is what a clock starts from.
type Input struct {
	Clock Clock
	// Start is the day of the event that starts the clock (receipt,
	// acceptance, service of the reply, receipt of the request). It is not
	// counted.
	Start civil.Date
	// Extension is the approved extension in days; only the handling clock
	// has one, at most Profile.MaxExtension, granted once (art. 34).
	Extension int
	// Excluded is the number of calendar days not counted: the hearing
	// during 复核 (art. 36 para 2), so only the recheck decision clock has
	// it. See SpanDays.
	Excluded int
}

// Due is a computed deadline.
type Due struct {
	Clock   Clock      `json:"clock"`
	Start   civil.Date `json:"start"`
	Days    int        `json:"days"` // days counted: the limit plus extension and excluded days
	Working bool       `json:"working"`
	// Target is the internal target: the last day of the period with no
	// roll-forward. Offices that count conservatively work to it.
	Target civil.Date `json:"target"`
	// Legal is the legal due date: Target, or the next working day when
	// Target is a rest day (民法典 art. 203).
	Legal civil.Date `json:"legal"`
	// Rolled tells that Legal was moved off a rest day.
	Rolled bool `json:"rolled"`
}

// Compute is the deadline of one clock.
func (p Profile) Compute(in Input, cal *Calendar) (Due, error) {
	l, ok := p.Limits[in.Clock]
	if !ok {
		return Due{}, errorf(ErrMissingClock, string(in.Clock), "时限配置缺少“%s”", in.Clock)
	}
	if in.Start == 0 {
		return Due{}, ErrNoStart
	}
	if in.Extension != 0 {
		if in.Clock != Handling {
			return Due{}, ErrExtensionClock
		}
		if in.Extension < 0 || in.Extension > p.MaxExtension {
			return Due{}, errorf(ErrExtension, "extension", "延期不得超过%d天", p.MaxExtension)
		}
	}
	if in.Excluded != 0 {
		// Only the 复核 decision excludes its hearing (art. 36 para 2); no
		// other clock pauses, whatever the office's profile counts it in.
		if in.Clock != RecheckDecision {
			return Due{}, ErrExcludedClock
		}
		if in.Excluded < 0 || l.Working {
			return Due{}, ErrExcluded
		}
	}
	d := Due{Clock: in.Clock, Start: in.Start, Days: l.Days + in.Extension + in.Excluded, Working: l.Working}
	if l.Working {
		d.Target = AddWorkdays(in.Start, d.Days, cal)
		d.Legal = d.Target
		return d, nil
	}
	// The extension lengthens the period (60 + 30 = 90 days from
	// acceptance); it does not start again from a date rolled off a weekend.
	d.Target = in.Start.AddDays(d.Days)
	d.Legal = cal.NextWorkday(d.Target)
	d.Rolled = d.Legal != d.Target
	return d, nil
}

// AddWorkdays is the n-th working day after start; start itself is not
// counted even when it is a working day.
func AddWorkdays(start civil.Date, n int, cal *Calendar) civil.Date {
	d := start
	for n > 0 {
		d++
		if cal.IsWorkday(d) {
			n--
		}
	}
	return d
}

// SpanDays is the number of calendar days from one day to another, both
// counted (a hearing held on 3 and 4 June excludes 2 days).
func SpanDays(from, to civil.Date) int {
	if to < from {
		return 0
	}
	return int(to-from) + 1
}

// Left is the number of calendar days from today to the legal due date:
// 0 on the last day, negative once overdue.
func (d Due) Left(today civil.Date) int { return int(d.Legal - today) }

// Overdue tells whether the legal due date has passed (the last day itself
// is still in time: the period ends at 24:00, 民法典 art. 203 para 2).
func (d Due) Overdue(today civil.Date) bool { return today > d.Legal }

// String is for logs and test failures.
func (d Due) String() string {
	return fmt.Sprintf("%s: start %s, %d days, target %s, legal %s", d.Clock, d.Start, d.Days, d.Target, d.Legal)
}
