package pdftext

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"newsclip/internal/pdfgen"
)

// cidFontPDF writes a one-page PDF whose font F1 is a Type0 font with a
// ToUnicode map and the descendant dictionary desc (object 1); object 4
// is a CIDSystemInfo dictionary desc may refer to, object 9 the number
// 600 and object 10 the array [1 2].
func cidFontPDF(desc string) []byte {
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar <0003> <0041> endbfchar endcmap end end"
	content := "BT /F1 12 Tf 72 700 Td <00030003> Tj ET"
	return pdfgen.Objects([]string{
		desc,
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(cmap), cmap),
		"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [1 0 R] /ToUnicode 2 0 R >>",
		"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Page /Parent 7 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
		"<< /Type /Catalog /Pages 7 0 R >>",
		"600",
		"[1 2]",
	}, 8)
}

// cidFont loads the font F1 of data, with rawCIDWidths on or off, and
// tells whether rawCIDWidths read it (when on) and whether loading
// panicked.
func cidFont(t *testing.T, data []byte, raw bool) (pf *pdfFont, read, panicked bool) {
	t.Helper()
	defer func(was bool) { rawWidthsOn = was }(rawWidthsOn)
	rawWidthsOn = raw
	r, err := newPDFReader(data, "")
	if err != nil {
		t.Fatal(err)
	}
	fv := r.Page(1).Resources().Key("Font").Key("F1")
	defer func() {
		if recover() != nil {
			pf, panicked = nil, true
		}
	}()
	_, read = rawCIDWidths(fv, &widthTable{})
	return loadFont(pdf.Font{V: fv}), read, false
}

func TestRawCIDWidths(t *testing.T) {
	const head = "/Type /Font /Subtype /CIDFontType2 /BaseFont /X "
	for _, c := range []struct {
		desc string
		read bool // whether rawCIDWidths reads it (else the library does)
	}{
		{"<< " + head + "/CIDSystemInfo 4 0 R /DW 1000 /W [0 [722 0] 2 3 250 4 [1.5 -2 /N 3]] >>", true},
		{"<< " + head + "/DW 500.5 /W [3 [600]] >>", true},
		{"<< " + head + "/DW /Wide /W [3 [600]] >>", true},
		{"<< " + head + "/W 5 >>", true},
		{"<< " + head + ">>", true},
		{"<< " + head + "/W [0 [1 2] 5] >>", true},
		{"<< " + head + "/W [[1] [2 3] 7] >>", true},
		{"<< " + head + "/W [70000 [1 2] 3.5 [4] -5 -1 300 10 5 300] >>", true},
		{"<< " + head + "/W [0 [1 [2] (x) <41> true null << /A 1 >>]] >>", true},
		{"<< " + head + "% a comment\n/W [3 [600]] /W [4 [700]] >>", true}, // the last W counts
		{"<< " + head + "/W [[9 0 R] [600]] >>", true},                     // a reference never read
		{"<< " + head + "/W [[9 0 R] [600] 5 [10 0 R]] >>", false},         // and one read
		{"<< " + head + "/W [3 [1 2] 9 0 R 5] >>", false},
		{"<< " + head + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) >> /W [3 [600]] >>", true},
		{"<< " + head + "/CIDSystemInfo 99 0 R /W [3 [600]] >>", true},
		{"<< " + head + "/DW 9 0 R /W [3 [600]] >>", false},
		{"<< " + head + "/W 10 0 R >>", false},
		{"<< " + head + "/W [3 10 0 R] >>", false},
		{"<< " + head + "/W [3 [9 0 R]] >>", false},
		{"<< " + head + "/CIDSystemInfo << /Ordering 9 0 R >> /W [3 [600]] >>", false},
		{"<< " + head + "/Odd#20Name 1 /W [3 [600]] >>", true},
		{"<< " + head + "/Odd#2 1 /W [3 [600]] >>", false}, // an escape the library refuses
		{"<< " + head + "/Note (a \\) b) /W [3 [600]] >>", true},
		{"<< " + head + "/Note (a \\n \\101 b) /W [3 [600]] >>", true},
		{"<< " + head + "/Note (a \\q b) /W [3 [600]] >>", false}, // an escape the library refuses
		{"<< " + head + "/Note <414> /W [3 [600]] >>", false},
		{"<< " + head + "/W [3 [1e5]] >>", false},
		{"<< " + head + "/W [3 [99999999999999999999]] >>", false},
		{"<< " + head + "/W [3 [600]] >>\nstream\nxx\nendstream", false},
		{"<< " + head + "/W [3 [600] >>", false},
	} {
		data := cidFontPDF(c.desc)
		fast, read, fastPanic := cidFont(t, data, true)
		lib, _, libPanic := cidFont(t, data, false)
		if read != c.read {
			t.Errorf("%s: read raw %v, want %v", c.desc, read, c.read)
		}
		if fastPanic != libPanic || !fastPanic && (!reflect.DeepEqual(fast.widths, lib.widths) || fast.missing != lib.missing) {
			t.Errorf("%s: raw widths %+v, missing %v (panic %v); the library's %+v, %v (panic %v)",
				c.desc, fast.widths, fast.missing, fastPanic, lib.widths, lib.missing, libPanic)
		}
	}
}

// FuzzRawCIDWidths: whatever a descendant's W and DW hold, the widths read
// raw are the library's, or the library reads them.
func FuzzRawCIDWidths(f *testing.F) {
	for _, s := range []string{"/W [0 [722 0] 2 3 250]", "/DW 500 /W [1 [2.5]]", "/W [3 10 0 R]", "/W [(a) [<41>]]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, entries string) {
		if strings.Contains(entries, "endobj") || strings.Contains(entries, "stream") {
			t.Skip()
		}
		data := cidFontPDF("<< /Type /Font /Subtype /CIDFontType2 " + entries + " >>")
		r, err := newPDFReader(data, "")
		if err != nil || r.NumPage() != 1 {
			t.Skip()
		}
		fast, _, fastPanic := cidFont(t, data, true)
		lib, _, libPanic := cidFont(t, data, false)
		if fastPanic != libPanic || !fastPanic && (!reflect.DeepEqual(fast.widths, lib.widths) || fast.missing != lib.missing) {
			t.Fatalf("raw: %+v %v (panic %v); library: %+v %v (panic %v)", fast.widths, fast.missing, fastPanic, lib.widths, lib.missing, libPanic)
		}
	})
}

// TestRawCIDWidthsRealPDFs: every shared PDF reads the same with the
// descendants' widths read raw as through the library.
func TestRawCIDWidthsRealPDFs(t *testing.T) {
	files := sharedPDFs()
	if len(files) == 0 {
		t.Skip("no shared PDFs beside the checkout")
	}
	defer func(was bool) { rawWidthsOn = was }(rawWidthsOn)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rawWidthsOn = true
		on := extractJSON(t, data, true)
		rawWidthsOn = false
		if off := extractJSON(t, data, true); on != off {
			t.Errorf("%s: with the widths read raw, the text differs", f)
		}
	}
}
