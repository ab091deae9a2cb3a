package pdftext

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"newsclip/internal/pdfgen"
)

// oddCMaps are ToUnicode CMaps (the part between a codespace and the
// end) that the library's reader takes in odd ways: duplicate and
// overlapping entries, counts that miss their entries, sections out of
// order, dictionary games, strings of every form, destinations it cannot
// use; some make it give no map or panic.
var oddCMaps = []string{
	manyChars(),
	"2 beginbfchar <0041> <0061> <0041> <0062> endbfchar 2 beginbfrange <0050> <0060> <0070> <0055> <0058> [<0031> <0032> <>] endbfrange",
	"1 beginbfchar <0041> <0061> <0042> <0062> endbfchar",
	"3 beginbfchar <0041> <0061> endbfchar",
	"endbfchar 1 beginbfchar <0041> <0061> endbfchar",
	"1 beginbfchar <0041> <0061> endbfchar endbfchar",
	"1 beginbfchar (\\000A) (\\000a) endbfchar 1 beginbfrange (\\000B) (\\000D) (\\000x) endbfrange",
	"1 beginbfrange <0041> <0045> <> endbfrange",
	"1 beginbfrange <0041> <0045> <004> endbfrange",
	"1 beginbfchar <0041> <00> endbfchar",
	"1 beginbfrange <0041> <0045> [<0061> 7 /n << /a 1 >> [<0062>]] endbfrange",
	"1 beginbfrange <0041> <0045> 12 endbfrange 1 beginbfrange <0046> <0048> /x endbfrange",
	"1 beginbfchar 65 97 endbfchar",
	"1.0 beginbfchar <0041> <0061> endbfchar",
	"-1 beginbfchar <0041> <0061> endbfchar",
	"/N 1 def N beginbfchar <0041> <0061> endbfchar",
	"/beginbfchar 1 def beginbfchar <0041> <0061> endbfchar",
	"currentdict /X <0041> put end end end 1 beginbfchar <0041> <0061> endbfchar",
	"1 begincodespacerange <00> <7F> endcodespacerange 1 beginbfchar <41> <0061> endbfchar",
	"1 begincodespacerange <0000000000> <FFFFFFFFFF> endcodespacerange",
	"1 begincodespacerange <00> <FFFF> endcodespacerange",
	"1 begincodespacerange <> <> endcodespacerange",
	"endcodespacerange",
	"% a comment beginbfchar\n1 beginbfchar <00 41> <00\n61> endbfchar",
	"1 beginbfchar <D83D> <D83DDE00> endbfchar 1 beginbfchar <0041> <D800> endbfchar",
	"2 beginbfrange <00FE> <0102> <00FF> <0041> <0041> <0041> endbfrange",
	"1 beginbfchar <0041> <0061> endbfchar 1 beginbfchar <0041> <0062> endbfchar",
	"[ 1 beginbfchar <0041> <0061> endbfchar",
	"<< /a 1 beginbfchar <0041> <0061> endbfchar",
	"1 beginbfchar <0041> <0061> endbfchar ) ] >> }",
	"1 beginbfchar <0041> <0061> endbfchar (unclosed",
}

// cmapFonts adds, as /C0, /C1 ..., Identity-H fonts (and, as /U0 ...,
// fonts without an encoding) whose ToUnicode maps are the standard head
// and codespace, then body, then the standard tail.
func cmapFonts(bodies []string) pdfgen.FontObjects {
	return func(add func(string) int) string {
		var names []string
		for i, body := range bodies {
			cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /T def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
				body + "\nendcmap CMapName currentdict /CMap defineresource pop end end"
			z := deflate(cmap)
			tu := add(fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(z), z))
			desc := add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /T /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")
			names = append(names, fmt.Sprintf("/C%d %d 0 R", i, add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /T /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", desc, tu))))
			names = append(names, fmt.Sprintf("/U%d %d 0 R", i, add(fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /T /ToUnicode %d 0 R >>", tu))))
		}
		return strings.Join(names, " ")
	}
}

// manyChars is a bfchar section of more entries than indexChars, some
// codes given twice (the first entry counts) and of one, two and three
// bytes.
func manyChars() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d beginbfchar", 3*indexChars+3)
	for i := range 3 * indexChars {
		fmt.Fprintf(&b, " <%04X> <%04X>", 0x41+i%(2*indexChars), 0x61+i)
	}
	b.WriteString(" <42> <0078> <0042> <0079> <004100> <007A> endbfchar")
	return b.String()
}

// cmapCodes are the strings each font decodes in TestCMapReadAsLibrary:
// every one-byte code, every two-byte code below hi (of 65536), every
// 97th above, and runs of codes of mixed lengths.
func cmapCodes(hi int) []string {
	out := []string{"", "\x00A\x00B\x00C", "\x00A\x01", "\xff\xff\xff", "\x00\x41\x00\x50\x00\x55\x00\x57\x01\x00\x00\xff"}
	for c := range 1 << 16 {
		if c < hi || c%97 == 0 {
			out = append(out, string([]byte{byte(c >> 8), byte(c)}))
		}
		if c < 256 {
			out = append(out, string([]byte{byte(c)}))
		}
	}
	return out
}

// TestCMapReadAsLibrary: a font whose CMap readCMap reads decodes codes
// as the library's encoder does (text or panic): on the odd CMaps above
// every one- and two-byte code, on every font of fontEntryPDFs (without
// -short) a sample (see cmapCodes); readCMap reads the CMaps the library
// reads whole itself.
func TestCMapReadAsLibrary(t *testing.T) {
	files := map[string][]byte{"odd CMaps": pdfgen.BuildRaw([]string{"BT ET"}, "", cmapFonts(oddCMaps))}
	if !testing.Short() {
		for name, data := range fontEntryPDFs(t) {
			files[name] = data
		}
	}
	all, some := cmapCodes(1<<16), cmapCodes(1<<10)
	ours, theirs := 0, 0
	eachReader(files, func(name string, r *pdf.Reader) {
		codes := some
		if name == "odd CMaps" {
			codes = all
		}
		for p, pg := range pdfPages(r, newObjCache()) {
			fonts := pg.V.Key("Resources").Key("Font")
			for _, fn := range fonts.Keys() {
				fv := fonts.Key(fn)
				var e fontEntries
				var fit, whole bool
				var cmap []byte
				if catching(func() string {
					_, e = fontKeyRest(fv)
					fit, cmap, whole = cmapCountsFit(e.toUnicode)
					return ""
				}) != "" || !fit {
					continue // damaged, or the library would fill its claimed entries
				}
				if libraryDecodesNothing(fv) {
					continue
				}
				got, want := catching(func() string {
					enc := encoder(pdf.Font{V: fv}, e, cmap, whole)
					if _, ok := enc.(*cmapText); ok {
						ours++
					} else if whole {
						theirs++
					}
					return decodeAll(enc, codes)
				}), catching(func() string {
					lib := pdf.Font{V: fv}
					return decodeAll(lib.Encoder(), codes)
				})
				if got != want {
					t.Errorf("%s page %d font %s: decodes\n%.300s\nthe library's\n%.300s", name, p+1, fn, got, want)
				}
			}
		}
	})
	t.Logf("%d CMaps read by readCMap, %d by the library", ours, theirs)
	if ours < 36 {
		t.Errorf("readCMap read only %d CMaps", ours)
	}
}

// decodeAll decodes each of codes with enc, each panic in its place.
func decodeAll(enc pdf.TextEncoding, codes []string) string {
	var b strings.Builder
	for _, c := range codes {
		b.WriteString(catching(func() string { return enc.Decode(c) }))
		b.WriteByte('|')
	}
	return b.String()
}

// FuzzCMapAsLibrary: a CMap body (see cmapFonts) decodes through readCMap
// as through the library's reader, or readCMap gives up.
func FuzzCMapAsLibrary(f *testing.F) {
	for _, c := range oddCMaps {
		f.Add(c)
	}
	codes := cmapCodes(1 << 9)
	f.Fuzz(func(t *testing.T, body string) {
		data := pdfgen.BuildRaw([]string{"BT ET"}, "", cmapFonts([]string{body}))
		r, err := newPDFReader(data, "")
		if err != nil {
			return
		}
		fv := r.Page(1).V.Key("Resources").Key("Font").Key("C0")
		_, e := fontKeyRest(fv)
		fit, cmap, whole := cmapCountsFit(e.toUnicode)
		if !fit || !whole {
			return
		}
		got := catching(func() string { return decodeAll(encoder(pdf.Font{V: fv}, e, cmap, whole), codes) })
		lib := pdf.Font{V: fv}
		if want := catching(func() string { return decodeAll(lib.Encoder(), codes) }); got != want {
			t.Errorf("decodes\n%.300s\nthe library's\n%.300s", got, want)
		}
	})
}
