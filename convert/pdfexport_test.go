package convert

import (
	"strings"
	"testing"

	"newsclip/internal/pdfgen"
)

// exportHeaderOf gives readExportHeader's header as publication, section
// and ISO date, and whether the line is one, for its rule file ("" for
// each field where it is not).
func exportHeaderOf(line string) (pub, section, date string, ok bool) {
	h, ok := readExportHeader(line)
	return orBlank(h.publication, h.section, h.date.ISO(), ok)
}

// TestExportSplit: an archive export of three pages under dated headers,
// the last two sharing a record id in the foot, reads as two articles,
// each with the publication and date of its header.
func TestExportSplit(t *testing.T) {
	page := func(header, headline, body, id string) []pdfgen.Run {
		return []pdfgen.Run{
			{X: 36, Y: 760, Size: 9, Text: header},
			{X: 36, Y: 700, Size: 20, Text: headline},
			{X: 36, Y: 660, Size: 10, Text: "Von Anna Schmidt"},
			{X: 36, Y: 640, Size: 10, Text: body},
			{X: 36, Y: 30, Size: 8, Text: "Archiv: alle Rechte vorbehalten"},
			{X: 500, Y: 30, Size: 8, Text: id},
		}
	}
	data := pdfgen.Build([][]pdfgen.Run{
		page("Harbour Gazette POLITIK Montag, 5. Juni 2023", "Record Catch in the Harbour", "The fishermen counted their catch on Monday.", "A1234567"),
		page("Harbour Gazette Online POLITIK Dienstag, 6. Juni 2023", "Mill Turns Again", "The tide mill on the estuary turned on Saturday.", "A7654321"),
		{{X: 36, Y: 760, Size: 9, Text: "Harbour Gazette Online POLITIK Dienstag, 6. Juni 2023"},
			{X: 36, Y: 700, Size: 10, Text: "Its wheel had stood still for forty years."},
			{X: 500, Y: 30, Size: 8, Text: "A7654321"}},
	})
	doc := mustConvert(t, "export.pdf", data)
	if len(doc.Articles) != 2 {
		t.Fatalf("%d articles, want 2", len(doc.Articles))
	}
	for i, want := range []struct{ pub, date, headline, last string }{
		{"Harbour Gazette", "2023-06-05", "Record Catch in the Harbour", "The fishermen counted their catch on Monday."},
		{"Harbour Gazette Online", "2023-06-06", "Mill Turns Again", "Its wheel had stood still for forty years."},
	} {
		a := doc.Articles[i]
		body := a.Body[len(a.Body)-1].Text()
		if a.Publication != want.pub || a.Date.ISO() != want.date || a.Headline != want.headline || !strings.HasSuffix(body, want.last) {
			t.Errorf("article %d: %q %s %q ... %q", i, a.Publication, a.Date.ISO(), a.Headline, body)
		}
		if len(a.Authors) != 1 || a.Authors[0].Name != "Anna Schmidt" {
			t.Errorf("article %d: authors %+v", i, a.Authors)
		}
	}
}
