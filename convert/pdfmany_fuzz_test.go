package convert

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"newsclip/internal/pdftext"
)

// FuzzManyArticleLines feeds arbitrary lines to the line rules of
// compilations and newspaper pages: none may panic, and what they accept
// must hold what they promise (a source line names a publication and a
// day; a folio a day; an index entry a headline and a page).
func FuzzManyArticleLines(f *testing.F) {
	for _, s := range []string{
		"Harbour Courier 03-05-2023 (p.4)",
		"Source: The Coast Herald, 3 May 2023, page 12",
		"Quelle: Hafenkurier vom 12.05.2023, Seite 4",
		"Quay plan put off again (Harbour Courier) ........ 2",
		"Hafenplan erneut vertagt\tHafenkurier\t12.05.2023\t2",
		"4 | The Harbour Courier | Tuesday, 3 May 2023",
		"- 7 -", "(p.)", "Seite", "", "\xff\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if ref, ok := readSourceLine(s); ok && (ref.publication == "" || ref.date.Day == 0) {
			t.Errorf("source line %q: %+v", s, ref)
		}
		if e, ok := readIndexEntry(s); ok && (e.headline == "" || e.page == "") {
			t.Errorf("index entry %q: %+v", s, e)
		}
		if h, ok := readFolio(s); ok && h.date.Day == 0 {
			t.Errorf("folio %q: %+v", s, h)
		}
		if n, ok := pageNumber(s); ok && n == "" {
			t.Errorf("page number %q: empty", s)
		}
		isStoryHead(s, " "+titleKey(s)+" ")
		sameTitle(s, s)
	})
}

// manySeeds are texts for fuzzText: a newspaper page of two stories, a
// compilation with source lines, one with an index, an archive export of
// two pages under dated headers (read on forEach's goroutines).
var manySeeds = []string{
	"\x08THE HARBOUR COURIER\n\x01Tuesday, 3 May 2023 | Page 1\n\x06Quay plan put off\n\x00The board met on Tuesday and heard from the engineers and traders about the quay.\n\x44Ferry fares rise\n\x40Return tickets will cost a fifth more from June, the operator said on Tuesday night.",
	"\x06Quay plan put off again\n\x01Harbour Courier 03-05-2023 (p.4)\n\x00The board met.\f\x06Ferry fares rise\n\x01Source: The Coast Herald, 2 May 2023, page 3\n\x00Tickets cost more.",
	"\x03Press review\n\x00Quay plan put off again (Harbour Courier) ..... 2\n\x00Ferry fares rise (The Coast Herald) ..... 2\f\x06Quay plan put off again\n\x00Text.\n\x06Ferry fares rise\n\x00More text.",
	"\x00Harbour Gazette POLITIK Montag, 5. Juni 2023\n\x06Record catch in the harbour\n\x00Von Anna Schmidt\n\x00The fishermen counted their catch on Monday.\f\x00Harbour Gazette POLITIK Dienstag, 6. Juni 2023\n\x06Mill turns again\n\x00The tide mill turned on Saturday.",
}

// fuzzText builds PDF text from s: pages split at form feeds, lines at
// newlines; a line's first byte picks its type size, column and weight.
func fuzzText(s string) *pdftext.Text {
	tx := &pdftext.Text{}
	for pi, page := range strings.Split(s, "\f") {
		p := pdftext.Page{Number: pi + 1, Bottom: 0, Top: 792}
		y := 760.0
		for _, l := range strings.Split(page, "\n") {
			if l == "" {
				continue
			}
			c, text := l[0], l[1:]
			if c >= utf8.RuneSelf {
				c, text = 0, l
			}
			size := 9 + 3*float64(c&7)
			x := 36 + 280*float64(c>>6&1)
			if c>>6&1 == 0 {
				y -= 1.2 * size
			}
			p.Lines = append(p.Lines, pdftext.Line{Text: strings.TrimSpace(text), X0: x, X1: x + 250, Y: y,
				Size: size, Bold: c&8 != 0, BlockX0: x, BlockX1: x + 260})
		}
		tx.Pages = append(tx.Pages, p)
	}
	tx.PageCount = len(tx.Pages)
	return tx
}

// FuzzManyArticles builds PDF text from arbitrary input (see fuzzText)
// and reads it: never a panic, articles in order, and every article holds
// a headline or a body.
func FuzzManyArticles(f *testing.F) {
	for _, s := range manySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 1<<14 {
			return
		}
		doc, err := FromPDFText("fuzz.pdf", nil, fuzzText(s))
		if err != nil {
			return
		}
		for i, a := range doc.Articles {
			if a.Index != i {
				t.Fatalf("article %d has index %d", i, a.Index)
			}
		}
		checkArticles(t, doc.Articles)
	})
}

// FuzzSpentTextAgrees: ConvertPDF, which lets go of the text's lines as
// it reads them (see readPDFDocument), reads the same document, or the
// same error, as FromPDFText, whose caller keeps the text.
func FuzzSpentTextAgrees(f *testing.F) {
	for _, s := range manySeeds {
		f.Add(s)
	}
	// A kicker in larger type than the headline, read as the headline.
	f.Add("\x0fHarbour Gazette\n\x06Witness speaks\n\x02At the harbour trial the key witness\n\x02takes the stand on Monday\n" + strings.Repeat("\x00the trial of the harbour board went on for a week and the witness spoke\n", 8))
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 1<<14 {
			return
		}
		want, werr := FromPDFText("fuzz.pdf", nil, fuzzText(s))
		got, err := ConvertPDF("fuzz.pdf", nil, func([]byte) (*pdftext.Text, error) { return fuzzText(s), nil })
		if fmt.Sprint(err) != fmt.Sprint(werr) || !reflect.DeepEqual(got, want) {
			t.Fatalf("ConvertPDF read\n%s\nFromPDFText\n%s", articlesOf(got, err), articlesOf(want, werr))
		}
	})
}

// articlesOf shows the articles of doc, one a line, or err.
func articlesOf(doc *Document, err error) string {
	if err != nil {
		return err.Error()
	}
	var b strings.Builder
	for _, a := range doc.Articles {
		fmt.Fprintf(&b, "%+v\n", *a)
	}
	return b.String()
}
