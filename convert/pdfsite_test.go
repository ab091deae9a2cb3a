package convert

import (
	"testing"

	"newsclip/internal/pdftext"
)

// browserPrintOf asks isBrowserPrint about a PDF with the creator and
// producer given.
func browserPrintOf(creator, producer string) bool {
	return isBrowserPrint(&pdftext.Text{Creator: creator, Producer: producer})
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
		{"news site's address", pdftext.Text{RunningHeads: []string{"1:http://www.wsj.com/articles/quay-plan-put-off-1405467545"}}, "The Wall Street Journal"},
		{"title before address", pdftext.Text{Title: "Quay plan put off | Coast Weekly", RunningHeads: []string{"https://www.nytimes.com/x"}}, "Coast Weekly"},
		{"other site's address", pdftext.Text{RunningHeads: []string{"https://coast.example/quay-plan"}}, ""},
	} {
		if got := printedSite(&c.t, hl); got != c.want {
			t.Errorf("%s: printedSite = %q, want %q", c.name, got, c.want)
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

// TestSiteOfAddress: a printed address names its news site by its host or
// the host's parent domain, whole labels only; other addresses and text
// name none.
func TestSiteOfAddress(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"http://www.wsj.com/articles/uptown-maintains-upside-1405467545", "The Wall Street Journal"},
		{"1:https://WWW.NYTIMES.COM/2016/12/06/nyregion/quay.html", "The New York Times"},
		{"https://edition.cnn.com/2023/05/03/world/quay", "CNN"},
		{"https://news.bbc.co.uk/1/hi/uk/123.stm", "BBC News"},
		{"www.sueddeutsche.de/muenchen/rathaus-1.6000000", "Süddeutsche Zeitung"},
		{"https://www.theguardian.com:443/uk-news/2023/may/03/quay", "The Guardian"},
		{"Printed from https://www.faz.net. on 3 May", "Frankfurter Allgemeine Zeitung"},
		{"https://wsj.com.example.net/articles/x", ""},
		{"https://notwsj.com/articles/x", ""},
		{"https://example.com/?ref=wsj.com", ""},
		{"ftp://wsj.com/x", ""},
		{"awww.wsj.com", ""},
		{"The Wall Street Journal", ""},
		{"", ""},
	} {
		if got := siteOfAddress(c.in); got != c.want {
			t.Errorf("siteOfAddress(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
