package convert

import (
	"testing"

	"newsclip/internal/pdftext"
)

func TestSiteFromTitle(t *testing.T) {
	const hl = "Harbour board weighs quay plan"
	for _, c := range []struct{ title, headline, want string }{
		{"Harbour board weighs quay plan | Coast Weekly", hl, "Coast Weekly"},
		{"Harbour Board Weighs Quay Plan - CW", hl, "CW"},
		{"Coast Weekly – Harbour board weighs quay plan", hl, "Coast Weekly"},
		{"“Harbour board” weighs quay plan | Coast Weekly", hl, "Coast Weekly"},
		{"Fishing - the quay debate - Coast Weekly", "Fishing - the quay debate", "Coast Weekly"},
		{"Harbour board weighs quay plan", hl, ""},
		{"Harbour board weighs ferry plan | Coast Weekly", hl, ""},
		{"Harbour board weighs quay plan | 3 May 2021", hl, ""},
		{"Harbour board weighs quay plan | http://example.com/x", hl, ""},
		{"Harbour board weighs quay plan | one two three four five six seven", hl, ""},
		{"Harbour board weighs quay plan | Coast Weekly", "", ""},
	} {
		if got := siteFromTitle(c.title, c.headline); got != c.want {
			t.Errorf("siteFromTitle(%q, %q) = %q, want %q", c.title, c.headline, got, c.want)
		}
	}
}

func TestPrintedTitle(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"12/6/16, 12:14 PM   Quay plan | Coast Weekly", "Quay plan | Coast Weekly"},
		{"Quay plan | Coast Weekly   https://coast.example/2021/quay 1/2", "Quay plan | Coast Weekly"},
		{"2 of 2 12/6/16, 12:14 PM", ""},
	} {
		if got := printedTitle(c.in); got != c.want {
			t.Errorf("printedTitle(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPrintedSite(t *testing.T) {
	const hl = "Quay plan put off"
	for _, c := range []struct {
		name string
		t    pdftext.Text
		want string
	}{
		{"document title", pdftext.Text{Title: "Quay plan put off | Coast Weekly"}, "Coast Weekly"},
		{"print header", pdftext.Text{RunningHeads: []string{"12/6/16, 12:14 PM Quay plan put off - Coast Weekly"}}, "Coast Weekly"},
		{"truncated header", pdftext.Text{RunningHeads: []string{"Quay plan put... https://coast.example/quay"}}, ""},
		{"copyright is no title", pdftext.Text{RunningHeads: []string{"© 2023 Coast Media Group"}}, ""},
	} {
		if got := printedSite(&c.t, hl); got != c.want {
			t.Errorf("%s: printedSite = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestIsBrowserPrint(t *testing.T) {
	for _, c := range []struct {
		creator, producer string
		want              bool
	}{
		{"Mozilla/5.0 (Macintosh) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/54.0 Safari/537.36", "Skia/PDF m54", true},
		{"Firefox", "Mac OS X 10.10.5 Quartz PDFContext", true},
		{"", "Skia/PDF m120", true},
		{"wkhtmltopdf 0.12.6", "Qt 4.8.7", true},
		{"groff version 1.22.4", "gropdf version 1.22.4", false},
		{"Adobe InDesign 18.0", "Adobe PDF Library 17.0", false},
		{"", "", false},
	} {
		if got := isBrowserPrint(&pdftext.Text{Creator: c.creator, Producer: c.producer}); got != c.want {
			t.Errorf("isBrowserPrint(%q, %q) = %v, want %v", c.creator, c.producer, got, c.want)
		}
	}
}

// TestBrowserPrintKeepsLineEndHyphens: in a browser's print a hyphen at a
// line's end belongs to the word; in typeset text it is a break.
func TestBrowserPrintKeepsLineEndHyphens(t *testing.T) {
	page := pdftext.Page{Lines: []pdftext.Line{
		{Text: "The firm bought the rent-", X0: 10, X1: 200, Y: 700, Size: 10, BlockX0: 10, BlockX1: 200, BlockStart: true},
		{Text: "stabilized block on Monday.", X0: 10, X1: 150, Y: 688, Size: 10, BlockX0: 10, BlockX1: 200},
	}}
	for _, c := range []struct {
		creator, want string
	}{
		{"Firefox", "The firm bought the rent-stabilized block on Monday."},
		{"groff version 1.22.4", "The firm bought the rentstabilized block on Monday."},
	} {
		lines, _ := pdfLines(&pdftext.Text{Creator: c.creator, Pages: []pdftext.Page{page}})
		a := readClipping(append([]string{"Rents rise", ""}, lines...), false)
		if len(a.Body) != 1 || a.Body[0].Text() != c.want {
			var got []string
			for _, b := range a.Body {
				got = append(got, b.Text())
			}
			t.Errorf("creator %q: body %q, want %q", c.creator, got, c.want)
		}
	}
}
