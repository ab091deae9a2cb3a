package convert

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// A pdfRun is text drawn at a position of a test page: x, y in points from
// the bottom left, in Courier (600/1000 em per character) or, with cjk, a
// two-byte font whose codes are the Unicode values.
type pdfRun struct {
	x, y, size float64
	text       string
	cjk        bool
	raw        string // drawn as is, for ligature codes
	up         bool   // drawn turned a quarter counter-clockwise (landscape)
}

// buildPDF writes a small valid PDF with one page per slice of runs. Its
// fonts are not embedded: extraction needs only widths and the ToUnicode map.
func buildPDF(pages [][]pdfRun) []byte {
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	widths := strings.TrimSpace(strings.Repeat("600 ", 224))
	courier := add(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [%s] >>", widths))
	// code 0x01 is the "fi" ligature in this font's ToUnicode map.
	ligCMap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Lig def 1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <01> <FB01> <20> <0020> endbfchar 1 beginbfrange <21> <7E> <0021> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end"
	ligStream := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(ligCMap), ligCMap))
	lig := add(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /FirstChar 1 /LastChar 126 /Widths [%s] /ToUnicode %d 0 R >>", strings.TrimSpace(strings.Repeat("600 ", 126)), ligStream))
	var chars strings.Builder
	n := 0
	for _, runs := range pages {
		for _, r := range runs {
			if r.cjk {
				for _, ch := range r.text {
					fmt.Fprintf(&chars, "<%04X> <%04X> ", ch, ch)
					n++
				}
			}
		}
	}
	cjkCMap := fmt.Sprintf("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def 1 begincodespacerange <0000> <FFFF> endcodespacerange %d beginbfchar %s endbfchar endcmap CMapName currentdict /CMap defineresource pop end end", max(n, 1), chars.String())
	if n == 0 {
		cjkCMap = strings.Replace(cjkCMap, "beginbfchar  endbfchar", "beginbfchar <0020> <0020> endbfchar", 1)
	}
	cjkStream := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(cjkCMap), cjkCMap))
	desc := add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")
	cjk := add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", desc, cjkStream))
	pagesID := len(objs) + 1 + 2*len(pages)
	var kids []string
	for _, runs := range pages {
		var c strings.Builder
		for _, r := range runs {
			font, s := "F1", ""
			switch {
			case r.cjk:
				font = "F3"
				var h strings.Builder
				for _, ch := range r.text {
					fmt.Fprintf(&h, "%04X", ch)
				}
				s = "<" + h.String() + ">"
			case r.raw != "":
				font, s = "F2", "<"+fmt.Sprintf("%X", r.raw)+">"
			default:
				esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(r.text)
				var b bytes.Buffer
				for _, ch := range esc {
					if ch < 256 {
						b.WriteByte(byte(ch)) // WinAnsi = Latin-1 for these tests
					}
				}
				s = "(" + b.String() + ")"
			}
			if r.up {
				fmt.Fprintf(&c, "BT /%s %g Tf 0 1 -1 0 %g %g Tm %s Tj ET\n", font, r.size, r.x, r.y, s)
			} else {
				fmt.Fprintf(&c, "BT /%s %g Tf %g %g Td %s Tj ET\n", font, r.size, r.x, r.y, s)
			}
		}
		content := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", c.Len(), c.String()))
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R /F2 %d 0 R /F3 %d 0 R >> >> >>", pagesID, content, courier, lig, cjk))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	add(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	catalog := add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesID))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n\r\n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, xref)
	return b.Bytes()
}

// columnPage lays out paragraphs of words in n columns of equal height
// under a headline that spans them, Courier 10 pt on 12 pt leading, with
// first-line indents and hyphenated breaks; text flows from column to
// column, paragraphs across the column breaks.
func columnPage(n int, headline string, paras []string) []pdfRun {
	colWidth := (612.0 - 144 - float64(n-1)*18) / float64(n)
	chars := int(colWidth / 6)
	var lines []string
	for _, p := range paras {
		line := "  " // first-line indent
		for _, w := range strings.Fields(p) {
			if len(line)+len(w)+1 > chars && line != "" {
				// Hyphenate long words that straddle the edge, as a typesetter would.
				if room := chars - len(line) - 2; len(w) > 8 && room >= 3 {
					line += " " + w[:room] + "-"
					w = w[room:]
				}
				lines = append(lines, line)
				line = ""
			}
			if line != "" && line != "  " {
				line += " "
			}
			line += w
		}
		lines = append(lines, line)
	}
	runs := []pdfRun{{x: 72, y: 720, size: 20, text: headline}}
	perCol := (len(lines) + n - 1) / n
	for i, l := range lines {
		col, row := i/perCol, i%perCol
		runs = append(runs, pdfRun{x: 72 + float64(col)*(colWidth+18), y: 680 - 12*float64(row), size: 10, text: l})
	}
	return runs
}

func extractText(t *testing.T, data []byte) string {
	t.Helper()
	pt, err := ExtractPDF(data, PDFOptions{})
	if err != nil {
		t.Fatalf("ExtractPDF: %v", err)
	}
	return strings.Join(pt.Lines, "\n")
}

var testParas = []string{
	"Fishermen in the harbour town counted their catch on Monday morning and found it larger than in any spring since the records began. The cooperative said the new quotas were working.",
	"Scientists at the marine laboratory were more cautious, warning that one good season proves little about the long-term health of the stocks in the bay.",
	"The harbour master expects the extraordinary numbers to bring buyers from the mainland before the end of the month, and the market hall will open twice a week.",
}

// TestPDFColumns: three and four columns under a spanning headline read
// column by column, paragraphs whole, hyphenated breaks joined.
func TestPDFColumns(t *testing.T) {
	for _, n := range []int{3, 4} {
		t.Run(fmt.Sprintf("%d columns", n), func(t *testing.T) {
			text := extractText(t, buildPDF([][]pdfRun{columnPage(n, "Record Catch in the Harbour", testParas)}))
			paras := strings.Split(text, "\n\n")
			if len(paras) < 4 || paras[0] != "Record Catch in the Harbour" {
				t.Fatalf("want the headline then 3 paragraphs, got:\n%s", text)
			}
			for i, want := range testParas {
				got := collapseSpaces(joinLines(strings.Split(paras[i+1], "\n"), nil))
				if got != want {
					t.Errorf("paragraph %d:\n got %q\nwant %q", i+1, got, want)
				}
			}
		})
	}
}

func TestPDFLigaturesAccentsCJK(t *testing.T) {
	pages := [][]pdfRun{{
		{x: 72, y: 700, size: 12, text: "Café crème à la française"},
		{x: 72, y: 680, size: 12, raw: "\x01ne o\x01ce"},
		{x: 72, y: 660, size: 12, cjk: true, text: "新闻剪报"},
	}}
	text := extractText(t, buildPDF(pages))
	for _, want := range []string{"Café crème à la française", "fine ofice", "新闻剪报"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
}

// TestPDFRunningFoot: a foot repeated on every page, with the page number,
// is removed and recorded.
func TestPDFRunningFoot(t *testing.T) {
	var pages [][]pdfRun
	for i := 1; i <= 3; i++ {
		pages = append(pages, []pdfRun{
			{x: 72, y: 700, size: 10, text: fmt.Sprintf("Body text of page %d goes on here.", i)},
			{x: 250, y: 30, size: 8, text: fmt.Sprintf("THE GAZETTE | %d", i)},
		})
	}
	pt, err := ExtractPDF(buildPDF(pages), PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(pt.Lines, "\n"); strings.Contains(text, "GAZETTE") {
		t.Errorf("running foot leaked:\n%s", text)
	}
	if len(pt.Removed) != 3 || pt.Removed[0].Kind != RemovedRunningHead {
		t.Errorf("removed = %+v", pt.Removed)
	}
}

func TestPDFFailures(t *testing.T) {
	good := buildPDF([][]pdfRun{{{x: 72, y: 700, size: 12, text: "Hello newsprint"}}})
	for name, tc := range map[string]struct {
		data []byte
		want error
	}{
		"no text":        {buildPDF([][]pdfRun{{}}), ErrNoTextLayer},
		"not a pdf":      {[]byte("%PDF-1.4\nthis is not really a pdf\n"), ErrDamaged},
		"truncated":      {good[:len(good)/2], nil},
		"junk around":    {append(append([]byte("JUNK\n"), good...), "trailing junk"...), nil},
		"version 2.0":    {bytes.Replace(good, []byte("%PDF-1.4"), []byte("%PDF-2.0"), 1), nil},
		"broken xref":    {bytes.Replace(good, []byte("xref\n0"), []byte("xref\n9"), 1), nil},
		"huge xref size": {bytes.Replace(good, []byte("/Size "), []byte("/Size 999999999"), 1), nil},
	} {
		t.Run(name, func(t *testing.T) {
			pt, err := ExtractPDF(tc.data, PDFOptions{})
			switch {
			case tc.want != nil && !errors.Is(err, tc.want):
				t.Errorf("err = %v, want %v", err, tc.want)
			case tc.want == nil && err != nil && !errors.Is(err, ErrDamaged):
				t.Errorf("err = %v, want text or ErrDamaged", err)
			case tc.want == nil && err == nil && !strings.Contains(strings.Join(pt.Lines, " "), "Hello newsprint"):
				t.Errorf("text = %q", pt.Lines)
			}
		})
	}
}

// FuzzPDF: any bytes after a PDF header either extract or fail with an
// error; no panic escapes ExtractPDF.
func FuzzPDF(f *testing.F) {
	f.Add(buildPDF([][]pdfRun{columnPage(3, "Headline", testParas)}))
	f.Add(buildPDF([][]pdfRun{{{x: 72, y: 700, size: 12, cjk: true, text: "新闻"}}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		pt, err := ExtractPDF(data, PDFOptions{MaxPages: 5})
		if err == nil && pt == nil {
			t.Fatal("nil text without error")
		}
	})
}

// BenchmarkExtractPDF reads the golden groff pages and, when present, the
// long document bench/pdf-speed.sh makes (NEWSCLIP_BENCH_PDF).
func BenchmarkExtractPDF(b *testing.B) {
	files := []string{"../testdata/pdf/groff-3col.pdf", "../testdata/pdf/groff-4col.pdf"}
	if f := os.Getenv("NEWSCLIP_BENCH_PDF"); f != "" {
		files = []string{f}
	}
	var datas [][]byte
	total := 0
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		datas = append(datas, d)
		total += len(d)
	}
	b.SetBytes(int64(total))
	ref := startRef(b)
	for b.Loop() {
		for _, d := range datas {
			if _, err := ExtractPDF(d, PDFOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	ref.SHA256(datas...)
}

// TestPDFHeadlineByTypeSize: a page that opens with its headline (one group
// of display type) has no masthead, even when a short standfirst follows;
// two groups are masthead and headline.
func TestPDFHeadlineByTypeSize(t *testing.T) {
	body := columnPage(1, "", testParas)[1:]
	for _, tc := range []struct {
		top                   []pdfRun
		publication, headline string
	}{
		{[]pdfRun{{x: 72, y: 740, size: 20, text: "Record Catch"}, {x: 72, y: 712, size: 10, text: "Quotas work, for now"}}, "", "Record Catch"},
		{[]pdfRun{{x: 72, y: 740, size: 28, text: "Harbour Gazette"}, {x: 72, y: 712, size: 20, text: "Record Catch"}}, "Harbour Gazette", "Record Catch"},
		{[]pdfRun{{x: 72, y: 760, size: 28, text: "Harbour Gazette"}, {x: 72, y: 732, size: 20, text: "Record Catch"}, {x: 72, y: 712, size: 13, text: "Quotas work, for now."}}, "Harbour Gazette", "Record Catch"},
	} {
		data := buildPDF([][]pdfRun{append(tc.top, body...)})
		doc, err := Convert("t.pdf", data)
		if err != nil {
			t.Fatal(err)
		}
		a := doc.Articles[0]
		if a.Publication != tc.publication || a.Headline != tc.headline {
			t.Errorf("publication %q headline %q; want %q, %q", a.Publication, a.Headline, tc.publication, tc.headline)
		}
	}
}

// TestPDFRotatedPage: a page printed in landscape (lines running up the
// page) reads in order, words whole.
func TestPDFRotatedPage(t *testing.T) {
	lines := []string{"The first line of the landscape page.", "The second line follows it.", "And the third ends it."}
	var runs []pdfRun
	for i, l := range lines {
		// Lines run upwards, so the tops of the letters face left: the
		// next line lies to the right of the last.
		runs = append(runs, pdfRun{x: 300 + 14*float64(i), y: 100, size: 12, text: l, up: true})
	}
	text := extractText(t, buildPDF([][]pdfRun{runs}))
	if got := strings.Join(strings.Fields(text), " "); got != strings.Join(lines, " ") {
		t.Errorf("got %q", text)
	}
}

// TestPDFUnmappableCIDFont: CJK text in a character collection without a
// Unicode map is an error that says so, not garbage.
func TestPDFUnmappableCIDFont(t *testing.T) {
	data := buildPDF([][]pdfRun{{{x: 72, y: 700, size: 12, cjk: true, text: "新闻"}}})
	data = bytes.Replace(data, []byte("/Ordering (Identity)"), []byte("/Ordering (Japan1)"), 1)
	data = regexp.MustCompile(`(/DescendantFonts \[\d+ 0 R\]) /ToUnicode \d+ 0 R`).ReplaceAll(data, []byte("$1"))
	_, err := ExtractPDF(data, PDFOptions{})
	if !errors.Is(err, ErrUnmappable) || !strings.Contains(err.Error(), "Adobe-Japan1") {
		t.Errorf("err = %v", err)
	}
}
