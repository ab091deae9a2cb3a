// Package pdfgen writes small, valid PDFs for tests: text runs placed at
// given positions on pages, in fonts that exercise the PDF reader (Courier
// with /Widths, a font with a ligature in its ToUnicode map, a two-byte
// Identity-H font). It never embeds font programs: extraction needs only
// widths, encodings and ToUnicode maps. Coordinates are PDF points, from
// the bottom left of a US Letter page (612 × 792 pt).
package pdfgen

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// A Run is text drawn at a position of a test page.
type Run struct {
	X, Y, Size float64 // baseline start and font size, in points
	Text       string  // drawn in Courier, WinAnsi (Latin-1 for these tests)
	CJK        bool    // draw Text in a two-byte font whose codes are the Unicode values
	Raw        string  // drawn as is in the ligature font (code 0x01 is "ﬁ")
	Up         bool    // drawn turned a quarter counter-clockwise (landscape)
}

// Build writes a PDF with one page per slice of runs.
func Build(pages [][]Run) []byte {
	var contents []string
	for _, runs := range pages {
		contents = append(contents, content(runs))
	}
	return BuildRaw(contents, cjkCMap(pages))
}

// BuildRaw writes a PDF with one page per content stream, given as PDF
// operators. Its fonts are /F1 (Courier, WinAnsi, with /Widths), /F2
// (Courier with a ToUnicode map where code 0x01 is "ﬁ"), /F3 (two-byte
// Identity-H, mapped by cmap, a ToUnicode CMap; "" maps only the space)
// and, for each name in Fonts, that font as registered there.
func BuildRaw(contents []string, cmap string, extra ...FontObjects) []byte {
	if cmap == "" {
		cmap = cjkCMap(nil)
	}
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	widths := strings.TrimSpace(strings.Repeat("600 ", 224))
	courier := add(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [%s] >>", widths))
	// code 0x01 is the "fi" ligature in this font's ToUnicode map.
	ligCMap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Lig def 1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <01> <FB01> <20> <0020> endbfchar 1 beginbfrange <21> <7E> <0021> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end"
	ligStream := add(stream(ligCMap))
	lig := add(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /FirstChar 1 /LastChar 126 /Widths [%s] /ToUnicode %d 0 R >>", strings.TrimSpace(strings.Repeat("600 ", 126)), ligStream))
	cjkStream := add(stream(cmap))
	desc := add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")
	cjk := add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", desc, cjkStream))
	fonts := fmt.Sprintf("/F1 %d 0 R /F2 %d 0 R /F3 %d 0 R", courier, lig, cjk)
	for _, name := range sortedFontNames() {
		fonts += fmt.Sprintf(" /%s %d 0 R", name, add(Fonts[name]))
	}
	for _, e := range extra {
		fonts += " " + e(add)
	}
	return assemble(objs, contents, fonts)
}

// FontObjects adds the objects of a font with add (which returns each
// object's number) and returns its entry in the font resources
// ("/G 12 0 R").
type FontObjects func(add func(obj string) int) string

// TrueType embeds a TrueType font program as /G: a Type0 font, Identity-H,
// codes are glyph ids, and no ToUnicode map, as browsers print headlines.
func TrueType(ttf []byte) FontObjects {
	return func(add func(string) int) string {
		file := add(fmt.Sprintf("<< /Length %d /Length1 %d >>\nstream\n%s\nendstream", len(ttf), len(ttf), ttf))
		desc := add(fmt.Sprintf("<< /Type /FontDescriptor /FontName /TestTT /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 %d 0 R >>", file))
		cid := add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestTT /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /CIDToGIDMap /Identity /DW 600 /FontDescriptor %d 0 R >>", desc))
		return fmt.Sprintf("/G %d 0 R", add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /TestTT /Encoding /Identity-H /DescendantFonts [%d 0 R] >>", cid)))
	}
}

// Fonts are extra font dictionaries BuildRaw adds to every page's
// resources, by resource name.
var Fonts = map[string]string{
	// Helvetica without /Widths: a reader needs the standard 14 fonts'
	// own metrics.
	"H": "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	// Times-Roman without /Widths.
	"T": "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
	// Courier with /Widths and an encoding dictionary whose /Differences
	// name only code 1 ("fi"): other codes come from WinAnsi.
	"W": fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /Courier /FirstChar 1 /LastChar 255 /Widths [%s] /Encoding << /Type /Encoding /Differences [1 /fi] >> >>", strings.TrimSpace(strings.Repeat("600 ", 255))),
}

func sortedFontNames() []string { return slices.Sorted(maps.Keys(Fonts)) }

// cjkCMap maps every character drawn in the CJK font to itself.
func cjkCMap(pages [][]Run) string {
	var chars strings.Builder
	n := 0
	for _, runs := range pages {
		for _, r := range runs {
			if r.CJK {
				for _, ch := range r.Text {
					fmt.Fprintf(&chars, "<%04X> <%04X> ", ch, ch)
					n++
				}
			}
		}
	}
	if n == 0 {
		chars.WriteString("<0020> <0020> ")
		n = 1
	}
	return fmt.Sprintf("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def 1 begincodespacerange <0000> <FFFF> endcodespacerange %d beginbfchar %sendbfchar endcmap CMapName currentdict /CMap defineresource pop end end", n, chars.String())
}

func stream(s string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(s), s)
}

// content is the content stream drawing runs.
func content(runs []Run) string {
	var c strings.Builder
	for _, r := range runs {
		font, s := "F1", ""
		switch {
		case r.CJK:
			font = "F3"
			var h strings.Builder
			for _, ch := range r.Text {
				fmt.Fprintf(&h, "%04X", ch)
			}
			s = "<" + h.String() + ">"
		case r.Raw != "":
			font, s = "F2", "<"+fmt.Sprintf("%X", r.Raw)+">"
		default:
			s = Literal(r.Text)
		}
		if r.Up {
			fmt.Fprintf(&c, "BT /%s %g Tf 0 1 -1 0 %g %g Tm %s Tj ET\n", font, r.Size, r.X, r.Y, s)
		} else {
			fmt.Fprintf(&c, "BT /%s %g Tf %g %g Td %s Tj ET\n", font, r.Size, r.X, r.Y, s)
		}
	}
	return c.String()
}

// Literal writes s as a PDF string literal, one byte per character of
// Latin-1 (others are left out).
func Literal(s string) string {
	esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
	var b bytes.Buffer
	b.WriteByte('(')
	for _, ch := range esc {
		if ch < 256 {
			b.WriteByte(byte(ch))
		}
	}
	b.WriteByte(')')
	return b.String()
}

// assemble writes the file: objs (numbered from 1), then per page a content
// stream and a page object with the font resources fonts, the page tree,
// the catalog, the cross-reference table and the trailer.
func assemble(objs []string, contents []string, fonts string) []byte {
	return assembleResources(objs, contents, "/Font << "+fonts+" >>")
}

// assembleResources is assemble with every page's resource dictionary
// entries given whole.
func assembleResources(objs []string, contents []string, resources string) []byte {
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	pagesID := len(objs) + 1 + 2*len(contents)
	var kids []string
	for _, c := range contents {
		content := add(stream(c))
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << %s >> >>", pagesID, content, resources))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	add(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	return Objects(objs, add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesID)))
}

// Objects writes objs (numbered from 1) as a PDF file whose catalog is
// object catalog: the objects, the cross-reference table and the trailer.
func Objects(objs []string, catalog int) []byte {
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

// Columns lays out paragraphs of words in n columns of equal height under
// a headline that spans them, Courier 10 pt on 12 pt leading, with
// first-line indents and hyphenated breaks; text flows from column to
// column, paragraphs across the column breaks. An empty headline is still
// the first run (with no text).
func Columns(n int, headline string, paras []string) []Run {
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
	runs := []Run{{X: 72, Y: 720, Size: 20, Text: headline}}
	perCol := (len(lines) + n - 1) / n
	for i, l := range lines {
		col, row := i/perCol, i%perCol
		runs = append(runs, Run{X: 72 + float64(col)*(colWidth+18), Y: 680 - 12*float64(row), Size: 10, Text: l})
	}
	return runs
}

// Justified sets paragraphs in n columns of Courier at size points, each
// word drawn on its own, words wordSpace points apart and columns gutter
// points apart, from x = 36 and y = top down on size*1.2 leading: narrow
// newspaper columns whose gutters are only a few word spaces wide.
// Paragraphs after the first open with a 1 em indent.
func Justified(n int, size, wordSpace, gutter, top float64, paras []string) []Run {
	colWidth := (612.0 - 72 - float64(n-1)*gutter) / float64(n)
	type word struct {
		x    float64
		text string
	}
	var lines [][]word
	for _, p := range paras {
		var line []word
		x := size // first-line indent
		if len(lines) == 0 {
			x = 0
		}
		for _, w := range strings.Fields(p) {
			wl := float64(len([]rune(w))) * 0.6 * size
			if x+wl > colWidth && len(line) > 0 {
				lines = append(lines, line)
				line, x = nil, 0
			}
			line = append(line, word{x, w})
			x += wl + wordSpace
		}
		lines = append(lines, line)
	}
	perCol := (len(lines) + n - 1) / n
	var runs []Run
	for i, l := range lines {
		col, row := i/perCol, i%perCol
		for _, w := range l {
			runs = append(runs, Run{X: 36 + float64(col)*(colWidth+gutter) + w.x, Y: top - 1.2*size*float64(row), Size: size, Text: w.text})
		}
	}
	return runs
}
