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
