package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"laifang/app"
)

// PortableMarker beside the executable keeps the data beside it too (a
// "green" install on a USB stick).
const PortableMarker = "laifang.portable"

func dataFile(dir string) string { return filepath.Join(dir, app.DataFileName) }

// resolveDataDir picks the data folder: --data, then a portable install
// (the marker beside exe), then the OS user data folder. It creates the folder.
func resolveDataDir(flagDir, exe string) (string, error) {
	dir := flagDir
	if dir == "" && exe != "" {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			if _, err := os.Stat(filepath.Join(filepath.Dir(real), PortableMarker)); err == nil {
				dir = filepath.Dir(real)
			}
		}
	}
	if dir == "" {
		var err error
		if dir, err = userDataDir(); err != nil {
			return "", err
		}
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("无法创建数据文件夹 %s：%w", dir, err)
	}
	return dir, nil
}

// userDataDir is the per-user application data folder of the OS.
func userDataDir() (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin":
		base, err := os.UserConfigDir() // %AppData%, ~/Library/Application Support
		if err != nil {
			return "", err
		}
		return filepath.Join(base, "laifang"), nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "laifang"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", errors.New("找不到用户主文件夹，请用 --data 指定数据文件夹")
	}
	return filepath.Join(home, ".local", "share", "laifang"), nil
}
