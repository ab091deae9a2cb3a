package pdftext

import (
	"testing"

	"newsclip/internal/pdfgen"
)

// TestHostileCMapCount: a ToUnicode CMap whose section claims a hundred
// million entries is read in well under a second (its font's text is
// left out) instead of filling the claimed entries.
func TestHostileCMapCount(t *testing.T) {
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def 1 begincodespacerange <0000> <FFFF> endcodespacerange 99999992 beginbfchar <65B0> <65B0> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
	content := "BT /F3 12 Tf 72 700 Td <65B0> Tj ET BT /F1 10 Tf 72 680 Td (Harbour news) Tj ET"
	if got := extractInTime(t, pdfgen.BuildRaw([]string{content}, cmap), "a CMap claiming 99999992 entries"); got != "Harbour news" {
		t.Errorf("got %q", got)
	}
}

func TestCountsFit(t *testing.T) {
	for _, c := range []struct {
		cmap string
		want bool
	}{
		{"1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <41> <0041> <42> <0042> endbfchar", true},
		{"1 begincodespacerange <00> <FF> endcodespacerange 99999992 beginbfchar <41> <0041> endbfchar", false},
		{"40 beginbfrange <00> <FF> <0000> endbfrange", false},
		{"99999999999999999999999 begincidrange", false},
		{"no sections at all", true},
	} {
		if got := countsFit([]byte(c.cmap)); got != c.want {
			t.Errorf("countsFit(%q) = %v, want %v", c.cmap, got, c.want)
		}
	}
}
