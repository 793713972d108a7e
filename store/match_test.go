package store

import (
	"encoding/json"
	"testing"

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
