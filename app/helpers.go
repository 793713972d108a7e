package app

import (
	"laifang/domain/casestate"
	"laifang/store"
)

// Small helpers shared by the services.

// sexLabel is a stored sex ("M", "F") in Chinese.
func sexLabel(s string) string {
	switch s {
	case "M":
		return "男"
	case "F":
		return "女"
	}
	return ""
}

// isDigits tells whether s is exactly n ASCII digits.
func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// clip shortens text for an audit summary.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// statusLabel is a case status's Chinese name (the status itself when
// unknown).
func statusLabel(st string) string {
	if l, ok := casestate.Labels[casestate.State(st)]; ok {
		return l
	}
	return st
}

// userNames maps the staff's IDs to their names.
func userNames(tx *store.Tx) map[uint64]string {
	names := map[uint64]string{}
	if us, err := tx.Users(); err == nil {
		for _, u := range us {
			names[u.ID] = u.Name
		}
	}
	return names
}

// unitNames maps the departments' IDs to their names.
func unitNames(units []store.Unit) map[uint64]string {
	names := make(map[uint64]string, len(units))
	for _, u := range units {
		names[u.ID] = u.Name
	}
	return names
}
