package convert

import (
	"strings"
	"testing"

	"newsclip/internal/pdfgen"
)

// sourceLineOf, sourceFieldsOf and indexEntryOf give the results of
// readSourceLine, readSourceFields and readIndexEntry as strings for their
// rule files: publication, ISO date and page, and whether the line is one;
// a line that is none gives "" for each field, whatever the rule left in
// them.
func sourceLineOf(line string) (pub, date, page string, ok bool) {
	return sourceStrings(readSourceLine(line))
}

func sourceFieldsOf(line string) (pub, date, page string, ok bool) {
	return sourceStrings(readSourceFields(line))
}

func sourceStrings(ref sourceRef, ok bool) (pub, date, page string, _ bool) {
	return orBlank(ref.publication, ref.date.ISO(), ref.page, ok)
}

func indexEntryOf(line string) (headline, pub, date, page string, ok bool) {
	e, ok := readIndexEntry(line)
	if !ok {
		return "", "", "", "", false
	}
	return e.headline, e.source.publication, e.source.date.ISO(), e.page, true
}

// compilationPDF builds a compilation: a front page of the given runs,
// then two articles on one page, each headline over a source line.
func compilationPDF(front []pdfgen.Run) []byte {
	art := func(y float64, headline, source, body string) []pdfgen.Run {
		return []pdfgen.Run{
			{X: 72, Y: y, Size: 14, Text: headline},
			{X: 72, Y: y - 16, Size: 8, Text: source},
			{X: 72, Y: y - 32, Size: 10, Text: "By Ruth Okafor"},
			{X: 72, Y: y - 50, Size: 10, Text: body},
		}
	}
	page := append(art(720, "Lifeboat crew rescues two", "Source: The Coast Herald, 2 May 2023, page 3", "Two sailors were brought ashore on Sunday."),
		art(600, "Market moves to the square", "Source: Harbour Courier, 4 May 2023, page 8", "The Saturday market will move in June.")...)
	return pdfgen.Build([][]pdfgen.Run{front, page})
}

// TestCompilationFrontMatter: an index that names the articles is removed
// as "index", the rest of a short front page as "cover"; a front page
// whose lines name no article, long enough to be one, stays as an article
// of its own.
func TestCompilationFrontMatter(t *testing.T) {
	index := []pdfgen.Run{
		{X: 72, Y: 720, Size: 16, Text: "Press review"},
		{X: 72, Y: 680, Size: 10, Text: "Lifeboat crew rescues two (The Coast Herald) ..... 2"},
		{X: 72, Y: 664, Size: 10, Text: "Market moves to the square (Harbour Courier) ..... 2"},
	}
	doc := convertAs(t, "review.pdf", compilationPDF(index), "pdf", 2)
	kinds := map[string]int{}
	for _, r := range doc.Articles[0].Removed {
		kinds[r.Kind]++
	}
	if kinds[RemovedIndex] != 2 || kinds[RemovedCover] != 1 {
		t.Errorf("removed %v, want 2 index lines and 1 cover line", kinds)
	}
	a := doc.Articles[1]
	if a.Headline != "Market moves to the square" || a.Publication != "Harbour Courier" || a.Date.ISO() != "2023-05-04" || a.Page != "8" || len(a.Authors) != 1 {
		t.Errorf("second article: %q %q %s %q %+v", a.Headline, a.Publication, a.Date.ISO(), a.Page, a.Authors)
	}

	letter := []pdfgen.Run{{X: 72, Y: 720, Size: 16, Text: "Dear members"}}
	prose := "This week's review covers the lifeboat rescue off the headland and the move of the Saturday market. " +
		"Both stories were followed closely by our members, and the office would welcome comments on either of them by Friday. " +
		"The next review goes out at the end of the month."
	more, _ := splitWords(prose, 78)
	for i, l := range more {
		letter = append(letter, pdfgen.Run{X: 72, Y: 690 - 12*float64(i), Size: 10, Text: l})
	}
	doc = mustConvert(t, "review.pdf", compilationPDF(letter))
	if len(doc.Articles) != 3 || !strings.Contains(doc.Articles[0].Body[0].Text(), "lifeboat rescue") {
		t.Errorf("%d articles; the front page must stay an article of its own", len(doc.Articles))
	}
}

// splitWords wraps s into lines of at most n bytes.
func splitWords(s string, n int) ([]string, int) {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > n {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line), len(lines) + 1
}

// TestOneSourceLineIsNoCompilation: a single article with a source line
// is not split.
func TestOneSourceLineIsNoCompilation(t *testing.T) {
	data := pdfgen.Build([][]pdfgen.Run{{
		{X: 72, Y: 720, Size: 14, Text: "Lifeboat crew rescues two"},
		{X: 72, Y: 704, Size: 8, Text: "Source: The Coast Herald, 2 May 2023, page 3"},
		{X: 72, Y: 680, Size: 10, Text: "Two sailors were brought ashore on Sunday."},
		{X: 72, Y: 640, Size: 14, Text: "A crosshead in display type"},
		{X: 72, Y: 620, Size: 10, Text: "Both were unhurt."},
	}})
	convertAs(t, "one.pdf", data, "pdf", 1)
}

// TestCompilationPlainHeadlines: in a compilation set in one type, the
// index tells which line over a source line is the headline; a source line
// repeated where an article runs on to the next page starts no article.
func TestCompilationPlainHeadlines(t *testing.T) {
	index := []pdfgen.Run{
		{X: 72, Y: 720, Size: 10, Text: "Lifeboat crew rescues two (The Coast Herald) ..... 2"},
		{X: 72, Y: 704, Size: 10, Text: "Market moves to the square (Harbour Courier) ..... 2"},
	}
	page2 := []pdfgen.Run{
		{X: 72, Y: 720, Size: 10, Text: "Lifeboat crew rescues two"},
		{X: 72, Y: 706, Size: 10, Text: "Source: The Coast Herald, 2 May 2023, page 3"},
		{X: 72, Y: 680, Size: 10, Text: "Two sailors were brought ashore on Sunday after their yacht lost its mast."},
		{X: 72, Y: 640, Size: 10, Text: "Market moves to the square"},
		{X: 72, Y: 626, Size: 10, Text: "Source: Harbour Courier, 4 May 2023, page 8"},
		{X: 72, Y: 600, Size: 10, Text: "The Saturday market will move from the car park in June, the traders said."},
	}
	page3 := []pdfgen.Run{
		{X: 72, Y: 720, Size: 10, Text: "Source: Harbour Courier, 4 May 2023, page 8"},
		{X: 72, Y: 700, Size: 10, Text: "Stalls will be set out along the fountain."},
	}
	doc := convertAs(t, "plain.pdf", pdfgen.Build([][]pdfgen.Run{index, page2, page3}), "pdf", 2)
	for i, want := range []struct{ headline, last string }{
		{"Lifeboat crew rescues two", "lost its mast."},
		{"Market moves to the square", "along the fountain."},
	} {
		a := doc.Articles[i]
		if a.Headline != want.headline || !strings.HasSuffix(a.Body[len(a.Body)-1].Text(), want.last) {
			t.Errorf("article %d: %q ... %q", i, a.Headline, a.Body[len(a.Body)-1].Text())
		}
	}
}

// TestCompilationStackedFields: source fields on lines of their own over
// each headline are read together and left out of the text.
func TestCompilationStackedFields(t *testing.T) {
	art := func(y float64, paper, date, headline, body string) []pdfgen.Run {
		return []pdfgen.Run{
			{X: 72, Y: y, Size: 8, Text: "Medium: " + paper},
			{X: 72, Y: y - 10, Size: 8, Text: "Datum: " + date},
			{X: 72, Y: y - 20, Size: 8, Text: "Seite: 3"},
			{X: 72, Y: y - 40, Size: 14, Text: headline},
			{X: 72, Y: y - 60, Size: 10, Text: body},
		}
	}
	page := append(art(720, "Hafenkurier", "12.05.2023", "Hafenplan erneut vertagt", "Der Hafenrat hat die Abstimmung über den Nordkai verschoben."),
		art(600, "Küstenbote", "11.05.2023", "Fährpreise steigen im Juni", "Die Reederei nennt die Treibstoffpreise als Grund.")...)
	doc := convertAs(t, "spiegel.pdf", pdfgen.Build([][]pdfgen.Run{page}), "pdf", 2)
	a := doc.Articles[1]
	if a.Headline != "Fährpreise steigen im Juni" || a.Publication != "Küstenbote" || a.Date.ISO() != "2023-05-11" || a.Page != "3" ||
		len(a.Body) != 1 || strings.Contains(a.Body[0].Text(), "Seite") {
		t.Errorf("second article: %q %q %s %q %q", a.Headline, a.Publication, a.Date.ISO(), a.Page, a.Body)
	}
}
