package app

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Text a client sends: every string of every bound method's input passes
// badRune, through gate (gate(method, in...) walks the inputs), so the
// window (Wails calls the methods directly) and serve (HTTP) refuse the
// same characters, and a new method cannot forget it.
//
// Refused, anywhere in a string:
//   - C0 controls except tab, line feed and carriage return, DEL, and C1
//     controls (U+0080–U+009F): invisible, and NUL ends strings in the
//     programs a letter or an export is opened with.
//   - The bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069): they make text display in another order than it is
//     stored (U+202E showed an audit summary reversed).
//   - The bidirectional marks U+200E, U+200F and U+061C too: they are
//     invisible like the overrides, and a mark of the opposite direction
//     before digits is enough to show "12-34" as "34-12" (a phone number or
//     an ID number displayed other than it is stored and searched). Chinese
//     text never needs them; they only arrive pasted from elsewhere.
//   - U+FEFF (a byte-order mark or zero-width no-break space) anywhere: it
//     is invisible and makes a name or an ID number not match its twin.
//   - U+FFFD and invalid UTF-8: the JSON decoder turns an unpaired
//     surrogate or a bad byte into U+FFFD, so text that reaches Go with it
//     has already lost a character somewhere (a damaged paste).
//
// Allowed: tab and line breaks (a statement has paragraphs), every other
// printable character, the zero-width joiners of emoji.

// CodeText is the code of a refused character.
const CodeText = "text.control"

// badRune returns the first character of s that no text field takes, its
// position (0-based, in characters) and true; or false when s is fine.
func badRune(s string) (rune, int, bool) {
	n := 0
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				r = -1 // a byte that is not UTF-8
			}
			return r, n, true
		}
		if refused(r) {
			return r, n, true
		}
		n++
	}
	return 0, 0, false
}

func refused(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
		r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == 0xfeff:
		return true
	}
	return false
}

// textMessage says what is wrong with s in Chinese, naming the character
// and where it is; "" when s is fine. A secret (a password) gets no
// position, so that the message tells nothing about it.
func textMessage(s string, secret bool) string {
	r, at, bad := badRune(s)
	if !bad {
		return ""
	}
	where := ""
	if !secret {
		if at == 0 {
			where = "开头"
		} else {
			where = fmt.Sprintf("第 %d 个字之后", at)
		}
	}
	switch {
	case r == -1 || r == utf8.RuneError:
		return where + "含有无法识别的字符（编码损坏，常见于复制粘贴），请删除后重新输入。"
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return fmt.Sprintf("%s含有不可见的文字方向控制符（U+%04X），它会使内容显示的顺序与实际不符，请删除后再保存。", where, r)
	}
	return fmt.Sprintf("%s含有不可见的控制字符（U+%04X），请删除后再保存。", where, r)
}

// namedInput is one scalar argument of a bound method with the name of
// the input the UI shows it in ("password", "reason").
type namedInput struct {
	name  string
	value any
}

// named names a scalar argument for checkText: gate("Auth.Login",
// named("login", login), named("password", password)).
func named(name string, v any) namedInput { return namedInput{name, v} }

// checkText refuses the first string in the inputs that is not acceptable
// text, with a field error whose field is the input's path as the UI's
// field errors name it: "statement", "people[1].name",
// "entries[3].label" (a form's JSON field names), or the name given with
// named. A form (a struct) is passed as it is: its fields are the paths.
func checkText(in ...any) error {
	for _, v := range in {
		path := ""
		if n, ok := v.(namedInput); ok {
			path, v = n.name, n.value
		}
		if err := walkText(reflect.ValueOf(v), path); err != nil {
			return err
		}
	}
	return nil
}

func walkText(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.String:
		if msg := textMessage(v.String(), isSecret(path)); msg != "" {
			return fieldError(path, CodeText, msg)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return walkText(v.Elem(), path)
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return nil // bytes, not text
		}
		for i := 0; i < v.Len(); i++ {
			if err := walkText(v.Index(i), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			p := join(path, fmt.Sprint(k))
			if err := walkText(k, p); err != nil {
				return err
			}
			if err := walkText(v.MapIndex(k), p); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, embedded, ok := jsonName(f)
			if !ok {
				continue
			}
			p := join(path, name)
			if embedded {
				p = path
			}
			if err := walkText(v.Field(i), p); err != nil {
				return err
			}
		}
	}
	return nil
}

// jsonName is the name encoding/json gives a field; embedded is true for
// an untagged embedded struct, whose fields JSON lifts into the parent;
// ok is false for a field JSON neither reads nor writes.
func jsonName(f reflect.StructField) (name string, embedded, ok bool) {
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false, false
	}
	name, _, _ = strings.Cut(tag, ",")
	if f.Anonymous && name == "" {
		t := f.Type
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() == reflect.Struct {
			return "", true, true
		}
	}
	if !f.IsExported() {
		return "", false, false
	}
	if name == "" {
		name = f.Name
	}
	return name, false, true
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// isSecret tells a password input by its name ("password",
// "newPassword", "admin.password").
func isSecret(path string) bool {
	return strings.HasSuffix(strings.ToLower(path), "password")
}
