package sqlitecmp

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"laifang/domain/casestate"
	"laifang/domain/civil"
	"laifang/domain/idcard"
	"laifang/domain/phone"
	"laifang/store"
	"laifang/store/fulltext"
)

// queries are the statements prepared once (a tuned application keeps
// them), by their SQL.
type queries map[string]*sql.Stmt

func (q queries) close() {
	for _, s := range q {
		s.Close()
	}
}

func (d *DB) stmt(query string) (*sql.Stmt, error) {
	if s, ok := d.q[query]; ok {
		return s, nil
	}
	s, err := d.db.Prepare(query)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", err, query)
	}
	if d.q == nil {
		d.q = queries{}
	}
	d.q[query] = s
	return s, nil
}

const personCols = `p.id, p.v, p.name, p.anon, p.sex, p.birth, p.id_type, p.id_number, p.phones, p.address,
	p.household, p.postcode, p.workplace, p.tags, p.notes, p.created, p.retain`

func scanPeople(rows *sql.Rows) ([]store.Person, error) {
	defer rows.Close()
	var out []store.Person
	for rows.Next() {
		var p store.Person
		var birth, created, retain int64
		var phones, tags sql.NullString
		if err := rows.Scan(&p.ID, &p.V, &p.Name, &p.Anonymous, &p.Sex, &birth, &p.IDType, &p.IDNumber, &phones,
			&p.Address, &p.Household, &p.Postcode, &p.Workplace, &tags, &p.Notes, &created, &retain); err != nil {
			return nil, err
		}
		p.Birth, p.Created, p.Retain = civil.Date(birth), store.Stamp(created), civil.Date(retain)
		if phones.Valid {
			p.Phones = strings.Split(phones.String, listSep)
		}
		if tags.Valid {
			p.Tags = strings.Split(tags.String, listSep)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func (d *DB) people(query string, args ...any) ([]store.Person, error) {
	s, err := d.stmt(query)
	if err != nil {
		return nil, err
	}
	rows, err := s.Query(args...)
	if err != nil {
		return nil, err
	}
	return scanPeople(rows)
}

// FindPeople answers a store.PersonQuery as store.FindPeople does: by ID
// number, phone or name prefix, the newest first for the first two, in name
// order for the last, at most Limit (default 20).
func (d *DB) FindPeople(q store.PersonQuery) ([]store.Person, error) {
	if q.Limit <= 0 {
		q.Limit = 20
	}
	switch {
	case q.IDNumber != "":
		p := store.Person{IDType: q.IDType, IDNumber: q.IDNumber}
		n := idcard.Normalize(q.IDNumber)
		return d.people(`SELECT `+personCols+` FROM people p WHERE p.id_key = ? AND p.id_type = ? AND p.id_number = ?
			ORDER BY p.id DESC LIMIT ?`, idKey(&p), q.IDType, n, q.Limit)
	case q.Phone != "":
		return d.people(`SELECT `+personCols+` FROM phones ph JOIN people p ON p.id = ph.person WHERE ph.key = ?
			ORDER BY ph.person DESC LIMIT ?`, phone.Key(q.Phone), q.Limit)
	case q.Name != "":
		prefix := store.NormalizeName(q.Name)
		if prefix == "" {
			return nil, nil
		}
		return d.people(`SELECT `+personCols+` FROM people p WHERE p.name_norm >= ? AND p.name_norm < ?
			ORDER BY p.name_norm, p.id LIMIT ?`, prefix, successor(prefix), q.Limit)
	}
	return nil, nil
}

// successor is the least string greater than every string starting with s.
func successor(s string) string {
	r, size := utf8.DecodeLastRuneInString(s)
	return s[:len(s)-size] + string(r+1)
}

const caseCols = `c.id, c.v, c.no, c.received, c.registered, c.channel, c.title, c.demand, c.facts, c.region,
	c.place, c.type, c.category, c.unit, c.handler, c.status, c.due, c.closed, c.visits, c.confidential,
	c.rep, c.urgent, c.grp, c.reply, c.registered_by, c.present, c.repeat_count, c.disposal, c.accepted,
	c.outcome, c.served, c.served_how, c.notice_served, c.reply_by, c.reply_on, c.satisfaction,
	c.satisfied_on, c.satisfied_by, c.implemented, c.rev, c.people, c.extra`

// PersonCases reads the cases person is on, newest first, at most limit,
// whole: store.Tx.PersonCases.
func (d *DB) PersonCases(person uint64, limit int) ([]store.Case, error) {
	s, err := d.stmt(`SELECT ` + caseCols + ` FROM case_people cp JOIN cases c ON c.id = cp.case_id
		WHERE cp.person = ? ORDER BY cp.case_id DESC LIMIT ?`)
	if err != nil {
		return nil, err
	}
	rows, err := s.Query(person, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Case
	for rows.Next() {
		var c store.Case
		var received, registered, due, closed, accepted, served, notice, replyOn, satOn, impl int64
		var people, extra sql.RawBytes
		if err := rows.Scan(&c.ID, &c.V, &c.No, &received, &registered, &c.Channel, &c.Title, &c.Demand, &c.Facts,
			&c.Region, &c.Place, &c.Type, &c.Category, &c.Unit, &c.Handler, &c.Status, &due, &closed, &c.Visits,
			&c.Confidential, &c.Repeat, &c.Urgent, &c.Group, &c.Reply, &c.RegisteredBy, &c.Present, &c.RepeatCount,
			&c.Disposal, &accepted, &c.Outcome, &served, &c.ServedHow, &notice, &c.ReplyBy, &replyOn,
			&c.Satisfaction, &satOn, &c.SatisfiedBy, &impl, &c.Rev, &people, &extra); err != nil {
			return nil, err
		}
		if extra != nil {
			// the other fields; the JSON has the zero values of the
			// few that have no omitempty
			v, no, st := c.V, c.No, c.Status
			if err := json.Unmarshal(extra, &c); err != nil {
				return nil, err
			}
			c.V, c.No, c.Status = v, no, st
		}
		c.Received, c.Registered, c.Due, c.Closed = store.Stamp(received), store.Stamp(registered), civil.Date(due), civil.Date(closed)
		c.Accepted, c.Served, c.NoticeServed, c.ReplyOn = civil.Date(accepted), civil.Date(served), civil.Date(notice), civil.Date(replyOn)
		c.SatisfiedOn, c.Implemented = civil.Date(satOn), civil.Date(impl)
		if people != nil {
			if err := json.Unmarshal(people, &c.People); err != nil {
				return nil, err
			}
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

const rowCols = `c.id, c.no, c.received, c.title, c.type, c.category, c.channel, c.status, c.unit, c.due,
	c.closed, c.visits, c.confidential, c.rep, c.urgent, c.grp, c.petitioner,
	CASE WHEN p.anon THEN '' ELSE coalesce(p.name, '') END`

// Search answers a store.Query as store.Search does (text terms, received
// dates, statuses, categories; newest first; Offset and Limit), as list
// rows; with total it also counts every match, exactly.
//
// The SQL is what suits SQLite best for each shape: a term of three or
// more characters goes to the FTS index (an FTS5 phrase: exact), and the
// cases are read in the index's rowid order; shorter terms, which a
// trigram index cannot find, are looked for in the rows' text, the newest
// case first, so that a common word fills a page early.
func (d *DB) Search(q store.Query, total bool) (rows []store.CaseRow, n int, err error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	var match []string
	var where []string
	var args []any
	for _, t := range strings.Fields(fulltext.Norm(q.Text)) {
		if utf8.RuneCountInString(t) >= 3 {
			match = append(match, ftsPhrase(t))
			continue
		}
		args = append(args, t)
		where = append(where, strings.ReplaceAll(textSQL, "?1", "?"+strconv.Itoa(len(args))))
	}
	arg := func(v any) string { args = append(args, v); return "?" + strconv.Itoa(len(args)) }
	in := func(col string, vals []string) {
		if len(vals) == 0 {
			return
		}
		ps := make([]string, len(vals))
		for i, v := range vals {
			ps[i] = arg(v)
		}
		where = append(where, col+" IN ("+strings.Join(ps, ",")+")")
	}
	if q.From != 0 {
		where = append(where, "c.day >= "+arg(int64(q.From)))
	}
	if q.To != 0 {
		where = append(where, "c.day <= "+arg(int64(q.To)))
	}
	in("c.status", q.Status)
	in("c.category", q.Category)
	from, order := "cases c", "c.id DESC"
	if len(match) > 0 {
		// the FTS index first, in its own order
		from, order = "ft CROSS JOIN cases c ON c.id = ft.rowid", "ft.rowid DESC"
		where = append([]string{"ft MATCH " + arg(strings.Join(match, " AND "))}, where...)
	} else if q.Text == "" && (q.From != 0 || q.To != 0) &&
		(len(q.Status) == 1 && len(q.Category) == 1 || len(q.Status) == 0 && len(q.Category) == 0) {
		// the ledger's filter, or dates alone: their index read
		// backwards, no sort (the IDs follow the received days)
		order = "c.day DESC, c.id DESC"
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	page := `SELECT ` + rowCols + ` FROM ` + from + ` LEFT JOIN people p ON p.id = c.petitioner` + cond +
		` ORDER BY ` + order + ` LIMIT ` + arg(q.Limit) + ` OFFSET ` + arg(q.Offset)
	s, err := d.stmt(page)
	if err != nil {
		return nil, 0, err
	}
	res, err := s.Query(args...)
	if err != nil {
		return nil, 0, err
	}
	defer res.Close()
	for res.Next() {
		var r store.CaseRow
		var received, due, closed int64
		if err := res.Scan(&r.ID, &r.No, &received, &r.Title, &r.Type, &r.Category, &r.Channel, &r.Status,
			&r.Unit, &due, &closed, &r.Visits, &r.Confidential, &r.Repeat, &r.Urgent, &r.Group,
			&r.Petitioner, &r.Name); err != nil {
			return nil, 0, err
		}
		r.Received, r.Due, r.Closed = store.Stamp(received), civil.Date(due), civil.Date(closed)
		rows = append(rows, r)
	}
	if err := res.Err(); err != nil || !total {
		return rows, 0, err
	}
	s, err = d.stmt(`SELECT count(*) FROM ` + from + cond)
	if err != nil {
		return nil, 0, err
	}
	err = s.QueryRow(args[:len(args)-2]...).Scan(&n)
	return rows, n, err
}

// Counts are the home screen's numbers as SQL counts them: store.Counts
// without the tasks (the SQLite side holds no tasks).
func (d *DB) Counts(today civil.Date) (*store.Counts, error) {
	out := &store.Counts{ByStatus: map[string]int{}}
	rows, err := d.db.Query(`SELECT status, count(*) FROM cases GROUP BY status`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			rows.Close()
			return nil, err
		}
		out.ByStatus[st] = n
		out.Total += n
		if casestate.Open(casestate.State(st)) {
			out.Open += n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	t := today.Time()
	month, year := civil.D(t.Year(), t.Month(), 1), civil.D(t.Year(), 1, 1)
	err = d.db.QueryRow(`SELECT
		(SELECT count(*) FROM cases WHERE open_due < ?1),
		(SELECT count(*) FROM cases WHERE open_due >= ?1 AND open_due < ?1 + 8),
		(SELECT count(*) FROM events WHERE vday = ?1),
		(SELECT count(*) FROM cases WHERE day BETWEEN ?2 AND ?1),
		(SELECT count(*) FROM cases WHERE day BETWEEN ?3 AND ?1)`, int64(today), int64(month), int64(year)).
		Scan(&out.Overdue, &out.DueSoon, &out.VisitsToday, &out.ThisMonth, &out.ThisYear)
	return out, err
}

// OpenCounts opens the file at path, reads the home counts and closes it:
// what the app does at its start.
func OpenCounts(path string, today civil.Date) (*store.Counts, error) {
	d, err := open(path)
	if err != nil {
		return nil, err
	}
	c, err := d.Counts(today)
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return c, err
}

// Intake registers a new person's visit with its case in one durable
// transaction, as store.SaveIntake does: the person and phones, the case
// with the next number, its link to the person, the intake event with its
// visit and reception record, and its text in the FTS index. It gives the
// IDs the person and the case were given.
func (d *DB) Intake(in *store.Intake, at time.Time) (person, caseID uint64, err error) {
	err = d.inTx(func(ins *inserts) error {
		person, caseID, err = ins.intake(in, at)
		return err
	})
	return person, caseID, err
}

func (ins *inserts) intake(in *store.Intake, at time.Time) (person, caseID uint64, err error) {
	now := store.StampOf(at)
	c := in.Case
	c.People = nil
	for i := range in.People {
		p := in.People[i].Person
		p.Created = now
		if err := ins.tx.QueryRow(`SELECT coalesce(max(id), 0) + 1 FROM people`).Scan(&p.ID); err != nil {
			return 0, 0, err
		}
		if err := ins.insertPerson(&p); err != nil {
			return 0, 0, err
		}
		c.People = append(c.People, store.CasePerson{Person: p.ID, Role: in.People[i].Role, Contact: in.People[i].Contact})
		if person == 0 {
			person = p.ID
		}
	}
	var serial int64
	if err := ins.tx.QueryRow(`SELECT coalesce(max(id), 0) + 1 FROM cases`).Scan(&c.ID); err != nil {
		return 0, 0, err
	}
	if err := ins.tx.QueryRow(`INSERT INTO meta VALUES('serial', 1) ON CONFLICT(k) DO UPDATE SET v = v + 1 RETURNING v`).Scan(&serial); err != nil {
		return 0, 0, err
	}
	c.No = fmt.Sprintf("SQ-%d-%06d", at.Year(), serial)
	c.Received, c.Registered, c.RegisteredBy, c.Visits = now, now, in.By, 1
	if c.Status == "" {
		c.Status = string(casestate.Registered)
	}
	v := in.Visit
	v.At = now
	ev := store.Event{V: 1, ID: 1, Case: c.ID, Kind: store.EventIntake, At: now, By: in.By, Visit: &v, Record: in.Record}
	return person, c.ID, ins.insertCase(&c, []store.Event{ev})
}

// Forget removes what was written after the load (the intakes of an
// earlier run), so that both sides hold the same petitions again.
func (d *DB) Forget() error {
	var cases, people int64
	if err := d.db.QueryRow(`SELECT (SELECT v FROM meta WHERE k='maxcase'), (SELECT v FROM meta WHERE k='maxperson')`).Scan(&cases, &people); err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM ft WHERE rowid > ?`, `DELETE FROM events WHERE case_id > ?`,
		`DELETE FROM case_people WHERE case_id > ?`, `DELETE FROM cases WHERE id > ?`} {
		if _, err := d.db.Exec(q, cases); err != nil {
			return err
		}
	}
	for _, q := range []string{`DELETE FROM phones WHERE person > ?`, `DELETE FROM people WHERE id > ?`} {
		if _, err := d.db.Exec(q, people); err != nil {
			return err
		}
	}
	_, err := d.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}
