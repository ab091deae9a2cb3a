package pdftext

import (
	"fmt"
	"testing"

	"newsclip/internal/pdfgen"
)

// TestToUnicodeNamedNotMapped: a Type0 font whose ToUnicode entry names an
// encoding instead of holding a map, its codes Unicode values, reads as a
// font without a map; the other fonts' maps still count.
func TestToUnicodeNamedNotMapped(t *testing.T) {
	font := func(add func(string) int) string {
		desc := add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestPL /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 >>")
		return fmt.Sprintf("/P %d 0 R", add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /TestPL /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode /Identity-H >>", desc)))
	}
	content := "BT /P 12 Tf 72 700 Td <0141 00F3 0064 017A 0020 017C 00F3 0142 0077> Tj ET\n" +
		"BT /F2 12 Tf 72 680 Td <01> Tj (nal) Tj ET\n"
	got := extractInTime(t, pdfgen.BuildRaw([]string{content}, "", font), "a ToUnicode named Identity-H")
	if want := "Łódź żółw\nfinal"; got != want {
		t.Errorf("read %q, want %q", got, want)
	}
}
