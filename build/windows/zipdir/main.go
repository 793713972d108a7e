// Command zipdir zips what a folder holds into a new archive (the portable
// zip: the folder holds the one folder it unpacks into):
//
//	go run ./build/windows/zipdir OUT.zip DIR
package main

import (
	"archive/zip"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: zipdir OUT.zip DIR")
		os.Exit(2)
	}
	if err := zipDir(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "zipdir:", err)
		os.Exit(1)
	}
}

func zipDir(out, dir string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := zip.NewWriter(f)
	// AddFS names entries with slashes and flags non-ASCII names (说明.txt)
	// as UTF-8, which Windows' own unzip reads.
	err = w.AddFS(os.DirFS(dir))
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
