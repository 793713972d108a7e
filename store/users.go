package store

import "strings"

// Buckets of this file (created at open, listed in store.go).
var (
	bucketUsers = []byte("users")
	ixLogin     = []byte("ix.login") // login → userID
)

// User is a member of staff who signs in.
type User struct {
	V            int    `json:"v"`
	ID           uint64 `json:"-"`
	Name         string `json:"nm"`
	Login        string `json:"lg"`
	Role         string `json:"rl"`
	Unit         uint64 `json:"u,omitempty"`
	Confidential bool   `json:"cf,omitempty"` // may see whistle-blowers' identity
	Active       bool   `json:"on,omitempty"`
	PassHash     string `json:"ph,omitempty"`
	// Failed logins in a row, the last one, and the lockout they caused.
	Failed      int   `json:"nf,omitempty"`
	LastFail    Stamp `json:"lf,omitempty"`
	LockedUntil Stamp `json:"lk,omitempty"`
	// Rev counts the saves, for optimistic concurrency (ErrStale, UpdateUser).
	Rev uint64 `json:"rev,omitempty"`
}

func (u *User) setID(id uint64) { u.ID = id }

func (u *User) indexEntries(id uint64, _ []byte) []ixEntry {
	if u.Login == "" {
		return nil
	}
	return []ixEntry{unique(ixLogin, []byte(strings.ToLower(u.Login)), id)}
}

// SaveUser writes u as it is and does not check Rev (nor bump it): for the
// program's own bookkeeping on an account (failed logins, a lockout, the
// owner's own password change), which must not fail because an
// administrator edited the account meanwhile. Staff edits go through
// UpdateUser, which checks. Logins are unique (ErrConflict).
func (tx *Tx) SaveUser(u *User) error {
	u.V = recordVersion
	return putIndexed[User](tx, bucketUsers, &u.ID, u)
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

// UpdateUser is the edit that checks Rev: it creates (ID 0) or updates a
// user whose Rev is the stored one (ErrStale otherwise: someone else saved
// the account since u was read), and bumps Rev. Logins are unique
// (ErrConflict). An administrator's edit goes through here; SaveUser is
// the write that does not check.
func (tx *Tx) UpdateUser(u *User) error {
	if u.ID != 0 {
		old, err := tx.User(u.ID)
		if err != nil {
			return err
		}
		if old.Rev != u.Rev {
			return ErrStale
		}
	}
	u.Rev++
	return tx.SaveUser(u)
}

// HasUsers tells whether any user is on file (the office is set up).
func (tx *Tx) HasUsers() bool {
	k, _ := tx.b(bucketUsers).Cursor().First()
	return k != nil
}
