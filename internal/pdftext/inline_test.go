package pdftext

import (
	"fmt"
	"strings"
	"testing"

	"newsclip/internal/pdfgen"
)

// TestInlineEnd: the data of an inline image whose first filter is
// ASCII85 end at its '~'; any other data (ASCIIHex's included) end at
// their EI; both ASCII encodings are told apart from binary data.
func TestInlineEnd(t *testing.T) {
	name := func(s string) operand { return operand{kind: opName, b: []byte(s)} }
	num := func(x float64) operand { return operand{kind: opInt, num: x} }
	arr := func(xs ...operand) operand { return operand{kind: opArray, arr: xs} }
	for _, c := range []struct {
		what  string
		args  []operand
		want  byte
		ascii bool
	}{
		{"ASCII85, abbreviated", []operand{name("W"), num(4), name("F"), name("A85")}, '~', true},
		{"ASCII85 then Flate", []operand{name("W"), num(4), name("F"), arr(name("A85"), name("Fl"))}, '~', true},
		{"full names", []operand{name("Filter"), arr(name("ASCII85Decode"), name("FlateDecode"))}, '~', true},
		{"ASCIIHex", []operand{name("F"), name("AHx"), name("H"), num(2)}, 0, true},
		{"ASCIIHex, full name", []operand{name("F"), arr(name("ASCIIHexDecode"))}, 0, true},
		{"Flate then ASCII85: binary data", []operand{name("F"), arr(name("Fl"), name("A85"))}, 0, false},
		{"DCT", []operand{name("F"), name("DCT")}, 0, false},
		{"no filter", []operand{name("W"), num(4), name("H"), num(4), name("BPC"), num(8)}, 0, false},
		{"a value named F is not the key", []operand{name("CS"), name("F"), name("W"), num(4)}, 0, false},
		{"none", nil, 0, false},
	} {
		if got, ascii := inlineEnd(c.args); got != c.want || ascii != c.ascii {
			t.Errorf("%s: inlineEnd = %q, %v; want %q, %v", c.what, got, ascii, c.want, c.ascii)
		}
	}
}

// TestInlineImagesSkipped: the text around an inline image is read
// whatever its data hold; read as tokens, ASCII85's '>' and binary bytes
// failed the page as damaged.
func TestInlineImagesSkipped(t *testing.T) {
	text := func(s string, y int) string { return fmt.Sprintf("BT /F1 12 Tf 72 %d Td (%s) Tj ET\n", y, s) }
	for _, c := range []struct{ what, image string }{
		{"ASCII85 with a '>' and an EI inside", "BI /W 4 /H 1 /BPC 8 /CS /G /F [/A85 /Fl] ID\nGb\"/l4>jH EI ~>5H!lc0n~>\nEI"},
		{"ASCII85 without its '>'", "BI /W 4 /H 1 /BPC 8 /CS /G /F /A85 ID\n87cURD]i,\"Ebo80~\nEI"},
		{"ASCII85 with a space in its end", "BI /W 4 /H 1 /BPC 8 /CS /G /F /A85 ID\n87cURD]i,\"Ebo80~ >\nEI"},
		{"ASCIIHex", "BI /W 2 /H 1 /BPC 8 /CS /G /F /AHx ID 0f0a>\nEI"},
		{"ASCII85, EI right after its end", "BI /W 4 /H 1 /BPC 8 /CS /G /F /A85 ID\n87cURD]i,\"Ebo80~>EI"},
		{"ASCIIHex, EI right after its end", "BI /W 2 /H 1 /BPC 8 /CS /G /F /AHx ID 0f0a>EI"},
		{"ASCIIHex without its '>'", "BI /W 2 /H 1 /BPC 8 /CS /G /F /AHx ID\n0f0a\nEI"},
		{"binary", "BI /W 8 /H 1 /BPC 8 /CS /G ID \x00\xff>)(<<]/%\x85xEI)\nEI\n"},
		{"binary, EI before a delimiter", "BI /W 4 /H 1 /BPC 8 /CS /G ID \x01>\x02( EI/Span <<>> BDC EMC"},
	} {
		content := text("Before the image.", 700) + "q " + c.image + " Q\n" + text("After the image.", 680)
		got := extractInTime(t, pdfgen.BuildRaw([]string{content}, ""), c.what)
		if !strings.Contains(got, "Before the image.") || !strings.Contains(got, "After the image.") {
			t.Errorf("%s: read %q, want the text before and after the image", c.what, got)
		}
	}
}
