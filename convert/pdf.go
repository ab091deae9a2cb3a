package convert

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// PDF reading: github.com/ledongthuc/pdf parses objects, streams, fonts and
// encodings; this file interprets page content streams itself (text
// positioning, font widths cached per font, form XObjects) and pdflayout.go
// turns the glyphs into text in reading order.
//
// BUG(pdf): Type0 fonts are read as two bytes per code; Type3 glyph widths
// are estimated; vertical writing is read as horizontal.

// Sentinel errors of the PDF reader.
var (
	ErrEncrypted   = errors.New("encrypted")
	ErrNoTextLayer = errors.New("no text layer (scanned page?): run OCR first, e.g. ocrmypdf")
	ErrDamaged     = errors.New("damaged PDF")
	ErrUnmappable  = errors.New("unreadable text")
)

// PDFOptions configure ExtractPDF. The zero value tries the empty password.
type PDFOptions struct {
	Password string // user password for encrypted files
	MaxPages int    // pages read at most; 0 means 2000
	// OnPage, when set, is called before each page is read (1-based), so
	// that a supervisor can tell which page a hang happened on.
	OnPage func(page int)

	rebuilt bool // reading through a rebuilt cross-reference table
}

// IsPDF reports whether data is a PDF: "%PDF-" within its first 1024 bytes
// (pdftotext tolerates junk before the header, and so do we).
func IsPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

var objMarkerRE = regexp.MustCompile(`(?m)(?:^|[\r\n\s])(\d{1,7})\s+(\d{1,5})\s+obj\b`)

// repairPDF makes bytes the library accepts out of what pdftotext accepts:
// junk before "%PDF" is dropped, a 2.0 (or odd) header becomes 1.7, and
// bytes after the last "%%EOF" are cut.
func repairPDF(data []byte) []byte {
	if i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")); i > 0 {
		data = data[i:]
	}
	out := data
	if len(out) >= 9 && !(out[5] == '1' && out[6] == '.' && out[7] >= '0' && out[7] <= '7' && (out[8] == '\n' || out[8] == '\r')) {
		// Rewrite the header line as %PDF-1.7 of the same length when it fits.
		end := bytes.IndexAny(out, "\r\n")
		if end >= 8 {
			fixed := make([]byte, len(out))
			copy(fixed, out)
			copy(fixed, "%PDF-1.7")
			for i := 8; i < end; i++ {
				fixed[i] = ' '
			}
			fixed[8] = '\n'
			out = fixed
		}
	}
	if i := bytes.LastIndex(out, []byte("%%EOF")); i >= 0 && i+5 < len(out) {
		out = out[:i+5]
	}
	return out
}

// rebuildXref appends a fresh cross-reference table to a PDF whose own is
// damaged, found by scanning for "N G obj" markers, with a trailer taken from
// the file's last trailer (or naming the catalog when there is none).
func rebuildXref(data []byte) ([]byte, error) {
	type entry struct {
		off int
		gen int
	}
	objs := map[int]entry{}
	maxNum := 0
	for _, m := range objMarkerRE.FindAllSubmatchIndex(data, -1) {
		num, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		gen, _ := strconv.Atoi(string(data[m[4]:m[5]]))
		objs[num] = entry{m[2], gen} // later definitions win, as in an update
		maxNum = max(maxNum, num)
	}
	if len(objs) == 0 || maxNum > 5_000_000 {
		return nil, fmt.Errorf("%w: no objects found", ErrDamaged)
	}
	trailer := lastTrailerDict(data)
	if trailer == "" {
		root := catalogObject(data, objs)
		if root < 0 {
			return nil, fmt.Errorf("%w: no catalog found", ErrDamaged)
		}
		trailer = fmt.Sprintf("<< /Root %d 0 R >>", root)
	}
	trailer = sizeRE.ReplaceAllString(trailer, "")
	trailer = strings.TrimSuffix(strings.TrimSpace(trailer), ">>") + fmt.Sprintf(" /Size %d >>", maxNum+1)
	var b bytes.Buffer
	b.Write(data)
	b.WriteString("\n")
	xrefAt := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n", maxNum+1)
	for n := 0; n <= maxNum; n++ {
		if e, ok := objs[n]; ok {
			fmt.Fprintf(&b, "%010d %05d n\r\n", e.off, e.gen)
		} else {
			b.WriteString("0000000000 65535 f\r\n")
		}
	}
	fmt.Fprintf(&b, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", trailer, xrefAt)
	return b.Bytes(), nil
}

var sizeRE = regexp.MustCompile(`/Size\s+\d+`)
var prevRE = regexp.MustCompile(`/(?:Prev|XRefStm)\s+\d+`)

// lastTrailerDict returns the dictionary of the file's last "trailer", or "".
func lastTrailerDict(data []byte) string {
	i := bytes.LastIndex(data, []byte("trailer"))
	if i < 0 {
		return ""
	}
	d := balancedDict(data[i+7:])
	return prevRE.ReplaceAllString(d, "")
}

// balancedDict returns the "<< ... >>" at the start of b (after spaces).
func balancedDict(b []byte) string {
	s := bytes.TrimLeft(b, " \t\r\n")
	if !bytes.HasPrefix(s, []byte("<<")) {
		return ""
	}
	depth := 0
	for i := 0; i+1 < len(s) && i < 1<<16; i++ {
		switch {
		case s[i] == '<' && s[i+1] == '<':
			depth++
			i++
		case s[i] == '>' && s[i+1] == '>':
			depth--
			i++
			if depth == 0 {
				return string(s[:i+1])
			}
		}
	}
	return ""
}

var catalogRE = regexp.MustCompile(`/Type\s*/Catalog\b`)

func catalogObject[E any](data []byte, objs map[int]E) int {
	loc := catalogRE.FindIndex(data)
	if loc == nil {
		return -1
	}
	best, bestAt := -1, -1
	for _, m := range objMarkerRE.FindAllSubmatchIndex(data[:loc[0]], -1) {
		if m[0] > bestAt {
			bestAt = m[0]
			best, _ = strconv.Atoi(string(data[m[2]:m[3]]))
		}
	}
	return best
}

// openPDF opens data with the library, repairing what it can: header,
// trailing bytes, and a damaged cross-reference table.
func openPDF(data []byte, password string) (r *pdf.Reader, warns []string, err error) {
	fixed := repairPDF(data)
	// Only a change beyond trailing white space is worth a warning.
	if !bytes.Equal(bytes.TrimRight(fixed, " \t\r\n"), bytes.TrimRight(data, " \t\r\n")) {
		warns = append(warns, "repaired the file's header or trailing bytes")
	}
	if sz := trailerSize(fixed); sz > 10_000_000 {
		return nil, warns, fmt.Errorf("%w: cross-reference table claims %d objects", ErrDamaged, sz)
	}
	r, err = newPDFReader(fixed, password)
	if err != nil && strings.Contains(err.Error(), "missing ID") {
		// An encrypted file without /ID: derive the key with an empty one.
		if patched := addEmptyID(fixed); patched != nil {
			r, err = newPDFReader(patched, password)
		}
	}
	if err == nil {
		if e := checkReadable(r); e == nil {
			return r, warns, nil
		}
		// The page tree is damaged: try the rebuilt table below.
	}
	if err != nil && isEncryptionError(err) {
		return nil, warns, encryptionError(fixed, err, password)
	}
	if err == nil {
		err = fmt.Errorf("unreadable page tree")
	}
	rebuilt, rerr := rebuildXref(fixed)
	if rerr != nil {
		return nil, warns, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	r, err2 := newPDFReader(rebuilt, password)
	if err2 != nil {
		if isEncryptionError(err2) {
			return nil, warns, encryptionError(fixed, err2, password)
		}
		return nil, warns, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if e := checkReadable(r); e != nil {
		return nil, warns, e
	}
	warns = append(warns, "rebuilt the damaged cross-reference table")
	return r, warns, nil
}

// checkReadable touches the page tree and the first page's content, which
// panic or fail on some damage.
func checkReadable(r *pdf.Reader) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v", ErrDamaged, p)
		}
	}()
	if r.NumPage() == 0 {
		return fmt.Errorf("%w: no pages", ErrDamaged)
	}
	c := r.Page(1).V.Key("Contents")
	if c.Kind() == pdf.Stream {
		rd := c.Reader()
		defer rd.Close()
		var buf [512]byte
		if _, err := rd.Read(buf[:]); err != nil && err != io.EOF {
			return fmt.Errorf("%w: %v", ErrDamaged, err)
		}
	}
	return nil
}

func newPDFReader(data []byte, password string) (r *pdf.Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("%v", p)
		}
	}()
	tried := false
	return pdf.NewReaderEncrypted(bytes.NewReader(data), int64(len(data)), func() string {
		if tried || password == "" {
			return ""
		}
		tried = true
		return password
	})
}

// addEmptyID inserts "/ID [<> <>]" into the last trailer dictionary.
func addEmptyID(data []byte) []byte {
	i := bytes.LastIndex(data, []byte("trailer"))
	if i < 0 {
		return nil
	}
	j := bytes.Index(data[i:], []byte("<<"))
	if j < 0 {
		return nil
	}
	at := i + j + 2
	out := make([]byte, 0, len(data)+16)
	out = append(out, data[:at]...)
	out = append(out, " /ID [<> <>] "...)
	return append(out, data[at:]...)
}

var trailerSizeRE = regexp.MustCompile(`/Size\s+(\d{1,12})`)

func trailerSize(data []byte) int64 {
	tail := data[max(0, len(data)-4096):]
	m := trailerSizeRE.FindSubmatch(tail)
	if m == nil {
		return 0
	}
	n, _ := strconv.ParseInt(string(m[1]), 10, 64)
	return n
}

func isEncryptionError(err error) bool {
	s := err.Error()
	return errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(s, "encrypt") || strings.Contains(s, "password")
}

var encryptVRE = regexp.MustCompile(`/V\s+(\d)`)
var encryptRRE = regexp.MustCompile(`/R\s+(\d)`)

// encryptionError names the algorithm of an encrypted file that could not
// be opened.
func encryptionError(data []byte, err error, password string) error {
	algo := "unknown algorithm"
	// The encryption dictionary names the standard handler; V and R near it
	// tell the algorithm.
	if i := bytes.LastIndex(data, []byte("/Standard")); i >= 0 {
		seg := data[max(0, i-400):]
		seg = seg[:min(len(seg), 800)]
		v, r := "", ""
		if m := encryptVRE.FindSubmatch(seg); m != nil {
			v = string(m[1])
		}
		if m := encryptRRE.FindSubmatch(seg); m != nil {
			r = string(m[1])
		}
		switch {
		case v == "5" || r == "5" || r == "6":
			algo = "AES-256 (V5/R" + r + ")"
		case v == "4":
			algo = "RC4 or AES-128 (V4)"
		case v == "1" || v == "2":
			algo = "RC4 (V" + v + ")"
		}
	}
	if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "password") {
		if password == "" {
			return fmt.Errorf("%w with %s: a password is needed (--password)", ErrEncrypted, algo)
		}
		return fmt.Errorf("%w with %s: wrong password", ErrEncrypted, algo)
	}
	return fmt.Errorf("%w with %s: not supported (%v)", ErrEncrypted, algo, err)
}

// A glyph is one character drawn on a page, in PDF user space (points,
// Y increasing bottom to top).
type glyph struct {
	x0, x1 float64 // start and end of the advance along x
	y      float64 // baseline at the start
	ey     float64 // baseline at the end (differs from y in rotated text)
	size   float64 // font size, in points
	text   string
	bold   bool
	font   string
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// pdfFont is what the interpreter needs of a font, read once per font.
type pdfFont struct {
	enc       pdf.TextEncoding
	twoByte   bool
	toUnicode bool            // has a ToUnicode CMap
	widths    map[int]float64 // code -> width in glyph space (1/1000 em)
	// noUnicode names the character collection of a CID font whose codes
	// cannot be mapped to Unicode here ("Adobe-Japan1"); "" otherwise.
	noUnicode string
	missing   float64
	bold      bool
	name      string
	decodeMem map[string]string
}

func loadFont(f pdf.Font) *pdfFont {
	pf := &pdfFont{widths: map[int]float64{}, decodeMem: map[string]string{}}
	pf.name = f.BaseFont()
	if i := strings.IndexByte(pf.name, '+'); i >= 0 {
		pf.name = pf.name[i+1:]
	}
	low := strings.ToLower(pf.name)
	pf.bold = strings.Contains(low, "bold") || strings.Contains(low, "black") || strings.Contains(low, "heavy")
	pf.enc = f.Encoder()
	pf.toUnicode = !f.V.Key("ToUnicode").IsNull()
	if f.V.Key("Subtype").Name() == "Type0" {
		pf.twoByte = true
		d := f.V.Key("DescendantFonts").Index(0)
		info := d.Key("CIDSystemInfo")
		if ord := info.Key("Ordering").RawString(); !pf.toUnicode && ord != "" && ord != "Identity" && ord != "UCS" {
			pf.noUnicode = info.Key("Registry").RawString() + "-" + ord
		}
		pf.missing = d.Key("DW").Float64()
		if pf.missing == 0 {
			pf.missing = 1000
		}
		w := d.Key("W")
		for i := 0; i < w.Len() && i < 100000; {
			first := int(w.Index(i).Int64())
			next := w.Index(i + 1)
			if next.Kind() == pdf.Array {
				for k := 0; k < next.Len() && k < 65536; k++ {
					pf.widths[first+k] = next.Index(k).Float64()
				}
				i += 2
				continue
			}
			last := int(next.Int64())
			width := w.Index(i + 2).Float64()
			for c := first; c <= last && c-first < 65536; c++ {
				pf.widths[c] = width
			}
			i += 3
		}
		return pf
	}
	first := f.FirstChar()
	for i, w := range f.Widths() {
		pf.widths[first+i] = w
	}
	pf.missing = f.V.Key("FontDescriptor").Key("MissingWidth").Float64()
	return pf
}

func (f *pdfFont) decode(code string) string {
	if s, ok := f.decodeMem[code]; ok {
		return s
	}
	var s string
	if f.noUnicode != "" {
		// CIDs of a character collection (Adobe-Japan1 ...) need that
		// collection's tables, which newsclip does not carry.
	} else if f.twoByte && !f.toUnicode && len(code) == 2 {
		// Identity encoding without a ToUnicode map: many producers use
		// the Unicode value as the code; other codes cannot be read.
		r := rune(code[0])<<8 | rune(code[1])
		if r >= 0x20 && unicode.IsPrint(r) {
			s = string(r)
		}
	} else {
		s = cleanGlyphText(f.enc.Decode(code))
	}
	f.decodeMem[code] = s
	return s
}

func (f *pdfFont) width(code int) float64 {
	if w, ok := f.widths[code]; ok && w > 0 {
		return w
	}
	if f.missing > 0 {
		return f.missing
	}
	return 500
}

// textState is the part of the graphics state that text drawing reads.
type textState struct {
	ctm                   matrix
	font                  *pdfFont
	size                  float64
	tc, tw, th, tl, trise float64
	render                int
}

// pageGlyphs interprets one page's content stream (and the form XObjects
// it draws) into glyphs, kept in the returned interpreter (with what was
// drawn before any damage). ops bounds the work: it returns ErrDamaged when
// a page holds more operators than that.
func pageGlyphs(page pdf.Page, ops int, fonts map[string]*pdfFont) (in *interp, err error) {
	in = &interp{fonts: fonts, budget: ops}
	defer func() {
		if p := recover(); p != nil {
			// Keep what was drawn before the damage.
			err = fmt.Errorf("%w: %v", ErrDamaged, p)
		}
	}()
	in.run(page.V.Key("Contents"), page.Resources(), textState{ctm: identity, th: 1}, 0)
	if in.budget < 0 {
		return in, fmt.Errorf("%w: too many drawing operators", ErrDamaged)
	}
	return in, nil
}

type interp struct {
	glyphs   []glyph
	images   int
	unmapped string // a character collection met without a Unicode map
	fonts    map[string]*pdfFont
	budget   int
}

// font returns the font named name in res, loaded once per document: fonts
// are told apart by name, base font, type, character range, widths and
// encoding, which is cheap to read, while loading one parses its tables.
func (in *interp) font(res pdf.Value, name string) *pdfFont {
	fv := res.Key("Font").Key(name)
	enc := fv.Key("Encoding")
	key := fmt.Sprintf("%s\x00%s\x00%s\x00%d-%d\x00%d\x00%s%d\x00%v", name, fv.Key("BaseFont").Name(),
		fv.Key("Subtype").Name(), fv.Key("FirstChar").Int64(), fv.Key("LastChar").Int64(),
		fv.Key("Widths").Len(), enc.Name(), enc.Key("Differences").Len(), fv.Key("ToUnicode").IsNull())
	if f, ok := in.fonts[key]; ok {
		return f
	}
	f := loadFont(pdf.Font{V: fv})
	in.fonts[key] = f
	return f
}

func (in *interp) run(strm, res pdf.Value, g textState, depth int) {
	if depth > 8 || strm.IsNull() {
		return
	}
	fonts := map[string]*pdfFont{} // this resource dictionary's, by name
	var stack []textState
	var tm, tlm matrix = identity, identity
	show := func(s string) {
		if g.font == nil {
			return
		}
		step := 1
		if g.font.twoByte {
			step = 2
		}
		// Within one string only the text matrix's translation changes: map
		// positions through one matrix and move the text matrix once.
		m := tm.mul(g.ctm)
		size := math.Hypot(m[2], m[3]) * g.size
		bold := g.font.bold || g.render == 2
		acc := 0.0
		for i := 0; i+step <= len(s); i += step {
			raw := s[i : i+step]
			code := int(raw[0])
			if step == 2 {
				code = code<<8 | int(raw[1])
			}
			tx := g.font.width(code)/1000*g.size + g.tc
			if step == 1 && raw[0] == ' ' {
				tx += g.tw
			}
			tx *= g.th
			text := g.font.decode(raw)
			if text == "" && g.font.noUnicode != "" {
				in.unmapped = g.font.noUnicode
			}
			if text != "" {
				x0, y := m.apply(acc, g.trise)
				ex, ey := m.apply(acc+tx, g.trise)
				in.glyphs = append(in.glyphs, glyph{x0: x0, x1: ex, y: y, ey: ey, size: size, text: text, bold: bold, font: g.font.name})
			}
			acc += tx
		}
		tm = matrix{1, 0, 0, 1, acc, 0}.mul(tm)
	}
	var argBuf []pdf.Value // reused: operands are read before the next operator
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		n := stk.Len()
		if cap(argBuf) < n {
			argBuf = make([]pdf.Value, n)
		}
		args := argBuf[:n]
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		in.budget--
		if in.budget < 0 {
			panic("operator budget exhausted")
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 64 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := fonts[name]
				if !ok {
					f = in.font(res, name)
					fonts[name] = f
				}
				g.font, g.size = f, num(1)
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.trise = num(0)
		case "Tr":
			g.render = int(num(0))
		case "Td", "TD":
			if op == "TD" {
				g.tl = -num(1)
			}
			tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
			tm = tlm
		case "Tm":
			if len(args) == 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			if len(args) > 0 {
				show(args[0].RawString())
			}
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
				args = args[2:]
			}
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
			if len(args) > 0 {
				show(args[len(args)-1].RawString())
			}
		case "TJ":
			if len(args) == 0 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				v := a.Index(i)
				if v.Kind() == pdf.String {
					show(v.RawString())
				} else {
					tx := -v.Float64() / 1000 * g.size * g.th
					tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
				}
			}
		case "Do":
			if len(args) == 0 {
				return
			}
			x := res.Key("XObject").Key(args[0].Name())
			switch x.Key("Subtype").Name() {
			case "Form":
				sub := g
				if m := x.Key("Matrix"); m.Len() == 6 {
					sub.ctm = matrix{m.Index(0).Float64(), m.Index(1).Float64(), m.Index(2).Float64(), m.Index(3).Float64(), m.Index(4).Float64(), m.Index(5).Float64()}.mul(g.ctm)
				}
				r := x.Key("Resources")
				if r.IsNull() {
					r = res
				}
				in.run(x, r, sub, depth+1)
			case "Image":
				in.images++
			}
		case "BI", "EI":
			in.images++
		}
	})
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
	return strings.NewReplacer("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st").Replace(s)
}
