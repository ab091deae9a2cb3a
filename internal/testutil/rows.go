// Package testutil holds the table-test helpers the packages' tests share,
// so that a rule's test is its table of rows and one call.
package testutil

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Reporter is the part of testing.TB the helpers use.
type Reporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// Rows calls f on the input of every row and reports each row whose result
// is not the one wanted (reflect.DeepEqual) as "name(input) = got; want
// want", strings quoted, a struct as its fields in order. Rows are checked
// in the order of their printed inputs, so the report is the same every run.
// A table without rows is reported too: a test that checks nothing fails.
// A function of several inputs or results is wrapped to take an array or
// struct and give a struct (unkeyed rows of a struct type need it declared
// in the test's own package, or go vet objects).
func Rows[In comparable, Out any](t Reporter, name string, f func(In) Out, rows map[In]Out) {
	t.Helper()
	if len(rows) == 0 {
		t.Errorf("%s: the table has no rows", name)
	}
	ins := make([]In, 0, len(rows))
	for in := range rows {
		ins = append(ins, in)
	}
	sort.Slice(ins, func(i, j int) bool { return Show(ins[i]) < Show(ins[j]) })
	for _, in := range ins {
		if got, want := f(in), rows[in]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s(%s) = %s; want %s", name, Show(in), Show(got), Show(want))
		}
	}
}

// Show prints v for a failure message: a string quoted, a struct or an
// array as its elements joined by ", " (the way a call's arguments and
// results read), a slice as [elements] (bytes as a quoted string), a
// Stringer by its String method, anything else as %v.
func Show(v any) string {
	return show(reflect.ValueOf(v))
}

func show(v reflect.Value) string {
	if v.IsValid() && v.CanInterface() && (v.Kind() != reflect.Pointer || !v.IsNil()) {
		if s, ok := v.Interface().(fmt.Stringer); ok {
			return s.String()
		}
	}
	switch v.Kind() {
	case reflect.Invalid:
		return "nil"
	case reflect.String:
		return strconv.Quote(v.String())
	case reflect.Struct:
		parts := make([]string, v.NumField())
		for i := range parts {
			parts[i] = show(v.Field(i))
		}
		return strings.Join(parts, ", ")
	case reflect.Array:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = show(v.Index(i))
		}
		return strings.Join(parts, ", ")
	case reflect.Slice:
		if v.IsNil() {
			return "nil"
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return strconv.Quote(string(v.Bytes()))
		}
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = show(v.Index(i))
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	return fmt.Sprint(v)
}

// Strings lists f of each element of xs, nil for none, so that a test can
// compare a list of results with a table row such as {"tag:text", ...}.
func Strings[T any](xs []T, f func(T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}
