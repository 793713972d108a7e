package app

import (
	"strconv"
	"time"

	"laifang/domain/civil"
	"laifang/store"
)

// RecordSheet is what the printed 接谈笔录 holds: one visit's reception
// record with its case, office and people. Risk notes are never printed.
type RecordSheet struct {
	OrgName      string           `json:"orgName"`
	CaseNo       string           `json:"caseNo"`
	CaseTitle    string           `json:"caseTitle"`
	EventID      uint64           `json:"eventId"`
	Date         string           `json:"date"` // 2026年3月2日
	Receptionist string           `json:"receptionist"`
	People       []CasePersonView `json:"people"`
	Record       CaseRecord       `json:"record"`
	Scripts      []WordingEntry   `json:"scripts"` // the wording used, word for word
	Corrected    bool             `json:"corrected"`
	Correction   bool             `json:"correction"` // this record corrects an earlier one
}

// RecordSheet reads the reception record of a timeline entry for printing.
// It is read as Visits.Form is (printPerms): what the case view masks for
// this session stays masked on paper, the text of a confidential case too.
func (s *Cases) RecordSheet(caseID, eventID uint64) (RecordSheet, error) {
	act, st, err := s.gate("Cases.RecordSheet")
	if err != nil {
		return RecordSheet{}, err
	}
	var out RecordSheet
	err = st.View(func(tx *store.Tx) error {
		c, err := readCase(tx, act, caseID)
		if err != nil {
			return err
		}
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		e, v, corrected, err := sheetRecord(tx, caseID, eventID)
		if err != nil {
			return err
		}
		out.Corrected = corrected
		names := userNames(tx)
		identified := s.mayIdentify(act, c)
		out.OrgName, out.CaseNo, out.CaseTitle, out.EventID = set.OrgName, c.No, caseText(identified, c.Title), e.ID
		out.Correction = e.Corrects != 0
		at := e.At
		if v != nil {
			at = v.At
			out.Receptionist = names[v.Receptionist]
		}
		if e.Record.Start != 0 {
			at = e.Record.Start
		}
		out.Date = chineseDate(at.Time())
		out.Record = *recordView(v, e.Record, identified, false)
		out.Record.RiskNotes, out.Record.RiskHidden = "", false
		out.People = []CasePersonView{}
		for _, cp := range c.People {
			if v != nil && len(v.People) > 0 && !containsID(v.People, cp.Person) {
				continue
			}
			p, err := tx.Person(cp.Person)
			if err != nil {
				continue
			}
			pv := CasePersonView{PersonView: s.personView(act, c, p, true), Role: cp.Role}
			if identified {
				pv.Sex = p.Sex
			}
			out.People = append(out.People, pv)
		}
		today := civil.DateOf(s.app.now())
		out.Scripts = []WordingEntry{}
		for _, sid := range e.Record.Scripts {
			if w, err := tx.Wording(sid); err == nil {
				out.Scripts = append(out.Scripts, wordingEntry(w, today, names))
			}
		}
		return nil
	})
	return out, err
}

// sheetRecord finds the reception record of timeline entry eventID of a
// case: the entry, the visit it records (a correction: the visit of the
// record it corrects), and whether a later entry corrected it. The record
// sheet and the audit entry of its print read it alike.
func sheetRecord(tx *store.Tx, caseID, eventID uint64) (*store.Event, *store.Visit, bool, error) {
	events, err := tx.Events(caseID)
	if err != nil {
		return nil, nil, false, err
	}
	var e *store.Event
	corrected := false
	visits := map[uint64]*store.Visit{}
	for i := range events {
		ev := &events[i]
		if ev.Visit != nil {
			visits[ev.ID] = ev.Visit
		} else if ev.Corrects != 0 {
			visits[ev.ID] = visits[ev.Corrects]
		}
		if ev.ID == eventID {
			e = ev
		}
		if ev.Corrects == eventID {
			corrected = true
		}
	}
	if e == nil || e.Record == nil {
		return nil, nil, false, newError(CodeNotFound, "这条接谈记录不存在。")
	}
	return e, visits[e.ID], corrected, nil
}

func containsID(ids []uint64, id uint64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// chineseDate writes a day as letters do: 2026年3月2日, no zero padding.
func chineseDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006") + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}
