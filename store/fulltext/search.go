package fulltext

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"laifang/domain/civil"

	"github.com/RoaringBitmap/roaring/v2"
)

// Confidential filter values of Query.
const (
	ConfAny     = 0
	ConfOnly    = 1
	ConfExclude = -1
)

// Query selects cases: full-text terms (separated by spaces, all must
// occur, each as a substring), a received-date range and facet filters
// (each a list of allowed values). Results are newest first.
type Query struct {
	Text     string
	From, To civil.Date // received date, inclusive; 0: open
	Status   []string
	Category []string
	Unit     []uint64
	Type     []string
	Channel  []string
	Handler  []uint64
	// Flags are marks the case must all carry (FacetFlag terms' values).
	Flags        []string
	Confidential int
	// Scoped keeps the cases to those of Within (IDs in any order): a
	// session that sees only some cases (a handler: his department's)
	// searches among them alone. Scoped with Within empty finds nothing.
	Scoped bool
	Within []uint64
	Offset int
	Limit  int // default 50
}

// Result is one page of a query: the IDs of its cases, newest first, and
// the number of all matches. Total is exact when Exact is set; otherwise
// it is an estimate (a query of three or more characters that matches
// very many cases: the candidates found by the index are checked only as
// far as the page needs).
type Result struct {
	IDs   []uint64
	Total int
	Exact bool
}

// Verifier tells whether case id's searchable text holds every term
// (normalized, as Norm gives them), reading its record first or its
// timeline first; timeline tells where the last term was found, so that
// the next candidate is read in the likelier place first.
type Verifier func(id uint64, terms []string, timelineFirst bool) (ok, timeline bool, err error)

// verifyAllUpTo is how many candidates a query verifies to give an exact
// total; beyond it the total is estimated. A verification reads a case
// and perhaps its timeline (about 10 µs at a million visits), so this
// keeps a query under a millisecond or so.
const verifyAllUpTo = 100

type qterm struct {
	grams  []string
	norm   string
	verify bool // the grams may match where the whole term does not
	// cover is as few of grams as reach every character of the term (ABC
	// and CDE of ABCDE): the candidates of a term that is verified anyway.
	// Checking a candidate's stored text costs less than intersecting a
	// third bitmap in every chunk.
	cover []string
}

// gramSpan is where a gram sits in its term.
type gramSpan struct {
	g    string
	s, e int
	n    int // characters
}

// coverOf picks, from spans in order of position, the fewest that reach
// every character any of them reaches (greedy interval cover).
func coverOf(spans []gramSpan) []string {
	var out []string
	pos := -1 // bytes before pos are covered
	for i := 0; i < len(spans); {
		if spans[i].e <= pos {
			i++
			continue
		}
		start := max(pos, spans[i].s)
		best := i
		for j := i; j < len(spans) && spans[j].s <= start; j++ {
			if spans[j].e > spans[best].e {
				best = j
			}
		}
		out = append(out, spans[best].g)
		pos = spans[best].e
		i = best + 1
	}
	return out
}

func parseQuery(text string) []qterm {
	var out []qterm
	for _, f := range strings.FieldsFunc(Norm(text), unicode.IsSpace) {
		t := qterm{norm: f}
		seen := map[string]bool{}
		var spans []gramSpan
		// The grams a term is looked up by: the trigrams of each run of
		// three letters or digits or more, the pair of a run of two, the
		// unigram of a lone one.
		var tri [][2]int
		eachGram(f, func(g string, start, n int, lone bool) {
			if n == 3 {
				tri = append(tri, [2]int{start, start + len(g)})
			}
			if n > 1 || lone {
				spans = append(spans, gramSpan{g, start, start + len(g), n})
			}
		})
		spans = slices.DeleteFunc(spans, func(sp gramSpan) bool {
			return sp.n == 2 && slices.ContainsFunc(tri, func(t [2]int) bool { return t[0] <= sp.s && sp.e <= t[1] })
		})
		for _, sp := range spans {
			if !seen[sp.g] {
				seen[sp.g] = true
				t.grams = append(t.grams, sp.g)
			}
		}
		if len(spans) == 0 {
			continue // no letter or digit: nothing to look for
		}
		// A term of up to three letters or digits and nothing else is its
		// gram; any other may have the grams where it is not.
		t.verify = !(len(spans) == 1 && spans[0].s == 0 && spans[0].e == len(f))
		t.cover = t.grams
		if t.verify {
			t.cover = coverOf(spans)
		}
		out = append(out, t)
	}
	return out
}

type filters struct {
	groups      [][]string // each: any of these facet terms
	excludedAny []string   // leave out the cases with any of these facet terms
	dated       bool
	from, to    uint16
	within      *roaring.Bitmap // nil: any case
}

func makeFilters(q *Query) filters {
	var f filters
	add := func(prefix string, vals []string) {
		if len(vals) == 0 {
			return
		}
		g := make([]string, len(vals))
		for i, v := range vals {
			g[i] = prefix + v
		}
		f.groups = append(f.groups, g)
	}
	ids := func(prefix string, vals []uint64) {
		strs := make([]string, len(vals))
		for i, u := range vals {
			strs[i] = strconv.FormatUint(u, 10)
		}
		add(prefix, strs)
	}
	add(FacetStatus, q.Status)
	add(FacetCat, q.Category)
	ids(FacetUnit, q.Unit)
	add(FacetType, q.Type)
	add(FacetChannel, q.Channel)
	ids(FacetHandler, q.Handler)
	for _, fl := range q.Flags {
		add(FacetFlag, []string{fl})
	}
	switch q.Confidential {
	case ConfOnly:
		f.groups = append(f.groups, []string{FacetConf})
	case ConfExclude:
		f.excludedAny = append(f.excludedAny, FacetConf)
	}
	if q.Scoped {
		f.within = roaring.New()
		for _, id := range q.Within {
			f.within.Add(uint32(id))
		}
	}
	if q.From != 0 || q.To != 0 {
		f.dated = true
		f.from, f.to = 1, 65535
		if q.From != 0 {
			f.from = day16(q.From)
		}
		if q.To != 0 {
			f.to = day16(q.To)
		}
	}
	return f
}

// matchDoc evaluates a query on a pending document, exactly.
func matchDoc(id uint64, d *Doc, terms []qterm, f *filters) bool {
	if f.dated && (d.Day < f.from || d.Day > f.to) {
		return false
	}
	if f.within != nil && !f.within.Contains(uint32(id)) {
		return false
	}
	for _, g := range f.groups {
		ok := false
		for _, v := range g {
			if d.hasFacet(v) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if f.excludes(d) {
		return false
	}
	for _, t := range terms {
		if !strings.Contains(d.Text, t.norm) {
			return false
		}
	}
	return true
}

// excludes tells whether the filters leave out pending document d.
func (f *filters) excludes(d *Doc) bool {
	for _, x := range f.excludedAny {
		if d.hasFacet(x) {
			return true
		}
	}
	return false
}

// excludedIn is the bitmap of the cases of chunk c the filters leave out;
// nil when none.
func (ix *Index) excludedIn(c uint32, f *filters) *roaring.Bitmap {
	var bms []*roaring.Bitmap
	for _, x := range f.excludedAny {
		if bm := ix.posting(c, x); bm != nil {
			bms = append(bms, bm)
		}
	}
	switch len(bms) {
	case 0:
		return nil
	case 1:
		return bms[0]
	}
	return roaring.FastOr(bms...)
}

// chunkQuery holds the bitmaps of one chunk that a query needs, read once
// (views of the file: never changed). Its candidates (exact unless a term
// needs verifying) are counted first for every chunk, and built as a bitmap
// only for the chunks a page reaches: counting two bitmaps' intersection
// allocates nothing, and most queries fill their page from the newest
// chunk or two.
type chunkQuery struct {
	sets    []*roaring.Bitmap   // the case must be in each; smallest first
	groups  [][]*roaring.Bitmap // the case must be in one of each group's
	conf    *roaring.Bitmap     // cases to leave out
	col     column
	extra   []*roaring.Bitmap // the verified terms' other grams (Search)
	partial bool              // the date range cuts the chunk: check the column
	from    uint16
	to      uint16
	res     *roaring.Bitmap
}

// loadChunk reads the bitmaps chunk c needs for the query; nil when the
// chunk cannot match. The date column's bounds come first, so a chunk
// outside the range reads no bitmap.
func (ix *Index) loadChunk(c uint32, grams []string, f *filters) *chunkQuery {
	cq := &chunkQuery{}
	if f.dated {
		cq.col = ix.column(c)
		lo, hi := cq.col.bounds()
		if hi == 0 || hi < f.from || lo > f.to {
			return nil
		}
		cq.partial = lo < f.from || hi > f.to
		cq.from, cq.to = f.from, f.to
	}
	for _, g := range grams {
		bm := ix.posting(c, g)
		if bm == nil {
			return nil
		}
		cq.sets = append(cq.sets, bm)
	}
	type group struct {
		bms  []*roaring.Bitmap
		card uint64
	}
	var groups []group
	for _, g := range f.groups {
		var gr group
		for _, v := range g {
			if bm := ix.posting(c, v); bm != nil {
				gr.bms = append(gr.bms, bm)
				gr.card += bm.GetCardinality()
			}
		}
		if len(gr.bms) == 0 {
			return nil
		}
		if len(gr.bms) == 1 {
			cq.sets = append(cq.sets, gr.bms[0])
		} else {
			groups = append(groups, gr)
		}
	}
	if len(cq.sets) == 0 && len(groups) == 0 {
		all := ix.posting(c, FacetAll)
		if all == nil {
			return nil
		}
		cq.sets = append(cq.sets, all)
	}
	if f.within != nil {
		// After the chunk's own sets: the scope names cases of any
		// chunk, pending ones too.
		if f.within.IsEmpty() {
			return nil
		}
		cq.sets = append(cq.sets, f.within)
	}
	// smallest first keeps the intersections small
	sort.Slice(cq.sets, func(i, j int) bool { return cq.sets[i].GetCardinality() < cq.sets[j].GetCardinality() })
	sort.Slice(groups, func(i, j int) bool { return groups[i].card < groups[j].card })
	for _, g := range groups {
		cq.groups = append(cq.groups, g.bms)
	}
	cq.conf = ix.excludedIn(c, f)
	return cq
}

// count is the number of candidates.
func (cq *chunkQuery) count() uint64 {
	if cq.res == nil && len(cq.groups) == 0 && !cq.partial && cq.conf == nil {
		return cq.setsCount()
	}
	return cq.bitmap().GetCardinality()
}

// setsCount is the number of cases in every set, before the facet groups,
// the confidential flag and a date range that cuts the chunk: the count
// when there are none of those, else a bound. It counts the last
// intersection without building it.
func (cq *chunkQuery) setsCount() uint64 {
	if len(cq.sets) == 0 {
		return cq.bitmap().GetCardinality()
	}
	acc := cq.sets[0]
	if len(cq.sets) == 1 {
		return acc.GetCardinality()
	}
	for _, bm := range cq.sets[1 : len(cq.sets)-1] {
		if acc = roaring.And(acc, bm); acc.IsEmpty() {
			return 0
		}
	}
	return acc.AndCardinality(cq.sets[len(cq.sets)-1])
}

// bitmap builds the candidates: the smallest set intersected with each
// other one, then each facet group (any of several values) value by value,
// so that no large union is built.
func (cq *chunkQuery) bitmap() *roaring.Bitmap {
	if cq.res != nil {
		return cq.res
	}
	var res *roaring.Bitmap
	groups := cq.groups
	if len(cq.sets) > 0 {
		res = cq.sets[0]
		for _, bm := range cq.sets[1:] {
			if res = roaring.And(res, bm); res.IsEmpty() {
				break
			}
		}
	} else {
		res = roaring.FastOr(groups[0]...)
		groups = groups[1:]
	}
	for _, g := range groups {
		if res.IsEmpty() {
			break
		}
		parts := make([]*roaring.Bitmap, 0, len(g))
		for _, bm := range g {
			if p := roaring.And(res, bm); !p.IsEmpty() {
				parts = append(parts, p)
			}
		}
		switch len(parts) {
		case 0:
			res = roaring.New()
		case 1:
			res = parts[0]
		default:
			res = roaring.FastOr(parts...)
		}
	}
	if cq.conf != nil && !res.IsEmpty() {
		res = roaring.AndNot(res, cq.conf)
	}
	if cq.partial && !res.IsEmpty() {
		var buf [256]uint32
		kept := make([]uint32, 0, res.GetCardinality())
		it := res.ManyIterator()
		for n := it.NextMany(buf[:]); n > 0; n = it.NextMany(buf[:]) {
			for _, id := range buf[:n] {
				if d := cq.col.day(id); d >= cq.from && d <= cq.to {
					kept = append(kept, id)
				}
			}
		}
		res = roaring.New()
		res.AddMany(kept)
	}
	cq.res = res
	return res
}

// Search runs a query: the pending cases are matched directly, the rest
// through the bitmaps chunk by chunk; candidates of terms longer than two
// characters are checked by verify. No case outside the candidates is
// read. With countOnly the page is left empty.
//
// The total is exact unless a term needs verifying and more than
// verifyAllUpTo cases are candidates. Then it is estimated from exact
// counts: in every chunk, the cases that pass every filter (the date range
// against the chunk's column where it cuts the chunk) and hold every
// gram of the terms, times the share of those that the verified ones
// (the newest, at least sampleMin) showed to hold the whole terms. Holding
// every gram of a term and not the term is rare, so the share is near
// one and the estimate near the count. (An estimate that took the share
// the filters kept in the newest chunk for every chunk was off threefold
// with a date range: cases are numbered as they arrive, so a range keeps
// all of one chunk and little of the next.)
func (ix *Index) Search(q Query, countOnly bool, verify Verifier) (*Result, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	if q.Offset < 0 {
		q.Offset = 0
	}
	terms := parseQuery(q.Text)
	f := makeFilters(&q)
	grams, extra, verifyTerms := queryGrams(terms)
	needVerify := len(verifyTerms) > 0
	res := &Result{Exact: true}
	if strings.TrimSpace(q.Text) != "" && len(terms) == 0 {
		return res, nil
	}

	// Pending cases, newest first, matched exactly.
	var pend []uint64
	var d Doc
	pc := ix.pendingB().Cursor()
	for k, v := pc.Last(); k != nil; k, v = pc.Prev() {
		if err := decodeDocView(&d, v); err != nil {
			return nil, err
		}
		if matchDoc(getU64(k), &d, terms, &f) {
			pend = append(pend, getU64(k))
		}
	}
	top, any := ix.maxChunk()
	if !any {
		res.Total = len(pend)
		return res, nil
	}
	if len(pend) > 0 && chunkOf(pend[0]) > top {
		top = chunkOf(pend[0])
	}
	cands := make([]*chunkQuery, top+1)
	var nCand uint64
	for c := int64(top); c >= 0; c-- {
		cq := ix.loadChunk(uint32(c), grams, &f)
		if cq == nil || !ix.loadExtra(cq, uint32(c), extra) {
			continue
		}
		if n := cq.fullCount(); n > 0 {
			cands[c] = cq
			nCand += n
		}
	}
	if !needVerify {
		res.Total = len(pend) + int(nCand)
		if countOnly {
			return res, nil
		}
	}
	verifyAll := needVerify && nCand <= verifyAllUpTo
	var verified, matched int
	timelineFirst := false
	skip := q.Offset
	var page []uint64
	full := func() bool { return countOnly || len(page) >= q.Limit }
	emit := func(id uint64, mustVerify bool) (stop bool, err error) {
		if full() && !verifyAll && (!needVerify || verified >= sampleMin) {
			return true, nil
		}
		if mustVerify {
			ok, inTimeline, err := verify(id, verifyTerms, timelineFirst)
			if err != nil {
				return false, err
			}
			timelineFirst = ok && inTimeline || !ok && timelineFirst
			verified++
			if !ok {
				return false, nil
			}
			matched++
		}
		if full() {
			return false, nil
		}
		if skip > 0 {
			skip--
			return false, nil
		}
		page = append(page, id)
		return false, nil
	}
	pi := 0
	stopped := false
	for c := int64(top); c >= 0 && !stopped; c-- {
		cq := cands[c]
		if cq == nil {
			continue
		}
		it := cq.bitmap().ReverseIterator()
		for it.HasNext() && !stopped {
			id := uint64(it.Next())
			if !cq.holdsExtra(uint32(id)) {
				continue // lacks a gram of a term: cannot match
			}
			for pi < len(pend) && pend[pi] > id && !stopped {
				var err error
				if stopped, err = emit(pend[pi], false); err != nil {
					return nil, err
				}
				if !stopped {
					pi++
				}
			}
			if stopped {
				break
			}
			var err error
			if stopped, err = emit(id, needVerify); err != nil {
				return nil, err
			}
		}
	}
	for pi < len(pend) && !stopped {
		var err error
		if stopped, err = emit(pend[pi], false); err != nil {
			return nil, err
		}
		pi++
	}
	res.IDs = page
	if needVerify {
		if verifyAll || !stopped {
			// every candidate was verified
			res.Total = len(pend) + matched
		} else {
			res.Exact = false
			est := float64(nCand)
			if verified > 0 {
				est = est * float64(matched) / float64(verified)
			}
			res.Total = len(pend) + int(est+0.5)
			if res.Total < q.Offset+len(res.IDs) {
				res.Total = q.Offset + len(res.IDs)
			}
		}
	}
	return res, nil
}

// queryGrams are what a query's terms look up: grams, intersected to find
// the candidates (each term's cover); extra, the other grams of the
// verified terms, which a match holds too (they make the exact candidate
// counts an estimate starts from); and the terms a candidate is verified
// against.
func queryGrams(terms []qterm) (grams, extra, verifyTerms []string) {
	seen := map[string]bool{}
	for _, t := range terms {
		for _, g := range t.cover {
			if !seen[g] {
				seen[g] = true
				grams = append(grams, g)
			}
		}
		if t.verify {
			verifyTerms = append(verifyTerms, t.norm)
		}
	}
	for _, t := range terms {
		for _, g := range t.grams {
			if !seen[g] {
				seen[g] = true
				extra = append(extra, g)
			}
		}
	}
	return grams, extra, verifyTerms
}

// sampleMin is how many candidates an estimated total verifies at least
// (the newest), to learn the share that holds the whole terms: a page's
// worth, so that a search of the usual page of 50 verifies no candidate
// for the estimate alone. Each costs a few microseconds, and the share is
// near one (docs/PERFORMANCE.md §3.16).
const sampleMin = 50

// loadExtra reads the postings of the verified terms' other grams into
// cq; false when one is missing from the chunk, which then cannot match.
func (ix *Index) loadExtra(cq *chunkQuery, c uint32, extra []string) bool {
	for _, g := range extra {
		bm := ix.posting(c, g)
		if bm == nil {
			return false
		}
		cq.extra = append(cq.extra, bm)
	}
	sort.Slice(cq.extra, func(i, j int) bool { return cq.extra[i].GetCardinality() < cq.extra[j].GetCardinality() })
	return true
}

// fullCount is the number of the chunk's cases that pass every filter and
// hold every gram of the terms: exact when no term needs verifying, the
// candidates to verify otherwise.
func (cq *chunkQuery) fullCount() uint64 {
	if len(cq.extra) == 0 {
		return cq.count()
	}
	var acc *roaring.Bitmap
	rest := cq.extra
	if cq.res == nil && len(cq.groups) == 0 && !cq.partial && cq.conf == nil {
		// every set and extra gram, smallest first, the last counted
		// without building it
		all := append(append(make([]*roaring.Bitmap, 0, len(cq.sets)+len(cq.extra)), cq.sets...), cq.extra...)
		sort.Slice(all, func(i, j int) bool { return all[i].GetCardinality() < all[j].GetCardinality() })
		acc, rest = all[0], all[1:]
	} else {
		acc = cq.bitmap()
	}
	if len(rest) == 0 {
		return acc.GetCardinality()
	}
	for _, bm := range rest[:len(rest)-1] {
		if acc = roaring.And(acc, bm); acc.IsEmpty() {
			return 0
		}
	}
	return acc.AndCardinality(rest[len(rest)-1])
}

// holdsExtra tells whether case id of the chunk holds every extra gram.
func (cq *chunkQuery) holdsExtra(id uint32) bool {
	for _, bm := range cq.extra {
		if !bm.Contains(id) {
			return false
		}
	}
	return true
}

// Matcher tells, case by case, whether a case matches the query, for a
// list in another order than the IDs' (the ledger by due date): each
// chunk's candidates are built once, on first need, and a candidate of a
// term longer than two characters is checked by verify. The query's page
// (Offset, Limit) is not used.
func (ix *Index) Matcher(q Query, verify Verifier) func(id uint64) (bool, error) {
	terms := parseQuery(q.Text)
	f := makeFilters(&q)
	grams, extra, verifyTerms := queryGrams(terms)
	none := strings.TrimSpace(q.Text) != "" && len(terms) == 0
	chunks := map[uint32]*chunkQuery{}
	var d Doc
	return func(id uint64) (bool, error) {
		if none {
			return false, nil
		}
		if v := ix.pendingB().Get(u64(id)); v != nil {
			if err := decodeDocView(&d, v); err != nil {
				return false, err
			}
			return matchDoc(id, &d, terms, &f), nil
		}
		c := chunkOf(id)
		cq, ok := chunks[c]
		if !ok {
			cq = ix.loadChunk(c, grams, &f)
			if cq != nil && !ix.loadExtra(cq, c, extra) {
				cq = nil
			}
			chunks[c] = cq
		}
		if cq == nil || !cq.bitmap().Contains(uint32(id)) || !cq.holdsExtra(uint32(id)) {
			return false, nil
		}
		if len(verifyTerms) == 0 {
			return true, nil
		}
		ok, _, err := verify(id, verifyTerms, false)
		return ok, err
	}
}
