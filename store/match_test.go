package store

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"laifang/store/fulltext"
)

func TestScanTextsReadsTheSearchableFieldsOnly(t *testing.T) {
	ev := Event{V: 1, Kind: EventRecord, At: 17, Text: `备注 "引号" <b>&amp;`,
		Visit:  &Visit{Place: "接待大厅", Channel: "走访", People: []uint64{1, 2}},
		Record: &Record{Statement: "陈述\n第二行：ＡＢＣ工资", QA: "问答\\反斜杠", RiskNotes: "不可检索的风险"}}
	js, err := json.Marshal(&ev)
	if err != nil {
		t.Fatal(err)
	}
	for term, want := range map[string]bool{`"引号"`: true, "<b>&amp;": true, "abc工资": true, "问答\\反": true,
		"第二行": true, "风险": false, "接待大厅": false, "走访": false, "record": false} {
		ts := fulltext.NewTerms([]string{term})
		if err := ts.Scan(js, eventTextKeys, eventRecordKey, recordTextKeys); err != nil {
			t.Fatal(err)
		}
		if got := ts.Left() == 0; got != want {
			t.Errorf("%q: found %v, want %v", term, got, want)
		}
	}
	c := Case{V: 1, No: "2026-000001", Title: "标题", Demand: "诉求", Facts: "事实", Reply: "答复", Accused: "被反映人",
		People: []CasePerson{{Person: 1, Role: "主信访人"}}}
	js, _ = json.Marshal(&c)
	for term, want := range map[string]bool{"标题": true, "诉求": true, "事实": true, "答复": true, "被反映人": false, "2026": false} {
		ts := fulltext.NewTerms([]string{term})
		if err := ts.Scan(js, caseTextKeys, nil, nil); err != nil {
			t.Fatal(err)
		}
		if got := ts.Left() == 0; got != want {
			t.Errorf("case %q: found %v, want %v", term, got, want)
		}
	}
	for _, bad := range []string{`{"ti":"x"`, `{"ti":}`, `{"ti" "x"}`, `[1]`, ``, `{"ti":"x"}junk`} {
		if err := fulltext.NewTerms([]string{"x"}).Scan([]byte(bad), caseTextKeys, nil, nil); err == nil && bad != `{"ti":}` {
			t.Errorf("%q: no error", bad)
		}
	}
}

// idCursor gives what Get gives for any descending run of IDs, near or far
// apart, over a bucket with gaps (deleted records) and keys of another
// length.
func TestIDCursorReadsAsGetDoes(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "c.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("cases"))
		if err != nil {
			return err
		}
		for id := uint64(1); id <= 3000; id++ {
			if id%7 == 3 || id > 1200 && id < 1260 {
				continue // gaps
			}
			if err := b.Put(u64(id), []byte(fmt.Sprint("case ", id))); err != nil {
				return err
			}
			if id%500 == 0 {
				if err := b.Put(append(u64(id), 'x'), []byte("not a case")); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("cases"))
		for run := 0; run < 50; run++ {
			ic := idCursor{c: b.Cursor()}
			id := 3100 - rng.Uint64N(200)
			for id > 0 {
				if got, want := ic.get(id), b.Get(u64(id)); string(got) != string(want) {
					t.Fatalf("run %d, id %d: %q, want %q", run, id, got, want)
				}
				gap := 1 + rng.Uint64N(40)
				if rng.IntN(10) == 0 {
					gap = 1 + rng.Uint64N(400)
				}
				if gap >= id {
					break
				}
				id -= gap
			}
		}
		return nil
	})
}
