package fulltext

import (
	"bytes"
	"encoding/binary"
	"errors"
	"sort"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	bolt "go.etcd.io/bbolt"
)

// The buckets of the index (the store creates them with its own).
var (
	PostBucket    = []byte("ft.post")    // chunk | term → roaring bitmap of case IDs
	ColBucket     = []byte("ft.col")     // chunk → received date of each case in the chunk
	PendingBucket = []byte("ft.pending") // caseID → the case's document, not yet in ft.post
)

// pendingCountKey is the key of the number of pending cases in the store's
// meta bucket.
var pendingCountKey = []byte("ft.pending.count")

// Index is the full-text index as one transaction sees it. It keeps the
// cursor and key buffer every posting lookup reuses, so a transaction
// opens one Index and asks it everything.
type Index struct {
	writable           bool
	get                func(name []byte) *bolt.Bucket
	metaName           []byte
	post, col, pending *bolt.Bucket // opened on first use
	meta               *bolt.Bucket
	newest             func() (uint64, bool)
	postCur            *bolt.Cursor
	postKey            []byte
}

// Open is the index in a transaction: get opens a bucket of it (the
// store's, which sets the fill of the dense ones and caches them), meta
// names the bucket that holds the pending count, and newest tells the ID
// of the newest case (false: none), which bounds the chunks a query
// reads. Buckets are opened on first use: a query that finds nothing
// pending opens two.
func Open(writable bool, get func(name []byte) *bolt.Bucket, meta []byte, newest func() (uint64, bool)) *Index {
	return &Index{writable: writable, get: get, metaName: meta, newest: newest}
}

func (ix *Index) bucket(b **bolt.Bucket, name []byte) *bolt.Bucket {
	if *b == nil {
		*b = ix.get(name)
	}
	return *b
}

func (ix *Index) postB() *bolt.Bucket    { return ix.bucket(&ix.post, PostBucket) }
func (ix *Index) colB() *bolt.Bucket     { return ix.bucket(&ix.col, ColBucket) }
func (ix *Index) pendingB() *bolt.Bucket { return ix.bucket(&ix.pending, PendingBucket) }
func (ix *Index) metaB() *bolt.Bucket    { return ix.bucket(&ix.meta, ix.metaName) }

// --- writing ---

// PendingCount is the number of cases waiting in ft.pending.
func (ix *Index) PendingCount() uint64 {
	return getU64(ix.metaB().Get(pendingCountKey))
}

// ResetPendingCount sets the count to zero (a rebuild empties ft.pending).
func ResetPendingCount(meta *bolt.Bucket) error { return meta.Put(pendingCountKey, u64(0)) }

func (ix *Index) setPendingCount(n uint64) error {
	return ix.metaB().Put(pendingCountKey, u64(n))
}

// Put records the new document of case id; old is its previous document,
// nil for a new case.
func (ix *Index) Put(id uint64, old *Doc, doc Doc) error {
	pb := ix.pendingB()
	key := u64(id)
	if old == nil || pb.Get(key) != nil {
		if old == nil {
			if pb.Get(key) == nil {
				if err := ix.setPendingCount(ix.PendingCount() + 1); err != nil {
					return err
				}
			}
		}
		return pb.Put(key, doc.Encode())
	}
	// Already merged: update the bitmaps of the terms that changed.
	ot, nt := old.Terms(), doc.Terms()
	chunk := chunkOf(id)
	for t := range ot {
		if _, ok := nt[t]; !ok {
			if err := ix.postingEdit(chunk, t, []uint32{uint32(id)}, false); err != nil {
				return err
			}
		}
	}
	for t := range nt {
		if _, ok := ot[t]; !ok {
			if err := ix.postingEdit(chunk, t, []uint32{uint32(id)}, true); err != nil {
				return err
			}
		}
	}
	if old.Day != doc.Day {
		return ix.columnSet(chunk, map[uint32]uint16{uint32(id): doc.Day})
	}
	return nil
}

// Delete removes case id from the index.
func (ix *Index) Delete(id uint64, old Doc) error {
	pb := ix.pendingB()
	key := u64(id)
	if pb.Get(key) != nil {
		if err := ix.setPendingCount(ix.PendingCount() - 1); err != nil {
			return err
		}
		return pb.Delete(key)
	}
	chunk := chunkOf(id)
	for t := range old.Terms() {
		if err := ix.postingEdit(chunk, t, []uint32{uint32(id)}, false); err != nil {
			return err
		}
	}
	return ix.columnSet(chunk, map[uint32]uint16{uint32(id): 0})
}

func postKey(chunk uint32, term string) []byte {
	k := make([]byte, 4+len(term))
	binary.BigEndian.PutUint32(k, chunk)
	copy(k[4:], term)
	return k
}

func (ix *Index) postingEdit(chunk uint32, term string, ids []uint32, add bool) error {
	b := ix.postB()
	key := postKey(chunk, term)
	bm := roaring.New()
	if v := b.Get(key); v != nil {
		if err := unmarshalPosting(bm, v); err != nil {
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
func (ix *Index) columnSet(chunk uint32, days map[uint32]uint16) error {
	b := ix.colB()
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

// Fold merges every pending case into the bitmaps.
func (ix *Index) Fold() error {
	pb := ix.pendingB()
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
	var d Doc
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
		eachGram(d.Text, func(g string, _, _ int, _ bool) { add(g) })
		for _, f := range d.Facets {
			add(f)
		}
		w.days[uint32(id)] = d.Day
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
			if err := ix.postingEdit(ch, t, w.terms[t], true); err != nil {
				return err
			}
		}
		if err := ix.columnSet(ch, w.days); err != nil {
			return err
		}
	}
	for _, k := range keys {
		if err := pb.Delete(k); err != nil {
			return err
		}
	}
	return ix.setPendingCount(0)
}

// --- reading ---

// posting reads a term's bitmap in a chunk, as a view of the file. One
// cursor and key buffer serve every call of a transaction: a search makes
// dozens, and bbolt's Get would allocate a cursor each time.
func (ix *Index) posting(chunk uint32, term string) *roaring.Bitmap {
	if ix.postCur == nil || ix.writable {
		// a write may have moved the cursor's pages
		ix.postCur = ix.postB().Cursor()
	}
	ix.postKey = binary.BigEndian.AppendUint32(ix.postKey[:0], chunk)
	ix.postKey = append(ix.postKey, term...)
	k, v := ix.postCur.Seek(ix.postKey)
	if v == nil || !bytes.Equal(k, ix.postKey) {
		return nil
	}
	bm, err := decodePosting(v)
	if err != nil {
		return nil
	}
	return bm
}

// decodePosting reads a stored bitmap as a view of v (no copy: v must not
// change while the bitmap is used, as bbolt's pages in a transaction do
// not). A damaged value is an error, never a panic.
func decodePosting(v []byte) (bm *roaring.Bitmap, err error) {
	defer func() {
		if recover() != nil {
			bm, err = nil, errBadPosting
		}
	}()
	bm = roaring.New()
	if _, err := bm.FromBuffer(v); err != nil {
		return nil, errBadPosting
	}
	return bm, nil
}

// unmarshalPosting reads a stored bitmap into bm as a copy, to change it.
func unmarshalPosting(bm *roaring.Bitmap, v []byte) (err error) {
	defer func() {
		if recover() != nil {
			err = errBadPosting
		}
	}()
	if bm.UnmarshalBinary(v) != nil {
		return errBadPosting
	}
	return nil
}

var errBadPosting = errors.New("fulltext: damaged posting list")

// maxChunk is the chunk of the newest case.
func (ix *Index) maxChunk() (uint32, bool) {
	id, ok := ix.newest()
	if !ok {
		return 0, false
	}
	return chunkOf(id), true
}

type column []byte

func (ix *Index) column(chunk uint32) column { return ix.colB().Get(u32(chunk)) }

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

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

func u32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func getU64(b []byte) uint64 {
	if len(b) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// Tally counts the cases of the whole index, and those in each of facets
// (facet terms, e.g. FacetStatus+"CLOSED"), pending or merged.
func (ix *Index) Tally(facets []string) (total int, per map[string]int, err error) {
	per = make(map[string]int, len(facets))
	var d Doc
	pc := ix.pendingB().Cursor()
	for k, v := pc.First(); k != nil; k, v = pc.Next() {
		if err := decodeDocView(&d, v); err != nil {
			return 0, nil, err
		}
		for _, f := range facets {
			if d.hasFacet(f) {
				per[f]++
			}
		}
		total++
	}
	if top, ok := ix.maxChunk(); ok {
		for c := uint32(0); c <= top; c++ {
			if all := ix.posting(c, FacetAll); all != nil {
				total += int(all.GetCardinality())
			}
			for _, f := range facets {
				if bm := ix.posting(c, f); bm != nil {
					per[f] += int(bm.GetCardinality())
				}
			}
		}
	}
	return total, per, nil
}

// AddFacets adds facet terms to cases already in the index: to the bitmaps
// of merged cases, chunk by chunk and term by term (one write of each
// bitmap), and at the end of the document of a pending one. A term a case
// already has is left as it is, so that a step run again after a crash
// changes nothing. For a schema step that adds facets to every case.
func (ix *Index) AddFacets(add map[uint64][]string) error {
	pb := ix.pendingB()
	work := map[uint32]map[string][]uint32{}
	for id, facets := range add {
		if v := pb.Get(u64(id)); v != nil {
			d, err := DecodeDoc(v)
			if err != nil {
				return err
			}
			changed := false
			for _, f := range facets {
				if !d.hasFacet(f) {
					d.Facets = append(d.Facets, f)
					changed = true
				}
			}
			if changed {
				if err := pb.Put(u64(id), d.Encode()); err != nil {
					return err
				}
			}
			continue
		}
		ch := chunkOf(id)
		if work[ch] == nil {
			work[ch] = map[string][]uint32{}
		}
		for _, f := range facets {
			work[ch][f] = append(work[ch][f], uint32(id))
		}
	}
	chunks := make([]uint32, 0, len(work))
	for ch := range work {
		chunks = append(chunks, ch)
	}
	sort.Slice(chunks, func(i, j int) bool { return chunks[i] < chunks[j] })
	for _, ch := range chunks {
		terms := make([]string, 0, len(work[ch]))
		for t := range work[ch] {
			terms = append(terms, t)
		}
		sort.Strings(terms)
		for _, t := range terms {
			ids := work[ch][t]
			sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
			if err := ix.postingEdit(ch, t, ids, true); err != nil {
				return err
			}
		}
	}
	return nil
}
