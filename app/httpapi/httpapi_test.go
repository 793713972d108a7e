package httpapi

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"laifang/app"
	"laifang/store"
)

type Greeter struct{ calls int }

type Greeting struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

func (g *Greeter) Hello(name string, times int) (Greeting, error) {
	if name == "" {
		return Greeting{}, &app.Error{Code: "greet.name", Message: "请填写姓名", Field: "name"}
	}
	g.calls++
	return Greeting{Text: strings.Repeat(name, times), Count: g.calls}, nil
}
func (g *Greeter) Fail() error               { return errors.New("disk on fire at /secret/path") }
func (g *Greeter) Locked() (int, error)      { return 0, store.ErrLocked }
func (g *Greeter) Ping()                     {}
func (g *Greeter) Echo(in Greeting) Greeting { return in }

func serve(t *testing.T) *httptest.Server {
	t.Helper()
	h, err := newHandler([]any{&Greeter{}}, nil, nil, fstest.MapFS{"index.html": {Data: []byte("<title>来访接待</title>")}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func post(t *testing.T, srv *httptest.Server, path, body string) (int, map[string]any) {
	t.Helper()
	res, err := http.Post(srv.URL+path, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

func TestCallsMethodWithArguments(t *testing.T) {
	srv := serve(t)
	code, out := post(t, srv, "/api/Greeter/Hello", `["访", 3]`)
	if code != 200 || out["text"] != "访访访" || out["count"] != 1.0 {
		t.Fatalf("got %d %v", code, out)
	}
	code, out = post(t, srv, "/api/Greeter/Echo", `[{"text":"a","count":7}]`)
	if code != 200 || out["text"] != "a" || out["count"] != 7.0 {
		t.Fatalf("struct argument: got %d %v", code, out)
	}
}

func TestErrorsCarryCodeAndChineseMessage(t *testing.T) {
	srv := serve(t)
	cases := []struct {
		path, body string
		status     int
		code       string
		message    string
	}{
		{"/api/Greeter/Hello", `["", 1]`, 400, "greet.name", "请填写姓名"},
		{"/api/Greeter/Locked", `[]`, 400, app.CodeStoreLocked, "数据文件正被另一个程序使用"},
		{"/api/Greeter/Fail", ``, 500, app.CodeInternal, "系统内部错误"},
		{"/api/Greeter/Nope", `[]`, 404, "http.no_method", "没有这个功能接口"},
		{"/api/Greeter/Hello", `{"name":1}`, 400, app.CodeBadRequest, "请求参数格式不正确"},
		{"/api/Greeter/Hello", `[1, "x"]`, 400, app.CodeBadRequest, "请求参数格式不正确"},
		{"/api/Greeter/Hello", `["a", 1, 2]`, 400, app.CodeBadRequest, "请求参数格式不正确"},
	}
	for _, c := range cases {
		status, out := post(t, srv, c.path, c.body)
		if status != c.status || out["code"] != c.code || !strings.Contains(out["message"].(string), c.message) {
			t.Errorf("%s %s: got %d %v, want %d %s %s", c.path, c.body, status, out, c.status, c.code, c.message)
		}
		if strings.Contains(out["message"].(string), "/secret/path") {
			t.Errorf("%s leaked an internal detail: %v", c.path, out)
		}
	}
}

func TestRejectsGetAndHugeBodies(t *testing.T) {
	srv := serve(t)
	res, err := http.Get(srv.URL + "/api/Greeter/Ping")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: got %d", res.StatusCode)
	}
	status, out := post(t, srv, "/api/Greeter/Hello", `["`+strings.Repeat("x", MaxRequestBytes)+`", 1]`)
	if status != http.StatusRequestEntityTooLarge || out["code"] != "http.too_large" {
		t.Errorf("huge body: got %d %v", status, out)
	}
}

func TestServesTheFrontend(t *testing.T) {
	srv := serve(t)
	res, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	buf := new(strings.Builder)
	if _, err := io.Copy(buf, res.Body); err != nil || !strings.Contains(buf.String(), "来访接待") {
		t.Fatalf("index: %v %q", err, buf)
	}
}

func TestRefusesNonStructServices(t *testing.T) {
	if _, err := newHandler([]any{Greeter{}}, nil, nil, fstest.MapFS{}, Options{}); err == nil {
		t.Fatal("a struct value was accepted as a service")
	}
}
