package store

import "fmt"

// Buckets of this file (created at open, listed in store.go).
var (
	bucketTemplates = []byte("templates")
)

// Template is one version of a letter template: saving makes a new one,
// so a letter's Template and TemplateVer keep naming the text it used.
type Template struct {
	V       int    `json:"v"`
	ID      uint64 `json:"-"`
	DocType string `json:"ty"` // the kind's key (domain/letter)
	Name    string `json:"nm"`
	Version int    `json:"ver"`
	Body    string `json:"bd"`
	Layout  string `json:"ly,omitempty"`
	Active  bool   `json:"on,omitempty"`
	// Builtin: the program's own text (a reset); By and At: who saved it.
	Builtin bool   `json:"bi,omitempty"`
	By      uint64 `json:"by,omitempty"`
	At      Stamp  `json:"at,omitempty"`
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

// CurrentTemplates are the newest version of each kind's template, by
// kind (a kind never saved is not in it: it uses the built-in text).
func (tx *Tx) CurrentTemplates() (map[string]*Template, error) {
	all, err := tx.templates()
	if err != nil {
		return nil, err
	}
	out := map[string]*Template{}
	for i := range all {
		t := &all[i]
		if cur, ok := out[t.DocType]; !ok || t.Version > cur.Version {
			out[t.DocType] = t
		}
	}
	return out, nil
}

// AddTemplateVersion saves t as the next version of its kind's template,
// refused (ErrStale) unless rev is the version now in force (0 for none).
func (tx *Tx) AddTemplateVersion(t *Template, rev int) error {
	cur, err := tx.CurrentTemplates()
	if err != nil {
		return err
	}
	last := 0
	if c, ok := cur[t.DocType]; ok {
		last = c.Version
	}
	if rev != last {
		return ErrStale
	}
	if t.ID != 0 {
		return fmt.Errorf("store: template %d is already saved", t.ID)
	}
	t.Version, t.Active = last+1, true
	if t.At == 0 {
		t.At = StampOf(tx.now)
	}
	return tx.saveTemplate(t)
}
