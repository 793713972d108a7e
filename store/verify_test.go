package store_test

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"laifang/store"
)

// rootPage is the page of the root bucket the current meta page points at,
// and the page size (bbolt's meta layout: a 16-byte page header, then
// magic, version, page size, flags, root pgid and sequence, freelist pgid,
// high water mark, txid).
func rootPage(t *testing.T, raw []byte) (pgid, size int) {
	t.Helper()
	size = int(binary.LittleEndian.Uint32(raw[16+8:]))
	var txid uint64
	for i := range 2 {
		m := raw[i*size+16:]
		if tx := binary.LittleEndian.Uint64(m[48:]); tx >= txid {
			txid, pgid = tx, int(binary.LittleEndian.Uint64(m[16:]))
		}
	}
	return pgid, size
}

// A data file whose root page is garbage is refused at Open with
// ErrDamaged (the window and serve say so in words) instead of crashing
// the program, and the file is left as it was.
func TestOpenOfADamagedFileSaysDamaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "laifang.db")
	s := office(t, 50, store.Options{})
	if err := s.BackupTo(path); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	root, size := rootPage(t, raw)
	for i := range size {
		raw[root*size+i] = byte(i*7 + 3)
	}
	os.WriteFile(path, raw, 0o600)
	for _, ro := range []bool{false, true} {
		_, err := store.Open(path, store.Options{NoDailyBackup: true, ReadOnly: ro})
		if !errors.Is(err, store.ErrDamaged) {
			t.Errorf("read-only %v: open of a damaged file: %v", ro, err)
		}
	}
	if after, _ := os.ReadFile(path); string(after) != string(raw) {
		t.Error("opening the damaged file changed it")
	}
	// A file that is not bbolt's at all is damaged too, not an internal error.
	other := filepath.Join(t.TempDir(), "laifang.db")
	os.WriteFile(other, make([]byte, 3*size), 0o600)
	if _, err := store.Open(other, store.Options{NoDailyBackup: true}); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("open of a file of zeros: %v", err)
	}
}

// VerifyFile passes a sound file and counts its audit log; the wire form
// of its report keeps what a child process found.
func TestVerifyFilePassesASoundFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "laifang.db")
	s := office(t, 50, store.Options{})
	if err := s.BackupTo(path); err != nil {
		t.Fatal(err)
	}
	r, err := store.VerifyFile(path, store.Options{})
	if err != nil || !r.OK() || r.Counts["visits"] != 50 || r.Counts["audit"] == 0 {
		t.Fatalf("verify of a sound file: %v %+v", err, r)
	}
	if _, err := store.VerifyFile(filepath.Join(t.TempDir(), "none.db"), store.Options{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("verify of a missing file: %v", err)
	}
}
