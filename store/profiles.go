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
