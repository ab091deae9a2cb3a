package pdftext

import (
	"strings"
	"testing"

	"newsclip/internal/pdfgen"
)

// TestDropCapLinesAligned: the lines beside a drop cap, set in by its
// width, do not read as indented: the paragraph (and a word hyphenated
// at the end of the cap's first line) stays whole.
func TestDropCapLinesAligned(t *testing.T) {
	runs := []pdfgen.Run{
		{X: 36, Y: 680, Size: 30, Text: "W"},
		{X: 60, Y: 700, Size: 8, Text: "hen the tide mill turned"},
		{X: 60, Y: 690, Size: 8, Text: "again on Satur-"},
		{X: 60, Y: 680, Size: 8, Text: "day the whole village came"},
		{X: 36, Y: 670, Size: 8, Text: "down to the estuary to see it."},
	}
	text := plainText(t, pdfgen.Build([][]pdfgen.Run{runs}))
	if strings.Contains(text, "\n\n") || !strings.HasPrefix(text, "When the tide") {
		t.Errorf("the drop cap's paragraph broke apart: %q", text)
	}
}
