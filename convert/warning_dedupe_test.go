package convert

import (
	"testing"

	"newsclip/internal/pdftext"
)

// TestWarningString: a warning names the line or page it arose on.
func TestWarningString(t *testing.T) {
	for w, want := range map[Warning]string{
		{Line: 12, Msg: "odd marker"}:         "line 12: odd marker",
		{Page: 3, Msg: "damaged page"}:        "page 3: damaged page",
		{Msg: "layout not recognised"}:        "layout not recognised",
		{Line: -1, Page: 0, Msg: "no place"}:  "no place",
		{Line: 4, Page: 9, Msg: "line first"}: "line 4: line first",
	} {
		if got := w.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", w, got, want)
		}
	}
}

// TestPDFWarningsKeepPage: a PDF reader's warning about a page reaches the
// document as a warning on that page.
func TestPDFWarningsKeepPage(t *testing.T) {
	text := &pdftext.Text{PageCount: 2, Warnings: []pdftext.Warning{
		{Page: 2, Msg: "text in Adobe-Japan1 character codes without a Unicode map was left out"},
		{Msg: "rebuilt the damaged cross-reference table"},
	}, Pages: []pdftext.Page{{Number: 1, Lines: []pdftext.Line{{Text: "Ferry runs again", Size: 12, BlockStart: true}}}}}
	doc, err := FromPDFText("x.pdf", []byte("%PDF-1.4"), text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range doc.Warnings {
		got = append(got, w.String())
	}
	want := []string{"page 2: text in Adobe-Japan1 character codes without a Unicode map was left out", "rebuilt the damaged cross-reference table"}
	if len(got) < 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("warnings %q, want them to open with %q", got, want)
	}
}
