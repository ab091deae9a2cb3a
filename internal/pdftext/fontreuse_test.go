package pdftext

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"newsclip/internal/pdfgen"
)

// renamedFontsPDF draws with three font objects of the same fontKeyRest
// (and so the same fontKey under one name) but each its own ToUnicode map
// ("A" reads X, Y or Z), which its pages name differently; one name a
// page, in this order: object 1 as /A, 2 as /B, 1 as /B, 2 as /C, 2 as
// /A, 1 as /D, 3 as /A, 3 as /F (renamedFontsText: what each page reads).
func renamedFontsPDF() []byte {
	cmap := func(to string) string {
		c := "begincmap 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <41> <" + to + "> endbfchar endcmap"
		return streamObj(fmt.Sprintf("/Length %d", len(c)), []byte(c))
	}
	font := func(toUnicode int) string {
		return fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding << /Differences [65 /g1] >> /ToUnicode %d 0 R >>", toUnicode)
	}
	objs := []string{font(4), font(5), font(6), cmap("0058"), cmap("0059"), cmap("005A")}
	var pages []string
	for _, use := range []struct {
		name string
		obj  int
	}{{"A", 1}, {"B", 2}, {"B", 1}, {"C", 2}, {"A", 2}, {"D", 1}, {"A", 3}, {"F", 3}} {
		c := fmt.Sprintf("BT /%s 12 Tf 72 700 Td (AA) Tj ET", use.name)
		objs = append(objs, streamObj(fmt.Sprintf("/Length %d", len(c)), []byte(c)))
		pages = append(pages, fmt.Sprintf("/Contents %d 0 R /Resources << /Font << /%s %d 0 R >> >>", len(objs), use.name, use.obj))
	}
	n := len(objs)
	var kids []string
	for i, p := range pages {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] %s >>", n+len(pages)+1, p))
		kids = append(kids, fmt.Sprintf("%d 0 R", n+i+1))
	}
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	objs = append(objs, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", len(objs)))
	return pdfgen.Objects(objs, len(objs))
}

// renamedFontsText is what the pages of renamedFontsPDF read: each font
// object through its own map, whatever its name and whichever fonts of
// the same fontKey were met before.
var renamedFontsText = []string{"XX", "YY", "XX", "YY", "YY", "XX", "ZZ", "ZZ"}

// TestFontObjectsReadThemselves: a font object decodes through its own
// ToUnicode map, under any name and after any other font of the same
// fontKey, read by one goroutine or several.
func TestFontObjectsReadThemselves(t *testing.T) {
	setPageTime(t, 0, 1, 1)
	for _, workers := range []int{1, 3} {
		for range 5 {
			tx, err := Extract(renamedFontsPDF(), Options{Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range tx.Pages {
				got = append(got, pageText(p))
			}
			if !slices.Equal(got, renamedFontsText) {
				t.Fatalf("%d workers: pages read %q, want %q", workers, got, renamedFontsText)
			}
		}
	}
}

// TestFontsReusedByObject: reading the pages of a document with its font
// objects reused under other names (interp.font's byObj) draws every
// glyph as loading each name's font does, on the renamed fonts above and
// every PDF of fontEntryPDFs; and the reuse happens.
func TestFontsReusedByObject(t *testing.T) {
	files := map[string][]byte{"renamed fonts": renamedFontsPDF()}
	if !testing.Short() {
		for name, data := range fontEntryPDFs(t) {
			files[name] = data
		}
	}
	reused := 0
	eachReader(files, func(name string, r *pdf.Reader) {
		fast, slow := newDocCache(), newDocCache()
		slow.noReuse = true
		for i, pg := range pdfPages(r, newObjCache()) {
			if i >= 30 {
				break
			}
			got, gerr := pageGlyphs(pg, maxPageOps, fast, nil)
			want, werr := pageGlyphs(pg, maxPageOps, slow, nil)
			g := fmt.Sprint(got.glyphs, got.unmapped, gerr)
			w := fmt.Sprint(want.glyphs, want.unmapped, werr)
			if g != w {
				t.Errorf("%s page %d: drawn with fonts reused\n%.300s\nloaded by name\n%.300s", name, i+1, g, w)
			}
		}
		for use, f := range fast.byRef {
			for other, g := range fast.byRef {
				if other.obj == use.obj && other.name < use.name && f == g && slow.byRef[other] != slow.byRef[use] {
					reused++
				}
			}
		}
	})
	if reused == 0 {
		t.Error("no font object was reused under another name")
	}
}

// pageText is the text of a page's lines, joined by spaces.
func pageText(p Page) string {
	var b []string
	for _, l := range p.Lines {
		b = append(b, l.Text)
	}
	return strings.Join(b, " ")
}

// TestDirectFontsReadThemselves: two form XObjects of one page whose font
// dictionaries are written in their resources directly, alike but for
// their ToUnicode maps, each read through its own map.
func TestDirectFontsReadThemselves(t *testing.T) {
	cmap := func(to string) string {
		c := "begincmap 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <41> <" + to + "> endbfchar endcmap"
		return streamObj(fmt.Sprintf("/Length %d", len(c)), []byte(c))
	}
	form := func(y, toUnicode int) string {
		font := fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding << /Differences [65 /g1] >> /ToUnicode %d 0 R >>", toUnicode)
		c := fmt.Sprintf("BT /F1 12 Tf 72 %d Td (AA) Tj ET", y)
		return streamObj(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 %s >> >> /Length %d", font, len(c)), []byte(c))
	}
	page := "/X1 Do /X2 Do"
	objs := []string{
		cmap("0058"), cmap("0059"), // 1, 2
		form(700, 1), form(600, 2), // 3, 4
		streamObj(fmt.Sprintf("/Length %d", len(page)), []byte(page)),
		"<< /Type /Page /Parent 7 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /XObject << /X1 3 0 R /X2 4 0 R >> >> >>",
		"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
		"<< /Type /Catalog /Pages 7 0 R >>",
	}
	tx, err := Extract(pdfgen.Objects(objs, len(objs)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := pageText(tx.Pages[0]); got != "XX YY" {
		t.Errorf("page reads %q, want %q", got, "XX YY")
	}
}
