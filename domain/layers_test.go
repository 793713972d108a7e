package domain_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Imports point one way: frontend → app → store → domain. The rule
// packages import nothing of the project but each other; store imports
// none of app. Tests may reach further (a rule's test may compare with the
// generator's data).
// (docs/ARCHITECTURE.md, "The rooms".)
func TestImportsPointOneWay(t *testing.T) {
	for _, c := range []struct {
		dir       string
		forbidden []string
	}{
		{".", []string{"laifang/app", "laifang/store"}},
		{"../store", []string{"laifang/app"}},
	} {
		err := filepath.WalkDir(c.dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			for _, im := range f.Imports {
				p, _ := strconv.Unquote(im.Path.Value)
				for _, bad := range c.forbidden {
					if p == bad || strings.HasPrefix(p, bad+"/") {
						t.Errorf("%s imports %s", path, p)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
