package gen

import (
	"laifang/store"
)

// Make generates an office of opts.Visits visits into the data file at
// path (new, or an office to continue) as `laifang gen` does, batches and
// merges sized for the office (opts.Batch is set here), and leaves the file
// closed and uncompacted: the caller compacts it (store.Compact) when it
// is done with it.
func Make(path string, opts Options) (Summary, error) {
	// Each batch is one transaction committed with bbolt's own syncs, the
	// pages before the meta page that points at them: a power cut leaves
	// the last committed batch, never a meta page over unwritten pages (as
	// NoSync and one sync after the commit could). Two syncs a batch cost
	// nothing next to writing it.
	// A big office goes in batches of 20000: each batch rewrites every
	// page of the ID number, phone and name indexes that its new people
	// land on (random places in big trees), and half as many pages per
	// visit as batches of 5000 once those trees are large; fewer batches
	// also mean fewer commits, whose writing is not spread over the cores.
	opts.Batch = 5000
	switch {
	case opts.Visits < 20000:
		opts.Batch = 500
	case opts.Visits >= 200000:
		opts.Batch = 20000
	}
	// The new cases are merged into the bitmaps every four batches: each
	// merge rewrites every bitmap the new cases touch, so fewer merges of
	// more cases write less.
	s, err := store.Open(path, store.Options{NoDailyBackup: true, FoldEvery: 4 * opts.Batch})
	if err != nil {
		return Summary{}, err
	}
	sum, err := Office(s, opts)
	if err == nil {
		err = s.Fold()
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return sum, err
}
