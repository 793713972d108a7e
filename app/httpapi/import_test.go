package httpapi

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"laifang/app"
	"laifang/store/gen"
)

// In serve mode the ledger comes over HTTP in pieces under the request
// cap: a ledger of 50,000 rows (the generator's people and matters, about
// 20 MB as CSV) arrives whole, every piece answered 200.
func TestALedgerOf50000RowsUploadsOverHTTP(t *testing.T) {
	srv := realServer(t)
	admin := newClient(t, srv)
	if code, out, _ := admin.call("/api/Auth/Setup", setup); code != 200 {
		t.Fatalf("setup: %d %v", code, out)
	}
	if code, out, _ := admin.call("/api/Users/Save", `[{"login":"clerk","name":"登记员","role":"clerk","active":true,"password":"Clerk-2026-x"}]`); code != 200 {
		t.Fatalf("clerk: %d %v", code, out)
	}
	clerk := newClient(t, srv)
	if code, out, _ := clerk.call("/api/Auth/Login", `["clerk","Clerk-2026-x"]`); code != 200 {
		t.Fatalf("login: %d %v", code, out)
	}
	const rows = 50000
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"序号", "姓名", "身份证号码", "联系电话", "来访日期", "诉求内容", "内容分类"})
	g := gen.New(3)
	day := time.Date(2020, 1, 2, 9, 0, 0, 0, time.Local)
	for i := 0; i < rows; i++ {
		p := g.Person()
		at := day.AddDate(0, 0, i%2000)
		m := g.Matter(at)
		w.Write([]string{strconv.Itoa(i + 1), p.Name, p.IDNumber, p.Phones[0], at.Format("2006-01-02"), m.Demand + "。" + m.Facts, m.Category.Label})
	}
	w.Flush()
	data := b.Bytes()
	const piece = 4 << 20
	if len(data) < 2*piece {
		t.Fatalf("the ledger is %d bytes: too small to need pieces", len(data))
	}
	var last map[string]any
	for off := 0; off < len(data); off += piece {
		end := min(off+piece, len(data))
		body, _ := json.Marshal([]app.ImportUpload{{Name: "台账.csv", Size: len(data), Offset: off,
			Data: base64.StdEncoding.EncodeToString(data[off:end])}})
		if len(body) >= MaxRequestBytes {
			t.Fatalf("a piece is %d bytes, over the cap", len(body))
		}
		code, out, _ := clerk.call("/api/Import/Upload", string(body))
		if code != 200 {
			t.Fatalf("piece at %d: %d %v", off, code, out)
		}
		last = out
	}
	if last["complete"] != true || last["rows"] != float64(rows) {
		t.Errorf("after the last piece: complete %v, rows %v", last["complete"], last["rows"])
	}
}
