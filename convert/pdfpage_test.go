package convert

import (
	"testing"

	"newsclip/internal/pdfgen"
	"newsclip/internal/pdftext"
)

// folioOf gives readFolio's page head as publication, ISO date and page,
// and whether the line is one, for its rule file ("" for each field where
// it is not).
func folioOf(line string) (pub, date, page string, ok bool) {
	h, ok := readFolio(line)
	return orBlank(h.publication, h.date.ISO(), h.page, ok)
}

// storyHeadOf asks isStoryHead about a line over one fixed body, whose
// second sentence a pull-quote row repeats.
func storyHeadOf(line string) bool {
	return isStoryHead(line, " "+titleKey("The grass holds the sand together, the warden said. The dunes will stand up better to winter storms.")+" ")
}

func TestInColumns(t *testing.T) {
	line := func(x0, x1, y, size float64) pdftext.Line {
		return pdftext.Line{Text: "words", X0: x0, X1: x1, Y: y, Size: size}
	}
	var twoCols, oneCol, briefs pdftext.Page
	for i := 0; i < 10; i++ {
		y := 700 - 11*float64(i)
		twoCols.Lines = append(twoCols.Lines, line(36, 290, y, 9), line(316, 570, y, 9))
		oneCol.Lines = append(oneCol.Lines, line(36, 570, y, 9))
	}
	oneCol.Lines = append(oneCol.Lines, line(36, 200, 580, 9), line(300, 400, 580, 9)) // a formula, side by side
	briefs.Lines = append(twoCols.Lines, line(36, 570, 750, 24))                       // a headline across both
	for _, tc := range []struct {
		name string
		p    pdftext.Page
		want bool
	}{
		{"two columns", twoCols, true},
		{"one column with a formula", oneCol, false},
		{"two columns under a wide headline", briefs, true},
		{"empty", pdftext.Page{}, false},
	} {
		if got := inColumns(tc.p, 9); got != tc.want {
			t.Errorf("%s: inColumns = %v", tc.name, got)
		}
	}
}

func TestIsUnderMasthead(t *testing.T) {
	mast := pdftext.Line{Text: "HARBOUR COURIER", Size: 32}
	for _, tc := range []struct {
		next pdftext.Line
		want bool
	}{
		{pdftext.Line{Text: "Storm closes the coast road", Size: 22}, true},
		{pdftext.Line{Text: "By Ruth Okafor", Size: 9}, false},               // body type: the masthead was a headline
		{pdftext.Line{Text: "Storm closes the coast road", Size: 32}, false}, // the same size: one headline
	} {
		if got := isUnderMasthead(mast, tc.next, 9); got != tc.want {
			t.Errorf("isUnderMasthead(%q) = %v", tc.next.Text, got)
		}
	}
}

func TestInheritPageHeads(t *testing.T) {
	d := Date{Year: 2023, Month: 5, Day: 3}
	heads := []pageHead{{publication: "HARBOUR COURIER"}, {publication: "Harbour Courier", date: d}, {}}
	inheritPageHeads(heads)
	if heads[0].date != d || heads[2].date != d || heads[2].publication != "Harbour Courier" || heads[0].publication != "HARBOUR COURIER" {
		t.Errorf("got %+v", heads)
	}
}

// TestCrossheadsInOneColumnStay: an article in one column with crossheads
// in display type stays one article; the same text set as two columns of
// stories is split.
func TestCrossheadsInOneColumnStay(t *testing.T) {
	text := "The harbour board met on Tuesday to weigh the plan for the northern quay and heard from the engineers and the traders."
	section := func(x, width, y float64, head string) []pdfgen.Run {
		runs := []pdfgen.Run{{X: x, Y: y, Size: 14, Text: head}}
		chars := int(width / 5.4)
		lines, _ := splitWords(text+" "+text, chars)
		for i, l := range lines {
			runs = append(runs, pdfgen.Run{X: x, Y: y - 20 - 11*float64(i), Size: 9, Text: l})
		}
		return runs
	}
	one := append(section(36, 540, 700, "Quay plan weighed"), section(36, 540, 600, "What comes next")...)
	if doc := mustConvert(t, "one.pdf", pdfgen.Build([][]pdfgen.Run{one})); len(doc.Articles) != 1 {
		t.Errorf("one column: %d articles, want 1", len(doc.Articles))
	}
	two := append(section(36, 250, 700, "Quay plan weighed"), section(316, 250, 700, "Ferry fares rise")...)
	doc := mustConvert(t, "two.pdf", pdfgen.Build([][]pdfgen.Run{two}))
	if len(doc.Articles) != 2 || doc.Articles[1].Headline != "Ferry fares rise" || doc.Articles[0].Page != "1" {
		t.Errorf("two columns: %d articles", len(doc.Articles))
	}
}
