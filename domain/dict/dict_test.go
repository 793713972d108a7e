package dict

import (
	"errors"
	"slices"
	"testing"

	"laifang/domain/casestate"
	"laifang/domain/idcard"
	"laifang/store/gen"
)

func TestDefaultsValid(t *testing.T) {
	names := map[string]bool{}
	for _, l := range Defaults() {
		if err := l.Validate(); err != nil {
			t.Errorf("%s: %v", l.Name, err)
		}
		if l.Label == "" || len(l.Entries) == 0 || names[l.Name] {
			t.Errorf("list %q: empty, unnamed or repeated", l.Name)
		}
		names[l.Name] = true
		for _, e := range l.Entries {
			if !e.Active || e.Sort == 0 {
				t.Errorf("%s/%s: not active or unsorted", l.Name, e.Code)
			}
		}
	}
	for _, n := range []string{Channel, Type, Category, NotAccepted, Outcome, Role, IDType, Disposal, Rating} {
		if !names[n] {
			t.Errorf("no default list %q", n)
		}
	}
}

// What the intake form offers, as a clerk reads it.
func TestWhatTheClerkSees(t *testing.T) {
	get := func(name string) List {
		l, ok := Default(name)
		if !ok {
			t.Fatalf("no list %s", name)
		}
		return l
	}
	labels := func(es []Entry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Label)
		}
		return out
	}
	if got := labels(get(Role).Children("")); !slices.Equal(got, []string{"主信访人", "代表", "随访人", "代理人", "联名人"}) {
		t.Errorf("roles %v", got)
	}
	if got := labels(get(Outcome).Children("")); !slices.Equal(got, []string{"予以支持", "解释说明", "不予支持"}) {
		t.Errorf("outcomes %v", got)
	}
	if got := labels(get(Type).Children("")); !slices.Equal(got, []string{"申诉求决", "检举控告", "建议意见", "咨询", "其他"}) {
		t.Errorf("types %v", got)
	}
	if ch := get(Channel); ch.Entries[0].Code != "走访" {
		t.Errorf("a visit office offers 走访 first, got %v", ch.Entries[0])
	}
	cat := get(Category)
	if len(cat.Children("")) != 18 {
		t.Errorf("%d first-level categories, want the 18 of the national list", len(cat.Children("")))
	}
	if got := labels(cat.Children("07")); !slices.Equal(got, []string{"工资拖欠", "社会保险", "劳动关系", "工伤", "其他"}) {
		t.Errorf("劳动社保 → %v", got)
	}
	if e, ok := cat.Lookup("1302"); !ok || e.Label != "宅基地" || e.Parent != "13" {
		t.Errorf("1302 = %+v", e)
	}
	if len(cat.Children("01")) != 0 {
		t.Error("政治综合 has no second level in the seed")
	}
	na := get(NotAccepted)
	if e, _ := na.Lookup("04"); e.Label != "越级走访" {
		t.Errorf("04 = %+v", e)
	}
}

// The codes the rest of the app writes are the codes in the lists.
func TestCodesMatchTheRules(t *testing.T) {
	dis, _ := Default(Disposal)
	for _, tr := range casestate.Disposals() {
		if _, ok := dis.Lookup(tr.Disposal); !ok {
			t.Errorf("disposal %q missing", tr.Disposal)
		}
	}
	out, _ := Default(Outcome)
	for _, o := range casestate.Outcomes {
		if _, ok := out.Lookup(o); !ok {
			t.Errorf("outcome %q missing", o)
		}
	}
	ids, _ := Default(IDType)
	for _, typ := range idcard.Types() {
		if _, ok := ids.Lookup(string(typ)); !ok {
			t.Errorf("id type %q missing", typ)
		}
	}
}

// store/gen's synthetic office uses these codes: its categories (code and
// label) and its types are all in the defaults.
func TestGeneratorUsesTheseCodes(t *testing.T) {
	cat, _ := Default(Category)
	for _, c := range gen.Categories {
		e, ok := cat.Lookup(c.Code)
		if !ok || e.Label != c.Label || e.Parent != "" {
			t.Errorf("gen category %s %s: dict has %+v", c.Code, c.Label, e)
		}
	}
	types, _ := Default(Type)
	for _, ty := range gen.Types {
		if _, ok := types.Lookup(ty.Code); !ok {
			t.Errorf("gen type %q missing", ty.Code)
		}
	}
}

func TestValidate(t *testing.T) {
	ok := List{Name: "x", Entries: []Entry{{Code: "1", Label: "一"}, {Code: "101", Label: "一一", Parent: "1"}}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		es    []Entry
		want  *Error
		field string // the row's input the settings form shows it beside
	}{
		{"empty code", []Entry{{Label: "一"}}, ErrCode, "entries[0].code"},
		{"empty label", []Entry{{Code: "1", Label: "一"}, {Code: "2"}}, ErrLabel, "entries[1].label"},
		{"duplicate", []Entry{{Code: "1", Label: "一"}, {Code: "1", Label: "二"}}, ErrDuplicate, "entries[1].code"},
		{"missing parent", []Entry{{Code: "101", Label: "一一", Parent: "1"}}, ErrParent, "entries[0].parent"},
		{"three levels", []Entry{{Code: "1", Label: "一"}, {Code: "101", Label: "一一", Parent: "1"}, {Code: "10101", Label: "一一一", Parent: "101"}}, ErrParent, "entries[2].parent"},
	}
	for _, c := range cases {
		err := (List{Entries: c.es}).Validate()
		if !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
		var e *Error
		if !errors.As(err, &e) || e.Field() != c.field {
			t.Errorf("%s: field %q, want %q", c.name, e.Field(), c.field)
		}
	}
}

// Defaults hands out copies: an office's edits never change the defaults.
func TestDefaultsAreCopies(t *testing.T) {
	a := Defaults()
	a[0].Entries[0].Label = "改过"
	if Defaults()[0].Entries[0].Label == "改过" {
		t.Fatal("Defaults shares its entries")
	}
	// Inactive entries are hidden from the form but kept.
	l, _ := Default(Rating)
	l.Entries[3].Active = false
	if len(l.Children("")) != 3 {
		t.Fatal("inactive entry still offered")
	}
}
