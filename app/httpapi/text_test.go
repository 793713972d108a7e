package httpapi

import (
	"strings"
	"testing"

	"laifang/app"
)

// Over HTTP a control character arrives JSON-escaped, an unpaired
// surrogate or a bad byte arrives as U+FFFD: the services refuse each
// with the field it is in, as in the window.
func TestServeRefusesControlCharactersByField(t *testing.T) {
	srv := realServer(t)
	c := newClient(t, srv)
	if code, out, _ := c.call("/api/Auth/Setup", setup); code != 200 {
		t.Fatalf("setup: %d %v", code, out)
	}
	for _, tc := range []struct {
		path, body, field string
	}{
		{"/api/Auth/Login", `["admin","Admin2026pass\u0000"]`, "password"},
		{"/api/Auth/Login", `["ad\u202emin","Admin2026pass"]`, "login"},
		{"/api/Wording/List", `[{"text":"工资\ud800"}]`, "text"},
		{"/api/Wording/List", "[{\"text\":\"工资\xff\"}]", "text"},
		{"/api/Settings/Save", `[{"orgName":"某镇\u2066人民政府","rev":1}]`, "orgName"},
	} {
		code, out, _ := c.call(tc.path, tc.body)
		if code != 400 || out["code"] != app.CodeText || out["field"] != tc.field {
			t.Errorf("%s %s: %d %v", tc.path, tc.body, code, out)
		}
		if msg, _ := out["message"].(string); strings.Contains(msg, "Admin2026pass") {
			t.Errorf("the message shows the password: %q", msg)
		}
	}
}
