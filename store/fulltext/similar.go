package fulltext

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Similar cases for the repeat-visitor panel: the few most distinctive
// two-character terms of what the clerk typed (the rarest in the index, by
// their posting lists' sizes), then the cases holding most of them, scored
// by the terms' rarity. Only those terms' bitmaps are read: no case is read
// to find them, and no text is scanned but the pending ones.

// SimilarHit is one case found by Similar.
type SimilarHit struct {
	ID      uint64
	Score   float64 // sum of the matched terms' weights
	Matched int     // how many of the terms it holds
}

// Similar lists up to limit cases whose text shares the most distinctive
// terms of text (at most maxTerms of them), best first, and the terms used.
// A case must hold at least two of the terms when two or more were used.
// It leaves out the cases hide's Confidential (ConfExclude) leaves out of
// a search: a case a session may not search is not similar
// to anything either. The terms' rarity is the whole file's, so the cases
// left out change no other case's score.
func (ix *Index) Similar(text string, maxTerms, limit int, hide Query) ([]SimilarHit, []string, error) {
	f := makeFilters(&Query{Confidential: hide.Confidential})
	if maxTerms <= 0 {
		maxTerms = 8
	}
	if limit <= 0 {
		limit = 10
	}
	grams := hanBigrams(text, 2000)
	if len(grams) == 0 {
		return nil, nil, nil
	}
	top, any := ix.maxChunk()
	// Pending documents, read once: they count towards the frequencies and
	// are scored directly.
	type pdoc struct {
		id     uint64
		text   string
		hidden bool
	}
	var pend []pdoc
	pc := ix.pendingB().Cursor()
	for k, v := pc.First(); k != nil; k, v = pc.Next() {
		d, err := decodeDoc(v, false)
		if err != nil {
			return nil, nil, err
		}
		pend = append(pend, pdoc{getU64(k), d.Text, f.excludes(&d)})
	}
	// The terms' frequencies are estimated on the newest chunks, enough of
	// them to hold about sampleCases cases: the rarity of a term hardly
	// differs between chunks, and each chunk costs a read per term. The
	// pending documents count only when they are a fair part of the file
	// (a new office): at a million cases their few hundred change nothing.
	const sampleCases = 100000
	total, sampleTop, sampleLow := 0, int64(-1), int64(0)
	if any {
		sampleTop = int64(top)
		sampleLow = sampleTop + 1
		for c := int64(top); c >= 0 && total < sampleCases; c-- {
			if all := ix.posting(uint32(c), FacetAll); all != nil {
				total += int(all.GetCardinality())
			}
			sampleLow = c
		}
	}
	countPending := len(pend)*20 > total
	if countPending {
		total += len(pend)
	}
	if total == 0 {
		return nil, nil, nil
	}
	type term struct {
		g  string
		df int
		w  float64
	}
	terms := make([]term, 0, len(grams))
	for _, g := range grams {
		df := 0
		if countPending {
			for _, p := range pend {
				if strings.Contains(p.text, g) {
					df++
				}
			}
		}
		for c := sampleTop; c >= sampleLow; c-- {
			if v := ix.postB().Get(postKey(uint32(c), g)); v != nil {
				df += int(cardinality(v))
			}
		}
		// A term in more than a fifth of all cases tells nothing apart.
		if df == 0 || df*5 > total && total >= 50 {
			continue
		}
		terms = append(terms, term{g: g, df: df, w: math.Log(float64(total+1) / float64(df))})
	}
	sort.SliceStable(terms, func(i, j int) bool { return terms[i].df < terms[j].df })
	if len(terms) > maxTerms {
		terms = terms[:maxTerms]
	}
	if len(terms) == 0 {
		return nil, nil, nil
	}
	used := make([]string, len(terms))
	for i, t := range terms {
		used[i] = t.g
	}
	minMatch := min(2, len(terms))
	best := hitHeap{limit: limit}
	for _, p := range pend {
		if p.hidden {
			continue
		}
		h := SimilarHit{ID: p.id}
		for _, t := range terms {
			if strings.Contains(p.text, t.g) {
				h.Score += t.w
				h.Matched++
			}
		}
		if h.Matched >= minMatch {
			best.offer(h)
		}
	}
	if any {
		var score [1 << chunkBits]float64
		var count [1 << chunkBits]uint8
		var touched []uint16
		var buf [512]uint32
		for c := int64(top); c >= 0; c-- {
			touched = touched[:0]
			hidden := ix.excludedIn(uint32(c), &f)
			for _, t := range terms {
				bm := ix.posting(uint32(c), t.g)
				if bm == nil {
					continue
				}
				it := bm.ManyIterator()
				for n := it.NextMany(buf[:]); n > 0; n = it.NextMany(buf[:]) {
					for _, id := range buf[:n] {
						lo := uint16(id)
						if count[lo] == 0 {
							touched = append(touched, lo)
						}
						count[lo]++
						score[lo] += t.w
					}
				}
			}
			for _, lo := range touched {
				if int(count[lo]) >= minMatch && (hidden == nil || !hidden.Contains(uint32(c)<<chunkBits|uint32(lo))) {
					best.offer(SimilarHit{ID: uint64(c)<<chunkBits | uint64(lo), Score: score[lo], Matched: int(count[lo])})
				}
				count[lo], score[lo] = 0, 0
			}
		}
	}
	return best.sorted(), used, nil
}

// cardinality reads a serialized bitmap's size without copying it.
func cardinality(v []byte) uint64 {
	bm, err := decodePosting(v)
	if err != nil {
		return 0
	}
	return bm.GetCardinality()
}

// hanBigrams are the distinct pairs of neighbouring characters in the
// first maxRunes of text where at least one is a Chinese character: the
// terms that tell Chinese texts apart (digits and Latin pairs match
// everything).
func hanBigrams(text string, maxRunes int) []string {
	s := Norm(text)
	if utf8.RuneCountInString(s) > maxRunes {
		s = string([]rune(s)[:maxRunes])
	}
	var out []string
	seen := map[string]bool{}
	eachGram(s, func(g string, _, n int, _ bool) {
		if n != 2 || seen[g] {
			return
		}
		a, n := utf8.DecodeRuneInString(g)
		b, _ := utf8.DecodeRuneInString(g[n:])
		if (unicode.Is(unicode.Han, a) || unicode.Is(unicode.Han, b)) && !stopChar(a) && !stopChar(b) && !datePiece(a, b) {
			seen[g] = true
			out = append(out, g)
		}
	})
	return out
}

// datePiece tells a pair cut from a number or a date ("5年" of 2025年,
// "年3" of 年3月, "月日"): digits say nothing of what a matter is about,
// and every text has dates, so such pairs made unrelated cases look alike.
func datePiece(a, b rune) bool {
	piece := func(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune(dateChars, r) }
	return unicode.IsDigit(a) || unicode.IsDigit(b) || piece(a) && piece(b)
}

const dateChars = "年月日号时分秒〇零一二三四五六七八九十"

// stopChar tells the function characters whose pairs straddle two words
// ("欠的", "在某") and tell nothing about the matter.
func stopChar(r rune) bool { return strings.ContainsRune(stopChars, r) }

const stopChars = "的了是在和与及并或我你他她它们其之而也都就被把对为将从向于以等某该此这那有无不个已要求请"

// hitHeap keeps the best limit hits: higher score first, then newer.
type hitHeap struct {
	limit int
	hits  []SimilarHit
}

func better(a, b SimilarHit) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.ID > b.ID
}

func (h *hitHeap) offer(x SimilarHit) {
	if len(h.hits) < h.limit {
		h.hits = append(h.hits, x)
		if len(h.hits) == h.limit {
			sort.Slice(h.hits, func(i, j int) bool { return better(h.hits[i], h.hits[j]) })
		}
		return
	}
	last := len(h.hits) - 1
	if !better(x, h.hits[last]) {
		return
	}
	// insert in order; the list is short
	i := sort.Search(len(h.hits), func(i int) bool { return better(x, h.hits[i]) })
	copy(h.hits[i+1:], h.hits[i:last])
	h.hits[i] = x
}

func (h *hitHeap) sorted() []SimilarHit {
	sort.Slice(h.hits, func(i, j int) bool { return better(h.hits[i], h.hits[j]) })
	return h.hits
}
