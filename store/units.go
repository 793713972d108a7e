package store

import "bytes"

// Buckets of this file (created at open, listed in store.go).
var (
	bucketUnits = []byte("units")
)

// Unit is a department or outside body (承办/协办/被反映单位).
type Unit struct {
	V      int    `json:"v"`
	ID     uint64 `json:"-"`
	Name   string `json:"nm"`
	Kind   string `json:"kd,omitempty"` // internal/subordinate/external/政法/纪检
	Parent uint64 `json:"par,omitempty"`
	Active bool   `json:"on,omitempty"`
	// Contact and Phone are whom the office calls at the department (staff
	// data, not a petitioner's).
	Contact string `json:"ct,omitempty"`
	Phone   string `json:"ph,omitempty"`
	// Assignable: the department may receive 交办 (a matter assigned to it).
	Assignable bool `json:"asg,omitempty"`
	// Rev counts the saves, for optimistic concurrency (ErrStale, UpdateUnit).
	Rev uint64 `json:"rev,omitempty"`
}

func (u *Unit) setID(id uint64) { u.ID = id }

// SaveUnit creates or updates a department.
func (tx *Tx) SaveUnit(u *Unit) error {
	u.V = recordVersion
	return putPlain(tx, bucketUnits, &u.ID, u)
}

// UpdateUnit saves a department edited on the settings screen: refused
// with ErrStale when u.Rev is not the stored one (someone saved it since
// the form was opened); on success u.Rev is the new one.
func (tx *Tx) UpdateUnit(u *Unit) error {
	if u.ID != 0 {
		old, err := tx.Unit(u.ID)
		if err != nil {
			return err
		}
		if old.Rev != u.Rev {
			return ErrStale
		}
	}
	u.Rev++
	return tx.SaveUnit(u)
}

// UnitInUse tells whether any case is handled by the department or is
// about it (被反映单位), or any task was sent to it: such a department stays on file (deactivated, never
// deleted), so that what was sent to it keeps its name.
func (tx *Tx) UnitInUse(id uint64) bool {
	for _, ix := range [][]byte{ixUnitCase, ixAccused, ixUnitTask} {
		if k, _ := tx.b(ix).Cursor().Seek(u64(id)); k != nil && bytes.HasPrefix(k, u64(id)) {
			return true
		}
	}
	return false
}

// DeleteUnit removes a department that nothing was sent to (UnitInUse
// false; the caller checks).
func (tx *Tx) DeleteUnit(id uint64) error {
	if err := tx.writable(); err != nil {
		return err
	}
	return tx.b(bucketUnits).Delete(u64(id))
}

// Units lists all departments.
func (tx *Tx) Units() ([]Unit, error) { return listRecords[Unit](tx.b(bucketUnits), 0, 0) }

// Unit reads one department.
func (tx *Tx) Unit(id uint64) (*Unit, error) { return getRecord[Unit](tx.b(bucketUnits), id) }
