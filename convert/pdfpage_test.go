package convert

import (
	"testing"

	"newsclip/internal/pdfgen"
	"newsclip/internal/pdftext"
)

func TestReadFolio(t *testing.T) {
	for _, tc := range []struct {
		in             string
		pub, date, pag string
		ok             bool
	}{
		{"Tuesday, 3 May 2023 | No. 4512 | Price 1.50", "", "2023-05-03", "", true},
		{"4 | The Harbour Courier | Tuesday, 3 May 2023", "The Harbour Courier", "2023-05-03", "4", true},
		{"Seite 4 · Hafenkurier · Freitag, 12. Mai 2023", "Hafenkurier", "2023-05-12", "4", true},
		{"Le Petit Port • mercredi 3 mai 2023 • page A2", "Le Petit Port", "2023-05-03", "A2", true},
		{"3 May 2023", "", "2023-05-03", "", true},
		{"The Harbour Courier | 4", "", "", "", false},    // no date
		{"May 2023 | Harbour Courier", "", "", "", false}, // no day
		{"The board met on 3 May 2023 to decide on the quay and the slipway and the car park", "", "", "", false},
	} {
		h, ok := readFolio(tc.in)
		if ok != tc.ok || ok && (h.publication != tc.pub || h.date.ISO() != tc.date || h.page != tc.pag) {
			t.Errorf("%q: got %+v %v", tc.in, h, ok)
		}
	}
}

func TestPageNumber(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"4", "4", true},
		{"Page 12", "12", true},
		{"Seite 4", "4", true},
		{"- 7 -", "7", true},
		{"A3", "A3", true},
		{"Sport", "", false},
		{"4 May", "", false},
	} {
		got, ok := pageNumber(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("pageNumber(%q) = %q %v", tc.in, got, ok)
		}
	}
}

func TestIsStoryHead(t *testing.T) {
	body := " " + titleKey("The grass holds the sand together, the warden said. The dunes will stand up better to winter storms.") + " "
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Ferry fares to rise in June", true},
		{"Why the quay matters?", true},
		{"The dunes will stand up better to winter storms", false}, // a pull quote: the body repeats it
		{"“We will not give up the pier”", false},                  // opens with a quotation mark
		{"The board voted for the plan on Monday.", false},         // a sentence
		{"By Jane Marlow", false},                                  // a byline in large type
		{"", false},
	} {
		if got := isStoryHead(tc.in, body); got != tc.want {
			t.Errorf("isStoryHead(%q) = %v", tc.in, got)
		}
	}
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
	doc, err := Convert("one.pdf", pdfgen.Build([][]pdfgen.Run{one}))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Articles) != 1 {
		t.Errorf("one column: %d articles, want 1", len(doc.Articles))
	}
	two := append(section(36, 250, 700, "Quay plan weighed"), section(316, 250, 700, "Ferry fares rise")...)
	doc, err = Convert("two.pdf", pdfgen.Build([][]pdfgen.Run{two}))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Articles) != 2 || doc.Articles[1].Headline != "Ferry fares rise" || doc.Articles[0].Page != "1" {
		t.Errorf("two columns: %d articles", len(doc.Articles))
	}
}
