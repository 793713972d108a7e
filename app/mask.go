package app

import (
	"strings"

	"laifang/domain/confidential"
	"laifang/store"
)

// Masking: what lists, search results, exports and statistics show of
// personal data. In full only in the case view, for sessions that may see
// it (PermPersonFull); a whistle-blower's identity only after Reveal.

// MaskIDNumber keeps the area code and the last four characters:
// 110101199003071234 → 110101********1234. Short values are masked whole
// but for the last character.
func MaskIDNumber(s string) string {
	r := []rune(strings.TrimSpace(s))
	switch {
	case len(r) == 0:
		return ""
	case len(r) >= 15:
		return string(r[:6]) + strings.Repeat("*", len(r)-10) + string(r[len(r)-4:])
	case len(r) > 4:
		return strings.Repeat("*", len(r)-2) + string(r[len(r)-2:])
	}
	return strings.Repeat("*", len(r))
}

// MaskPhone keeps the first three and the last four digits:
// 13812345678 → 138****5678; a landline keeps its area code and the
// last four: 010-12345678 → 010-****5678.
func MaskPhone(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '-'); i > 0 {
		// A landline: the area code stays, the number keeps its last four.
		local := []rune(s[i+1:])
		for j := range local {
			if j < len(local)-4 && local[j] >= '0' && local[j] <= '9' {
				local[j] = '*'
			}
		}
		return s[:i+1] + string(local)
	}
	r := []rune(s)
	digits := 0
	for _, c := range r {
		if c >= '0' && c <= '9' {
			digits++
		}
	}
	if digits <= 7 {
		out := make([]rune, len(r))
		for i, c := range r {
			if c >= '0' && c <= '9' && i < len(r)-2 {
				c = '*'
			}
			out[i] = c
		}
		return string(out)
	}
	out := make([]rune, len(r))
	seen := 0
	for i, c := range r {
		if c >= '0' && c <= '9' {
			seen++
			if seen > 3 && seen <= digits-4 {
				c = '*'
			}
		}
		out[i] = c
	}
	return string(out)
}

// MaskName keeps the family name: 张三丰 → 张**.
func MaskName(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= 1 {
		return string(r)
	}
	return string(r[0]) + strings.Repeat("*", len(r)-1)
}

// Hidden stands for a whistle-blower's identity where it may not be shown.
const Hidden = "（保密）"

// TypeReport is the case type whose reporter is always protected.
const TypeReport = confidential.TypeReport

// IsConfidential tells whether a case hides its petitioner's identity and
// risk notes: what was decided when the case was written (confidentialCase).
func IsConfidential(c *store.Case) bool { return c.Confidential }

// confidentialCase is the one decision, made whenever the app writes a
// case (registration, a repeat visit that brings a person onto it):
// domain/confidential.Case, stored as store.Case.Confidential.
func confidentialCase(caseType string, marked, whistleBlower bool) bool {
	return confidential.Case(caseType, marked, whistleBlower)
}

// mayIdentify tells whether this session may show the identity of the
// people on case c, and its text: always for an ordinary case; for a
// confidential one only with the grant and after Privacy.Reveal in this
// session.
func (b *svc) mayIdentify(act *Actor, c *store.Case) bool {
	return b.mayIdentifyCase(act, c.ID, IsConfidential(c))
}

func (b *svc) mayIdentifyCase(act *Actor, id uint64, confidential bool) bool {
	if !confidential {
		return true
	}
	return act.May(PermConfidential) && b.sess.Revealed(id)
}

// PersonView is a person as a list, a search result or an export shows
// them. A person this session may not identify (on a confidential case)
// has ID 0 and nothing else of his own: nothing that links him to his
// other cases.
type PersonView struct {
	ID       uint64   `json:"id"`
	Name     string   `json:"name"`
	IDNumber string   `json:"idNumber,omitempty"`
	Phones   []string `json:"phones,omitempty"`
	Address  string   `json:"address,omitempty"`
	Masked   bool     `json:"masked"`
}

// personView is what act may see of p on case c: full is the case view
// (ID numbers and phones in full for PermPersonFull), otherwise a list.
// On a confidential case without Reveal, nothing identifies the person.
func (b *svc) personView(act *Actor, c *store.Case, p *store.Person, full bool) PersonView {
	if c != nil && !b.mayIdentify(act, c) {
		return PersonView{Name: Hidden, Masked: true}
	}
	return identityView(act, p, full)
}

// identityView is a person this session may identify: in full where full
// and the session holds PermPersonFull, masked as lists mask otherwise.
func identityView(act *Actor, p *store.Person, full bool) PersonView {
	v := PersonView{ID: p.ID, Name: p.Name}
	if full && act.May(PermPersonFull) {
		v.IDNumber, v.Phones, v.Address = p.IDNumber, p.Phones, p.Address
		return v
	}
	v.Masked = true
	v.IDNumber = MaskIDNumber(p.IDNumber)
	v.Phones = MaskPhones(p.Phones)
	if p.Address != "" {
		v.Address = maskAddress(p.Address)
	}
	return v
}

// maskAddress keeps the first six characters (the district).
func maskAddress(s string) string {
	r := []rune(s)
	if len(r) <= 6 {
		return string(r)
	}
	return string(r[:6]) + "****"
}

// MaskPhones masks each number of a list (MaskPhone).
func MaskPhones(phones []string) []string {
	if len(phones) == 0 {
		return nil
	}
	out := make([]string, len(phones))
	for i, p := range phones {
		out[i] = MaskPhone(p)
	}
	return out
}

// IsConfidentialRow is IsConfidential for a list row.
func IsConfidentialRow(r *store.CaseRow) bool { return r.Confidential }

// mayIdentifyRow is mayIdentify for a list row (search results, the
// ledger, a person's cases): rows carry the case's type and flag.
func (b *svc) mayIdentifyRow(act *Actor, r *store.CaseRow) bool {
	return b.mayIdentifyCase(act, r.ID, IsConfidentialRow(r))
}

// rowName is the petitioner's name a list shows for a row: Hidden on a
// confidential case this session may not identify, "" for an anonymous
// one, the name otherwise.
func (b *svc) rowName(act *Actor, r *store.CaseRow) string {
	if r.Name != "" && !b.mayIdentifyRow(act, r) {
		return Hidden
	}
	return r.Name
}

// caseSecrets is what of a case's own fields identifies the people around
// a report: the accused and the risk tags. On a confidential case that
// this session may not identify, the accused is Hidden (when there is one)
// and the risk tags are none; lists, exports and department documents
// take them from here.
func (b *svc) caseSecrets(act *Actor, c *store.Case) (accused string, riskTags []string) {
	if !b.mayIdentify(act, c) {
		if c.Accused != "" {
			accused = Hidden
		}
		return accused, nil
	}
	return c.Accused, c.RiskTags
}

// caseText is a case's own text (its title, request, facts, records,
// replies, opinions) as a session shows it: as it is when the session may
// identify the people on the case (mayIdentify, mayIdentifyRow), else
// Hidden — a report's title often names the accused (举报某站所长…) and its
// facts the reporter. Today's visits, the case list and search results,
// the case view, the printed form and record sheet and the repeat panel
// all mask through here.
func caseText(identified bool, s string) string {
	if identified || s == "" {
		return s
	}
	return Hidden
}

// hideFromSearch keeps the confidential cases out of what a session
// without the grant finds by text: that a report matches the words typed
// is itself what the report says. By other filters they stay in the list,
// their text masked.
func hideFromSearch(act *Actor, q *store.Query) {
	if act.May(PermConfidential) {
		return
	}
	q.Confidential = store.ConfExclude
}

// personStanding reads person id's cases once and tells two things of
// him. seen: the session may already see him, being on a case whose people
// it may identify; a person taken by ID from the client (a repeat visitor
// picked from the file) must be one the session sees, and any other ID is
// answered as if it did not exist, so that guessing IDs tells nothing.
// whistleBlower: he is on a confidential case (any role), so his identity
// is protected wherever he appears again. Computed from his cases' rows (a
// few per person), so it is never stale: a case made confidential counts
// at once.
func (b *svc) personStanding(tx *store.Tx, act *Actor, id uint64) (seen, whistleBlower bool, err error) {
	rows, err := tx.PersonCaseRows(id, 0)
	if err != nil {
		return false, false, err
	}
	for i := range rows {
		seen = seen || b.mayIdentifyRow(act, &rows[i])
		whistleBlower = whistleBlower || IsConfidentialRow(&rows[i])
	}
	return seen, whistleBlower, nil
}

// mayIdentifyExport is mayIdentify for an export of the ledger: the
// session's grant alone decides (an export has no per-case Reveal; the
// export is audited as a whole), so a whistle-blower's identity leaves
// only with a user who holds the confidential grant.
func mayIdentifyExport(act *Actor, confidential bool) bool {
	return !confidential || act.May(PermConfidential)
}
