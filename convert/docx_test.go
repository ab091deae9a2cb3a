package convert

import (
	"errors"
	"fmt"
	"html"
	"strings"
	"testing"
	"unicode/utf8"
)

// makeDOCX builds a .docx whose word/document.xml is docxDocument(paras).
func makeDOCX(t testing.TB, paras ...string) []byte {
	t.Helper()
	return makeZip(t, "word/document.xml", docxDocument(paras...))
}

// docxDocument writes a Word document whose body holds one paragraph per
// string: "\n" inside a string is a line break, "\t" a tab; a string
// starting with "|" is a table row whose cells are separated by "|".
func docxDocument(paras ...string) string {
	var body strings.Builder
	run := func(s string) string {
		var b strings.Builder
		for k, line := range strings.Split(s, "\n") {
			if k > 0 {
				b.WriteString("<w:br/>")
			}
			for j, part := range strings.Split(line, "\t") {
				if j > 0 {
					b.WriteString("<w:tab/>")
				}
				fmt.Fprintf(&b, `<w:t xml:space="preserve">%s</w:t>`, html.EscapeString(part))
			}
		}
		return "<w:r>" + b.String() + "</w:r>"
	}
	for _, p := range paras {
		if cells, ok := strings.CutPrefix(p, "|"); ok {
			body.WriteString("<w:tbl><w:tr>")
			for _, c := range strings.Split(cells, "|") {
				body.WriteString("<w:tc><w:p>" + run(c) + "</w:p></w:tc>")
			}
			body.WriteString("</w:tr></w:tbl>")
			continue
		}
		body.WriteString("<w:p>" + run(p) + "</w:p>")
	}
	return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`
}

// nexisDoc is one document of a Nexis Uni export, as its paragraphs.
func nexisDoc(headline, date, byline string, body ...string) []string {
	ps := []string{"", headline, "The Porthaven Gazette", date, "", "\nCopyright 2021 Porthaven Media Ltd. All Rights Reserved", "\n",
		"Section:\u00a0NEWS; Pg. 4", "Length:\u00a0120 words", "Byline:\u00a0" + byline, "Body", "", ""}
	ps = append(ps, body...)
	return append(ps, "Classification", "", "Language:\u00a0ENGLISH", "\nPublication-Type:\u00a0Newspaper",
		"\nSubject:\u00a0STORMS (91%); FERRIES (78%)", "\nLoad-Date:\u00a0March 5, 2021", "", "\nEnd of Document")
}

// nexisCoverPage is the cover page of an export listing these headlines.
func nexisCoverPage(n int, headlines ...string) []string {
	ps := []string{"", "Date and Time: Friday, 5 March 2021 9:31 AM GMT", "Job Number: 1234", fmt.Sprintf("Documents (%d)", n)}
	for i, h := range headlines {
		ps = append(ps, fmt.Sprintf("%d. %s", i+1, h), "Client/Matter: -None-", "Search Terms: storm", "Search Type: Boolean",
			"Narrowed by: ", "", "|Content Type|Narrowed by", "|News|Sources: The Porthaven Gazette; Content Type: News", "")
	}
	return ps
}

func nexisConcat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

const (
	nexisPara1 = "Storm surges closed the coastal road between Porthaven and Eastwick on Thursday night, stranding dozens of drivers for hours."
	nexisPara2 = "Council crews cleared the debris by morning, and the road reopened shortly after nine o'clock, officials said."
	nexisPara3 = "The ferry to the islands resumed sailing on Friday after three days in port, the operator said in a statement."
)

func TestConvertNexisUniDOCX(t *testing.T) {
	export := makeDOCX(t, nexisConcat(
		nexisCoverPage(2, "Storm closes coastal road", "Ferry resumes sailing"),
		nexisDoc("Storm closes coastal road", "March 4, 2021 Thursday 9:20 PM GMT", "Kate Ames in Porthaven", nexisPara1, nexisPara2),
		nexisDoc("Ferry resumes sailing", "March 5, 2021 Friday", "Tom Rye", nexisPara3),
	)...)
	doc := convertAs(t, "export.docx", export, "nexisuni", 2)
	if len(doc.Warnings) > 0 {
		t.Errorf("warnings: %v", doc.Warnings)
	}
	a := doc.Articles[0]
	want := []string{"Storm closes coastal road", "The Porthaven Gazette", "2021-03-04", "NEWS", "4", "en", "2021-03-05", "1 of 2"}
	got := []string{a.Headline, a.Publication, a.Date.ISO(), a.Section, a.Page, a.Language, a.LoadDate.ISO(), a.VendorID}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("fields: got %q, want %q", got, want)
	}
	if len(a.Authors) != 1 || a.Authors[0].Name != "Kate Ames" {
		t.Errorf("authors: %+v", a.Authors)
	}
	if len(a.Body) != 2 || a.Body[0].Text() != nexisPara1 || a.Body[1].Text() != nexisPara2 {
		t.Errorf("body: %q", blockTexts(a.Body))
	}
	kinds := map[string]bool{}
	for _, r := range a.Removed {
		kinds[r.Kind] = true
	}
	for _, k := range []string{RemovedCover, RemovedCopyright, RemovedByline, RemovedField, RemovedDocMarker} {
		if !kinds[k] {
			t.Errorf("no %q removal recorded: %+v", k, a.Removed)
		}
	}
	if b := doc.Articles[1]; b.Headline != "Ferry resumes sailing" || len(b.Body) != 1 || b.VendorID != "2 of 2" {
		t.Errorf("second article: %q %q %q", b.Headline, blockTexts(b.Body), b.VendorID)
	}
}

// TestNexisUniVariants: exports of other years and settings.
func TestNexisUniVariants(t *testing.T) {
	tests := []struct {
		name          string
		paras         []string
		articles      int
		headline, sub string
		body          []string
		warning       string // a document warning containing this
	}{
		{"cover promises more than found", nexisConcat(nexisCoverPage(3, "Storm closes coastal road"),
			nexisDoc("Storm closes coastal road", "March 4, 2021", "Kate Ames", nexisPara1)),
			1, "Storm closes coastal road", "", []string{nexisPara1}, "found 1 documents, the cover page lists 3"},
		{"no cover page, abstract and full text (Lexis Advance 2019)", nexisConcat(
			nexisDoc("Storm closes coastal road", "March 4, 2021 Thursday", "Kate Ames", "ABSTRACT", "Roads shut as the storm hits.", "FULL TEXT", nexisPara1, nexisPara2)),
			1, "Storm closes coastal road", "Roads shut as the storm hits.", []string{nexisPara1, nexisPara2}, ""},
		{"byline and highlight glued together", nexisConcat(
			nexisDoc("Storm closes coastal road", "March 4, 2021", "Kate Ames Highlight: Roads shut as the storm hits.", nexisPara1)),
			1, "Storm closes coastal road", "Roads shut as the storm hits.", []string{nexisPara1}, ""},
		{"fields in one paragraph with breaks, body text after empty paragraphs", []string{
			"Storm closes coastal road", "The Porthaven Gazette", "March 4, 2021", "Length: 120 words\nByline: Kate Ames",
			"Body", "", "", nexisPara1, "", "", nexisPara2, "Load-Date: March 5, 2021", "End of Document"},
			1, "Storm closes coastal road", "", []string{nexisPara1, nexisPara2}, ""},
		{"a Graphic section after the body", nexisConcat(
			nexisDoc("Storm closes coastal road", "March 4, 2021", "Kate Ames", nexisPara1, "Graphic", "", "PHOTO: The harbour wall after the storm.")),
			1, "Storm closes coastal road", "", []string{nexisPara1}, ""},
		{"a document without Body label (a graphic)", []string{
			"Storm pictures", "The Porthaven Gazette", "March 4, 2021", "Length: 12 words", nexisPara1, "Load-Date: March 5, 2021", "End of Document"},
			1, "Storm pictures", "", []string{nexisPara1}, ""},
		{"a truncated export", nexisConcat(
			nexisDoc("Storm closes coastal road", "March 4, 2021", "Kate Ames", nexisPara1),
			[]string{"Ferry resumes sailing", "The Porthaven Gazette", "March 5, 2021", "Body", nexisPara3}),
			2, "Storm closes coastal road", "", []string{nexisPara1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustConvert(t, "export.docx", makeDOCX(t, tt.paras...))
			if len(doc.Articles) != tt.articles {
				t.Fatalf("%d articles, want %d", len(doc.Articles), tt.articles)
			}
			a := doc.Articles[0]
			if a.Headline != tt.headline || a.Subheadline != tt.sub || fmt.Sprint(blockTexts(a.Body)) != fmt.Sprint(tt.body) {
				t.Errorf("got headline %q sub %q body %q", a.Headline, a.Subheadline, blockTexts(a.Body))
			}
			if tt.warning != "" && !strings.Contains(fmt.Sprint(doc.Warnings), tt.warning) {
				t.Errorf("warnings %v, want one with %q", doc.Warnings, tt.warning)
			}
		})
	}
}

func TestTruncatedExportIsWarned(t *testing.T) {
	paras := nexisConcat(nexisDoc("Storm closes coastal road", "March 4, 2021", "Kate Ames", nexisPara1),
		[]string{"Ferry resumes sailing", "The Porthaven Gazette", "March 5, 2021", "Body", nexisPara3})
	doc := mustConvert(t, "export.docx", makeDOCX(t, paras...))
	last := doc.Articles[len(doc.Articles)-1]
	// The warning names the DOCX paragraph where the document starts.
	want := fmt.Sprintf("paragraph %d: nexisuni: the last document has no End of Document", len(paras)-4)
	if last.Headline != "Ferry resumes sailing" || len(last.Warnings) != 1 || !strings.HasPrefix(last.Warnings[0].String(), want) {
		t.Errorf("last article %q, warnings %v; want %q", last.Headline, last.Warnings, want)
	}
}

// TestConvertDOCXOther: a DOCX that is no Nexis export is read as text,
// and damaged or hostile archives are refused naming the file.
func TestConvertDOCXOther(t *testing.T) {
	doc := mustConvert(t, "letter.docx", makeDOCX(t, "Storm closes coastal road", nexisPara1, nexisPara2))
	if doc.Source.Format == "nexisuni" || len(doc.Articles) != 1 || len(doc.Articles[0].Body) == 0 {
		t.Errorf("plain DOCX: format %q, %d articles", doc.Source.Format, len(doc.Articles))
	}
	if _, err := Convert("empty.docx", makeDOCX(t, "", " ")); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty DOCX: %v", err)
	}
	_, err := Convert("bad.docx", makeZip(t, "word/document.xml", "<w:document>\x00"))
	var e *Error
	if !errors.As(err, &e) || e.File != "bad.docx" || !strings.Contains(err.Error(), "word/document.xml: byte ") {
		t.Errorf("damaged DOCX: %v", err)
	}
	// Damage after some text: the text is kept, the damage is warned about.
	doc, err = Convert("cut.docx", makeZip(t, "word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Storm closes coastal road</w:t></w:r></w:p><w:p><w:r><w:t>`+nexisPara1))
	if err != nil || !strings.Contains(fmt.Sprint(doc.Warnings), "word/document.xml: byte ") {
		t.Errorf("truncated DOCX: %v", err)
	}
}

func TestDOCXIsSniffedByContent(t *testing.T) {
	if !InputExtensions(".DOCX") {
		t.Error("a folder walk skips .DOCX files")
	}
	doc, err := Convert("export.bin", makeDOCX(t, nexisDoc("Storm closes coastal road", "March 4, 2021", "Kate Ames", nexisPara1)...))
	if err != nil || doc.Source.Format != "nexisuni" {
		t.Errorf("DOCX named .bin: %v", err)
	}
}

// TestDocxLines: paragraphs are separated by blank lines, breaks split
// lines, tabs and no-break spaces become spaces.
func TestDocxLines(t *testing.T) {
	a := firstArticle(t, "x.docx", makeDOCX(t, "Title", "Length:\u00a0355 words\nByline:\tJane Doe", "End of Document"))
	if a.Headline != "Title" || len(a.Authors) != 1 || a.Authors[0].Name != "Jane Doe" {
		t.Errorf("got %q %+v", a.Headline, a.Authors)
	}
}

func FuzzNexisUni(f *testing.F) {
	f.Add(strings.Join(nexisConcat(nexisCoverPage(1, "Storm"), nexisDoc("Storm", "March 4, 2021", "Kate Ames (now) in Porthaven", "ABSTRACT", "x", "FULL TEXT", nexisPara1)), "\n"))
	f.Add("Documents (2)\n1. x\nEnd of Document\nByline: A Highlight: B Dateline: C\nEnd of Document")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // layouts read decoded text
		}
		arts, _ := readNexisUni(strings.Split(s, "\n"))
		checkArticles(t, arts)
	})
}

// BenchmarkConvertNexisDOCX converts a 100-document Nexis Uni export built
// in memory (time per export; MB/s of DOCX bytes).
func BenchmarkConvertNexisDOCX(b *testing.B) {
	var paras []string
	var heads []string
	for i := range 100 {
		heads = append(heads, fmt.Sprintf("Storm closes coastal road %d", i))
	}
	paras = append(paras, nexisCoverPage(100, heads...)...)
	for _, h := range heads {
		var body []string
		for range 15 {
			body = append(body, nexisPara1+" "+nexisPara2+" "+nexisPara3)
		}
		paras = append(paras, nexisDoc(h, "March 4, 2021 Thursday", "Kate Ames", body...)...)
	}
	data := makeDOCX(b, paras...)
	ref := startRef(b)
	for b.Loop() {
		doc, err := Convert("export.docx", data)
		if err != nil || len(doc.Articles) != 100 {
			b.Fatalf("%v: %d articles", err, len(doc.Articles))
		}
	}
	ref.SHA256(data)
}

// FuzzConvertDOCX converts DOCX exports whose paragraphs are fuzzed text
// ("\x1f" separates paragraphs): it must never panic, and what it returns
// keeps the promises every reader makes.
func FuzzConvertDOCX(f *testing.F) {
	f.Add(strings.Join(nexisConcat(nexisCoverPage(1, "Storm"), nexisDoc("Storm", "March 4, 2021", "Kate Ames", nexisPara1)), "\x1f"))
	f.Add("Title\x1fBody\x1fEnd of Document\x1f|a|b\x1fEnd of Document")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // document.xml is UTF-8; the reader itself is fuzzed with bytes
		}
		doc, err := Convert("f.docx", makeDOCX(t, strings.Split(s, "\x1f")...))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != "f.docx" {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		checkArticles(t, doc.Articles)
	})
}

// TestNexisUni2018: the layout of 2018 exports: a user name on the cover,
// date and edition on one line, a doubled semicolon in the section.
func TestNexisUni2018(t *testing.T) {
	paras := []string{"User Name: JANE READER", "Date and Time: Wednesday, December 19, 2018 7:08:00 PM JST",
		"Job Number: 79", "Documents (1)", "1. Storm closes coastal road", "Client/Matter: -None-",
		"Search Terms: storm", "Search Type: Natural Language", "Narrowed by: ", "",
		"|Content Type|Narrowed by", "|News|Sources: Porthaven Daily; Content Type: News", "", "", "",
		"Storm closes coastal road", "PORTHAVEN DAILY", "May 2, 2002, Thursday,, FINAL EDITION", "",
		"\nCopyright 2002 Porthaven Media", "Section: NEWS;; COVER STORY", "Length: 1823 words",
		"Byline: Kate Ames", "Dateline: PORTHAVEN", "Body", "", nexisPara1, nexisPara2, "Load-Date: May 3, 2002", "", "End of Document"}
	doc := mustConvert(t, "2018.docx", makeDOCX(t, paras...))
	if len(doc.Articles) != 1 || len(doc.Warnings) > 0 {
		t.Fatalf("%d articles, warnings %v", len(doc.Articles), doc.Warnings)
	}
	a := doc.Articles[0]
	got := []string{a.Headline, a.Publication, a.Date.ISO(), a.Edition, a.Section, a.Dateline, a.LoadDate.ISO()}
	want := []string{"Storm closes coastal road", "PORTHAVEN DAILY", "2002-05-02", "FINAL EDITION", "NEWS; COVER STORY", "PORTHAVEN", "2002-05-03"}
	if fmt.Sprint(got) != fmt.Sprint(want) || len(a.Body) != 2 {
		t.Errorf("got %q and %d blocks, want %q and 2", got, len(a.Body), want)
	}
}

// TestDOCXListItems: Word's numbered and bulleted paragraphs become list
// items of the body.
func TestDOCXListItems(t *testing.T) {
	item := func(s string) string {
		return `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>` + s + `</w:t></w:r></w:p>`
	}
	xml := fmt.Sprintf(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s%s%s%s</w:body></w:document>`,
		`<w:p><w:r><w:t>Storm closes coastal road</w:t></w:r></w:p><w:p><w:r><w:t>`+nexisPara1+`</w:t></w:r></w:p>`,
		item("Roads shut at dusk"), item("Ferries cancelled"), `<w:p><w:r><w:t>`+nexisPara2+`</w:t></w:r></w:p>`)
	doc := mustConvert(t, "list.docx", makeZip(t, "word/document.xml", xml))
	var items []string
	for _, b := range doc.Articles[0].Body {
		if li, ok := b.(*ListItem); ok {
			items = append(items, li.Content)
		}
	}
	if fmt.Sprint(items) != "[Roads shut at dusk Ferries cancelled]" {
		t.Errorf("list items %q in %q", items, blockTexts(doc.Articles[0].Body))
	}
}
