//go:build console

package main

import (
	"errors"
	"io/fs"

	"laifang/app"
)

// window in the console build (laifang-cli.exe, for cmd, PowerShell and
// scheduled tasks) has no Wails in it: it names the program that opens one.
func window(fs.FS) func(*app.App) error {
	return func(*app.App) error {
		return errors.New("laifang-cli 是命令行程序，没有窗口：请打开 laifang.exe（开始菜单“来访接待”），或用 laifang-cli help 查看命令。")
	}
}
