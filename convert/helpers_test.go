package convert

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"newsclip/internal/testutil"
)

// two holds a rule's two results in order, so that a row of a table reads
// as the call's results: {"URGENT", "Port closed"}.
type two[A, B any] struct {
	a A
	b B
}

// rows checks a rule with one result against its table: testutil.Rows,
// named like rows2 so that every rule test here reads the same.
func rows[In comparable, Out any](t *testing.T, name string, f func(In) Out, table map[In]Out) {
	t.Helper()
	testutil.Rows(t, name, f, table)
}

// rows2 is rows for a rule with two results.
func rows2[In comparable, A, B any](t *testing.T, name string, f func(In) (A, B), table map[In]two[A, B]) {
	t.Helper()
	testutil.Rows(t, name, func(in In) two[A, B] { a, b := f(in); return two[A, B]{a, b} }, table)
}

// mustConvert converts data read from the file name and stops the test if
// that fails.
func mustConvert(t testing.TB, name string, data []byte) *Document {
	t.Helper()
	doc, err := Convert(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// convertAs converts data read from the file name and stops the test unless
// it is read as the input format given and gives n articles.
func convertAs(t testing.TB, name string, data []byte, format string, n int) *Document {
	t.Helper()
	doc := mustConvert(t, name, data)
	if doc.Source.Format != format || len(doc.Articles) != n {
		t.Fatalf("%s: format %q, %d articles; want %q, %d", name, doc.Source.Format, len(doc.Articles), format, n)
	}
	return doc
}

// firstArticle converts data read from the file name and returns the first
// article, stopping the test if there is none.
func firstArticle(t testing.TB, name string, data []byte) *Article {
	t.Helper()
	doc := mustConvert(t, name, data)
	if len(doc.Articles) == 0 {
		t.Fatalf("%s: no article", name)
	}
	return doc.Articles[0]
}

// creditStrings lists "role:name" for each credit.
func creditStrings(cs []Credit) []string {
	return testutil.Strings(cs, func(c Credit) string { return c.Role + ":" + c.Name })
}

// blockTexts lists the text of each block.
func blockTexts(bs []Block) []string {
	return testutil.Strings(bs, Block.Text)
}

// ruleRow is one row of a rule file: its line number (from 1) and its
// fields, unquoted.
type ruleRow struct {
	line   int
	fields []string
}

// parseRules reads the rule file name (README.md in testdata/rules has
// the format): one row a line, its fields split by runs of tabs; a field
// that starts with a double quote is a Go string literal; a field that
// starts with # ends the row (a comment), and a line that starts with # is
// one. A field it cannot read is an error naming file and line.
func parseRules(name string, data []byte) ([]ruleRow, error) {
	var rows []ruleRow
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		r := ruleRow{line: i + 1}
		for _, f := range strings.FieldsFunc(strings.TrimSuffix(line, "\r"), func(c rune) bool { return c == '\t' }) {
			if strings.HasPrefix(f, "#") {
				break
			}
			if strings.HasPrefix(f, `"`) {
				u, err := strconv.Unquote(f)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: field %s is no Go string: %v", name, r.line, f, err)
				}
				f = u
			} else if strings.TrimSpace(f) != f {
				return nil, fmt.Errorf("%s:%d: field %q begins or ends in white space: quote it", name, r.line, f)
			}
			r.fields = append(r.fields, f)
		}
		if len(r.fields) > 0 {
			rows = append(rows, r)
		}
	}
	return rows, nil
}

// readRules reads the rows of testdata/rules/name.txt and gives its path.
func readRules(t *testing.T, name string) (string, []ruleRow) {
	t.Helper()
	path := filepath.Join("testdata", "rules", name+".txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := parseRules(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return path, rows
}

// ruleFile checks the function f against every row of
// testdata/rules/name.txt: f is called with the row's first fields (as
// many as f takes: string, []byte or int) and must give the rest (one field
// a result: a string as it is, a bool or int as Go prints it, a list of
// strings as %q prints it: ["Ann Lee" "Bo Ma"], so that it cannot be taken
// for a list of one). Each wrong row is reported with its file and
// line, as
//
//	testdata/rules/fixNameCase.txt:4: fixNameCase("MARTIN Kowalski") = "Martin kowalski"; want "Martin Kowalski"
//
// and so are a row with the wrong number of fields, an input that repeats
// an earlier row's and a file without rows: no row can check nothing.
func ruleFile(t *testing.T, name string, f any) {
	t.Helper()
	path, rows := readRules(t, name)
	fv := reflect.ValueOf(f)
	if fv.Kind() != reflect.Func {
		t.Fatalf("%s: the rule is a %T, not a function", path, f)
	}
	ft := fv.Type()
	if len(rows) == 0 {
		t.Errorf("%s: the file has no rows", path)
	}
	seen := map[string]int{}
	for _, r := range rows {
		if len(r.fields) != ft.NumIn()+ft.NumOut() {
			t.Errorf("%s:%d: %d fields, want %d arguments and %d results", path, r.line, len(r.fields), ft.NumIn(), ft.NumOut())
			continue
		}
		in, want := r.fields[:ft.NumIn()], r.fields[ft.NumIn():]
		args := shown(in, ft.In)
		if at, ok := seen[args]; ok {
			t.Errorf("%s:%d: %s repeats the input of line %d", path, r.line, args, at)
		}
		seen[args] = r.line
		var got []string
		for _, v := range fv.Call(ruleArgs(t, path, r.line, ft, in)) {
			got = append(got, ruleResult(v))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s:%d: %s(%s) = %s; want %s", path, r.line, name, args, shown(got, ft.Out), shown(want, ft.Out))
		}
	}
}

// ruleArgs turns a row's argument fields into the values f takes.
func ruleArgs(t *testing.T, path string, line int, ft reflect.Type, in []string) []reflect.Value {
	t.Helper()
	args := make([]reflect.Value, len(in))
	for i, s := range in {
		switch ft.In(i) {
		case reflect.TypeFor[string]():
			args[i] = reflect.ValueOf(s)
		case reflect.TypeFor[[]byte]():
			args[i] = reflect.ValueOf([]byte(s))
		case reflect.TypeFor[int]():
			n, err := strconv.Atoi(s)
			if err != nil {
				t.Fatalf("%s:%d: argument %d: %v", path, line, i+1, err)
			}
			args[i] = reflect.ValueOf(n)
		default:
			t.Fatalf("%s: the rule takes a %s; a file gives strings, bytes and ints", path, ft.In(i))
		}
	}
	return args
}

// ruleResult prints a rule's result as a rule file writes it; a result of
// another type prints as a note that the rule wants an adapter.
func ruleResult(v reflect.Value) string {
	switch r := v.Interface().(type) {
	case string:
		return r
	case bool, int:
		return fmt.Sprint(r)
	case []string:
		return fmt.Sprintf("%q", r)
	}
	return fmt.Sprintf("(a %s: give the rule an adapter)", v.Type())
}

// shown lists a row's fields for a report, comma-separated: a field
// that stands for a string (typ(i) is the type of the i-th) quoted, any
// other as the file writes it.
func shown(fields []string, typ func(int) reflect.Type) string {
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = f
		if k := typ(i).Kind(); k == reflect.String || k == reflect.Slice && typ(i).Elem().Kind() == reflect.Uint8 {
			parts[i] = strconv.Quote(f)
		}
	}
	return strings.Join(parts, ", ")
}

// orBlank gives a rule's three string results as they are where it
// matched (ok), and "" for each where it did not: a rule file's row for a
// line that is no match wants "" and false, whatever the rule left in
// its fields.
func orBlank(a, b, c string, ok bool) (string, string, string, bool) {
	if !ok {
		return "", "", "", false
	}
	return a, b, c, true
}

// randomText joins n pieces picked by r from pieces: the random input of a
// test that compares a fast rule with a plain one (n may be 0: "").
func randomText(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return b.String()
}

// randomParas makes n paragraphs of 1 to most sentences each, joined by
// spaces, from sentence (which may draw on r too).
func randomParas(r *rand.Rand, n, most int, sentence func() string) []string {
	paras := make([]string, 0, n)
	for range n {
		var p []string
		for range 1 + r.Intn(most) {
			p = append(p, sentence())
		}
		paras = append(paras, strings.Join(p, " "))
	}
	return paras
}

// randomSpan picks by r one of paras and a run of its words, from 1 word
// to all of them: the piece a pull quote repeats.
func randomSpan(r *rand.Rand, paras []string) string {
	src := strings.Fields(paras[r.Intn(len(paras))])
	i := r.Intn(len(src))
	return strings.Join(src[i:i+1+r.Intn(len(src)-i)], " ")
}

// sameOnRandom checks a fast rule against a plain way of computing the
// same thing on n texts that text makes: the first text the two answer
// differently stops the test, as "name(text) = got, plain gives want".
// Texts must also reach the case under test: fewer than least results that
// hit accepts fail the test as too few to compare.
type sameOnRandom[T any] struct {
	name, plain string // the fast rule's name, what the plain way is
	fast, slow  func(string) T
	hit         func(T) bool
	least       int
}

func (c sameOnRandom[T]) check(t *testing.T, n int, text func() string) {
	t.Helper()
	hits := 0
	for range n {
		s := text()
		got, want := c.fast(s), c.slow(s)
		if g, w := testutil.Show(got), testutil.Show(want); g != w {
			t.Fatalf("%s(%q) = %s, %s gives %s", c.name, s, g, c.plain, w)
		}
		if c.hit(got) {
			hits++
		}
	}
	if hits < c.least {
		t.Errorf("%s: %d of %d texts hit the case under test: too few to compare", c.name, hits, n)
	}
}
