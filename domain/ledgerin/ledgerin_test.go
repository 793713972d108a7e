package ledgerin

import (
	"strings"
	"testing"
	"time"

	"laifang/domain/civil"
	"laifang/domain/dict"
)

func TestHeadersFindTheirFields(t *testing.T) {
	headers := []string{"序号", "来访人", "身份证号码（18位）", "手机", "登记日期", "反映问题", "问题分类", "*承办单位", "备注", "姓名"}
	got := Match(headers)
	want := []Field{"", Name, IDNumber, Phone, Date, Demand, Category, Unit, "", ""}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("column %q: got %q, want %q", headers[i], got[i], want[i])
		}
	}
	if m := Missing(got); len(m) != 0 {
		t.Errorf("missing %v", m)
	}
	if m := Missing([]Field{Name}); len(m) != 2 || m[0] != Date || m[1] != Demand {
		t.Errorf("a ledger of names only lacks %v", m)
	}
	for _, s := range []string{"demand", "诉求内容", "反映内容"} {
		if f, ok := Parse(s); !ok || f != Demand {
			t.Errorf("Parse(%q) = %q", s, f)
		}
	}
}

func TestDates(t *testing.T) {
	want := civil.D(2026, 3, 2)
	for _, s := range []string{"2026-03-02", "2026/3/2", "2026.3.2", "2026年3月2日", "2026-3-2 09:30", "20260302", "46083", "46083.375"} {
		if d, ok := ParseDate(s); !ok || d != want {
			t.Errorf("ParseDate(%q) = %v %v", s, d, ok)
		}
	}
	for _, s := range []string{"2026-02-30", "2026-13-01", "三月二日", "2026", ""} {
		if d, ok := ParseDate(s); ok {
			t.Errorf("ParseDate(%q) = %v, want refused", s, d)
		}
	}
}

func TestADateColumnShowsItsDates(t *testing.T) {
	if s := Shown(Date, "46083"); s != "2026-03-02" {
		t.Errorf("a serial day shows as %q", s)
	}
	if s := Shown(Present, "46083"); s != "46083" {
		t.Errorf("a number shows as %q", s)
	}
}

func TestNumbersASpreadsheetMade(t *testing.T) {
	for _, s := range []string{"1.30104195602204E+17", "1.30104195602204E+017", "130104195602204000", "130104195602204017.0"} {
		if NumberMangled(s) == nil {
			t.Errorf("%q not flagged", s)
		}
	}
	// A real number, even one ending in zeros with a right check character.
	for _, s := range []string{"11010519491231002X", "130104195602204017"} {
		if p := NumberMangled(s); p != nil {
			t.Errorf("%q flagged: %s", s, p.Message)
		}
	}
}

func rules() Rules {
	l := func(name string) dict.List { d, _ := dict.Default(name); return d }
	return Rules{Today: time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC), Types: l(dict.Type),
		Categories: l(dict.Category), Channels: l(dict.Channel), DefaultType: "其他", DefaultChannel: "走访",
		Limits: Limits{Name: 50, Short: 100, Line: 300, Text: 20000, Present: 100000}}
}

func TestRowProblems(t *testing.T) {
	ok := map[Field]string{Name: "王秀英", IDNumber: "11010519491231002X", Phone: "138 1234 5678", Date: "2026-03-02",
		Demand: "拖欠工资", Category: "劳动社保/工资拖欠", Present: "2"}
	e, ps := Check(ok, rules())
	if len(ps) != 0 {
		t.Fatalf("problems %v", ps)
	}
	if e.IDNumber != "11010519491231002X" || e.Phone != "13812345678" || e.Category != "07" || e.Category2 != "0701" ||
		e.Present != 2 || e.Type != "其他" || e.Channel != "走访" || e.Sex != "F" {
		t.Errorf("entry %+v", e)
	}
	for _, c := range []struct {
		f     Field
		v     string
		field Field
		code  string
	}{
		{Name, "", Name, "import.name"},
		{IDNumber, "110105194912310021", IDNumber, "import.idcard"},
		{IDNumber, "1.10105194912310E+17", IDNumber, "import.id_number"},
		{Phone, "12345", Phone, "import.phone"},
		{Date, "2026-02-30", Date, "import.date"},
		{Date, "2026-04-01", Date, "import.future"},
		{Category, "劳动保障", Category, "import.unknown"},
		{Type, "求助", Type, "import.unknown"},
		{Present, "三", Present, "import.present"},
	} {
		row := map[Field]string{}
		for k, v := range ok {
			row[k] = v
		}
		row[c.f] = c.v
		_, ps := Check(row, rules())
		if len(ps) != 1 || ps[0].Field != c.field || ps[0].Code != c.code || ps[0].Warning {
			t.Errorf("%s=%q: %+v", c.f, c.v, ps)
		}
	}
	// The clerk maps an unknown category to one of the list.
	row := map[Field]string{Name: "王秀英", Date: "2026-03-02", Demand: "x", Category: "劳动保障"}
	r := rules()
	r.Values = map[Field]map[string]string{Category: {"劳动保障": "07"}}
	if e, ps := Check(row, r); len(ps) != 0 || e.Category != "07" {
		t.Errorf("mapped: %+v %v", e, ps)
	}
}

func TestFingerprintIgnoresLayoutNotContent(t *testing.T) {
	a := map[Field]string{Name: "王秀英", Date: "2026-03-02", Demand: "拖欠  工资"}
	b := map[Field]string{Demand: " 拖欠 工资", Date: "2026-03-02", Name: "王秀英 "}
	if Fingerprint(a) != Fingerprint(b) {
		t.Error("the same row in another layout has another fingerprint")
	}
	c := map[Field]string{Name: "王秀英", Date: "2026-03-03", Demand: "拖欠 工资"}
	if Fingerprint(a) == Fingerprint(c) || len(Fingerprint(a)) != 32 || strings.Trim(Fingerprint(a), "0123456789abcdef") != "" {
		t.Error("another row, same fingerprint")
	}
}
