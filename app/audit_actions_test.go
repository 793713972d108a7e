package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Every action written to the log is one of AuditActions (the viewer's
// filter and the UI's names): the app names them by the Action…
// constants, and the store's own entries use the same names.
func TestEveryAuditActionWrittenIsListed(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, dir := range []string{".", "cli", "../store"} {
		names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, n := range names {
			if strings.HasSuffix(n, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, n, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
	}
	// The constants' values, from their declarations.
	consts := map[string]string{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if vs, ok := n.(*ast.ValueSpec); ok {
				for i, id := range vs.Names {
					if strings.HasPrefix(id.Name, "Action") && i < len(vs.Values) {
						if lit, ok := vs.Values[i].(*ast.BasicLit); ok {
							consts[id.Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			}
			return true
		})
	}
	check := func(e ast.Expr) {
		where := fset.Position(e.Pos()).String()
		var name string
		switch x := e.(type) {
		case *ast.BasicLit:
			v, _ := strconv.Unquote(x.Value)
			if !strings.Contains(where, "store") {
				t.Errorf("%s: the action %q is written as a literal, not an Action constant", where, v)
			}
			if !slices.Contains(AuditActions, v) {
				t.Errorf("%s: the action %q is not in AuditActions", where, v)
			}
			return
		case *ast.Ident:
			name = x.Name
		case *ast.SelectorExpr:
			name = x.Sel.Name
		default:
			t.Errorf("%s: an action that is neither a constant nor a literal", where)
			return
		}
		if name == "action" {
			return // a variable: its assignments are checked
		}
		v, ok := consts[name]
		if !ok || !slices.Contains(AuditActions, v) {
			t.Errorf("%s: the action %s (%q) is not in AuditActions", where, name, v)
		}
	}
	calls := 0
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				if sel, ok := x.Fun.(*ast.SelectorExpr); ok {
					switch {
					case sel.Sel.Name == "edit" && len(x.Args) == 2:
						// Console.edit's change returns the action first.
						if fl, ok := x.Args[1].(*ast.FuncLit); ok {
							ast.Inspect(fl.Body, func(n ast.Node) bool {
								if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) == 2 {
									check(ret.Results[0])
								}
								return true
							})
						}
					case sel.Sel.Name == "audit" && len(x.Args) > 2:
						check(x.Args[2])
						calls++
					case sel.Sel.Name == "auditEntry" && len(x.Args) > 1:
						check(x.Args[1])
						calls++
					}
				}
			case *ast.CompositeLit:
				typ := ""
				switch tt := x.Type.(type) {
				case *ast.Ident:
					typ = tt.Name
				case *ast.SelectorExpr:
					typ = tt.Sel.Name
				}
				for _, el := range x.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok && typ == "AuditEntry" {
						if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Action" {
							check(kv.Value)
						}
					}
				}

			case *ast.AssignStmt:
				for i, l := range x.Lhs {
					id, ok := l.(*ast.Ident)
					if sel, isSel := l.(*ast.SelectorExpr); isSel && sel.Sel.Name == "Action" {
						id, ok = sel.Sel, true
					}
					if ok && (id.Name == "action" || id.Name == "Action") && len(x.Rhs) == len(x.Lhs) {
						check(x.Rhs[i])
					}
				}
			}
			return true
		})
	}
	if calls < 20 {
		t.Fatalf("found %d audit calls: the test no longer sees them", calls)
	}
	for _, a := range []string{ActionDispose, ActionDictEdit, ActionVisit} {
		if !slices.Contains(AuditActions, a) {
			t.Errorf("%s is written but not listed", a)
		}
	}
}
