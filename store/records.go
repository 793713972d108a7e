package store

import (
	"laifang/domain/civil"
	"laifang/domain/deadline"
)

// Storage records. They are JSON values with a version field `v`; the
// record's ID is its bucket key and is not repeated inside the value. Field
// names are short because a million of each are kept: the app turns these
// into its own request and response types and they never reach the UI.
//
// Fields marked "confidential" hold personal or whistle-blower data: never
// put them in an error, a log line or an audit summary.

// Person is a petitioner (信访人).
type Person struct {
	V         int        `json:"v"`
	ID        uint64     `json:"-"`
	Name      string     `json:"nm,omitempty"`
	Anonymous bool       `json:"anon,omitempty"`
	Sex       string     `json:"sx,omitempty"` // "M" or "F"
	Birth     civil.Date `json:"bd,omitempty"`
	IDType    string     `json:"idt,omitempty"` // "" is 居民身份证
	IDNumber  string     `json:"idn,omitempty"` // confidential
	Phones    []string   `json:"ph,omitempty"`  // confidential
	Address   string     `json:"ad,omitempty"`  // current or mailing; confidential
	Household string     `json:"hh,omitempty"`  // 户籍地址; confidential
	Postcode  string     `json:"pc,omitempty"`
	Workplace string     `json:"wk,omitempty"`
	Tags      []string   `json:"tg,omitempty"`
	Notes     string     `json:"no,omitempty"`
	Created   Stamp      `json:"at,omitempty"`
	Retain    civil.Date `json:"ret,omitempty"`
}

// CasePerson links a person to a case with a role (主信访人/代表/随访人/代理人/联名人).
type CasePerson struct {
	Person  uint64 `json:"p"`
	Role    string `json:"r,omitempty"`
	Contact bool   `json:"c,omitempty"`
}

// Incoming describes a matter sent down from another body (转送/交办 in).
type Incoming struct {
	Org     string     `json:"org,omitempty"`
	DocNo   string     `json:"no,omitempty"`
	DocDate civil.Date `json:"dt,omitempty"`
	Due     civil.Date `json:"due,omitempty"`
}

// Case is a petition matter (信访事项).
type Case struct {
	V            int          `json:"v"`
	ID           uint64       `json:"-"`
	No           string       `json:"no"`
	ExternalNo   string       `json:"xno,omitempty"`
	Channel      string       `json:"ch,omitempty"`
	Received     Stamp        `json:"rcv"`
	Registered   Stamp        `json:"reg"`
	RegisteredBy uint64       `json:"rby,omitempty"`
	Incoming     *Incoming    `json:"in,omitempty"`
	Title        string       `json:"ti,omitempty"`
	Demand       string       `json:"dm,omitempty"` // 诉求摘要
	Facts        string       `json:"fr,omitempty"` // 事实和理由
	Region       string       `json:"rg,omitempty"`
	Place        string       `json:"pl,omitempty"`
	Type         string       `json:"ty,omitempty"` // 建议意见/检举控告/申诉求决/咨询/其他
	Category     string       `json:"cat,omitempty"`
	Category2    string       `json:"cat2,omitempty"`
	Category3    string       `json:"cat3,omitempty"`
	AccusedUnit  uint64       `json:"acu,omitempty"`
	Accused      string       `json:"acp,omitempty"` // confidential
	Present      int          `json:"np,omitempty"`
	Involved     int          `json:"ni,omitempty"`
	Group        bool         `json:"grp,omitempty"`
	Litigation   bool         `json:"lit,omitempty"`
	SkipLevel    bool         `json:"skl,omitempty"`
	Repeat       bool         `json:"rep,omitempty"`
	FirstCase    uint64       `json:"fc,omitempty"`
	RepeatCount  int          `json:"rpn,omitempty"`
	Urgent       bool         `json:"urg,omitempty"`
	Backlog      bool         `json:"blg,omitempty"`
	LeaderCase   bool         `json:"ldc,omitempty"`
	LeaderName   string       `json:"ldn,omitempty"`
	Confidential bool         `json:"cf,omitempty"`
	RealName     bool         `json:"rn,omitempty"`
	Simplified   bool         `json:"smp,omitempty"`
	RiskTags     []string     `json:"rk,omitempty"` // confidential
	Prior        string       `json:"pri,omitempty"`
	Disposal     string       `json:"dsp,omitempty"`
	DispReason   string       `json:"dsr,omitempty"`
	DispOpinion  string       `json:"dso,omitempty"`
	Instruction  string       `json:"ins,omitempty"`
	Accepted     civil.Date   `json:"acc,omitempty"`
	Unit         uint64       `json:"u,omitempty"` // handling department
	Handler      uint64       `json:"hu,omitempty"`
	Outcome      string       `json:"out,omitempty"`
	Reply        string       `json:"rpl,omitempty"` // the reply's summary, searchable
	ReplyLetter  uint64       `json:"rl,omitempty"`
	Served       civil.Date   `json:"srv,omitempty"`
	ServedHow    string       `json:"svh,omitempty"`
	Status       string       `json:"st"`            // a casestate.State
	Due          civil.Date   `json:"due,omitempty"` // the running legal deadline, computed by domain/deadline
	Closed       civil.Date   `json:"cl,omitempty"`
	ArchiveNo    string       `json:"arc,omitempty"`
	Retain       civil.Date   `json:"ret,omitempty"`
	People       []CasePerson `json:"pp,omitempty"`
	Visits       int          `json:"nv,omitempty"`
	// Rev counts the writes of the case, for optimistic concurrency: an
	// edit sends back the Rev it read, and UpdateCase refuses a save whose
	// Rev is not the stored one with ErrStale. SaveIntake gives a new case
	// Rev 1; UpdateCase, AddVisit and AppendEvent add one. Zero is the Rev
	// of a case written before revisions existed: it matches while the
	// stored case has no Rev either, so reading a case, changing it and
	// saving it works as it always did.
	Rev uint64 `json:"rev,omitempty"`
}

// Visit is one contact (来访批次; letters and calls make one too). It is
// kept inside the timeline event that records it, so its ID is that event's
// ID and its time the event's time.
type Visit struct {
	ID           uint64   `json:"-"`
	Case         uint64   `json:"-"`
	At           Stamp    `json:"-"`
	Place        string   `json:"pl,omitempty"`
	Channel      string   `json:"ch,omitempty"`
	People       []uint64 `json:"pp,omitempty"`
	Present      int      `json:"np,omitempty"`
	Receptionist uint64   `json:"rc,omitempty"`
	Leader       string   `json:"ld,omitempty"`
	IDChecked    bool     `json:"idk,omitempty"`
	Repeat       bool     `json:"rep,omitempty"`
	Previous     uint64   `json:"pv,omitempty"`
	Disposal     string   `json:"dsp,omitempty"`
}

// Record is a reception record (接谈记录), kept inside its timeline event.
type Record struct {
	Start        Stamp    `json:"s,omitempty"`
	End          Stamp    `json:"e,omitempty"`
	Statement    string   `json:"st,omitempty"` // searchable
	QA           string   `json:"qa,omitempty"` // searchable
	Materials    string   `json:"mt,omitempty"`
	Explanations string   `json:"ex,omitempty"` // searchable
	Scripts      []uint64 `json:"sc,omitempty"`
	Commitments  string   `json:"cm,omitempty"`
	Procedure    bool     `json:"pt,omitempty"`
	Remedies     bool     `json:"rt,omitempty"`
	RiskNotes    string   `json:"rk,omitempty"` // confidential
	Confirmed    bool     `json:"ok,omitempty"`
	Refusal      string   `json:"rf,omitempty"`
}

// Event kinds on a case's timeline.
const (
	EventIntake   = "intake" // the first visit, with its reception record
	EventRecord   = "record" // a later visit, with its reception record
	EventNote     = "note"
	EventDecision = "decision"
	EventStatus   = "status"
	EventTask     = "task"
	EventLetter   = "letter"
	EventReply    = "reply"
	EventReview   = "review"
	// EventCorrection corrects the reception record of an earlier event
	// (Corrects): the old one stays on the timeline, marked corrected.
	EventCorrection = "correction"
)

// Event is one entry of a case's append-only timeline.
type Event struct {
	V      int     `json:"v"`
	ID     uint64  `json:"-"`
	Case   uint64  `json:"-"`
	Kind   string  `json:"k"`
	At     Stamp   `json:"at"`
	By     uint64  `json:"by,omitempty"`
	Visit  *Visit  `json:"vi,omitempty"` // the visit this event records
	Task   uint64  `json:"tk,omitempty"`
	Letter uint64  `json:"lt,omitempty"`
	From   string  `json:"fs,omitempty"` // status before
	To     string  `json:"ts,omitempty"` // status after
	Text   string  `json:"tx,omitempty"` // searchable
	Record *Record `json:"rec,omitempty"`
	// Corrects is the event whose reception record this one corrects.
	Corrects uint64 `json:"cor,omitempty"`
}

// Task is a transfer, assignment, reminder or supervision (转送/交办/催办/督办…).
type Task struct {
	V            int        `json:"v"`
	ID           uint64     `json:"-"`
	Case         uint64     `json:"c"`
	Parent       uint64     `json:"par,omitempty"`
	Type         string     `json:"ty"`
	FromUnit     uint64     `json:"fu,omitempty"`
	ToUnit       uint64     `json:"tu,omitempty"`
	Issued       Stamp      `json:"at,omitempty"`
	IssuedBy     uint64     `json:"by,omitempty"`
	Letter       uint64     `json:"lt,omitempty"`
	Requirement  string     `json:"req,omitempty"`
	Due          civil.Date `json:"due,omitempty"`
	Received     Stamp      `json:"rcv,omitempty"`
	Receiver     string     `json:"rcn,omitempty"`
	Objected     Stamp      `json:"obj,omitempty"`
	ObjReason    string     `json:"obr,omitempty"`
	ObjDecision  string     `json:"obd,omitempty"`
	ExtRequested Stamp      `json:"exr,omitempty"`
	ExtDays      int        `json:"exd,omitempty"`
	ExtApprover  uint64     `json:"exa,omitempty"`
	NewDue       civil.Date `json:"ndue,omitempty"`
	Feedback     Stamp      `json:"fb,omitempty"`
	FeedbackText string     `json:"fbt,omitempty"`
	FeedbackDoc  uint64     `json:"fbd,omitempty"`
	Status       string     `json:"st"`
	Level        string     `json:"lv,omitempty"`
	Redacted     bool       `json:"red,omitempty"`
}

// Task status codes.
const (
	TaskPending  = "PENDING" // 待签收
	TaskWorking  = "WORKING" // 办理中
	TaskReported = "REPORTED"
	TaskReturned = "RETURNED"
	TaskClosed   = "CLOSED"
)

// TaskOpen tells whether a task still runs a deadline.
func TaskOpen(st string) bool { return st == TaskPending || st == TaskWorking || st == TaskReturned }

// Letter is a generated document (文书): a notice, a slip, a reply.
type Letter struct {
	V            int        `json:"v"`
	ID           uint64     `json:"-"`
	Case         uint64     `json:"c,omitempty"`
	Task         uint64     `json:"tk,omitempty"`
	Type         string     `json:"ty"`
	No           string     `json:"no,omitempty"` // 文号
	Year         int        `json:"yr,omitempty"`
	Serial       int        `json:"sn,omitempty"`
	Template     uint64     `json:"tp,omitempty"`
	TemplateVer  int        `json:"tv,omitempty"`
	Addressee    string     `json:"to,omitempty"`
	Body         string     `json:"bd,omitempty"` // frozen text once issued
	Signer       uint64     `json:"sg,omitempty"`
	Approved     Stamp      `json:"ap,omitempty"`
	Issued       civil.Date `json:"is,omitempty"`
	Sealed       bool       `json:"sl,omitempty"`
	PDFHash      string     `json:"ph,omitempty"`
	ServedHow    string     `json:"svh,omitempty"`
	Served       civil.Date `json:"sv,omitempty"`
	ServedTo     string     `json:"svt,omitempty"`
	Redacted     bool       `json:"red,omitempty"`
	SupersededBy uint64     `json:"sup,omitempty"`
}

// Template is a letter template with placeholders.
type Template struct {
	V       int    `json:"v"`
	ID      uint64 `json:"-"`
	DocType string `json:"ty"`
	Name    string `json:"nm"`
	Version int    `json:"ver"`
	Body    string `json:"bd"`
	Layout  string `json:"ly,omitempty"`
	Active  bool   `json:"on,omitempty"`
}

// Unit is a department or outside body (承办/协办/被反映单位).
type Unit struct {
	V      int    `json:"v"`
	ID     uint64 `json:"-"`
	Name   string `json:"nm"`
	Kind   string `json:"kd,omitempty"` // internal/subordinate/external/政法/纪检
	Parent uint64 `json:"par,omitempty"`
	Active bool   `json:"on,omitempty"`
}

// User is a member of staff who signs in.
type User struct {
	V            int    `json:"v"`
	ID           uint64 `json:"-"`
	Name         string `json:"nm"`
	Login        string `json:"lg"`
	Role         string `json:"rl"`
	Unit         uint64 `json:"u,omitempty"`
	Confidential bool   `json:"cf,omitempty"` // may see whistle-blowers' identity
	Active       bool   `json:"on,omitempty"`
	PassHash     string `json:"ph,omitempty"`
	// Failed logins in a row, the last one, and the lockout they caused.
	Failed      int   `json:"nf,omitempty"`
	LastFail    Stamp `json:"lf,omitempty"`
	LockedUntil Stamp `json:"lk,omitempty"`
	// Rev counts the saves, for optimistic concurrency (users.go).
	Rev uint64 `json:"rev,omitempty"`
}

// AuditEntry is one line of the append-only audit log. Keys are sequential
// (NextSequence), entries are never rewritten or deleted, and Prev/Hash are
// there for a hash chain: each entry can seal the one before it.
type AuditEntry struct {
	V           int    `json:"v"`
	Seq         uint64 `json:"-"`
	At          Stamp  `json:"at"`
	User        uint64 `json:"u,omitempty"`
	Action      string `json:"a"`
	Entity      string `json:"e,omitempty"`
	EntityID    uint64 `json:"id,omitempty"`
	Reason      string `json:"r,omitempty"`
	Workstation string `json:"ws,omitempty"`
	Summary     string `json:"s,omitempty"` // never confidential data
	Prev        string `json:"pv,omitempty"`
	Hash        string `json:"h,omitempty"`
}

// Settings are the office's own choices.
type Settings struct {
	V              int               `json:"v"`
	OrgName        string            `json:"orgName,omitempty"`
	OrgCode        string            `json:"orgCode,omitempty"` // 机关代字
	RegionCode     string            `json:"regionCode,omitempty"`
	CaseNoPattern  string            `json:"caseNoPattern,omitempty"` // e.g. "{year}-{n:06}"
	DocNoPatterns  map[string]string `json:"docNoPatterns,omitempty"` // per letter type, e.g. "{code}信受〔{year}〕{n}号"
	BackupDir      string            `json:"backupDir,omitempty"`
	BackupKeep     int               `json:"backupKeep,omitempty"`
	GroupThreshold int               `json:"groupThreshold,omitempty"`
	MaxDelegates   int               `json:"maxDelegates,omitempty"`
	Profile        uint64            `json:"profile,omitempty"`
	Extra          map[string]string `json:"extra,omitempty"`
	ReviewOrg      string            `json:"reviewOrg,omitempty"`  // 复查机关
	RecheckOrg     string            `json:"recheckOrg,omitempty"` // 复核机关
	IdleMinutes    int               `json:"idleMinutes,omitempty"`
	RetentionYears int               `json:"retentionYears,omitempty"` // after closing, unless a case says otherwise
	Rev            uint64            `json:"rev,omitempty"`
}

// DefaultCaseNoPattern makes numbers like 2026-000123.
const DefaultCaseNoPattern = "{year}-{n:06}"

// DefaultDocNoPattern makes numbers like 〔2026〕12号 with the office code and type in front.
const DefaultDocNoPattern = "{code}{type}〔{year}〕{n}号"

// DictEntry is one code of a code list (channels, categories, reasons…).
type DictEntry struct {
	V      int    `json:"v"`
	List   string `json:"-"`
	Code   string `json:"-"`
	Label  string `json:"lb"`
	Parent string `json:"par,omitempty"`
	Sort   int    `json:"so,omitempty"`
	Active bool   `json:"on,omitempty"`
}

// TimeLimitProfile holds the time limits an office follows (national
// default, or a province's): domain/deadline's Profile as a record.
type TimeLimitProfile struct {
	V      int                               `json:"v"`
	ID     uint64                            `json:"-"`
	Name   string                            `json:"nm"`
	Rules  map[deadline.Clock]deadline.Limit `json:"rules"`
	MaxExt int                               `json:"maxExt,omitempty"`
}

// ProfileRecord is p as a record to save.
func ProfileRecord(p deadline.Profile) TimeLimitProfile {
	return TimeLimitProfile{Name: p.Name, Rules: p.Limits, MaxExt: p.MaxExtension}
}

// Profile is the record as the rules read it.
func (p *TimeLimitProfile) Profile() deadline.Profile {
	return deadline.Profile{Name: p.Name, Limits: p.Rules, MaxExtension: p.MaxExt}
}

// Holiday kinds.
const (
	HolidayRest = "rest" // a public holiday: no work
	HolidayWork = "work" // a 调休 working weekend day
)

// Holiday is one day of the holiday calendar.
type Holiday struct {
	V    int        `json:"v"`
	Day  civil.Date `json:"-"`
	Kind string     `json:"k"`
	Note string     `json:"n,omitempty"`
}
