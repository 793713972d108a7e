package httpapi

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

// The probe: on a new office served on loopback, a page of
// rebind.attacker.example (its name pointed at 127.0.0.1) sent Auth.Setup
// with its own Host and a matching Origin, and set the office up. Any Host
// serve does not answer for is now refused, static files too.
func TestARebindingHostReachesNothing(t *testing.T) {
	srv := realServer(t)
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	send := func(method, path, host, origin, body string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		req.Host = host
		if method == "POST" {
			req.Header.Set("Content-Type", "application/json")
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	evil := "rebind.attacker.example:" + port
	if res := send("POST", "/api/Auth/Setup", evil, "http://"+evil, setup); res.StatusCode != http.StatusMisdirectedRequest {
		t.Fatalf("setup through a rebound name: %d", res.StatusCode)
	}
	if res := send("GET", "/", evil, "", ""); res.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("static file through a rebound name: %d", res.StatusCode)
	}
	c := newClient(t, srv)
	if code, out, _ := c.call("/api/Auth/State", `[]`); code != 200 || out["setupNeeded"] != true {
		t.Fatalf("the office was set up from outside: %d %v", code, out)
	}
	// An Origin of another host, even one of ours, is another origin.
	if res := send("POST", "/api/Auth/State", "127.0.0.1:"+port, "http://localhost:"+port, "[]"); res.StatusCode != http.StatusForbidden {
		t.Errorf("Origin of another host: %d", res.StatusCode)
	}
	if res := send("POST", "/api/Auth/State", "127.0.0.1:"+port, "https://127.0.0.1:"+port, "[]"); res.StatusCode != http.StatusForbidden {
		t.Errorf("Origin of another scheme: %d", res.StatusCode)
	}
	for _, host := range []string{"localhost:" + port, "127.0.0.1:" + port, "LOCALHOST.:" + port} {
		if res := send("GET", "/", host, "", ""); res.StatusCode != 200 {
			t.Errorf("GET / as %s: %d", host, res.StatusCode)
		}
	}
	if code, out, _ := c.call("/api/Auth/Setup", setup, "Origin", srv.URL); code != 200 || out["signedIn"] != true {
		t.Fatalf("setup from the page's own origin: %d %v", code, out)
	}
}

func TestOnlyTheHostsServeListensForAnswer(t *testing.T) {
	h := newHostCheck(Options{Port: "8730", Hosts: []string{"Office-PC", "192.168.1.10", "[fd00::10]", "office.example.cn.", "*.ban.example.cn"}})
	for host, want := range map[string]bool{
		"localhost:8730":               true,
		"127.0.0.1:8730":               true,
		"[::1]:8730":                   true,
		"office-pc:8730":               true,
		"OFFICE-PC.:8730":              true,
		"192.168.1.10:8730":            true,
		"[fd00::10]:8730":              true,
		"office.example.cn:8730":       true,
		"office-pc:8731":               false, // another port
		"localhost":                    false, // port 80
		"127.0.0.2:8730":               false,
		"192.168.1.11:8730":            false,
		"rebind.attacker.example:8730": false,
		"evil.office-pc:8730":          false,
		"":                             false,
		":8730":                        false,
	} {
		if got := h.allowed(host); got != want {
			t.Errorf("Host %q: allowed %v, want %v", host, got, want)
		}
	}
	// Under TLS a Host without a port means 443.
	tlsHosts := newHostCheck(Options{Secure: true, Port: "443", Hosts: []string{"office-pc"}})
	if !tlsHosts.allowed("office-pc") || !tlsHosts.allowed("office-pc:443") || tlsHosts.allowed("office-pc:80") {
		t.Error("default port under TLS")
	}
}

func TestHSTSUnderTLSOnly(t *testing.T) {
	for _, secure := range []bool{false, true} {
		h, err := newHandler([]any{&Greeter{}}, nil, nil, fstest.MapFS{"index.html": {Data: []byte("ok")}}, Options{Secure: secure})
		if err != nil {
			t.Fatal(err)
		}
		for _, host := range []string{"127.0.0.1:8730", "rebind.attacker.example"} {
			w := httptest.NewRecorder()
			r := httptest.NewRequest("GET", "/", nil)
			r.Host = host
			h.ServeHTTP(w, r)
			hsts := w.Header().Get("Strict-Transport-Security")
			if secure != (hsts != "") || (secure && (hsts != "max-age=15552000" || strings.Contains(hsts, "includeSubDomains"))) {
				t.Errorf("secure %v, Host %s: HSTS %q", secure, host, hsts)
			}
		}
	}
	// The refusal says so in Chinese.
	h, _ := newHandler([]any{&Greeter{}}, nil, nil, fstest.MapFS{}, Options{})
	w := httptest.NewRecorder()
	r := httptest.NewRequest("POST", "/api/Greeter/Ping", strings.NewReader("[]"))
	r.Host = "rebind.attacker.example"
	r.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(w, r)
	if w.Code != http.StatusMisdirectedRequest || !strings.Contains(w.Body.String(), "不是本服务的地址") {
		t.Errorf("refusal: %d %s", w.Code, w.Body.String())
	}
}
