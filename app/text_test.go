package app

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestWhichCharactersTextRefuses(t *testing.T) {
	ok := []string{"", "张三", "第一段\n\t第二段\r\n第三段", "ID 11010519491231002X", "😀👨‍👩‍👧", "a\u200bb", "100%（全角）"}
	for _, s := range ok {
		if r, _, bad := badRune(s); bad {
			t.Errorf("%q refused (U+%04X)", s, r)
		}
	}
	bad := []struct {
		s    string
		at   int
		want string // in the message
	}{
		{"\x00", 0, "开头含有不可见的控制字符（U+0000）"},
		{"张三\x00", 2, "第 2 个字之后含有不可见的控制字符（U+0000）"},
		{"a\x1bb", 1, "U+001B"},
		{"a\x7f", 1, "U+007F"},
		{"a\u0085", 1, "U+0085"},
		{"a\u009f", 1, "U+009F"},
		{"摘要\u202e要摘", 2, "文字方向控制符（U+202E）"},
		{"\u202a", 0, "U+202A"},
		{"\u2066x", 0, "U+2066"},
		{"x\u2069", 1, "U+2069"},
		{"010-\u200f1234", 4, "U+200F"},
		{"\u200e", 0, "U+200E"},
		{"\u061c", 0, "U+061C"},
		{"\ufeff张三", 0, "U+FEFF"},
		{"张\ufeff三", 1, "U+FEFF"},
		{"a\ufffdb", 1, "无法识别的字符"},
		{"a\xffb", 1, "无法识别的字符"},
		{"a\xed\xa0\x80b", 1, "无法识别的字符"}, // an encoded surrogate
	}
	for _, c := range bad {
		_, at, isBad := badRune(c.s)
		msg := textMessage(c.s, false)
		if !isBad || at != c.at || !strings.Contains(msg, c.want) {
			t.Errorf("%q: bad %v at %d, message %q; want at %d, %q", c.s, isBad, at, msg, c.at, c.want)
		}
	}
	if msg := textMessage("秘密\x00密码", true); !strings.Contains(msg, "U+0000") || strings.Contains(msg, "第") || strings.Contains(msg, "秘密") {
		t.Errorf("a password's message tells where or what: %q", msg)
	}
}

// textArgNames are the input names of bound methods' scalar string
// arguments (gate(..., named(name, v))), by method and position: the
// names the UI's forms give those inputs.
var textArgNames = map[string][]string{
	"Auth.Login":          {"login", "password"},
	"Auth.Unlock":         {"password"},
	"Auth.ChangePassword": {"oldPassword", "newPassword"},
	"Users.SetPassword":   {"", "password"},
	"Privacy.Reveal":      {"", "reason"},
	"Retention.Purge":     {"", "reason"},
	"Dicts.Reset":         {"name"},
	"Visits.SaveDraft":    {"text"},

	"Calendar.ImportHolidays": {"text"},
	"Calendar.UseProfile":     {"id"},

	"Letters.Printed":       {"", "how"},
	"Letters.Template":      {"kind"},
	"Letters.ResetTemplate": {"kind"},
	"Letters.SaveTemplate":  {"kind", "body"},
}

// textFiller fills the arguments of a method with valid text everywhere,
// every slice one element long, every pointer set, and puts bad in string
// number slot (in the order checkText walks); n counts the strings.
type textFiller struct {
	slot, n int
	bad     string
}

func (f *textFiller) fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if f.n == f.slot {
			v.SetString(f.bad)
		} else {
			v.SetString("正常文字")
		}
		f.n++
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		f.fill(v.Elem())
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		f.fill(v.Index(0))
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			f.fill(v.Index(i))
		}
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return
		}
		v.Set(reflect.MakeMap(v.Type()))
		e := reflect.New(v.Type().Elem()).Elem()
		f.fill(e)
		v.SetMapIndex(reflect.ValueOf("k").Convert(v.Type().Key()), e)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			sf := v.Type().Field(i)
			if sf.Tag.Get("json") == "-" || !v.Field(i).CanSet() {
				continue
			}
			f.fill(v.Field(i))
		}
	}
}

// at finds path ("people[0].name", "entries[0].label") in a value as JSON
// carries it, the way the frontend's valueAt does.
func at(v any, path string) any {
	for _, part := range regexp.MustCompile(`[.\[\]]`).Split(path, -1) {
		if part == "" {
			continue
		}
		switch x := v.(type) {
		case map[string]any:
			v = x[part]
		case []any:
			var i int
			fmt.Sscan(part, &i)
			if i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// TestEveryTextInputRefusesControlCharacters calls every bound method that
// takes a string, as a user who may call it, with a NUL and then U+202E in
// each of its strings in turn, and wants the refusal of that character
// with the field it is in, before anything happens: a method added later
// is called too.
func TestEveryTextInputRefusesControlCharacters(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	var names []string
	for name := range MethodPerms {
		names = append(names, name)
	}
	sort.Strings(names)
	tried := map[string]int{}
	for i, name := range names {
		role := ""
		for _, r := range Roles {
			ok := true
			for _, p := range MethodPerms[name] {
				ok = ok && may(r, true, p)
			}
			if ok {
				role = r
				break
			}
		}
		if role == "" {
			t.Errorf("%s: no role may call it", name)
			continue
		}
		sess := addUser(t, a, fmt.Sprintf("text%d", i), role, true)
		m := boundMethods(a.ServicesFor(sess))[name]
		for _, bad := range []string{"前\x00后", "前\u202e后"} {
			for slot := 0; ; slot++ {
				f := &textFiller{slot: slot, bad: bad}
				args := make([]reflect.Value, m.Type().NumIn())
				arg, where := -1, ""
				for j := range args {
					args[j] = reflect.New(m.Type().In(j)).Elem()
					f.fill(args[j])
					if arg < 0 && f.n > slot {
						arg = j
						if args[j].Kind() == reflect.String {
							where = "#"
						}
					}
				}
				if arg < 0 {
					break // every string tried
				}
				tried[name]++
				res := m.Call(args)
				err, _ := res[len(res)-1].Interface().(error)
				e := AsError(err)
				label := fmt.Sprintf("%s with %q in string %d", name, bad, slot)
				if err == nil || e.Code != CodeText {
					t.Errorf("%s: %v, want %s (does its gate get its inputs?)", label, err, CodeText)
					continue
				}
				if where == "#" {
					names := textArgNames[name]
					if arg >= len(names) || names[arg] == "" {
						t.Errorf("%s: argument %d is a bare string: name it in gate (named) and in textArgNames", name, arg)
					} else if e.Field != names[arg] {
						t.Errorf("%s: field %q, want %q", label, e.Field, names[arg])
					}
				} else {
					raw, _ := json.Marshal(args[arg].Interface())
					var doc any
					_ = json.Unmarshal(raw, &doc)
					if e.Field == "" || at(doc, e.Field) != bad {
						t.Errorf("%s: field %q does not name where the character is in %s", label, e.Field, raw)
					}
				}
				want := "U+0000"
				if strings.Contains(bad, "\u202e") {
					want = "U+202E"
				}
				if !strings.Contains(e.Message, want) || strings.Contains(e.Message, "前") {
					t.Errorf("%s: message %q", label, e.Message)
				}
			}
		}
	}
	// Not a test that passes on nothing: the forms are in it.
	for _, name := range []string{"Auth.Login", "Auth.Setup", "Dicts.Save", "Users.Save", "Settings.Save",
		"Wording.Save", "Visits.Register", "Cases.AddRecord", "Privacy.Reveal"} {
		if tried[name] == 0 {
			t.Errorf("%s was not tried", name)
		}
	}
	for name := range textArgNames {
		if _, ok := MethodPerms[name]; !ok {
			t.Errorf("textArgNames has %s, which is not bound", name)
		}
	}
	// Nothing of it reached the file.
	st, _ := a.store()
	s, _ := st.Settings()
	if s.OrgName != "某某镇人民政府" {
		t.Errorf("the office's name is now %q", s.OrgName)
	}
}

// Valid text with paragraphs and tabs still saves, and reads back as typed.
func TestMultiLineTextWithTabsSaves(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	c := clerk(t, a, "clerk1", RoleClerk, false)
	text := "第一段：\t工资拖欠。\n第二段：\r\n\t1. 核实；\n\t2. 答复。"
	w, err := c.Wording.Save(WordingEntry{Topic: "工资拖欠", Text: text, Basis: "《保障农民工工资支付条例》\n第三条"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Wording.List(WordingQuery{})
	if err != nil || len(got) != 1 || got[0].Text != text || w.Text != text {
		t.Errorf("read back %+v %v", got, err)
	}
	if _, err := a.Auth.Login("admin", adminPassword); err != nil {
		t.Errorf("a plain login: %v", err)
	}
}
