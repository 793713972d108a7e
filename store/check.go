package store

import (
	"bytes"
	"fmt"

	"laifang/store/fulltext"

	bolt "go.etcd.io/bbolt"
)

// Report is what Check found. Problems are sentences in plain words, with
// record numbers but never a record's personal data.
type Report struct {
	Problems []string
	Counts   map[string]int // records per bucket
	more     map[string]int // problems not listed, per kind
	// Damaged means the file itself is broken (bbolt's pages, or a crash
	// while reading them): no rebuild mends it, only a backup does.
	Damaged bool
}

// OK tells whether nothing is wrong.
func (r *Report) OK() bool { return r != nil && len(r.Problems) == 0 && len(r.more) == 0 }

// Omitted is how many further problems were found but not listed.
func (r *Report) Omitted() int {
	n := 0
	for _, v := range r.more {
		n += v
	}
	return n
}

const maxPerKind = 20

func (r *Report) add(kind, format string, args ...any) {
	n := 0
	for _, p := range r.Problems {
		if len(p) >= len(kind) && p[:len(kind)] == kind {
			n++
		}
	}
	if n >= maxPerKind {
		if r.more == nil {
			r.more = map[string]int{}
		}
		r.more[kind]++
		return
	}
	r.Problems = append(r.Problems, kind+fmt.Sprintf(format, args...))
}

// table is a bucket of records and the classic indexes derived from them
// (their indexEntries): Check recomputes those indexes from this bucket,
// and rebuild writes them from it.
type table struct {
	bucket  []byte
	name    string // in plain words
	load    func(id uint64, raw []byte) (indexed, error)
	indexes [][]byte
}

func loader[T any, P interface {
	*T
	idSetter
	indexed
}]() func(uint64, []byte) (indexed, error) {
	return func(id uint64, raw []byte) (indexed, error) {
		r, err := decodeRecord[T, P](id, raw)
		if err != nil {
			return nil, err
		}
		return P(r), nil
	}
}

var tables = []table{
	{bucketPeople, "人员", loader[Person](), [][]byte{ixIDNumber, ixPhone, ixName}},
	{bucketCases, "信访事项", loader[Case](), [][]byte{ixCaseNo, ixPersonCase, ixCaseDue, ixUnitCase, ixAccused, ixArchiveNo, ixCaseTodo, ixUnitTodo, ixUnitDue}},
	{bucketTasks, "任务", loader[Task](), [][]byte{ixCaseTask, ixTaskDue, ixUnitTask, ixUnitTaskCase, ixUnitOpen}},
	{bucketLetters, "文书", loader[Letter](), [][]byte{ixCaseLetter, ixLetterNo, ixLetterDay, ixLetterKind}},
	{bucketUsers, "用户", loader[User](), [][]byte{ixLogin}},
	{bucketWording, "口径", loader[Wording](), nil},
}

// indexSource names the table each classic index is derived from.
var indexSource = func() map[string]*table {
	m := map[string]*table{}
	for i := range tables {
		for _, ix := range tables[i].indexes {
			m[string(ix)] = &tables[i]
		}
	}
	return m
}()

// Check runs bbolt's own consistency check, then verifies every index
// against the records both ways: each entry a record implies is there, and
// each entry that is there belongs to a record.
func (s *Store) Check() (*Report, error) {
	r := &Report{Counts: map[string]int{}}
	return r, s.check(r, true)
}

// check adds to r what Check finds; pages false skips bbolt's own check,
// for VerifyFile, which has run it before it trusted the file to Open.
func (s *Store) check(r *Report, pages bool) error {
	return s.View(func(tx *Tx) error {
		if pages {
			for err := range tx.tx.Check() {
				r.add("文件结构：", "%v", err)
				r.Damaged = true
			}
		}
		if len(r.Problems) > 0 {
			return nil // indexes are not worth reading in a broken file
		}
		if v := getU64(tx.b(bucketMeta).Get(metaSchema)); v != SchemaVersion {
			r.add("版本：", "数据文件的结构版本是 %d，本程序是 %d", v, SchemaVersion)
		}
		for _, b := range allBuckets {
			if tx.b(b) == nil && !lateBuckets[string(b)] {
				r.add("缺少：", "数据文件缺少 %s 部分", b)
			}
		}
		if len(r.Problems) > 0 {
			return nil
		}
		tx.checkClassic(r)
		tx.checkEvents(r)
		if err := tx.checkRows(r); err != nil {
			return err
		}
		return tx.checkFullText(r)
	})
}

func (tx *Tx) checkClassic(r *Report) {
	expected := map[string]int{}
	for ti := range tables {
		t := &tables[ti]
		n := 0
		tb := tx.b(t.bucket)
		if tb == nil {
			continue // a late bucket in a file opened read-only
		}
		c := tb.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			n++
			id := getU64(k)
			rec, err := t.load(id, v)
			if err != nil {
				r.add("记录损坏：", "%s %d 无法读取", t.name, id)
				continue
			}
			for _, e := range rec.indexEntries(id, tx.s.salt) {
				expected[string(e.bucket)]++
				got := tx.b(e.bucket).Get(e.key)
				switch {
				case got == nil:
					r.add("索引缺项：", "%s %d 在索引 %s 中没有条目", t.name, id, e.bucket)
				case e.row && !bytes.Equal(got, e.val):
					r.add("索引错误：", "%s %d 在索引 %s 中的摘要与记录不符", t.name, id, e.bucket)
				case e.val != nil && !e.row && !bytes.Equal(got, e.val):
					r.add("索引错误：", "%s %d 在索引 %s 中指向了 %s %d（编号重复？）", t.name, id, e.bucket, t.name, getU64(got))
				}
			}
		}
		r.Counts[string(t.bucket)] = n
	}
	for name, t := range indexSource {
		b := tx.b([]byte(name))
		if b == nil {
			continue // a late index in a file opened read-only: no record has its entries
		}
		stored := b.Stats().KeyN
		if stored == expected[name] {
			continue
		}
		// Find the entries no record accounts for.
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var id uint64
			if len(v) == 8 && name != string(ixName) { // ix.name's values are rows
				id = getU64(v)
			} else if len(k) >= 8 {
				id = getU64(k[len(k)-8:])
			}
			raw := tx.b(t.bucket).Get(u64(id))
			ok := false
			if raw != nil {
				if rec, err := t.load(id, raw); err == nil {
					for _, e := range rec.indexEntries(id, tx.s.salt) {
						if string(e.bucket) == name && bytes.Equal(e.key, k) {
							ok = true
							break
						}
					}
				}
			}
			if !ok {
				if raw == nil {
					r.add("索引多余：", "索引 %s 有一条指向不存在的%s %d", name, t.name, id)
				} else {
					r.add("索引多余：", "索引 %s 有一条与%s %d 的内容不符", name, t.name, id)
				}
			}
		}
	}
}

func (tx *Tx) checkEvents(r *Report) {
	c := tx.b(bucketEvents).Cursor()
	n, visits := 0, 0
	var lastCase uint64
	caseOK := false
	for k, v := c.First(); k != nil; k, v = c.Next() {
		n++
		if len(k) != 16 {
			r.add("时间线：", "有一条键长不对的事件")
			continue
		}
		cid := getU64(k)
		if cid != lastCase {
			lastCase = cid
			caseOK = tx.b(bucketCases).Get(k[:8]) != nil
		}
		if !caseOK {
			r.add("时间线：", "事件 %d 属于不存在的信访事项 %d", getU64(k[8:]), cid)
		}
		e, err := decodeRecord[Event](getU64(k[8:]), v)
		if err != nil {
			r.add("记录损坏：", "事件 %d 无法读取", getU64(k[8:]))
			continue
		}
		e.Case = cid
		for _, ie := range e.eventEntries() {
			visits++
			if got := tx.b(ie.bucket).Get(ie.key); !bytes.Equal(got, ie.val) {
				r.add("索引缺项：", "来访 %d 在索引 %s 中没有正确的条目", e.ID, ie.bucket)
			}
		}
	}
	r.Counts[string(bucketEvents)] = n
	r.Counts["visits"] = visits
	vb := tx.b(ixVisitDay)
	if vb.Stats().KeyN == visits {
		return
	}
	vc := vb.Cursor()
	for k, v := vc.First(); k != nil; k, v = vc.Next() {
		ok := false
		if len(k) == 12 && len(v) == 8 {
			if raw := tx.b(bucketEvents).Get(cat(v, k[4:])); raw != nil {
				if e, err := decodeRecord[Event](getU64(k[4:]), raw); err == nil {
					e.Case = getU64(v)
					for _, ie := range e.eventEntries() {
						ok = ok || bytes.Equal(ie.key, k)
					}
				}
			}
		}
		if !ok {
			r.add("索引多余：", "索引 %s 有一条与来访 %d 不符", ixVisitDay, getU64(k[len(k)-8:]))
		}
	}
}

// expectedChunk computes, from the records, the chunk's bitmaps and date
// column, and the documents of its pending cases (with allFolded, none is
// taken as pending: a rebuild).
func (tx *Tx) expectedChunk(chunk uint32, allFolded bool) (*fulltext.Expected, map[uint64]fulltext.Doc, error) {
	e := fulltext.NewExpected()
	pending := map[uint64]fulltext.Doc{}
	ix := tx.ft()
	c := tx.b(bucketCases).Cursor()
	from, end := fulltext.ChunkRange(chunk)
	for k, v := c.Seek(u64(from)); k != nil && getU64(k) < end; k, v = c.Next() {
		id := getU64(k)
		cs, err := decodeRecord[Case](id, v)
		if err != nil {
			continue // reported by checkClassic
		}
		ev, err := tx.caseEvents(id)
		if err != nil {
			continue
		}
		doc := makeDoc(cs, ev)
		if !allFolded {
			if p, _ := ix.IsPending(id, &doc); p {
				pending[id] = doc
				continue
			}
		}
		e.Add(id, &doc)
	}
	return e, pending, nil
}

func (tx *Tx) checkFullText(r *Report) error {
	ix := tx.ft()
	np := 0
	ix.EachPending(func(id uint64) {
		np++
		if tx.b(bucketCases).Get(u64(id)) == nil {
			r.add("全文索引：", "待合并的条目 %d 没有对应的信访事项", id)
		}
	})
	if got := int(ix.PendingCount()); got != np {
		r.add("全文索引：", "待合并计数是 %d，实际有 %d 条", got, np)
	}
	for _, ch := range ix.Chunks() {
		e, pending, err := tx.expectedChunk(ch, false)
		if err != nil {
			return err
		}
		for id, doc := range pending {
			if _, same := ix.IsPending(id, &doc); !same {
				r.add("全文索引：", "信访事项 %d 的待合并内容与记录不符", id)
			}
		}
		ix.CheckChunk(ch, e, func(format string, args ...any) { r.add("全文索引：", format, args...) })
	}
	return nil
}

// RebuildIndexes drops every index and makes it again from the records. The
// full text is rebuilt one chunk per transaction. progress, when not nil,
// is told each finished step.
func (s *Store) RebuildIndexes(progress func(step string)) error {
	if progress == nil {
		progress = func(string) {}
	}
	if err := s.db.Update(func(btx *bolt.Tx) error {
		for _, b := range indexBuckets {
			if err := btx.DeleteBucket(b); err != nil && err != bolt.ErrBucketNotFound {
				return err
			}
			if _, err := btx.CreateBucket(b); err != nil {
				return err
			}
		}
		return fulltext.ResetPendingCount(btx.Bucket(bucketMeta))
	}); err != nil {
		return err
	}
	for ti := range tables {
		t := &tables[ti]
		var after []byte
		for {
			done := true
			err := s.db.Update(func(btx *bolt.Tx) error {
				tx := &Tx{tx: btx, s: s, now: s.now()}
				c := btx.Bucket(t.bucket).Cursor()
				k, v := seekAfter(c, after)
				for n := 0; k != nil; k, v = c.Next() {
					id := getU64(k)
					rec, err := t.load(id, v)
					if err != nil {
						return err
					}
					if err := tx.reindex(id, nil, rec); err != nil {
						return fmt.Errorf("%s %d: %w", t.name, id, err)
					}
					after = append(after[:0], k...)
					if n++; n >= 50000 {
						done = false
						break
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			if done {
				break
			}
		}
		progress(t.name)
	}
	if err := s.fillRows(); err != nil {
		return err
	}
	progress("列表摘要")
	if err := s.Update(func(tx *Tx) error {
		c := tx.b(bucketEvents).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			e, err := decodeRecord[Event](getU64(k[8:]), v)
			if err != nil {
				return err
			}
			e.Case = getU64(k)
			for _, ie := range e.eventEntries() {
				if err := tx.b(ie.bucket).Put(ie.key, ie.val); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	progress("来访")
	var chunks []uint32
	s.View(func(tx *Tx) error { chunks = tx.ft().Chunks(); return nil })
	for _, ch := range chunks {
		err := s.Update(func(tx *Tx) error {
			e, _, err := tx.expectedChunk(ch, true)
			if err != nil {
				return err
			}
			return tx.ft().WriteChunk(ch, e)
		})
		if err != nil {
			return err
		}
		progress(fmt.Sprintf("全文索引第 %d/%d 段", ch+1, len(chunks)))
	}
	return nil
}

// checkRows verifies the list row of every case, both ways.
func (tx *Tx) checkRows(r *Report) error {
	rows := tx.b(ixCaseRow)
	n := 0
	c := tx.b(bucketCases).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		n++
		id := getU64(k)
		cs, err := decodeRecord[Case](id, v)
		if err != nil {
			continue // reported by checkClassic
		}
		want, err := tx.expectedRow(cs)
		if err != nil {
			r.add("列表摘要：", "信访事项 %d 的信访人无法读取", id)
			continue
		}
		switch got := rows.Get(k); {
		case got == nil:
			r.add("列表摘要：", "信访事项 %d 没有列表摘要", id)
		case !bytes.Equal(got, want):
			r.add("列表摘要：", "信访事项 %d 的列表摘要与记录不符", id)
		}
	}
	if rows.Stats().KeyN == n {
		return nil
	}
	rc := rows.Cursor()
	for k, _ := rc.First(); k != nil; k, _ = rc.Next() {
		if tx.b(bucketCases).Get(k) == nil {
			r.add("列表摘要：", "有一条列表摘要属于不存在的信访事项 %d", getU64(k))
		}
	}
	return nil
}

// fillRows writes the list row of every case from the records, 50000
// cases a transaction (a rebuild, and the upgrade to schema 2).
func (s *Store) fillRows() error {
	return s.eachBatch(bucketCases, 50000, func(tx *Tx, k, v []byte) error {
		id := getU64(k)
		cs, err := decodeRecord[Case](id, v)
		if err != nil {
			return err
		}
		row, err := tx.expectedRow(cs)
		if err != nil {
			return err
		}
		return tx.b(ixCaseRow).Put(u64(id), row)
	})
}
