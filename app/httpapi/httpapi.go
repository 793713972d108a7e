// Package httpapi serves the app's services over HTTP for a browser, from the
// same list of service structs that the Wails window binds: each exported
// method is POST /api/<Service>/<Method> with a JSON array of arguments.
package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"reflect"
	"strings"

	"laifang/app"
)

// MaxRequestBytes caps a request body; intake forms are small, uploads are
// not sent this way.
const MaxRequestBytes = 8 << 20

var errorType = reflect.TypeFor[error]()

type method struct {
	fn      reflect.Value
	in      []reflect.Type
	hasOut  bool // returns a value besides the error
	hasErr  bool
	service string
}

// Handler serves the methods of services under /api/ and the static frontend
// from assets everywhere else.
func Handler(services []any, assets fs.FS) (http.Handler, error) {
	methods, err := table(services)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", &apiHandler{methods: methods})
	mux.Handle("/", http.FileServerFS(assets))
	return mux, nil
}

// table reflects the same exported methods Wails binds.
func table(services []any) (map[string]method, error) {
	out := map[string]method{}
	for _, svc := range services {
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
			md := method{fn: v.Method(i), in: in, service: name}
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
	methods map[string]method
}

func (h *apiHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, &app.Error{Code: "http.method", Message: "只接受 POST 请求。"})
		return
	}
	m, ok := h.methods[strings.TrimPrefix(r.URL.Path, "/api/")]
	if !ok {
		writeError(w, http.StatusNotFound, &app.Error{Code: "http.no_method", Message: "没有这个功能接口，请升级前端或后端到同一版本。"})
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxRequestBytes))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, &app.Error{Code: "http.too_large", Message: "提交的内容太大。"})
		return
	}
	args, err := decodeArgs(body, m.in)
	if err != nil {
		writeError(w, http.StatusBadRequest, &app.Error{Code: app.CodeBadRequest, Message: "请求参数格式不正确。"})
		return
	}
	res := m.fn.Call(args)
	if m.hasErr {
		if e := res[len(res)-1]; !e.IsNil() {
			ae := app.AsError(e.Interface().(error))
			status := http.StatusBadRequest
			if ae.Code == app.CodeInternal {
				status = http.StatusInternalServerError
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
