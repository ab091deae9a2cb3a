package pdftext

import (
	"fmt"
	"testing"

	"newsclip/internal/pdfgen"
)

// embeddedCMapFont is a Type0 font /E whose Encoding is a CMap embedded in
// the file with codes of n bytes (1 or 2) mapped to CIDs one to one, and
// whose ToUnicode map reads the codes 1-3 (01-03, or 0001-0003) as "abc".
func embeddedCMapFont(n int) pdfgen.FontObjects {
	hex := func(c int) string { return fmt.Sprintf("%0*X", 2*n, c) }
	stream := func(data string) string {
		return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(data), data)
	}
	return func(add func(string) int) string {
		enc := add(stream(fmt.Sprintf("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /OneToOne def "+
			"1 begincodespacerange <%s> <%s> endcodespacerange 1 begincidrange <%s> <%s> 0 endcidrange endcmap "+
			"CMapName currentdict /CMap defineresource pop end end", hex(0), hex(1<<(8*n)-1), hex(0), hex(1<<(8*n)-1))))
		uni := add(stream(fmt.Sprintf("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Uni def "+
			"1 begincodespacerange <%s> <%s> endcodespacerange 1 beginbfrange <%s> <%s> <0061> endbfrange endcmap "+
			"CMapName currentdict /CMap defineresource pop end end", hex(0), hex(1<<(8*n)-1), hex(1), hex(3))))
		desc := add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestE /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>")
		return fmt.Sprintf("/E %d 0 R", add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /TestE /Encoding %d 0 R /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", enc, desc, uni)))
	}
}

// TestEmbeddedCMapEncoding: a Type0 font whose Encoding is an embedded
// CMap reads through its ToUnicode map, a byte a code when the CMap's
// codes are one byte long, two bytes when they are two. The library
// decoded nothing through an embedded CMap, and read every Type0 font's
// strings two bytes a code.
func TestEmbeddedCMapEncoding(t *testing.T) {
	for _, c := range []struct {
		n       int
		content string
	}{
		{1, "BT /E 12 Tf 72 700 Td <010203> Tj ET"},
		{2, "BT /E 12 Tf 72 700 Td <000100020003> Tj ET"},
	} {
		got := extractInTime(t, pdfgen.BuildRaw([]string{c.content}, "", embeddedCMapFont(c.n)), fmt.Sprintf("%d-byte embedded CMap", c.n))
		if got != "abc" {
			t.Errorf("%d-byte codes: read %q, want %q", c.n, got, "abc")
		}
	}
}
