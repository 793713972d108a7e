package store

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"reflect"
	"strconv"
	"sync"
	"testing"

	"github.com/tinylib/msgp/msgp"
)

// fill sets every exported field that JSON stores (and so MessagePack
// must) to a value that is not zero, nested structs and slices included.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("值")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(7)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(7)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0))
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() && f.Tag.Get("json") != "-" {
				fill(v.Field(i))
			}
		}
	}
}

// Every field of the records stored as MessagePack survives it: a field
// added to one of these types without `go generate ./store/` would be
// silently dropped on save, and fails here.
func TestMsgpackKeepsEveryField(t *testing.T) {
	for _, rec := range []interface {
		msgp.Marshaler
		msgp.Unmarshaler
	}{&Case{}, &Event{}, &Person{}, &AuditEntry{}, &Task{}, &Letter{}} {
		fill(reflect.ValueOf(rec).Elem())
		raw, err := encode(rec)
		if err != nil {
			t.Fatal(err)
		}
		back := reflect.New(reflect.TypeOf(rec).Elem())
		if err := decodeJSON(raw, back.Interface()); err != nil {
			t.Fatalf("%T: %v", rec, err)
		}
		if !reflect.DeepEqual(back.Interface(), rec) {
			t.Errorf("%T changed through MessagePack:\n%+v\n%+v", rec, rec, back.Interface())
		}
	}
}

// The pooled keyed hash gives what a fresh HMAC gives, for every salt and
// from many goroutines at once.
func TestSecretKeyPooled(t *testing.T) {
	fresh := func(salt []byte, kind, value string) []byte {
		m := hmac.New(sha256.New, salt)
		m.Write([]byte(kind + "\x00" + value))
		return m.Sum(nil)[:8]
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				salt := []byte{byte(i % 3), byte(g % 2)}
				kind, value := "phone", strconv.Itoa(13800000000+i)
				if got, want := secretKey(salt, kind, value), fresh(salt, kind, value); !bytes.Equal(got, want) {
					t.Errorf("salt %x %s: %x, want %x", salt, value, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
