//go:build !console

package main

import "golang.org/x/sys/windows"

// alert shows msg in a message box: laifang.exe is a GUI program whose
// standard error goes nowhere.
func alert(msg string) {
	text, err := windows.UTF16PtrFromString(msg)
	if err != nil {
		return
	}
	title, _ := windows.UTF16PtrFromString("来访接待")
	_, _ = windows.MessageBox(0, text, title, windows.MB_OK|windows.MB_ICONERROR)
}
