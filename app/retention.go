package app

import (
	"fmt"
	"strings"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store"
)

// Retention is the administrator's purge of archived cases whose
// retention period has ended (PIPL art. 19, 47).
type Retention struct{ svc }

// ExpiredCase is an archived case past its retention date. No personal
// data: the number, the category and the dates.
type ExpiredCase struct {
	ID          uint64 `json:"id"`
	No          string `json:"no"`
	Type        string `json:"type"`
	Closed      string `json:"closed"`
	RetainUntil string `json:"retainUntil"`
}

// List lists archived cases past retention, oldest first (at most 1000).
func (s *Retention) List() ([]ExpiredCase, error) {
	_, st, err := s.gate("Retention.List")
	if err != nil {
		return nil, err
	}
	out := []ExpiredCase{}
	err = st.View(func(tx *store.Tx) error {
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		years := retentionYears(set)
		cs, err := tx.ExpiredCases(civil.DateOf(s.app.now()), years, 1000)
		for _, c := range cs {
			out = append(out, ExpiredCase{ID: c.ID, No: c.No, Type: c.Type, Closed: c.Closed.String(),
				RetainUntil: store.RetainUntil(&c, years).String()})
		}
		return err
	})
	return out, err
}

// Purge deletes the given expired cases with their people (who are on no
// other case), one audit entry each. A case not expired is refused.
func (s *Retention) Purge(ids []uint64, reason string) (int, error) {
	act, st, err := s.gate("Retention.Purge", named("reason", reason))
	if err != nil {
		return 0, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return 0, fieldError("reason", "purge.reason", "请填写销毁依据（如保管期限届满、审批文号）。")
	}
	if len([]rune(reason)) > MaxReasonLen {
		return 0, fieldError("reason", "purge.reasonLong", "销毁依据太长（最多 200 个字）。")
	}
	if len(ids) == 0 {
		return 0, fieldError("ids", "purge.none", "请选择要销毁的事项。")
	}
	n := 0
	err = st.Update(func(tx *store.Tx) error {
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		years, today := retentionYears(set), civil.DateOf(s.app.now())
		for _, id := range ids {
			c, err := tx.Case(id)
			if err != nil {
				return err
			}
			until := store.RetainUntil(c, years)
			if c.Status != string(casestate.Archived) || until == 0 || until >= today {
				return newError("purge.notExpired", fmt.Sprintf("事项 %s 尚未到保管期限或未归档，不能销毁。", c.No))
			}
			a := s.auditEntry(act, ActionPurge)
			a.Reason = reason
			a.Summary = fmt.Sprintf("销毁已过保管期限的事项 %s（保管至 %s）", c.No, until)
			if err := tx.PurgeCase(id, a); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}
