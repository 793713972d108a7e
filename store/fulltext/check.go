package fulltext

import (
	"bytes"
	"encoding/binary"
	"sort"
	"unicode/utf8"

	"github.com/RoaringBitmap/roaring/v2"
)

// Checking and rebuilding: the store recomputes each chunk from its
// records (Expected) and the index compares or writes it.

// Expected is one chunk of the index as the records say it should be.
type Expected struct {
	Terms map[string]*roaring.Bitmap
	Days  map[uint32]uint16
}

// NewExpected is an empty chunk.
func NewExpected() *Expected {
	return &Expected{Terms: map[string]*roaring.Bitmap{}, Days: map[uint32]uint16{}}
}

// Add puts case id with document d into the chunk.
func (e *Expected) Add(id uint64, d *Doc) {
	for t := range d.Terms() {
		bm := e.Terms[t]
		if bm == nil {
			bm = roaring.New()
			e.Terms[t] = bm
		}
		bm.Add(uint32(id))
	}
	e.Days[uint32(id)] = d.Day
}

// ChunkOf is the chunk of case id.
func ChunkOf(id uint64) uint32 { return chunkOf(id) }

// ChunkRange is the first and the next-after-last case ID of chunk ch.
func ChunkRange(ch uint32) (from, to uint64) {
	return uint64(ch) << chunkBits, uint64(ch+1) << chunkBits
}

// Chunks are the chunks to check: every one up to the newest case's, and
// any stored beyond it (left over).
func (ix *Index) Chunks() []uint32 {
	top, ok := ix.maxChunk()
	var chunks []uint32
	if ok {
		for c := uint32(0); c <= top; c++ {
			chunks = append(chunks, c)
		}
	}
	if k, _ := ix.postB().Cursor().Last(); len(k) >= 4 {
		last := binary.BigEndian.Uint32(k)
		if !ok || last > top {
			for c := top + 1; c <= last; c++ {
				chunks = append(chunks, c)
			}
		}
	}
	return chunks
}

// EachPending calls fn with the ID of every pending case.
func (ix *Index) EachPending(fn func(id uint64)) {
	c := ix.pendingB().Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		fn(getU64(k))
	}
}

// IsPending tells whether case id waits in ft.pending, and whether what
// waits there is d.
func (ix *Index) IsPending(id uint64, d *Doc) (pending, same bool) {
	v := ix.pendingB().Get(u64(id))
	return v != nil, v != nil && bytes.Equal(v, d.Encode())
}

// CheckChunk compares chunk ch with e, and tells report each difference
// as a sentence in plain words (terms are printed, case data is not).
func (ix *Index) CheckChunk(ch uint32, e *Expected, report func(format string, args ...any)) {
	terms := make(map[string]*roaring.Bitmap, len(e.Terms))
	for t, bm := range e.Terms {
		terms[t] = bm
	}
	prefix := u32(ch)
	c := ix.postB().Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		term := string(k[4:])
		want := terms[term]
		got, err := decodePosting(v)
		if err != nil {
			report("第 %d 段的词条 %q 无法读取", ch, printable(term))
			continue
		}
		delete(terms, term)
		if want == nil {
			report("第 %d 段的词条 %q 不在任何记录中（%d 条多余）", ch, printable(term), got.GetCardinality())
			continue
		}
		if !got.Equals(want) {
			extra := roaring.AndNot(got, want).GetCardinality()
			missing := roaring.AndNot(want, got).GetCardinality()
			report("第 %d 段的词条 %q 多 %d 条、缺 %d 条", ch, printable(term), extra, missing)
		}
	}
	missing := make([]string, 0, len(terms))
	for t := range terms {
		missing = append(missing, t)
	}
	sort.Strings(missing)
	for _, t := range missing {
		report("第 %d 段缺少词条 %q（%d 条记录）", ch, printable(t), terms[t].GetCardinality())
	}
	if got, want := ix.colB().Get(prefix), buildColumn(e.Days); !bytes.Equal(got, want) {
		report("第 %d 段的收件日期列与记录不符", ch)
	}
}

// WriteChunk writes e as chunk ch of an emptied index (a rebuild).
func (ix *Index) WriteChunk(ch uint32, e *Expected) error {
	if err := ix.writeTerms(ch, e, func(string) bool { return true }); err != nil {
		return err
	}
	if col := buildColumn(e.Days); col != nil {
		return ix.colB().Put(u32(ch), col)
	}
	return nil
}

// WriteTrigrams writes the postings of chunk ch's trigrams as e has them
// (the step to schema 14, which added them).
func (ix *Index) WriteTrigrams(ch uint32, e *Expected) error {
	return ix.writeTerms(ch, e, func(t string) bool { return t[0] != 1 && utf8.RuneCountInString(t) == 3 })
}

// writeTerms writes the postings of e's terms that keep picks.
func (ix *Index) writeTerms(ch uint32, e *Expected, keep func(term string) bool) error {
	keys := make([]string, 0, len(e.Terms))
	for t := range e.Terms {
		if keep(t) {
			keys = append(keys, t)
		}
	}
	sort.Strings(keys)
	for _, t := range keys {
		bm := e.Terms[t]
		bm.RunOptimize()
		raw, err := bm.ToBytes()
		if err != nil {
			return err
		}
		if err := ix.postB().Put(postKey(ch, t), raw); err != nil {
			return err
		}
	}
	return nil
}

func printable(term string) string {
	if len(term) > 0 && term[0] == 1 {
		return "筛选:" + term[1:]
	}
	return term
}

func buildColumn(days map[uint32]uint16) []byte {
	var hiIdx int = -1
	var lo, hi uint16 = 0xffff, 0
	for id, d := range days {
		if d == 0 {
			continue
		}
		hiIdx = max(hiIdx, int(id&0xffff))
		lo, hi = min(lo, d), max(hi, d)
	}
	if hiIdx < 0 {
		return nil
	}
	col := make([]byte, 4+2*(hiIdx+1))
	binary.BigEndian.PutUint16(col, lo)
	binary.BigEndian.PutUint16(col[2:], hi)
	for id, d := range days {
		binary.BigEndian.PutUint16(col[4+2*int(id&0xffff):], d)
	}
	return col
}
