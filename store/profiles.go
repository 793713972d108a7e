package store

import "laifang/domain/deadline"

// Buckets of this file (created at open, listed in store.go).
var (
	bucketProfiles = []byte("profiles")
)

// TimeLimitProfile holds the time limits an office follows (national
// default, or a province's): domain/deadline's Profile as a record.
type TimeLimitProfile struct {
	V      int                               `json:"v"`
	ID     uint64                            `json:"-"`
	Name   string                            `json:"nm"`
	Rules  map[deadline.Clock]deadline.Limit `json:"rules"`
	MaxExt int                               `json:"maxExt,omitempty"`
	// From is the shipped profile it was copied from
	// (deadline.Template.Key), "" for one the office made from another.
	From string `json:"from,omitempty"`
}

// ProfileRecord is p as a record to save.
func ProfileRecord(p deadline.Profile) TimeLimitProfile {
	return TimeLimitProfile{Name: p.Name, Rules: p.Limits, MaxExt: p.MaxExtension}
}

// Profile is the record as the rules read it.
func (p *TimeLimitProfile) Profile() deadline.Profile {
	return deadline.Profile{Name: p.Name, Limits: p.Rules, MaxExtension: p.MaxExt}
}

func (p *TimeLimitProfile) setID(id uint64) { p.ID = id }

// SaveProfile creates or updates a time-limit profile.
func (tx *Tx) SaveProfile(p *TimeLimitProfile) error {
	p.V = recordVersion
	return putPlain(tx, bucketProfiles, &p.ID, p)
}

// Profiles lists the time-limit profiles.
func (tx *Tx) Profiles() ([]TimeLimitProfile, error) {
	return listRecords[TimeLimitProfile](tx.b(bucketProfiles), 0, 0)
}

// The profiles and the office's choice among them are edited from one
// screen: one revision, kept in meta, counts every save of either, and a
// save over someone else's newer one is refused.
var metaProfilesRev = []byte("profiles.rev")

// ProfilesRev is the revision of the time-limit profiles: 0 until the
// office first saves one or chooses one.
func (tx *Tx) ProfilesRev() uint64 { return getU64(tx.b(bucketMeta).Get(metaProfilesRev)) }

// BumpProfiles is the check of an edit of the profiles or of the choice:
// it bumps the revision and returns the new one when rev is the stored
// one, ErrStale and nothing written otherwise.
func (tx *Tx) BumpProfiles(rev uint64) (uint64, error) {
	if err := tx.writable(); err != nil {
		return 0, err
	}
	if tx.ProfilesRev() != rev {
		return 0, ErrStale
	}
	rev++
	return rev, tx.b(bucketMeta).Put(metaProfilesRev, u64(rev))
}
