// Package confidential decides which cases hide their petitioners'
// identity (保密件, docs/DOMAIN.md): decided once, when a case is written,
// and stored on the case (store.Case.Confidential); every reader reads the
// stored flag.
package confidential

// TypeReport is the case type (事项类别) whose reporter is always
// protected: 检举控告 (信访工作条例 art. 30 para 3).
const TypeReport = "检举控告"

// Case tells whether a case is confidential as it is written: every
// 检举控告, any case the clerk marked 保密 (marked), and any case that
// links a whistle-blower — a person already on a confidential case — whom
// it must hide too (whistleBlower; the app decides whether the session
// may waive that).
func Case(caseType string, marked, whistleBlower bool) bool {
	return marked || caseType == TypeReport || whistleBlower
}
