package fulltext

import "unsafe"

// unsafeString views b as a string without copying; b must outlive it and
// must not change (bbolt's read-only pages within a transaction).
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
