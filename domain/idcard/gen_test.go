package idcard_test

import (
	"testing"

	"laifang/domain/idcard"
	"laifang/store/gen"
)

// The synthetic office's people (store/gen computes its own check
// characters) pass the same rules the intake form applies, with their
// recorded birth date and sex and no warning.
func TestGeneratedPeople(t *testing.T) {
	g := gen.New(7)
	for i := 0; i < 500; i++ {
		p := g.Person()
		r, err := idcard.ParseResident(p.IDNumber, p.Birth.Time().AddDate(30, 0, 0))
		if err != nil {
			t.Fatalf("person %d: %v", i, err)
		}
		if r.Birth != p.Birth.String() || r.Sex != p.Sex || len(r.Warnings) > 0 {
			t.Fatalf("person %d: %+v vs birth %s sex %s", i, r, p.Birth, p.Sex)
		}
	}
}
