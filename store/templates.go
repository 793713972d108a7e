package store

// Buckets of this file (created at open, listed in store.go).
var (
	bucketTemplates = []byte("templates")
)

// Template is a letter template with placeholders.
type Template struct {
	V       int    `json:"v"`
	ID      uint64 `json:"-"`
	DocType string `json:"ty"`
	Name    string `json:"nm"`
	Version int    `json:"ver"`
	Body    string `json:"bd"`
	Layout  string `json:"ly,omitempty"`
	Active  bool   `json:"on,omitempty"`
}

func (t *Template) setID(id uint64) { t.ID = id }

// saveTemplate creates or updates a letter template.
func (tx *Tx) saveTemplate(t *Template) error {
	t.V = recordVersion
	return putPlain(tx, bucketTemplates, &t.ID, t)
}

// templates lists all templates.
func (tx *Tx) templates() ([]Template, error) {
	return listRecords[Template](tx.b(bucketTemplates), 0, 0)
}

// Template reads one template.
func (tx *Tx) Template(id uint64) (*Template, error) {
	return getRecord[Template](tx.b(bucketTemplates), id)
}
