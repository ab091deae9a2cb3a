package convert

import (
	"fmt"
	"strings"
	"testing"

	"newsclip/internal/pdfgen"
	"newsclip/internal/pdftext"
)

// extractText reads a PDF as convert does: paragraphs as lines with a
// blank line after each, typeset hyphens marked.
func extractText(t *testing.T, data []byte) string {
	t.Helper()
	pt, err := pdftext.Extract(data, pdftext.Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return strings.Join(markTypesetBreaks(paragraphLines(pt.Paragraphs())), "\n")
}

var testParas = []string{
	"Fishermen in the harbour town counted their catch on Monday morning and found it larger than in any spring since the records began. The cooperative said the new quotas were working.",
	"Scientists at the marine laboratory were more cautious, warning that one good season proves little about the long-term health of the stocks in the bay.",
	"The harbour master expects the extraordinary numbers to bring buyers from the mainland before the end of the month, and the market hall will open twice a week.",
}

// TestPDFColumns: three and four columns under a spanning headline read
// column by column, paragraphs whole, hyphenated breaks joined.
func TestPDFColumns(t *testing.T) {
	for _, n := range []int{3, 4} {
		t.Run(fmt.Sprintf("%d columns", n), func(t *testing.T) {
			text := extractText(t, pdfgen.Build([][]pdfgen.Run{pdfgen.Columns(n, "Record Catch in the Harbour", testParas)}))
			paras := strings.Split(text, "\n\n")
			if len(paras) < 4 || paras[0] != "Record Catch in the Harbour" {
				t.Fatalf("want the headline then 3 paragraphs, got:\n%s", text)
			}
			for i, want := range testParas {
				got := collapseSpaces(joinLines(strings.Split(paras[i+1], "\n"), nil))
				if got != want {
					t.Errorf("paragraph %d:\n got %q\nwant %q", i+1, got, want)
				}
			}
		})
	}
}

// TestPDFHeadlineByTypeSize: a page that opens with its headline (one group
// of display type) has no masthead, even when a short standfirst follows;
// two groups are masthead and headline.
func TestPDFHeadlineByTypeSize(t *testing.T) {
	body := pdfgen.Columns(1, "", testParas)[1:]
	for _, tc := range []struct {
		top                   []pdfgen.Run
		publication, headline string
	}{
		{[]pdfgen.Run{{X: 72, Y: 740, Size: 20, Text: "Record Catch"}, {X: 72, Y: 712, Size: 10, Text: "Quotas work, for now"}}, "", "Record Catch"},
		{[]pdfgen.Run{{X: 72, Y: 740, Size: 28, Text: "Harbour Gazette"}, {X: 72, Y: 712, Size: 20, Text: "Record Catch"}}, "Harbour Gazette", "Record Catch"},
		{[]pdfgen.Run{{X: 72, Y: 760, Size: 28, Text: "Harbour Gazette"}, {X: 72, Y: 732, Size: 20, Text: "Record Catch"}, {X: 72, Y: 712, Size: 13, Text: "Quotas work, for now."}}, "Harbour Gazette", "Record Catch"},
	} {
		data := pdfgen.Build([][]pdfgen.Run{append(tc.top, body...)})
		a := firstArticle(t, "t.pdf", data)
		if a.Publication != tc.publication || a.Headline != tc.headline {
			t.Errorf("publication %q headline %q; want %q, %q", a.Publication, a.Headline, tc.publication, tc.headline)
		}
	}
}

func TestDropCaptions(t *testing.T) {
	line := func(text string, size float64) pdftext.Line { return pdftext.Line{Text: text, Size: size} }
	paras := []pdftext.Paragraph{
		{line("The catch was the largest in years, the cooperative said.", 10)},
		{line("Two boats, including the one above, were sold on Monday.", 7)}, // caption
		{line("By Anna Schmidt and Bo Ma of the Gazette", 7)},                 // small byline stays
		{line("Harbour news in brief", 7)},                                    // too short to tell
	}
	kept, removed := dropCaptions(paras, 10)
	if len(kept) != 3 || len(removed) != 1 || removed[0].Kind != RemovedCaption || !strings.HasPrefix(removed[0].Text, "Two boats") {
		t.Errorf("kept %d, removed %+v", len(kept), removed)
	}
}

// TestPDFKickerOverHeadline: a label in capitals over the headline, in
// body-size type, is the kicker, not the masthead.
func TestPDFKickerOverHeadline(t *testing.T) {
	body := pdfgen.Columns(1, "", testParas)[1:]
	top := []pdfgen.Run{{X: 72, Y: 750, Size: 10, Text: "DEAL OF THE WEEK"}, {X: 72, Y: 720, Size: 20, Text: "Record Catch"}}
	doc := mustConvert(t, "t.pdf", pdfgen.Build([][]pdfgen.Run{append(top, body...)}))
	if a := doc.Articles[0]; a.Publication != "" || a.Kicker != "DEAL OF THE WEEK" || a.Headline != "Record Catch" {
		t.Errorf("publication %q kicker %q headline %q", a.Publication, a.Kicker, a.Headline)
	}
}

// TestLineListsOneAllocation: the line lists a long document's reading
// builds (its paragraphs as lines, its lines in reading order) are
// allocated once at their length, not grown by doubling.
func TestLineListsOneAllocation(t *testing.T) {
	var paras []pdftext.Paragraph
	pt := &pdftext.Text{}
	for i := range 50 {
		p := pdftext.Paragraph{{Text: fmt.Sprint("line ", i)}, {Text: "and its end."}}
		paras = append(paras, p)
		pt.Pages = append(pt.Pages, pdftext.Page{Number: i + 1, Lines: p})
	}
	lines := paragraphLines(paras)
	if len(lines) != 150 || lines[0] != "line 0" || lines[2] != "" || lines[149] != "" {
		t.Fatalf("paragraphLines: %d lines %q", len(lines), lines[:3])
	}
	if n := testing.AllocsPerRun(10, func() { paragraphLines(paras) }); n != 1 {
		t.Errorf("paragraphLines allocated %v times, want 1", n)
	}
	refs := flatLines(pt)
	if len(refs) != 100 || refs[99] != (lineRef{49, 1}) {
		t.Fatalf("flatLines: %d refs, last %v", len(refs), refs[len(refs)-1])
	}
	if n := testing.AllocsPerRun(10, func() { flatLines(pt) }); n != 1 {
		t.Errorf("flatLines allocated %v times, want 1", n)
	}
}
