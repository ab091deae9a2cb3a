package pdftext

import (
	"strings"
	"testing"
)

// TestParagraphsShareLines: a paragraph that runs on within one page is
// that page's lines, not a copy, and has no room to grow into the lines
// after it; one that runs on to the next page is read whole.
func TestParagraphsShareLines(t *testing.T) {
	body := func(s string) Line { return Line{Text: s, X0: 72, X1: 300, BlockX0: 72, BlockX1: 300, Size: 10} }
	head := func(s string) Line { l := body(s); l.Size = 20; return l }
	pt := &Text{Pages: []Page{
		{Number: 1, Bottom: 0, Top: 800, Lines: []Line{body("The harbour board met on"), body("Monday and agreed on the"), head("Ferry fares"), head("to rise in")}},
		{Number: 2, Bottom: 0, Top: 800, Lines: []Line{head("the summer")}},
	}}
	paras := pt.Paragraphs()
	var got []string
	for _, p := range paras {
		var ls []string
		for _, l := range p {
			ls = append(ls, l.Text)
		}
		got = append(got, strings.Join(ls, " / "))
	}
	want := []string{"The harbour board met on / Monday and agreed on the", "Ferry fares / to rise in / the summer"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("paragraphs\n%q\nwant\n%q", got, want)
	}
	first := paras[0]
	if &first[0] != &pt.Pages[0].Lines[0] {
		t.Errorf("the first paragraph is a copy of the page's lines")
	}
	if cap(first) != len(first) {
		t.Errorf("the first paragraph has room for %d more lines: an append would overwrite the page's", cap(first)-len(first))
	}
}
