package app

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"testing"
	"time"

	"laifang/store"
)

// BenchmarkImportLedger imports an old ledger of 10,000 rows (the
// generator's people and matters, as ledgerRows writes them) into a new
// office on disk, synced as in use: the upload in 4 MB pieces, the dry run,
// then the import in batches of 500, each one transaction. Reports rows/s.
//
//	go test -run '^$' -bench ImportLedger -benchtime 3x ./app/
func BenchmarkImportLedger(b *testing.B) {
	const rows = 10000
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(ledgerHeader)
	w.WriteAll(ledgerRows(7, rows))
	data := buf.Bytes()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		c := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)}
		a := New(Options{Version: "bench", DataDir: b.TempDir(), Now: c.now})
		if err := a.Open(store.Options{NoDailyBackup: true, Now: c.now}); err != nil {
			b.Fatal(err)
		}
		setUp(b, a)
		s := a.bind(addUser(b, a, "clerk", RoleClerk, false)).Import
		b.StartTimer()
		start := time.Now()
		benchUpload(b, s, data)
		rep, err := s.Check(ImportMapping{})
		if err != nil || rep.Ready != rows {
			b.Fatalf("dry run: %d ready, %v", rep.Ready, err)
		}
		if _, err := s.Run(ImportMapping{}); err != nil {
			b.Fatal(err)
		}
		for {
			p, err := s.Progress()
			if err != nil {
				b.Fatal(err)
			}
			if p.Done {
				if p.Error != "" || p.Added != rows {
					b.Fatalf("import: %+v", p)
				}
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		total += time.Since(start)
		b.StopTimer()
		a.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(rows*b.N)/total.Seconds(), "rows/s")
	b.ReportMetric(float64(len(data))/1e6, "MB/file")
}

func benchUpload(b *testing.B, s *Import, data []byte) {
	for off := 0; off < len(data); off += maxImportPiece {
		end := min(off+maxImportPiece, len(data))
		if _, err := s.Upload(ImportUpload{Name: "ledger.csv", Size: len(data), Offset: off,
			Data: base64.StdEncoding.EncodeToString(data[off:end])}); err != nil {
			b.Fatal(err)
		}
	}
}
