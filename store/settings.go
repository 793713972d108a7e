package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Buckets of this file (created at open, listed in store.go).
var (
	bucketSettings = []byte("settings")
)

// Settings are the office's own choices.
type Settings struct {
	V              int               `json:"v"`
	OrgName        string            `json:"orgName,omitempty"`
	OrgCode        string            `json:"orgCode,omitempty"` // 机关代字
	RegionCode     string            `json:"regionCode,omitempty"`
	CaseNoPattern  string            `json:"caseNoPattern,omitempty"` // e.g. "{year}-{n:06}"
	DocNoPatterns  map[string]string `json:"docNoPatterns,omitempty"` // per letter type, e.g. "{code}信受〔{year}〕{n}号"
	BackupDir      string            `json:"backupDir,omitempty"`
	BackupKeep     int               `json:"backupKeep,omitempty"`
	GroupThreshold int               `json:"groupThreshold,omitempty"`
	MaxDelegates   int               `json:"maxDelegates,omitempty"`
	Profile        uint64            `json:"profile,omitempty"`
	Extra          map[string]string `json:"extra,omitempty"`
	ReviewOrg      string            `json:"reviewOrg,omitempty"`  // 复查机关
	RecheckOrg     string            `json:"recheckOrg,omitempty"` // 复核机关
	IdleMinutes    int               `json:"idleMinutes,omitempty"`
	RetentionYears int               `json:"retentionYears,omitempty"` // after closing, unless a case says otherwise
	Rev            uint64            `json:"rev,omitempty"`
	// Supervision triggers (督办): days before a due date it turns
	// yellow (0: the default, app.DefaultWarnDays); the half-time alert
	// switched off.
	WarnDays        int  `json:"warnDays,omitempty"`
	NoHalfTimeAlert bool `json:"noHalfTime,omitempty"`
	// Letters (app/letters.go): the telephone letters give for questions,
	// and the print layout.
	LetterPhone  string        `json:"letterPhone,omitempty"`
	LetterLayout *LetterLayout `json:"letterLayout,omitempty"`
}

// LetterLayout is how letters are printed: on plain paper or on the
// office's pre-printed red letterhead (套打), with the printer's offsets.
type LetterLayout struct {
	Letterhead bool    `json:"lh,omitempty"`
	HeaderMM   float64 `json:"hd,omitempty"`
	OffsetXMM  float64 `json:"ox,omitempty"`
	OffsetYMM  float64 `json:"oy,omitempty"`
	OrgName    string  `json:"org,omitempty"`
}

var settingsKey = []byte("office")

// Settings are the office's settings (the zero Settings when never saved).
func (tx *Tx) Settings() (*Settings, error) {
	st := &Settings{}
	b := tx.b(bucketSettings)
	if b == nil {
		return st, nil
	}
	if raw := b.Get(settingsKey); raw != nil {
		if err := decodeJSON(raw, st); err != nil {
			return nil, fmt.Errorf("store: settings are damaged: %w", err)
		}
	}
	return st, nil
}

// Settings reads the office's settings.
func (s *Store) Settings() (st *Settings, err error) {
	err = s.db.View(func(btx *bolt.Tx) error {
		st, err = (&Tx{tx: btx, s: s}).Settings()
		return err
	})
	return st, err
}

// SaveSettings replaces the office's settings without checking Rev (setup,
// the generator, tests); an edit by staff goes through UpdateSettings.
func (tx *Tx) SaveSettings(st *Settings) error {
	if err := tx.writable(); err != nil {
		return err
	}
	st.V = recordVersion
	raw, err := encode(st)
	if err != nil {
		return err
	}
	tx.settings = nil
	return tx.b(bucketSettings).Put(settingsKey, raw)
}

// SaveSettings replaces the office's settings.
func (s *Store) SaveSettings(st *Settings) error {
	return s.Update(func(tx *Tx) error { return tx.SaveSettings(st) })
}

// UpdateSettings is the edit that checks Rev: it replaces the settings
// when st.Rev is the stored one (ErrStale otherwise), and bumps Rev.
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

// numberSettings are the settings as this transaction last read them, for
// the numbering patterns: a bulk import numbers thousands of cases in one
// transaction and need not decode the settings for each. Callers only
// read it.
func (tx *Tx) numberSettings() (*Settings, error) {
	if tx.settings == nil {
		st, err := tx.Settings()
		if err != nil {
			return nil, err
		}
		tx.settings = st
	}
	return tx.settings, nil
}

// metaSynthetic marks a file whose office store/gen made up: the window says
// on every screen that it is demo data. It lives in meta, beside the schema,
// so that no edit of the settings can drop it.
var metaSynthetic = []byte("synthetic")

// MarkSynthetic marks the file as holding a made-up office (demo, training,
// benchmarks). Nothing unmarks it: a file with invented people in it stays
// demo data.
func (tx *Tx) MarkSynthetic() error {
	if err := tx.writable(); err != nil {
		return err
	}
	return tx.b(bucketMeta).Put(metaSynthetic, []byte{1})
}

// Synthetic tells whether the file holds a made-up office (MarkSynthetic).
func (tx *Tx) Synthetic() bool { return tx.b(bucketMeta).Get(metaSynthetic) != nil }
