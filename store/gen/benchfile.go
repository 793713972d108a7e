package gen

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"
	"unicode"

	"laifang/store"
)

// BenchEnd is the last day of the benchmarks' generated office: its "today".
var BenchEnd = time.Date(2026, 11, 20, 17, 0, 0, 0, time.Local)

// BenchFile is the generated office the store's and the services'
// benchmarks share: LAIFANG_BENCH_VISITS visits (100000 unless set) in
// LAIFANG_BENCH_DIR (a temp folder unless set). It is made once, as
// `laifang gen` makes it, and kept; made tells how long that took (zero when
// the file was there).
func BenchFile() (path string, made time.Duration, err error) {
	n := 100000
	if v := os.Getenv("LAIFANG_BENCH_VISITS"); v != "" {
		if n, err = strconv.Atoi(v); err != nil {
			return "", 0, err
		}
	}
	dir := os.Getenv("LAIFANG_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "laifang-bench")
	}
	path = filepath.Join(dir, "laifang-"+strconv.Itoa(n)+".db")
	if _, err := os.Stat(path); err == nil {
		return path, 0, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", 0, err
	}
	// Made as `laifang gen` makes it (BenchmarkLoad times that), under
	// another name, so an interrupted run leaves no half file that the next
	// one would take for finished.
	tmp := path + ".making"
	os.Remove(tmp)
	start := time.Now()
	if _, err := Make(tmp, Options{Visits: n, Seed: 1, End: BenchEnd}); err != nil {
		return "", 0, err
	}
	if err := store.Compact(tmp); err != nil {
		return "", 0, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", 0, err
	}
	return path, time.Since(start), nil
}

// BenchPeople picks up to n people spread over the file for the benchmarks
// to look up: every 1913th, in passes from successive offsets, so a big file
// is sampled evenly and a small one still ends the loop.
func BenchPeople(tx *store.Tx, n int) []store.Person {
	var people []store.Person
	for start := uint64(1); len(people) < n && start <= 1913; start++ {
		for id := start; len(people) < n; id += 1913 {
			p, err := tx.Person(id)
			if err != nil {
				break
			}
			people = append(people, *p)
		}
	}
	return people
}

// BenchTerm picks a run of n Chinese characters from s at a random place
// (a search term for the benchmarks); "" when s has none.
func BenchTerm(rng *rand.Rand, s string, n int) string {
	r := []rune(s)
	if len(r) < n {
		return ""
	}
	for try := 0; try < 20; try++ {
		i := rng.IntN(len(r) - n + 1)
		if !slices.ContainsFunc(r[i:i+n], func(c rune) bool { return !unicode.Is(unicode.Han, c) }) {
			return string(r[i : i+n])
		}
	}
	return ""
}
