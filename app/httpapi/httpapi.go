// Package httpapi serves the app's services over HTTP for a browser, from the
// same list of service structs that the Wails window binds: each exported
// method is POST /api/<Service>/<Method> with a JSON array of arguments.
//
// Every call acts for a session. A browser signs in with Auth.Login (or the
// first Auth.Setup); the answer sets two cookies, both SameSite=Strict: the
// session (HttpOnly) and a CSRF token that the page's script reads and sends
// back as the X-Laifang-CSRF header of every call. Without a session only
// the public methods (app.IsPublic) and the static files answer; the
// permission checks themselves are made by the services, whichever
// transport called them.
package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"strings"

	"laifang/app"
)

// MaxRequestBytes caps a request body; intake forms are small, uploads are
// not sent this way.
const MaxRequestBytes = 8 << 20

// MaxPublicBytes caps what a caller without a session may send.
const MaxPublicBytes = 64 << 10

// Cookie and header names.
const (
	SessionCookie = "laifang_session"
	CSRFCookie    = "laifang_csrf"
	CSRFHeader    = "X-Laifang-CSRF"
)

// ContentSecurityPolicy lets the page run its own scripts only: petitioners'
// text that slipped into markup would still not run.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
	"base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

var errorType = reflect.TypeFor[error]()

type method struct {
	service int // index in the list of services
	index   int // method index on the service's pointer type
	in      []reflect.Type
	hasOut  bool // returns a value besides the error
	hasErr  bool
	name    string // Service/Method
	public  bool
}

// Options tune the handler.
type Options struct {
	// Secure marks the cookies Secure and sends HSTS (serve over TLS).
	Secure bool
	// Hosts are the names and addresses the Host header may carry besides
	// the loopback names (localhost, 127.0.0.1, ::1), which always may:
	// serve's --addr, this PC's names when it listens on every address,
	// the certificate's names. Any other Host is refused, so that a page of
	// another site whose name was pointed at this PC (DNS rebinding)
	// reaches nothing.
	Hosts []string
	// Port is the port serve listens on; a Host with another is refused.
	// Empty: any port (a test server's).
	Port string
}

// HSTSMaxAge is how long a browser that met serve over TLS keeps to TLS
// (180 days). No includeSubDomains: the name may be an address, or a
// name whose other hosts are not ours.
const HSTSMaxAge = 180 * 24 * 60 * 60

// Handler serves the services of a under /api/, each call acting for the
// browser's session, and the static frontend from assets everywhere else.
func Handler(a *app.App, assets fs.FS, opts Options) (http.Handler, error) {
	return newHandler(a.Services(), a.ServicesFor, a.Sessions, assets, opts)
}

// newHandler is Handler with the parts apart: proto gives the method table,
// bind the services acting for a session; sessions nil serves proto to
// anyone (tests of the transport alone).
func newHandler(proto []any, bind func(*app.Session) []any, sessions *app.Sessions, assets fs.FS, opts Options) (http.Handler, error) {
	methods, err := table(proto)
	if err != nil {
		return nil, err
	}
	hosts := newHostCheck(opts)
	mux := http.NewServeMux()
	mux.Handle("/api/", &apiHandler{methods: methods, proto: proto, bind: bind, sessions: sessions, opts: opts, hosts: hosts})
	mux.Handle("/", http.FileServerFS(assets))
	return secureHeaders(mux, hosts, opts.Secure), nil
}

var errHost = &app.Error{Code: "http.host",
	Message: "这个地址不是本服务的地址，已拒绝。请使用 laifang serve 启动时显示的地址访问。"}

// secureHeaders refuses a request for a host serve does not answer for,
// before anything else (static files too), and sets the headers of every
// answer.
func secureHeaders(h http.Handler, hosts *hostCheck, secure bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", ContentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		if secure {
			hd.Set("Strict-Transport-Security", fmt.Sprintf("max-age=%d", HSTSMaxAge))
		}
		if !hosts.allowed(r.Host) {
			writeError(w, http.StatusMisdirectedRequest, errHost)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// hostCheck is the set of Host values serve answers for.
type hostCheck struct {
	names       map[string]bool // lower case, no trailing dot; IPs in net.IP's form
	port        string          // "" for any
	defaultPort string          // a Host without a port means this one
}

func newHostCheck(opts Options) *hostCheck {
	c := &hostCheck{names: map[string]bool{}, port: opts.Port, defaultPort: "80"}
	if opts.Secure {
		c.defaultPort = "443"
	}
	for _, n := range append([]string{"localhost", "127.0.0.1", "::1"}, opts.Hosts...) {
		if n = canonicalHost(n); n != "" {
			c.names[n] = true
		}
	}
	return c
}

func canonicalHost(h string) string {
	h = strings.TrimSuffix(strings.ToLower(strings.Trim(h, "[]")), ".")
	if ip := net.ParseIP(h); ip != nil {
		return ip.String()
	}
	return h
}

// allowed tells whether a Host header (name or address, with or without a
// port) is one of the set.
func (c *hostCheck) allowed(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		host, port = hostport, c.defaultPort
	}
	if c.port != "" && port != c.port {
		return false
	}
	host = canonicalHost(host)
	if host == "" {
		return false
	}
	if c.names[host] {
		return true
	}
	// A certificate's wildcard name covers one label.
	_, parent, ok := strings.Cut(host, ".")
	return ok && net.ParseIP(host) == nil && c.names["*."+parent]
}

// table reflects the same exported methods Wails binds.
func table(services []any) (map[string]method, error) {
	out := map[string]method{}
	for si, svc := range services {
		v := reflect.ValueOf(svc)
		t := v.Type()
		if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
			return nil, fmt.Errorf("httpapi: service %T is not a pointer to a struct", svc)
		}
		name := t.Elem().Name()
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			mt := m.Type
			var in []reflect.Type
			for j := 1; j < mt.NumIn(); j++ {
				in = append(in, mt.In(j))
			}
			md := method{service: si, index: i, in: in, name: name + "/" + m.Name, public: app.IsPublic(name, m.Name)}
			switch mt.NumOut() {
			case 0:
			case 1:
				if mt.Out(0) == errorType {
					md.hasErr = true
				} else {
					md.hasOut = true
				}
			case 2:
				if mt.Out(1) != errorType {
					return nil, fmt.Errorf("httpapi: %s.%s: second result must be error", name, m.Name)
				}
				md.hasOut, md.hasErr = true, true
			default:
				return nil, fmt.Errorf("httpapi: %s.%s returns too many values", name, m.Name)
			}
			out[name+"/"+m.Name] = md
		}
	}
	return out, nil
}

type apiHandler struct {
	methods  map[string]method
	proto    []any
	bind     func(*app.Session) []any
	sessions *app.Sessions
	opts     Options
	hosts    *hostCheck
}

var (
	errAuth  = &app.Error{Code: app.CodeAuthRequired, Message: "请先登录。"}
	errCSRF  = &app.Error{Code: "http.csrf", Message: "请求未通过安全校验，请刷新页面后重试。"}
	errCType = &app.Error{Code: "http.content_type", Message: "请求格式不正确（须为 JSON）。"}
)

func (h *apiHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, &app.Error{Code: "http.method", Message: "只接受 POST 请求。"})
		return
	}
	// A cross-site form can send neither a JSON content type nor a custom
	// header without the browser asking first (and we answer no CORS).
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		writeError(w, http.StatusUnsupportedMediaType, errCType)
		return
	}
	if !h.sameOrigin(r) {
		writeError(w, http.StatusForbidden, errCSRF)
		return
	}
	m, ok := h.methods[strings.TrimPrefix(r.URL.Path, "/api/")]
	if !ok {
		writeError(w, http.StatusNotFound, &app.Error{Code: "http.no_method", Message: "没有这个功能接口，请升级前端或后端到同一版本。"})
		return
	}
	services := h.proto
	var sess, old *app.Session
	if h.sessions != nil {
		if c, err := r.Cookie(SessionCookie); err == nil {
			old = h.sessions.Lookup(c.Value)
		}
		badToken := false
		if old != nil && !old.CheckCSRF(r.Header.Get(CSRFHeader)) {
			old, badToken = nil, true // a request without the page's token acts for no one
		}
		switch {
		case m.name == "Auth/Login" || m.name == "Auth/Setup":
			sess = newSession(r) // a sign-in always gets new tokens
		case old != nil:
			sess = old
		case m.public:
			sess = newSession(r)
		case badToken:
			writeError(w, http.StatusForbidden, errCSRF)
			return
		default:
			expireCookies(w, h.opts.Secure)
			writeError(w, http.StatusUnauthorized, errAuth)
			return
		}
		services = h.bind(sess)
	}
	limit := int64(MaxRequestBytes)
	if h.sessions != nil && old == nil {
		limit = MaxPublicBytes
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, &app.Error{Code: "http.too_large", Message: "提交的内容太大。"})
		return
	}
	args, err := decodeArgs(body, m.in)
	if err != nil {
		writeError(w, http.StatusBadRequest, &app.Error{Code: app.CodeBadRequest, Message: "请求参数格式不正确。"})
		return
	}
	res := reflect.ValueOf(services[m.service]).Method(m.index).Call(args)
	if h.sessions != nil {
		h.afterCall(w, sess, old)
	}
	if m.hasErr {
		if e := res[len(res)-1]; !e.IsNil() {
			ae := app.AsError(e.Interface().(error))
			status := http.StatusBadRequest
			switch ae.Code {
			case app.CodeInternal:
				status = http.StatusInternalServerError
			case app.CodeAuthRequired, app.CodeSetupRequired, app.CodeAuthLocked:
				status = http.StatusUnauthorized
			case app.CodeForbidden:
				status = http.StatusForbidden
			case app.CodeStale:
				status = http.StatusConflict
			case app.CodeBusy:
				status = http.StatusServiceUnavailable
				w.Header().Set("Retry-After", "1")
			}
			writeError(w, status, ae)
			return
		}
	}
	var out any
	if m.hasOut {
		out = res[0].Interface()
	}
	writeJSON(w, http.StatusOK, out)
}

// afterCall keeps the cookies in step with the session: a new sign-in is
// registered, a sign-out forgotten.
func (h *apiHandler) afterCall(w http.ResponseWriter, sess, old *app.Session) {
	if sess != old && sess.SignedIn() {
		if old != nil {
			h.sessions.Remove(old.Token())
		}
		token, csrf := h.sessions.Add(sess)
		setCookies(w, token, csrf, h.opts.Secure)
		return
	}
	if sess == old && old != nil && !old.SignedIn() {
		h.sessions.Remove(old.Token())
		expireCookies(w, h.opts.Secure)
	}
}

func setCookies(w http.ResponseWriter, token, csrf string, secure bool) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: secure})
	http.SetCookie(w, &http.Cookie{Name: CSRFCookie, Value: csrf, Path: "/",
		SameSite: http.SameSiteStrictMode, Secure: secure})
}

func expireCookies(w http.ResponseWriter, secure bool) {
	for _, n := range []string{SessionCookie, CSRFCookie} {
		http.SetCookie(w, &http.Cookie{Name: n, Value: "", Path: "/", MaxAge: -1, HttpOnly: n == SessionCookie,
			SameSite: http.SameSiteStrictMode, Secure: secure})
	}
}

// newSession is a fresh session for the PC the request came from.
func newSession(r *http.Request) *app.Session {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	remote := ip == nil || !ip.IsLoopback()
	return app.NewSession(host, remote)
}

// sameOrigin refuses a request whose Origin (sent by browsers on POST) is
// another site: its scheme, host and port must be the request's own, and
// the host one serve answers for.
func (h *apiHandler) sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	scheme := "http"
	if h.opts.Secure {
		scheme = "https"
	}
	u, err := url.Parse(o)
	return err == nil && u.Scheme == scheme && strings.EqualFold(u.Host, r.Host) && h.hosts.allowed(u.Host)
}

func decodeArgs(body []byte, types []reflect.Type) ([]reflect.Value, error) {
	var raw []json.RawMessage
	if len(bytes.TrimSpace(body)) > 0 {
		if err := json.Unmarshal(body, &raw); err != nil {
			return nil, err
		}
	}
	if len(raw) > len(types) {
		return nil, fmt.Errorf("got %d arguments, want %d", len(raw), len(types))
	}
	args := make([]reflect.Value, len(types))
	for i, t := range types {
		p := reflect.New(t)
		if i < len(raw) {
			if err := json.Unmarshal(raw[i], p.Interface()); err != nil {
				return nil, err
			}
		}
		args[i] = p.Elem()
	}
	return args, nil
}

func writeError(w http.ResponseWriter, status int, e *app.Error) { writeJSON(w, status, e) }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
