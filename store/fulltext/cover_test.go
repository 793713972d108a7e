package fulltext

import (
	"slices"
	"testing"
)

func TestLongTermsAreLookedUpByTheFewestBigramsThatCoverThem(t *testing.T) {
	for q, want := range map[string][]string{
		"违章建筑":   {"违章", "建筑"},
		"宅基地":    {"宅基", "基地"},
		"abcde":  {"ab", "cd", "de"},
		"工资":     {"工资"},
		"a-宅基地":  {"a", "宅基", "基地"},
		"哈哈哈":    {"哈哈"},
		"2019年":  {"20", "19", "9年"},
		"医疗费用报销": {"医疗", "费用", "报销"},
	} {
		ts := parseQuery(q)
		if len(ts) != 1 || !slices.Equal(ts[0].cover, want) {
			t.Errorf("%s: cover %v, want %v", q, ts[0].cover, want)
		}
	}
}
