package store

import (
	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/store/fulltext"
)

// Query selects cases (store/fulltext's query: terms, dates, facets).
type Query = fulltext.Query

// Confidential filter values of Query.
const (
	ConfAny     = fulltext.ConfAny
	ConfOnly    = fulltext.ConfOnly
	ConfExclude = fulltext.ConfExclude
)

// SearchResult is one page of cases, as list rows (rows.go; read a whole
// case with Tx.Case when one is opened), and the number of all matches.
// Total is exact when Exact is set; otherwise it is an estimate (a query of
// three or more characters that matches very many cases: the candidates
// found by the index are checked only as far as the page needs).
type SearchResult struct {
	Rows  []CaseRow
	Total int
	Exact bool
}

// Search runs a query.
func (s *Store) Search(q Query) (r *SearchResult, err error) {
	err = s.View(func(tx *Tx) error { r, err = tx.Search(q); return err })
	return r, err
}

// Search runs a query (fulltext.Index.Search), candidates verified
// against the cases' records (caseHas), and gives the page as list rows.
func (tx *Tx) Search(q Query) (*SearchResult, error) {
	r, err := tx.ft().Search(q, false, (&verifier{tx: tx}).caseHas)
	if err != nil {
		return nil, err
	}
	out := &SearchResult{Total: r.Total, Exact: r.Exact}
	if len(r.IDs) > 0 {
		if out.Rows, err = tx.caseRows(r.IDs); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Count is the number of cases a query matches (exact or estimated as in
// SearchResult).
func (tx *Tx) Count(q Query) (int, bool, error) {
	r, err := tx.ft().Search(q, true, (&verifier{tx: tx}).caseHas)
	if err != nil {
		return 0, false, err
	}
	return r.Total, r.Exact, nil
}

// Matcher tells, case by case, whether a case matches q (a list in
// another order than the IDs': the ledger by due date). Its cursors keep
// their place from one call to the next: write nothing in the transaction
// while using it.
func (tx *Tx) Matcher(q Query) func(id uint64) (bool, error) {
	return tx.ft().Matcher(q, (&verifier{tx: tx}).caseHas)
}

// DueCaseIDs are the open cases with a running deadline (Case.Due), the
// earliest due first; before, when not 0, keeps those due before that day
// (overdue on it).
func (tx *Tx) DueCaseIDs(before civil.Date) []uint64 {
	to := civil.D(9999, 12, 31)
	if before != 0 {
		to = before - 1
	}
	var ids []uint64
	tx.EachDue(0, 0, to, func(_ civil.Date, id uint64) bool { ids = append(ids, id); return true })
	return ids
}

// SimilarHit is one case found by Similar.
type SimilarHit = fulltext.SimilarHit

// Similar lists up to limit cases whose text shares the most distinctive
// terms of text (fulltext.Index.Similar), leaving out the cases hide's
// Confidential (ConfExclude) leaves out of a search.
func (tx *Tx) Similar(text string, maxTerms, limit int, hide Query) ([]SimilarHit, []string, error) {
	return tx.ft().Similar(text, maxTerms, limit, hide)
}

// Counts are the numbers on the home screen.
type Counts struct {
	Total        int
	Open         int
	ByStatus     map[string]int
	Overdue      int // open cases past their deadline
	DueSoon      int // open cases due within the next 7 days
	VisitsToday  int
	ThisMonth    int // cases received this month
	ThisYear     int // cases received this year
	TasksOverdue int
}

// Counts computes the home screen's numbers for day today.
func (s *Store) Counts(today civil.Date) (c *Counts, err error) {
	err = s.View(func(tx *Tx) error { c, err = tx.Counts(today); return err })
	return c, err
}

// Counts computes the home screen's numbers for day today.
func (tx *Tx) Counts(today civil.Date) (*Counts, error) {
	out := &Counts{ByStatus: map[string]int{}}
	facets := make([]string, len(casestate.States))
	for i, st := range casestate.States {
		facets[i] = fulltext.FacetStatus + string(st)
	}
	total, per, err := tx.ft().Tally(facets)
	if err != nil {
		return nil, err
	}
	out.Total = total
	for i, st := range casestate.States {
		if n := per[facets[i]]; n > 0 {
			out.ByStatus[string(st)] = n
		}
	}
	for st, n := range out.ByStatus {
		if casestate.Open(casestate.State(st)) {
			out.Open += n
		}
	}
	out.Overdue = countRange(tx.b(ixCaseDue), dateKey(civil.Date(0)), dateKey(today))
	out.DueSoon = countRange(tx.b(ixCaseDue), dateKey(today), dateKey(today+8))
	out.TasksOverdue = countRange(tx.b(ixTaskDue), dateKey(civil.Date(0)), dateKey(today))
	out.VisitsToday = countRange(tx.b(ixVisitDay), dateKey(today), dateKey(today+1))
	t := today.Time()
	monthStart := civil.D(t.Year(), t.Month(), 1)
	yearStart := civil.D(t.Year(), 1, 1)
	if out.ThisMonth, _, err = tx.Count(Query{From: monthStart, To: today}); err != nil {
		return nil, err
	}
	if out.ThisYear, _, err = tx.Count(Query{From: yearStart, To: today}); err != nil {
		return nil, err
	}
	return out, nil
}
