package pdftext

// The content stream interpreter: text positioning and showing, the
// graphics state it depends on, and form XObjects, into glyphs in user
// space. Paths, colours and images other than their count are ignored.

import (
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/ledongthuc/pdf"
)

// A glyph is one character drawn on a page, in PDF user space (points,
// Y increasing bottom to top).
type glyph struct {
	x0, x1 float64 // start and end of the advance along x
	y      float64 // baseline at the start
	ey     float64 // baseline at the end (differs from y in rotated text)
	size   float64 // font size, in points
	text   string
	bold   bool
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
// a page holds more operators than that. The glyphs are appended to buf.
func pageGlyphs(page pdf.Page, ops int, doc *docCache, buf []glyph) (in *interp, err error) {
	in = &interp{glyphs: buf, doc: doc, budget: ops}
	defer func() {
		if p := recover(); p != nil {
			// Keep what was drawn before the damage.
			err = fmt.Errorf("%w: %v", ErrDamaged, p)
		}
	}()
	res := doc.objs.inherited(page.V, "Resources", maxTreeDepth) // as page.Resources()
	contents := page.V.Key("Contents")
	in.first = doc.takeFirst(page.V)
	in.run(contents, res, textState{ctm: identity, th: 1}, 0)
	if in.budget < 0 {
		return in, fmt.Errorf("%w: too many drawing operators", ErrDamaged)
	}
	return in, nil
}

type interp struct {
	glyphs   []glyph
	images   int
	unmapped string // a character collection met without a Unicode map
	doc      *docCache
	budget   int
	// first is the page's content stream as checkReadable began reading
	// it (see firstRead), for run to read on; nil when it has none.
	first io.ReadCloser
}

// maxTreeDepth bounds the page tree levels a page's resources are looked
// up through. The library's Page.Resources climbs without a bound (a cycle
// hangs it); no real tree comes near this depth.
const maxTreeDepth = 1000

// A frame is one content stream being interpreted: its resources, its
// fonts by name, the graphics state with its saved copies, and the text
// matrix and text line matrix.
type frame struct {
	in      *interp
	res     pdf.Value
	depth   int                 // form XObject nesting, 0 for the page
	fonts   map[string]*pdfFont // this resource dictionary's, by name
	g       textState
	stack   []textState
	tm, tlm matrix
}

// run interprets the content stream strm with resources res, starting in
// graphics state g; depth counts the form XObjects it is drawn from (at
// most 8).
func (in *interp) run(strm, res pdf.Value, g textState, depth int) {
	if depth > 8 || strm.IsNull() {
		return
	}
	f := &frame{in: in, res: res, depth: depth, fonts: map[string]*pdfFont{}, g: g, tm: identity, tlm: identity}
	rd := in.first // the page's stream, begun (see firstRead)
	in.first = nil
	if rd == nil {
		rd = streamReader(strm)
	}
	interpretFrom(rd, func(op []byte, args []operand) {
		in.budget--
		if in.budget < 0 {
			panic("operator budget exhausted")
		}
		if name, ok := operators[string(op)]; ok {
			f.op(name, args)
		}
	})
}

// operators are the operators the interpreter acts on, by their bytes.
var operators = map[string]string{}

func init() {
	for _, op := range []string{"q", "Q", "cm", "BT", "Tf", "Tc", "Tw", "Tz", "TL", "Ts", "Tr",
		"Td", "TD", "Tm", "T*", "Tj", "'", "\"", "TJ", "Do", "BI"} {
		operators[op] = op
	}
}

// op dispatches one operator to the method of its group.
func (f *frame) op(op string, args []operand) {
	switch op {
	case "q", "Q", "cm":
		f.graphicsState(op, args)
	case "BT", "Tf", "Tc", "Tw", "Tz", "TL", "Ts", "Tr":
		f.textState(op, args)
	case "Td", "TD", "Tm", "T*":
		f.textPosition(op, args)
	case "Tj", "'", "\"", "TJ":
		f.textShow(op, args)
	case "Do", "BI":
		f.xobject(op, args)
	}
}

// num returns operand i as a number, 0 when it is missing.
func num(args []operand, i int) float64 {
	if i < len(args) {
		return args[i].Float64()
	}
	return 0
}

// matrixOf reads six operands (or array elements) as a matrix.
func matrixOf(at func(i int) float64) matrix {
	return matrix{at(0), at(1), at(2), at(3), at(4), at(5)}
}

// graphicsState runs the operators of the general graphics state that
// text positions depend on.
func (f *frame) graphicsState(op string, args []operand) {
	switch op {
	case "q": // save the graphics state
		if len(f.stack) < 64 {
			f.stack = append(f.stack, f.g)
		}
	case "Q": // restore the graphics state
		if len(f.stack) > 0 {
			f.g = f.stack[len(f.stack)-1]
			f.stack = f.stack[:len(f.stack)-1]
		}
	case "cm": // concatenate a matrix to the CTM
		if len(args) == 6 {
			f.g.ctm = matrixOf(func(i int) float64 { return num(args, i) }).mul(f.g.ctm)
		}
	}
}

// textState runs the operators that begin a text object and set the
// text state parameters.
func (f *frame) textState(op string, args []operand) {
	g := &f.g
	switch op {
	case "BT": // begin text object
		f.tm, f.tlm = identity, identity
	case "Tf": // set font and size
		if len(args) == 2 {
			font, ok := f.fonts[string(args[0].nameBytes())]
			if !ok {
				name := args[0].Name()
				font = f.in.font(f.res, name)
				f.fonts[name] = font
			}
			g.font, g.size = font, num(args, 1)
		}
	case "Tc": // set character spacing
		g.tc = num(args, 0)
	case "Tw": // set word spacing
		g.tw = num(args, 0)
	case "Tz": // set horizontal scaling (percent)
		g.th = num(args, 0) / 100
	case "TL": // set leading
		g.tl = num(args, 0)
	case "Ts": // set text rise
		g.trise = num(args, 0)
	case "Tr": // set rendering mode
		g.render = int(num(args, 0))
	}
}

// textPosition runs the operators that move to a new line or set the text
// matrix.
func (f *frame) textPosition(op string, args []operand) {
	switch op {
	case "Td", "TD": // move to the start of the next line, offset by tx ty (TD also sets the leading)
		if op == "TD" {
			f.g.tl = -num(args, 1)
		}
		f.tlm = matrix{1, 0, 0, 1, num(args, 0), num(args, 1)}.mul(f.tlm)
		f.tm = f.tlm
	case "Tm": // set the text matrix and text line matrix
		if len(args) == 6 {
			f.tlm = matrixOf(func(i int) float64 { return num(args, i) })
			f.tm = f.tlm
		}
	case "T*": // move to the start of the next line
		f.nextLine()
	}
}

func (f *frame) nextLine() {
	f.tlm = matrix{1, 0, 0, 1, 0, -f.g.tl}.mul(f.tlm)
	f.tm = f.tlm
}

// textShow runs the text-showing operators.
func (f *frame) textShow(op string, args []operand) {
	switch op {
	case "Tj": // show text
		if len(args) > 0 {
			f.show(args[0].Bytes())
		}
	case "'", "\"": // move to the next line and show text (" also sets word and character spacing)
		if op == "\"" && len(args) == 3 {
			f.g.tw, f.g.tc = num(args, 0), num(args, 1)
			args = args[2:]
		}
		f.nextLine()
		if len(args) > 0 {
			f.show(args[len(args)-1].Bytes())
		}
	case "TJ": // show text, with positioning between strings
		if len(args) == 0 {
			return
		}
		a := args[0]
		for i := 0; i < a.Len(); i++ {
			v := a.arr[i]
			if v.kind == opString {
				f.show(v.b)
			} else {
				tx := -v.Float64() / 1000 * f.g.size * f.g.th
				f.tm = matrix{1, 0, 0, 1, tx, 0}.mul(f.tm)
			}
		}
	}
}

// xobject runs the operators that draw external objects and inline
// images: form XObjects are interpreted, images counted.
func (f *frame) xobject(op string, args []operand) {
	switch op {
	case "Do": // draw an XObject
		if len(args) == 0 {
			return
		}
		objs := f.in.doc.objs
		x := objs.key(objs.key(f.res, "XObject"), args[0].Name())
		switch x.Key("Subtype").Name() {
		case "Form":
			sub := f.g
			if m := x.Key("Matrix"); m.Len() == 6 {
				sub.ctm = matrixOf(func(i int) float64 { return m.Index(i).Float64() }).mul(f.g.ctm)
			}
			r := x.Key("Resources")
			if r.IsNull() {
				r = f.res
			}
			f.in.run(x, r, sub, f.depth+1)
		case "Image":
			f.in.images++
		}
	case "BI": // an inline image (its data and EI are skipped: see inline.go)
		f.in.images++
	}
}

// show draws the string s in the current font: one glyph per code, each
// advancing the text matrix by its width, the character and word spacing,
// scaled horizontally.
func (f *frame) show(s []byte) {
	g := f.g
	if g.font == nil {
		return
	}
	step := 1
	if g.font.twoByte {
		step = 2
	}
	// Within one string only the text matrix's translation changes: map
	// positions through one matrix and move the text matrix once.
	m := f.tm.mul(g.ctm)
	size := math.Abs(math.Hypot(m[2], m[3]) * g.size)
	bold := g.font.bold || g.render == 2
	acc := 0.0
	for i := 0; i+step <= len(s); i += step {
		raw := s[i : i+step]
		code := int(raw[0])
		if step == 2 {
			code = code<<8 | int(raw[1])
		}
		tx := g.font.width(code, raw)/1000*g.size + g.tc
		if step == 1 && raw[0] == ' ' {
			tx += g.tw
		}
		tx *= g.th
		text := g.font.decodeBytes(raw)
		if text == "" && g.font.noUnicode != "" {
			f.in.unmapped = g.font.noUnicode
		}
		if text != "" {
			x0, y := m.apply(acc, g.trise)
			ex, ey := m.apply(acc+tx, g.trise)
			f.in.glyphs = appendGlyph(f.in.glyphs, glyph{x0: x0, x1: ex, y: y, ey: ey, size: size, text: text, bold: bold})
		}
		acc += tx
	}
	f.tm = matrix{1, 0, 0, 1, acc, 0}.mul(f.tm)
}

// appendGlyph appends g to gs, doubling the buffer when it is full.
// append grows a buffer of more than 256 glyphs by about a quarter at a
// time: a scanned newspaper page's 14,429 glyphs, from the first page's
// 4,096, took six buffers, 3.7 MB allocated and copied for 0.9 MB kept,
// all of it fresh memory in a short-lived child (a page fault per 4 KiB).
// Doubling takes two, 1.5 MB.
func appendGlyph(gs []glyph, g glyph) []glyph {
	if len(gs) == cap(gs) {
		gs = slices.Grow(gs, max(len(gs), 64))
	}
	return append(gs, g)
}

// decodeBytes is decode for a code as drawn, without allocating when the
// code has been decoded before.
func (f *pdfFont) decodeBytes(code []byte) string {
	if len(code) == 1 {
		c := code[0]
		if !f.byteSeen[c] {
			f.byteText[c], f.byteSeen[c] = f.decode(string(code)), true
		}
		return f.byteText[c]
	}
	if s, ok := f.decodeMem[string(code)]; ok {
		return s
	}
	return f.decode(string(code))
}

// nameBytes are a name operand's bytes, nil when it is none.
func (o operand) nameBytes() []byte {
	if o.kind != opName {
		return nil
	}
	return o.b
}
