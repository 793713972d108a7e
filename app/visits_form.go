package app

import (
	"strings"

	"laifang/domain/casestate"
	"laifang/domain/dict"
	"laifang/domain/idcard"
	"laifang/store"
)

// The 来访登记表 of a visit, for printing.

// FormPerson is a petitioner as the printed form shows them.
type FormPerson struct {
	PersonView
	Role      string `json:"role"`
	Sex       string `json:"sex"`
	Birth     string `json:"birth"`
	IDType    string `json:"idType"`
	Household string `json:"household"`
	Workplace string `json:"workplace"`
}

// RegistrationForm is the 来访登记表 of one visit, for printing.
type RegistrationForm struct {
	OrgName      string       `json:"orgName"`
	CaseID       uint64       `json:"caseId"`
	CaseNo       string       `json:"caseNo"`
	ExternalNo   string       `json:"externalNo"`
	Received     string       `json:"received"`   // YYYY-MM-DD HH:MM
	Registered   string       `json:"registered"` // YYYY-MM-DD HH:MM
	RegisteredBy string       `json:"registeredBy"`
	Channel      string       `json:"channel"`
	Reception    string       `json:"reception"`
	Receptionist string       `json:"receptionist"`
	Leader       string       `json:"leader"`
	Incoming     string       `json:"incoming"`
	People       []FormPerson `json:"people"`
	Present      int          `json:"present"`
	Involved     int          `json:"involved"`
	Group        bool         `json:"group"`
	Title        string       `json:"title"`
	Demand       string       `json:"demand"`
	Facts        string       `json:"facts"`
	Region       string       `json:"region"`
	Accused      string       `json:"accused"`
	Type         string       `json:"type"`
	Category     string       `json:"category"`
	Flags        []string     `json:"flags"`
	Prior        string       `json:"prior"`
	Disposal     string       `json:"disposal"`
	DispDetail   string       `json:"dispDetail"`
	Opinion      string       `json:"opinion"`
	StatusLabel  string       `json:"statusLabel"`
	Due          string       `json:"due"`
	DueLabel     string       `json:"dueLabel"` // the clock Due is the date of: 受理告知期限, 办理期限 …
	Repeat       bool         `json:"repeat"`
	Masked       bool         `json:"masked"`
}

// Form returns the 来访登记表 of a visit of a case (visitID 0: the first).
// ID numbers and phones are in full for roles that see them in the case
// view; a confidential case's identities and text only after a reveal. It
// is read as Cases.RecordSheet is (printPerms).
func (s *Visits) Form(caseID, visitID uint64) (RegistrationForm, error) {
	act, st, err := s.gate("Visits.Form")
	if err != nil {
		return RegistrationForm{}, err
	}
	var out RegistrationForm
	err = st.View(func(tx *store.Tx) error {
		if !caseVisible(tx, act, caseID) {
			return store.ErrNotFound
		}
		c, v, err := formVisit(tx, caseID, visitID)
		if err != nil {
			return err
		}
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		lists := map[string]dict.List{}
		for _, n := range []string{dict.Category, dict.NotAccepted} {
			if lists[n], err = dictList(tx, n); err != nil {
				return err
			}
		}
		name := func(id uint64) string {
			if u, err := tx.User(id); err == nil {
				return u.Name
			}
			return ""
		}
		identify := s.mayIdentify(act, c)
		if err := shownClocks(tx, c); err != nil {
			return err
		}
		text := func(s string) string { return caseText(identify, s) }
		out = RegistrationForm{OrgName: set.OrgName, CaseID: c.ID, CaseNo: c.No, ExternalNo: c.ExternalNo,
			Received: v.At.Time().Local().Format("2006-01-02 15:04"), Registered: c.Registered.Time().Local().Format("2006-01-02 15:04"),
			RegisteredBy: name(c.RegisteredBy), Channel: c.Channel, Reception: v.Place, Receptionist: name(v.Receptionist),
			Leader: v.Leader, Present: v.Present, Involved: c.Involved, Group: c.Group, Title: text(c.Title),
			Demand: text(c.Demand), Facts: text(c.Facts), Region: strings.TrimSpace(c.Region + " " + c.Place),
			Type: c.Type, Prior: text(c.Prior), Disposal: c.Disposal, Opinion: text(c.DispOpinion),
			StatusLabel: casestate.Labels[casestate.State(c.Status)], Due: c.Due.String(), DueLabel: dueLabel(c),
			Repeat: v.Repeat, People: []FormPerson{}}
		if c.Incoming != nil {
			out.Incoming = strings.TrimSpace(c.Incoming.Org + " " + c.Incoming.DocNo + " " + c.Incoming.DocDate.String())
		}
		out.Category = categoryLabel(lists[dict.Category], c)
		out.DispDetail = dispDetail(tx, lists[dict.NotAccepted], c, identify)
		out.Flags = caseFlags(c, repeatVisit(c, v))
		if identify {
			out.Accused = c.Accused
		} else {
			out.Accused, out.Masked = Hidden, true
		}
		ids := v.People
		roles := map[uint64]string{}
		for _, cp := range c.People {
			roles[cp.Person] = cp.Role
			if len(v.People) == 0 {
				ids = append(ids, cp.Person)
			}
		}
		for _, id := range ids {
			p, err := tx.Person(id)
			if err != nil {
				return err
			}
			fp := FormPerson{PersonView: s.personView(act, c, p, true), Role: roles[id]}
			if identify {
				fp.Sex, fp.Birth, fp.IDType, fp.Household, fp.Workplace = sexLabel(p.Sex), p.Birth.String(), p.IDType, p.Household, p.Workplace
				if fp.IDType == "" {
					fp.IDType = string(idcard.Resident)
				}
				if fp.Masked {
					fp.Household = ""
				}
			}
			out.Masked = out.Masked || fp.Masked
			out.People = append(out.People, fp)
		}
		return nil
	})
	return out, err
}

// formVisit finds the visit of a case the 来访登记表 shows (visitID 0:
// the first). The form and the audit entry of its print read it alike.
func formVisit(tx *store.Tx, caseID, visitID uint64) (*store.Case, *store.Visit, error) {
	c, err := tx.Case(caseID)
	if err != nil {
		return nil, nil, err
	}
	vs, err := tx.CaseVisits(caseID)
	if err != nil {
		return nil, nil, err
	}
	for i := range vs {
		// newest first: the last is the first visit
		if vs[i].ID == visitID || (visitID == 0 && i == len(vs)-1) {
			return c, &vs[i], nil
		}
	}
	return nil, nil, store.ErrNotFound
}
