package store

import (
	"strconv"

	"laifang/store/fulltext"
)

// The full text of cases is store/fulltext's: this file gives it each
// case's document (its texts and facets) and opens it in a transaction.

// The full-text buckets, created and rebuilt with the store's own.
var (
	ftPost    = fulltext.PostBucket
	ftCol     = fulltext.ColBucket
	ftPending = fulltext.PendingBucket
)

// caseFacets are the facet terms of a case: what a search filters on.
func caseFacets(c *Case) []string {
	f := []string{fulltext.FacetAll, fulltext.FacetStatus + c.Status}
	if c.Category != "" {
		f = append(f, fulltext.FacetCat+c.Category)
	}
	if c.Unit != 0 {
		f = append(f, fulltext.FacetUnit+strconv.FormatUint(c.Unit, 10))
	}
	if c.Confidential {
		f = append(f, fulltext.FacetConf)
	}
	if c.Type != "" {
		f = append(f, fulltext.FacetType+c.Type)
	}
	return append(f, ledgerFacets(c)...)
}

// Marks of a case the ledger filters on (Query.Flags), each a facet.
const (
	FlagGroup      = "group"      // 集体访
	FlagRepeat     = "repeat"     // 重复访
	FlagSkipLevel  = "skip"       // 越级访
	FlagLitigation = "litigation" // 涉法涉诉
	FlagUrgent     = "urgent"     // 重大紧急
	FlagLeader     = "leader"     // 领导包案
	FlagBacklog    = "backlog"    // 积案
)

// CaseFlags are the marks case c carries, in the order of the constants.
func CaseFlags(c *Case) []string {
	var out []string
	for _, f := range [...]struct {
		on   bool
		code string
	}{{c.Group, FlagGroup}, {c.Repeat, FlagRepeat}, {c.SkipLevel, FlagSkipLevel}, {c.Litigation, FlagLitigation},
		{c.Urgent, FlagUrgent}, {c.LeaderCase, FlagLeader}, {c.Backlog, FlagBacklog}} {
		if f.on {
			out = append(out, f.code)
		}
	}
	return out
}

// ledgerFacets are the facets schema 12 added for the ledger's filters:
// channel, handler and marks. Last in caseFacets, so that the step that
// added them to older files (fillLedgerFacets) leaves a pending document
// as a new save writes it.
func ledgerFacets(c *Case) []string {
	var f []string
	if c.Channel != "" {
		f = append(f, fulltext.FacetChannel+c.Channel)
	}
	if c.Handler != 0 {
		f = append(f, fulltext.FacetHandler+strconv.FormatUint(c.Handler, 10))
	}
	for _, fl := range CaseFlags(c) {
		f = append(f, fulltext.FacetFlag+fl)
	}
	return f
}

func caseTexts(c *Case, events []Event) []string {
	parts := []string{c.Title, c.Demand, c.Facts, c.Reply}
	for i := range events {
		e := &events[i]
		parts = append(parts, e.Text)
		if e.Record != nil {
			parts = append(parts, e.Record.Statement, e.Record.QA, e.Record.Explanations)
		}
	}
	return parts
}

// CaseText is the searchable text of a case with its timeline, normalized:
// what a term of a search is looked for in (store/sqlitecmp gives the same
// text to SQLite's index).
func CaseText(c *Case, events []Event) string { return makeDoc(c, events).Text }

// makeDoc is the document of a case with its timeline.
func makeDoc(c *Case, events []Event) fulltext.Doc {
	return fulltext.NewDoc(c.Received.Date(), caseFacets(c), caseTexts(c, events))
}

// ft is the full-text index in this transaction, opened on first use: it
// keeps the cursor its lookups share.
func (tx *Tx) ft() *fulltext.Index {
	if tx.fti == nil {
		tx.fti = fulltext.Open(tx.tx.Writable(), tx.b, bucketMeta, tx.newestCase)
	}
	return tx.fti
}

// newestCase is the ID of the newest case.
func (tx *Tx) newestCase() (uint64, bool) {
	k, _ := tx.b(bucketCases).Cursor().Last()
	if k == nil {
		return 0, false
	}
	return getU64(k), true
}

// Fold merges the cases waiting in ft.pending into the bitmaps now.
func (s *Store) Fold() error { return s.Update(func(tx *Tx) error { return tx.ft().Fold() }) }
