package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The version a clerk reads is the release's (VERSION), the same the
// Windows installer and the frontend package carry; a commit is only a
// suffix.
func TestTheVersionIsTheReleaseWithTheCommitAsASuffix(t *testing.T) {
	semver := regexp.MustCompile(`^\d+\.\d+\.\d+$`)
	rel := strings.TrimSpace(release)
	if !semver.MatchString(rel) {
		t.Fatalf("VERSION %q is not a release version like 0.1.0", rel)
	}
	var wails struct {
		Info struct {
			ProductVersion string `json:"productVersion"`
		} `json:"info"`
	}
	var pkg struct {
		Version string `json:"version"`
	}
	for file, v := range map[string]any{"wails.json": &wails, "frontend/package.json": &pkg} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatal(err)
		}
	}
	if wails.Info.ProductVersion != rel || pkg.Version != rel {
		t.Errorf("VERSION %s, wails.json %s, frontend/package.json %s: keep them equal", rel, wails.Info.ProductVersion, pkg.Version)
	}
	defer func(c string) { commit = c }(commit)
	commit = ""
	if version() != rel {
		t.Errorf("a tagged build: %q", version())
	}
	commit = "4272030"
	if version() != rel+"+4272030" {
		t.Errorf("a build from a commit: %q", version())
	}
}
