package app

import (
	"errors"
	"log/slog"
	"os"
	"time"

	"laifang/store"
)

// System answers what the office needs to know about the installation.
type System struct{ svc }

// SystemInfo describes the running program and its data file.
type SystemInfo struct {
	Version    string `json:"version"`
	DataPath   string `json:"dataPath"`
	DataSize   int64  `json:"dataSize"`
	BackupDir  string `json:"backupDir"`
	OfficeName string `json:"officeName"`
	UserName   string `json:"userName"`
	// CalendarWarning: a clock started today runs into a year the holiday
	// calendar does not cover (officeCalendarWarning); "" otherwise. The
	// home screen shows it.
	CalendarWarning string `json:"calendarWarning"`
}

// Info reports the version, the data file and where backups go.
func (s *System) Info() (SystemInfo, error) {
	act, st, err := s.gate("System.Info")
	if err != nil {
		return SystemInfo{}, err
	}
	size, err := st.Size()
	if err != nil {
		return SystemInfo{}, err
	}
	settings, err := st.Settings()
	if err != nil {
		return SystemInfo{}, err
	}
	var warning string
	err = st.View(func(tx *store.Tx) (err error) {
		warning, err = officeCalendarWarning(tx)
		return err
	})
	if err != nil {
		return SystemInfo{}, err
	}
	office := settings.OrgName
	if office == "" {
		office = "未设置单位名称"
	}
	return SystemInfo{
		Version:    s.app.opts.Version,
		DataPath:   st.Path(),
		DataSize:   size,
		BackupDir:  st.BackupDir(),
		OfficeName: office,
		UserName:   act.Name,

		CalendarWarning: warning,
	}, nil
}

// BackupCopy is a copy made on request: where it went, its size, when.
type BackupCopy struct {
	Path string `json:"path"`
	Size int64  `json:"size"`
	At   string `json:"at"` // RFC 3339
	// Warning: the copy is complete but something beside it is not (its
	// audit anchor could not be written).
	Warning string `json:"warning"`
}

// CodeBackupFailed: the copy could not be written (a full or missing
// backup folder); the data file is untouched.
const CodeBackupFailed = "backup.failed"

// Backup makes a hot copy of the data file into the backup folder now,
// while the program keeps running: laifang backup cannot read a file that
// the window or serve holds, so this is where an administrator makes one.
func (s *System) Backup() (BackupCopy, error) {
	act, st, err := s.gate("System.Backup")
	if err != nil {
		return BackupCopy{}, err
	}
	path, err := st.BackupNow()
	warning := ""
	if errors.Is(err, store.ErrAnchor) {
		slog.Error("backup anchor", "err", err)
		warning = "备份已完成，但审计锚点没有写入备份文件夹的 " + store.AnchorFileName +
			"：这份备份的审计日志条数和摘要无法留作日后核对。请检查该文件是否被设为只读或被其他程序占用。"
		err = nil
	}
	if err != nil {
		slog.Error("backup", "err", err)
		return BackupCopy{}, newError(CodeBackupFailed, "备份没有完成：无法写入备份文件夹 "+st.BackupDir()+
			"。请检查该文件夹（U 盘是否插好、空间是否足够）后重试。数据文件没有受影响。")
	}
	fi, err := os.Stat(path)
	if err != nil {
		return BackupCopy{}, err
	}
	if err := st.Update(func(tx *store.Tx) error {
		return s.audit(tx, act, ActionBackup, "file", 0, "备份到 "+path, "")
	}); err != nil {
		return BackupCopy{}, err
	}
	return BackupCopy{Path: path, Size: fi.Size(), At: fi.ModTime().Format(time.RFC3339), Warning: warning}, nil
}
