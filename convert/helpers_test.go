package convert

import (
	"testing"

	"newsclip/internal/testutil"
)

// two and three hold a rule's results in order, so that a row of a table
// reads as the call's results: {"section", "CITY", true}.
type two[A, B any] struct {
	a A
	b B
}

type three[A, B, C any] struct {
	a A
	b B
	c C
}

// rows checks a rule with one result against its table: testutil.Rows,
// named like rows2 and rows3 so that every rule test here reads the same.
func rows[In comparable, Out any](t *testing.T, name string, f func(In) Out, table map[In]Out) {
	t.Helper()
	testutil.Rows(t, name, f, table)
}

// rows2 is rows for a rule with two results.
func rows2[In comparable, A, B any](t *testing.T, name string, f func(In) (A, B), table map[In]two[A, B]) {
	t.Helper()
	testutil.Rows(t, name, func(in In) two[A, B] { a, b := f(in); return two[A, B]{a, b} }, table)
}

// rows3 is rows for a rule with three results.
func rows3[In comparable, A, B, C any](t *testing.T, name string, f func(In) (A, B, C), table map[In]three[A, B, C]) {
	t.Helper()
	testutil.Rows(t, name, func(in In) three[A, B, C] { a, b, c := f(in); return three[A, B, C]{a, b, c} }, table)
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

// fieldOf turns a field rule's kind, value and ok into "kind/value", or ""
// where the line is no field, so that a row reads
// "Byline: Ann Lee": "byline/Ann Lee". A rule that finds no field but
// still returns a kind or value gives "no field: kind/value".
func fieldOf(rule func(string) (string, string, bool)) func(string) string {
	return func(in string) string {
		kind, value, ok := rule(in)
		switch {
		case ok:
			return kind + "/" + value
		case kind != "" || value != "":
			return "no field: " + kind + "/" + value
		}
		return ""
	}
}

// creditStrings lists "role:name" for each credit.
func creditStrings(cs []Credit) []string {
	return testutil.Strings(cs, func(c Credit) string { return c.Role + ":" + c.Name })
}

// blockTexts lists the text of each block.
func blockTexts(bs []Block) []string {
	return testutil.Strings(bs, Block.Text)
}
