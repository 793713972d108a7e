package app

import (
	"errors"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/petitioner"
	"laifang/store"
)

// Today's visits on the home screen.

// TodayVisit is one line of today's visits on the home screen. Personal
// data is masked as in every list; a confidential case shows no identity
// without the grant and a reveal.
type TodayVisit struct {
	VisitID      uint64 `json:"visitId"`
	CaseID       uint64 `json:"caseId"`
	CaseNo       string `json:"caseNo"`
	At           string `json:"at"` // HH:MM
	Name         string `json:"name"`
	IDNumber     string `json:"idNumber"`
	Phone        string `json:"phone"`
	People       int    `json:"people"`
	Present      int    `json:"present"`
	Title        string `json:"title"`
	Type         string `json:"type"`
	Status       string `json:"status"`
	StatusLabel  string `json:"statusLabel"`
	Disposal     string `json:"disposal"`
	Repeat       bool   `json:"repeat"`
	Group        bool   `json:"group"`
	Confidential bool   `json:"confidential"`
	Masked       bool   `json:"masked"`
	// Flags are the marks of the visit and its case as the 来访登记表
	// prints them (caseFlags): 集体访, 重复访, 重大紧急 …
	Flags []string `json:"flags"`
}

// Today lists today's visits, newest first.
func (s *Visits) Today() ([]TodayVisit, error) {
	act, st, err := s.gate("Visits.Today")
	if err != nil {
		return nil, err
	}
	out := []TodayVisit{}
	err = st.View(func(tx *store.Tx) error {
		vs, err := tx.VisitsOn(civil.DateOf(tx.Now()))
		if err != nil {
			return err
		}
		cases := map[uint64]*store.Case{}
		for i := len(vs) - 1; i >= 0; i-- {
			v := vs[i]
			if !caseVisible(tx, act, v.Case) {
				continue
			}
			c := cases[v.Case]
			if c == nil {
				if c, err = tx.Case(v.Case); err != nil {
					return err
				}
				cases[v.Case] = c
			}
			row := TodayVisit{VisitID: v.ID, CaseID: c.ID, CaseNo: c.No, At: v.At.Time().Local().Format("15:04"),
				People: len(v.People), Present: v.Present, Title: c.Title, Type: c.Type, Status: c.Status,
				StatusLabel: casestate.Labels[casestate.State(c.Status)], Disposal: v.Disposal,
				Repeat: v.Repeat, Group: c.Group, Confidential: IsConfidential(c), Flags: caseFlags(c, repeatVisit(c, &v))}
			if len(v.People) == 0 {
				row.People = len(c.People)
			}
			pid := firstPerson(&v, c)
			if pid != 0 {
				p, err := tx.Person(pid)
				if err != nil && !errors.Is(err, store.ErrNotFound) {
					return err
				}
				if p != nil {
					pv := s.personView(act, c, p, false)
					row.Name, row.IDNumber, row.Masked = pv.Name, pv.IDNumber, pv.Masked
					if len(pv.Phones) > 0 {
						row.Phone = pv.Phones[0]
					}
					if p.Anonymous && !pv.Masked {
						row.Name = "（匿名）"
					}
				}
			}
			row.Title = caseText(s.mayIdentify(act, c), c.Title)
			out = append(out, row)
		}
		return nil
	})
	return out, err
}

// firstPerson is the person today's list shows for a visit: the main
// petitioner (petitioner.MainOf) among the people of the visit, with
// their roles on the case; the case's when the visit names no one.
func firstPerson(v *store.Visit, c *store.Case) uint64 {
	if len(v.People) == 0 {
		return c.MainPetitioner()
	}
	on := map[uint64]*store.CasePerson{}
	for i := range c.People {
		on[c.People[i].Person] = &c.People[i]
	}
	i := petitioner.MainOf(len(v.People), func(i int) (string, bool, bool) {
		if cp := on[v.People[i]]; cp != nil {
			return cp.Role, cp.Contact, v.People[i] != 0
		}
		return "", false, v.People[i] != 0
	})
	if i < 0 {
		return 0
	}
	return v.People[i]
}
