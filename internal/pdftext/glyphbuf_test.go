package pdftext

import (
	"testing"

	"newsclip/internal/pdfgen"
)

// TestGlyphBufferReleased: the glyph buffer a page reader gives back for
// the next document holds none of this document's text, so that a pooled
// buffer does not keep it alive; the next reader starts empty, with room
// for firstGlyphs glyphs.
func TestGlyphBufferReleased(t *testing.T) {
	col := pdfgen.Columns(2, "Harbour Gazette", []string{"The harbour board met on Monday to approve the new wall.", "Residents said the repairs were long overdue."})
	r, doc, _, err := openPDF(pdfgen.Build([][]pdfgen.Run{col, col[:1]}), "")
	if err != nil {
		t.Fatal(err)
	}
	rd := pageReader{doc: doc, glyphs: getGlyphs()}
	for _, pg := range pdfPages(r, doc.objs) {
		if _, err := rd.read(pg); err != nil {
			t.Fatal(err)
		}
	}
	if rd.used < 40 || rd.used < len(rd.glyphs) {
		t.Fatalf("high-water mark %d, %d glyphs on the last page", rd.used, len(rd.glyphs))
	}
	held := rd.glyphs[:rd.used]
	rd.release()
	for i, g := range held {
		if g.text != "" {
			t.Fatalf("glyph %d of the released buffer still holds %q", i, g.text)
		}
	}
	if next := getGlyphs(); len(next) != 0 || cap(next) < firstGlyphs {
		t.Errorf("the next buffer: %d glyphs, room for %d", len(next), cap(next))
	}
}
