package letter

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"laifang/domain/civil"
)

// DefaultPattern is a kind's 文号 pattern until the office sets its own:
// the office's 机关代字, the kind's code, the year in 〔〕, the serial, 号
// (GB/T 9704 §7.2.4: X信受〔2026〕12号).
func DefaultPattern(k Kind) string { return "{code}" + k.Code + "〔{year}〕{n}号" }

// MaxPattern is the longest pattern accepted (characters).
const MaxPattern = 40

// CheckPattern refuses a 文号 pattern that would not give a proper
// number: it must hold the year in 〔〕 and the serial, the serial without
// zero padding and without 第, and nothing but {code}, {year}, {n} in
// braces.
func CheckPattern(p string) error {
	bad := func(msg string) error { return &Error{code: CodePattern, field: "pattern", message: msg} }
	switch {
	case strings.TrimSpace(p) == "":
		return bad("请填写文号格式，例如“{code}信受〔{year}〕{n}号”。")
	case utf8.RuneCountInString(p) > MaxPattern:
		return bad("文号格式太长（最多 " + strconv.Itoa(MaxPattern) + " 个字）。")
	case !strings.Contains(p, "〔{year}〕"):
		return bad("文号格式应含用六角括号括起的年份“〔{year}〕”。")
	case !strings.Contains(p, "{n}"):
		return bad("文号格式应含顺序号“{n}”（不编虚位，不加“第”字）。")
	case strings.Count(p, "{n}") > 1 || strings.Count(p, "{year}") > 1:
		return bad("年份和顺序号在文号格式中只能各出现一次。")
	case strings.Contains(p, "第"):
		return bad("文号的顺序号前不加“第”字。")
	}
	rest := strings.NewReplacer("{code}", "", "{year}", "", "{n}", "").Replace(p)
	if strings.ContainsAny(rest, "{}") {
		return bad("文号格式中只能使用 {code}（机关代字）、{year}（年份）和 {n}（顺序号）。")
	}
	if strings.ContainsAny(rest, "[]()（）") {
		return bad("文号的年份用六角括号“〔〕”，不用其他括号。")
	}
	return nil
}

// Format makes the number of a pattern: n 0 leaves the serial blank, as
// the greyed number of a preview ("测信受〔2026〕 号").
func Format(pattern, code string, year, n int) string {
	num := " "
	if n > 0 {
		num = strconv.Itoa(n)
	}
	return strings.NewReplacer("{code}", code, "{year}", strconv.Itoa(year), "{n}", num).Replace(pattern)
}

// Date is a date as letters write it: 2026年3月2日, no zero padding
// (GB/T 9704 §7.3.5.1); "" for no date.
func Date(d civil.Date) string {
	if d == 0 {
		return ""
	}
	return d.Chinese()
}
