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
