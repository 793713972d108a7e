package app

import (
	"os"
	"path/filepath"
	"strings"
)

// SaveDialog asks where to save a file, for a name the program proposes;
// "" when the person cancels. The window sets it (main.go: the operating
// system's save dialog through the Wails runtime): the window's web view
// does not save a page's downloads, so a file the page made (an Excel
// export, a .docx letter, the holidays' text) reaches the disk through
// Go. serve has none: a browser saves its own downloads.
type SaveDialog func(name string) (string, error)

// SetSaveDialog installs the window's save dialog.
func (a *App) SetSaveDialog(d SaveDialog) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.saveDialog = d
}

// SavedFile is where a file was saved; Path is "" when the person
// cancelled the dialog.
type SavedFile struct {
	Path string `json:"path"`
}

// maxSavedFile bounds what the page may hand Go to save (a ledger of
// 100,000 rows is about 10 MB as .xlsx).
const maxSavedFile = 200 << 20

// SaveFile asks where to save name and writes data there. Only the window
// has a dialog; a browser is told to save the download itself. What is
// saved was read by calls that checked the session's rights and audited
// the export; this only puts those bytes where the person chose.
func (s *System) SaveFile(name string, data []byte) (SavedFile, error) {
	if _, _, err := s.gate("System.SaveFile", named("name", name)); err != nil {
		return SavedFile{}, err
	}
	s.app.mu.RLock()
	dialog := s.app.saveDialog
	s.app.mu.RUnlock()
	if dialog == nil {
		return SavedFile{}, &Error{Code: CodeBadRequest, Message: "浏览器中请直接下载文件。"}
	}
	if len(data) > maxSavedFile {
		return SavedFile{}, &Error{Code: CodeBadRequest, Message: "文件过大，无法保存。"}
	}
	// A name, never a path: the dialog decides the folder.
	name = filepath.Base(strings.ReplaceAll(strings.TrimSpace(name), "\\", "/"))
	if name == "" || name == "." || name == "/" {
		name = "laifang"
	}
	path, err := dialog(name)
	if err != nil {
		return SavedFile{}, &Error{Code: CodeBadRequest, Message: "无法打开保存对话框：" + err.Error()}
	}
	if path == "" {
		return SavedFile{}, nil
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return SavedFile{}, &Error{Code: CodeBadRequest, Message: "文件未能保存：" + err.Error()}
	}
	return SavedFile{Path: path}, nil
}
