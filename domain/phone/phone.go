// Package phone checks and normalizes the telephone numbers a petitioner
// gives: mainland mobiles, landlines with an area code and an extension,
// and numbers abroad (Hong Kong, Macau, Taiwan, overseas) with a country
// code.
//
// Why: the phone is how the office tells a petitioner about the case, and
// it is one of the keys that find a repeat visitor, so it is stored in one
// canonical form whatever the clerk typed (+86, 0086, spaces, dashes,
// full-width digits, "转" for an extension). Mobiles are checked by shape
// (1, then 3–9, then 9 digits) and never by carrier prefix: number
// portability and new prefixes make prefix lists go stale (docs/DOMAIN.md
// §8). Masking a number for display is not here (another package).
//
// Errors carry a stable code and a Chinese message; app maps them to
// app.Error. This package imports nothing of the app.
package phone

import (
	"strings"
	"unicode"

	"laifang/domain/fold"
)

// Kind of number.
type Kind string

const (
	Mobile   Kind = "mobile"   // 手机
	Landline Kind = "landline" // 固定电话
	Abroad   Kind = "abroad"   // 境外号码, with its country code
)

// Number is a checked telephone number.
type Number struct {
	Kind Kind `json:"kind"`
	// Text is the canonical form to store and print: 13812345678,
	// 010-12345678, 0755-1234567-801, +852 91234567.
	Text string `json:"text"`
	// Key is digits only, without extension or mainland country code: the
	// form to match a repeat visitor on.
	Key       string `json:"key"`
	Area      string `json:"area,omitempty"`      // landline area code, with its 0
	Local     string `json:"local,omitempty"`     // landline local number
	Extension string `json:"extension,omitempty"` // 分机
	Country   string `json:"country,omitempty"`   // abroad: country code without +
}

// Parse checks a number of any kind and normalizes it.
func Parse(raw string) (Number, error) {
	s, ext, err := clean(raw)
	if err != nil {
		return Number{}, err
	}
	intl := false
	switch {
	case strings.HasPrefix(s, "+"):
		s, intl = s[1:], true
	case strings.HasPrefix(s, "00"):
		s, intl = s[2:], true
	}
	if !allDigits(s) {
		return Number{}, ErrChars
	}
	if intl {
		if !strings.HasPrefix(s, "86") {
			return abroad(s, ext)
		}
		s = s[2:]
		// +86 10 12345678: the trunk 0 of the area code is dropped abroad.
		if len(s) > 0 && s[0] != '1' && s[0] != '0' {
			s = "0" + s
		} else if strings.HasPrefix(s, "10") && len(s) >= 9 && len(s) <= 10 {
			s = "0" + s // Beijing: +86 10 xxxxxxxx
		}
	} else if len(s) == 13 && strings.HasPrefix(s, "861") {
		s = s[2:] // 86 13812345678, written without the +
	}
	switch {
	case s == "":
		return Number{}, ErrEmpty
	case s[0] == '1':
		if ext != "" {
			return Number{}, ErrMobile
		}
		return mobile(s)
	case s[0] == '0':
		return landline(s, ext)
	}
	return Number{}, ErrNoArea
}

// ParseMobile accepts only a mainland mobile number.
func ParseMobile(raw string) (Number, error) {
	n, err := Parse(raw)
	if err != nil {
		return n, err
	}
	if n.Kind != Mobile {
		return Number{}, ErrMobile
	}
	return n, nil
}

func mobile(s string) (Number, error) {
	if len(s) != 11 || s[1] < '3' || s[1] > '9' {
		return Number{}, ErrMobile
	}
	return Number{Kind: Mobile, Text: s, Key: s}, nil
}

// landline splits the area code from the local number. The mainland's
// 3-digit area codes are 010 and 02x (北京, 上海, 天津, 重庆, and the big
// cities of 020–029); all others have 4 digits. A dash, when typed, decides.
func landline(s, ext string) (Number, error) {
	var area, local string
	if len(s) < 4 {
		return Number{}, ErrLandline
	}
	if i := strings.IndexByte(s, '-'); i >= 0 {
		area, local = s[:i], s[i+1:]
	} else if s[1] == '1' || s[1] == '2' {
		area, local = s[:3], s[3:]
	} else {
		area, local = s[:4], s[4:]
	}
	if len(area) < 3 || len(area) > 4 || area[0] != '0' || area[1] == '0' ||
		((area[1] == '1' || area[1] == '2') && len(area) != 3) {
		return Number{}, ErrArea
	}
	if len(local) < 7 || len(local) > 8 || !allDigits(local) {
		return Number{}, ErrLandline
	}
	// Local numbers start with 2–9: 0 is the trunk prefix, 1 the service
	// numbers (110, 12345). One that starts so is usually the area code
	// typed twice or a digit too many.
	if local[0] == '0' || local[0] == '1' {
		return Number{}, ErrLandline
	}
	if len(ext) > 6 {
		return Number{}, ErrExtension
	}
	n := Number{Kind: Landline, Area: area, Local: local, Extension: ext, Key: area + local}
	n.Text = area + "-" + local
	if ext != "" {
		n.Text += "-" + ext
	}
	return n, nil
}

// abroad keeps a foreign number loosely: the country code and 6–14 digits.
// The country code's length is not checked (1–3 digits, ITU E.164); the
// number is stored as typed, without spaces, after "+".
func abroad(s, ext string) (Number, error) {
	if len(s) < 7 || len(s) > 15 || s[0] == '0' || strings.IndexByte(s, '-') >= 0 {
		return Number{}, ErrAbroad
	}
	cc := countryCode(s)
	n := Number{Kind: Abroad, Country: cc, Key: s, Extension: ext}
	n.Text = "+" + cc + " " + s[len(cc):]
	if ext != "" {
		if len(ext) > 6 {
			return Number{}, ErrExtension
		}
		n.Text += " 转" + ext // a dash would read as part of the number abroad
	}
	return n, nil
}

// countryCode picks the codes the office will meet most; others are
// shown with the first digit only, which is still correct to dial.
func countryCode(s string) string {
	for _, cc := range []string{"852", "853", "886", "1", "7", "81", "82", "44", "49", "33", "61", "65", "60", "66", "84", "95", "856", "855", "971"} {
		if strings.HasPrefix(s, cc) {
			return cc
		}
	}
	return s[:1]
}

// Key is the form a stored number is matched on, the key of the store's
// phone index: Number.Key when raw parses, so 138 1234 5678, +86 138…
// and 0086-138… are one key, and a landline matches with or without its
// extension. A number Parse refuses (one saved before numbers were
// checked, or a foreign shape) is keyed on its digits, without a leading
// 86 or 0086, so it still finds its twin.
func Key(raw string) string {
	if isMobile(raw) {
		return raw // already canonical: what Parse would give, without its work
	}
	if n, err := Parse(raw); err == nil {
		return n.Key
	}
	var b strings.Builder
	for _, r := range raw {
		if r = fold.Width(r); r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	if len(d) == 13 && strings.HasPrefix(d, "86") {
		d = d[2:]
	} else if len(d) == 15 && strings.HasPrefix(d, "0086") {
		d = d[4:]
	}
	return d
}

// isMobile tells whether s is a mainland mobile number in its canonical
// form (how numbers are stored): 1, then 3–9, then nine digits.
func isMobile(s string) bool {
	if len(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9' {
		return false
	}
	for i := 2; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// clean folds full-width characters, drops spaces, brackets and dots,
// keeps one dash between area code and local number, and splits off an
// extension written as 转, 分机, ext, x, # or a second dash.
func clean(raw string) (s, ext string, err error) {
	var b strings.Builder
	for _, r := range raw {
		if r = fold.Width(r); r == '—' || r == '–' {
			r = '-'
		}
		if unicode.IsSpace(r) || strings.ContainsRune("()（）.", r) {
			continue
		}
		b.WriteRune(r)
	}
	s = strings.ToLower(b.String())
	if s == "" {
		return "", "", ErrEmpty
	}
	for _, sep := range []string{"转", "分机", "ext", "x", "#"} {
		if i := strings.Index(s, sep); i >= 0 {
			s, ext = s[:i], s[i+len(sep):]
			break
		}
	}
	ext = strings.Trim(ext, "-")
	if ext != "" && !allDigits(ext) {
		return "", "", ErrExtension
	}
	// Dashes: before a mobile number they are just grouping (138-1234-5678);
	// in a landline the first separates the area code, a second the
	// extension.
	parts := strings.Split(strings.Trim(s, "-"), "-")
	switch {
	case len(parts) == 1:
		s = parts[0]
	case strings.HasPrefix(parts[0], "0") && !strings.HasPrefix(parts[0], "00") && len(parts[0]) <= 4:
		s = parts[0] + "-" + parts[1]
		switch {
		case len(parts) == 2:
		case len(parts) == 3 && len(parts[1]) < 7:
			s += parts[2] // 010-6234-5678: the local number grouped
		case len(parts) == 3 && ext == "":
			ext = parts[2] // 010-62345678-801
			if !allDigits(ext) {
				return "", "", ErrExtension
			}
		default:
			return "", "", ErrLandline
		}
	default:
		s = strings.Join(parts, "")
	}
	if strings.Count(s, "+") > 1 || strings.LastIndexByte(s, '+') > 0 {
		return "", "", ErrChars
	}
	return s, ext, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '-' {
			return false
		}
	}
	return s != ""
}
