package letter

import (
	"embed"
)

//go:embed builtin/*.txt
var builtinFS embed.FS

// Builtin is the built-in template text of a kind (docs/DOMAIN.md §12.1):
// what an office starts with and what "reset" goes back to.
func Builtin(key string) string {
	b, err := builtinFS.ReadFile("builtin/" + key + ".txt")
	if err != nil {
		return ""
	}
	return string(b)
}
