package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"laifang/store"
)

func TestInfoReportsTheDataFile(t *testing.T) {
	dir := t.TempDir()
	a := New(Options{Version: "1.2.3", DataDir: dir})
	if err := a.Open(store.Options{NoSync: true}); err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	setUp(t, a)
	info, err := a.System.Info()
	if err != nil {
		t.Fatal(err)
	}
	if info.Version != "1.2.3" || info.DataPath != filepath.Join(dir, DataFileName) || info.DataSize == 0 ||
		info.BackupDir != filepath.Join(dir, "backups") || info.OfficeName != "某某镇人民政府" || info.UserName != "王管理" {
		t.Errorf("info: %+v", info)
	}
}

func TestServicesExplainAFileHeldElsewhere(t *testing.T) {
	dir := t.TempDir()
	held, err := store.Open(filepath.Join(dir, DataFileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	a := New(Options{DataDir: dir})
	if err := a.Open(store.Options{Timeout: 100e6, NoDailyBackup: true}); !errors.Is(err, store.ErrLocked) {
		t.Fatalf("open: %v", err)
	}
	_, err = a.System.Info()
	if e := AsError(err); e.Code != CodeStoreLocked || e.Message == "" {
		t.Errorf("Info on a held file: %+v", e)
	}
	// The other program closes the file; the next call opens it.
	held.Close()
	if st, err := a.Auth.State(); err != nil || !st.SetupNeeded {
		t.Errorf("State after the file was released: %+v %v", st, err)
	}
	a.Close()
}

func TestAsErrorHidesInternalDetail(t *testing.T) {
	e := AsError(fmt.Errorf("wrap: %w", errors.New("open /home/x/secret: permission denied")))
	if e.Code != CodeInternal || e.Message != "系统内部错误，请重试；如果仍然出错，请联系管理员。" {
		t.Errorf("got %+v", e)
	}
	mine := &Error{Code: "idcard.checksum", Message: "身份证号校验位不正确", Field: "idNumber"}
	if got := AsError(fmt.Errorf("ctx: %w", mine)); got != mine {
		t.Errorf("wrapped app error lost: %+v", got)
	}
}

func TestInfoShowsTheOfficeAndBackupFolderFromSettings(t *testing.T) {
	dir := t.TempDir()
	a := New(Options{DataDir: dir})
	if err := a.Open(store.Options{NoSync: true, NoDailyBackup: true}); err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	setUp(t, a)
	st, _ := a.store()
	settings, err := st.Settings()
	if err != nil {
		t.Fatal(err)
	}
	settings.OrgName = "某某镇人民政府"
	settings.BackupDir = filepath.Join(dir, "u盘")
	if err := st.SaveSettings(settings); err != nil {
		t.Fatal(err)
	}
	info, err := a.System.Info()
	if err != nil {
		t.Fatal(err)
	}
	if info.OfficeName != "某某镇人民政府" || info.BackupDir != settings.BackupDir {
		t.Errorf("info: %+v", info)
	}
}

func TestFormatErrorIsTheJSONTheWindowParses(t *testing.T) {
	got := FormatError(fmt.Errorf("open: %w", store.ErrLocked))
	s, ok := got.(string)
	if !ok {
		t.Fatalf("got %T, want a string: the Wails runtime turns objects into [object Object]", got)
	}
	var e Error
	if err := json.Unmarshal([]byte(s), &e); err != nil || e.Code != CodeStoreLocked || !strings.Contains(e.Message, "数据文件正被另一个程序使用") {
		t.Errorf("got %q (%v)", s, err)
	}
}

// An administrator backs up from the running program, which holds the
// file: the copy lands in the backup folder, verifies whole, and the log
// says who made it and where it went. A clerk may not.
func TestAdminBacksUpFromTheRunningProgram(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	got, err := a.System.Backup()
	if err != nil {
		t.Fatal(err)
	}
	info, _ := a.System.Info()
	if filepath.Dir(got.Path) != info.BackupDir || got.Size <= 0 || got.At == "" {
		t.Errorf("backup: %+v (backup folder %s)", got, info.BackupDir)
	}
	r, err := store.VerifyFile(got.Path, store.Options{})
	if err != nil || !r.OK() {
		t.Errorf("the copy does not verify: %v %+v", err, r)
	}
	rows, err := a.Audit.List(AuditQuery{Action: "backup"})
	if err != nil || len(rows.Rows) != 1 || !strings.Contains(rows.Rows[0].Summary, got.Path) || rows.Rows[0].UserName != "王管理" {
		t.Errorf("audit of the backup: %+v %v", rows, err)
	}
	clerk := a.bind(addUser(t, a, "clerk", RoleClerk, false)).System
	if _, err := clerk.Backup(); code(err) != CodeForbidden {
		t.Errorf("a clerk's backup: %v", err)
	}
}

// Two clicks of 立即备份 within one second make two copies, and a copy
// whose anchor line cannot be written is still reported, with a warning.
func TestTwoBackupsInOneSecondAndAMissingAnchor(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	first, err := a.System.Backup()
	if err != nil {
		t.Fatal(err)
	}
	if first.Warning != "" {
		t.Errorf("a sound backup warns: %q", first.Warning)
	}
	// The anchor file turned into a folder: the line cannot be appended.
	anchors := filepath.Join(filepath.Dir(first.Path), store.AnchorFileName)
	if err := os.Remove(anchors); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(anchors, 0o700); err != nil {
		t.Fatal(err)
	}
	second, err := a.System.Backup()
	if err != nil {
		t.Fatalf("a complete copy without its anchor is refused: %v", err)
	}
	if second.Path == first.Path {
		t.Fatalf("the second copy replaced the first: %s", second.Path)
	}
	if !strings.Contains(second.Warning, "审计锚点") {
		t.Errorf("no warning of the missing anchor: %+v", second)
	}
	for _, p := range []string{first.Path, second.Path} {
		if r, err := store.VerifyFile(p, store.Options{}); err != nil || !r.OK() {
			t.Errorf("%s does not verify: %v %+v", p, err, r)
		}
	}
}

// A damaged data file at startup is reported in words that point to
// laifang restore, not as an internal error.
func TestADamagedDataFileIsReportedInWords(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, DataFileName), make([]byte, 3*4096), 0o600); err != nil {
		t.Fatal(err)
	}
	a := New(Options{DataDir: dir})
	err := a.Open(store.Options{NoDailyBackup: true})
	if e := AsError(err); e.Code != CodeDamaged || !strings.Contains(e.Message, "laifang restore") {
		t.Fatalf("open of a damaged file: %v → %+v", err, e)
	}
	if _, err := a.System.Info(); code(err) != CodeDamaged {
		t.Errorf("Info on a damaged file: %v", err)
	}
}
