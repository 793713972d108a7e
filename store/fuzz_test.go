package store

import (
	"bytes"
	"encoding/json"
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/civil"
)

// Every decoder of bytes the store reads from the file takes any bytes
// without a panic: a damaged value gives an error, and a value that
// decodes encodes back to the same bytes. (The full text's decoders have
// their own in store/fulltext.)

func FuzzDecodeRecord(f *testing.F) {
	c := Case{V: 1, No: "2026-000001", Title: "拖欠工资", Demand: "请求支付拖欠的工资", Status: string(casestate.Accepted),
		Received: 1767225600, Due: civil.D(2026, 3, 20), People: []CasePerson{{Person: 3, Role: "主信访人", Contact: true}}}
	js, _ := json.Marshal(&c)
	f.Add(js)
	f.Add(squeeze(js))
	f.Add(deflate1(js))
	mp, _ := c.MarshalMsg(nil)
	f.Add(mp)
	f.Add(squeeze(mp))
	f.Add([]byte{formatZstd2, 0x28, 0xb5, 0x2f, 0xfd})
	f.Add([]byte{formatDeflate1, 0xff})
	f.Fuzz(func(t *testing.T, raw []byte) {
		if _, err := unsqueeze(raw); err != nil {
			if _, err := decodeRecord[Case](7, raw); err == nil {
				t.Fatal("a value that does not decompress decoded")
			}
			return
		}
		for _, dec := range []func() error{
			func() error { _, err := decodeRecord[Case](7, raw); return err },
			func() error { _, err := decodeRecord[Person](7, raw); return err },
			func() error { _, err := decodeRecord[Event](7, raw); return err },
			func() error { _, err := decodeRecord[User](7, raw); return err },
		} {
			_ = dec() // any error, no panic
		}
	})
}

func FuzzDecodeCaseRow(f *testing.F) {
	r := makeRow(&Case{No: "2026-000001", Title: "拖欠工资", Type: "申诉求决", Category: "劳动",
		Status: string(casestate.Closed), Received: 1767225600, Due: civil.D(2026, 3, 20), Unit: 3}, "张三")
	f.Add(r.encode())
	f.Add([]byte{rowFormat1, 0, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, raw []byte) {
		row, err := decodeRow(9, raw)
		if err != nil {
			return
		}
		again, err := decodeRow(9, row.encode())
		if err != nil || again != row {
			t.Fatalf("%x decodes to %+v, which encodes to a row read back as %+v (%v)", raw, row, again, err)
		}
	})
}

func FuzzDecodePersonRow(f *testing.F) {
	p := Person{Name: "阿依·古丽", Sex: "F", Birth: civil.D(1980, 1, 1), Created: 1767225600, Anonymous: true}
	f.Add(personRowOf(&p).encode())
	f.Add([]byte{personRowFormat1, 0xff, 0x80})
	f.Fuzz(func(t *testing.T, raw []byte) {
		row, err := decodePersonRow(9, raw)
		if err != nil {
			return
		}
		if again := row.encode(); !bytes.Equal(again, raw) {
			if back, err := decodePersonRow(9, again); err != nil || back != row {
				t.Fatalf("%x decodes to %+v, which does not read back (%v)", raw, row, err)
			}
		}
	})
}

// Keys: an index key of any length gives an ID without a panic.
func FuzzKeys(f *testing.F) {
	f.Add(cat([]byte("张三\x00"), u64(12)))
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, k []byte) {
		_ = getU64(k)
		_ = getU32(k)
		if len(k) >= 8 {
			if id := getU64(k[len(k)-8:]); !bytes.Equal(u64(id), k[len(k)-8:]) {
				t.Fatalf("id %d of %x", id, k)
			}
		}
	})
}
