package store

import (
	"errors"
	"fmt"

	"laifang/domain/casestate"
	"laifang/domain/civil"
)

// Retention: a closed case is kept until its own retention date (Retain),
// or, without one, until years after it was closed; then the administrator
// may purge it. A purge removes the case with its timeline, tasks and
// letters, and every person on it who is on no other case, and leaves one
// audit entry with no personal data.

// RetainUntil is the last day a case must be kept: its own date, else
// closed + years (0 when it is not closed or no period applies).
func RetainUntil(c *Case, years int) civil.Date {
	if c.Retain != 0 {
		return c.Retain
	}
	if c.Closed == 0 || years <= 0 {
		return 0
	}
	t := c.Closed.Time().AddDate(years, 0, 0)
	return civil.DateOf(t)
}

// ExpiredCases lists archived cases whose retention ended before today,
// oldest first, at most limit (≤ 0: all). It reads every case: a purge is a
// rare administrator's task, not a screen of daily work.
func (tx *Tx) ExpiredCases(today civil.Date, years, limit int) ([]Case, error) {
	var out []Case
	c := tx.b(bucketCases).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		cs, err := decodeRecord[Case](getU64(k), v)
		if err != nil {
			return nil, err
		}
		if cs.Status != string(casestate.Archived) {
			continue
		}
		if until := RetainUntil(cs, years); until != 0 && until < today {
			out = append(out, *cs)
			if limit > 0 && len(out) >= limit {
				break
			}
		}
	}
	return out, nil
}

// PurgeCase deletes an expired case and the people on it who are on no
// other case, with the audit entry a (its Entity and EntityID are set here).
func (tx *Tx) PurgeCase(id uint64, a *AuditEntry) error {
	c, err := tx.Case(id)
	if err != nil {
		return err
	}
	people := make([]uint64, 0, len(c.People))
	for _, p := range c.People {
		people = append(people, p.Person)
	}
	if err := tx.deleteCase(id, a); err != nil {
		return err
	}
	for _, pid := range people {
		if len(idsWithPrefix(tx.b(ixPersonCase), u64(pid), 1)) > 0 {
			continue // still on another case
		}
		p, err := tx.Person(pid)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if err := tx.reindex(pid, p, nil); err != nil {
			return fmt.Errorf("store: purge person %d: %w", pid, err)
		}
		if err := tx.b(bucketPeople).Delete(u64(pid)); err != nil {
			return err
		}
	}
	return nil
}
