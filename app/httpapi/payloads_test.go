package httpapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"laifang/app"
	"laifang/store"
	"laifang/store/gen"
)

// payloadFile is the list the browser specs use too (frontend/e2e/payloads.mjs).
type payloadFile struct {
	Flag     string `json:"flag"`
	Payloads []struct {
		Name string `json:"name"`
		Text string `json:"text"`
	} `json:"payloads"`
	Long struct {
		Name   string `json:"name"`
		Unit   string `json:"unit"`
		Length int    `json:"length"`
	} `json:"long"`
}

type payload struct{ name, text string }

// loadPayloads reads frontend/e2e/payloads.json: the short payloads, then
// the long text built as payloads.mjs builds it (the unit repeated to
// exactly Length UTF-16 units; the unit is all BMP, so runes too).
func loadPayloads(t *testing.T) []payload {
	t.Helper()
	raw, err := os.ReadFile("../../frontend/e2e/payloads.json")
	if err != nil {
		t.Fatal(err)
	}
	var f payloadFile
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	var out []payload
	for _, p := range f.Payloads {
		out = append(out, payload{p.Name, p.Text})
	}
	unit := []rune(f.Long.Unit)
	long := make([]rune, 0, f.Long.Length)
	for len(long) < f.Long.Length {
		long = append(long, unit[len(long)%len(unit)])
	}
	out = append(out, payload{f.Long.Name, string(long)})
	if len(out) < 8 || utf8.RuneCountInString(out[len(out)-1].text) != 20000 {
		t.Fatalf("payloads.json: %d payloads", len(out))
	}
	return out
}

// The JSON API gives petitioners' text back exactly as it was typed,
// whatever it looks like (tags, template braces, javascript: URLs), in
// JSON that no browser would take for HTML; text longer than a field
// allows is refused with a Chinese message naming the field, never cut.
func TestPayloadsComeBackVerbatim(t *testing.T) {
	ps := loadPayloads(t)
	// A confidential case, written before the app opens the file.
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, app.DataFileName), store.Options{NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	g := gen.New(5)
	r, err := st.SaveIntake(&store.Intake{Case: store.Case{Title: "检举", Type: "检举控告", Confidential: true},
		People: []store.IntakePerson{{Person: g.Person(), Role: "主信访人"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveIntake(&store.Intake{Case: store.Case{Title: "咨询", Type: "咨询"},
		People: []store.IntakePerson{{Person: g.Person(), Role: "主信访人"}}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	a := app.New(app.Options{DataDir: dir})
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
	admin := newClient(t, srv)
	if code, out, _ := admin.call("/api/Auth/Setup", setup); code != 200 {
		t.Fatalf("setup: %d %v", code, out)
	}

	// call sends args and decodes the answer into out; it checks what
	// every answer must be: JSON, not sniffable, no raw '<' in the bytes.
	call := func(c *client, path string, out any, args ...any) (int, *app.Error) {
		t.Helper()
		body, _ := json.Marshal(args)
		req, _ := http.NewRequest("POST", srv.URL+path, strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(CSRFHeader, c.csrf)
		res, err := c.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var raw json.RawMessage
		if err := json.NewDecoder(res.Body).Decode(&raw); err != nil {
			t.Fatalf("%s: not JSON: %v", path, err)
		}
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("%s: Content-Type %q", path, ct)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
		if strings.ContainsAny(string(raw), "<>") {
			t.Errorf("%s: a raw < or > in the JSON: it should be \\u003c", path)
		}
		if res.StatusCode != 200 {
			var e app.Error
			json.Unmarshal(raw, &e)
			return res.StatusCode, &e
		}
		if out != nil {
			if err := json.Unmarshal(raw, out); err != nil {
				t.Fatal(err)
			}
		}
		return res.StatusCode, nil
	}
	refused := func(what string, code int, e *app.Error, field string) {
		t.Helper()
		if code != 400 || e == nil || e.Field != field || e.Message == "" || !hasHan(e.Message) {
			t.Errorf("%s: want a Chinese refusal on %s, got %d %+v", what, field, code, e)
		}
	}

	// The office settings: four text fields.
	var set app.OfficeSettings
	call(admin, "/api/Settings/Get", &set)
	for _, p := range ps {
		in := set
		in.OrgName, in.ReviewOrg, in.RecheckOrg = p.text, p.text, p.text
		in.OrgCode = string([]rune(p.text)[:min(10, utf8.RuneCountInString(p.text))])
		var got app.OfficeSettings
		code, e := call(admin, "/api/Settings/Save", &got, in)
		if utf8.RuneCountInString(p.text) > 100 {
			refused("settings "+p.name, code, e, "orgName")
			in.OrgName = "某某镇人民政府"
			code, e = call(admin, "/api/Settings/Save", &got, in)
			refused("settings "+p.name, code, e, "reviewOrg")
			in.ReviewOrg = "县信访局"
			code, e = call(admin, "/api/Settings/Save", &got, in)
			refused("settings "+p.name, code, e, "recheckOrg")
			continue
		}
		if e != nil {
			t.Fatalf("settings %s: %d %+v", p.name, code, e)
		}
		var back app.OfficeSettings
		call(admin, "/api/Settings/Get", &back)
		if back.OrgName != p.text || back.ReviewOrg != p.text || back.RecheckOrg != p.text || back.OrgCode != in.OrgCode {
			t.Errorf("settings %s came back as %q %q %q %q", p.name, back.OrgName, back.ReviewOrg, back.RecheckOrg, back.OrgCode)
		}
		var info app.SystemInfo
		call(admin, "/api/System/Info", &info)
		if info.OfficeName != p.text {
			t.Errorf("System.Info office %s: %q", p.name, info.OfficeName)
		}
		set = back
	}

	// User names, and a head who may reveal.
	var head app.UserInfo
	if code, e := call(admin, "/api/Users/Save", &head, app.UserInput{Login: "head", Name: "负责人", Role: app.RoleHead,
		Confidential: true, Active: true, Password: "Head-2026-x"}); e != nil {
		t.Fatalf("head: %d %+v", code, e)
	}
	for i, p := range ps {
		in := app.UserInput{Login: "u" + p.name, Name: p.text, Role: app.RoleReader, Active: true, Password: "Reader-2026"}
		var got app.UserInfo
		code, e := call(admin, "/api/Users/Save", &got, in)
		if utf8.RuneCountInString(p.text) > 30 {
			refused("user name "+p.name, code, e, "name")
			continue
		}
		if e != nil {
			t.Fatalf("user %s: %d %+v", p.name, code, e)
		}
		var list []app.UserInfo
		call(admin, "/api/Users/List", &list)
		found := false
		for _, u := range list {
			found = found || (u.ID == got.ID && u.Name == p.text)
		}
		if got.Name != p.text || !found {
			t.Errorf("user name %s came back as %q", p.name, got.Name)
		}
		// A payload as a login name is refused on the login field.
		code, e = call(admin, "/api/Users/Save", nil, app.UserInput{Login: ps[i%2].text, Name: "某人", Role: app.RoleReader,
			Active: true, Password: "Reader-2026"})
		refused("login "+p.name, code, e, "login")
	}

	// Reveal reasons go to the audit log and come back verbatim.
	hc := newClient(t, srv)
	if code, out, _ := hc.call("/api/Auth/Login", `["head","Head-2026-x"]`); code != 200 {
		t.Fatalf("head login: %d %v", code, out)
	}
	for _, p := range ps {
		code, e := call(hc, "/api/Privacy/Reveal", nil, r.CaseID, p.text)
		if utf8.RuneCountInString(p.text) > 200 {
			refused("reveal "+p.name, code, e, "reason")
			continue
		}
		if e != nil {
			t.Fatalf("reveal %s: %d %+v", p.name, code, e)
		}
	}
	// Reception records on an ordinary case: every text field back verbatim
	// in the case view's timeline; past Go's limit, refused on the field.
	plainCase := r.CaseID + 1
	for _, p := range ps {
		n := utf8.RuneCountInString(p.text)
		rec := app.CaseRecord{RecordInput: app.RecordInput{Statement: p.text, QA: p.text, Explanations: p.text, Materials: p.text}, Present: 1}
		if n >= 20000 {
			// One character past the record's limit (the intake's too) is
			// refused on its field.
			over := rec
			over.Materials = p.text + "材"
			code, e := call(hc, "/api/Cases/AddRecord", nil, plainCase, over)
			refused("record materials "+p.name, code, e, "materials")
		}
		if code, e := call(hc, "/api/Cases/AddRecord", nil, plainCase, rec); e != nil {
			t.Fatalf("record %s: %d %+v", p.name, code, e)
		}
	}
	var detail app.CaseDetail
	if code, e := call(hc, "/api/Cases/Get", &detail, plainCase); e != nil {
		t.Fatalf("case view: %d %+v", code, e)
	}
	texts := map[string]int{}
	for _, en := range detail.Timeline {
		if en.Record != nil {
			texts[en.Record.Statement]++
			texts[en.Record.QA]++
			texts[en.Record.Explanations]++
			texts[en.Record.Materials]++
		}
	}
	for _, p := range ps {
		want := 4 // statement, qa, explanations, materials
		if texts[p.text] != want {
			t.Errorf("record %s: the text came back %d times verbatim, want %d", p.name, texts[p.text], want)
		}
	}

	var rows app.AuditRows
	call(hc, "/api/Audit/List", &rows, app.AuditQuery{Action: "reveal", Limit: 100})
	reasons := map[string]bool{}
	for _, row := range rows.Rows {
		reasons[row.Reason] = true
	}
	for _, p := range ps {
		if utf8.RuneCountInString(p.text) <= 200 && !reasons[p.text] {
			t.Errorf("reveal reason %s is not in the audit log verbatim", p.name)
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
