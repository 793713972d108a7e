package store

import (
	"bytes"
	"testing"

	"github.com/klauspost/compress/zstd"
)

var sampleCase = []byte(`{"v":1,"no":"2017-000002","ch":"走访","rcv":1484400288,"reg":1484400288,"rby":3,"ti":"土地承包经营权纠纷","dm":"请求确认土地承包经营权，并解决宅基地界址争议","fr":"2014年6月，集体土地出租收益未分配，为此村委会重新调整承包地，期间耕地地力保护补贴未发放，曾向有关部门反映过。","ty":"申诉求决","cat":"12","np":1,"dsp":"受理","acc":17185,"u":8,"out":"不予支持","rpl":"已督促用人单位支付拖欠款项","srv":17227,"st":"CLOSED","cl":17227,"pp":[{"p":5,"r":"主信访人","c":true}],"nv":1}`)

func TestSqueezeRoundTrip(t *testing.T) {
	for _, js := range [][]byte{sampleCase, []byte(`{"v":1}`), bytes.Repeat([]byte(`{"a":"工资"}`), 100)} {
		z := squeeze(js)
		back, err := unsqueeze(z)
		if err != nil || !bytes.Equal(back, js) {
			t.Fatalf("round trip failed: %v", err)
		}
	}
	if z := squeeze(sampleCase); len(z) >= len(sampleCase)*3/4 {
		t.Errorf("case value %d → %d bytes: the dictionary does not help", len(sampleCase), len(z))
	}
}

func BenchmarkSqueeze(b *testing.B) {
	for i := 0; i < b.N; i++ {
		squeeze(sampleCase)
	}
}

func BenchmarkUnsqueeze(b *testing.B) {
	z := squeeze(sampleCase)
	for i := 0; i < b.N; i++ {
		unsqueeze(z)
	}
}

// Deflated values (format 0x01, schemas 1 to 3) stay readable, and a zstd
// value names dictionary 2, the one it needs.
func TestOldFormatsStayReadable(t *testing.T) {
	d := deflate1(sampleCase)
	if d[0] != formatDeflate1 {
		t.Fatal("deflate1 did not deflate")
	}
	back, err := unsqueeze(d)
	if err != nil || !bytes.Equal(back, sampleCase) {
		t.Fatalf("deflated value: %v", err)
	}
	z := squeeze(sampleCase)
	if z[0] != formatZstd2 {
		t.Fatalf("squeeze wrote format %#x", z[0])
	}
	var h zstd.Header
	if err := h.Decode(z[1:]); err != nil || !h.HasFCS || h.DictionaryID != 2 {
		t.Fatalf("zstd header %+v: %v", h, err)
	}
	if len(z) >= len(d) {
		t.Errorf("zstd %d bytes, deflate %d", len(z), len(d))
	}
}
