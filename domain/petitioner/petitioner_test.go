package petitioner

import "testing"

func TestMainOf(t *testing.T) {
	type p struct {
		role    string
		contact bool
		empty   bool
	}
	for _, c := range []struct {
		name   string
		people []p
		want   int
	}{
		{"none", nil, -1},
		{"the main petitioner wherever he is", []p{{Companion, true, false}, {Main, false, false}}, 1},
		{"else the contact", []p{{Companion, false, false}, {Representative, true, false}}, 1},
		{"else the first", []p{{Agent, false, false}, {Cosigner, false, false}}, 0},
		{"empty slots are skipped", []p{{Main, true, true}, {Companion, false, false}}, 1},
		{"only empty slots", []p{{Main, true, true}}, -1},
	} {
		got := MainOf(len(c.people), func(i int) (string, bool, bool) {
			return c.people[i].role, c.people[i].contact, !c.people[i].empty
		})
		if got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

func TestPresent(t *testing.T) {
	for role, want := range map[string]bool{Main: true, Representative: true, Companion: true, Agent: true, Cosigner: false} {
		if Present(role) != want {
			t.Errorf("Present(%s) = %v", role, !want)
		}
	}
}
