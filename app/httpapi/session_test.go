package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"laifang/app"
	"laifang/store"
)

type client struct {
	t    *testing.T
	srv  *httptest.Server
	http *http.Client
	csrf string
}

func realServer(t *testing.T) *httptest.Server {
	t.Helper()
	a := app.New(app.Options{DataDir: t.TempDir()})
	if err := a.Open(store.Options{NoSync: true, NoDailyBackup: true}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	h, err := Handler(a, fstest.MapFS{"index.html": {Data: []byte("<title>来访接待</title>")}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func newClient(t *testing.T, srv *httptest.Server) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, srv: srv, http: &http.Client{Jar: jar}}
}

func (c *client) call(path, body string, hdr ...string) (int, map[string]any, *http.Response) {
	c.t.Helper()
	req, _ := http.NewRequest("POST", c.srv.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if c.csrf != "" {
		req.Header.Set(CSRFHeader, c.csrf)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var out map[string]any
	json.Unmarshal(raw, &out)
	for _, ck := range res.Cookies() {
		if ck.Name == CSRFCookie {
			c.csrf = ck.Value
		}
	}
	return res.StatusCode, out, res
}

const setup = `[{"orgName":"某某镇人民政府","orgCode":"某镇","adminName":"王管理","adminLogin":"admin","password":"Admin2026pass"}]`

func TestWithoutASessionOnlyLoginAndFilesAnswer(t *testing.T) {
	srv := realServer(t)
	c := newClient(t, srv)
	if code, out, _ := c.call("/api/System/Info", `[]`); code != 401 || out["code"] != app.CodeAuthRequired {
		t.Fatalf("Info without a session: %d %v", code, out)
	}
	if code, out, _ := c.call("/api/Auth/State", `[]`); code != 200 || out["setupNeeded"] != true {
		t.Fatalf("State: %d %v", code, out)
	}
	res, err := http.Get(srv.URL + "/")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("static files: %v %v", res, err)
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("CSP: %q", csp)
	}
	res.Body.Close()
}

func TestLoginSetsStrictCookiesAndCallsNeedTheCSRFToken(t *testing.T) {
	srv := realServer(t)
	c := newClient(t, srv)
	code, out, res := c.call("/api/Auth/Setup", setup)
	if code != 200 || out["signedIn"] != true {
		t.Fatalf("setup: %d %v", code, out)
	}
	var session, csrf *http.Cookie
	for _, ck := range res.Cookies() {
		switch ck.Name {
		case SessionCookie:
			session = ck
		case CSRFCookie:
			csrf = ck
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteStrictMode || len(session.Value) < 40 {
		t.Fatalf("session cookie: %+v", session)
	}
	if csrf == nil || csrf.HttpOnly || csrf.SameSite != http.SameSiteStrictMode || csrf.Value == session.Value {
		t.Fatalf("csrf cookie: %+v", csrf)
	}
	if code, out, _ := c.call("/api/System/Info", `[]`); code != 200 || out["userName"] != "王管理" {
		t.Fatalf("Info signed in: %d %v", code, out)
	}
	// The cookie alone (a forged cross-site request) is not enough.
	token := c.csrf
	c.csrf = ""
	if code, _, _ := c.call("/api/System/Info", `[]`); code != 403 {
		t.Fatalf("without the CSRF header: %d", code)
	}
	c.csrf = "forged"
	if code, _, _ := c.call("/api/System/Info", `[]`); code != 403 {
		t.Fatalf("with a wrong CSRF header: %d", code)
	}
	c.csrf = token
	if code, _, _ := c.call("/api/System/Info", `[]`, "Origin", "http://evil.example"); code != 403 {
		t.Fatalf("another origin: %d", code)
	}
	req, _ := http.NewRequest("POST", srv.URL+"/api/System/Info", strings.NewReader(`[]`))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set(CSRFHeader, token)
	if res, _ := c.http.Do(req); res.StatusCode != http.StatusUnsupportedMediaType {
		t.Fatalf("a form post: %d", res.StatusCode)
	}
	if code, _, _ := c.call("/api/Auth/Logout", `[]`); code != 200 {
		t.Fatalf("logout: %d", code)
	}
	if code, _, _ := c.call("/api/System/Info", `[]`); code != 401 {
		t.Fatalf("after logout: %d", code)
	}
	// Each browser has its own session.
	other := newClient(t, srv)
	if code, _, _ := other.call("/api/Auth/Login", `["admin","wrong"]`); code != 400 {
		t.Fatalf("wrong password: %d", code)
	}
	if code, _, _ := other.call("/api/Auth/Login", `["admin","Admin2026pass"]`); code != 200 {
		t.Fatalf("login: %d", code)
	}
	if code, _, _ := c.call("/api/System/Info", `[]`); code != 401 {
		t.Fatalf("the first browser got the second's session: %d", code)
	}
	if code, _, _ := other.call("/api/Users/List", `[]`); code != 200 {
		t.Fatalf("second browser: %d", code)
	}
}

func TestAPublicCallerCannotSendMuch(t *testing.T) {
	srv := realServer(t)
	c := newClient(t, srv)
	code, out, _ := c.call("/api/Auth/Login", `["`+strings.Repeat("x", MaxPublicBytes)+`","y"]`)
	if code != http.StatusRequestEntityTooLarge {
		t.Fatalf("big login: %d %v", code, out)
	}
}
