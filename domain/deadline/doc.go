// Package deadline computes the statutory clocks of a petition case (信访
// 事项) from the dates on the case: the acceptance notice, the objection to
// a matter sent down, handling, the extension, review and recheck.
//
// Why a package of its own: a deadline is a legal fact the office is held
// to (信访工作条例 art. 44 makes a missed notice an accountability ground),
// so it is computed in one place, from data, never typed in by hand, and it
// is tested against the worked examples of docs/DOMAIN.md §4.6.
//
// The counting rules (docs/DOMAIN.md §4.1):
//   - "日" in the regulation is a calendar day; working days are written as
//     such ("5个工作日", art. 23 para 3), so each time limit says which it is.
//   - The start day is not counted (民法典 art. 201): a period of N days
//     from day S ends on day S+N.
//   - A period that ends on a rest day ends on the next working day
//     (民法典 art. 203, applied by analogy). This is the legal due date.
//   - Offices that count conservatively ignore the roll-forward; that is the
//     internal target, shown beside the legal date.
//   - Rest days are weekends and the State Council's public holidays, except
//     the 调休 weekend days that are working days: a Calendar the office edits.
//
// The package is pure: no clock, no store. The caller passes today's date.
package deadline
