package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"laifang/domain/civil"
	"laifang/domain/fold"
	"laifang/domain/idcard"
	"laifang/domain/phone"
)

//go:generate go run github.com/tinylib/msgp@v1.6.5 -file people.go -o people_msgp.go -tests=false -io=false
// The records of this file are stored as MessagePack (codec.go), by
// methods msgp generates from their json tags: `go generate ./store/`.
//msgp:tag json
//msgp:replace Stamp with:int64
//msgp:replace civil.Date with:int32
//msgp:ignore PersonQuery PersonRow

// Buckets of this file (created at open, listed in store.go).
var (
	bucketPeople = []byte("people")
	ixIDNumber   = []byte("ix.idnumber") // hash(idnumber) | personID
	ixPhone      = []byte("ix.phone")    // hash(phone) | personID
	ixName       = []byte("ix.name")     // normalized name 0x00 | personID → the person's list row (people.go)
)

// Person is a petitioner (信访人).
type Person struct {
	V         int        `json:"v"`
	ID        uint64     `json:"-"`
	Name      string     `json:"nm,omitempty"`
	Anonymous bool       `json:"anon,omitempty"`
	Sex       string     `json:"sx,omitempty"` // "M" or "F"
	Birth     civil.Date `json:"bd,omitempty"`
	IDType    string     `json:"idt,omitempty"` // "" is 居民身份证
	IDNumber  string     `json:"idn,omitempty"` // confidential
	Phones    []string   `json:"ph,omitempty"`  // confidential
	Address   string     `json:"ad,omitempty"`  // current or mailing; confidential
	Household string     `json:"hh,omitempty"`  // 户籍地址; confidential
	Postcode  string     `json:"pc,omitempty"`
	Workplace string     `json:"wk,omitempty"`
	Tags      []string   `json:"tg,omitempty"`
	Notes     string     `json:"no,omitempty"`
	Created   Stamp      `json:"at,omitempty"`
	Retain    civil.Date `json:"ret,omitempty"`
}

func (p *Person) setID(id uint64) { p.ID = id }

func (p *Person) indexEntries(id uint64, salt []byte) []ixEntry {
	var out []ixEntry
	if n := idcard.Normalize(p.IDNumber); n != "" {
		out = append(out, multi(ixIDNumber, secretKey(salt, p.IDType, n), id))
	}
	seen := map[string]bool{}
	for _, ph := range p.Phones {
		n := phone.Key(ph)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, multi(ixPhone, secretKey(salt, "phone", n), id))
	}
	if n := NormalizeName(p.Name); n != "" {
		e := multi(ixName, cat([]byte(n), []byte{0}), id)
		e.val, e.row = personRowOf(p).encode(), true
		out = append(out, e)
	}
	return out
}

// NormalizeName lower-cases, folds full-width letters and drops spaces and
// the middle dot of minority and foreign names, so "阿依 古丽" and
// "阿依·古丽" find each other.
func NormalizeName(s string) string {
	return strings.Map(func(r rune) rune {
		r = fold.Width(r)
		if unicode.IsSpace(r) || r == '·' || r == '•' || r == '.' || r == '・' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// SavePerson creates (ID 0) or updates a person with its indexes.
func (tx *Tx) SavePerson(p *Person) error {
	if err := tx.writable(); err != nil {
		return err
	}
	b := tx.b(bucketPeople)
	var old *Person
	if p.ID == 0 {
		id, err := nextID(b)
		if err != nil {
			return err
		}
		p.ID = id
	} else {
		var err error
		if old, err = getRecord[Person](b, p.ID); err != nil {
			return fmt.Errorf("store: person %d: %w", p.ID, err)
		}
	}
	p.V = recordVersion
	raw, err := tx.encode(p)
	if err != nil {
		return err
	}
	var o indexed
	if old != nil {
		o = old
	}
	if err := tx.reindex(p.ID, o, p); err != nil {
		return err
	}
	if err := tx.putJSON(b, u64(p.ID), raw); err != nil {
		return err
	}
	if tx.names == nil {
		tx.names = map[uint64]string{}
	}
	tx.names[p.ID] = listName(p)
	if old != nil && listName(old) != listName(p) {
		return tx.renamed(p)
	}
	return nil
}

// SavePerson creates or updates a person.
func (s *Store) SavePerson(p *Person) error {
	return s.Update(func(tx *Tx) error { return tx.SavePerson(p) })
}

// Person reads one person.
func (tx *Tx) Person(id uint64) (*Person, error) { return getRecord[Person](tx.b(bucketPeople), id) }

// Person reads one person.
func (s *Store) Person(id uint64) (p *Person, err error) {
	err = s.View(func(tx *Tx) error { p, err = tx.Person(id); return err })
	return p, err
}

// PersonQuery finds people by one of: an ID number (exact), a phone number
// (exact, digits only), a name prefix. The first one set is used.
type PersonQuery struct {
	IDType   string
	IDNumber string
	Phone    string
	Name     string
	Limit    int // default 20
}

// FindPeople answers a PersonQuery from the indexes.
func (tx *Tx) FindPeople(q PersonQuery) ([]Person, error) {
	if q.Limit <= 0 {
		q.Limit = 20
	}
	var out []Person
	var ids []uint64
	var match func(p *Person) bool
	switch {
	case q.IDNumber != "":
		n := idcard.Normalize(q.IDNumber)
		ids = idsWithPrefix(tx.b(ixIDNumber), secretKey(tx.s.salt, q.IDType, n), q.Limit)
		match = func(p *Person) bool { return idcard.Normalize(p.IDNumber) == n && p.IDType == q.IDType }
	case q.Phone != "":
		n := phone.Key(q.Phone)
		ids = idsWithPrefix(tx.b(ixPhone), secretKey(tx.s.salt, "phone", n), q.Limit)
		match = func(p *Person) bool {
			for _, ph := range p.Phones {
				if phone.Key(ph) == n {
					return true
				}
			}
			return false
		}
	case q.Name != "":
		prefix := []byte(NormalizeName(q.Name))
		if len(prefix) == 0 {
			return nil, nil
		}
		c := tx.b(ixName).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			ids = append(ids, getU64(k[len(k)-8:]))
			if len(ids) >= q.Limit {
				break
			}
		}
		match = func(*Person) bool { return true }
	default:
		return nil, nil
	}
	for _, id := range ids {
		p, err := tx.Person(id)
		if err != nil {
			return nil, err
		}
		if match(p) {
			out = append(out, *p)
		}
	}
	return out, nil
}

// FindPeople answers a PersonQuery from the indexes.
func (s *Store) FindPeople(q PersonQuery) (out []Person, err error) {
	err = s.View(func(tx *Tx) error { out, err = tx.FindPeople(q); return err })
	return out, err
}

// A person's list row is what a list of people found by name shows: the
// name as written, sex, birth date, when the person was first registered.
// It is the value of the person's entry in ix.name, written with the
// person, checked and rebuilt with the other indexes, so that a name
// lookup reads the rows from the index's pages instead of decoding each
// person's record (scattered over the file). Like a case row it never
// holds a confidential field: no ID number, phone or address.

// PersonRow is the list form of a person.
type PersonRow struct {
	ID        uint64
	Name      string
	Anonymous bool
	Sex       string
	Birth     civil.Date
	Created   Stamp
}

const personRowFormat1 = 1

const personRowAnonymous = 1

func personRowOf(p *Person) PersonRow {
	return PersonRow{ID: p.ID, Name: p.Name, Anonymous: p.Anonymous, Sex: p.Sex, Birth: p.Birth, Created: p.Created}
}

// encode writes the row; the ID is in the key and is not repeated.
func (r PersonRow) encode() []byte {
	b := make([]byte, 0, 16+len(r.Name)+len(r.Sex))
	var flags byte
	if r.Anonymous {
		flags |= personRowAnonymous
	}
	b = append(b, personRowFormat1, flags)
	b = binary.AppendVarint(b, int64(r.Birth))
	b = binary.AppendVarint(b, int64(r.Created))
	b = appendStr(b, r.Sex)
	return appendStr(b, r.Name)
}

var errBadPersonRow = errors.New("store: damaged entry in the name index")

func decodePersonRow(id uint64, raw []byte) (PersonRow, error) {
	r := PersonRow{ID: id}
	if len(raw) < 2 || raw[0] != personRowFormat1 {
		return r, errBadPersonRow
	}
	r.Anonymous = raw[1]&personRowAnonymous != 0
	rr := rowReader{b: raw[2:]}
	r.Birth = civil.Date(rr.varint())
	r.Created = Stamp(rr.varint())
	r.Sex = rr.str()
	r.Name = rr.str()
	if rr.err || len(rr.b) != 0 {
		return r, errBadPersonRow
	}
	return r, nil
}

// findPersonRows lists the people whose normalized name starts with the
// normalized prefix, as list rows, in name order, at most limit (default
// 20). It reads only the name index.
func (tx *Tx) findPersonRows(name string, limit int) ([]PersonRow, error) {
	if limit <= 0 {
		limit = 20
	}
	prefix := []byte(NormalizeName(name))
	if len(prefix) == 0 {
		return nil, nil
	}
	var out []PersonRow
	c := tx.b(ixName).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(out) < limit; k, v = c.Next() {
		if len(k) < 9 {
			return nil, errBadPersonRow
		}
		r, err := decodePersonRow(getU64(k[len(k)-8:]), v)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// findPersonRows lists people by name prefix as list rows.
func (s *Store) findPersonRows(name string, limit int) (out []PersonRow, err error) {
	err = s.View(func(tx *Tx) error { out, err = tx.findPersonRows(name, limit); return err })
	return out, err
}

// NameCaseRows lists the rows of the cases of everyone whose name is
// exactly name (normalized as NormalizeName), newest first, at most limit
// (≤ 0: all); the anonymous are left out. The people come from their
// entries in ix.name, which sit together under the name and carry each
// person's row (no person's record is read), and each one's cases from
// ix.person.case: a common name (162 people named 王秀 in a million
// visits) took 2.2 ms when each person was read whole (issue 17).
func (tx *Tx) NameCaseRows(name string, limit int) ([]CaseRow, error) {
	n := NormalizeName(name)
	if n == "" {
		return nil, nil
	}
	prefix := append([]byte(n), 0)
	var ids []uint64
	c := tx.b(ixName).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != len(prefix)+8 {
			return nil, errBadPersonRow
		}
		if len(v) < 2 || v[1]&personRowAnonymous != 0 {
			continue // a damaged row is reported by check; anonymous: no name to find
		}
		ids = append(ids, idsWithPrefix(tx.b(ixPersonCase), k[len(prefix):], 0)...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	slices.Reverse(ids)
	if limit > 0 && len(ids) > limit {
		ids = ids[:limit]
	}
	return tx.caseRows(ids)
}
