package store

import (
	"strconv"
	"strings"
)

// Buckets of this file (created at open, listed in store.go).
var (
	bucketSeq = []byte("seq")
)

// defaultCaseNoPattern makes numbers like 2026-000123.
const defaultCaseNoPattern = "{year}-{n:06}"

func (tx *Tx) bump(key string) (uint64, error) {
	if err := tx.writable(); err != nil {
		return 0, err
	}
	b := tx.b(bucketSeq)
	n := getU64(b.Get([]byte(key))) + 1
	return n, b.Put([]byte(key), u64(n))
}

// nextCaseNo takes the next case number of the year, formatted by the
// settings' pattern. A number once taken is never given again.
func (tx *Tx) nextCaseNo(year int) (string, error) {
	n, err := tx.bump("case/" + strconv.Itoa(year))
	if err != nil {
		return "", err
	}
	st, err := tx.numberSettings()
	if err != nil {
		return "", err
	}
	p := st.CaseNoPattern
	if p == "" {
		p = defaultCaseNoPattern
	}
	return formatNo(p, st.OrgCode, "", year, n), nil
}

// formatNo fills a number pattern: {code} the office's code, {type} the
// letter type, {year}, {n} the serial, {n:06} the serial zero-padded.
func formatNo(pattern, code, docType string, year int, n uint64) string {
	r := strings.NewReplacer("{code}", code, "{type}", docType, "{year}", strconv.Itoa(year))
	s := r.Replace(pattern)
	for {
		i := strings.Index(s, "{n")
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		spec := s[i+2 : i+j]
		num := strconv.FormatUint(n, 10)
		if strings.HasPrefix(spec, ":0") {
			if w, err := strconv.Atoi(spec[2:]); err == nil && len(num) < w {
				num = strings.Repeat("0", w-len(num)) + num
			}
		}
		s = s[:i] + num + s[i+j+1:]
	}
	return s
}
