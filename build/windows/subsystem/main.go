// Command subsystem checks the Windows subsystem of executables, so that the
// build catches a laifang.exe that opens a console window or a
// laifang-cli.exe that prints nowhere (-H windowsgui):
//
//	go run ./build/windows/subsystem build/bin/laifang.exe=gui build/bin/laifang-cli.exe=console
package main

import (
	"debug/pe"
	"fmt"
	"os"
	"strings"
)

var subsystems = map[string]uint16{
	"gui":     pe.IMAGE_SUBSYSTEM_WINDOWS_GUI,
	"console": pe.IMAGE_SUBSYSTEM_WINDOWS_CUI,
}

func main() {
	failed := false
	for _, arg := range os.Args[1:] {
		if err := check(arg); err != nil {
			fmt.Fprintln(os.Stderr, "subsystem:", err)
			failed = true
		}
	}
	if failed || len(os.Args) < 2 {
		os.Exit(1)
	}
}

func check(arg string) error {
	path, name, _ := strings.Cut(arg, "=")
	want, ok := subsystems[name]
	if !ok {
		return fmt.Errorf("%s: want gui or console after =", arg)
	}
	f, err := pe.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var got uint16
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		got = h.Subsystem
	case *pe.OptionalHeader32:
		got = h.Subsystem
	default:
		return fmt.Errorf("%s: no optional header", path)
	}
	if got != want {
		return fmt.Errorf("%s: subsystem %d, want %d (%s)", path, got, want, name)
	}
	fmt.Printf("%s: %s\n", path, name)
	return nil
}
