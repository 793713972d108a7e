package cli

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The probe, against serve itself: a page whose name was pointed at
// 127.0.0.1 sends Auth.Setup with its own Host and Origin; serve refuses
// it, and the office is still to be set up by the person at the PC.
func TestServeRefusesAnotherSitesHost(t *testing.T) {
	base := startServe(t, t.TempDir())
	port := base[strings.LastIndex(base, ":")+1:]
	send := func(host, path, body string) (int, map[string]any) {
		t.Helper()
		req, _ := http.NewRequest("POST", base+path, strings.NewReader(body))
		req.Host = host
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Origin", "http://"+host)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out map[string]any
		json.NewDecoder(res.Body).Decode(&out)
		return res.StatusCode, out
	}
	setup := `[{"orgName":"某镇","orgCode":"某","adminName":"王","adminLogin":"admin","password":"Admin2026pass"}]`
	if code, out := send("rebind.attacker.example:"+port, "/api/Auth/Setup", setup); code != http.StatusMisdirectedRequest {
		t.Fatalf("setup through a rebound name: %d %v", code, out)
	}
	if code, out := send("localhost:"+port, "/api/Auth/State", "[]"); code != 200 || out["setupNeeded"] != true {
		t.Fatalf("state by the loopback name: %d %v", code, out)
	}
}

// Under TLS every answer carries HSTS, and the certificate's names are
// hosts serve answers for.
func TestServeOverTLSSendsHSTS(t *testing.T) {
	dir := t.TempDir()
	base := startServe(t, dir, "--tls-self-signed")
	pemBytes, err := os.ReadFile(filepath.Join(dir, "tls", "laifang-selfsigned.crt"))
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pemBytes)
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	port := base[strings.LastIndex(base, ":")+1:]
	for _, u := range []string{base + "/", "https://localhost:" + port + "/"} {
		res, err := hc.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Strict-Transport-Security"), "max-age=") {
			t.Errorf("%s: %d, HSTS %q", u, res.StatusCode, res.Header.Get("Strict-Transport-Security"))
		}
	}
}

func TestServeHostsFollowTheAddress(t *testing.T) {
	loopback := []string{"localhost", "127.0.0.1", "::1"}
	if got := serveHosts("127.0.0.1:8730", nil); !slices.Equal(got, loopback) {
		t.Errorf("on loopback: %v", got)
	}
	name, _ := os.Hostname()
	name = strings.ToLower(name)
	if got := serveHosts("192.168.1.10:8730", nil); !slices.Contains(got, "192.168.1.10") || (name != "" && !slices.Contains(got, name)) {
		t.Errorf("on one address: %v", got)
	}
	if got := serveHosts("office.example.cn:8730", nil); !slices.Contains(got, "office.example.cn") {
		t.Errorf("on a name: %v", got)
	}
	for _, addr := range []string{"0.0.0.0:8730", "[::]:8730", ":8730"} {
		got := serveHosts(addr, nil)
		if name != "" && !slices.Contains(got, name) {
			t.Errorf("%s: no computer name in %v", addr, got)
		}
		ifaces, _ := net.InterfaceAddrs()
		for _, a := range ifaces {
			if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() && !slices.Contains(got, n.IP.String()) {
				t.Errorf("%s: no %s in %v", addr, n.IP, got)
			}
		}
	}
}
