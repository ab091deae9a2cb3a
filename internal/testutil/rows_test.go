package testutil

import (
	"fmt"
	"strings"
	"testing"
)

// log records what Rows reports instead of failing the test.
type log struct{ lines []string }

func (l *log) Helper() {}
func (l *log) Errorf(format string, args ...any) {
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func TestRowsReportsEachWrongRow(t *testing.T) {
	var l log
	Rows(&l, "upper", strings.ToUpper, map[string]string{"ab": "AB", "cd": "cd", "e f": "E"})
	want := []string{`upper("cd") = "CD"; want "cd"`, `upper("e f") = "E F"; want "E"`}
	if strings.Join(l.lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("reported %q, want %q", l.lines, want)
	}
}

// cut holds the results of strings.Cut.
type cut struct {
	before, after string
	found         bool
}

func TestRowsSeveralResults(t *testing.T) {
	var l log
	Rows(&l, "cut", func(in [2]string) cut { b, a, ok := strings.Cut(in[0], in[1]); return cut{b, a, ok} }, map[[2]string]cut{
		{"a:b", ":"}: {"a", "b", true},
		{"ab", ":"}:  {"ab", "", true},
	})
	Rows(&l, "split", func(in string) []string { return strings.Split(in, ",") }, map[string][]string{
		"a,b": {"a", "b"},
		"a b": nil,
	})
	want := []string{`cut("ab", ":") = "ab", "", false; want "ab", "", true`,
		`split("a b") = ["a b"]; want nil`}
	if strings.Join(l.lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("reported %q, want %q", l.lines, want)
	}
}

func TestRowsRefusesAnEmptyTable(t *testing.T) {
	var l log
	Rows(&l, "upper", strings.ToUpper, map[string]string{})
	if len(l.lines) != 1 || l.lines[0] != "upper: the table has no rows" {
		t.Errorf("reported %q, want one complaint about the empty table", l.lines)
	}
}

func TestShow(t *testing.T) {
	var nilSlice []int
	for _, tc := range []struct {
		v    any
		want string
	}{
		{"a\tb", `"a\tb"`},
		{[]byte("hi"), `"hi"`},
		{nilSlice, "nil"},
		{[]int{1, 2}, "[1 2]"},
		{struct {
			s string
			n int
		}{"x", 3}, `"x", 3`},
		{fmt.Errorf("boom"), "boom"},
		{nil, "nil"},
	} {
		if got := Show(tc.v); got != tc.want {
			t.Errorf("Show(%#v) = %s, want %s", tc.v, got, tc.want)
		}
	}
}

func TestStrings(t *testing.T) {
	if got := Strings([]int{1, 22}, func(n int) string { return fmt.Sprint(n) }); len(got) != 2 || got[0] != "1" || got[1] != "22" {
		t.Errorf("Strings = %q, want [1 22]", got)
	}
	if got := Strings(nil, func(n int) string { return "x" }); got != nil {
		t.Errorf("Strings of nothing = %q, want nil", got)
	}
}
