package store

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
}

func (u *Unit) setID(id uint64) { u.ID = id }

// SaveUnit creates or updates a department.
func (tx *Tx) SaveUnit(u *Unit) error {
	u.V = recordVersion
	return putPlain(tx, bucketUnits, &u.ID, u)
}

// Units lists all departments.
func (tx *Tx) Units() ([]Unit, error) { return listRecords[Unit](tx.b(bucketUnits), 0, 0) }

// Unit reads one department.
func (tx *Tx) Unit(id uint64) (*Unit, error) { return getRecord[Unit](tx.b(bucketUnits), id) }
