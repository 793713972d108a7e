package store

import (
	"bytes"
	"slices"
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/civil"
)

// Every table names the indexes its records write, and no other: a record
// with every indexed field set writes only into its table's indexes, and
// reaches each of them; each classic index belongs to one table.
func TestTablesNameTheirIndexes(t *testing.T) {
	due := civil.D(2026, 3, 20)
	full := map[string]indexed{
		string(bucketPeople): &Person{Name: "张三", IDNumber: "11010519491231002X", Phones: []string{"13812345678"}},
		string(bucketCases): &Case{No: "2026-000001", Status: string(casestate.Accepted), Due: due, Unit: 2, AccusedUnit: 3, ArchiveNo: "2026-GD-0001",
			Todo: []string{"reply"}, ImportKey: "0123456789abcdef0123456789abcdef",
			People: []CasePerson{{Person: 1}}},
		string(bucketTasks):   &Task{Case: 1, ToUnit: 2, Due: due, Status: TaskWorking},
		string(bucketLetters): &Letter{Case: 1, No: "某信受〔2026〕1号"},
		string(bucketUsers):   &User{Login: "clerk1"},
		string(bucketWording): &Wording{},
	}
	owner := map[string]string{}
	for _, tb := range tables {
		rec, ok := full[string(tb.bucket)]
		if !ok {
			t.Fatalf("no test record for table %s", tb.bucket)
		}
		reached := map[string]bool{}
		for _, e := range rec.indexEntries(7, []byte("salt")) {
			if !slices.ContainsFunc(tb.indexes, func(ix []byte) bool { return bytes.Equal(ix, e.bucket) }) {
				t.Errorf("%s writes into %s, which its table does not name", tb.bucket, e.bucket)
			}
			reached[string(e.bucket)] = true
		}
		for _, ix := range tb.indexes {
			if !reached[string(ix)] {
				t.Errorf("%s names %s but writes nothing there", tb.bucket, ix)
			}
			if o, dup := owner[string(ix)]; dup {
				t.Errorf("%s is named by %s and %s", ix, o, tb.bucket)
			}
			owner[string(ix)] = string(tb.bucket)
			if indexSource[string(ix)] == nil || !bytes.Equal(indexSource[string(ix)].bucket, tb.bucket) {
				t.Errorf("indexSource of %s is not %s", ix, tb.bucket)
			}
		}
	}
	// The other indexes are checked by their own code: visits by day
	// (checkEvents), case rows (checkRows), the full text (checkFullText).
	others := [][]byte{ixVisitDay, ixVisitTally, ixCaseRow, ftPost, ftCol, ftPending}
	for _, ix := range indexBuckets {
		if owner[string(ix)] == "" && !slices.ContainsFunc(others, func(o []byte) bool { return bytes.Equal(o, ix) }) {
			t.Errorf("index %s is checked by nothing", ix)
		}
	}
}
