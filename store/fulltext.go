package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"laifang/domain/civil"
	"laifang/domain/fold"

	"github.com/RoaringBitmap/roaring/v2"
)

// Full-text search and facets of cases.
//
// A case's document is its title, request, facts and reasons, reply, and the
// text of its timeline (reception records, notes, decisions). The text is
// normalized (full-width folded, lower-cased) and cut into runs of letters
// and digits; every character of a run and every pair of neighbouring
// characters is a term. Chinese has no spaces, so bigrams are what a
// two-character word query needs, and the single characters serve
// one-character queries; Latin words and numbers are cut the same way, which
// lets a query find any substring, not only whole words.
//
// Posting lists are roaring bitmaps of case IDs, one per term per chunk of
// 65536 IDs, under the key chunk | term in ft.post: a million cases make 16
// chunks. Facets (status, category, department, type, the confidential flag,
// "all") are terms too, starting with 0x01, so a query with filters is one
// intersection. ft.col holds each chunk's received dates, two bytes a case.
//
// A new case first goes to ft.pending with its document; a query reads the
// pending cases directly (there are at most FoldEvery of them) and the
// bitmaps for the rest. When FoldEvery cases wait, they are merged into the
// bitmaps in one pass. Saving a case thus writes a few keys instead of
// rewriting two hundred bitmaps, and the merge writes each bitmap once for
// hundreds of cases. A change to a case already merged updates the bitmaps
// of the terms that changed, in the same transaction.

const chunkBits = 16

func chunkOf(id uint64) uint32 { return uint32(id >> chunkBits) }

// Facet terms.
const (
	facetAll    = "\x01all"
	facetStatus = "\x01s"
	facetCat    = "\x01c"
	facetUnit   = "\x01u"
	facetConf   = "\x01x"
	facetType   = "\x01t"
)

// dayBase makes received dates fit two bytes: day 1 is 2000-01-01.
var dayBase = civil.D(1999, 12, 31)

func day16(d civil.Date) uint16 {
	if d == 0 {
		return 0
	}
	n := int(d - dayBase)
	if n < 1 {
		return 1
	}
	if n > 65535 {
		return 65535
	}
	return uint16(n)
}

// ftDoc is what the index knows of a case.
type ftDoc struct {
	day    uint16
	facets []string
	text   string // normalized fields joined by '\n'
}

// normText folds width and case; the result is what queries are matched
// against.
func normText(s string) string {
	if isNorm(s) {
		return s
	}
	return strings.Map(func(r rune) rune { return unicode.ToLower(fold.Width(r)) }, s)
}

// isNorm tells whether normText would leave s as it is. Most stored text
// is CJK and punctuation, which neither case nor width folding changes:
// checking is cheaper than mapping every rune.
func isNorm(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r >= 0x4E00 && r <= 0x9FFF, r > 0x3000 && r <= 0x303F:
			// CJK ideographs and punctuation (not the ideographic space)
		case r == utf8.RuneError && size == 1:
			return false
		case unicode.ToLower(fold.Width(r)) != r:
			return false
		}
	}
	return true
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// forTerms calls fn for every term of normalized text s (with repeats).
func forTerms(s string, fn func(term string)) {
	prevStart, prevWord := -1, false
	for i, r := range s {
		w := isWord(r)
		if w {
			size := utf8.RuneLen(r)
			if size < 0 {
				size = 1
			}
			fn(s[i : i+size])
			if prevWord {
				fn(s[prevStart : i+size])
			}
			prevStart = i
		}
		prevWord = w
	}
}

func (d *ftDoc) terms() map[string]struct{} {
	set := make(map[string]struct{}, 2*len(d.text)/3+len(d.facets))
	forTerms(d.text, func(t string) { set[t] = struct{}{} })
	for _, f := range d.facets {
		set[f] = struct{}{}
	}
	return set
}

func caseFacets(c *Case) []string {
	f := []string{facetAll, facetStatus + c.Status}
	if c.Category != "" {
		f = append(f, facetCat+c.Category)
	}
	if c.Unit != 0 {
		f = append(f, facetUnit+strconv.FormatUint(c.Unit, 10))
	}
	if c.Confidential {
		f = append(f, facetConf)
	}
	if c.Type != "" {
		f = append(f, facetType+c.Type)
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

func joinNorm(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(normText(p))
	}
	return b.String()
}

func makeDoc(c *Case, events []Event) ftDoc {
	return ftDoc{day: day16(c.Received.Date()), facets: caseFacets(c), text: joinNorm(caseTexts(c, events))}
}

func (d *ftDoc) encode() []byte {
	n := 3 + len(d.text)
	for _, f := range d.facets {
		n += 1 + len(f)
	}
	out := make([]byte, 0, n)
	out = binary.BigEndian.AppendUint16(out, d.day)
	out = append(out, byte(len(d.facets)))
	for _, f := range d.facets {
		out = append(out, byte(len(f)))
		out = append(out, f...)
	}
	return append(out, d.text...)
}

var errBadDoc = errors.New("store: damaged entry in ft.pending")

// decodeDoc reads an encoded document; with copyText false the text aliases b.
func decodeDoc(b []byte, copyText bool) (ftDoc, error) {
	var d ftDoc
	if len(b) < 3 {
		return d, errBadDoc
	}
	d.day = binary.BigEndian.Uint16(b)
	n := int(b[2])
	p := 3
	for i := 0; i < n; i++ {
		if p >= len(b) || p+1+int(b[p]) > len(b) {
			return d, errBadDoc
		}
		d.facets = append(d.facets, string(b[p+1:p+1+int(b[p])]))
		p += 1 + int(b[p])
	}
	if copyText {
		d.text = string(b[p:])
	} else {
		d.text = unsafeString(b[p:])
	}
	return d, nil
}

// decodeDocView is decodeDoc into d without copying or allocating: facets
// and text alias b, and d's facet slice is reused. For a loop that reads
// many documents and keeps none.
func decodeDocView(d *ftDoc, b []byte) error {
	d.facets = d.facets[:0]
	if len(b) < 3 {
		return errBadDoc
	}
	d.day = binary.BigEndian.Uint16(b)
	n := int(b[2])
	p := 3
	for i := 0; i < n; i++ {
		if p >= len(b) || p+1+int(b[p]) > len(b) {
			return errBadDoc
		}
		d.facets = append(d.facets, unsafeString(b[p+1:p+1+int(b[p])]))
		p += 1 + int(b[p])
	}
	d.text = unsafeString(b[p:])
	return nil
}

func (d *ftDoc) hasFacet(f string) bool {
	for _, x := range d.facets {
		if x == f {
			return true
		}
	}
	return false
}

// --- writing ---

func (tx *Tx) pendingCount() uint64 {
	return getU64(tx.b(bucketMeta).Get(metaPending))
}

func (tx *Tx) setPendingCount(n uint64) error {
	return tx.b(bucketMeta).Put(metaPending, u64(n))
}

// ftPut records the new document of case id; old is its previous document,
// nil for a new case.
func (tx *Tx) ftPut(id uint64, old *ftDoc, doc ftDoc) error {
	pb := tx.b(ftPending)
	key := u64(id)
	if old == nil || pb.Get(key) != nil {
		if old == nil {
			if pb.Get(key) == nil {
				if err := tx.setPendingCount(tx.pendingCount() + 1); err != nil {
					return err
				}
			}
		}
		return pb.Put(key, doc.encode())
	}
	// Already merged: update the bitmaps of the terms that changed.
	ot, nt := old.terms(), doc.terms()
	chunk := chunkOf(id)
	for t := range ot {
		if _, ok := nt[t]; !ok {
			if err := tx.postingEdit(chunk, t, []uint32{uint32(id)}, false); err != nil {
				return err
			}
		}
	}
	for t := range nt {
		if _, ok := ot[t]; !ok {
			if err := tx.postingEdit(chunk, t, []uint32{uint32(id)}, true); err != nil {
				return err
			}
		}
	}
	if old.day != doc.day {
		return tx.columnSet(chunk, map[uint32]uint16{uint32(id): doc.day})
	}
	return nil
}

// ftDelete removes case id from the index.
func (tx *Tx) ftDelete(id uint64, old ftDoc) error {
	pb := tx.b(ftPending)
	key := u64(id)
	if pb.Get(key) != nil {
		if err := tx.setPendingCount(tx.pendingCount() - 1); err != nil {
			return err
		}
		return pb.Delete(key)
	}
	chunk := chunkOf(id)
	for t := range old.terms() {
		if err := tx.postingEdit(chunk, t, []uint32{uint32(id)}, false); err != nil {
			return err
		}
	}
	return tx.columnSet(chunk, map[uint32]uint16{uint32(id): 0})
}

func postKey(chunk uint32, term string) []byte {
	k := make([]byte, 4+len(term))
	binary.BigEndian.PutUint32(k, chunk)
	copy(k[4:], term)
	return k
}

func (tx *Tx) postingEdit(chunk uint32, term string, ids []uint32, add bool) error {
	b := tx.b(ftPost)
	key := postKey(chunk, term)
	bm := roaring.New()
	if v := b.Get(key); v != nil {
		if err := bm.UnmarshalBinary(v); err != nil {
			return err
		}
	} else if !add {
		return nil
	}
	if add {
		bm.AddMany(ids)
	} else {
		for _, id := range ids {
			bm.Remove(id)
		}
	}
	if bm.IsEmpty() {
		return b.Delete(key)
	}
	bm.RunOptimize()
	out, err := bm.ToBytes()
	if err != nil {
		return err
	}
	return b.Put(key, out)
}

// The column of a chunk: min day, max day (uint16 each), then one uint16
// per case ID in the chunk (0: no such case or not merged).
func (tx *Tx) columnSet(chunk uint32, days map[uint32]uint16) error {
	b := tx.b(ftCol)
	key := u32(chunk)
	col := append([]byte(nil), b.Get(key)...)
	if len(col) < 4 {
		col = make([]byte, 4)
	}
	for id, d := range days {
		pos := 4 + 2*int(id&0xffff)
		if pos+2 > len(col) {
			if d == 0 {
				continue
			}
			col = append(col, make([]byte, pos+2-len(col))...)
		}
		binary.BigEndian.PutUint16(col[pos:], d)
	}
	// trim trailing zeros and recompute min and max
	end := len(col)
	for end > 4 && col[end-1] == 0 && col[end-2] == 0 {
		end -= 2
	}
	col = col[:end]
	var lo, hi uint16 = 0xffff, 0
	for p := 4; p < len(col); p += 2 {
		d := binary.BigEndian.Uint16(col[p:])
		if d == 0 {
			continue
		}
		lo, hi = min(lo, d), max(hi, d)
	}
	if hi == 0 {
		return b.Delete(key)
	}
	binary.BigEndian.PutUint16(col[0:], lo)
	binary.BigEndian.PutUint16(col[2:], hi)
	return b.Put(key, col)
}

// fold merges every pending case into the bitmaps.
func (tx *Tx) fold() error {
	pb := tx.b(ftPending)
	// Each term's IDs, in the order the cases come (ascending); a term
	// met again in the same case finds that case's ID last in its list.
	// One map lookup per term met: a fold of 20000 cases meets millions.
	type chunkWork struct {
		index map[string]int // term → its list in ids
		ids   [][]uint32
		terms map[string][]uint32
		days  map[uint32]uint16
	}
	work := map[uint32]*chunkWork{}
	c := pb.Cursor()
	var keys [][]byte
	var d ftDoc
	for k, v := c.First(); k != nil; k, v = c.Next() {
		id := getU64(k)
		if err := decodeDocView(&d, v); err != nil {
			return err
		}
		ch := chunkOf(id)
		w := work[ch]
		if w == nil {
			w = &chunkWork{index: map[string]int{}, days: map[uint32]uint16{}}
			work[ch] = w
		}
		add := func(t string) {
			i, ok := w.index[t]
			if !ok {
				i = len(w.ids)
				w.index[strings.Clone(t)] = i // t aliases the page
				w.ids = append(w.ids, nil)
			}
			l := w.ids[i]
			if n := len(l); n == 0 || l[n-1] != uint32(id) {
				w.ids[i] = append(l, uint32(id))
			}
		}
		forTerms(d.text, add)
		for _, f := range d.facets {
			add(f)
		}
		w.days[uint32(id)] = d.day
		keys = append(keys, append([]byte(nil), k...))
	}
	for _, w := range work {
		w.terms = make(map[string][]uint32, len(w.index))
		for t, i := range w.index {
			w.terms[t] = w.ids[i]
		}
	}
	chunks := make([]uint32, 0, len(work))
	for ch := range work {
		chunks = append(chunks, ch)
	}
	sort.Slice(chunks, func(i, j int) bool { return chunks[i] < chunks[j] })
	for _, ch := range chunks {
		w := work[ch]
		terms := make([]string, 0, len(w.terms))
		for t := range w.terms {
			terms = append(terms, t)
		}
		sort.Strings(terms)
		for _, t := range terms {
			if err := tx.postingEdit(ch, t, w.terms[t], true); err != nil {
				return err
			}
		}
		if err := tx.columnSet(ch, w.days); err != nil {
			return err
		}
	}
	for _, k := range keys {
		if err := pb.Delete(k); err != nil {
			return err
		}
	}
	return tx.setPendingCount(0)
}

// Fold merges the cases waiting in ft.pending into the bitmaps now.
func (s *Store) Fold() error { return s.Update(func(tx *Tx) error { return tx.fold() }) }

// --- reading ---

// posting reads a term's bitmap in a chunk, as a view of the file. One
// cursor and key buffer serve every call of a transaction: a search makes
// dozens, and bbolt's Get would allocate a cursor each time.
func (tx *Tx) posting(chunk uint32, term string) *roaring.Bitmap {
	if tx.postCur == nil || tx.tx.Writable() {
		// a write may have moved the cursor's pages
		tx.postCur = tx.b(ftPost).Cursor()
	}
	tx.postKey = binary.BigEndian.AppendUint32(tx.postKey[:0], chunk)
	tx.postKey = append(tx.postKey, term...)
	k, v := tx.postCur.Seek(tx.postKey)
	if v == nil || !bytes.Equal(k, tx.postKey) {
		return nil
	}
	bm := roaring.New()
	if _, err := bm.FromBuffer(v); err != nil {
		return nil
	}
	return bm
}

// maxChunk is the chunk of the newest case.
func (tx *Tx) maxChunk() (uint32, bool) {
	k, _ := tx.b(bucketCases).Cursor().Last()
	if k == nil {
		return 0, false
	}
	return chunkOf(getU64(k)), true
}

type column []byte

func (tx *Tx) column(chunk uint32) column { return tx.b(ftCol).Get(u32(chunk)) }

func (c column) bounds() (uint16, uint16) {
	if len(c) < 4 {
		return 0, 0
	}
	return binary.BigEndian.Uint16(c), binary.BigEndian.Uint16(c[2:])
}

func (c column) day(id uint32) uint16 {
	p := 4 + 2*int(id&0xffff)
	if p+2 > len(c) {
		return 0
	}
	return binary.BigEndian.Uint16(c[p:])
}
