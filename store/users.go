package store

// Optimistic concurrency for the records staff edit from several PCs: each
// carries Rev, the number of saves. An edit sends back the Rev it read; a
// save whose Rev is not the stored one is refused with ErrStale instead of
// overwriting someone else's change.

// UpdateUser creates (ID 0) or updates a user whose Rev is the stored one,
// and bumps Rev. Logins are unique (ErrConflict).
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

// UpdateSettings replaces the settings when st.Rev is the stored one, and
// bumps Rev.
func (tx *Tx) UpdateSettings(st *Settings) error {
	old, err := tx.Settings()
	if err != nil {
		return err
	}
	if old.Rev != st.Rev {
		return ErrStale
	}
	st.Rev++
	return tx.SaveSettings(st)
}
