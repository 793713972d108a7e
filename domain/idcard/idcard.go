// Package idcard checks the identity documents a petitioner shows at the
// desk: the citizen ID number of GB 11643-1999 and the other documents a
// visitor may carry (港澳台居民居住证, the two 通行证, the foreigner's
// permanent residence card, passports).
//
// Why it is strict where it is and loose where it is: the ID number is the
// key that finds a repeat visitor's earlier cases (口径一致), so a mistyped
// number must be caught at the desk — a wrong check character or a birth
// date that cannot exist is refused. The area code, by contrast, only
// warns: codes change every year and old codes stay on valid cards, and
// registering a visit must never be blocked (来访必接). Documents whose
// number formats are not published in a standard get a format check only.
//
// Errors carry a stable code and a Chinese message (Code, Message). The
// package does not import app; app maps these errors to app.Error.
package idcard

import (
	"strings"
	"time"
	"unicode"

	"laifang/domain/fold"
)

// DocType is the kind of document (证件类型). The strings are the labels
// the intake form shows and store.Person.IDType keeps ("" is taken as a
// citizen ID card).
type DocType string

// The document types of docs/DOMAIN.md §7.2.
const (
	Resident        DocType = "居民身份证"
	ResidencePermit DocType = "港澳台居民居住证"
	HKMacauPermit   DocType = "港澳居民来往内地通行证"
	TaiwanPermit    DocType = "台湾居民来往大陆通行证"
	ForeignerPR     DocType = "外国人永久居留身份证"
	Passport        DocType = "护照"
	Other           DocType = "其他"
)

// Types lists the document types in the order the form offers them.
func Types() []DocType {
	return []DocType{Resident, ResidencePermit, HKMacauPermit, TaiwanPermit, ForeignerPR, Passport, Other}
}

// Result is a checked document number.
type Result struct {
	Type     DocType   `json:"type"`
	Number   string    `json:"number"`             // normalized: half-width, upper case, no spaces
	Birth    string    `json:"birth,omitempty"`    // YYYY-MM-DD, from the number
	Sex      string    `json:"sex,omitempty"`      // "M" or "F", from the sequence code
	AreaCode string    `json:"areaCode,omitempty"` // the 6-digit address code
	Area     string    `json:"area,omitempty"`     // its name at province or prefecture level
	Warnings []Warning `json:"warnings,omitempty"` // shown to the clerk, never blocking
}

// Warning is something the clerk should look at; it never blocks saving.
type Warning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Warning codes.
var (
	WarnUpgraded      = Warning{"idcard.upgraded", "15位旧号码已按国家标准升为18位，请与证件核对"}
	WarnAreaUnknown   = Warning{"idcard.area_unknown", "身份证号码的地区代码不在行政区划表中，请核对"}
	WarnAreaOld       = Warning{"idcard.area_old", "地区代码不在现行区划表中（可能是已调整的旧代码），请核对"}
	WarnIsPermit      = Warning{"idcard.is_permit", "以81、82、83开头的是港澳台居民居住证号码，请核对证件类型"}
	WarnForeignerChar = Warning{"idcard.foreigner_check", "号码的校验位与常见规则不符，请与证件核对"}
)

// Check checks a number of the given document type. today bounds the birth
// date (the caller passes the store's clock, so tests are repeatable).
func Check(t DocType, raw string, today time.Time) (Result, error) {
	switch t {
	case Resident, "":
		return ParseResident(raw, today)
	case ResidencePermit:
		return parsePermit(raw, today)
	case HKMacauPermit:
		return checkFormat(t, raw, isHKMacau, ErrHKMacau)
	case TaiwanPermit:
		return checkFormat(t, raw, isTaiwan, ErrTaiwan)
	case ForeignerPR:
		return checkForeigner(raw)
	case Passport:
		return checkFormat(t, raw, isPassport, ErrPassport)
	case Other:
		n := strings.TrimSpace(raw)
		if n == "" {
			return Result{}, ErrEmpty
		}
		if len([]rune(n)) > 40 || strings.IndexFunc(n, unicode.IsControl) >= 0 {
			return Result{}, ErrOther
		}
		return Result{Type: Other, Number: n}, nil
	}
	return Result{}, ErrType
}

// Normalize folds what clerks and scanners type into the canonical form:
// full-width characters become half-width (domain/fold), letters upper
// case, and spaces (including the ideographic space) are removed. It is
// also the form the store's ID-number index is keyed on.
func Normalize(raw string) string {
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if r = fold.Width(r); unicode.IsSpace(r) {
			return -1
		}
		return r
	}, raw))
}

var weights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// CheckChar is the ISO 7064 MOD 11-2 check character of the first 17
// digits of an 18-character number: Σ digit×weight mod 11 indexes
// "10X98765432". ok is false when s is not 17 digits.
func CheckChar(first17 string) (c byte, ok bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		d := first17[i]
		if d < '0' || d > '9' {
			return 0, false
		}
		sum += int(d-'0') * weights[i]
	}
	return "10X98765432"[sum%11], true
}

// Upgrade15 turns a 15-digit number of GB 11643-1989 into the 18-character
// form of GB 11643-1999: "19" goes before the 2-digit year and the check
// character is computed. Every 15-digit number was issued to someone born
// in the 1900s, so the century is never in doubt.
func Upgrade15(n string) (string, bool) {
	if len(n) != 15 || !allDigits(n) {
		return "", false
	}
	first := n[:6] + "19" + n[6:]
	c, _ := CheckChar(first)
	return first + string(c), true
}

// ParseResident checks a citizen ID number.
//
// 15-digit numbers are upgraded to 18, with a warning, rather than
// refused: first-generation cards stopped being valid in 2013, but old
// ledgers, 户口簿 copies and letters still carry them, and the upgraded
// number is the one the same person has today, so matching a repeat
// visitor works across both.
func ParseResident(raw string, today time.Time) (Result, error) {
	n := Normalize(raw)
	r := Result{Type: Resident}
	switch {
	case n == "":
		return r, ErrEmpty
	case len(n) == 15:
		if !allDigits(n) {
			return r, ErrChars
		}
		n, _ = Upgrade15(n)
		r.Warnings = append(r.Warnings, WarnUpgraded)
	case len(n) == 18:
		if !allDigits(n[:17]) || !(isDigit(n[17]) || n[17] == 'X') {
			return r, ErrChars
		}
	case len([]rune(n)) == 18 || len([]rune(n)) == 15:
		return r, ErrChars // 18 characters, some not digits
	default:
		return r, ErrLength
	}
	if err := parse18(n, today, &r); err != nil {
		return r, err
	}
	if c, _ := CheckChar(n[:17]); c != n[17] {
		return r, ErrChecksum
	}
	switch n[:2] {
	case "81", "82", "83":
		r.Warnings = append(r.Warnings, WarnIsPermit)
	default:
		name, known, pref := AreaName(r.AreaCode)
		r.Area = name
		if !known {
			r.Warnings = append(r.Warnings, WarnAreaUnknown)
		} else if !pref {
			r.Warnings = append(r.Warnings, WarnAreaOld)
		}
	}
	return r, nil
}

// parse18 reads the birth date and sex of an 18-character number.
func parse18(n string, today time.Time, r *Result) error {
	r.Number = n
	r.AreaCode = n[:6]
	y, m, d := atoi(n[6:10]), atoi(n[10:12]), atoi(n[12:14])
	birth := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || birth.Day() != d || birth.Month() != time.Month(m) {
		return ErrBirth
	}
	if y < 1900 {
		return ErrBirthEarly
	}
	ty, tm, td := today.Date()
	if birth.After(time.Date(ty, tm, td, 0, 0, 0, 0, time.UTC)) {
		return ErrBirthFuture
	}
	r.Birth = birth.Format("2006-01-02")
	if (n[16]-'0')%2 == 1 {
		r.Sex = "M"
	} else {
		r.Sex = "F"
	}
	return nil
}

// parsePermit checks a 港澳台居民居住证 (2018): 18 characters with the same
// structure and check character as the citizen ID, and the address code
// 810000 (Hong Kong), 820000 (Macau) or 830000 (Taiwan).
func parsePermit(raw string, today time.Time) (Result, error) {
	n := Normalize(raw)
	r := Result{Type: ResidencePermit}
	if n == "" {
		return r, ErrEmpty
	}
	if len(n) != 18 {
		return r, ErrPermitArea
	}
	if !allDigits(n[:17]) || !(isDigit(n[17]) || n[17] == 'X') {
		return r, ErrChars
	}
	names := map[string]string{"810000": "香港", "820000": "澳门", "830000": "台湾"}
	area, ok := names[n[:6]]
	if !ok {
		return r, ErrPermitArea
	}
	if err := parse18(n, today, &r); err != nil {
		return r, err
	}
	if c, _ := CheckChar(n[:17]); c != n[17] {
		return r, ErrChecksum
	}
	r.Type, r.Area = ResidencePermit, area
	return r, nil
}

// checkForeigner checks a 外国人永久居留身份证. The 2023 card has 18
// characters starting with 9; the 2017 one has 3 letters (the nationality)
// and 12 digits. The research could not confirm the 2023 layout beyond
// that, so the check character is computed the GB 11643 way and only warns.
func checkForeigner(raw string) (Result, error) {
	n := Normalize(raw)
	r := Result{Type: ForeignerPR, Number: n}
	switch {
	case n == "":
		return r, ErrEmpty
	case len(n) == 18 && n[0] == '9' && allDigits(n[:17]) && (isDigit(n[17]) || n[17] == 'X'):
		if c, _ := CheckChar(n[:17]); c != n[17] {
			r.Warnings = append(r.Warnings, WarnForeignerChar)
		}
		return r, nil
	case len(n) == 15 && allUpper(n[:3]) && allDigits(n[3:]):
		return r, nil
	}
	return r, ErrForeigner
}

func checkFormat(t DocType, raw string, ok func(string) bool, bad *Error) (Result, error) {
	n := Normalize(raw)
	if n == "" {
		return Result{Type: t}, ErrEmpty
	}
	if !ok(n) {
		return Result{Type: t}, bad
	}
	return Result{Type: t, Number: n}, nil
}

// 港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macau) and 8 digits on
// the card since 2013; the older booklet added a 2-digit issue count.
func isHKMacau(n string) bool {
	return (len(n) == 9 || len(n) == 11) && (n[0] == 'H' || n[0] == 'M') && allDigits(n[1:])
}

// 台湾居民来往大陆通行证 (台胞证): 8 digits on the card since 2015; older
// numbers have 10 digits, sometimes with a letter in brackets, "(B)".
func isTaiwan(n string) bool {
	if len(n) == 13 && n[10] == '(' && n[12] == ')' && n[11] >= 'A' && n[11] <= 'Z' {
		n = n[:10]
	}
	return (len(n) == 8 || len(n) == 10) && allDigits(n)
}

// Passport numbers differ by country (a Chinese one is E and 8 characters;
// ICAO 9303 allows up to 9 in the machine-readable zone, some countries
// print more): letters and digits, 5 to 17 of them.
func isPassport(n string) bool {
	if len(n) < 5 || len(n) > 17 {
		return false
	}
	for i := 0; i < len(n); i++ {
		if !isDigit(n[i]) && (n[i] < 'A' || n[i] > 'Z') {
			return false
		}
	}
	return true
}

// MatchSex compares the sex typed on the form ("M"/"F") with the one the
// number encodes; nil when either is unknown.
func MatchSex(r Result, sex string) error {
	if r.Sex == "" || sex == "" || r.Sex == sex {
		return nil
	}
	return ErrSexMismatch
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func allUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
