package app

import (
	"laifang/domain/dict"
	"laifang/store"
)

// What a case is, as every screen and form names it: its marks (集体访,
// 重大紧急 …), its content category, the detail of its disposal. The case
// view, today's visits and the printed 来访登记表 take them from here.

// The marks' names, as every screen, form and the ledger's filter show them.
const (
	MarkGroup      = "集体访"
	MarkRepeat     = "重复访"
	MarkSkipLevel  = "越级访"
	MarkLitigation = "涉法涉诉"
	MarkUrgent     = "重大紧急"
	MarkLeader     = "领导包案"
	MarkBacklog    = "积案"
)

// caseFlags are the marks of case c, in the order the 来访登记表 prints
// them; repeat tells whether what is shown (a visit, the case) counts as
// 重复访 (repeatVisit for a visit, the case's own mark in the case view).
func caseFlags(c *store.Case, repeat bool) []string {
	out := []string{}
	for _, f := range []struct {
		on    bool
		label string
	}{{c.Group, MarkGroup}, {repeat, MarkRepeat}, {c.SkipLevel, MarkSkipLevel}, {c.Litigation, MarkLitigation},
		{c.Urgent, MarkUrgent}, {IsConfidential(c), "检举保密"}, {c.LeaderCase, MarkLeader}, {c.Backlog, MarkBacklog}} {
		if f.on {
			out = append(out, f.label)
		}
	}
	return out
}

// repeatVisit tells whether visit v of case c is a 重复访: a later visit
// recorded on the case, or a case registered as a repeat (linked to an
// earlier case, or with the earlier petitions written down). The first
// visit of a case that others were later linked to was not a repeat when
// it was made.
func repeatVisit(c *store.Case, v *store.Visit) bool {
	return repeatOf(v.Repeat, c.Repeat, c.FirstCase != 0, c.Prior != "")
}

// repeatOf is repeatVisit from the flags alone (the statistics read them
// from the store's tallies): the visit's own mark, else the case marked a
// repeat and linked to an earlier case or with earlier petitions written.
func repeatOf(visit, caseRepeat, linked, prior bool) bool {
	return visit || (caseRepeat && (linked || prior))
}

// categoryLabel is the case's 内容分类 by the office's list: the labels of
// its levels, "一级 / 二级"; "" when the first is not in the list.
func categoryLabel(cat dict.List, c *store.Case) string {
	e, ok := cat.Lookup(c.Category)
	if !ok {
		return ""
	}
	out := e.Label
	for _, code := range []string{c.Category2, c.Category3} {
		if e, ok := cat.Lookup(code); ok {
			out += " / " + e.Label
		}
	}
	return out
}

// dispDetail is what goes with the case's disposal: the reason a petition
// was not accepted (by the office's list), the unit it was sent to, or the
// body it was pointed to (the case's own text, masked as caseText).
func dispDetail(tx *store.Tx, notAccepted dict.List, c *store.Case, identified bool) string {
	switch c.Disposal {
	case "不予受理", "不再受理":
		if e, ok := notAccepted.Lookup(c.DispReason); ok {
			return e.Label
		}
		return ""
	case "转送", "交办":
		return unitName(tx, c.Unit)
	}
	return caseText(identified, c.DispReason)
}

// unitName is the name of unit id, "" for none or one no longer on file.
func unitName(tx *store.Tx, id uint64) string {
	if id == 0 {
		return ""
	}
	if u, err := tx.Unit(id); err == nil {
		return u.Name
	}
	return ""
}
