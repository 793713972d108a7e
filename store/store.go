// Package store keeps everything laifang saves in one bbolt file.
// It knows nothing of Wails, HTTP or the UI.
//
// Exported methods on Store open exactly one transaction. The same
// operations exist on Tx, so that one user action that touches several
// records (a case, its timeline event, a task, a letter, the audit entry) can
// be written in one Update and commit together or not at all.
package store

import (
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"laifang/store/fulltext"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// ErrLocked means another process holds the data file open.
var ErrLocked = errors.New("store: data file is in use by another program")

// ErrNotFound is returned when a record does not exist.
var ErrNotFound = errors.New("store: not found")

// ErrNewerSchema means the file was written by a newer laifang.
var ErrNewerSchema = errors.New("store: the data file was made by a newer version of laifang; install that version or newer")

// ErrConflict is returned when a unique value (case number, letter number,
// login) is already taken.
var ErrConflict = errors.New("store: already taken")

// ErrStale is returned when a record changed since the caller read it: the
// caller's revision is not the stored one (optimistic concurrency). The
// records staff edit from several PCs (users, settings, code lists) carry
// Rev, the number of saves; their Update* method sends back the Rev it
// read and is refused instead of overwriting someone else's change. Their
// Save* method is the unchecked write.
var ErrStale = errors.New("store: the record changed since it was read")

// Bucket names, all created at open. Each entity's file names its record
// bucket and its indexes (people.go, cases.go, events.go, tasks.go…);
// indexes are derived from the records, checked and rebuilt by check.go.
var (
	bucketMeta = []byte("meta")
)

var primaryBuckets = [][]byte{bucketMeta, bucketSettings, bucketSeq, bucketPeople, bucketCases,
	bucketEvents, bucketTasks, bucketLetters, bucketTemplates, bucketUnits,
	bucketUsers, bucketAudit, bucketDict, bucketProfiles, bucketHolidays, bucketWording}

// lateBuckets were added after the schema version they belong to, without
// a migration step: a writable open creates them (migrate's last line), and
// a read-only open of an older file (check, restore's check) reads them as
// empty instead of refusing the file.
var lateBuckets = map[string]bool{string(bucketWording): true, string(ixArchiveNo): true, string(ixImportKey): true}

var indexBuckets = [][]byte{ixIDNumber, ixPhone, ixName, ixCaseNo, ixPersonCase, ixCaseDue,
	ixVisitDay, ixCaseTask, ixTaskDue, ixUnitTask, ixUnitOpen, ixCaseLetter, ixLetterNo, ixLogin, ixCaseRow, ixArchiveNo,
	ftPost, ftCol, ftPending, ixUnitCase, ixAccused, ixUnitTaskCase, ixCaseTodo, ixUnitTodo, ixUnitDue,
	ixLetterDay, ixLetterKind, ixImportKey, ixCaseDay, ixVisitTally}

var allBuckets = append(append([][]byte{}, primaryBuckets...), indexBuckets...)

// Meta keys.
var (
	metaSchema     = []byte("schema")
	metaSalt       = []byte("salt")
	metaLastBackup = []byte("backup.last")
)

// Options tune Open; the zero value is what the app uses.
type Options struct {
	// Timeout waits this long for the file lock (default 1 s) so that a
	// second program gets a clear error instead of a hang.
	Timeout time.Duration
	// NoSync skips fsync: tests and bulk generation only.
	NoSync bool
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// BackupDir receives the daily copies and the copy made before a
	// migration. Empty: the folder in the settings, else "backups" beside
	// the data file.
	BackupDir string
	// NoDailyBackup skips the copy made on the first open of each day
	// (tests and benchmarks). The copy before a migration is always made.
	NoDailyBackup bool
	// ReadOnly opens the file for reading only (check, restore's check).
	ReadOnly bool
	// FoldEvery is how many new cases wait in ft.pending before they are
	// merged into the bitmaps (default 256).
	FoldEvery int
	// Warm reads the pages a search reads into memory in the background
	// after the open (warm.go): the app's window and serve set it, so that
	// the first searches of the day are as fast as the later ones.
	Warm bool
}

// Store is an open data file.
type Store struct {
	db        *bolt.DB
	path      string
	now       func() time.Time
	opts      Options
	salt      []byte
	migrated  []int  // schema steps run at this open
	preBackup string // the copy made before migrating, if any
	backupErr error  // the daily copy's failure, if any
	stopWarm  chan struct{}
	warmDone  chan struct{}
}

// Open opens or creates the data file at path. A file from an older
// version is copied aside and migrated; one from a newer version is refused
// with ErrNewerSchema.
func Open(path string, opts Options) (*Store, error) {
	if opts.Timeout == 0 {
		opts.Timeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.FoldEvery <= 0 {
		opts.FoldEvery = 256
	}
	_, statErr := os.Stat(path)
	isNew := errors.Is(statErr, os.ErrNotExist)
	return openFile(path, opts, isNew)
}

// openFile opens the file and reads its first pages, where a damaged file
// shows first. bbolt panics on a page it cannot read, and a read past the
// file is a memory fault; both are turned into ErrDamaged here, so that the
// window and serve tell the user in words instead of crashing. A file
// damaged deeper down is found by check (VerifyFile).
func openFile(path string, opts Options, isNew bool) (s *Store, err error) {
	var db *bolt.DB
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			if db != nil {
				closeQuietly(db)
			}
			s, err = nil, fmt.Errorf("%w: %s (%v)", ErrDamaged, path, p)
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{
		Timeout:  opts.Timeout,
		NoSync:   opts.NoSync,
		ReadOnly: opts.ReadOnly,
		// The array freelist is kept sorted; the map one sorts every free
		// page ID at each commit to write the list, which costs
		// milliseconds per save on a file with thousands of free pages.
		FreelistType: bolt.FreelistArrayType,
	})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, ErrLocked
		}
		if notBolt(err) {
			return nil, fmt.Errorf("%w: %s (%v)", ErrDamaged, path, err)
		}
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s = &Store{db: db, path: path, now: opts.Now, opts: opts}
	if err := s.init(isNew); err != nil {
		db.Close()
		return nil, err
	}
	if !opts.ReadOnly && !opts.NoDailyBackup && !isNew {
		if _, err := s.dailyBackup(); err != nil {
			db.Close()
			return nil, err
		}
	}
	if opts.Warm && !opts.ReadOnly {
		s.stopWarm, s.warmDone = make(chan struct{}), make(chan struct{})
		go func() {
			defer close(s.warmDone)
			select {
			case <-time.After(warmDelay):
				s.warm(s.stopWarm)
			case <-s.stopWarm:
			}
		}()
	}
	return s, nil
}

// notBolt tells the errors of a file whose first pages are not bbolt's.
func notBolt(err error) bool {
	return errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrChecksum) ||
		errors.Is(err, berrors.ErrVersionMismatch) || errors.Is(err, berrors.ErrInvalidMapping)
}

// closeQuietly releases a file that made bbolt panic; its Close may panic
// in turn on the same pages.
func closeQuietly(db *bolt.DB) {
	defer func() { recover() }()
	db.Close()
}

// init checks the schema, migrates and creates missing buckets.
func (s *Store) init(isNew bool) error {
	var version uint64
	var ready bool
	if err := s.db.View(func(tx *bolt.Tx) error {
		ready = true
		for _, b := range allBuckets {
			if tx.Bucket(b) == nil && !(s.opts.ReadOnly && lateBuckets[string(b)]) {
				ready = false
			}
		}
		if m := tx.Bucket(bucketMeta); m != nil {
			version = getU64(m.Get(metaSchema))
			if salt := m.Get(metaSalt); salt != nil {
				s.salt = append([]byte(nil), salt...)
			}
		}
		return nil
	}); err != nil {
		return fmt.Errorf("store: read %s: %w", s.path, err)
	}
	if version > SchemaVersion {
		return fmt.Errorf("%w (file schema %d, this program %d)", ErrNewerSchema, version, SchemaVersion)
	}
	if ready && version == SchemaVersion {
		return nil
	}
	if s.opts.ReadOnly {
		return fmt.Errorf("store: %s needs an upgrade (schema %d → %d) and was opened read-only", s.path, version, SchemaVersion)
	}
	if isNew {
		return s.db.Update(func(tx *bolt.Tx) error {
			if err := createBuckets(tx); err != nil {
				return err
			}
			m := tx.Bucket(bucketMeta)
			if err := m.Put(metaSchema, u64(SchemaVersion)); err != nil {
				return err
			}
			s.salt = make([]byte, 16)
			if _, err := randRead(s.salt); err != nil {
				return err
			}
			return m.Put(metaSalt, s.salt)
		})
	}
	return s.migrate(version)
}

var randRead = rand.Read

func createBuckets(tx *bolt.Tx) error {
	for _, b := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	return nil
}

// Close releases the file, after the warming (Options.Warm) stopped.
func (s *Store) Close() error {
	if s.stopWarm != nil {
		close(s.stopWarm)
		<-s.warmDone
		s.stopWarm = nil
	}
	return s.db.Close()
}

// Path is the data file's location.
func (s *Store) Path() string { return s.path }

// Size is the data file's size in bytes.
func (s *Store) Size() (int64, error) {
	fi, err := os.Stat(s.path)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

// Sync forces the file to disk; bulk writers opened with NoSync call it
// before they report what they wrote as durable.
func (s *Store) Sync() error { return s.db.Sync() }

// migratedSteps lists the schema steps run when this Store was opened, and the
// copy made before them.
func (s *Store) migratedSteps() (steps []int, backup string) { return s.migrated, s.preBackup }

// BackupDir is where copies go: the option, else the folder in the settings,
// else "backups" beside the data file.
func (s *Store) BackupDir() string {
	if s.opts.BackupDir != "" {
		return s.opts.BackupDir
	}
	if st, err := s.Settings(); err == nil && st.BackupDir != "" {
		return st.BackupDir
	}
	return filepath.Join(filepath.Dir(s.path), "backups")
}

// Tx is a transaction. Read methods work in both kinds; write methods
// return bolt's ErrTxNotWritable in a View.
type Tx struct {
	tx    *bolt.Tx
	s     *Store
	now   time.Time
	names map[uint64]string // list names of the people saved in this transaction
	// buckets caches the bucket handles: a read transaction of bbolt looks
	// a bucket up again at each call.
	buckets map[string]*bolt.Bucket
	// settings are cached for numbering (numberSettings)
	settings *Settings
	// fti is the full-text index, opened on first use (fulltext.go)
	fti *fulltext.Index
	// deflate holds the records to deflate before the commit (compress.go)
	deflate deflateQueue
}

// Now is the moment this transaction started (the store's clock).
func (tx *Tx) Now() time.Time { return tx.now }

// View runs fn in a read-only transaction.
func (s *Store) View(fn func(tx *Tx) error) error {
	return s.db.View(func(btx *bolt.Tx) error {
		return fn(&Tx{tx: btx, s: s, now: s.now()})
	})
}

// Update runs fn in one write transaction: all it writes commits together,
// or nothing does when fn returns an error.
func (s *Store) Update(fn func(tx *Tx) error) error {
	return s.db.Update(func(btx *bolt.Tx) error {
		tx := &Tx{tx: btx, s: s, now: s.now()}
		if err := fn(tx); err != nil {
			tx.abandonDeflate()
			return err
		}
		if tx.ft().PendingCount() >= uint64(s.opts.FoldEvery) {
			if err := tx.ft().Fold(); err != nil {
				tx.abandonDeflate()
				return err
			}
		}
		return tx.deflatePending()
	})
}

// denseBuckets get keys mostly in ascending order, so their pages are
// filled almost full when they split, instead of bbolt's half.
var denseBuckets = map[string]bool{
	string(bucketPeople): true, string(bucketCases): true,
	string(bucketEvents): true, string(bucketTasks): true, string(bucketLetters): true,
	string(bucketAudit): true, string(ixCaseNo): true,
	string(ixVisitDay): true, string(ixPersonCase): true, string(ixCaseTask): true,
	string(ixCaseLetter): true, string(ftCol): true, string(ixCaseRow): true,
}

const denseFill = 1.0

func (tx *Tx) b(name []byte) *bolt.Bucket {
	if b, ok := tx.buckets[string(name)]; ok {
		return b
	}
	b := tx.tx.Bucket(name)
	if b == nil {
		return nil
	}
	if tx.tx.Writable() && denseBuckets[string(name)] {
		b.FillPercent = denseFill
	}
	if tx.buckets == nil {
		tx.buckets = make(map[string]*bolt.Bucket, 16)
	}
	tx.buckets[string(name)] = b
	return b
}

func (tx *Tx) writable() error {
	if !tx.tx.Writable() {
		return bolt.ErrTxNotWritable
	}
	return nil
}
