package cli

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"laifang/app"
	"laifang/store"

	bolt "go.etcd.io/bbolt"
)

func TestDataDirPrefersFlagThenPortableThenUserFolder(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", filepath.Join(t.TempDir(), "xdg"))
	t.Setenv("HOME", t.TempDir())
	exeDir := t.TempDir()
	exe := filepath.Join(exeDir, "laifang")
	os.WriteFile(exe, nil, 0o755)

	flagDir := filepath.Join(t.TempDir(), "office")
	if got, err := resolveDataDir(flagDir, exe); err != nil || got != flagDir {
		t.Errorf("--data: got %q %v, want %q", got, err, flagDir)
	}
	if _, err := os.Stat(flagDir); err != nil {
		t.Errorf("--data folder was not created: %v", err)
	}

	got, err := resolveDataDir("", exe)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(os.Getenv("XDG_DATA_HOME"), "laifang"); got != want {
		t.Errorf("default: got %q, want %q", got, want)
	}

	os.WriteFile(filepath.Join(exeDir, PortableMarker), nil, 0o644)
	if got, err := resolveDataDir("", exe); err != nil || got != exeDir {
		t.Errorf("portable: got %q %v, want %q", got, err, exeDir)
	}
}

// startServe runs `laifang serve` on a free port and returns its base URL.
func startServe(t *testing.T, dir string, flags ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int)
	go func() {
		done <- Run(append([]string{"serve", "--data", dir, "--addr", "127.0.0.1:0"}, flags...), Env{
			Version: "test-1", Assets: fstest.MapFS{"index.html": {Data: []byte("ok")}},
			Stdout: pw, Stderr: io.Discard, Ctx: ctx,
		})
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed no address: %v", err)
	}
	go io.Copy(io.Discard, pr)
	m := regexp.MustCompile(`https?://[0-9.:]+`).FindString(line)
	if m == "" {
		t.Fatalf("no address in %q", line)
	}
	return m
}

// signIn sets the office up over HTTP and returns a client with the
// session cookie and the CSRF token to send.
func signIn(t *testing.T, base string, hc *http.Client) (*http.Client, string) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	hc.Jar = jar
	body := `[{"orgName":"某镇","orgCode":"某","adminName":"王","adminLogin":"admin","password":"Admin2026pass"}]`
	res, err := hc.Post(base+"/api/Auth/Setup", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("setup: %d", res.StatusCode)
	}
	for _, c := range res.Cookies() {
		if c.Name == "laifang_csrf" {
			return hc, c.Value
		}
	}
	t.Fatal("no csrf cookie")
	return nil, ""
}

func info(t *testing.T, base string, hc *http.Client, csrf string) app.SystemInfo {
	t.Helper()
	req, _ := http.NewRequest("POST", base+"/api/System/Info", strings.NewReader("[]"))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Laifang-CSRF", csrf)
	res, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var info app.SystemInfo
	if err := json.NewDecoder(res.Body).Decode(&info); err != nil {
		t.Fatal(err)
	}
	return info
}

func TestServeAnswersSystemInfoForItsDataFile(t *testing.T) {
	dir := t.TempDir()
	base := startServe(t, dir)
	res, err := http.Post(base+"/api/System/Info", "application/json", strings.NewReader("[]"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("Info without a session: %d", res.StatusCode)
	}
	hc, csrf := signIn(t, base, &http.Client{})
	info := info(t, base, hc, csrf)
	if info.DataPath != filepath.Join(dir, app.DataFileName) || info.Version != "test-1" || info.DataSize <= 0 {
		t.Errorf("info: %+v", info)
	}
}

func TestServeOverTLSWithASelfSignedCertificate(t *testing.T) {
	dir := t.TempDir()
	base := startServe(t, dir, "--tls-self-signed")
	if !strings.HasPrefix(base, "https://") {
		t.Fatalf("address: %s", base)
	}
	pemBytes, err := os.ReadFile(filepath.Join(dir, "tls", "laifang-selfsigned.crt"))
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pemBytes)
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	hc, csrf := signIn(t, base, hc)
	if got := info(t, base, hc, csrf); got.Version != "test-1" {
		t.Fatalf("info over TLS: %+v", got)
	}
	// The session cookie is Secure over TLS.
	req, _ := http.NewRequest("POST", base+"/api/Auth/Login", strings.NewReader(`["admin","Admin2026pass"]`))
	req.Header.Set("Content-Type", "application/json")
	res, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	for _, c := range res.Cookies() {
		if !c.Secure {
			t.Errorf("cookie %s not Secure over TLS", c.Name)
		}
	}
	var stderr bytes.Buffer
	if code := Run([]string{"serve", "--data", dir, "--tls-cert", "x.pem"}, Env{Stdout: io.Discard, Stderr: &stderr, Ctx: context.Background()}); code == 0 || !strings.Contains(stderr.String(), "--tls-key") {
		t.Errorf("cert without key: %d %q", code, stderr.String())
	}
}

func TestAuditVerifyCatchesAnEditedFile(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(filepath.Join(dir, app.DataFileName), store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		if err := s.AppendAudit(&store.AuditEntry{Action: "login", User: 1}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	var out, stderr bytes.Buffer
	if code := Run([]string{"audit", "verify", "--data", dir}, Env{Stdout: &out, Stderr: &stderr}); code != 0 || !strings.Contains(out.String(), "共 5 条") {
		t.Fatalf("clean log: %d %q %q", code, out.String(), stderr.String())
	}
	// Someone removes entry 3 with a bbolt editor.
	db, err := bolt.Open(filepath.Join(dir, app.DataFileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("audit")).Delete([]byte{0, 0, 0, 0, 0, 0, 0, 3}) })
	db.Close()
	out.Reset()
	stderr.Reset()
	code := Run([]string{"audit", "verify", "--data", dir}, Env{Stdout: &out, Stderr: &stderr})
	if code != 1 || !strings.Contains(out.String(), "第 4 条（被删除）") || !strings.Contains(stderr.String(), "审计日志已被改动") {
		t.Fatalf("edited log: %d %q %q", code, out.String(), stderr.String())
	}
}

func TestBackupIsAudited(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if code := Run([]string{"backup", "--data", dir, filepath.Join(t.TempDir(), "copy.db")}, Env{Stdout: &out, Stderr: &out}); code != 0 {
		t.Fatalf("backup: %s", out.String())
	}
	s, err := store.Open(filepath.Join(dir, app.DataFileName), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var last *store.AuditEntry
	s.View(func(tx *store.Tx) error { last, err = tx.LastAudit(); return err })
	if err != nil || last.Action != "backup" || !strings.HasPrefix(last.Workstation, "命令行") {
		t.Fatalf("audit: %+v %v", last, err)
	}
}

// A restore from the command line leaves its entry in the restored file:
// who (the command line, the OS user), what, and from which file; the
// chain stays whole, and `audit verify` says so.
func TestRestoreIsAuditedInTheRestoredFile(t *testing.T) {
	dir := t.TempDir()
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if out, code := run(t, "backup", "--data", dir, copyPath); code != 0 {
		t.Fatalf("backup: %s", out)
	}
	if out, code := run(t, "restore", "--data", dir, copyPath); code != 0 {
		t.Fatalf("restore: %s", out)
	}
	s, err := store.Open(filepath.Join(dir, app.DataFileName), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var entries []store.AuditEntry
	s.View(func(tx *store.Tx) error { entries, err = tx.Audit(0, 0); return err })
	s.Close()
	if err != nil || len(entries) == 0 {
		t.Fatalf("audit: %v %v", entries, err)
	}
	last := entries[len(entries)-1]
	if last.Action != "restore" || last.Entity != "file" || last.User != 0 ||
		!strings.Contains(last.Summary, copyPath) || !strings.HasPrefix(last.Workstation, "命令行") {
		t.Errorf("the restored file's last entry: %+v", last)
	}
	// The backup's own entry went into the live file after the copy was
	// made, so the restored file has no backup entry: only the restore.
	for _, e := range entries[:len(entries)-1] {
		if e.Action == "restore" {
			t.Errorf("a restore entry before the last one: %+v", e)
		}
	}
	if out, code := run(t, "audit", "verify", "--data", dir); code != 0 || !strings.Contains(out, "审计日志完整") {
		t.Errorf("audit verify after restore: %d %s", code, out)
	}
	// A refused restore writes no entry anywhere.
	before, _ := os.ReadFile(filepath.Join(dir, app.DataFileName))
	bad := filepath.Join(t.TempDir(), "bad.db")
	os.WriteFile(bad, []byte("not a data file"), 0o600)
	if _, code := run(t, "restore", "--data", dir, bad); code == 0 {
		t.Fatal("a bad file was restored")
	}
	if after, _ := os.ReadFile(filepath.Join(dir, app.DataFileName)); string(after) != string(before) {
		t.Error("a refused restore changed the data file")
	}
}

func TestLockedDataFileGivesAChineseMessageNotAHang(t *testing.T) {
	dir := t.TempDir()
	held, err := store.Open(filepath.Join(dir, app.DataFileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	var stderr bytes.Buffer
	start := time.Now()
	code := Run([]string{"serve", "--data", dir, "--addr", "127.0.0.1:0"}, Env{Stdout: io.Discard, Stderr: &stderr, Ctx: context.Background()})
	if code == 0 || !strings.Contains(stderr.String(), "数据文件正被另一个程序使用") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestUnknownCommandAndWindowlessBuild(t *testing.T) {
	var stderr bytes.Buffer
	if code := Run([]string{"frobnicate"}, Env{Stderr: &stderr, Stdout: io.Discard}); code != 2 || !strings.Contains(stderr.String(), "没有命令") {
		t.Errorf("unknown command: exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := Run([]string{"--data", t.TempDir()}, Env{Stderr: &stderr, Stdout: io.Discard}); code != 1 || !strings.Contains(stderr.String(), "没有桌面窗口") {
		t.Errorf("window without desktop: exit %d, %q", code, stderr.String())
	}
}

func TestFlagsAfterArgumentsAreNotIgnored(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	data := fs.String("data", "", "")
	if err := parseInterspersed(fs, []string{"copy.db", "--data", "/office", "more"}); err != nil {
		t.Fatal(err)
	}
	if *data != "/office" || strings.Join(fs.Args(), " ") != "copy.db more" {
		t.Errorf("data %q args %q", *data, fs.Args())
	}
	// After "--" everything is an argument, as usual.
	fs = flag.NewFlagSet("t", flag.ContinueOnError)
	data = fs.String("data", "", "")
	if err := parseInterspersed(fs, []string{"--", "--data"}); err != nil || *data != "" || strings.Join(fs.Args(), " ") != "--data" {
		t.Errorf("after --: data %q args %q err %v", *data, fs.Args(), err)
	}
}
