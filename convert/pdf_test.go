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
		doc, err := Convert("t.pdf", data)
		if err != nil {
			t.Fatal(err)
		}
		a := doc.Articles[0]
		if a.Publication != tc.publication || a.Headline != tc.headline {
			t.Errorf("publication %q headline %q; want %q, %q", a.Publication, a.Headline, tc.publication, tc.headline)
		}
	}
}
