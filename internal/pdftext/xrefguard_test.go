package pdftext

import (
	"bytes"
	"testing"

	"newsclip/internal/pdfgen"
)

func TestXrefClaims(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{
		{"xref\n0 14\n0000000000 65535 f\r\n", 14},
		{"xref\n0 2\n0000000000 65535 f\r\n0000000015 00000 n\r\n7 3\n0000000099 00000 n\r\n", 10},
		{"xref\n99999990 14\n0000000000 65535 f\r\n", 100000004},
		{"BT 72 700 Td (0 14) Tj ET", 0},
	} {
		if got := xrefClaims([]byte(c.in)); got != c.want {
			t.Errorf("xrefClaims(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// TestHugeXrefSubsection: a subsection header damaged to claim object
// numbers from 99999990 is read through a rebuilt table, at once.
func TestHugeXrefSubsection(t *testing.T) {
	data := pdfgen.Build([][]pdfgen.Run{{{X: 72, Y: 700, Size: 10, Text: "Harbour news"}}})
	i := bytes.LastIndex(data, []byte("xref\n0 "))
	data = append(append(append([]byte(nil), data[:i+5]...), "99999990"...), data[i+6:]...)
	if got := extractInTime(t, data, "a damaged subsection header"); got != "Harbour news" {
		t.Errorf("got %q", got)
	}
}
