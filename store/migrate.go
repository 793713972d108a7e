package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"laifang/domain/confidential"
	"laifang/store/fulltext"

	"github.com/tinylib/msgp/msgp"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the layout this program writes. A file's version sits in
// the meta bucket; Open runs the missing steps in order, each in its own
// transaction that also records the new version, after copying the file
// aside. A file with a higher version is refused.
const SchemaVersion = 14

type migration struct {
	to   uint64
	name string
	run  func(tx *bolt.Tx, s *Store) error
	// fill, when set, runs after run in transactions of its own (a step
	// that writes a million records); the new version is recorded after
	// it. It must be safe to run again after a crash part-way.
	fill func(s *Store) error
}

// migrations are the steps, in order; step i takes a file from version
// migrations[i].to-1 to migrations[i].to. Each has a test that starts from a
// file made by the version before it (migrate_test.go).
var migrations = []migration{
	{to: 1, name: "first data layout: records, indexes, full text", run: migrateTo1},
	{to: 2, name: "list rows of cases", run: migrateTo2, fill: (*Store).fillRows},
	{to: 3, name: "list rows of people in the name index", run: migrateTo3, fill: (*Store).fillPersonRows},
	{to: 4, name: "records compressed with zstd and a dictionary", run: migrateTo4, fill: (*Store).rezstd},
	{to: 5, name: "people's index keys in the domain's forms; every report stored confidential", run: migrateTo5,
		fill: (*Store).fillSchema5},
	{to: 6, name: "the cases of each department: handled, about it, sent a task", run: migrateTo6,
		fill: (*Store).fillSchema6},
	{to: 7, name: "departments' open tasks by due date", run: migrateTo7, fill: (*Store).fillUnitOpen},
	{to: 8, name: "the work queue: what each case is owed, by office and department", run: migrateTo8,
		fill: (*Store).fillTodo},
	{to: 9, name: "the archive of letters: by issue day and by kind", run: migrateTo9, fill: (*Store).fillLetterDays},
	{to: 10, name: "each department's work queue holds the cases sent to it by a task; closed cases' running clocks",
		run: func(*bolt.Tx, *Store) error { return nil }, fill: (*Store).fillSent},
	{to: 11, name: "statistics: cases by the day received, visits by day with the people present", run: migrateTo11,
		fill: (*Store).fillTally},
	{to: 12, name: "the ledger's filters: channel, handler and marks of every case in the full text", run: migrateTo12,
		fill: (*Store).fillLedgerFacets},
	{to: 13, name: "cases, timeline events, people, audit entries, tasks and letters stored as MessagePack", run: func(*bolt.Tx, *Store) error { return nil },
		fill: (*Store).fillMsgpack},
	{to: 14, name: "the full text's trigrams: a three-character term found without reading a case", run: func(*bolt.Tx, *Store) error { return nil },
		fill: (*Store).fillTrigrams},
}

// fillTrigrams adds the postings of the trigrams (fulltext's eachGram) of
// every merged case, one chunk of the full text a transaction; the cases
// waiting in ft.pending are matched from their text and get theirs when
// folded. Run again after a crash it writes the same postings again.
func (s *Store) fillTrigrams() error {
	var chunks []uint32
	s.View(func(tx *Tx) error { chunks = tx.ft().Chunks(); return nil })
	for _, ch := range chunks {
		if err := s.Update(func(tx *Tx) error {
			e, _, err := tx.expectedChunk(ch, false)
			if err != nil {
				return err
			}
			return tx.ft().WriteTrigrams(ch, e)
		}); err != nil {
			return err
		}
	}
	return nil
}

// fillMsgpack rewrites every case, timeline event, person, audit entry,
// task and letter written as JSON in MessagePack (codec.go), 20,000 a transaction, compressing on
// every core. Run again after a crash it skips the records already
// rewritten.
func (s *Store) fillMsgpack() error {
	for _, step := range []struct {
		bucket []byte
		run    func(*Store, []byte) error
	}{
		{bucketCases, remsgpack[Case]}, {bucketEvents, remsgpack[Event]}, {bucketPeople, remsgpack[Person]},
		{bucketAudit, remsgpack[AuditEntry]}, {bucketTasks, remsgpack[Task]}, {bucketLetters, remsgpack[Letter]},
	} {
		if err := step.run(s, step.bucket); err != nil {
			return err
		}
	}
	return nil
}

func remsgpack[T any, P interface {
	*T
	idSetter
	msgp.Marshaler
}](s *Store, bucket []byte) error {
	stale := func(v []byte) bool { return len(v) > 0 && v[0] != formatMsgZstd && !isMsgpack(v) }
	return s.rewrite(bucket, stale, func(k, v []byte, _ *[]byte) ([]byte, error) {
		// the key's last 8 bytes are the ID (events: case | event)
		r, err := decodeRecord[T, P](getU64(k[len(k)-8:]), v)
		if err != nil {
			return nil, err
		}
		return encode(P(r))
	})
}

// rewrite replaces each value of bucket that stale picks by what conv
// makes of it, batch records a transaction, converting on every core
// (conv may keep its output in *buf, which is the worker's own: rewrite
// copies it). Run again after a crash it finds the rewritten ones no
// longer stale.
func (s *Store) rewrite(bucket []byte, stale func(v []byte) bool, conv func(k, v []byte, buf *[]byte) ([]byte, error)) error {
	const batch = 20000
	var after []byte
	for {
		var keys, vals [][]byte
		done := true
		err := s.Update(func(tx *Tx) error {
			b := tx.b(bucket)
			c := b.Cursor()
			for k, v := seekAfter(c, after); k != nil; k, v = c.Next() {
				after = append(after[:0], k...)
				if stale(v) {
					keys = append(keys, append([]byte(nil), k...))
					vals = append(vals, v)
				}
				if len(keys) >= batch {
					done = false
					break
				}
			}
			out := make([][]byte, len(vals))
			errs := make([]error, len(vals))
			var wg sync.WaitGroup
			workers := runtime.GOMAXPROCS(0)
			for w := range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					var buf []byte
					for i := w; i < len(vals); i += workers {
						o, err := conv(keys[i], vals[i], &buf)
						if err == nil && len(o) > 0 && len(buf) > 0 && &o[0] == &buf[0] {
							o = append([]byte(nil), o...) // buf is reused
						}
						out[i], errs[i] = o, err
					}
				}()
			}
			wg.Wait()
			for i, k := range keys {
				if errs[i] != nil {
					return fmt.Errorf("store: %s record %x is damaged: %w", bucket, k, errs[i])
				}
				if err := b.Put(k, out[i]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil || done {
			return err
		}
	}
}

// migrateTo12 changes no bucket: fillLedgerFacets adds the ledger's facets.
func migrateTo12(tx *bolt.Tx, s *Store) error { return nil }

// fillLedgerFacets adds each case's ledger facets (ledgerFacets: channel,
// handler, marks) to the full text, a batch of cases per transaction, each
// bitmap written once a batch (fulltext.Index.AddFacets). Run again after
// a crash it adds nothing twice.
func (s *Store) fillLedgerFacets() error {
	var after []byte
	for {
		done := true
		err := s.Update(func(tx *Tx) error {
			add := map[uint64][]string{}
			c := tx.b(bucketCases).Cursor()
			k, v := seekAfter(c, after)
			for i := 0; k != nil; k, v = c.Next() {
				cs, err := decodeRecord[Case](getU64(k), v)
				if err != nil {
					return err
				}
				if f := ledgerFacets(cs); len(f) > 0 {
					add[cs.ID] = f
				}
				after = append(after[:0], k...)
				if i++; i >= 50000 {
					done = false
					break
				}
			}
			return tx.ft().AddFacets(add)
		})
		if err != nil || done {
			return err
		}
	}
}

// migrateTo8 adds the work queue's indexes (queue.go), filled from the
// records by fillTodo.
func migrateTo8(tx *bolt.Tx, s *Store) error {
	for _, b := range queueIndexes {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	return nil
}

// migrateTo7 makes the index of the departments' open tasks (ix.unit.open)
// empty, for fillUnitOpen.
func migrateTo7(tx *bolt.Tx, s *Store) error {
	if err := tx.DeleteBucket(ixUnitOpen); err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
		return err
	}
	_, err := tx.CreateBucket(ixUnitOpen)
	return err
}

// fillUnitOpen writes the entries of ix.unit.open from the tasks. Run
// again after a crash it writes the same keys.
func (s *Store) fillUnitOpen() error {
	return s.eachBatch(bucketTasks, 20000, func(tx *Tx, k, v []byte) error {
		t, err := decodeRecord[Task](getU64(k), v)
		if err != nil {
			return err
		}
		for _, e := range t.indexEntries(t.ID, nil) {
			if string(e.bucket) == string(ixUnitOpen) {
				if err := tx.b(ixUnitOpen).Put(e.key, nil); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// migrateTo6 makes the department indexes (ix.unit.case, ix.unit.accused,
// ix.unit.taskcase) empty; fillSchema6 writes their entries.
func migrateTo6(tx *bolt.Tx, s *Store) error {
	return emptyBuckets(tx, ixUnitCase, ixAccused, ixUnitTaskCase)
}

// emptyBuckets makes each bucket anew and empty, for a step's fill.
func emptyBuckets(tx *bolt.Tx, names ...[]byte) error {
	for _, b := range names {
		if err := tx.DeleteBucket(b); err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
			return err
		}
		if _, err := tx.CreateBucket(b); err != nil {
			return err
		}
	}
	return nil
}

// fillSchema6 writes the entries of the department indexes from every
// case and task. Run again after a crash it writes the same keys again.
func (s *Store) fillSchema6() error {
	only := map[string]bool{string(ixUnitCase): true, string(ixAccused): true, string(ixUnitTaskCase): true}
	put := func(tx *Tx, es []ixEntry) error {
		for _, e := range es {
			if only[string(e.bucket)] {
				if err := tx.b(e.bucket).Put(e.key, e.val); err != nil {
					return err
				}
			}
		}
		return nil
	}
	err := s.eachBatch(bucketCases, 50000, func(tx *Tx, k, v []byte) error {
		c, err := decodeRecord[Case](getU64(k), v)
		if err != nil {
			return err
		}
		return put(tx, c.indexEntries(c.ID, tx.s.salt))
	})
	if err != nil {
		return err
	}
	return s.eachBatch(bucketTasks, 50000, func(tx *Tx, k, v []byte) error {
		t, err := decodeRecord[Task](getU64(k), v)
		if err != nil {
			return err
		}
		return put(tx, t.indexEntries(t.ID, tx.s.salt))
	})
}

// migrateTo5 empties the people's three indexes for fillPersonKeys and
// folds the text of the cases waiting in ft.pending again. Schema 5 keys a
// phone on phone.Key (a landline without its extension, +86 10… as 010…),
// an ID number on idcard.Normalize, and folds width with domain/fold, which
// also folds the full-width signs U+FF5F–U+FF60 and U+FFE0–U+FFE6 (￥ → ¥)
// that the old fold left alone. Those signs are no letters or digits, so
// the full-text bitmaps are unchanged; only the pending documents keep
// their folded text and are folded again here.
func migrateTo5(tx *bolt.Tx, s *Store) error {
	for _, b := range [][]byte{ixIDNumber, ixPhone, ixName} {
		if err := tx.DeleteBucket(b); err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
			return err
		}
		if _, err := tx.CreateBucket(b); err != nil {
			return err
		}
	}
	pb := tx.Bucket(ftPending)
	if pb == nil {
		return nil
	}
	type kv struct{ k, v []byte }
	var redo []kv
	err := pb.ForEach(func(k, v []byte) error {
		d, err := fulltext.DecodeDoc(v)
		if err != nil {
			return fmt.Errorf("store: pending document of case %d: %w", getU64(k), err)
		}
		if t := fulltext.Norm(d.Text); t != d.Text {
			d.Text = t
			redo = append(redo, kv{append([]byte(nil), k...), d.Encode()})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, e := range redo {
		if err := pb.Put(e.k, e.v); err != nil {
			return err
		}
	}
	return nil
}

// fillSchema5 writes the people's index keys again and stores the
// confidential flag on the reports written before it was always set.
func (s *Store) fillSchema5() error {
	if err := s.fillPersonKeys(); err != nil {
		return err
	}
	return s.fillConfidential()
}

// fillConfidential sets Confidential on every case of type 检举控告 that
// does not carry it (files written before the flag was decided once, when
// a case is written: domain/confidential), with its list row and its
// search facet, so that readers read the flag alone. Run again after a
// crash it finds the cases already done.
func (s *Store) fillConfidential() error {
	return s.eachBatch(bucketCases, 20000, func(tx *Tx, k, v []byte) error {
		c, err := decodeRecord[Case](getU64(k), v)
		if err != nil {
			return err
		}
		if c.Confidential || !confidential.Case(c.Type, false, false) {
			return nil
		}
		old := *c
		events, err := tx.caseEvents(c.ID)
		if err != nil {
			return err
		}
		oldDoc := makeDoc(&old, events)
		c.Confidential = true
		if err := tx.writeCase(c, &old); err != nil {
			return err
		}
		return tx.ft().Put(c.ID, &oldDoc, makeDoc(c, events))
	})
}

// fillPersonKeys writes every person's index entries (ID number, phones,
// name with its row) into the indexes migrateTo5 emptied. Run again after
// a crash it starts over from empty indexes.
func (s *Store) fillPersonKeys() error {
	return s.eachBatch(bucketPeople, 50000, func(tx *Tx, k, v []byte) error {
		p, err := decodeRecord[Person](getU64(k), v)
		if err != nil {
			return err
		}
		for _, e := range p.indexEntries(p.ID, tx.s.salt) {
			if err := tx.b(e.bucket).Put(e.key, e.val); err != nil {
				return err
			}
		}
		return nil
	})
}

// migrateTo4 changes no bucket: rezstd rewrites the deflated records
// (format 0x01) in the zstd format (0x02, compress.go), which reads in a
// quarter of the time. Deflated values stay readable; the step only makes
// the file faster to search and smaller.
func migrateTo4(tx *bolt.Tx, s *Store) error { return nil }

// recordBuckets hold JSON records written through encode or Tx.putJSON
// (plain JSON or a compressed format), and nothing else.
var recordBuckets = [][]byte{bucketPeople, bucketCases, bucketEvents, bucketTasks, bucketLetters,
	bucketAudit, bucketTemplates, bucketUnits, bucketUsers}

// rezstd rewrites every deflated record in the zstd format, 20,000 a
// transaction, compressing on every core. Run again after a crash it
// finds the rewritten ones already done.
func (s *Store) rezstd() error {
	for _, bucket := range recordBuckets {
		deflated := func(v []byte) bool { return len(v) > 0 && v[0] == formatDeflate1 }
		err := s.rewrite(bucket, deflated, func(_, v []byte, buf *[]byte) ([]byte, error) {
			js, err := unsqueezeInto(*buf, v)
			if err != nil {
				return nil, err
			}
			*buf = js
			return squeeze(js), nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// migrateTo3 changes no bucket: the name index keeps its keys and
// fillPersonRows gives each entry the person's list row (people.go).
func migrateTo3(tx *bolt.Tx, s *Store) error { return nil }

// seekAfter puts c on the first key after after, or on the first key when
// after is nil: where a batched walk over a bucket resumes in its next
// transaction.
func seekAfter(c *bolt.Cursor, after []byte) (k, v []byte) {
	if after == nil {
		return c.First()
	}
	k, v = c.Seek(after)
	if bytes.Equal(k, after) {
		k, v = c.Next()
	}
	return k, v
}

// eachBatch calls fn for every key and value of bucket, in transactions
// of n records: a step that writes a million records does not hold them
// all in one.
func (s *Store) eachBatch(bucket []byte, n int, fn func(tx *Tx, k, v []byte) error) error {
	var after []byte
	for {
		done := true
		err := s.Update(func(tx *Tx) error {
			c := tx.b(bucket).Cursor()
			k, v := seekAfter(c, after)
			for i := 0; k != nil; k, v = c.Next() {
				if err := fn(tx, k, v); err != nil {
					return err
				}
				after = append(after[:0], k...)
				if i++; i >= n {
					done = false
					break
				}
			}
			return nil
		})
		if err != nil || done {
			return err
		}
	}
}

// fillPersonRows writes the list row of every person into the name index.
func (s *Store) fillPersonRows() error {
	return s.eachBatch(bucketPeople, 50000, func(tx *Tx, k, v []byte) error {
		p, err := decodeRecord[Person](getU64(k), v)
		if err != nil {
			return err
		}
		for _, e := range p.indexEntries(p.ID, tx.s.salt) {
			if e.row {
				if err := tx.b(e.bucket).Put(e.key, e.val); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// migrateTo2 adds ix.case.row, the list form of every case (rows.go),
// filled from the records by fillRows.
func migrateTo2(tx *bolt.Tx, s *Store) error {
	_, err := tx.CreateBucketIfNotExists(ixCaseRow)
	return err
}

// migrateTo1 takes a file made by the first commit (a meta bucket and
// nothing else) to the first full layout.
func migrateTo1(tx *bolt.Tx, s *Store) error {
	if err := createBuckets(tx); err != nil {
		return err
	}
	m := tx.Bucket(bucketMeta)
	if m.Get(metaSalt) == nil {
		salt := make([]byte, 16)
		if _, err := randRead(salt); err != nil {
			return err
		}
		if err := m.Put(metaSalt, salt); err != nil {
			return err
		}
	}
	s.salt = append([]byte(nil), m.Get(metaSalt)...)
	return nil
}

func (s *Store) migrate(from uint64) error {
	var todo []migration
	for _, m := range migrations {
		if m.to > from {
			todo = append(todo, m)
		}
	}
	if len(todo) > 0 {
		dir := s.BackupDir()
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("store: cannot make the backup folder %s before upgrading: %w", dir, err)
		}
		name := fmt.Sprintf("laifang-before-schema%d-%s.db", todo[0].to, s.now().Format("20060102-150405"))
		dst := filepath.Join(dir, name)
		if err := s.BackupTo(dst); err != nil {
			return fmt.Errorf("store: backup before upgrading failed, nothing was changed: %w", err)
		}
		s.preBackup = dst
	}
	if from < 11 && len(todo) > 0 {
		// Every case written makes its statistics entry (tally.go): the
		// steps before 11 that save cases (fillConfidential, fillTodo,
		// fillSent) need the bucket, which step 11 empties and fills.
		if err := s.db.Update(func(tx *bolt.Tx) error {
			for _, b := range [][]byte{ixCaseDay, ixVisitTally} {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}
	for _, m := range todo {
		err := s.db.Update(func(tx *bolt.Tx) error {
			if _, err := tx.CreateBucketIfNotExists(bucketMeta); err != nil {
				return err
			}
			if err := m.run(tx, s); err != nil {
				return err
			}
			if m.fill != nil {
				return nil
			}
			return tx.Bucket(bucketMeta).Put(metaSchema, u64(m.to))
		})
		if err == nil && m.fill != nil {
			if err = m.fill(s); err == nil {
				err = s.db.Update(func(tx *bolt.Tx) error {
					return tx.Bucket(bucketMeta).Put(metaSchema, u64(m.to))
				})
			}
		}
		if err != nil {
			return fmt.Errorf("store: upgrade to schema %d (%s) failed; the copy made before it is %s: %w", m.to, m.name, s.preBackup, err)
		}
		s.migrated = append(s.migrated, int(m.to))
	}
	// Buckets added without a step (none so far) are created here.
	return s.db.Update(createBuckets)
}

// schemaOf reads the schema version of a data file without changing it.
func schemaOf(path string) (uint64, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var v uint64
	err = db.View(func(tx *bolt.Tx) error {
		if m := tx.Bucket(bucketMeta); m != nil {
			v = getU64(m.Get(metaSchema))
		}
		return nil
	})
	return v, err
}
