//go:build !linux

package store_test

import "os"

// fdatasync is what bbolt calls elsewhere: fsync.
func fdatasync(f *os.File) error { return f.Sync() }
