package fulltext

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"laifang/domain/civil"

	"github.com/RoaringBitmap/roaring/v2"
)

// Every decoder of bytes the index reads from the file takes any bytes
// without a panic: a damaged file gives an error (or an empty answer),
// and what decodes is what was encoded.

func FuzzDecodeDoc(f *testing.F) {
	d := NewDoc(civil.D(2026, 3, 2), []string{FacetAll, FacetStatus + "ACCEPTED"}, []string{"拖欠工资", "ＡＢＣ 2019年"})
	f.Add(d.Encode())
	f.Add([]byte{0, 1, 2, 3, 'x'})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := DecodeDoc(b)
		var v Doc
		errView := decodeDocView(&v, b)
		if (err == nil) != (errView == nil) {
			t.Fatalf("DecodeDoc %v, view %v", err, errView)
		}
		if err != nil {
			return
		}
		if v.Day != d.Day || v.Text != d.Text || !slices.Equal(v.Facets, d.Facets) {
			t.Fatalf("view %+v, copy %+v", v, d)
		}
		if !bytes.Equal(d.Encode(), b) {
			t.Fatalf("%x decodes to %+v, which encodes to %x", b, d, d.Encode())
		}
	})
}

func FuzzDecodePosting(f *testing.F) {
	bm := roaring.BitmapOf(1, 2, 3, 70000&0xffff, 65535)
	bm.RunOptimize()
	raw, _ := bm.ToBytes()
	f.Add(raw)
	big := roaring.New()
	big.AddRange(0, 40000)
	raw2, _ := big.ToBytes()
	f.Add(raw2)
	f.Add([]byte{0x3b, 0x30, 0, 0, 1, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := decodePosting(b)
		c := roaring.New()
		errCopy := unmarshalPosting(c, b)
		if err != nil || errCopy != nil {
			return // damaged: an error, no panic
		}
		_ = cardinality(b)
		if v.GetCardinality() != c.GetCardinality() {
			t.Fatalf("view has %d, copy %d", v.GetCardinality(), c.GetCardinality())
		}
	})
}

func FuzzColumn(f *testing.F) {
	f.Add(buildColumn(map[uint32]uint16{3: 9000, 7: 9100}), uint32(7))
	f.Add([]byte{1}, uint32(0))
	f.Fuzz(func(t *testing.T, b []byte, id uint32) {
		c := column(b)
		lo, hi := c.bounds()
		if len(b) < 4 && (lo != 0 || hi != 0) {
			t.Fatalf("bounds %d %d of %d bytes", lo, hi, len(b))
		}
		_ = c.day(id)
	})
}

// The scanner takes any bytes; on JSON that encoding/json wrote it finds a
// term exactly when one of the listed keys' strings holds it.
func FuzzScan(f *testing.F) {
	f.Add([]byte(`{"ti":"拖欠工资","x":{"ti":"no"},"rec":{"st":"宅基地"}}`), "宅基地")
	f.Add([]byte(`{"ti":"\u62d6\u6b20","n":[1,2,{"a":null}],"b":true,"rec":"st"}`), "拖欠")
	f.Add([]byte(`{"ti":"x"`), "x")
	top, nestedKey, nested := [][]byte{[]byte("ti")}, []byte("rec"), [][]byte{[]byte("st")}
	f.Fuzz(func(t *testing.T, js []byte, term string) {
		_ = NewTerms([]string{Norm(term)}).Scan(js, top, nestedKey, nested) // no panic
		var m map[string]any
		if term == "" || json.Unmarshal(js, &m) != nil {
			return
		}
		canon, err := json.Marshal(m)
		if err != nil {
			return
		}
		ts := NewTerms([]string{Norm(term)})
		if err := ts.Scan(canon, top, nestedKey, nested); err != nil {
			t.Fatalf("cannot scan encoding/json's own %s: %v", canon, err)
		}
		want := false
		if s, ok := m["ti"].(string); ok && strings.Contains(Norm(s), Norm(term)) {
			want = true
		}
		if r, ok := m["rec"].(map[string]any); ok {
			if s, ok := r["st"].(string); ok && strings.Contains(Norm(s), Norm(term)) {
				want = true
			}
		}
		if got := ts.Left() == 0; got != want {
			t.Fatalf("%s: term %q found %v, want %v", canon, term, got, want)
		}
	})
}

// plainTerms is the tokenizer written plainly: every letter or digit, then
// every two and every three neighbouring ones that end with it.
func plainTerms(s string) []string {
	var out []string
	var run []int // starts of the run's characters so far
	for i, r := range s {
		if !isWord(r) {
			run = run[:0]
			continue
		}
		end := i + utf8.RuneLen(r)
		run = append(run, i)
		for n := 1; n <= 3 && n <= len(run); n++ {
			out = append(out, s[run[len(run)-n]:end])
		}
	}
	return out
}

// eachGram gives the terms the files' bitmaps hold, in the same order, and
// marks lone exactly the characters with no letter or digit beside them.
func FuzzEachGram(f *testing.F) {
	for _, s := range []string{"a-宅基地", "2019年，拖欠工资", "哈哈哈", "x", "", "ab cd", "医疗费用报销"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = Norm(s) // what the index tokenizes
		var got []string
		eachGram(s, func(g string, start, n int, lone bool) {
			got = append(got, g)
			if s[start:start+len(g)] != g || n != utf8.RuneCountInString(g) {
				t.Fatalf("%q: gram %q at %d (%d characters)", s, g, start, n)
			}
			if n == 1 {
				before, _ := utf8.DecodeLastRuneInString(s[:start])
				after, _ := utf8.DecodeRuneInString(s[start+len(g):])
				alone := !(start > 0 && isWord(before)) && !(start+len(g) < len(s) && isWord(after))
				if lone != alone {
					t.Fatalf("%q: %q at %d lone %v, alone %v", s, g, start, lone, alone)
				}
			} else if lone {
				t.Fatalf("%q: %q marked lone", s, g)
			}
		})
		if want := plainTerms(s); !slices.Equal(got, want) {
			t.Fatalf("%q: terms %q, the index's %q", s, got, want)
		}
	})
}
