package pdftext

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
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

// TestTrailerSize holds trailerSize to the expression it replaced,
// /Size\s+(\d{1,12}) (its first match in the last 4 KB).
func TestTrailerSize(t *testing.T) {
	re := regexp.MustCompile(`/Size\s+(\d{1,12})`)
	for _, in := range []string{
		"trailer << /Size 14 /Root 1 0 R >>",
		"<< /Size\r\n\t 7 >>",
		"<< /Size 1234567890123456 >>",
		"<< /Sizes 9 /Size 3 >>",
		"<< /Size /Name /Size 5 >>",
		"<< /Size14 >>",
		"<< /Size\v5 >>",
		"no size here",
		strings.Repeat("x", 5000) + "/Size 8",
		"/Size 9" + strings.Repeat("x", 5000),
		"/Si" + strings.Repeat("x", 4094) + "ze 4 /Size 6",
	} {
		want := int64(0)
		tail := in[max(0, len(in)-4096):]
		if m := re.FindStringSubmatch(tail); m != nil {
			want, _ = strconv.ParseInt(m[1], 10, 64)
		}
		if got := trailerSize([]byte(in)); got != want {
			t.Errorf("trailerSize(%.40q) = %d, want %d", in, got, want)
		}
	}
}

// TestTableChain: the tables the library reads are those of the chain
// from the last startxref through each /Prev, so a damaged table no
// trailer points at claims nothing; a chain that loops or leads nowhere
// falls back to every table of the file.
func TestTableChain(t *testing.T) {
	table := func(header string) string {
		return "xref\n" + header + "\n0000000000 65535 f\r\n"
	}
	// A file of two tables, the last pointing back at the first.
	build := func(first, second string, prev func(firstAt int) string) string {
		var b strings.Builder
		b.WriteString("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
		firstAt := b.Len()
		b.WriteString(table(first) + "trailer\n<< /Size 1 /Root 1 0 R >>\n")
		secondAt := b.Len()
		b.WriteString(table(second) + "trailer\n<< /Size 3 /Root 1 0 R " + prev(firstAt) + " >>\n")
		fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", secondAt)
		return b.String()
	}
	linked := func(firstAt int) string { return fmt.Sprintf("/Prev %d", firstAt) }
	for _, c := range []struct {
		name string
		in   string
		want int64
	}{
		{"one chain", build("0 2", "0 3", linked), 3},
		{"a damaged table in the chain", build("99999990 14", "0 3", linked), 100000004},
		{"a damaged table outside it", build("99999990 14", "0 3", func(int) string { return "" }), 3},
		{"past the end: every table", build("99999990 14", "0 3", func(int) string { return "/Prev 9999999" }), 100000004},
		{"a loop: every table", build("99999990 14", "0 3", func(firstAt int) string {
			return fmt.Sprintf("/Prev %d", firstAt+len(table("99999990 14")+"trailer\n<< /Size 1 /Root 1 0 R >>\n"))
		}), 100000004},
		{"no end marker: every table", strings.TrimSuffix(build("99999990 14", "0 3", func(int) string { return "" }), "%%EOF\n"), 100000004},
	} {
		if got := xrefClaims([]byte(c.in)); got != c.want {
			t.Errorf("%s: xrefClaims = %d, want %d", c.name, got, c.want)
		}
	}
}
