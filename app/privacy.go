package app

import (
	"strings"

	"laifang/store"
)

// Privacy reveals what is masked on a confidential case: an explicit
// action, with a reason, by a user with the confidential grant, audited.
type Privacy struct{ svc }

// Revealed is what a reveal shows: the people as the session's other
// permissions let it see them (ID numbers, phones and addresses in full
// only with PermPersonFull), the accused, and the risk tags and notes only
// with PermRisk.
type Revealed struct {
	CaseID    uint64       `json:"caseId"`
	People    []PersonView `json:"people"`
	Accused   string       `json:"accused"`
	RiskTags  []string     `json:"riskTags"`
	RiskNotes []string     `json:"riskNotes"`
}

// MaxReasonLen is the longest reason (a reveal, a purge) the audit log
// keeps; a longer one is refused, never cut.
const MaxReasonLen = 200

// Reveal shows the identity of the people on a confidential case, its
// accused and (with PermRisk) its risk notes, and lets this session show
// them and the case's text until it ends. The grant covers what
// confidentiality hides, nothing more: what the session's role may not see
// on an ordinary case stays masked here too, and an ordinary case has
// nothing to reveal. The reason goes into the audit log.
func (s *Privacy) Reveal(caseID uint64, reason string) (Revealed, error) {
	act, st, err := s.gate("Privacy.Reveal", named("reason", reason))
	if err != nil {
		return Revealed{}, err
	}
	reason = strings.TrimSpace(reason)
	if n := len([]rune(reason)); n < 4 {
		return Revealed{}, fieldError("reason", "reveal.reason", "请写明查看原因（至少 4 个字）。")
	} else if n > MaxReasonLen {
		return Revealed{}, fieldError("reason", "reveal.reasonLong", "查看原因太长（最多 200 个字）。")
	}
	out := Revealed{CaseID: caseID, People: []PersonView{}, RiskTags: []string{}, RiskNotes: []string{}}
	err = st.Update(func(tx *store.Tx) error {
		c, err := readCase(tx, act, caseID)
		if err != nil {
			return err
		}
		if !IsConfidential(c) {
			return newError("reveal.notConfidential", "该事项不是保密件，没有需要查看的保密信息。")
		}
		for _, cp := range c.People {
			p, err := tx.Person(cp.Person)
			if err != nil {
				return err
			}
			out.People = append(out.People, identityView(act, p, true))
		}
		out.Accused = c.Accused
		if act.May(PermRisk) {
			out.RiskTags = append(out.RiskTags, c.RiskTags...)
			events, err := tx.Events(caseID)
			if err != nil {
				return err
			}
			for _, e := range events {
				if e.Record != nil && e.Record.RiskNotes != "" {
					out.RiskNotes = append(out.RiskNotes, e.Record.RiskNotes)
				}
			}
		}
		return s.audit(tx, act, ActionReveal, "case", caseID, "查看保密件身份信息："+c.No, reason)
	})
	if err != nil {
		return Revealed{}, err
	}
	s.sess.markRevealed(caseID)
	return out, nil
}
