package store

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// defaultBackupKeep is how many daily copies the rotation keeps.
const defaultBackupKeep = 30

// Backup writes a consistent copy of the whole file to w while the store
// stays in use (a hot copy through a read transaction).
func (s *Store) Backup(w io.Writer) (int64, error) {
	var n int64
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}

// BackupTo writes a hot copy to path through a temporary file, synced and
// renamed into place, so that path is either the old file or a whole copy.
func (s *Store) BackupTo(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".laifang-backup-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	h := sha256.New()
	if _, err := s.Backup(io.MultiWriter(tmp, h)); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// The checksum beside the copy (sha256sum's format) lets restore tell a
	// copy damaged on a USB stick before it opens it.
	sum := fmt.Sprintf("%x  %s\n", h.Sum(nil), filepath.Base(path))
	if err := os.WriteFile(path+".sha256", []byte(sum), 0o600); err != nil {
		return err
	}
	// The chain's head goes outside the file too (anchor.go).
	anchorErr := s.writeAnchor(path)
	syncDir(filepath.Dir(path))
	return anchorErr
}

// manualBackupName is the file name of a copy made on request at t
// (laifang backup, 设置 → 备份); the rotation of the daily copies leaves it
// alone.
func manualBackupName(t time.Time) string {
	return dailyPrefix + t.Format("20060102-150405") + dailySuffix
}

// BackupNow makes a hot copy in the backup folder, named for the moment
// (manualBackupName), and returns its path.
// Two copies within one second get -2, -3…: a second click never replaces
// the first copy.
func (s *Store) BackupNow() (string, error) {
	name := manualBackupName(s.now())
	path := filepath.Join(s.BackupDir(), name)
	for n := 2; ; n++ {
		if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
			break
		}
		path = filepath.Join(s.BackupDir(), strings.TrimSuffix(name, dailySuffix)+"-"+strconv.Itoa(n)+dailySuffix)
	}
	return path, s.BackupTo(path)
}

// verifySum compares a copy with the checksum written beside it, if any.
func verifySum(path string) error {
	want, err := os.ReadFile(path + ".sha256")
	if errors.Is(err, os.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	if fields := strings.Fields(string(want)); len(fields) == 0 || fields[0] != fmt.Sprintf("%x", h.Sum(nil)) {
		return fmt.Errorf("%w: %s does not match its checksum: it was damaged after it was made", ErrBadBackup, filepath.Base(path))
	}
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

const dailyPrefix, dailySuffix = "laifang-", ".db"

// dailyBackupName is the file name of the automatic copy made on day t.
func dailyBackupName(t time.Time) string {
	return dailyPrefix + t.Format("2006-01-02") + dailySuffix
}

func isDailyName(name string) bool {
	if !strings.HasPrefix(name, dailyPrefix) || !strings.HasSuffix(name, dailySuffix) {
		return false
	}
	_, err := time.Parse("2006-01-02", strings.TrimSuffix(strings.TrimPrefix(name, dailyPrefix), dailySuffix))
	return err == nil
}

// backupError is the error of the daily copy at open, if it failed (a USB
// stick that is not plugged in); the store is open all the same.
func (s *Store) backupError() error { return s.backupErr }

// backupToday makes today's copy in the backup folder unless it is there,
// then keeps only the newest copies (Settings.BackupKeep, default 30). It
// returns the copy's path, or "" when today's copy already existed.
func (s *Store) backupToday() (string, error) {
	dir := s.BackupDir()
	keep := defaultBackupKeep
	if st, err := s.Settings(); err == nil && st.BackupKeep > 0 {
		keep = st.BackupKeep
	}
	path := filepath.Join(dir, dailyBackupName(s.now()))
	if _, err := os.Stat(path); err == nil {
		return "", nil
	}
	if err := s.BackupTo(path); err != nil {
		return "", fmt.Errorf("store: daily backup to %s failed: %w", dir, err)
	}
	return path, rotate(dir, keep)
}

func (s *Store) dailyBackup() (string, error) {
	p, err := s.backupToday()
	s.backupErr = err
	return p, nil
}

// rotate deletes the oldest daily copies in dir beyond keep. Other files,
// such as the copies made before an upgrade, are left alone.
func rotate(dir string, keep int) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range ents {
		if !e.IsDir() && isDailyName(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for len(names) > keep {
		if err := os.Remove(filepath.Join(dir, names[0])); err != nil {
			return err
		}
		os.Remove(filepath.Join(dir, names[0]+".sha256"))
		names = names[1:]
	}
	return nil
}

// ErrBadBackup means a copy failed its check and was not restored.
var ErrBadBackup = errors.New("store: the copy failed its check and was not restored")

// Restore checks the copy at src and only then puts it in place of dst,
// which must not be open anywhere. The replaced file is kept beside dst; its
// path is returned. The check is the checksum beside the copy, when there
// is one, then verify on a temp copy beside dst (VerifyFile when nil):
// bbolt's pages, the schema version, every index and the audit chain. A copy
// from an older version is upgraded on the way in. When a is not nil it is
// appended to the copy's audit log before the copy goes in place (who
// restored, from which file), so the restored file itself tells that it
// was restored; a refused restore writes it nowhere, leaves dst as it was
// and no temp file behind.
func Restore(src, dst string, opts Options, a *AuditEntry, verify Verifier) (replaced string, report *Report, err error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if verify == nil {
		verify = VerifyFile
	}
	if err := verifySum(src); err != nil {
		return "", nil, err
	}
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", nil, err
	}
	sweepRestoreTemps(dir, opts.Now())
	tmp, err := os.CreateTemp(dir, restoreTempPattern)
	if err != nil {
		return "", nil, err
	}
	tmpPath := tmp.Name()
	defer os.Remove(tmpPath)
	in, err := os.Open(src)
	if err != nil {
		tmp.Close()
		return "", nil, err
	}
	_, err = io.Copy(tmp, in)
	in.Close()
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", nil, err
	}
	o := opts
	o.NoDailyBackup = true
	o.ReadOnly = false
	if o.BackupDir == "" {
		o.BackupDir = filepath.Join(dir, "backups")
	}
	// The copy is verified (and upgraded) as the temp file, so that what is
	// checked is what goes in place.
	report, err = verify(tmpPath, o)
	if err != nil {
		return "", report, err
	}
	if !report.OK() {
		return "", report, ErrBadBackup
	}
	if a != nil {
		s, err := Open(tmpPath, o)
		if err != nil {
			return "", report, err
		}
		if a.Action == "" {
			a.Action = "restore"
		}
		err = s.AppendAudit(a)
		if cerr := s.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "", report, err
		}
	}
	// dst must not be in use.
	if _, err := os.Stat(dst); err == nil {
		if inUse(dst) {
			return "", report, ErrLocked
		}
		replaced = dst + ".replaced-" + opts.Now().Format("20060102-150405")
		if err := os.Rename(dst, replaced); err != nil {
			return "", report, err
		}
	}
	if err := os.Rename(tmpPath, dst); err != nil {
		if replaced != "" {
			os.Rename(replaced, dst)
		}
		return "", report, err
	}
	syncDir(dir)
	return replaced, report, nil
}

const restoreTempPattern = ".laifang-restore-*"

// sweepRestoreTemps removes the temp copies a restore killed outright (power
// cut, kill -9) left in dir; a day old, so that no running restore loses its
// own.
func sweepRestoreTemps(dir string, now time.Time) {
	old, _ := filepath.Glob(filepath.Join(dir, restoreTempPattern))
	for _, p := range old {
		if fi, err := os.Stat(p); err == nil && now.Sub(fi.ModTime()) > 24*time.Hour {
			os.Remove(p)
		}
	}
}

// inUse tells whether another program holds the file at path. It takes
// bbolt's lock read-only: the file being replaced is often a damaged one,
// and a writable open would read its free list, where bbolt may panic.
func inUse(path string) (held bool) {
	defer func() { recover() }()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return errors.Is(err, bolt.ErrTimeout)
	}
	closeQuietly(db)
	return false
}
