// Package petitioner names the petitioners' roles on a case (信访人身份,
// the codes of dict.Role) — apart from the staff's roles, which are the
// app's — and the rules that read them (docs/DOMAIN.md).
package petitioner

// The petitioners' roles.
const (
	Main           = "主信访人"
	Representative = "代表" // of a group visit, at most 5 (art. 20 para 3)
	Companion      = "随访人"
	Agent          = "代理人"
	Cosigner       = "联名人" // signs the petition without coming
)

// Present tells whether a person of role counts as present at the visit
// (来访人数): everyone but co-signers.
func Present(role string) bool { return role != Cosigner }

// MainOf picks the main petitioner among n people — the one a list, the
// home screen and the repeat panel show for a case: the first 主信访人,
// else the first contact, else the first. at(i) tells person i's role,
// whether he is the case's contact, and ok false for an empty slot to
// skip. It returns -1 when there is no one.
func MainOf(n int, at func(i int) (role string, contact, ok bool)) int {
	first, contact := -1, -1
	for i := 0; i < n; i++ {
		role, c, ok := at(i)
		if !ok {
			continue
		}
		if role == Main {
			return i
		}
		if first < 0 {
			first = i
		}
		if c && contact < 0 {
			contact = i
		}
	}
	if contact >= 0 {
		return contact
	}
	return first
}
