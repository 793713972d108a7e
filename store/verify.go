package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ErrDamaged means the data file's own structure is broken: bbolt's pages
// do not hold together, so no record in it can be trusted. Only a backup
// mends it.
var ErrDamaged = errors.New("store: the data file is damaged")

// Verifier checks a data file that may be damaged: VerifyFile itself, or
// VerifyFile run in a child process so that a crash inside bbolt cannot
// take the caller down (laifang verify-file).
type Verifier func(path string, opts Options) (*Report, error)

// VerifyFile checks a file nobody vouches for (a copy to restore, a data
// file suspected of damage) as far as it can be checked: bbolt's page check
// on a read-only open first, because bbolt trusts its pages and a broken one
// crashes the program as soon as it is read; then, on a sound file, the
// schema version, every index (Check) and the audit chain. opts are those
// of the Open that follows the page check: a writable open upgrades a file
// from an older version on the way (restore's temp copy).
//
// A damaged file can still crash this function: bbolt panics on some
// broken pages, in a goroutine of its own during its check, where no
// recover reaches. A caller that must survive runs it in a child process.
func VerifyFile(path string, opts Options) (*Report, error) {
	r, err := VerifyPages(path, opts)
	if err != nil || r.Damaged {
		return r, err
	}
	opts.NoDailyBackup = true
	s, err := Open(path, opts)
	switch {
	case errors.Is(err, ErrLocked) || errors.Is(err, ErrNewerSchema):
		return nil, err
	case err != nil:
		// A record the upgrade could not read, and the like.
		r.add("打开：", "%v", err)
		r.Damaged = errors.Is(err, ErrDamaged)
		return r, nil
	}
	defer s.Close()
	// The checks stop at a record they cannot read at all; that is a
	// problem of the file, not a failure of the check.
	if err := s.check(r, false); err != nil {
		r.add("记录：", "无法读取（%v）", err)
		return r, nil
	}
	// The chain alone, in the file: a copy being restored is older than
	// the heads other copies left outside it, and rightly shorter.
	var av *AuditVerify
	err = s.View(func(tx *Tx) error { av, err = tx.VerifyAudit(); return err })
	if err != nil {
		r.add("审计日志：", "无法读取（%v）", err)
		return r, nil
	}
	r.Counts["audit"] = av.Entries
	for _, p := range av.Problems {
		r.add("审计日志：", "第 %d 条：%s", p.Seq, p.Detail)
	}
	return r, nil
}

// VerifyPages is the first step of VerifyFile alone: bbolt's page check on
// a read-only open, and the schema version. A file that passes can be
// opened and read without crashing the program (check --rebuild runs it
// before rebuilding the indexes).
func VerifyPages(path string, opts Options) (*Report, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = time.Second
	}
	r := &Report{Counts: map[string]int{}}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: timeout})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, ErrLocked
	} else if err != nil {
		// bbolt refuses a file whose first pages are not its own.
		r.add("文件结构：", "不是来访接待的数据文件，或文件头已损坏（%v）", err)
		r.Damaged = true
		return r, nil
	}
	var version uint64
	err = db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			r.add("文件结构：", "%v", err)
			r.Damaged = true
		}
		if r.Damaged {
			return nil
		}
		m := tx.Bucket(bucketMeta)
		if m == nil {
			r.add("文件结构：", "不是来访接待的数据文件（没有 meta 部分）")
			r.Damaged = true
			return nil
		}
		version = getU64(m.Get(metaSchema))
		return nil
	})
	db.Close()
	if err != nil || r.Damaged {
		return r, err
	}
	if version > SchemaVersion {
		return nil, fmt.Errorf("%w (file schema %d, this program %d)", ErrNewerSchema, version, SchemaVersion)
	}
	return r, nil
}

// reportJSON is a Report on the wire from the child process that verified
// a file (laifang verify-file) to its parent.
type reportJSON struct {
	Problems []string       `json:"problems"`
	Counts   map[string]int `json:"counts"`
	More     map[string]int `json:"more,omitempty"`
	Damaged  bool           `json:"damaged"`
}

// MarshalJSON keeps the count of problems not listed.
func (r *Report) MarshalJSON() ([]byte, error) {
	return json.Marshal(reportJSON{Problems: r.Problems, Counts: r.Counts, More: r.more, Damaged: r.Damaged})
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (r *Report) UnmarshalJSON(b []byte) error {
	var w reportJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*r = Report{Problems: w.Problems, Counts: w.Counts, more: w.More, Damaged: w.Damaged}
	return nil
}
