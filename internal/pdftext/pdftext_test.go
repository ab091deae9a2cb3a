package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"newsclip/internal/benchref"
	"newsclip/internal/pdfgen"
)

// plainText reads a PDF and returns its paragraphs, lines joined by a
// newline, paragraphs by a blank line.
func plainText(t *testing.T, data []byte) string {
	t.Helper()
	pt, err := Extract(data, Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return paragraphsString(pt)
}

// extractInTime reads data's paragraphs as plainText does (or the
// error's text, when Extract fails) on another goroutine, and fails the
// test, naming what was read, when that takes more than 5 s.
func extractInTime(t *testing.T, data []byte, what string) string {
	t.Helper()
	done := make(chan string, 1)
	go func() {
		pt, err := Extract(data, Options{})
		if err != nil {
			done <- err.Error()
			return
		}
		done <- paragraphsString(pt)
	}()
	select {
	case got := <-done:
		return got
	case <-time.After(5 * time.Second):
		t.Fatalf("%s took more than 5 s", what)
		return ""
	}
}

func paragraphsString(pt *Text) string {
	var paras []string
	for _, p := range pt.Paragraphs() {
		var ls []string
		for _, l := range p {
			ls = append(ls, l.Text)
		}
		paras = append(paras, strings.Join(ls, "\n"))
	}
	return strings.Join(paras, "\n\n")
}

var testParas = []string{
	"Fishermen in the harbour town counted their catch on Monday morning and found it larger than in any spring since the records began. The cooperative said the new quotas were working.",
	"Scientists at the marine laboratory were more cautious, warning that one good season proves little about the long-term health of the stocks in the bay.",
	"The harbour master expects the extraordinary numbers to bring buyers from the mainland before the end of the month, and the market hall will open twice a week.",
}

func TestPDFLigaturesAccentsCJK(t *testing.T) {
	pages := [][]pdfgen.Run{{
		{X: 72, Y: 700, Size: 12, Text: "Café crème à la française"},
		{X: 72, Y: 680, Size: 12, Raw: "\x01ne o\x01ce"},
		{X: 72, Y: 660, Size: 12, CJK: true, Text: "新闻剪报"},
	}}
	text := plainText(t, pdfgen.Build(pages))
	for _, want := range []string{"Café crème à la française", "fine ofice", "新闻剪报"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
}

// TestPDFRunningFoot: a foot repeated on every page, with the page number,
// is removed and recorded.
func TestPDFRunningFoot(t *testing.T) {
	var pages [][]pdfgen.Run
	for i := 1; i <= 3; i++ {
		pages = append(pages, []pdfgen.Run{
			{X: 72, Y: 700, Size: 10, Text: fmt.Sprintf("Body text of page %d goes on here.", i)},
			{X: 250, Y: 30, Size: 8, Text: fmt.Sprintf("THE GAZETTE | %d", i)},
		})
	}
	pt, err := Extract(pdfgen.Build(pages), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if text := paragraphsString(pt); strings.Contains(text, "GAZETTE") {
		t.Errorf("running foot leaked:\n%s", text)
	}
	if len(pt.RunningHeads) != 3 || !strings.Contains(pt.RunningHeads[0], "GAZETTE") {
		t.Errorf("running heads = %q", pt.RunningHeads)
	}
}

func TestPDFFailures(t *testing.T) {
	good := pdfgen.Build([][]pdfgen.Run{{{X: 72, Y: 700, Size: 12, Text: "Hello newsprint"}}})
	for name, tc := range map[string]struct {
		data []byte
		want error
	}{
		"no text":        {pdfgen.Build([][]pdfgen.Run{{}}), ErrNoTextLayer},
		"not a pdf":      {[]byte("%PDF-1.4\nthis is not really a pdf\n"), ErrDamaged},
		"truncated":      {good[:len(good)/2], nil},
		"junk around":    {append(append([]byte("JUNK\n"), good...), "trailing junk"...), nil},
		"version 2.0":    {bytes.Replace(good, []byte("%PDF-1.4"), []byte("%PDF-2.0"), 1), nil},
		"broken xref":    {bytes.Replace(good, []byte("xref\n0"), []byte("xref\n9"), 1), nil},
		"huge xref size": {bytes.Replace(good, []byte("/Size "), []byte("/Size 999999999"), 1), nil},
	} {
		t.Run(name, func(t *testing.T) {
			pt, err := Extract(tc.data, Options{})
			switch {
			case tc.want != nil && !errors.Is(err, tc.want):
				t.Errorf("err = %v, want %v", err, tc.want)
			case tc.want == nil && err != nil && !errors.Is(err, ErrDamaged):
				t.Errorf("err = %v, want text or ErrDamaged", err)
			case tc.want == nil && err == nil && !strings.Contains(paragraphsString(pt), "Hello newsprint"):
				t.Errorf("text = %q", paragraphsString(pt))
			}
		})
	}
}

// FuzzPDF: any bytes after a PDF header either extract or fail with an
// error; no panic escapes ExtractPDF.
func FuzzPDF(f *testing.F) {
	f.Add(pdfgen.Build([][]pdfgen.Run{pdfgen.Columns(3, "Headline", testParas)}))
	f.Add(pdfgen.Build([][]pdfgen.Run{{{X: 72, Y: 700, Size: 12, CJK: true, Text: "新闻"}}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		pt, err := Extract(data, Options{MaxPages: 5})
		if err == nil && pt == nil {
			t.Fatal("nil text without error")
		}
	})
}

// BenchmarkExtract reads the golden groff pages, or the PDF named by
// NEWSCLIP_BENCH_PDF (bench/pdf-speed.sh's long document, say); MB/s are
// bytes of PDF, x-sha256 the ratio to SHA-256 over them (see benchref).
func BenchmarkExtract(b *testing.B) {
	files := []string{"../../testdata/pdf/groff-3col.pdf", "../../testdata/pdf/groff-4col.pdf"}
	if f := os.Getenv("NEWSCLIP_BENCH_PDF"); f != "" {
		files = []string{f}
	}
	var datas [][]byte
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		datas = append(datas, d)
	}
	ref := benchref.Start(b)
	for b.Loop() {
		for _, d := range datas {
			if _, err := Extract(d, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	ref.SHA256(datas...)
}

// TestPDFRotatedPage: a page printed in landscape (lines running up the
// page) reads in order, words whole.
func TestPDFRotatedPage(t *testing.T) {
	lines := []string{"The first line of the landscape page.", "The second line follows it.", "And the third ends it."}
	var runs []pdfgen.Run
	for i, l := range lines {
		// Lines run upwards, so the tops of the letters face left: the
		// next line lies to the right of the last.
		runs = append(runs, pdfgen.Run{X: 300 + 14*float64(i), Y: 100, Size: 12, Text: l, Up: true})
	}
	text := plainText(t, pdfgen.Build([][]pdfgen.Run{runs}))
	if got := strings.Join(strings.Fields(text), " "); got != strings.Join(lines, " ") {
		t.Errorf("got %q", text)
	}
}

// TestPDFUnmappableCIDFont: CJK text in a character collection without a
// Unicode map is an error that says so, not garbage.
func TestPDFUnmappableCIDFont(t *testing.T) {
	data := pdfgen.Build([][]pdfgen.Run{{{X: 72, Y: 700, Size: 12, CJK: true, Text: "新闻"}}})
	data = bytes.Replace(data, []byte("/Ordering (Identity)"), []byte("/Ordering (Japan1)"), 1)
	data = regexp.MustCompile(`(/DescendantFonts \[\d+ 0 R\]) /ToUnicode \d+ 0 R`).ReplaceAll(data, []byte("$1"))
	_, err := Extract(data, Options{})
	if !errors.Is(err, ErrUnmappable) || !strings.Contains(err.Error(), "Adobe-Japan1") {
		t.Errorf("err = %v", err)
	}
}

// TestWinAnsiDifferences: a font whose encoding dictionary only names a
// ligature keeps WinAnsi for its other codes: curly quotes, the euro.
func TestWinAnsiDifferences(t *testing.T) {
	content := "BT /W 10 Tf 72 700 Td (plusregio\x92s \x93\x01ne\x94 \x80 5) Tj ET"
	if got := plainText(t, pdfgen.BuildRaw([]string{content}, "")); got != "plusregio’s “fine” € 5" {
		t.Errorf("got %q", got)
	}
}

// TestStandardFontWithoutWidths: Helvetica and Times used without /Widths
// take the faces' own metrics: "Illinois" in 10 pt Helvetica is 27.78 pt
// wide (I 278, l and i 222, n and o 556, s 500), in Times 28.34 pt (I 333, l and i 278, n and o 500, s 389).
func TestStandardFontWithoutWidths(t *testing.T) {
	content := "BT /H 10 Tf 72 700 Td (Illinois) Tj ET BT /T 10 Tf 72 680 Td (Illinois) Tj ET"
	pt, err := Extract(pdfgen.BuildRaw([]string{content}, ""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{72 + 27.78, 72 + 28.34} {
		if l := pt.Pages[0].Lines[i]; math.Abs(l.X1-want) > 0.05 {
			t.Errorf("line %d %q ends at %.2f, want %.2f", i, l.Text, l.X1, want)
		}
	}
}

// TestIdentityWithoutToUnicode: an embedded TrueType font drawn by glyph
// ids without a ToUnicode map reads through the font's own cmap.
func TestIdentityWithoutToUnicode(t *testing.T) {
	f, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	var codes strings.Builder
	for _, r := range "Größe €5" {
		gid, err := f.GlyphIndex(&buf, r)
		if err != nil || gid == 0 {
			t.Fatalf("no glyph for %q", r)
		}
		fmt.Fprintf(&codes, "%04X", gid)
	}
	content := fmt.Sprintf("BT /G 12 Tf 72 700 Td <%s> Tj ET", codes.String())
	if got := plainText(t, pdfgen.BuildRaw([]string{content}, "", pdfgen.TrueType(goregular.TTF))); got != "Größe €5" {
		t.Errorf("got %q", got)
	}
}

// TestDifferencesWithToUnicode: a Type 3 font whose /Differences name
// glyphs /g36 and /g2E reads through its ToUnicode map (two-byte sources
// for one-byte codes, a bfrange with an array), not the glyph names.
func TestDifferencesWithToUnicode(t *testing.T) {
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0001> <00FF> endcodespacerange " +
		"2 beginbfchar <0036> <0055> <002E> <004D> endbfchar 2 beginbfrange <0044> <0045> <0064> <0050> <0051> [<0070> <0074>] endbfrange endcmap end end"
	font := func(add func(string) int) string {
		tu := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(cmap), cmap))
		return fmt.Sprintf("/X %d 0 R", add(fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << >> /Resources << >> "+
			"/FirstChar 46 /LastChar 81 /Widths [%s] /Encoding << /Type /Encoding /Differences [46 /g2E 54 /g36 68 /g44 /g45 80 /g50 /g51] >> /ToUnicode %d 0 R >>", strings.TrimSpace(strings.Repeat("600 ", 36)), tu)))
	}
	content := "BT /X 10 Tf 72 700 Td (6PQDE.) Tj ET"
	if got := plainText(t, pdfgen.BuildRaw([]string{content}, "", font)); got != "UptdeM" {
		t.Errorf("got %q", got)
	}
}

// TestEncryptionFromTrailer: a file whose trailer names a 40-bit RC4
// encryption dictionary is refused as such (its text would decrypt to
// garbage), one with 128-bit RC4 is read with its password, and a plain
// file whose text happens to say "/Encrypt " and "/Standard /V 1" is read.
func TestEncryptionFromTrailer(t *testing.T) {
	rc4 := func(bits string) []byte {
		data, err := os.ReadFile("../../testdata/pdf/encrypted/rc4-" + bits + ".pdf")
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	if _, err := Extract(rc4("40"), Options{Password: "harbour"}); !errors.Is(err, ErrEncrypted) || !strings.Contains(err.Error(), "40-bit") {
		t.Errorf("RC4 40-bit: got %v, want ErrEncrypted naming 40-bit", err)
	}
	if _, err := Extract(rc4("128"), Options{Password: "harbour"}); err != nil {
		t.Errorf("RC4 128-bit: %v", err)
	}
	plain := pdfgen.BuildRaw([]string{"BT /F1 10 Tf 72 700 Td (the /Encrypt /Filter /Standard /V 1 /R 2 entries) Tj ET"}, "")
	if got := extractInTime(t, plain, "a plain file"); !strings.Contains(got, "/Standard /V 1") {
		t.Errorf("plain file: got %q", got)
	}
}
