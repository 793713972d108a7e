package app

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"testing"
)

// boundMethods lists "Service.Method" of every bound method of a set.
func boundMethods(services []any) map[string]reflect.Value {
	out := map[string]reflect.Value{}
	for _, s := range services {
		v := reflect.ValueOf(s)
		for i := 0; i < v.NumMethod(); i++ {
			out[v.Type().Elem().Name()+"."+v.Type().Method(i).Name] = v.Method(i)
		}
	}
	return out
}

// callZero calls a method with zero values and returns its error.
func callZero(m reflect.Value) error {
	args := make([]reflect.Value, m.Type().NumIn())
	for i := range args {
		args[i] = reflect.Zero(m.Type().In(i))
	}
	res := m.Call(args)
	if len(res) == 0 {
		return nil
	}
	if e, ok := res[len(res)-1].Interface().(error); ok {
		return e
	}
	return nil
}

func TestEveryBoundMethodIsInThePermissionTable(t *testing.T) {
	a, _ := testApp(t)
	bound := boundMethods(a.Services())
	for name := range bound {
		if _, ok := MethodPerms[name]; !ok {
			t.Errorf("%s is bound but not in MethodPerms: add it with the permission it needs", name)
		}
	}
	for name := range MethodPerms {
		if _, ok := bound[name]; !ok {
			t.Errorf("MethodPerms has %s, which is not bound", name)
		}
	}
}

// TestEveryRoleGetsWhatTheTableSays calls every bound method as every role,
// with and without the confidential grant, on its own fresh session, and
// compares "refused as forbidden" with MethodPerms and RolePerms.
func TestEveryRoleGetsWhatTheTableSays(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	n := 0
	for _, role := range Roles {
		for _, grant := range []bool{false, true} {
			for name := range MethodPerms {
				n++
				login := fmt.Sprintf("u%d", n)
				sess := addUser(t, a, login, role, grant)
				m := boundMethods(a.ServicesFor(sess))[name]
				err := callZero(m)
				want := true
				for _, p := range MethodPerms[name] {
					want = want && may(role, grant, p)
				}
				got := code(err) != CodeForbidden
				if got != want {
					t.Errorf("%s as %s (grant %v): allowed %v, table says %v (err %v)", name, role, grant, got, want, err)
				}
				if code(err) == CodeAuthRequired || code(err) == CodeAuthLocked {
					t.Errorf("%s as %s: refused as %s", name, role, code(err))
				}
			}
		}
	}
}

func TestWithoutASessionOnlyPublicMethodsAnswer(t *testing.T) {
	a, _ := testApp(t)
	setUp(t, a)
	anon := NewSession("外来", true)
	var public []string
	for name, m := range boundMethods(a.ServicesFor(anon)) {
		err := callZero(m)
		if c := code(err); c == CodeAuthRequired {
			continue
		}
		public = append(public, name)
	}
	sort.Strings(public)
	want := []string{"Auth.Login", "Auth.Setup", "Auth.State"}
	if !slices.Equal(public, want) {
		t.Errorf("answered without a session: %v, want %v", public, want)
	}
}

func TestBeforeSetupMethodsAskForIt(t *testing.T) {
	a, _ := testApp(t)
	if _, err := a.System.Info(); code(err) != CodeSetupRequired {
		t.Errorf("Info before setup: %v", err)
	}
	st, err := a.Auth.State()
	if err != nil || !st.SetupNeeded || st.SignedIn {
		t.Errorf("state: %+v %v", st, err)
	}
}
