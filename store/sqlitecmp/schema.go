// Package sqlitecmp holds the same petitions as a laifang data file in a
// tuned SQLite database (FTS5 trigram index through mattn/go-sqlite3) and
// answers the store's queries with it, so that the two can be measured side
// by side on one corpus (issue 17; docs/PERFORMANCE.md §2.8). It is a module
// of its own: the app never links SQLite.
//
// Build and test it with the FTS5 tag: go test -tags sqlite_fts5.
package sqlitecmp

import (
	"database/sql"
	"fmt"

	_ "github.com/mattn/go-sqlite3"
)

// The schema is what an SQLite application of the same data would have:
// one row per case, person and timeline event, the searchable text of each
// case in a contentless FTS5 trigram index (the text itself stays in the
// rows; a term of three or more characters is found by the index, exactly,
// since detail=full keeps the trigrams' positions), and an index for every
// lookup the queries make. Cases' and events' fields that the generated
// office seldom sets are kept as
// JSON in a column of their own, so that a read decodes JSON only when there
// is any.
const schema = `
CREATE TABLE meta(k TEXT PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE people(
	id INTEGER PRIMARY KEY, v INT NOT NULL, name TEXT NOT NULL, name_norm TEXT NOT NULL, anon INT NOT NULL,
	sex TEXT NOT NULL, birth INT NOT NULL, id_type TEXT NOT NULL, id_number TEXT NOT NULL,
	id_key BLOB, phones TEXT, address TEXT NOT NULL, household TEXT NOT NULL,
	postcode TEXT NOT NULL, workplace TEXT NOT NULL, tags TEXT, notes TEXT NOT NULL,
	created INT NOT NULL, retain INT NOT NULL);
CREATE TABLE phones(key TEXT NOT NULL, person INT NOT NULL, PRIMARY KEY(key, person)) WITHOUT ROWID;
CREATE TABLE cases(
	id INTEGER PRIMARY KEY, v INT NOT NULL, no TEXT NOT NULL, received INT NOT NULL, day INT NOT NULL,
	registered INT NOT NULL, channel TEXT NOT NULL, title TEXT NOT NULL, demand TEXT NOT NULL,
	facts TEXT NOT NULL, region TEXT NOT NULL, place TEXT NOT NULL, type TEXT NOT NULL,
	category TEXT NOT NULL, unit INT NOT NULL, handler INT NOT NULL, status TEXT NOT NULL,
	due INT NOT NULL, open_due INT, closed INT NOT NULL, visits INT NOT NULL, confidential INT NOT NULL,
	rep INT NOT NULL, urgent INT NOT NULL, grp INT NOT NULL, reply TEXT NOT NULL,
	petitioner INT NOT NULL, registered_by INT NOT NULL, present INT NOT NULL, repeat_count INT NOT NULL,
	disposal TEXT NOT NULL, accepted INT NOT NULL, outcome TEXT NOT NULL, served INT NOT NULL,
	served_how TEXT NOT NULL, notice_served INT NOT NULL, reply_by INT NOT NULL, reply_on INT NOT NULL,
	satisfaction TEXT NOT NULL, satisfied_on INT NOT NULL, satisfied_by INT NOT NULL, implemented INT NOT NULL,
	rev INT NOT NULL, people TEXT, extra TEXT);
CREATE TABLE case_people(person INT NOT NULL, case_id INT NOT NULL, PRIMARY KEY(person, case_id)) WITHOUT ROWID;
CREATE TABLE events(
	case_id INT NOT NULL, id INT NOT NULL, kind TEXT NOT NULL, at INT NOT NULL, vday INT,
	text TEXT, statement TEXT, qa TEXT, explanations TEXT, extra TEXT,
	PRIMARY KEY(case_id, id)) WITHOUT ROWID;
CREATE VIRTUAL TABLE ft USING fts5(text, tokenize='trigram', content='', contentless_delete=1, detail=full);
`

// indexes are made after the bulk load, as a tuned load does.
const indexes = `
CREATE INDEX people_name ON people(name_norm);
CREATE INDEX people_idkey ON people(id_key) WHERE id_key IS NOT NULL;
CREATE UNIQUE INDEX cases_no ON cases(no);
CREATE INDEX cases_day ON cases(day);
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_category ON cases(category);
CREATE INDEX cases_ledger ON cases(category, status, day);
CREATE INDEX cases_due ON cases(open_due) WHERE open_due IS NOT NULL;
CREATE INDEX events_vday ON events(vday) WHERE vday IS NOT NULL;
`

// The pragmas of every connection: WAL with a real sync at each commit
// (synchronous=FULL: the intake's durable transaction), and the file
// mapped as bbolt maps laifang's.
const pragmas = `
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
PRAGMA mmap_size=4294967296;
PRAGMA cache_size=-131072;
PRAGMA temp_store=MEMORY;
`

// DB is an open SQLite side.
type DB struct {
	db   *sql.DB
	path string
	q    queries
	ins  *inserts // prepared on first use
}

// open opens the database at path with the pragmas above; one connection,
// as laifang has one writer and the harness one reader at a time.
func open(path string) (*DB, error) {
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(pragmas); err != nil {
		db.Close()
		return nil, err
	}
	var opts string
	if err := db.QueryRow(`SELECT group_concat(compile_options) FROM pragma_compile_options WHERE compile_options = 'ENABLE_FTS5'`).Scan(&opts); err != nil || opts == "" {
		db.Close()
		return nil, fmt.Errorf("sqlitecmp: SQLite without FTS5: build with -tags sqlite_fts5")
	}
	return &DB{db: db, path: path}, nil
}

// Close closes the database.
func (d *DB) Close() error {
	d.q.close()
	return d.db.Close()
}

// Version is the SQLite library's version.
func (d *DB) Version() string {
	var v string
	d.db.QueryRow(`SELECT sqlite_version()`).Scan(&v)
	return v
}
