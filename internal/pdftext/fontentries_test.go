package pdftext

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"newsclip/internal/pdfgen"
)

// cmapCountsFitTwice is cmapCountsFit as first written: its own read of
// the stream, the fit alone.
func cmapCountsFitTwice(v pdf.Value) bool {
	if v.Kind() != pdf.Stream {
		return true
	}
	rd := v.Reader()
	defer rd.Close()
	data, err := io.ReadAll(io.LimitReader(rd, maxCMapCheck+1))
	if err != nil || len(data) > maxCMapCheck {
		return err != nil
	}
	return countsFit(data)
}

// fontKey is the name, a NUL and fontKeyRest: how interp.font told fonts
// apart before it told them by their objects.
func fontKey(fv pdf.Value, name string) (string, fontEntries) {
	rest, e := fontKeyRest(fv)
	return name + "\x00" + rest, e
}

// fontKeyInline is fontKey as first written, the entries resolved where
// the key is formatted.
func fontKeyInline(fv pdf.Value, name string) string {
	enc := fv.Key("Encoding")
	return fmt.Sprintf("%s\x00%s\x00%s\x00%d-%d\x00%d\x00%s%d\x00%v", name, fv.Key("BaseFont").Name(),
		fv.Key("Subtype").Name(), fv.Key("FirstChar").Int64(), fv.Key("LastChar").Int64(),
		fv.Key("Widths").Len(), enc.Name(), enc.Key("Differences").Len(), fv.Key("ToUnicode").IsNull())
}

// simpleToUnicode adds, as /S, a simple font whose encoding dictionary
// names its glyphs /g1 ... and whose ToUnicode stream (dict, the stream's
// dictionary entries) holds data.
func simpleToUnicode(name, dict string, data []byte) pdfgen.FontObjects {
	return func(add func(string) int) string {
		tu := add(fmt.Sprintf("<< /Length %d %s >>\nstream\n%s\nendstream", len(data), dict, data))
		return fmt.Sprintf("/%s %d 0 R", name, add(fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FirstChar 1 /LastChar 3 /Widths [500 500 500] /Encoding << /Type /Encoding /Differences [1 /g1 /g2 /g3] >> /ToUnicode %d 0 R >>", tu)))
	}
}

func deflate(s string) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// fontEntryPDFs are PDFs whose fonts TestFontEntriesReadOnce reads: the
// shared corpora's, the generated cases, and generated fonts with
// hostile, compressed, damaged and oversized ToUnicode maps.
func fontEntryPDFs(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	for _, g := range []string{"../../../shared/corpus/pdf/*.pdf", "../../../shared/corpus/pdf-real/*.pdf", "../../../shared/corpus-robust/pdf/*.pdf", "../../testdata/pdf/*.pdf"} {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			d, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[f] = d
		}
	}
	for _, c := range pdfgen.Cases() {
		out["case "+c], _ = pdfgen.Case(c)
	}
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <01> <0041> <02> <FB01> endbfchar 1 beginbfrange <03> <05> <0061> endbfrange endcmap end end"
	flate := deflate(cmap)
	big := strings.Repeat("% padding\n", maxCMap/10+1) + cmap
	out["generated"] = pdfgen.BuildRaw([]string{"BT /S 12 Tf (\x01\x02\x03) Tj ET"},
		"1 begincodespacerange <0000> <FFFF> endcodespacerange 99999992 beginbfchar <0041> <0041> endbfchar",
		simpleToUnicode("S", "", []byte(cmap)),
		simpleToUnicode("Z", "/Filter /FlateDecode", flate),
		simpleToUnicode("D", "/Filter /FlateDecode", flate[:len(flate)-6]), // cut off: a read error
		simpleToUnicode("B", "", []byte(big)),                              // longer than maxCMap
		simpleToUnicode("H", "", []byte("99999992 beginbfchar <01> <0041> endbfchar")),
		simpleToUnicode("E", "", nil))
	return out
}

// eachFont calls do with every font of the first 20 pages of every PDF
// of fontEntryPDFs (a damaged file's pages as far as they read), by the
// file's name and the font's resource name.
func eachFont(t *testing.T, do func(name, fn string, fv pdf.Value)) {
	for name, data := range fontEntryPDFs(t) {
		r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			continue
		}
		func() {
			defer func() { recover() }()
			for p := 1; p <= r.NumPage() && p <= 20; p++ {
				dict := r.Page(p).Resources().Key("Font")
				for _, fn := range dict.Keys() {
					do(name, fn, dict.Key(fn))
				}
			}
		}()
	}
}

// TestFontEntriesReadOnce: fontKey keys as when it resolved its entries
// inline; cmapCountsFit fits as when it read the stream for itself; the
// map toUnicodeText reads from the guard's bytes is readToUnicode's own;
// and a loaded font's encoding decodes as the library's where the map fits.
func TestFontEntriesReadOnce(t *testing.T) {
	var fonts, shared, reread int
	eachFont(t, func(name, fn string, fv pdf.Value) {
		key, e := fontKey(fv, fn)
		if want := fontKeyInline(fv, fn); key != want {
			t.Errorf("%s %s: fontKey %q, inline %q", name, fn, key, want)
		}
		fit, cmap, whole := cmapCountsFit(e.toUnicode)
		if want := cmapCountsFitTwice(e.toUnicode); fit != want {
			t.Errorf("%s %s: fits %v, read twice %v", name, fn, fit, want)
		}
		if got, want := toUnicodeText(e.toUnicode, cmap, whole), readToUnicode(e.toUnicode); !maps.Equal(got, want) {
			t.Errorf("%s %s: map from the guard's bytes %v, read again %v", name, fn, got, want)
		}
		pf, lib := loadFontEntries(pdf.Font{V: fv}, e), pdf.Font{V: fv}
		if _, none := pf.enc.(noText); none == fit {
			t.Errorf("%s %s: fits %v, but decodes to nothing: %v", name, fn, fit, none)
		}
		for c := range 256 {
			code := string([]byte{byte(c)})
			if fit && !libraryDecodesNothing(fv) && pf.enc.Decode(code) != lib.Encoder().Decode(code) {
				t.Errorf("%s %s: code %#x decodes to %q, the library's %q", name, fn, c, pf.enc.Decode(code), lib.Encoder().Decode(code))
			}
		}
		fonts++
		if whole {
			shared++
		} else if !e.toUnicode.IsNull() {
			reread++
		}
	})
	t.Logf("%d fonts, %d ToUnicode maps read once, %d read again", fonts, shared, reread)
	if shared < 5 || reread < 3 {
		t.Errorf("%d maps read once, %d again: the test data lost its cases", shared, reread)
	}
}

// TestDecodeBytesAsDecode: decodeBytes, which keeps one-byte codes in an
// array, gives decode's text for every one-byte code and some two-byte
// ones, met once or again, in every font of the PDFs of
// TestFontEntriesReadOnce.
func TestDecodeBytesAsDecode(t *testing.T) {
	codes := [][]byte{{0x20}, {0x41}, {0xad}, {0x00, 0x41}, {0x01, 0x02}, {0x41}}
	for c := range 256 {
		codes = append(codes, []byte{byte(c)})
	}
	fonts := 0
	eachFont(t, func(name, fn string, fv pdf.Value) {
		f, ref := loadFont(pdf.Font{V: fv}), loadFont(pdf.Font{V: fv})
		for _, code := range codes {
			if got, want := f.decodeBytes(code), ref.decode(string(code)); got != want {
				t.Errorf("%s %s: code % x decodes to %q, decode gives %q", name, fn, code, got, want)
			}
		}
		fonts++
	})
	if fonts < 100 {
		t.Errorf("only %d fonts", fonts)
	}
}

// libraryDecodesNothing reports whether fv is a Type0 font whose Encoding
// is a CMap embedded in the file, through which the library decodes
// nothing, where the font's ToUnicode map does (see encoder and
// TestEmbeddedCMapEncoding): there the decoders are not compared.
func libraryDecodesNothing(fv pdf.Value) bool { return fv.Key("Encoding").Kind() == pdf.Stream }
