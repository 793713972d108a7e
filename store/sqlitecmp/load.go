package sqlitecmp

import (
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"time"

	"laifang/domain/idcard"
	"laifang/domain/phone"
	"laifang/store"
)

// LoadStats tell what Load wrote and how long SQLite took.
type LoadStats struct {
	Cases, People, Events int
	// SQLite is the time of the inserts, the indexes made after them and
	// the FTS index's merge: the bulk load. Read is the time spent reading
	// the laifang file, which is not SQLite's.
	SQLite, Read time.Duration
}

// batch is how many cases (or people) are read, then written in one
// transaction.
const batch = 5000

// Open opens the SQLite side at path, loading it from src when the file is
// not there (made under another name first, so an interrupted load is not
// taken for finished). loaded is non-nil when it was made now.
func Open(src *store.Store, path string) (d *DB, loaded *LoadStats, err error) {
	if _, err := os.Stat(path); err == nil {
		d, err := open(path)
		return d, nil, err
	}
	tmp := path + ".making"
	for _, f := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(f)
	}
	d, err = open(tmp)
	if err != nil {
		return nil, nil, err
	}
	st, err := d.load(src)
	if err == nil {
		err = d.db.Close()
	} else {
		d.db.Close()
	}
	if err != nil {
		return nil, nil, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, nil, err
	}
	d, err = open(path)
	return d, &st, err
}

// load writes every case with its timeline and every person of src: the
// tables without their indexes first, in transactions of a batch each,
// with the journal off (a failed load is started again), then the indexes
// and the FTS index's merge, then the journal back to WAL.
func (d *DB) load(src *store.Store) (LoadStats, error) {
	var st LoadStats
	sqlTime := func(fn func() error) error {
		t := time.Now()
		err := fn()
		st.SQLite += time.Since(t)
		return err
	}
	err := sqlTime(func() error {
		_, err := d.db.Exec(`PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;` + schema)
		return err
	})
	if err != nil {
		return st, err
	}
	// people, then cases with their timelines
	err = eachBatch(src, &st.Read, func(tx *store.Tx, id uint64) (*store.Person, error) { return tx.Person(id) },
		func(ps []*store.Person) error {
			st.People += len(ps)
			return sqlTime(func() error { return d.inTx(func(in *inserts) error { return in.people(ps) }) })
		})
	if err != nil {
		return st, err
	}
	type item struct {
		c      *store.Case
		events []store.Event
	}
	read := func(tx *store.Tx, id uint64) (item, error) {
		c, err := tx.Case(id)
		if err != nil {
			return item{}, err
		}
		ev, err := tx.Events(id)
		return item{c, ev}, err
	}
	err = eachBatch(src, &st.Read, read, func(items []item) error {
		st.Cases += len(items)
		return sqlTime(func() error {
			return d.inTx(func(in *inserts) error {
				for _, it := range items {
					if err := in.insertCase(it.c, it.events); err != nil {
						return err
					}
					st.Events += len(it.events)
				}
				return nil
			})
		})
	})
	if err != nil {
		return st, err
	}
	err = sqlTime(func() error {
		_, err := d.db.Exec(indexes + `
			INSERT INTO ft(ft) VALUES('optimize');
			ANALYZE;
			PRAGMA journal_mode=WAL;`)
		return err
	})
	if err != nil {
		return st, err
	}
	_, err = d.db.Exec(`INSERT INTO meta VALUES('load', ?), ('read', ?), ('cases', ?), ('people', ?), ('events', ?),
		('maxcase', (SELECT max(id) FROM cases)), ('maxperson', (SELECT max(id) FROM people))`,
		st.SQLite.Seconds(), st.Read.Seconds(), st.Cases, st.People, st.Events)
	return st, err
}

// eachBatch reads the records of IDs 1, 2 … of src with get, a batch in a
// read transaction (its time added to read), and gives each batch to put.
// The IDs end after a thousand missing in a row (deleted records leave
// gaps).
func eachBatch[T any](src *store.Store, read *time.Duration, get func(tx *store.Tx, id uint64) (T, error), put func([]T) error) error {
	for next, misses := uint64(1), 0; misses < 1000; {
		var xs []T
		t := time.Now()
		err := src.View(func(tx *store.Tx) error {
			for ; len(xs) < batch && misses < 1000; next++ {
				x, err := get(tx, next)
				if errors.Is(err, store.ErrNotFound) {
					misses++
					continue
				}
				if err != nil {
					return err
				}
				misses = 0
				xs = append(xs, x)
			}
			return nil
		})
		*read += time.Since(t)
		if err != nil {
			return err
		}
		if err := put(xs); err != nil {
			return err
		}
	}
	return nil
}

// LoadRecorded is the bulk load's figures as the file recorded them when it
// was made.
func (d *DB) LoadRecorded() (LoadStats, error) {
	var st LoadStats
	var load, read float64
	err := d.db.QueryRow(`SELECT (SELECT v FROM meta WHERE k='load'), (SELECT v FROM meta WHERE k='read'),
		(SELECT v FROM meta WHERE k='cases'), (SELECT v FROM meta WHERE k='people'), (SELECT v FROM meta WHERE k='events')`).
		Scan(&load, &read, &st.Cases, &st.People, &st.Events)
	st.SQLite = time.Duration(load * float64(time.Second))
	st.Read = time.Duration(read * float64(time.Second))
	return st, err
}

// inTx runs fn in a transaction with the inserts.
func (d *DB) inTx(fn func(in *inserts) error) error {
	if d.ins == nil {
		if err := d.prepareInserts(); err != nil {
			return err
		}
	}
	tx, err := d.db.Begin()
	if err != nil {
		return err
	}
	in := &inserts{tx: tx}
	for i, s := range d.ins.stmts() {
		*in.stmts()[i] = tx.Stmt(*s)
	}
	if err := fn(in); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// idKey is the ID number's index key: a hash, as laifang keeps it (an ID
// number is confidential; the index must not spell it).
func idKey(p *store.Person) []byte {
	n := idcard.Normalize(p.IDNumber)
	if n == "" {
		return nil
	}
	h := sha256.Sum256([]byte(p.IDType + "\x00" + n))
	return h[:16]
}

// jsonOrNil is v as JSON, nil when it is empty (a nil slice, or a struct
// whose fields are all empty: what empty marshals to).
func jsonOrNil(v any, empty string) (any, error) {
	b, err := json.Marshal(v)
	if err != nil || string(b) == empty || string(b) == "null" {
		return nil, err
	}
	return string(b), nil
}

// inserts are the load's and the intake's statements, prepared once; in a
// transaction, its own of each (tx.Stmt: the connection's prepared
// statement, not prepared again).
type inserts struct {
	tx                                         *sql.Tx
	person, phone, kase, casePerson, event, ft *sql.Stmt
}

func (in *inserts) stmts() []**sql.Stmt {
	return []**sql.Stmt{&in.person, &in.phone, &in.kase, &in.casePerson, &in.event, &in.ft}
}

func (d *DB) prepareInserts() error {
	d.ins = &inserts{}
	for i, q := range []string{
		`INSERT INTO people VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		`INSERT OR IGNORE INTO phones VALUES(?,?)`,
		`INSERT INTO cases VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		`INSERT INTO case_people VALUES(?,?)`,
		`INSERT INTO events VALUES(?,?,?,?,?,?,?,?,?,?)`,
		`INSERT INTO ft(rowid, text) VALUES(?,?)`,
	} {
		s, err := d.stmt(q)
		if err != nil {
			return err
		}
		*d.ins.stmts()[i] = s
	}
	return nil
}

func (in *inserts) people(ps []*store.Person) error {
	for _, p := range ps {
		if err := in.insertPerson(p); err != nil {
			return err
		}
	}
	return nil
}

func (in *inserts) insertPerson(p *store.Person) error {
	phones, tags := joinList(p.Phones), joinList(p.Tags)
	var err error
	_, err = in.person.Exec(p.ID, p.V, p.Name, store.NormalizeName(p.Name), p.Anonymous, p.Sex, int64(p.Birth), p.IDType,
		p.IDNumber, idKey(p), phones, p.Address, p.Household, p.Postcode, p.Workplace, tags, p.Notes,
		int64(p.Created), int64(p.Retain))
	if err != nil {
		return fmt.Errorf("person %d: %w", p.ID, err)
	}
	for _, n := range p.Phones {
		if k := phone.Key(n); k != "" {
			if _, err := in.phone.Exec(k, p.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// emptyCaseExtra is what a case whose every field is in a column of its
// own marshals to once those are cleared.
var emptyCaseExtra = func() string { b, _ := json.Marshal(caseRest(&store.Case{})); return string(b) }()

// caseRest is the case without the fields the columns hold.
func caseRest(c *store.Case) *store.Case {
	r := *c
	r.ID, r.V, r.No, r.Received, r.Registered, r.Channel = 0, 0, "", 0, 0, ""
	r.Title, r.Demand, r.Facts, r.Region, r.Place, r.Type, r.Category = "", "", "", "", "", "", ""
	r.Unit, r.Handler, r.Status, r.Due, r.Closed, r.Visits = 0, 0, "", 0, 0, 0
	r.Confidential, r.Repeat, r.Urgent, r.Group, r.Reply, r.People = false, false, false, false, "", nil
	r.RegisteredBy, r.Present, r.RepeatCount, r.Disposal, r.Accepted, r.Outcome = 0, 0, 0, "", 0, ""
	r.Served, r.ServedHow, r.NoticeServed, r.ReplyBy, r.ReplyOn = 0, "", 0, 0, 0
	r.Satisfaction, r.SatisfiedOn, r.SatisfiedBy, r.Implemented, r.Rev = "", 0, 0, 0, 0
	return &r
}

func (in *inserts) insertCase(c *store.Case, events []store.Event) error {
	extra, err := jsonOrNil(caseRest(c), emptyCaseExtra)
	if err != nil {
		return err
	}
	people, err := jsonOrNil(c.People, "")
	if err != nil {
		return err
	}
	var openDue any
	if c.ClockRuns() {
		openDue = int64(c.Due)
	}
	_, err = in.kase.Exec(c.ID, c.V, c.No, int64(c.Received), int64(c.Received.Date()), int64(c.Registered), c.Channel,
		c.Title, c.Demand, c.Facts, c.Region, c.Place, c.Type, c.Category, c.Unit, c.Handler, c.Status,
		int64(c.Due), openDue, int64(c.Closed), c.Visits, c.Confidential, c.Repeat, c.Urgent, c.Group,
		c.Reply, c.MainPetitioner(), c.RegisteredBy, c.Present, c.RepeatCount, c.Disposal, int64(c.Accepted),
		c.Outcome, int64(c.Served), c.ServedHow, int64(c.NoticeServed), c.ReplyBy, int64(c.ReplyOn),
		c.Satisfaction, int64(c.SatisfiedOn), c.SatisfiedBy, int64(c.Implemented), c.Rev, people, extra)
	if err != nil {
		return fmt.Errorf("case %d: %w", c.ID, err)
	}
	seen := map[uint64]bool{}
	for _, p := range c.People {
		if p.Person != 0 && !seen[p.Person] {
			seen[p.Person] = true
			if _, err := in.casePerson.Exec(p.Person, c.ID); err != nil {
				return err
			}
		}
	}
	for i := range events {
		if err := in.insertEvent(&events[i]); err != nil {
			return err
		}
	}
	// The index is given the text as laifang's matches it: normalized.
	_, err = in.ft.Exec(c.ID, store.CaseText(c, events))
	return err
}

func (in *inserts) insertEvent(e *store.Event) error {
	r := *e
	var statement, qa, expl string
	if e.Record != nil {
		rec := *e.Record
		statement, qa, expl = rec.Statement, rec.QA, rec.Explanations
		rec.Statement, rec.QA, rec.Explanations = "", "", ""
		r.Record = &rec
		if reflect.ValueOf(rec).IsZero() {
			r.Record = nil
		}
	}
	r.Kind, r.At, r.Text = "", 0, ""
	extra, err := jsonOrNil(&r, `{"v":0,"k":"","at":0}`)
	if err != nil {
		return err
	}
	var vday any
	if e.Visit != nil && e.At != 0 {
		vday = int64(e.At.Date())
	}
	_, err = in.event.Exec(e.Case, e.ID, e.Kind, int64(e.At), vday,
		nullStr(e.Text), nullStr(statement), nullStr(qa), nullStr(expl), extra)
	return err
}

// A person's phones and tags are kept joined by listSep (none holds it):
// cheaper to read than JSON.
const listSep = "\x1f"

func joinList(xs []string) any {
	if len(xs) == 0 {
		return nil
	}
	return strings.Join(xs, listSep)
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// textSQL is the SQL condition that case c (aliased c) holds term in its
// searchable text, read from its rows: for a term shorter than the
// trigrams, which the FTS index cannot find.
const textSQL = `(instr(c.title, ?1) OR instr(c.demand, ?1) OR instr(c.facts, ?1) OR instr(c.reply, ?1) OR
	EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND (instr(e.text, ?1) OR instr(e.statement, ?1)
		OR instr(e.qa, ?1) OR instr(e.explanations, ?1))))`

// ftsPhrase is term as an FTS5 phrase.
func ftsPhrase(term string) string { return `"` + strings.ReplaceAll(term, `"`, `""`) + `"` }
