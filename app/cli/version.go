package cli

import (
	"encoding/json"
	"strings"
)

// VersionOf is what `laifang version` and the settings show: the release
// (wails.json's info.productVersion, e.g. 0.1.0), and for a build from a
// commit that is not the release's tag, the commit as a suffix
// (0.1.0+4272030).
func VersionOf(wailsJSON []byte, commit string) string {
	var w struct {
		Info struct {
			ProductVersion string `json:"productVersion"`
		} `json:"info"`
	}
	v := "0.0.0"
	if json.Unmarshal(wailsJSON, &w) == nil && strings.TrimSpace(w.Info.ProductVersion) != "" {
		v = strings.TrimSpace(w.Info.ProductVersion)
	}
	if commit != "" {
		v += "+" + commit
	}
	return v
}
