package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Compact rewrites the data file at path with every page filled and no
// free page, through a temporary file beside it and an atomic rename: a
// crash part-way leaves the file as it was. The file must not be open.
//
// A bulk load (laifang gen, an import) leaves thousands of free pages: each
// big transaction frees the old copy of every page it changed. bbolt
// writes the whole free list at every commit, so on such a file each save
// writes a hundred kilobytes more than it needs; a file that grew one
// visit at a time has a short free list, and so has a compacted one.
func Compact(path string) error {
	src, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return ErrLocked
		}
		return fmt.Errorf("store: open %s: %w", path, err)
	}
	defer src.Close()
	tmp := path + ".compacting"
	os.Remove(tmp)
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{NoSync: true, FreelistType: bolt.FreelistArrayType})
	if err != nil {
		return fmt.Errorf("store: compact %s: %w", path, err)
	}
	err = bolt.Compact(dst, src, 64<<20)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("store: compact %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}
