package app

import (
	"strconv"
	"strings"
	"time"

	"laifang/domain/civil"
	"laifang/store"
)

// Cases is the case view (事项): the list, one case with its people and its
// append-only timeline, a reception record for a later visit, and a
// correction of an earlier record, which is a new timeline entry pointing
// at the old one (the old one stays, marked corrected).
type Cases struct{ svc }

// CaseListQuery selects cases for the list: words (all must occur), a
// status, a page.
type CaseListQuery struct {
	Text   string `json:"text"`
	Status string `json:"status"`
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
}

// CaseListRow is one case in the list.
type CaseListRow struct {
	ID          uint64 `json:"id"`
	No          string `json:"no"`
	Received    string `json:"received"` // YYYY-MM-DD
	Title       string `json:"title"`
	Type        string `json:"type"`
	Status      string `json:"status"`
	StatusLabel string `json:"statusLabel"`
	Visits      int    `json:"visits"`
	Petitioner  string `json:"petitioner"`
	Repeat      bool   `json:"repeat"`
}

// CaseList is one page of the list.
type CaseList struct {
	Rows  []CaseListRow `json:"rows"`
	Total int           `json:"total"`
	Exact bool          `json:"exact"`
}

// List searches the cases, newest first. A session without the
// confidential grant finds no confidential case by its text, and sees the
// title of one it may not identify masked (caseText).
func (s *Cases) List(q CaseListQuery) (CaseList, error) {
	act, st, err := s.gate("Cases.List", q)
	if err != nil {
		return CaseList{}, err
	}
	if q.Limit <= 0 || q.Limit > 100 {
		q.Limit = 20
	}
	sq := store.Query{Text: clip(strings.TrimSpace(q.Text), 100), Offset: max(q.Offset, 0), Limit: q.Limit}
	if q.Status != "" {
		sq.Status = []string{q.Status}
	}
	if sq.Text != "" {
		hideFromSearch(act, &sq)
	}
	r, err := st.Search(sq)
	if err != nil {
		return CaseList{}, err
	}
	out := CaseList{Rows: []CaseListRow{}, Total: r.Total, Exact: r.Exact}
	for _, row := range r.Rows {
		identified := s.mayIdentifyRow(act, &row)
		lr := CaseListRow{ID: row.ID, No: row.No, Received: row.Received.Date().String(),
			Title: caseText(identified, row.Title), Type: row.Type, Status: row.Status,
			StatusLabel: statusLabel(row.Status), Visits: max(row.Visits, 1), Petitioner: s.rowName(act, &row),
			Repeat: row.Repeat}
		out.Rows = append(out.Rows, lr)
	}
	return out, nil
}

// CasePersonView is a person on a case with their role.
type CasePersonView struct {
	PersonView
	Role string `json:"role"`
	Sex  string `json:"sex"`
}

// CaseRecord is a reception record (接谈记录) with the visit it belongs to,
// as the UI edits and shows it. Times are RFC 3339 or "YYYY-MM-DDTHH:MM".
type CaseRecord struct {
	Start        string   `json:"start"`
	End          string   `json:"end"`
	Place        string   `json:"place"`
	Leader       string   `json:"leader"`
	Receptionist uint64   `json:"receptionist"` // 接谈人 (a user); the signed-in user when 0
	Present      int      `json:"present"`
	IDChecked    bool     `json:"idChecked"`
	Statement    string   `json:"statement"`
	QA           string   `json:"qa"`
	Materials    string   `json:"materials"`
	Explanations string   `json:"explanations"`
	Scripts      []uint64 `json:"scripts"`
	Commitments  string   `json:"commitments"`
	Procedure    bool     `json:"procedure"`
	Remedies     bool     `json:"remedies"`
	RiskNotes    string   `json:"riskNotes"`
	RiskHidden   bool     `json:"riskHidden"` // there are notes this session may not see
	Confirmed    bool     `json:"confirmed"`
	Refusal      string   `json:"refusal"`
}

// TimelineEntry is one entry of a case's timeline.
type TimelineEntry struct {
	ID           uint64       `json:"id"`
	Kind         string       `json:"kind"` // store.Event* kinds
	At           string       `json:"at"`   // RFC 3339
	By           string       `json:"by"`
	Text         string       `json:"text"`
	From         string       `json:"from"` // status labels of a transition
	To           string       `json:"to"`
	Visit        bool         `json:"visit"` // the entry records a visit
	Repeat       bool         `json:"repeat"`
	Receptionist string       `json:"receptionist"`
	Record       *CaseRecord  `json:"record"`
	ScriptRefs   []WordingRef `json:"scriptRefs"`
	Corrects     uint64       `json:"corrects"`
	CorrectedBy  uint64       `json:"correctedBy"`
}

// CaseDetail is one case as the case view shows it.
type CaseDetail struct {
	ID           uint64           `json:"id"`
	No           string           `json:"no"`
	Received     string           `json:"received"` // RFC 3339
	Channel      string           `json:"channel"`
	Title        string           `json:"title"`
	Demand       string           `json:"demand"`
	Facts        string           `json:"facts"`
	Type         string           `json:"type"`
	Category     string           `json:"category"`
	Status       string           `json:"status"`
	StatusLabel  string           `json:"statusLabel"`
	Disposal     string           `json:"disposal"`
	Outcome      string           `json:"outcome"`
	Reply        string           `json:"reply"`
	Due          string           `json:"due"`
	Visits       int              `json:"visits"`
	Repeat       bool             `json:"repeat"`
	FirstCase    uint64           `json:"firstCase"`
	Confidential bool             `json:"confidential"`
	Identified   bool             `json:"identified"` // this session sees the people
	People       []CasePersonView `json:"people"`
	Timeline     []TimelineEntry  `json:"timeline"` // oldest first
}

// Get reads one case with its people (masked per role) and its timeline.
// A confidential case this session may not identify shows no one's
// identity and none of its text (caseText): its number, dates, type,
// status and the kinds of its timeline entries.
func (s *Cases) Get(id uint64) (CaseDetail, error) {
	act, st, err := s.gate("Cases.Get")
	if err != nil {
		return CaseDetail{}, err
	}
	var out CaseDetail
	err = st.View(func(tx *store.Tx) error {
		c, err := tx.Case(id)
		if err != nil {
			return err
		}
		ident := s.mayIdentify(act, c)
		out = CaseDetail{ID: c.ID, No: c.No, Received: c.Received.Time().Format(time.RFC3339), Channel: c.Channel,
			Title: caseText(ident, c.Title), Demand: caseText(ident, c.Demand), Facts: caseText(ident, c.Facts), Type: c.Type,
			Category: c.Category, Status: c.Status, StatusLabel: statusLabel(c.Status), Disposal: c.Disposal,
			Outcome: c.Outcome, Reply: caseText(ident, c.Reply), Due: c.Due.String(),
			Visits: max(c.Visits, 1), Repeat: c.Repeat, FirstCase: c.FirstCase, Confidential: IsConfidential(c),
			Identified: ident, People: []CasePersonView{}}
		for _, cp := range c.People {
			p, err := tx.Person(cp.Person)
			if err != nil {
				continue
			}
			v := CasePersonView{PersonView: s.personView(act, c, p, true), Role: cp.Role}
			if out.Identified {
				v.Sex = p.Sex
			}
			out.People = append(out.People, v)
		}
		events, err := tx.Events(id)
		if err != nil {
			return err
		}
		out.Timeline = s.timeline(tx, act, c, events)
		return nil
	})
	return out, err
}

func (s *Cases) timeline(tx *store.Tx, act *Actor, c *store.Case, events []store.Event) []TimelineEntry {
	names := userNames(tx)
	corrected := map[uint64]uint64{}
	for _, e := range events {
		if e.Corrects != 0 {
			corrected[e.Corrects] = e.ID
		}
	}
	identified := s.mayIdentify(act, c)
	seeRisk := act.May(PermRisk) && identified
	// A correction shows the visit of the record it corrects.
	visits := map[uint64]*store.Visit{}
	for i := range events {
		e := &events[i]
		if e.Visit != nil {
			visits[e.ID] = e.Visit
		} else if e.Corrects != 0 {
			visits[e.ID] = visits[e.Corrects]
		}
	}
	out := []TimelineEntry{}
	for i := range events {
		e := &events[i]
		te := TimelineEntry{ID: e.ID, Kind: e.Kind, At: e.At.Time().Format(time.RFC3339), By: names[e.By],
			Text: caseText(identified, e.Text), Corrects: e.Corrects, CorrectedBy: corrected[e.ID], ScriptRefs: []WordingRef{}}
		if e.From != "" || e.To != "" {
			te.From, te.To = statusLabel(e.From), statusLabel(e.To)
		}
		if e.Visit != nil {
			te.Visit, te.Repeat = true, e.Visit.Repeat
			te.Receptionist = names[e.Visit.Receptionist]
		}
		if e.Record != nil {
			te.Record = recordView(visits[e.ID], e.Record, identified, seeRisk)
			for _, sid := range e.Record.Scripts {
				ref := WordingRef{ID: sid}
				if w, err := tx.Wording(sid); err == nil {
					ref.Topic, ref.Status = w.Topic, w.Status
				}
				te.ScriptRefs = append(te.ScriptRefs, ref)
			}
		}
		out = append(out, te)
	}
	return out
}

// recordView is a reception record as the session may read it: its text
// masked on a confidential case it may not identify (caseText), the risk
// notes only with seeRisk.
func recordView(v *store.Visit, r *store.Record, identified, seeRisk bool) *CaseRecord {
	t := func(s string) string { return caseText(identified, s) }
	out := &CaseRecord{Statement: t(r.Statement), QA: t(r.QA), Materials: t(r.Materials),
		Explanations: t(r.Explanations), Scripts: append([]uint64{}, r.Scripts...), Commitments: t(r.Commitments),
		Procedure: r.Procedure, Remedies: r.Remedies, Confirmed: r.Confirmed, Refusal: t(r.Refusal)}
	if r.Start != 0 {
		out.Start = r.Start.Time().Format(time.RFC3339)
	}
	if r.End != 0 {
		out.End = r.End.Time().Format(time.RFC3339)
	}
	if v != nil {
		out.Place, out.Leader, out.Present, out.IDChecked = v.Place, v.Leader, v.Present, v.IDChecked
		out.Receptionist = v.Receptionist
	}
	if seeRisk {
		out.RiskNotes = r.RiskNotes
	} else {
		out.RiskHidden = r.RiskNotes != ""
	}
	return out
}

// parseRecordTime reads RFC 3339 or the "YYYY-MM-DDTHH:MM" of a datetime input
// (local time).
func parseRecordTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errBadRecordTime
}

var errBadRecordTime = newError("record.time", "时间格式不正确。")

// checkCaseRecord validates a record and makes the stored one. now bounds the
// times: nothing in the future.
func checkCaseRecord(in CaseRecord, now time.Time) (*store.Record, error) {
	r := &store.Record{Statement: strings.TrimSpace(in.Statement), QA: strings.TrimSpace(in.QA),
		Materials: strings.TrimSpace(in.Materials), Explanations: strings.TrimSpace(in.Explanations),
		Commitments: strings.TrimSpace(in.Commitments), Procedure: in.Procedure, Remedies: in.Remedies,
		RiskNotes: strings.TrimSpace(in.RiskNotes), Confirmed: in.Confirmed, Refusal: strings.TrimSpace(in.Refusal)}
	if r.Statement == "" && r.QA == "" {
		return nil, fieldError("record.statement", "statement", "请填写来访人的陈述或问答内容。")
	}
	for _, f := range []struct {
		name, label, val string
		max              int
	}{
		{"statement", "陈述", r.Statement, 20000}, {"qa", "问答", r.QA, 20000},
		{"materials", "接收材料", r.Materials, 2000}, {"explanations", "解释说明", r.Explanations, 10000},
		{"commitments", "承诺事项", r.Commitments, 2000}, {"riskNotes", "风险情况", r.RiskNotes, 2000},
		{"refusal", "拒签说明", r.Refusal, 500},
	} {
		if len([]rune(f.val)) > f.max {
			return nil, fieldError("record.tooLong", f.name, f.label+"太长（最多 "+strconv.Itoa(f.max)+" 字）。")
		}
	}
	var start, end time.Time
	var err error
	if strings.TrimSpace(in.Start) != "" {
		if start, err = parseRecordTime(in.Start); err != nil {
			return nil, fieldError("record.time", "start", "开始时间格式不正确，应为 2026-03-02 09:30。")
		}
		if start.After(now.Add(5 * time.Minute)) {
			return nil, fieldError("record.future", "start", "开始时间不能晚于现在。")
		}
		r.Start = store.StampOf(start)
	}
	if strings.TrimSpace(in.End) != "" {
		if end, err = parseRecordTime(in.End); err != nil {
			return nil, fieldError("record.time", "end", "结束时间格式不正确，应为 2026-03-02 10:15。")
		}
		if end.After(now.Add(5 * time.Minute)) {
			return nil, fieldError("record.future", "end", "结束时间不能晚于现在。")
		}
		if !start.IsZero() && end.Before(start) {
			return nil, fieldError("record.order", "end", "结束时间不能早于开始时间。")
		}
		r.End = store.StampOf(end)
	}
	if in.Present < 0 || in.Present > 10000 {
		return nil, fieldError("record.present", "present", "来访人数不正确。")
	}
	if len([]rune(in.Place)) > 100 {
		return nil, fieldError("record.place", "place", "接待地点最多 100 个字。")
	}
	if len([]rune(in.Leader)) > 50 {
		return nil, fieldError("record.leader", "leader", "接谈领导最多 50 个字。")
	}
	if r.Confirmed && r.Refusal != "" {
		return nil, fieldError("record.refusal", "refusal", "来访人已确认签字时，不应再填写拒签说明。")
	}
	return r, nil
}

// AddRecord records a later visit on the case with its reception record
// (a repeat visit: the case's visit count goes up). It returns the new
// timeline entry's ID.
func (s *Cases) AddRecord(caseID uint64, in CaseRecord) (uint64, error) {
	var id uint64
	err := s.recordUpdate("Cases.AddRecord", caseID, in, func(tx *store.Tx, act *Actor, c *store.Case, rec *store.Record, now time.Time) error {
		var err error
		if rec.Scripts, err = usableScripts(tx, in.Scripts, civil.DateOf(now), nil, "scripts"); err != nil {
			return err
		}
		v := &store.Visit{Channel: "走访", Place: strings.TrimSpace(in.Place), Leader: strings.TrimSpace(in.Leader),
			Present: max(in.Present, 1), IDChecked: in.IDChecked, Receptionist: act.ID}
		if in.Receptionist != 0 {
			if u, err := tx.User(in.Receptionist); err != nil || !u.Active {
				return fieldError("record.receptionist", "receptionist", "接谈人不存在或已停用。")
			}
			v.Receptionist = in.Receptionist
		}
		for _, p := range c.People {
			v.People = append(v.People, p.Person)
		}
		if rec.Start != 0 {
			v.At = rec.Start
		}
		id, err = tx.AddVisit(caseID, v, rec, act.ID)
		return err
	})
	return id, err
}

// recordUpdate is what adding and correcting a record share: the
// session's right to method, the record checked against the clock, and
// one write transaction in which fn gets the case.
func (s *Cases) recordUpdate(method string, caseID uint64, in CaseRecord,
	fn func(tx *store.Tx, act *Actor, c *store.Case, rec *store.Record, now time.Time) error) error {
	act, st, err := s.gate(method, in)
	if err != nil {
		return err
	}
	now := s.app.now()
	rec, err := checkCaseRecord(in, now)
	if err != nil {
		return err
	}
	return st.Update(func(tx *store.Tx) error {
		c, err := tx.Case(caseID)
		if err != nil {
			return err
		}
		return fn(tx, act, c, rec, now)
	})
}

// CorrectRecord corrects the reception record of timeline entry eventID:
// a new entry with the corrected record, pointing at the old one, which
// stays. Only the latest version of a record may be corrected. Risk notes
// this session may not see are carried over unchanged.
func (s *Cases) CorrectRecord(caseID, eventID uint64, in CaseRecord) (uint64, error) {
	var id uint64
	err := s.recordUpdate("Cases.CorrectRecord", caseID, in, func(tx *store.Tx, act *Actor, c *store.Case, rec *store.Record, now time.Time) error {
		events, err := tx.Events(caseID)
		if err != nil {
			return err
		}
		var old *store.Event
		for i := range events {
			if events[i].ID == eventID {
				old = &events[i]
			}
			if events[i].Corrects == eventID {
				return newError("record.corrected", "这条记录已经更正过，请在最新的一条上更正。")
			}
		}
		if old == nil || old.Record == nil {
			return newError(CodeNotFound, "要更正的接谈记录不存在。")
		}
		if !s.mayIdentify(act, c) {
			// The session sees the record masked: a correction made on
			// that would replace the words it never saw.
			return newError("record.confidential", "保密件的接谈记录须由有保密件授权的人员查看身份后更正。")
		}
		keep := map[uint64]bool{}
		for _, sid := range old.Record.Scripts {
			keep[sid] = true
		}
		if rec.Scripts, err = usableScripts(tx, in.Scripts, civil.DateOf(now), keep, "scripts"); err != nil {
			return err
		}
		if !(act.May(PermRisk) && s.mayIdentify(act, c)) {
			rec.RiskNotes = old.Record.RiskNotes
		}
		ev := &store.Event{Kind: store.EventCorrection, By: act.ID, Record: rec, Corrects: eventID,
			At: store.StampOf(now)}
		if err := tx.AppendEvent(caseID, ev); err != nil {
			return err
		}
		id = ev.ID
		return s.audit(tx, act, "edit", "case", caseID, "更正接谈记录："+c.No, "")
	})
	return id, err
}
