package idcard

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var today = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// mk makes an invented 18-character number with a correct check character.
func mk(area, birth, seq string) string {
	first := area + birth + seq
	c, ok := CheckChar(first)
	if !ok {
		panic("mk: " + first)
	}
	return first + string(c)
}

// wrongCheck replaces the check character with a wrong one.
func wrongCheck(n string) string {
	for _, c := range "0123456789X" {
		if byte(c) != n[17] {
			return n[:17] + string(c)
		}
	}
	return n
}

func hasWarning(r Result, w Warning) bool {
	for _, x := range r.Warnings {
		if x.Code == w.Code {
			return true
		}
	}
	return false
}

func TestCheckChar(t *testing.T) {
	// Every remainder maps to its character: r = 0→1, 1→0, 2→X, 3→9 … 10→2.
	// A first-17 of "1" followed by zeros has sum 7, so r = 7 → '5'.
	if c, _ := CheckChar("10000000000000000"); c != '5' {
		t.Fatalf("got %c", c)
	}
	if c, _ := CheckChar("00000000000000000"); c != '1' {
		t.Fatalf("all zeros: got %c", c)
	}
	if _, ok := CheckChar("1234"); ok {
		t.Fatal("short input accepted")
	}
	if _, ok := CheckChar("1234567890123456A"); ok {
		t.Fatal("letter accepted")
	}
	// The research notes' computed vector: 340524198001010013 is wrong,
	// the check should be X.
	if c, _ := CheckChar("34052419800101001"); c != 'X' {
		t.Fatalf("got %c, want X", c)
	}
}

func TestResident(t *testing.T) {
	male := mk("130102", "19800101", "001")   // 河北省石家庄市, odd: male
	female := mk("440106", "19750615", "002") // 广东省广州市, even: female
	var withX string                          // an invented number whose check character is X
	for seq := 0; seq < 1000 && withX == ""; seq++ {
		if n := mk("330106", "19900301", pad3(seq)); n[17] == 'X' {
			withX = n
		}
	}
	cases := []struct {
		name          string
		in            string
		want          *Error
		number, birth string
		sex, area     string
		warn          *Warning
	}{
		{"male, Hebei", male, nil, male, "1980-01-01", "M", "河北省石家庄市", nil},
		{"female, Guangzhou", female, nil, female, "1975-06-15", "F", "广东省广州市", nil},
		{"check character X", withX, nil, withX, "1990-03-01", "", "浙江省杭州市", nil},
		{"lower-case x is normalized", strings.ToLower(withX), nil, withX, "1990-03-01", "", "浙江省杭州市", nil},
		{"full-width digits and spaces", toFullWidth(male[:6]) + " " + male[6:14] + "\u3000" + male[14:], nil, male, "1980-01-01", "M", "", nil},
		{"municipality", mk("110105", "19600229", "013"), nil, "", "1960-02-29", "M", "北京市", nil},
		{"Chongqing's county code", mk("500230", "19700101", "021"), nil, "", "", "", "重庆市", nil},
		{"province-administered county", mk("429004", "19700101", "021"), nil, "", "", "", "湖北省省直辖县级行政区划", nil},
		{"abolished prefecture warns", mk("341400", "19700101", "021"), nil, "", "", "", "安徽省", &WarnAreaOld},
		{"unknown province warns", mk("990101", "19700101", "021"), nil, "", "", "", "", &WarnAreaUnknown},
		{"a permit number typed as an ID warns", mk("810000", "19700101", "021"), nil, "", "", "", "", &WarnIsPermit},
		{"born today", mk("130102", "20260302", "001"), nil, "", "2026-03-02", "", "", nil},
		{"born 1900-01-01", mk("130102", "19000101", "001"), nil, "", "1900-01-01", "", "", nil},

		{"empty", "  ", ErrEmpty, "", "", "", "", nil},
		{"17 digits", male[:17], ErrLength, "", "", "", "", nil},
		{"19 digits", male + "1", ErrLength, "", "", "", "", nil},
		{"letter inside", male[:5] + "A" + male[6:], ErrChars, "", "", "", "", nil},
		{"hyphen inside", male[:6] + "-" + male[7:], ErrChars, "", "", "", "", nil},
		{"X not last", "X" + male[1:], ErrChars, "", "", "", "", nil},
		{"wrong check character", wrongCheck(male), ErrChecksum, "", "", "", "", nil},
		{"one digit mistyped", male[:3] + next(male[3]) + male[4:], ErrChecksum, "", "", "", "", nil},
		{"two digits swapped", male[:15] + male[16:17] + male[15:16] + male[17:], ErrChecksum, "", "", "", "", nil},
		{"30 February", mk("130102", "19800230", "001"), ErrBirth, "", "", "", "", nil},
		{"29 February 1900 (not a leap year)", mk("130102", "19000229", "001"), ErrBirth, "", "", "", "", nil},
		{"month 13", mk("130102", "19801301", "001"), ErrBirth, "", "", "", "", nil},
		{"day 00", mk("130102", "19800100", "001"), ErrBirth, "", "", "", "", nil},
		{"born tomorrow", mk("130102", "20260303", "001"), ErrBirthFuture, "", "", "", "", nil},
		{"born 1899", mk("130102", "18991231", "001"), ErrBirthEarly, "", "", "", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Check(Resident, c.in, today)
			if c.want != nil {
				if !errors.Is(err, c.want) {
					t.Fatalf("got %v, want %v", err, c.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.number != "" && r.Number != c.number {
				t.Errorf("number %q, want %q", r.Number, c.number)
			}
			if c.birth != "" && r.Birth != c.birth {
				t.Errorf("birth %q, want %q", r.Birth, c.birth)
			}
			if c.sex != "" && r.Sex != c.sex {
				t.Errorf("sex %q, want %q", r.Sex, c.sex)
			}
			if c.area != "" && r.Area != c.area {
				t.Errorf("area %q, want %q", r.Area, c.area)
			}
			if c.warn != nil && !hasWarning(r, *c.warn) {
				t.Errorf("warnings %v lack %s", r.Warnings, c.warn.Code)
			}
			if c.warn == nil && len(r.Warnings) > 0 {
				t.Errorf("unexpected warnings %v", r.Warnings)
			}
		})
	}
}

// The empty document type is the citizen ID card, as store.Person keeps it.
func TestEmptyTypeIsResident(t *testing.T) {
	r, err := Check("", mk("130102", "19800101", "001"), today)
	if err != nil || r.Type != Resident {
		t.Fatalf("%v %v", r, err)
	}
	if _, err := Check("驾驶证", "123", today); !errors.Is(err, ErrType) {
		t.Fatalf("unknown type: %v", err)
	}
}

func TestUpgrade15(t *testing.T) {
	// An invented 15-digit number: area 130102, born 1965-08-09, seq 013.
	old := "130102650809013"
	want := mk("130102", "19650809", "013")
	if got, ok := Upgrade15(old); !ok || got != want {
		t.Fatalf("Upgrade15 = %q, want %q", got, want)
	}
	r, err := ParseResident(old, today)
	if err != nil {
		t.Fatal(err)
	}
	if r.Number != want || r.Birth != "1965-08-09" || r.Sex != "M" || !hasWarning(r, WarnUpgraded) {
		t.Fatalf("got %+v", r)
	}
	// The old and the new number of the same person normalize the same.
	r2, _ := ParseResident(want, today)
	if r2.Number != r.Number {
		t.Fatal("old and new numbers differ")
	}
	if _, err := ParseResident("13010265080901X", today); !errors.Is(err, ErrChars) {
		t.Fatalf("15 with X: %v", err)
	}
	if _, err := ParseResident("130102650230013", today); !errors.Is(err, ErrBirth) {
		t.Fatalf("15 with 30 Feb: %v", err)
	}
	if _, ok := Upgrade15("12345"); ok {
		t.Fatal("short accepted")
	}
}

func TestMatchSex(t *testing.T) {
	r, _ := ParseResident(mk("130102", "19800101", "001"), today)
	if MatchSex(r, "M") != nil || MatchSex(r, "") != nil {
		t.Fatal("matching sex refused")
	}
	if !errors.Is(MatchSex(r, "F"), ErrSexMismatch) {
		t.Fatal("mismatch not found")
	}
}

func TestOtherDocuments(t *testing.T) {
	hk := mk("810000", "19850505", "001")
	tw := mk("830000", "19850505", "002")
	cases := []struct {
		typ    DocType
		in     string
		want   *Error
		number string
	}{
		{ResidencePermit, hk, nil, hk},
		{ResidencePermit, tw, nil, tw},
		{ResidencePermit, mk("820000", "19850505", "003"), nil, ""},
		{ResidencePermit, mk("130102", "19850505", "003"), ErrPermitArea, ""},
		{ResidencePermit, wrongCheck(hk), ErrChecksum, ""},
		{ResidencePermit, mk("810000", "19850230", "003"), ErrBirth, ""},
		{ResidencePermit, hk[:17], ErrPermitArea, ""},

		{HKMacauPermit, "H12345678", nil, "H12345678"},
		{HKMacauPermit, "ｍ１２３４５６７８", nil, "M12345678"},
		{HKMacauPermit, "h1234567801", nil, "H1234567801"},
		{HKMacauPermit, "A12345678", ErrHKMacau, ""},
		{HKMacauPermit, "H1234567", ErrHKMacau, ""},
		{HKMacauPermit, "", ErrEmpty, ""},

		{TaiwanPermit, "12345678", nil, "12345678"},
		{TaiwanPermit, "1234567890", nil, "1234567890"},
		{TaiwanPermit, "1234567890（b）", nil, "1234567890(B)"},
		{TaiwanPermit, "1234567", ErrTaiwan, ""},
		{TaiwanPermit, "T1234567", ErrTaiwan, ""},

		{ForeignerPR, "USA110101011", ErrForeigner, ""},
		{ForeignerPR, "usa 120 8010 10011", nil, "USA120801010011"},
		{ForeignerPR, mk("911840", "19800101", "001"), nil, ""},
		{ForeignerPR, "811840198001010011", ErrForeigner, ""},

		{Passport, "E12345678", nil, "E12345678"},
		{Passport, "ea 1234567", nil, "EA1234567"},
		{Passport, "1234", ErrPassport, ""},
		{Passport, "E1234-5678", ErrPassport, ""},

		{Other, "军官证 0123", nil, "军官证 0123"},
		{Other, strings.Repeat("1", 41), ErrOther, ""},
		{Other, " ", ErrEmpty, ""},
	}
	for _, c := range cases {
		t.Run(string(c.typ)+" "+c.in, func(t *testing.T) {
			r, err := Check(c.typ, c.in, today)
			if c.want != nil {
				if !errors.Is(err, c.want) {
					t.Fatalf("got %v, want %v", err, c.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Type != c.typ {
				t.Errorf("type %q", r.Type)
			}
			if c.number != "" && r.Number != c.number {
				t.Errorf("number %q, want %q", r.Number, c.number)
			}
		})
	}
	// A permit gives the birth date, sex and place like an ID card.
	r, _ := Check(ResidencePermit, tw, today)
	if r.Area != "台湾" || r.Birth != "1985-05-05" || r.Sex != "F" {
		t.Fatalf("permit: %+v", r)
	}
	// A 2023 foreigner's card with a check character that does not follow
	// GB 11643 is accepted with a warning, not refused.
	bad := wrongCheck(mk("911840", "19800101", "001"))
	r, err := Check(ForeignerPR, bad, today)
	if err != nil || !hasWarning(r, WarnForeignerChar) {
		t.Fatalf("foreigner: %+v %v", r, err)
	}
}

func TestAreaName(t *testing.T) {
	cases := map[string]string{
		"110105": "北京市", "130102": "河北省石家庄市", "222401": "吉林省延边朝鲜族自治州",
		"650102": "新疆维吾尔自治区乌鲁木齐市", "820000": "澳门特别行政区", "371200": "山东省",
	}
	for code, want := range cases {
		if got, known, _ := AreaName(code); !known || got != want {
			t.Errorf("%s: %q, want %q", code, got, want)
		}
	}
	if _, known, _ := AreaName("000000"); known {
		t.Error("000000 known")
	}
	if _, known, _ := AreaName("1"); known {
		t.Error("short code known")
	}
	// Every province has at least one prefecture, except the four
	// municipalities and HK, Macau and Taiwan.
	for p, name := range provinces {
		if municipalities[p] || p == "71" || p == "81" || p == "82" {
			continue
		}
		found := false
		for c := range prefectures {
			if c[:2] == p {
				found = true
			}
		}
		if !found {
			t.Errorf("province %s %s has no prefecture", p, name)
		}
	}
	if len(provinces) != 34 {
		t.Errorf("%d provinces, want 34", len(provinces))
	}
}

func TestNormalize(t *testing.T) {
	if got := Normalize(" ａｂ１２\u3000（Ｘ）x "); got != "AB12(X)X" {
		t.Fatalf("got %q", got)
	}
}

func FuzzParseResident(f *testing.F) {
	f.Add(mk("130102", "19800101", "001"))
	f.Add("130102650809013")
	f.Add("１３０１０２１９８００１０１００１x")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseResident(s, today)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Code() == "" || e.Message() == "" {
				t.Fatalf("error without code: %v", err)
			}
			return
		}
		// Whatever was accepted is a canonical, valid 18-character number
		// that parses to itself.
		if len(r.Number) != 18 {
			t.Fatalf("accepted %q as %q", s, r.Number)
		}
		if c, _ := CheckChar(r.Number[:17]); c != r.Number[17] {
			t.Fatalf("accepted a bad check character: %q", r.Number)
		}
		r2, err := ParseResident(r.Number, today)
		if err != nil || r2.Number != r.Number || r2.Birth != r.Birth || r2.Sex != r.Sex {
			t.Fatalf("not idempotent: %q → %+v / %v", s, r2, err)
		}
	})
}

func FuzzCheckOther(f *testing.F) {
	for _, s := range []string{"H12345678", "12345678", "E12345678", "USA120801011001", "1234567890(B)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, typ := range Types() {
			r, err := Check(typ, s, today)
			if err == nil && r.Number == "" {
				t.Fatalf("%s accepted %q with no number", typ, s)
			}
		}
	})
}

func pad3(n int) string {
	s := "00" + itoa(n)
	return s[len(s)-3:]
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func next(c byte) string { return string('0' + (c-'0'+1)%10) }

func toFullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			r = '０' + (r - '0')
		}
		b.WriteRune(r)
	}
	return b.String()
}
