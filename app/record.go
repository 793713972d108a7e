package app

import (
	"slices"
	"strings"
	"time"

	"laifang/store"
)

// The reception record (接谈记录, docs/DOMAIN.md): one input type, one table
// of lengths, one validator and one time parser, for the first record on
// the intake form and for later records and corrections on the case view.
// A record saved at intake can therefore be corrected as it is.

// RecordInput is the reception record of one visit: the first one on the
// intake form, later ones and corrections on the case view (CaseRecord).
type RecordInput struct {
	Start        string   `json:"start"` // YYYY-MM-DDTHH:MM (or RFC 3339)
	End          string   `json:"end"`
	Receptionist uint64   `json:"receptionist"` // 接谈人 (a user); the signed-in user when 0
	Leader       string   `json:"leader"`       // 接谈领导, if any
	IDChecked    bool     `json:"idChecked"`    // 证件已核验
	Statement    string   `json:"statement"`
	QA           string   `json:"qa"`
	Materials    string   `json:"materials"`
	Explanations string   `json:"explanations"`
	Scripts      []uint64 `json:"scripts"` // 口径 used
	Procedure    bool     `json:"procedure"`
	Remedies     bool     `json:"remedies"`
	Commitments  string   `json:"commitments"`
	RiskNotes    string   `json:"riskNotes"` // PermRisk only
	Confirmed    bool     `json:"confirmed"` // 经核对无误
	Refusal      string   `json:"refusal"`   // why the petitioner did not confirm
}

// recordField is one text of a record with its limit, in characters.
type recordField struct {
	field, label string
	max          int
	text         func(r *RecordInput) *string
}

// recordFields is the one table of a record's texts and their lengths.
var recordFields = []recordField{
	{"leader", "接谈领导", 50, func(r *RecordInput) *string { return &r.Leader }},
	{"statement", "来访人陈述", maxText, func(r *RecordInput) *string { return &r.Statement }},
	{"qa", "问答", maxText, func(r *RecordInput) *string { return &r.QA }},
	{"materials", "收到材料", maxText, func(r *RecordInput) *string { return &r.Materials }},
	{"explanations", "解释说明", maxText, func(r *RecordInput) *string { return &r.Explanations }},
	{"commitments", "承诺事项", maxText, func(r *RecordInput) *string { return &r.Commitments }},
	{"riskNotes", "风险情况", maxText, func(r *RecordInput) *string { return &r.RiskNotes }},
	{"refusal", "拒签情况", maxText, func(r *RecordInput) *string { return &r.Refusal }},
}

// maxScripts bounds the wording entries one record cites.
const maxScripts = 50

func trimRecord(r *RecordInput) {
	r.Start, r.End = strings.TrimSpace(r.Start), strings.TrimSpace(r.End)
	for _, f := range recordFields {
		p := f.text(r)
		*p = strings.TrimSpace(*p)
	}
}

// parseMoment reads a date-time of a form: "YYYY-MM-DDTHH:MM" (a datetime
// input, local time, seconds optional, T or a space) or RFC 3339 (what
// the case view sends back of a stored record).
func parseMoment(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, true
		}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// checkRecord checks a reception record (trimmed); prefix places its
// fields ("record." on the intake form, "" on the case view). now bounds
// the times (nothing in the future); received, when known, is the visit's
// time the start is compared with. mayRisk: the session may write risk
// notes.
func checkRecord(rec *RecordInput, prefix string, now, received time.Time, mayRisk bool, is *issues) {
	var start time.Time
	if rec.Start != "" {
		t, ok := parseMoment(rec.Start)
		switch {
		case !ok:
			is.err(prefix+"start", CodeDate, "开始时间格式应为 2026-03-02 09:30。")
		case t.After(now.Add(slack)):
			is.err(prefix+"start", CodeFuture, "接谈开始时间不能晚于现在。")
		default:
			start = t
		}
	}
	if rec.End != "" {
		t, ok := parseMoment(rec.End)
		switch {
		case !ok:
			is.err(prefix+"end", CodeDate, "结束时间格式应为 2026-03-02 10:00。")
		case t.After(now.Add(slack)):
			is.err(prefix+"end", CodeFuture, "接谈结束时间不能晚于现在。")
		case !start.IsZero() && t.Before(start):
			is.err(prefix+"end", CodeEndBefore, "结束时间不能早于开始时间。")
		}
	}
	if !start.IsZero() && !received.IsZero() && start.Before(received.Add(-12*time.Hour)) {
		is.warn(prefix+"start", "intake.start_early", "接谈开始时间比来访时间早很多，请核对。")
	}
	if rec.RiskNotes != "" && !mayRisk {
		is.err(prefix+"riskNotes", CodeRisk, "您的角色不能填写风险情况。")
	}
	if rec.Confirmed && rec.Refusal != "" {
		is.err(prefix+"refusal", "record.refusal", "来访人已确认签字时，不应再填写拒签说明。")
	}
	if !rec.Confirmed && rec.Statement != "" && rec.Refusal == "" {
		is.warn(prefix+"confirmed", "intake.unconfirmed", "信访人尚未确认记录；拒绝签字的，请注明情况。")
	}
	for _, f := range recordFields {
		checkLen(is, prefix+f.field, f.label, *f.text(rec), f.max)
	}
	if len(rec.Scripts) > maxScripts {
		is.err(prefix+"scripts", "intake.scripts", "引用的口径过多。")
	}
}

// recordOf is a checked RecordInput as the store keeps it.
func recordOf(in *RecordInput) *store.Record {
	rec := &store.Record{Statement: in.Statement, QA: in.QA, Materials: in.Materials,
		Explanations: in.Explanations, Scripts: slices.Clone(in.Scripts), Commitments: in.Commitments,
		Procedure: in.Procedure, Remedies: in.Remedies, RiskNotes: in.RiskNotes, Confirmed: in.Confirmed,
		Refusal: in.Refusal}
	if t, ok := parseMoment(in.Start); ok {
		rec.Start = store.StampOf(t)
	}
	if t, ok := parseMoment(in.End); ok {
		rec.End = store.StampOf(t)
	}
	return rec
}
