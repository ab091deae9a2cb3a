package convert

import (
	"strings"
	"testing"

	"newsclip/internal/pdftext"
)

func TestDemoteSmallHeadline(t *testing.T) {
	text := &pdftext.Text{Pages: []pdftext.Page{{Lines: []pdftext.Line{
		{Text: "Witness speaks", Size: 26},
		{Text: "At the harbour trial the key", Size: 12},
		{Text: "witness takes the stand", Size: 12},
		{Text: "Opinion", Size: 9},
		{Text: "Why the quay matters", Size: 20},
	}}}}
	for _, c := range []struct {
		name                string
		in                  Article
		kicker, head, stand string
	}{
		{"larger kicker", Article{Kicker: "Witness speaks", Headline: "At the harbour trial the key witness takes the stand"},
			"", "Witness speaks", "At the harbour trial the key witness takes the stand"},
		{"small label stays", Article{Kicker: "Opinion", Headline: "Why the quay matters"}, "Opinion", "Why the quay matters", ""},
		{"standfirst taken", Article{Kicker: "Witness speaks", Headline: "At the harbour trial the key", Subheadline: "x"},
			"Witness speaks", "At the harbour trial the key", "x"},
		{"unknown text", Article{Kicker: "Elsewhere", Headline: "Why the quay matters"}, "Elsewhere", "Why the quay matters", ""},
	} {
		a := c.in
		demoteSmallHeadline(&a, lineSizes(text))
		if a.Kicker != c.kicker || a.Headline != c.head || a.Subheadline != c.stand {
			t.Errorf("%s: kicker %q headline %q standfirst %q", c.name, a.Kicker, a.Headline, a.Subheadline)
		}
	}
}

func TestLiftDisplayHeadline(t *testing.T) {
	line := func(s string, size float64) pdftext.Line { return pdftext.Line{Text: s, Size: size} }
	texts := func(p pdftext.Page) string {
		var out []string
		for _, l := range p.Lines {
			out = append(out, l.Text)
		}
		return strings.Join(out, "|")
	}
	for _, c := range []struct {
		name  string
		lines []pdftext.Line
		want  string
	}{
		{"headline under a box", []pdftext.Line{line("box one", 8), line("box two", 7.5), line("col one", 5), line("col two", 5),
			line("Tides rise", 17), line("Standfirst", 7), line("col three", 5)},
			"Tides rise|Standfirst|box one|box two|col one|col two|col three"},
		{"kicker over headline", []pdftext.Line{line("Harbour", 9), line("Tides rise", 26), line("col one", 9)},
			"Harbour|Tides rise|col one"},
		{"headline not much larger", []pdftext.Line{line("a", 12), line("b", 12), line("c", 12), line("Tides rise", 16), line("d", 5)},
			"a|b|c|Tides rise|d"},
	} {
		p := pdftext.Page{Lines: c.lines}
		liftDisplayHeadline(&p, 5)
		if got := texts(p); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestTypeSize(t *testing.T) {
	text := &pdftext.Text{Pages: []pdftext.Page{{Lines: []pdftext.Line{{Text: "Tides rise", Size: 17}, {Text: "on the coast", Size: 17}}}}}
	if got := typeSize(lineSizes(text), "Tides rise on the coast"); got != 17 {
		t.Errorf("typeSize = %g, want 17", got)
	}
	if got := typeSize(lineSizes(text), "Elsewhere"); got != 0 {
		t.Errorf("typeSize of unknown text = %g, want 0", got)
	}
}
