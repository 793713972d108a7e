package store

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"laifang/domain/civil"

	bolt "go.etcd.io/bbolt"
)

// putRecord creates (id 0 → next sequence) or replaces a record of bucket
// with its classic indexes.
func putRecord[T any, P interface {
	*T
	idSetter
	indexed
}](tx *Tx, bucket []byte, id *uint64, rec P) error {
	if err := tx.writable(); err != nil {
		return err
	}
	b := tx.b(bucket)
	var old P
	if *id == 0 {
		n, err := nextID(b)
		if err != nil {
			return err
		}
		*id = n
	} else {
		o, err := getRecord[T, P](b, *id)
		if err != nil {
			return fmt.Errorf("store: %s %d: %w", bucket, *id, err)
		}
		old = o
	}
	raw, err := tx.encode(rec)
	if err != nil {
		return err
	}
	var o indexed
	if old != nil {
		o = old
	}
	if err := tx.reindex(*id, o, rec); err != nil {
		return err
	}
	return tx.putRecord(b, u64(*id), raw)
}

// putPlain creates or replaces a record that has no index.
func putPlain(tx *Tx, bucket []byte, id *uint64, rec any) error {
	if err := tx.writable(); err != nil {
		return err
	}
	b := tx.b(bucket)
	if *id == 0 {
		n, err := nextID(b)
		if err != nil {
			return err
		}
		*id = n
	}
	raw, err := tx.encode(rec)
	if err != nil {
		return err
	}
	return tx.putRecord(b, u64(*id), raw)
}

// --- visits ---

// Visit reads the visit recorded by event eventID of case caseID.
func (tx *Tx) Visit(caseID, eventID uint64) (*Visit, error) {
	raw := tx.b(bucketEvents).Get(cat(u64(caseID), u64(eventID)))
	if raw == nil {
		return nil, ErrNotFound
	}
	e, err := decodeRecord[Event](eventID, raw)
	if err != nil {
		return nil, err
	}
	if e.Visit == nil {
		return nil, ErrNotFound
	}
	e.Case = caseID
	return visitOf(e), nil
}

func visitOf(e *Event) *Visit {
	v := *e.Visit
	v.ID, v.Case, v.At = e.ID, e.Case, e.At
	return &v
}

// VisitsOn lists the visits of day d, oldest first.
func (tx *Tx) VisitsOn(d civil.Date) ([]Visit, error) {
	var out []Visit
	prefix := dateKey(d)
	c := tx.b(ixVisitDay).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		vis, err := tx.Visit(getU64(v), getU64(k[4:]))
		if err != nil {
			return nil, err
		}
		out = append(out, *vis)
	}
	return out, nil
}

// VisitCount is the number of visits on file.
func (tx *Tx) VisitCount() (int, error) { return tx.b(ixVisitDay).Stats().KeyN, nil }

// --- tasks ---

// SaveTask creates or updates a task (转送/交办/催办/督办). The caller adds
// the timeline event and the audit entry in the same transaction.
func (tx *Tx) SaveTask(t *Task) error {
	t.V = recordVersion
	if t.Issued == 0 {
		t.Issued = StampOf(tx.now)
	}
	return putRecord[Task](tx, bucketTasks, &t.ID, t)
}

// Task reads one task.
func (tx *Tx) Task(id uint64) (*Task, error) { return getRecord[Task](tx.b(bucketTasks), id) }

func (tx *Tx) tasksOf(ix []byte, prefix []byte, limit int) ([]Task, error) {
	var out []Task
	for _, id := range idsWithPrefix(tx.b(ix), prefix, limit) {
		t, err := tx.Task(id)
		if err != nil {
			return nil, err
		}
		out = append(out, *t)
	}
	return out, nil
}

// CaseTasks lists a case's tasks, newest first.
func (tx *Tx) CaseTasks(caseID uint64) ([]Task, error) {
	return tx.tasksOf(ixCaseTask, u64(caseID), 0)
}

// UnitTasks lists the tasks sent to a department, newest first.
func (tx *Tx) UnitTasks(unitID uint64, limit int) ([]Task, error) {
	return tx.tasksOf(ixUnitTask, u64(unitID), limit)
}

// TasksDue lists open tasks due in [from, to], earliest first.
func (tx *Tx) TasksDue(from, to civil.Date, limit int) ([]Task, error) {
	var out []Task
	c := tx.b(ixTaskDue).Cursor()
	end := dateKey(to + 1)
	for k, _ := c.Seek(dateKey(from)); k != nil && bytes.Compare(k, end) < 0; k, _ = c.Next() {
		t, err := tx.Task(getU64(k[4:]))
		if err != nil {
			return nil, err
		}
		out = append(out, *t)
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out, nil
}

// --- letters ---

// IssueLetter saves a new letter and gives it the next number of its type
// and year when it has none (文号, never reused).
func (tx *Tx) IssueLetter(l *Letter) error {
	if l.ID != 0 {
		return fmt.Errorf("store: letter %d is already issued", l.ID)
	}
	if l.Issued == 0 {
		l.Issued = civil.DateOf(tx.now)
	}
	if l.No == "" {
		if l.Year == 0 {
			l.Year = l.Issued.Year()
		}
		no, n, err := tx.NextLetterNo(l.Type, l.Year)
		if err != nil {
			return err
		}
		l.No, l.Serial = no, n
	}
	return tx.SaveLetter(l)
}

// SaveLetter creates or updates a letter.
func (tx *Tx) SaveLetter(l *Letter) error {
	l.V = recordVersion
	if err := putRecord[Letter](tx, bucketLetters, &l.ID, l); err != nil {
		if err == ErrConflict {
			return fmt.Errorf("store: letter number %s: %w", l.No, ErrConflict)
		}
		return err
	}
	return nil
}

// Letter reads one letter.
func (tx *Tx) Letter(id uint64) (*Letter, error) { return getRecord[Letter](tx.b(bucketLetters), id) }

// LetterByNo finds a letter by its number.
func (tx *Tx) LetterByNo(no string) (*Letter, error) {
	v := tx.b(ixLetterNo).Get([]byte(no))
	if v == nil {
		return nil, ErrNotFound
	}
	return tx.Letter(getU64(v))
}

// CaseLetters lists a case's letters, newest first.
func (tx *Tx) CaseLetters(caseID uint64) ([]Letter, error) {
	var out []Letter
	for _, id := range idsWithPrefix(tx.b(ixCaseLetter), u64(caseID), 0) {
		l, err := tx.Letter(id)
		if err != nil {
			return nil, err
		}
		out = append(out, *l)
	}
	return out, nil
}

// --- sequences ---

func (tx *Tx) bump(key string) (uint64, error) {
	if err := tx.writable(); err != nil {
		return 0, err
	}
	b := tx.b(bucketSeq)
	n := getU64(b.Get([]byte(key))) + 1
	return n, b.Put([]byte(key), u64(n))
}

// NextCaseNo takes the next case number of the year, formatted by the
// settings' pattern. A number once taken is never given again.
func (tx *Tx) NextCaseNo(year int) (string, error) {
	n, err := tx.bump("case/" + strconv.Itoa(year))
	if err != nil {
		return "", err
	}
	st, err := tx.numberSettings()
	if err != nil {
		return "", err
	}
	p := st.CaseNoPattern
	if p == "" {
		p = DefaultCaseNoPattern
	}
	return FormatNo(p, st.OrgCode, "", year, n), nil
}

// NextLetterNo takes the next number of a letter type in a year.
func (tx *Tx) NextLetterNo(docType string, year int) (string, int, error) {
	n, err := tx.bump("letter/" + docType + "/" + strconv.Itoa(year))
	if err != nil {
		return "", 0, err
	}
	st, err := tx.numberSettings()
	if err != nil {
		return "", 0, err
	}
	p := st.DocNoPatterns[docType]
	if p == "" {
		p = DefaultDocNoPattern
	}
	return FormatNo(p, st.OrgCode, docType, year, n), int(n), nil
}

// FormatNo fills a number pattern: {code} the office's code, {type} the
// letter type, {year}, {n} the serial, {n:06} the serial zero-padded.
func FormatNo(pattern, code, docType string, year int, n uint64) string {
	r := strings.NewReplacer("{code}", code, "{type}", docType, "{year}", strconv.Itoa(year))
	s := r.Replace(pattern)
	for {
		i := strings.Index(s, "{n")
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		spec := s[i+2 : i+j]
		num := strconv.FormatUint(n, 10)
		if strings.HasPrefix(spec, ":0") {
			if w, err := strconv.Atoi(spec[2:]); err == nil && len(num) < w {
				num = strings.Repeat("0", w-len(num)) + num
			}
		}
		s = s[:i] + num + s[i+j+1:]
	}
	return s
}

// --- units, users, templates, profiles ---

// SaveUnit creates or updates a department.
func (tx *Tx) SaveUnit(u *Unit) error {
	u.V = recordVersion
	return putPlain(tx, bucketUnits, &u.ID, u)
}

// Units lists all departments.
func (tx *Tx) Units() ([]Unit, error) { return listRecords[Unit](tx.b(bucketUnits), 0, 0) }

// Unit reads one department.
func (tx *Tx) Unit(id uint64) (*Unit, error) { return getRecord[Unit](tx.b(bucketUnits), id) }

// SaveUser creates or updates a user; logins are unique (ErrConflict).
func (tx *Tx) SaveUser(u *User) error {
	u.V = recordVersion
	return putRecord[User](tx, bucketUsers, &u.ID, u)
}

// User reads one user.
func (tx *Tx) User(id uint64) (*User, error) { return getRecord[User](tx.b(bucketUsers), id) }

// UserByLogin finds a user by login (case-insensitive).
func (tx *Tx) UserByLogin(login string) (*User, error) {
	v := tx.b(ixLogin).Get([]byte(strings.ToLower(login)))
	if v == nil {
		return nil, ErrNotFound
	}
	return tx.User(getU64(v))
}

// Users lists all users.
func (tx *Tx) Users() ([]User, error) { return listRecords[User](tx.b(bucketUsers), 0, 0) }

// SaveTemplate creates or updates a letter template.
func (tx *Tx) SaveTemplate(t *Template) error {
	t.V = recordVersion
	return putPlain(tx, bucketTemplates, &t.ID, t)
}

// Templates lists all templates.
func (tx *Tx) Templates() ([]Template, error) {
	return listRecords[Template](tx.b(bucketTemplates), 0, 0)
}

// Template reads one template.
func (tx *Tx) Template(id uint64) (*Template, error) {
	return getRecord[Template](tx.b(bucketTemplates), id)
}

// SaveProfile creates or updates a time-limit profile.
func (tx *Tx) SaveProfile(p *TimeLimitProfile) error {
	p.V = recordVersion
	return putPlain(tx, bucketProfiles, &p.ID, p)
}

// Profiles lists the time-limit profiles.
func (tx *Tx) Profiles() ([]TimeLimitProfile, error) {
	return listRecords[TimeLimitProfile](tx.b(bucketProfiles), 0, 0)
}

// --- settings, dictionaries, holidays ---

var settingsKey = []byte("office")

// Settings are the office's settings (the zero Settings when never saved).
func (tx *Tx) Settings() (*Settings, error) {
	st := &Settings{}
	b := tx.b(bucketSettings)
	if b == nil {
		return st, nil
	}
	if raw := b.Get(settingsKey); raw != nil {
		if err := decodeJSON(raw, st); err != nil {
			return nil, fmt.Errorf("store: settings are damaged: %w", err)
		}
	}
	return st, nil
}

// Settings reads the office's settings.
func (s *Store) Settings() (st *Settings, err error) {
	err = s.db.View(func(btx *bolt.Tx) error {
		st, err = (&Tx{tx: btx, s: s}).Settings()
		return err
	})
	return st, err
}

// SaveSettings replaces the office's settings.
func (tx *Tx) SaveSettings(st *Settings) error {
	if err := tx.writable(); err != nil {
		return err
	}
	st.V = recordVersion
	raw, err := encode(st)
	if err != nil {
		return err
	}
	tx.settings = nil
	return tx.b(bucketSettings).Put(settingsKey, raw)
}

// numberSettings are the settings as this transaction last read them, for
// the numbering patterns: a bulk import numbers thousands of cases in one
// transaction and need not decode the settings for each. Callers only
// read it.
func (tx *Tx) numberSettings() (*Settings, error) {
	if tx.settings == nil {
		st, err := tx.Settings()
		if err != nil {
			return nil, err
		}
		tx.settings = st
	}
	return tx.settings, nil
}

// SaveSettings replaces the office's settings.
func (s *Store) SaveSettings(st *Settings) error {
	return s.Update(func(tx *Tx) error { return tx.SaveSettings(st) })
}

func dictKey(list, code string) []byte { return []byte(list + "\x00" + code) }

// SetDict writes one code of a code list.
func (tx *Tx) SetDict(e *DictEntry) error {
	if err := tx.writable(); err != nil {
		return err
	}
	e.V = recordVersion
	raw, err := encode(e)
	if err != nil {
		return err
	}
	return tx.b(bucketDict).Put(dictKey(e.List, e.Code), raw)
}

// Dict lists a code list ordered by code.
func (tx *Tx) Dict(list string) ([]DictEntry, error) {
	var out []DictEntry
	prefix := []byte(list + "\x00")
	c := tx.b(bucketDict).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var e DictEntry
		if err := decodeJSON(v, &e); err != nil {
			return nil, err
		}
		e.List, e.Code = list, string(k[len(prefix):])
		out = append(out, e)
	}
	return out, nil
}

// SetHoliday marks a day of the holiday calendar; kind "" removes it.
func (tx *Tx) SetHoliday(h *Holiday) error {
	if err := tx.writable(); err != nil {
		return err
	}
	b := tx.b(bucketHolidays)
	if h.Kind == "" {
		return b.Delete(dateKey(h.Day))
	}
	h.V = recordVersion
	raw, err := encode(h)
	if err != nil {
		return err
	}
	return b.Put(dateKey(h.Day), raw)
}

// Holidays lists the marked days in [from, to].
func (tx *Tx) Holidays(from, to civil.Date) ([]Holiday, error) {
	var out []Holiday
	c := tx.b(bucketHolidays).Cursor()
	end := dateKey(to + 1)
	for k, v := c.Seek(dateKey(from)); k != nil && bytes.Compare(k, end) < 0; k, v = c.Next() {
		var h Holiday
		if err := decodeJSON(v, &h); err != nil {
			return nil, err
		}
		h.Day = civil.Date(int32(getU32(k)))
		out = append(out, h)
	}
	return out, nil
}
