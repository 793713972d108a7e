package app

import (
	"testing"

	"laifang/store/gen"
)

// The window learns from Go whether the office is demo data: a generated
// office says so before and after signing in; an office set up by hand
// never does.
func TestAuthStateTellsADemoOffice(t *testing.T) {
	real, _ := testApp(t)
	if s := must(real.Auth.State())(t); s.Demo {
		t.Fatal("a new, empty office is shown as demo data")
	}
	setUp(t, real)
	if s := must(real.Auth.State())(t); !s.SignedIn || s.Demo {
		t.Fatalf("an office set up by hand: signed in %v, demo %v", s.SignedIn, s.Demo)
	}

	demo, _ := testApp(t)
	st, _ := demo.store()
	if _, err := gen.Office(st, gen.Options{Visits: 50, Seed: 3, Password: "demo2026", HashPassword: HashPassword}); err != nil {
		t.Fatal(err)
	}
	if s := must(demo.Auth.State())(t); s.SignedIn || !s.Demo {
		t.Fatalf("a generated office before signing in: signed in %v, demo %v", s.SignedIn, s.Demo)
	}
	if _, err := demo.Auth.Login("clerk1", "demo2026"); err != nil {
		t.Fatal(err)
	}
	if s := must(demo.Auth.State())(t); !s.SignedIn || !s.Demo {
		t.Fatalf("a generated office signed in: signed in %v, demo %v", s.SignedIn, s.Demo)
	}
}
