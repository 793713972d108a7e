package app

import (
	"strings"
	"testing"

	"laifang/store"
)

func TestClassifySearchTellsWhatWasTyped(t *testing.T) {
	for in, want := range map[string]string{
		"2026-000002":          SearchCaseNo,
		"000002":               SearchCaseNo,
		"12":                   SearchCaseNo,
		"110101199003071235":   SearchIDNumber,
		"110101 19900307 1235": SearchIDNumber,
		"11010119900307123x":   SearchIDNumber,
		"1101011990030712345":  SearchText,
		"110101900307123":      SearchIDNumber,
		"13812345678":          SearchPhone,
		"138-1234-5678":        SearchPhone,
		"010-62345678":         SearchPhone,
		"王建国":                  SearchName,
		"欧阳娜娜":                 SearchName,
		"王":                    SearchText,
		"拖欠农民工工资":              SearchText,
		"拖欠 工资":                SearchText,
		"3号楼":                  SearchText,
	} {
		if got := classifySearch(in); got != want {
			t.Errorf("%q: %s, want %s", in, got, want)
		}
	}
}

// rowMatch is the row of case id in a list and its first match.
func rowMatch(l CaseList, id uint64) (CaseListRow, bool) {
	for _, r := range l.Rows {
		if r.ID == id {
			return r, true
		}
	}
	return CaseListRow{}, false
}

// marked is what a match's spans mark of its text.
func marked(m CaseMatch) []string {
	r := []rune(m.Text)
	var out []string
	for _, s := range m.Spans {
		out = append(out, string(r[s.Start:s.End]))
	}
	return out
}

func TestCaseSearchFindsByNumberNameIDAndPhoneAndSaysWhy(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	reader := a.bind(addUser(t, a, "reader", RoleReader, false)).Cases
	c1, _ := intakeOne(t, a, wang(), store.Case{Title: "某建筑公司拖欠农民工工资", Demand: "要求支付拖欠工资", Type: "申诉求决"}, "老板一直不给工资")
	c2, _ := intakeOne(t, a, store.Person{Name: "王建军", IDNumber: "110101198501011234"},
		store.Case{Title: "邻居噪音扰民", Type: "申诉求决"}, "楼上装修噪音")
	st, _ := a.store()
	c, err := st.Case(c1)
	if err != nil {
		t.Fatal(err)
	}
	serial := c.No[strings.LastIndex(c.No, "-")+1:]
	for _, tc := range []struct {
		text, kind, field, mark string
		want, not               uint64
	}{
		{c.No, SearchCaseNo, MatchNo, c.No, c1, c2},
		{serial, SearchCaseNo, MatchNo, serial, c1, c2},
		{"王建国", SearchName, MatchName, "王建国", c1, c2},
		{"110101199003071235", SearchIDNumber, MatchIDNumber, "110101********1235", c1, c2},
		{"138 1234 5678", SearchPhone, MatchPhone, "138****5678", c1, c2},
		{"拖欠 工资", SearchText, MatchTitle, "拖欠", c1, c2},
	} {
		l, err := reader.List(CaseListQuery{Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		if l.Kind != tc.kind {
			t.Errorf("%q: kind %s, want %s", tc.text, l.Kind, tc.kind)
		}
		r, ok := rowMatch(l, tc.want)
		if !ok || len(r.Match) == 0 {
			t.Errorf("%q: case %d not found: %+v", tc.text, tc.want, l.Rows)
			continue
		}
		if _, ok := rowMatch(l, tc.not); ok {
			t.Errorf("%q also found case %d", tc.text, tc.not)
		}
		m := r.Match[0]
		if m.Field != tc.field || len(marked(m)) == 0 || marked(m)[0] != tc.mark {
			t.Errorf("%q: matched %+v (marks %q), want %s %q", tc.text, m, marked(m), tc.field, tc.mark)
		}
		if l.Total < len(l.Rows) {
			t.Errorf("%q: total %d for %d rows", tc.text, l.Total, len(l.Rows))
		}
	}
	// A name's first characters find everyone whose name begins so, the
	// typed part marked.
	l, err := reader.List(CaseListQuery{Text: "王建"})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rowMatch(l, c1); !ok {
		t.Errorf("王建: %+v", l.Rows)
	}
	if r, ok := rowMatch(l, c2); !ok || r.Match[0].Field != MatchName || marked(r.Match[0])[0] != "王建" || r.Match[0].Text != "王建军" {
		t.Errorf("王建: %+v", r)
	}
}

func TestNumberMatchMarksTheSerialTyped(t *testing.T) {
	for typed, want := range map[string]string{"2": "2", "000002": "000002", "2026-000002": "2026-000002"} {
		if got := marked(numberMatch("2026-000002", typed)); len(got) != 1 || got[0] != want {
			t.Errorf("%q: %q", typed, got)
		}
	}
}

func TestExcerptKeepsTheMarkedWords(t *testing.T) {
	m := textMatch(MatchFacts, strings.Repeat("甲", 50)+"拖欠工资"+strings.Repeat("乙", 50), []string{"拖欠"})
	e := excerpt(m, 20)
	if got := marked(e); len(got) != 1 || got[0] != "拖欠" || len([]rune(e.Text)) > 22 {
		t.Errorf("%+v %q", e, got)
	}
}
