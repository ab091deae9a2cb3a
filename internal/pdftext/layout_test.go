package pdftext

import (
	"strings"
	"testing"

	"newsclip/internal/pdfgen"
)

var columnParas = []string{
	"Alpha one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.",
	"Bravo one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.",
	"Charlie one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.",
	"Delta one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.",
}

// TestNarrowGutters: five columns of 8 pt type with 2 pt word spaces and
// 4.5 pt gutters read column by column: the gutter is narrow in ems but
// wide against the page's own word spacing.
func TestNarrowGutters(t *testing.T) {
	text := plainText(t, pdfgen.Build([][]pdfgen.Run{pdfgen.Justified(5, 8, 2, 4.5, 700, columnParas)}))
	got := strings.Join(strings.Fields(text), " ")
	if want := strings.Join(columnParas, " "); got != want {
		t.Errorf("read across the columns:\n got %s\nwant %s", got, want)
	}
}

// TestWordSpaceIsNotGutter: two lines whose word spaces happen to line up
// stay whole lines: a narrow gap is a gutter only over several lines.
func TestWordSpaceIsNotGutter(t *testing.T) {
	runs := []pdfgen.Run{
		{X: 72, Y: 700, Size: 8, Text: "Short"}, {X: 72 + 24 + 5, Y: 700, Size: 8, Text: "line here"},
		{X: 72, Y: 690, Size: 8, Text: "Other"}, {X: 72 + 24 + 5, Y: 690, Size: 8, Text: "text there"},
	}
	if text := plainText(t, pdfgen.Build([][]pdfgen.Run{runs})); text != "Short line here\nOther text there" {
		t.Errorf("got %q", text)
	}
}

// TestDropCap: a 30 pt initial beside three lines of 8 pt type is the
// first letter of the first line.
func TestDropCap(t *testing.T) {
	runs := []pdfgen.Run{
		{X: 36, Y: 676, Size: 30, Text: "W"},
		{X: 60, Y: 700, Size: 8, Text: "hen the tide mill turned again"},
		{X: 60, Y: 690, Size: 8, Text: "on Saturday, the whole village"},
		{X: 60, Y: 680, Size: 8, Text: "came down to the estuary to see"},
		{X: 36, Y: 670, Size: 8, Text: "it work for the first time."},
	}
	text := plainText(t, pdfgen.Build([][]pdfgen.Run{runs}))
	if !strings.HasPrefix(text, "When the tide mill") || strings.Count(text, "W") != 1 {
		t.Errorf("got %q", text)
	}
}

// TestMirroredTextSpace: a page drawn in a flipped coordinate system
// (1 0 0 -1 0 792 cm) with a negative font size and negative horizontal
// scaling, as some archive exporters write it, reads as upright text with
// its word spaces, in its own font size.
func TestMirroredTextSpace(t *testing.T) {
	content := "1 0 0 -1 0 792 cm BT /F1 -10 Tf -100 Tz 1 0 0 1 72 100 Tm (Upside down) Tj ET " +
		"BT /F1 -10 Tf -100 Tz 1 0 0 1 72 112 Tm [(and)-150(spaced)-150(by)-150(kerning)] TJ ET"
	pt, err := Extract(pdfgen.BuildRaw([]string{content}, ""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := paragraphsString(pt); got != "Upside down\nand spaced by kerning" {
		t.Errorf("got %q", got)
	}
	if l := pt.Pages[0].Lines[0]; l.Size != 10 || l.Y != 692 {
		t.Errorf("line at y %g size %g, want 692 and 10", l.Y, l.Size)
	}
}

// TestBlankLineBreaksParagraph: a label a blank line above a headline in
// the same style and column is a paragraph of its own.
func TestBlankLineBreaksParagraph(t *testing.T) {
	runs := []pdfgen.Run{
		{X: 36, Y: 700, Size: 9, Text: "Harbour"},
		{X: 36, Y: 670, Size: 9, Text: "Record catch in the"},
		{X: 36, Y: 660, Size: 9, Text: "bay this spring"},
	}
	if got := plainText(t, pdfgen.Build([][]pdfgen.Run{runs})); got != "Harbour\n\nRecord catch in the\nbay this spring" {
		t.Errorf("got %q", got)
	}
}

func TestIsPrintMargin(t *testing.T) {
	p := Page{Bottom: 0, Top: 792}
	for _, tc := range []struct {
		text string
		y    float64
		want bool
	}{
		{"1 of 2", 17, true},
		{"2 of 2 12/6/16, 12:14 PM", 17, true},
		{"Record catch in the bay, and why it matters to the whole coast ... http://gazette.example/2012/08/2", 770, true},
		{"12/6/16, 12:14 PM Record catch", 770, true},
		{"See http://gazette.example for the full table of catches.", 400, false}, // not at an edge
		{"One of the boats", 770, false},
		{"Page 3 of the report", 17, false},
	} {
		if got := isPrintMargin(Line{Text: tc.text, Y: tc.y}, p); got != tc.want {
			t.Errorf("%q at %g: got %v", tc.text, tc.y, got)
		}
	}
}

// TestSpaceOverLigature: a space glyph drawn over the end of a ligature
// (in another font) does not split the word; one drawn after it does.
func TestSpaceOverLigature(t *testing.T) {
	content := "BT /F2 10 Tf 72 700 Td <6501> Tj ET BT /F1 10 Tf 80 700 Td ( ) Tj ET BT /F1 10 Tf 84 700 Td (ne) Tj ET " +
		"BT /F2 10 Tf 72 680 Td <6501> Tj ET BT /F1 10 Tf 84 680 Td ( ) Tj ET BT /F1 10 Tf 96 680 Td (ne) Tj ET"
	pt, err := Extract(pdfgen.BuildRaw([]string{content}, ""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := paragraphsString(pt); got != "efine\nefi ne" {
		t.Errorf("got %q", got)
	}
}

// TestInterruptionKeepsItsParagraphs: a kicker and a headline that
// interrupt a paragraph of running text in other styles come after it as
// two paragraphs.
func TestInterruptionKeepsItsParagraphs(t *testing.T) {
	runs := []pdfgen.Run{
		{X: 36, Y: 710, Size: 9, Text: "A paragraph of body text"},
		{X: 36, Y: 700, Size: 9, Text: "that runs over two lines"},
		{X: 36, Y: 680, Size: 12, Text: "HARBOUR NEWS"},
		{X: 36, Y: 650, Size: 24, Text: "Record catch"},
		{X: 36, Y: 630, Size: 9, Text: "on and ends here."},
	}
	want := "A paragraph of body text\nthat runs over two lines\non and ends here.\n\nHARBOUR NEWS\n\nRecord catch"
	if got := plainText(t, pdfgen.Build([][]pdfgen.Run{runs})); got != want {
		t.Errorf("got %q", got)
	}
}
