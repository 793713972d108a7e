package fulltext

import (
	"slices"
	"testing"
)

// A term is looked up by the fewest grams that reach every character: the
// trigrams of a run of three or more, the pair of a run of two.
func TestLongTermsAreLookedUpByTheFewestGramsThatCoverThem(t *testing.T) {
	for q, want := range map[string][]string{
		"违章建筑":   {"违章建", "章建筑"},
		"宅基地":    {"宅基地"},
		"abcde":  {"abc", "cde"},
		"工资":     {"工资"},
		"a-宅基地":  {"a", "宅基地"},
		"哈哈哈":    {"哈哈哈"},
		"2019年":  {"201", "19年"},
		"医疗费用报销": {"医疗费", "用报销"},
		"工资-拖欠":  {"工资", "拖欠"},
	} {
		ts := parseQuery(q)
		if len(ts) != 1 || !slices.Equal(ts[0].cover, want) {
			t.Errorf("%s: cover %v, want %v", q, ts[0].cover, want)
		}
	}
}

// Up to three letters or digits, a term is its gram and no case is read to
// check it; anything longer or with other characters is checked.
func TestTermsOfUpToThreeCharactersAreNotVerified(t *testing.T) {
	for q, want := range map[string]bool{
		"宅": false, "工资": false, "宅基地": false, "abc": false,
		"违章建筑": true, "a-宅": true, "2019年": true, "宅基地。": true,
	} {
		ts := parseQuery(q)
		if len(ts) != 1 || ts[0].verify != want {
			t.Errorf("%s: verified %v, want %v", q, ts[0].verify, want)
		}
	}
}
