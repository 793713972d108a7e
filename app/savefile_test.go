package app

import (
	"os"
	"path/filepath"
	"testing"
)

// In the window a file the page made is saved where the person chooses in
// the save dialog, under the name proposed (never a path the page gave);
// a cancelled dialog saves nothing; in a browser (no dialog) the page is
// told to download it itself; no one saves before signing in.
func TestAFileIsSavedWhereThePersonChooses(t *testing.T) {
	a, _ := testApp(t)
	if _, err := a.System.SaveFile("台账.xlsx", []byte("x")); err == nil {
		t.Errorf("an office not set up saves a file")
	}
	setUp(t, a)
	if _, err := a.System.SaveFile("台账.xlsx", []byte("x")); code(err) != CodeBadRequest {
		t.Errorf("without a dialog (serve): %v", err)
	}
	dir := t.TempDir()
	var asked []string
	chosen := ""
	a.SetSaveDialog(func(name string) (string, error) {
		asked = append(asked, name)
		return chosen, nil
	})
	// cancelled
	if got, err := a.System.SaveFile("台账.xlsx", []byte("x")); err != nil || got.Path != "" {
		t.Errorf("cancelled: %+v %v", got, err)
	}
	chosen = filepath.Join(dir, "2026年台账.xlsx")
	got, err := a.System.SaveFile("../../etc/台账.xlsx", []byte("PK\x03\x04 the workbook"))
	if err != nil || got.Path != chosen {
		t.Fatalf("saved: %+v %v", got, err)
	}
	if b, _ := os.ReadFile(chosen); string(b) != "PK\x03\x04 the workbook" {
		t.Errorf("the file holds %q", b)
	}
	if asked[len(asked)-1] != "台账.xlsx" {
		t.Errorf("the dialog proposed %q", asked[len(asked)-1])
	}
}
