// Package followup holds the rules of what a case needs after
// registration (docs/DOMAIN.md §4, §5): which clocks run in its state and
// what the office owes it next (the home screen's work queue). They are
// pure functions of Facts, so the app, the generator and the tests read a
// case the same way.
package followup

import (
	"laifang/domain/casestate"
	"laifang/domain/civil"
)

// Facts are what the follow-up rules read of a case. store.Case.Facts
// builds them from a stored case; the app adds what lives elsewhere (the
// open 交办 task's due date).
type Facts struct {
	State      casestate.State
	Type       string // 建议意见/检举控告/申诉求决/咨询/其他
	RealName   bool   // a real-name report (实名检举)
	Simplified bool   // 简易办理
	Incoming   bool   // sent down by another body (转送/交办 in)
	SenderDue  civil.Date
	Received   civil.Date
	Accepted   civil.Date
	Resumed    civil.Date // work started again after 责令重新办理

	NoticeServed civil.Date // the disposal's notice served
	ExtDays      int        // the approved extension of the handling clock
	ExtOn        civil.Date // the day it was approved
	AssignedDue  civil.Date // the date on the open 交办单 (its extension included)

	Outcome      string     // 予以支持/解释说明/不予支持
	Replied      civil.Date // the reply issued
	Served       civil.Date // the reply served
	Satisfaction string
	Implemented  civil.Date // 执行落实 of a supported reply done

	ReviewAsked   civil.Date
	ReviewServed  civil.Date
	RecheckAsked  civil.Date
	RecheckServed civil.Date
	HearingDays   int

	Closed civil.Date
	// ResultTold: a real-name reporter was told the result (stops K2).
	ResultTold civil.Date
}

// HandlingStart is the day the handling period (办理期限) counts from: the
// acceptance, or the day work started again after 复查/复核 ordered the
// matter redone (责令重新办理), which opens a new period.
func (f Facts) HandlingStart() civil.Date {
	return max(f.Accepted, f.Resumed)
}

// Extension is the extension in force on the handling period: one
// granted in the current period (art. 34 allows one per period). An
// extension granted before a redo belongs to the period that ended.
func (f Facts) Extension() int {
	if f.ExtDays > 0 && f.Resumed != 0 && f.ExtOn < f.Resumed {
		return 0
	}
	return f.ExtDays
}
