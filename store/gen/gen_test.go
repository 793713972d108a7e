package gen

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestIDNumbersAreValid(t *testing.T) {
	g := New(7)
	for i := 0; i < 1000; i++ {
		p := g.Person()
		id := p.IDNumber
		if len(id) != 18 || id[17] != IDCheckChar(id[:17]) {
			t.Fatalf("bad ID number check character in person %d", i)
		}
		b, err := time.Parse("20060102", id[6:14])
		if err != nil || b.Year() < 1945 || b.Year() > 2004 {
			t.Fatalf("impossible birth date in person %d", i)
		}
		male := (id[16]-'0')%2 == 1
		if male != (p.Sex == "M") {
			t.Fatalf("sex digit disagrees with sex in person %d", i)
		}
		if len(p.Phones) != 1 || len(p.Phones[0]) != 11 || p.Phones[0][0] != '1' || p.Phones[0][1] < '3' {
			t.Fatalf("bad phone in person %d", i)
		}
		if utf8.RuneCountInString(p.Name) < 2 {
			t.Fatalf("short name in person %d", i)
		}
	}
}

func TestIDCheckCharKnownValue(t *testing.T) {
	// GB 11643-1999's own example.
	if c := IDCheckChar("11010519491231002"); c != 'X' {
		t.Fatalf("got %c, want X", c)
	}
}

func TestMatterLength(t *testing.T) {
	g := New(3)
	total := 0
	const n = 2000
	for i := 0; i < n; i++ {
		m := g.Matter(2024)
		total += utf8.RuneCountInString(m.Title + m.Demand + m.Facts)
		if !strings.HasPrefix(m.Demand, "请求") {
			t.Fatal("demand should start with 请求")
		}
	}
	avg := total / n
	t.Logf("average request text: %d characters", avg)
	if avg < 90 || avg > 130 {
		t.Fatalf("average request text %d characters, want about 110", avg)
	}
}
