// Package store keeps everything laifang saves in one bbolt file.
// It knows nothing of Wails, HTTP or the UI.
package store

import (
	"errors"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ErrLocked means another process holds the data file open.
var ErrLocked = errors.New("store: data file is in use by another program")

// ErrNotFound is returned when a record does not exist.
var ErrNotFound = errors.New("store: not found")

// Bucket names, all created at open.
var (
	bucketMeta = []byte("meta")
)

var allBuckets = [][]byte{bucketMeta}

// Options tune Open; the zero value is what the app uses.
type Options struct {
	// Timeout waits this long for the file lock (default 1 s) so that a
	// second program gets a clear error instead of a hang.
	Timeout time.Duration
	// NoSync skips fsync: tests and bulk generation only.
	NoSync bool
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Store is an open data file.
type Store struct {
	db   *bolt.DB
	path string
	now  func() time.Time
}

// Open opens or creates the data file at path.
func Open(path string, opts Options) (*Store, error) {
	if opts.Timeout == 0 {
		opts.Timeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.Timeout, NoSync: opts.NoSync})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, now: opts.Now}
	if err := db.Update(func(tx *bolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: init %s: %w", path, err)
	}
	return s, nil
}

// Close releases the file.
func (s *Store) Close() error { return s.db.Close() }

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
