package app

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/dict"
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

// CaseListRow is one case in the list. Match says why a search found it
// (casesearch.go): by its number, a petitioner's name, ID number or phone,
// or its text, with the matched parts.
type CaseListRow struct {
	ID          uint64      `json:"id"`
	No          string      `json:"no"`
	Received    string      `json:"received"` // YYYY-MM-DD
	Title       string      `json:"title"`
	Type        string      `json:"type"`
	Status      string      `json:"status"`
	StatusLabel string      `json:"statusLabel"`
	Visits      int         `json:"visits"`
	Petitioner  string      `json:"petitioner"`
	Repeat      bool        `json:"repeat"`
	Match       []CaseMatch `json:"match"` // empty without search text
}

// CaseList is one page of the list. Kind is what the search text was
// taken for (classifySearch).
type CaseList struct {
	Rows  []CaseListRow `json:"rows"`
	Total int           `json:"total"`
	Exact bool          `json:"exact"`
	Kind  string        `json:"kind"`
}

// searchPeopleLimit bounds the people a name finds and the cases of each
// one the list shows.
const searchPeopleLimit = 20

// List searches the cases, newest first. Search text finds a case by its
// number and a person's cases by his name, ID number or phone (through the
// store's indexes, shown first on the first page) beside the full text. A
// session without the confidential grant finds no confidential case by its
// text, and none by its people unless it may identify them; it sees the
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
	kind := ""
	if sq.Text != "" {
		hideFromSearch(act, &sq)
		kind = classifySearch(sq.Text)
	}
	// A case number is found by its index alone: its digits as words of
	// the text would match every amount and date ("00"), slowly and
	// wrongly.
	r := &store.SearchResult{Exact: true}
	if kind != SearchCaseNo {
		err = st.View(func(tx *store.Tx) error {
			scopeQuery(tx, act, &sq)
			r, err = tx.Search(sq)
			return err
		})
		if err != nil {
			return CaseList{}, err
		}
	}
	out := CaseList{Rows: []CaseListRow{}, Total: r.Total, Exact: r.Exact, Kind: kind}
	err = st.View(func(tx *store.Tx) error {
		at := map[uint64]int{} // row index by case id
		listRow := func(row *store.CaseRow) CaseListRow {
			identified := s.mayIdentifyRow(act, row)
			return CaseListRow{ID: row.ID, No: row.No, Received: row.Received.Date().String(),
				Title: caseText(identified, row.Title), Type: row.Type, Status: row.Status,
				StatusLabel: statusLabel(row.Status), Visits: max(row.Visits, 1), Petitioner: s.rowName(act, row),
				Repeat: row.Repeat, Match: []CaseMatch{}}
		}
		add := func(row *store.CaseRow, m CaseMatch) {
			if q.Status != "" && row.Status != q.Status || !caseVisible(tx, act, row.ID) {
				return
			}
			i, ok := at[row.ID]
			if !ok {
				i = len(out.Rows)
				at[row.ID] = i
				out.Rows = append(out.Rows, listRow(row))
			}
			out.Rows[i].Match = append(out.Rows[i].Match, m)
		}
		if kind != "" && sq.Offset == 0 {
			if err := s.listByIndexes(tx, act, kind, sq.Text, add); err != nil {
				return err
			}
		}
		extra := len(out.Rows)
		words := strings.Fields(sq.Text)
		for i := range r.Rows {
			row := &r.Rows[i]
			if _, dup := at[row.ID]; dup {
				extra--
			} else if kind == "" {
				at[row.ID] = len(out.Rows)
				out.Rows = append(out.Rows, listRow(row))
				continue
			}
			if !s.mayIdentifyRow(act, row) {
				add(row, CaseMatch{Field: MatchText, Spans: []MatchSpan{}})
				continue
			}
			c, err := tx.Case(row.ID)
			if err != nil {
				return err
			}
			for _, m := range textMatches(c, words) {
				add(row, m)
			}
		}
		out.Total += extra
		return nil
	})
	if err != nil {
		return CaseList{}, err
	}
	return out, nil
}

// listByIndexes finds what search text names through the store's indexes:
// the case of that number, the cases of the people of that name, ID number
// or phone. A person's link to a case whose people this session may not
// identify is not shown: that he is on a confidential case is his
// identity as a whistle-blower.
func (s *Cases) listByIndexes(tx *store.Tx, act *Actor, kind, text string, add func(*store.CaseRow, CaseMatch)) error {
	var years []int
	for y := s.app.now().Year(); len(years) < 10; y-- {
		years = append(years, y)
	}
	rows, err := tx.CaseRowsByNo(text, years)
	if err != nil {
		return err
	}
	for i := range rows {
		add(&rows[i], numberMatch(rows[i].No, text))
	}
	people, err := searchPeople(tx, kind, text, searchPeopleLimit)
	if err != nil {
		return err
	}
	var found []store.CaseRow
	why := map[uint64]CaseMatch{}
	for i := range people {
		p := &people[i]
		if p.Anonymous {
			continue
		}
		prs, err := tx.PersonCaseRows(p.ID, searchPeopleLimit)
		if err != nil {
			return err
		}
		for _, row := range prs {
			if _, seen := why[row.ID]; seen || !s.mayIdentifyRow(act, &row) {
				continue
			}
			why[row.ID] = personMatch(act, kind, text, p)
			found = append(found, row)
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].ID > found[j].ID })
	for i := range found {
		add(&found[i], why[found[i].ID])
	}
	return nil
}

// CasePersonView is a person on a case with their role.
type CasePersonView struct {
	PersonView
	Role string `json:"role"`
	Sex  string `json:"sex"`
}

// CaseRecord is a reception record (接谈记录) with the visit it belongs to,
// as the case view edits and shows it: the record (RecordInput, the
// intake form's) and what belongs to the later visit itself.
type CaseRecord struct {
	RecordInput
	Place      string `json:"place"`
	Present    int    `json:"present"`
	RiskHidden bool   `json:"riskHidden"` // there are notes this session may not see
}

// TimelineEntry is one entry of a case's timeline: an event of its own
// (ID not 0), or what the case's record, its tasks and its letters tell
// happened without one (timeline.go).
type TimelineEntry struct {
	ID           uint64       `json:"id"`
	Key          string       `json:"key"`   // unique on the timeline
	Kind         string       `json:"kind"`  // store.Event* kinds, or Kind* of timeline.go
	Label        string       `json:"label"` // what happened, in Chinese
	At           string       `json:"at"`    // RFC 3339, or YYYY-MM-DD where only the day is known
	By           string       `json:"by"`
	Text         string       `json:"text"`
	Details      []CaseField  `json:"details"`
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

// CaseField is one labelled fact of a timeline entry (承办单位, 办理期限 …).
type CaseField struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// CaseDetail is one case as the case view shows it: the whole case, its
// text masked as caseText masks it, the accused and the risk tags as
// caseSecrets gives them.
type CaseDetail struct {
	ID uint64 `json:"id"`
	// Rev is the case's revision as read: a change sent with it (a step, a
	// task) is refused when the case changed since (CodeStale).
	Rev           uint64   `json:"rev"`
	No            string   `json:"no"`
	ExternalNo    string   `json:"externalNo"`
	Received      string   `json:"received"`   // RFC 3339
	Registered    string   `json:"registered"` // RFC 3339
	RegisteredBy  string   `json:"registeredBy"`
	Channel       string   `json:"channel"`
	Incoming      string   `json:"incoming"`     // the 来文: office, number, date
	ImportedFrom  string   `json:"importedFrom"` // the old ledger's file it was imported from (ledgerimport.go)
	Title         string   `json:"title"`
	Demand        string   `json:"demand"`
	Facts         string   `json:"facts"`
	Place         string   `json:"place"` // 问题发生地
	Type          string   `json:"type"`
	Category      string   `json:"category"`      // code
	CategoryLabel string   `json:"categoryLabel"` // 内容分类, by the office's list
	Accused       string   `json:"accused"`       // 被反映人 (caseSecrets)
	AccusedUnit   string   `json:"accusedUnit"`
	Present       int      `json:"present"`  // 来访人数
	Involved      int      `json:"involved"` // 涉及人数
	Flags         []string `json:"flags"`    // 集体访, 重大紧急 … (caseFlags)
	RiskTags      []string `json:"riskTags"` // with case.risk only
	Prior         string   `json:"prior"`
	Status        string   `json:"status"`
	StatusLabel   string   `json:"statusLabel"`
	Disposal      string   `json:"disposal"`
	DispDetail    string   `json:"dispDetail"` // the reason, the unit or the body (dispDetail)
	Opinion       string   `json:"opinion"`    // 拟办意见
	Accepted      string   `json:"accepted"`   // YYYY-MM-DD
	Unit          string   `json:"unit"`       // 承办单位
	Handler       string   `json:"handler"`
	Outcome       string   `json:"outcome"`
	Reply         string   `json:"reply"`
	Served        string   `json:"served"` // YYYY-MM-DD
	ServedHow     string   `json:"servedHow"`
	Closed        string   `json:"closed"` // YYYY-MM-DD
	ArchiveNo     string   `json:"archiveNo"`
	Visits        int      `json:"visits"`
	Repeat        bool     `json:"repeat"`
	FirstCase     uint64   `json:"firstCase"`
	Confidential  bool     `json:"confidential"`
	Identified    bool     `json:"identified"` // this session sees the people
	// MayReveal: a confidential case this session may reveal (it holds the
	// grant) and has not yet revealed (Privacy.Reveal).
	MayReveal bool             `json:"mayReveal"`
	People    []CasePersonView `json:"people"`
	Timeline  []TimelineEntry  `json:"timeline"` // oldest first
	// CalendarWarning: a running clock was counted through years the
	// holiday calendar does not cover (calendarWarning); "" otherwise.
	CalendarWarning string `json:"calendarWarning"`
	// Clocks are the clocks running on the case, each with its label,
	// legal date, internal target and how urgent it is today (clockViews).
	Clocks []ClockView `json:"clocks"`
}

// Get reads one case with its people (masked per role) and its timeline.
// A confidential case this session may not identify shows no one's
// identity and none of its text (caseText): its number, dates, type,
// status, marks and what happened when, without the words.
func (s *Cases) Get(id uint64) (CaseDetail, error) {
	act, st, err := s.gate("Cases.Get")
	if err != nil {
		return CaseDetail{}, err
	}
	var out CaseDetail
	err = st.View(func(tx *store.Tx) error {
		c, err := readCase(tx, act, id)
		if err != nil {
			return err
		}
		ident := s.mayIdentify(act, c)
		if err := shownClocks(tx, c); err != nil {
			return err
		}
		names := userNames(tx)
		lists := map[string]dict.List{}
		for _, n := range []string{dict.Category, dict.NotAccepted} {
			if lists[n], err = dictList(tx, n); err != nil {
				return err
			}
		}
		text := func(s string) string { return caseText(ident, s) }
		out = CaseDetail{ID: c.ID, Rev: c.Rev, No: c.No, ExternalNo: c.ExternalNo, ImportedFrom: c.ImportedFrom, Received: c.Received.Time().Format(time.RFC3339),
			RegisteredBy: names[c.RegisteredBy], Channel: c.Channel,
			Title: text(c.Title), Demand: text(c.Demand), Facts: text(c.Facts),
			Place: text(strings.TrimSpace(c.Region + " " + c.Place)), Type: c.Type,
			Category: c.Category, CategoryLabel: categoryLabel(lists[dict.Category], c),
			Present: c.Present, Involved: c.Involved, Flags: caseFlags(c, c.Repeat), RiskTags: []string{},
			Prior: text(c.Prior), Status: c.Status, StatusLabel: statusLabel(c.Status), Disposal: c.Disposal,
			DispDetail: dispDetail(tx, lists[dict.NotAccepted], c, ident), Opinion: text(c.DispOpinion),
			Accepted: c.Accepted.String(), Unit: unitName(tx, c.Unit), Handler: names[c.Handler],
			Outcome: c.Outcome, Reply: text(c.Reply), Served: c.Served.String(), ServedHow: c.ServedHow,
			Closed: c.Closed.String(), ArchiveNo: c.ArchiveNo,
			Visits: max(c.Visits, 1), Repeat: c.Repeat, FirstCase: c.FirstCase, Confidential: IsConfidential(c),
			Identified: ident, MayReveal: IsConfidential(c) && !ident && act.May(PermConfidential),
			People: []CasePersonView{}}
		warn, err := officeWarnDays(tx)
		if err != nil {
			return err
		}
		out.Clocks = clockViews(c, civil.DateOf(tx.Now()), warn)
		if c.Registered != 0 {
			out.Registered = c.Registered.Time().Format(time.RFC3339)
		}
		if c.FirstCase != 0 && !caseVisible(tx, act, c.FirstCase) {
			out.FirstCase = 0 // another department's: no link to follow (scope.go)
		}
		if c.Incoming != nil {
			out.Incoming = strings.TrimSpace(c.Incoming.Org + " " + c.Incoming.DocNo + " " + c.Incoming.DocDate.String())
		}
		if casestate.Open(casestate.State(c.Status)) {
			// Every running clock, not only the earliest: the handling
			// period may run into next year while the notice does not.
			var dues []civil.Date
			for _, k := range c.Clocks {
				dues = append(dues, k.Legal)
			}
			years, err := uncoveredYears(tx, dues...)
			if err != nil {
				return err
			}
			out.CalendarWarning = calendarWarning(years)
		}
		accused, risk := s.caseSecrets(act, c)
		out.Accused = accused
		if c.AccusedUnit != 0 {
			out.AccusedUnit = text(unitName(tx, c.AccusedUnit))
		}
		if act.May(PermRisk) {
			out.RiskTags = append(out.RiskTags, risk...)
		}
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
		out.Timeline, err = s.timeline(tx, act, c, events, names)
		return err
	})
	return out, err
}

// timeline is the case's timeline: its events, in the order they were
// written, each named and with its facts (eventEntry), and between them
// what the case tells happened without an event (caseEntries).
func (s *Cases) timeline(tx *store.Tx, act *Actor, c *store.Case, events []store.Event, names map[uint64]string) ([]TimelineEntry, error) {
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
		te := TimelineEntry{ID: e.ID, Key: "e" + strconv.FormatUint(e.ID, 10), Kind: e.Kind, Label: eventLabel(e.Kind),
			At: e.At.Time().Format(time.RFC3339), By: eventBy(names, e), Text: caseText(identified, e.Text),
			Details: visitDetails(e.Visit), Corrects: e.Corrects, CorrectedBy: corrected[e.ID], ScriptRefs: []WordingRef{}}
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
	more, err := s.caseEntries(tx, c, events, identified, names)
	if err != nil {
		return nil, err
	}
	return mergeTimeline(events, out, more, c.Registered), nil
}

// recordView is a reception record as the session may read it: its text
// masked on a confidential case it may not identify (caseText), the risk
// notes only with seeRisk.
func recordView(v *store.Visit, r *store.Record, identified, seeRisk bool) *CaseRecord {
	t := func(s string) string { return caseText(identified, s) }
	out := &CaseRecord{RecordInput: RecordInput{Statement: t(r.Statement), QA: t(r.QA), Materials: t(r.Materials),
		Explanations: t(r.Explanations), Scripts: append([]uint64{}, r.Scripts...), Commitments: t(r.Commitments),
		Procedure: r.Procedure, Remedies: r.Remedies, Confirmed: r.Confirmed, Refusal: t(r.Refusal)}}
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

// checkCaseRecord checks a record of the case view (checkRecord, as at
// intake, with the place and the number present of a later visit) and
// makes the stored one. A later record says something: a statement or
// questions and answers. Every problem comes back at once.
func checkCaseRecord(in *CaseRecord, now time.Time, mayRisk bool) (*store.Record, error) {
	trimRecord(&in.RecordInput)
	in.Place = strings.TrimSpace(in.Place)
	var is issues
	if in.Statement == "" && in.QA == "" {
		is.err("statement", CodeRequired, "请填写来访人的陈述或问答内容。")
	}
	checkRecord(&in.RecordInput, "", now, time.Time{}, mayRisk, &is)
	if in.Present < 0 || in.Present > maxPresent {
		is.err("present", "record.present", "来访人数不正确。")
	}
	checkLen(&is, "place", "接待地点", in.Place, maxShort)
	if len(is.errs) > 0 {
		return nil, invalid(is.errs)
	}
	return recordOf(&in.RecordInput), nil
}

// AddRecord records a later visit on the case with its reception record
// (a repeat visit: the case's visit count goes up). It returns the new
// timeline entry's ID.
func (s *Cases) AddRecord(caseID uint64, in CaseRecord) (uint64, error) {
	var id uint64
	err := s.recordUpdate("Cases.AddRecord", caseID, &in, func(tx *store.Tx, act *Actor, c *store.Case, rec *store.Record, now time.Time) error {
		var err error
		if rec.Scripts, err = usableScripts(tx, in.Scripts, civil.DateOf(now), nil, "scripts"); err != nil {
			return err
		}
		v := &store.Visit{Channel: ChannelVisit, Place: in.Place, Leader: in.Leader,
			Present: max(in.Present, 1), IDChecked: in.IDChecked, Receptionist: act.ID}
		if in.Receptionist != 0 {
			if u, err := tx.User(in.Receptionist); err != nil || !u.Active {
				return fieldError("receptionist", "record.receptionist", "接谈人不存在或已停用。")
			}
			v.Receptionist = in.Receptionist
		}
		for _, p := range c.People {
			v.People = append(v.People, p.Person)
		}
		if rec.Start != 0 {
			v.At = rec.Start
		}
		if id, err = tx.AddVisit(caseID, v, rec, act.ID); err != nil {
			return err
		}
		return s.audit(tx, act, ActionVisit, "case", caseID, "记录再次来访："+c.No, "")
	})
	return id, err
}

// recordUpdate is what adding and correcting a record share: the
// session's right to method, the record checked against the clock, and
// one write transaction in which fn gets the case.
func (s *Cases) recordUpdate(method string, caseID uint64, in *CaseRecord,
	fn func(tx *store.Tx, act *Actor, c *store.Case, rec *store.Record, now time.Time) error) error {
	act, st, err := s.gate(method, *in)
	if err != nil {
		return err
	}
	now := s.app.now()
	rec, err := checkCaseRecord(in, now, act.May(PermRisk))
	if err != nil {
		return err
	}
	return st.Update(func(tx *store.Tx) error {
		c, err := readCase(tx, act, caseID)
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
	err := s.recordUpdate("Cases.CorrectRecord", caseID, &in, func(tx *store.Tx, act *Actor, c *store.Case, rec *store.Record, now time.Time) error {
		events, err := tx.Events(caseID)
		if err != nil {
			return err
		}
		var old *store.Event
		for i := range events {
			if eventID == 0 {
				break // an entry told from the case: no record of its own
			}
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
		return s.audit(tx, act, ActionEdit, "case", caseID, "更正接谈记录："+c.No, "")
	})
	return id, err
}

// eventBy names who wrote a timeline entry: a user, or the app itself for
// a step it took (CloseLapsed), which no user wrote.
func eventBy(names map[uint64]string, e *store.Event) string {
	if e.By == 0 && e.Kind == store.EventStatus {
		return "系统"
	}
	return names[e.By]
}
