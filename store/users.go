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

// A code list is saved whole (its entries together), so its revision is
// the list's, kept in meta: 0 for a list never saved (the defaults).
func dictRevKey(list string) []byte { return []byte("dict.rev." + list) }

// DictRev is the revision of code list list.
func (tx *Tx) DictRev(list string) uint64 {
	return getU64(tx.b(bucketMeta).Get(dictRevKey(list)))
}

// UpdateDict writes entries of code list list when rev is the list's
// stored revision, bumps it and returns the new one; ErrStale and nothing
// written otherwise.
func (tx *Tx) UpdateDict(list string, rev uint64, entries []DictEntry) (uint64, error) {
	if err := tx.writable(); err != nil {
		return 0, err
	}
	if tx.DictRev(list) != rev {
		return 0, ErrStale
	}
	for i := range entries {
		entries[i].List = list
		if err := tx.SetDict(&entries[i]); err != nil {
			return 0, err
		}
	}
	rev++
	return rev, tx.b(bucketMeta).Put(dictRevKey(list), u64(rev))
}
