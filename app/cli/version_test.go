package cli

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"
)

// The version a clerk reads is the release's, the one the Windows
// installer (wails.json) and the frontend package carry; a commit is only
// a suffix.
func TestTheVersionIsTheReleaseWithTheCommitAsASuffix(t *testing.T) {
	raw, err := os.ReadFile("../../wails.json")
	if err != nil {
		t.Fatal(err)
	}
	rel := VersionOf(raw, "")
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(rel) {
		t.Fatalf("wails.json's productVersion %q is not a release version like 0.1.0", rel)
	}
	var pkg struct {
		Version string `json:"version"`
	}
	b, err := os.ReadFile("../../frontend/package.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.Version != rel {
		t.Errorf("wails.json %s, frontend/package.json %s: keep them equal", rel, pkg.Version)
	}
	if v := VersionOf(raw, "4272030"); v != rel+"+4272030" {
		t.Errorf("a build from a commit: %q", v)
	}
}
