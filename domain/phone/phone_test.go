package phone

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		kind Kind
		text string
		key  string
	}{
		// Mobiles, however they are typed.
		{"13812345678", Mobile, "13812345678", "13812345678"},
		{"138 1234 5678", Mobile, "13812345678", "13812345678"},
		{"138-1234-5678", Mobile, "13812345678", "13812345678"},
		{"+86 138 1234 5678", Mobile, "13812345678", "13812345678"},
		{"+86-13812345678", Mobile, "13812345678", "13812345678"},
		{"0086 13812345678", Mobile, "13812345678", "13812345678"},
		{"8613812345678", Mobile, "13812345678", "13812345678"},
		{"１９９１２３４５６７８", Mobile, "19912345678", "19912345678"},
		{"＋８６ １６６ ００００ １１１１", Mobile, "16600001111", "16600001111"},
		{"17012345678", Mobile, "17012345678", "17012345678"}, // virtual operators: no prefix list
		// Landlines with their area code.
		{"010-62345678", Landline, "010-62345678", "01062345678"},
		{"01062345678", Landline, "010-62345678", "01062345678"},
		{"(010)62345678", Landline, "010-62345678", "01062345678"},
		{"（０２１）６２３４５６７８", Landline, "021-62345678", "02162345678"},
		{"0755-2234567", Landline, "0755-2234567", "07552234567"},
		{"0755 8123 4567", Landline, "0755-81234567", "075581234567"},
		{"07552345678", Landline, "0755-2345678", "07552345678"},
		{"010-6234-5678", Landline, "010-62345678", "01062345678"},
		{"+86 10 6234 5678", Landline, "010-62345678", "01062345678"},
		{"+86 755 8123 4567", Landline, "0755-81234567", "075581234567"},
		{"0086-21-62345678", Landline, "021-62345678", "02162345678"},
		// Extensions.
		{"010-62345678-801", Landline, "010-62345678-801", "01062345678"},
		{"010-62345678转801", Landline, "010-62345678-801", "01062345678"},
		{"0755 2345678 分机 12", Landline, "0755-2345678-12", "07552345678"},
		{"0755-2345678 ext.3", Landline, "0755-2345678-3", "07552345678"},
		{"0755-2345678x3", Landline, "0755-2345678-3", "07552345678"},
		// Hong Kong, Macau, Taiwan, abroad.
		{"+852 9123 4567", Abroad, "+852 91234567", "85291234567"},
		{"00853 6612 3456", Abroad, "+853 66123456", "85366123456"},
		{"+886 912 345 678", Abroad, "+886 912345678", "886912345678"},
		{"+1 415 555 0100", Abroad, "+1 4155550100", "14155550100"},
		{"+852 2123 4567 ext 89", Abroad, "+852 21234567 转89", "85221234567"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			n, err := Parse(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if n.Kind != c.kind || n.Text != c.text || n.Key != c.key {
				t.Fatalf("got %+v, want %s %q %q", n, c.kind, c.text, c.key)
			}
			// The canonical form parses to itself.
			again, err := Parse(n.Text)
			if err != nil || again != n {
				t.Fatalf("canonical %q does not round-trip: %+v %v", n.Text, again, err)
			}
		})
	}
}

func TestParseRefuses(t *testing.T) {
	cases := []struct {
		in   string
		want *Error
	}{
		{"", ErrEmpty},
		{"  ", ErrEmpty},
		{"1381234567", ErrMobile},   // 10 digits
		{"138123456789", ErrMobile}, // 12 digits
		{"12812345678", ErrMobile},  // second digit 2
		{"10012345678", ErrMobile},
		{"12345", ErrMobile}, // a service number is not a petitioner's phone
		{"13812345678转1", ErrMobile},
		{"138a2345678", ErrChars},
		{"手机13812345678", ErrChars},
		{"62345678", ErrNoArea}, // no area code
		{"010-123456", ErrLandline},
		{"010-123456789", ErrLandline},
		{"010-02345678", ErrLandline},  // local starts with 0
		{"0755-12345678", ErrLandline}, // local numbers do not start with 1
		{"02-12345678", ErrArea},
		{"0213-2345678", ErrArea}, // 01x/02x codes have 3 digits
		{"010-62345678-1234567", ErrExtension},
		{"010-62345678转abc", ErrExtension},
		{"010-6234-5678-9-1", ErrLandline},
		{"+852 123", ErrAbroad},
		{"000123456789", ErrAbroad},
		{"+86+13812345678", ErrChars},
		{"138+12345678", ErrChars},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			_, err := Parse(c.in)
			if c.want == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
		})
	}
}

func TestParseMobile(t *testing.T) {
	if _, err := ParseMobile("+86 139 0000 1111"); err != nil {
		t.Fatal(err)
	}
	if _, err := ParseMobile("010-62345678"); !errors.Is(err, ErrMobile) {
		t.Fatalf("landline as mobile: %v", err)
	}
	if _, err := ParseMobile("x"); err == nil {
		t.Fatal("garbage accepted")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"13812345678", "+86 10 6234 5678", "0755-2345678转801", "+852 9123 4567", "（０２１）６２３４５６７８"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Code() == "" || e.Message() == "" {
				t.Fatalf("error without code: %v", err)
			}
			return
		}
		if n.Text == "" || n.Key == "" {
			t.Fatalf("%q accepted as %+v", s, n)
		}
		again, err := Parse(n.Text)
		if err != nil || again != n {
			t.Fatalf("%q → %q does not round-trip: %+v %v", s, n.Text, again, err)
		}
	})
}

// One person's number, however it was typed, is one key; a landline
// matches without its extension; a number the rules refuse still matches
// its own digits.
func TestKey(t *testing.T) {
	for _, c := range []struct {
		key   string
		forms []string
	}{
		{"13812345678", []string{"13812345678", "138 1234 5678", "+86 138-1234-5678", "0086 13812345678", "８６１３８１２３４５６７８", "（+86）13812345678"}},
		{"01062345678", []string{"010-62345678", "010 6234 5678", "010-62345678-801", "(010)62345678转801", "+86 10 62345678"}},
		{"85291234567", []string{"+852 9123 4567", "00852 91234567"}},
		{"12345", []string{"12345", "１２３４５"}},       // too short to be a number: its digits
		{"13812345678", []string{"8613812345678+"}}, // refused (a stray +): digits without 86
	} {
		for _, f := range c.forms {
			if got := Key(f); got != c.key {
				t.Errorf("Key(%q) = %q, want %q", f, got, c.key)
			}
		}
	}
	if Key("") != "" || Key("无") != "" {
		t.Error("a number without digits has a key")
	}
}

// Key's shortcut for a stored mobile gives what Parse gives.
func FuzzKeyShortcut(f *testing.F) {
	for _, s := range []string{"13812345678", "12812345678", "1381234567x", "10012345678"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isMobile(s) {
			return
		}
		n, err := Parse(s)
		if err != nil || n.Key != s || Key(s) != s {
			t.Fatalf("%q: Parse %+v %v", s, n, err)
		}
	})
}
