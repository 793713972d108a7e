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
		text := func(s string) string { return caseText(identify, s) }
		out = RegistrationForm{OrgName: set.OrgName, CaseID: c.ID, CaseNo: c.No, ExternalNo: c.ExternalNo,
			Received: v.At.Time().Local().Format("2006-01-02 15:04"), Registered: c.Registered.Time().Local().Format("2006-01-02 15:04"),
			RegisteredBy: name(c.RegisteredBy), Channel: c.Channel, Reception: v.Place, Receptionist: name(v.Receptionist),
			Leader: v.Leader, Present: v.Present, Involved: c.Involved, Group: c.Group, Title: text(c.Title),
			Demand: text(c.Demand), Facts: text(c.Facts), Region: strings.TrimSpace(c.Region + " " + c.Place),
			Type: c.Type, Prior: text(c.Prior), Disposal: c.Disposal, Opinion: text(c.DispOpinion),
			StatusLabel: casestate.Labels[casestate.State(c.Status)], Due: c.Due.String(), Repeat: v.Repeat,
			People: []FormPerson{}, Flags: []string{}}
		if c.Incoming != nil {
			out.Incoming = strings.TrimSpace(c.Incoming.Org + " " + c.Incoming.DocNo + " " + c.Incoming.DocDate.String())
		}
		cat := lists[dict.Category]
		if e, ok := cat.Lookup(c.Category); ok {
			out.Category = e.Label
			if e2, ok := cat.Lookup(c.Category2); ok {
				out.Category += " / " + e2.Label
			}
		}
		switch c.Disposal {
		case "不予受理", "不再受理":
			if e, ok := lists[dict.NotAccepted].Lookup(c.DispReason); ok {
				out.DispDetail = e.Label
			}
		case "转送", "交办":
			if u, err := tx.Unit(c.Unit); err == nil {
				out.DispDetail = u.Name
			}
		default:
			out.DispDetail = c.DispReason
		}
		// 重复访 is this visit's mark: a later visit recorded on the case, or a
		// case registered as a repeat (linked to an earlier case, or with the
		// earlier petitions written down). The first visit of a case that
		// others were later linked to was not a repeat when it was made.
		repeatVisit := v.Repeat || (c.Repeat && (c.FirstCase != 0 || c.Prior != ""))
		for _, f := range []struct {
			on    bool
			label string
		}{{c.Group, "集体访"}, {repeatVisit, "重复访"}, {c.SkipLevel, "越级访"}, {c.Litigation, "涉法涉诉"},
			{c.Urgent, "重大紧急"}, {IsConfidential(c), "检举保密"}} {
			if f.on {
				out.Flags = append(out.Flags, f.label)
			}
		}
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
