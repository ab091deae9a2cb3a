package pdftext

// Fonts: what the interpreter needs of each font (widths, encoding,
// whether codes are one or two bytes), read once per document, and the
// clean-up of the text a font decodes to.

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/encoding/charmap"
)

// pdfFont is what the interpreter needs of a font, read once per font.
type pdfFont struct {
	enc       pdf.TextEncoding
	twoByte   bool
	toUnicode bool       // has a ToUnicode CMap
	widths    widthTable // code -> width in glyph space (1/1000 em)
	// noUnicode names the character collection of a CID font whose codes
	// cannot be mapped to Unicode here ("Adobe-Japan1"); "" otherwise.
	noUnicode string
	missing   float64
	bold      bool
	name      string
	decodeMem map[string]string
	// byteText holds decode's text of the one-byte codes met so far
	// (byteSeen marks them): most glyphs are drawn with such codes, and
	// an array costs less than a map lookup per glyph.
	byteText [256]string
	byteSeen [256]bool
	// base decodes the codes a /Differences array leaves to the font's
	// base encoding; nil when the library's own decoding is right.
	base *charmap.Charmap
	// fixed and std14 are the metrics of a standard 14 font used without
	// /Widths: a fixed advance (Courier), or widths by character.
	fixed float64
	std14 []uint16
	// gidText maps the glyph ids of an Identity-H font without a
	// ToUnicode map to text, from the embedded TrueType font's cmap.
	gidText map[int]string
	// simpleText maps the codes of a simple font with both an encoding
	// dictionary and a ToUnicode map (see cmap.go).
	simpleText map[byte]string
}

// fontEntries are the entries of a font dictionary that fontKeyRest and
// loadFont both read, each resolved once: a reference resolves to the same
// value every time (see objcache.go), and resolving one parses its object
// again (an object stream's is inflated whole).
type fontEntries struct{ encoding, toUnicode pdf.Value }

func readFontEntries(fv pdf.Value) fontEntries {
	return fontEntries{fv.Key("Encoding"), fv.Key("ToUnicode")}
}

// loadFont reads what the interpreter needs of the font f.
func loadFont(f pdf.Font) *pdfFont { return loadFontEntries(f, readFontEntries(f.V)) }

// loadFontEntries is loadFont for a font whose entries e were read.
func loadFontEntries(f pdf.Font, e fontEntries) *pdfFont {
	pf := &pdfFont{decodeMem: map[string]string{}}
	pf.name = f.BaseFont()
	if i := strings.IndexByte(pf.name, '+'); i >= 0 {
		pf.name = pf.name[i+1:]
	}
	low := strings.ToLower(pf.name)
	pf.bold = strings.Contains(low, "bold") || strings.Contains(low, "black") || strings.Contains(low, "heavy")
	// A ToUnicode map is a stream. Some producers write the name of an
	// encoding there (/ToUnicode /Identity-H) for fonts whose codes are
	// Unicode values: that is no map, and the codes are read as for a
	// font without one (see decode), where the library's decoder kept
	// each code's low byte ("Łódź" read "Aódz").
	pf.toUnicode = e.toUnicode.Kind() == pdf.Stream
	var cmap []byte
	var whole bool // cmap holds the ToUnicode stream's bytes
	if pf.toUnicode {
		var fit bool
		if fit, cmap, whole = cmapCountsFit(e.toUnicode); !fit {
			pf.enc = noText{}
		}
	}
	if pf.enc == nil {
		pf.enc = encoder(f, e, cmap, whole)
	}
	pf.base = baseEncoding(e.encoding)
	if pf.toUnicode && e.encoding.Kind() == pdf.Dict {
		pf.simpleText = toUnicodeText(e.toUnicode, cmap, whole)
	}
	if f.V.Key("Subtype").Name() == "Type0" {
		pf.twoByte = !oneByteCodes(e.encoding)
		if pf.toUnicode {
			// Read for its widths alone: see cidwidths.go.
			if dw, ok := rawCIDWidths(f.V, &pf.widths); ok {
				pf.missing = dw
				if pf.missing == 0 {
					pf.missing = 1000
				}
				return pf
			}
			pf.widths = widthTable{}
		}
		d := f.V.Key("DescendantFonts").Index(0)
		info := d.Key("CIDSystemInfo")
		if ord := info.Key("Ordering").RawString(); !pf.toUnicode && ord != "" && ord != "Identity" && ord != "UCS" {
			pf.noUnicode = info.Key("Registry").RawString() + "-" + ord
		}
		if !pf.toUnicode && d.Key("CIDToGIDMap").Kind() != pdf.Stream {
			pf.gidText = trueTypeGlyphText(d.Key("FontDescriptor").Key("FontFile2"))
		}
		pf.missing = d.Key("DW").Float64()
		if pf.missing == 0 {
			pf.missing = 1000
		}
		setCIDWidths(&pf.widths, &libWidths{w: d.Key("W")})
		return pf
	}
	first := f.FirstChar()
	for i, w := range f.Widths() {
		pf.widths.set(first+i, w)
	}
	pf.missing = f.V.Key("FontDescriptor").Key("MissingWidth").Float64()
	if !pf.widths.any {
		pf.fixed, pf.std14 = standardMetrics(pf.name)
	}
	return pf
}

// encoder is f.Encoder() for the font f whose entries e were read, where
// cmap holds its ToUnicode stream's bytes when whole: a font the library
// decodes through its CMap (Identity-H or no encoding, with a ToUnicode
// stream) gets that CMap read from cmap (see readCMap) unless readCMap
// gives up.
func encoder(f pdf.Font, e fontEntries, cmap []byte, whole bool) pdf.TextEncoding {
	k := e.encoding.Kind()
	// An embedded CMap (a stream) maps codes to glyphs, not to text: the
	// library decodes nothing through it, the ToUnicode map does.
	if whole && e.toUnicode.Kind() == pdf.Stream && (k == pdf.Null || k == pdf.Stream || k == pdf.Name && e.encoding.Name() == "Identity-H") {
		if m, ok := readCMap(cmap); ok {
			return m
		}
	}
	return f.Encoder()
}

// oneByteCodes reports whether enc, a Type0 font's Encoding, is a CMap
// embedded in the file whose codes are all one byte long, as some
// producers (iText) write for a font drawn with codes 00-FF: its strings
// are read a byte to a code, not two.
//
//	/Encoding 5 0 R  ->  1 begincodespacerange <00> <FF> endcodespacerange
func oneByteCodes(enc pdf.Value) bool {
	if enc.Kind() != pdf.Stream {
		return false
	}
	data, ok := readStream(enc, maxCMap)
	if !ok {
		return false
	}
	m, ok := readCMap(data)
	return ok && len(m.space[0]) > 0 && len(m.space[1])+len(m.space[2])+len(m.space[3]) == 0
}

// denseCodes bounds the codes a widthTable keeps in a slice: a font's
// codes are mostly small (a subset font's glyph ids run from 0 up), and a
// map took 10% of reading a browser's print for a few thousand entries.
// 64 KB a font at most; higher codes go to a map.
const denseCodes = 8192

// A widthTable maps character codes to widths; an unset code reads 0.
type widthTable struct {
	low  []float64       // codes 0 up to len(low)-1, 0 where unset
	high map[int]float64 // the other codes
	any  bool            // whether any width was set (0 included)
}

// set records the width w of code; a later width of a code replaces an
// earlier one.
func (t *widthTable) set(code int, w float64) {
	t.any = true
	if code < 0 || code >= denseCodes {
		if t.high == nil {
			t.high = map[int]float64{}
		}
		t.high[code] = w
		return
	}
	if code >= len(t.low) {
		t.low = append(t.low, make([]float64, code+1-len(t.low))...)
	}
	t.low[code] = w
}

// get returns the width of code, 0 when none was set.
func (t *widthTable) get(code int) float64 {
	if code >= 0 && code < len(t.low) {
		return t.low[code]
	}
	return t.high[code]
}

// standardMetrics returns the metrics of a standard 14 font (or a common
// alias: Arial for Helvetica, Times New Roman for Times) used without
// /Widths: a fixed advance for Courier, else the face's widths from
// std14.txt (nil when the font is none of these).
func standardMetrics(name string) (fixed float64, widths []uint16) {
	low := strings.ToLower(name)
	bold := strings.Contains(low, "bold")
	slanted := strings.Contains(low, "italic") || strings.Contains(low, "oblique")
	var face string
	switch {
	case strings.HasPrefix(low, "courier"):
		return 600, nil
	case strings.HasPrefix(low, "helvetica") || strings.HasPrefix(low, "arial"):
		face = "Helvetica" + map[[2]bool]string{{true, true}: "-BoldOblique", {true, false}: "-Bold", {false, true}: "-Oblique"}[[2]bool{bold, slanted}]
	case strings.HasPrefix(low, "times"):
		face = "Times-" + map[[2]bool]string{{true, true}: "BoldItalic", {true, false}: "Bold", {false, true}: "Italic", {false, false}: "Roman"}[[2]bool{bold, slanted}]
	default:
		return 0, nil
	}
	return 0, std14Table().widths[face]
}

func (f *pdfFont) decode(code string) string {
	if s, ok := f.decodeMem[code]; ok {
		return s
	}
	var s string
	if f.noUnicode != "" {
		// CIDs of a character collection (Adobe-Japan1 ...) need that
		// collection's tables, which newsclip does not carry.
	} else if t, ok := f.simpleText[code[0]]; ok && len(code) == 1 {
		s = cleanGlyphText(t)
	} else if t, ok := f.gidText[int(code[0])<<8|int(code[len(code)-1])]; ok && len(code) == 2 {
		s = t
	} else if f.twoByte && !f.toUnicode && len(code) == 2 {
		// Identity encoding without a ToUnicode map: many producers use
		// the Unicode value as the code; other codes cannot be read.
		r := rune(code[0])<<8 | rune(code[1])
		if r >= 0x20 && unicode.IsPrint(r) {
			s = string(r)
		}
	} else {
		d := f.enc.Decode(code)
		if f.base != nil && len(code) == 1 && code[0] >= 0x80 && d == string(rune(code[0])) {
			d = string(f.base.DecodeByte(code[0])) // not in the Differences
		}
		s = cleanGlyphText(d)
	}
	f.decodeMem[code] = s
	return s
}

// readStream returns the decoded bytes of a stream, the first limit of
// them; ok is false when v is no stream or its data cannot be read.
func readStream(v pdf.Value, limit int64) (data []byte, ok bool) {
	if v.Kind() != pdf.Stream {
		return nil, false
	}
	rd := openStream(v)
	defer rd.Close()
	data, err := io.ReadAll(io.LimitReader(rd, limit))
	return data, err == nil
}

// maxFontFile bounds the embedded font program read for its cmap, in bytes.
const maxFontFile = 16 << 20

// cmapRanges are the characters looked up in an embedded font's cmap to
// read its glyph ids back: Latin, general punctuation, currency, the
// f-ligatures.
var cmapRanges = [][2]rune{{0x20, 0x24f}, {0x2000, 0x206f}, {0x20a0, 0x20bf}, {0x2122, 0x2122}, {0xfb00, 0xfb06}}

// trueTypeGlyphText reads the cmap of an embedded TrueType font (a
// FontFile2 stream) backwards: glyph id -> character, the first character
// in cmapRanges order when several share a glyph. A Chrome print draws its
// headline fonts as Identity-H with glyph ids as codes and no ToUnicode
// map. It returns nil when there is no readable font.
func trueTypeGlyphText(file pdf.Value) map[int]string {
	data, ok := readStream(file, maxFontFile)
	if !ok {
		return nil
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil
	}
	var buf sfnt.Buffer
	out := map[int]string{}
	for _, rg := range cmapRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			gid, err := f.GlyphIndex(&buf, r)
			if _, seen := out[int(gid)]; err == nil && gid != 0 && !seen {
				out[int(gid)] = string(r)
			}
		}
	}
	return out
}

// baseEncoding returns the table for the codes an encoding dictionary's
// /Differences leave alone, which the PDF library reads as Latin-1: the
// /BaseEncoding, WinAnsi when it names none ("plusregio’s" drawn with
// code 0x92, "€" with 0x80). It returns nil for other encodings.
func baseEncoding(enc pdf.Value) *charmap.Charmap {
	if enc.Kind() != pdf.Dict {
		return nil
	}
	if enc.Key("BaseEncoding").Name() == "MacRomanEncoding" {
		return charmap.Macintosh
	}
	return charmap.Windows1252
}

// width returns the advance of the glyph of code (raw as drawn), in
// glyph space (1/1000 em).
func (f *pdfFont) width(code int, raw []byte) float64 {
	if w := f.widths.get(code); w > 0 {
		return w
	}
	if f.fixed > 0 {
		return f.fixed
	}
	if f.std14 != nil {
		if w := std14Width(f.std14, f.decodeBytes(raw)); w > 0 {
			return w
		}
	}
	if f.missing > 0 {
		return f.missing
	}
	return 500
}

// font returns the font named name in res. A font object is loaded once
// per document, from itself, whatever name a page gives it (a producer
// that names the same font /C0_1 on one page and /C0_0 on the next is
// found by its reference): two objects are two fonts, however alike they
// look, so that a page reads the same whichever pages were read before it
// (the goroutines that share a document's pages each have their own
// docCache, see readPages). A font dictionary written into a resource
// dictionary directly, which no reference names, is loaded each time it is
// asked for: once per content stream that selects it (see frame.fonts).
func (in *interp) font(res pdf.Value, name string) *pdfFont {
	doc := in.doc
	dict := doc.objs.key(res, "Font")
	obj, isRef := refOf(dict, name)
	use := fontUse{obj, name}
	if isRef {
		if f, ok := doc.byRef[use]; ok {
			return f
		}
		if f, ok := doc.byObj[obj]; ok && !doc.noReuse {
			doc.byRef[use] = f
			return f
		}
	}
	fv := doc.objs.key(dict, name)
	_, e := fontKeyRest(fv) // read first: a damaged entry panics in the same order
	f := loadFontEntries(pdf.Font{V: fv}, e)
	if !isRef {
		return f
	}
	doc.byRef[use] = f
	if _, ok := doc.byObj[obj]; !ok {
		doc.byObj[obj] = f
	}
	return f
}

// fontKeyRest describes the font object fv: base font, type, character
// range, widths and encoding (once the key that told fonts apart; see
// interp.font), and returns the entries it resolved for loadFontEntries.
// It reads the entries in this order (a damaged one panics, and the first
// to panic names the page's damage).
func fontKeyRest(fv pdf.Value) (string, fontEntries) {
	enc := fv.Key("Encoding")
	base, sub := fv.Key("BaseFont").Name(), fv.Key("Subtype").Name()
	first, last, widths := fv.Key("FirstChar").Int64(), fv.Key("LastChar").Int64(), fv.Key("Widths").Len()
	diffs := enc.Key("Differences").Len()
	e := fontEntries{encoding: enc, toUnicode: fv.Key("ToUnicode")}
	return fmt.Sprintf("%s\x00%s\x00%d-%d\x00%d\x00%s%d\x00%v", base, sub, first, last,
		widths, enc.Name(), diffs, e.toUnicode.IsNull()), e
}

// cleanGlyphText drops what a decoder gives for unmapped codes: U+FFFD,
// NUL and other control characters.
func cleanGlyphText(s string) string {
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || r >= 0x7f && r < 0xa0 {
			return strings.Map(func(r rune) rune {
				if r == utf8.RuneError || r < 0x20 || r >= 0x7f && r < 0xa0 {
					return -1
				}
				return r
			}, s)
		}
	}
	return s
}

// normalizeGlyphText decomposes the ligatures U+FB00-FB06 (NFKC for those
// only: "ﬁ" -> "fi") and maps other compatibility spaces to a space.
func normalizeGlyphText(s string) string {
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	if size == len(s) {
		switch r {
		case 'ﬀ':
			return "ff"
		case 'ﬁ':
			return "fi"
		case 'ﬂ':
			return "fl"
		case 'ﬃ':
			return "ffi"
		case 'ﬄ':
			return "ffl"
		case 'ﬅ', 'ﬆ':
			return "st"
		case '\u00a0', '\u2002', '\u2003', '\u2009', '\t':
			return " "
		case '\u2212', '\u2010', '\u2011':
			return "-" // groff draws \- as a minus sign
		}
		return s
	}
	return ligatures.Replace(s)
}

// ligatures decomposes the Latin ligature characters U+FB00-FB06.
var ligatures = strings.NewReplacer("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st")
