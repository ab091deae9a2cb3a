package pdftext

// The widths of a CIDFont (a Type0 font's descendant): its W array
// ("0 [722 0] 2 3 250 ...": a first code and the widths from it, or a
// first and last code and one width for them all) and DW, the width of the
// codes W leaves out.
//
// The PDF library parses an object whole when it resolves it, every entry
// and every number, each token a fresh allocation: for a font that a
// browser's print subsets from a large face, a descendant of 3-6 KB,
// almost all of it W, some 200 µs a font (springhouse_TCO has six). When
// the font has a ToUnicode map, the descendant is read for its widths
// alone, and rawCIDWidths reads them from the object's bytes itself, in
// one pass and without allocating per number, where it can tell that the
// library would read the same values without fault: the object, and any
// object the library would resolve on the way (CIDSystemInfo), is plain
// (not in an object stream), unencrypted, and of the plain syntax the
// library reads without error (see rawParser); DW, W and the elements of
// W that setCIDWidths reads are written out, not references. Elsewhere
// the library reads the descendant as before. setCIDWidths reads W the
// same way from either.

import (
	"reflect"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// A widthsSource is a W array read element by element, as pdf.Value
// reads one: past the end, or of another kind, an element reads as 0 and
// as no array.
type widthsSource interface {
	// Has reports whether there is an element i.
	Has(i int) bool
	Int64(i int) int64
	Float64(i int) float64
	// SubLen is the length of element i when it is an array, -1 when not.
	SubLen(i int) int
	// SubFloat64 is element k of element i, an array, as a number.
	SubFloat64(i, k int) float64
}

// setCIDWidths sets the widths that w gives in t.
func setCIDWidths(t *widthTable, w widthsSource) {
	for i := 0; w.Has(i) && i < 100000; {
		first := int(w.Int64(i))
		if n := w.SubLen(i + 1); n >= 0 {
			for k := 0; k < n && k < 65536; k++ {
				t.set(first+k, w.SubFloat64(i+1, k))
			}
			i += 2
			continue
		}
		last := int(w.Int64(i + 1))
		width := w.Float64(i + 2)
		for c := first; c <= last && c-first < 65536; c++ {
			t.set(c, width)
		}
		i += 3
	}
}

// libWidths is a W array the library read: its elements resolved as
// setCIDWidths asks for them, the last one kept.
type libWidths struct {
	w  pdf.Value
	at int
	v  pdf.Value
}

func (l *libWidths) elem(i int) pdf.Value {
	if l.at != i+1 {
		l.at, l.v = i+1, l.w.Index(i)
	}
	return l.v
}

func (l *libWidths) Has(i int) bool        { return i < l.w.Len() }
func (l *libWidths) Int64(i int) int64     { return l.elem(i).Int64() }
func (l *libWidths) Float64(i int) float64 { return l.elem(i).Float64() }
func (l *libWidths) SubFloat64(i, k int) float64 {
	return l.elem(i).Index(k).Float64()
}

func (l *libWidths) SubLen(i int) int {
	if e := l.elem(i); e.Kind() == pdf.Array {
		return e.Len()
	}
	return -1
}

// streamWidths is a W array read from its bytes as setCIDWidths asks
// for its elements, which it does in order, never more than two ahead of
// the first it still needs: the last three are kept. An element that is
// a reference, asked for, or an element's element that is one and would
// be read (see SubLen), or bytes rawParser refuses, make it bad: the
// library must read W.
type streamWidths struct {
	p      *rawParser
	depth  int
	n      int // elements read
	done   bool
	bad    bool
	win    [3]rawWidth  // element i in win[i%3], for the last three
	subs   [3][]float64 // their numbers, when arrays
	subRef [3]int       // where their first reference is, -1 for none
}

// A rawWidth is one element of a W array read from its bytes: a number
// (isInt when an integer, f its value either way), an array (isArray),
// or a reference; anything else reads as 0.
type rawWidth struct {
	i                     int64
	f                     float64
	isInt, isArray, isRef bool
}

// fill reads elements up to element i, and reports whether there is one.
func (s *streamWidths) fill(i int) bool {
	for !s.done && !s.bad && s.n <= i {
		p := s.p
		if p.peek(0).kind == tokArrayClose {
			p.next()
			s.done = true
			break
		}
		slot := s.n % 3
		var e rawWidth
		subs, subRef := s.subs[slot][:0], -1
		if p.peek(0).kind == tokArrayOpen {
			p.next()
			e.isArray = true
			for p.peek(0).kind != tokArrayClose {
				x, ok := p.value(s.depth + 1)
				if !ok {
					s.bad = true
					return false
				}
				if x.kind == strictRef && subRef < 0 {
					subRef = len(subs)
				}
				if x.kind != strictNum {
					x.f = 0
				}
				subs = append(subs, x.f)
			}
			p.next()
		} else {
			x, ok := p.value(s.depth)
			if !ok {
				s.bad = true
				return false
			}
			e.isRef = x.kind == strictRef
			if x.kind == strictNum {
				e.isInt, e.i, e.f = x.isInt, x.i, x.f
			}
		}
		s.win[slot], s.subs[slot], s.subRef[slot] = e, subs, subRef
		s.n++
	}
	return !s.bad && i < s.n
}

// elem returns element i, asked for: the zero element when there is none,
// and none (bad) when it is a reference or no longer kept.
func (s *streamWidths) elem(i int) rawWidth {
	if i < 0 || !s.fill(i) {
		return rawWidth{}
	}
	if e := s.win[i%3]; i >= s.n-3 && !e.isRef {
		return e
	}
	s.bad = true
	return rawWidth{}
}

// finish reads the rest of the array, which the library parses whole.
func (s *streamWidths) finish() {
	for !s.done && !s.bad {
		s.fill(s.n)
	}
}

func (s *streamWidths) Has(i int) bool { return s.fill(i) }

func (s *streamWidths) Int64(i int) int64 {
	if e := s.elem(i); e.isInt {
		return e.i
	}
	return 0
}

func (s *streamWidths) Float64(i int) float64 { return s.elem(i).f }

// SubLen is the length of element i when it is an array: the library then
// reads each of its elements up to the 65536th, so a reference among them
// makes s bad.
func (s *streamWidths) SubLen(i int) int {
	e := s.elem(i)
	if !e.isArray {
		return -1
	}
	if r := s.subRef[i%3]; r >= 0 && r < 65536 {
		s.bad = true
		return -1
	}
	return len(s.subs[i%3])
}

func (s *streamWidths) SubFloat64(i, k int) float64 {
	if subs := s.subs[i%3]; k >= 0 && k < len(subs) {
		return subs[k]
	}
	return 0
}

// rawWidthsOn turns rawCIDWidths on; tests turn it off to compare.
var rawWidthsOn = true

// rawCIDWidths reads DW and W of the descendant font of the Type0 font
// dictionary font from the descendant's bytes (see the top of this file):
// it sets W's widths in t and returns DW as the library's Float64 reads
// it; ok is false where the library must read them (t then holds what it
// set so far).
func rawCIDWidths(font pdf.Value, t *widthTable) (dw float64, ok bool) {
	if !rawWidthsOn {
		return 0, false
	}
	desc, isRef := refAt(font.Key("DescendantFonts"), 0)
	if !isRef {
		return 0, false
	}
	src, ok := rawSourceOf(font)
	if !ok {
		return 0, false
	}
	p, ok := src.object(desc)
	if !ok {
		return 0, false
	}
	p.top, p.widthsTo = true, t
	v, ok := p.value(0)
	if !ok || v.kind != strictDict || !p.end() {
		return 0, false
	}
	info, dwv := p.info, p.dw
	if info.kind == strictRef && !src.plainInfo(info.ref) || info.orderingRef || dwv.kind == strictRef || p.wRef {
		return 0, false
	}
	return dwv.f, true
}

// A rawSource is what rawCIDWidths reads objects from: the document's
// bytes (the file and what was unpacked after it, see pdfBytes) and the
// library's cross-reference table.
type rawSource struct {
	data, extra []byte
	xref        reflect.Value
}

// rawSourceOf returns the rawSource of the document v was read from, ok
// false when it is encrypted or not read from a pdfBytes.
func rawSourceOf(v pdf.Value) (rawSource, bool) {
	if valueReader < 0 || readerFile < 0 || readerKey < 0 || readerXref < 0 || pdfBytesData < 0 || pdfBytesExtra < 0 {
		return rawSource{}, false
	}
	r := reflect.ValueOf(v).Field(valueReader)
	if r.IsNil() {
		return rawSource{}, false
	}
	r = r.Elem()
	f := r.Field(readerFile)
	if r.Field(readerKey).Len() > 0 || f.IsNil() || f.Elem().Type() != reflect.TypeFor[*pdfBytes]() || f.Elem().IsNil() {
		return rawSource{}, false
	}
	p := f.Elem().Elem()
	return rawSource{p.Field(pdfBytesData).Bytes(), p.Field(pdfBytesExtra).Bytes(), r.Field(readerXref)}, true
}

// object returns a parser at the value of the plain object x, after its
// "x obj"; ok is false for an object in an object stream, or none.
func (s rawSource) object(x ref) (*rawParser, bool) {
	if int(x.id) >= s.xref.Len() {
		return nil, false
	}
	e := s.xref.Index(int(x.id))
	p, ok := refValue(e.Field(0))
	if !ok || p != x || e.Field(1).Bool() {
		return nil, false
	}
	off := e.Field(3).Int()
	var b []byte
	switch d := int64(len(s.data)); {
	case off <= 0:
		return nil, false
	case off < d:
		b = s.data[off:]
	case off-d < int64(len(s.extra)):
		b = s.extra[off-d:]
	default:
		return nil, false
	}
	i := 0
	id, ok1 := nextInt(b, &i)
	gen, ok2 := nextInt(b, &i)
	if !ok1 || !ok2 || id != int64(x.id) || gen != int64(x.gen) || !nextKeyword(b, &i, "obj") {
		return nil, false
	}
	return &rawParser{b: b, i: i}, true
}

// plainInfo reports whether the library resolves the CIDSystemInfo
// reference x, and the Ordering entry in it, without error: x is a plain
// object of the syntax rawParser reads, whose Ordering is no reference, or
// no object at all (null).
func (s rawSource) plainInfo(x ref) bool {
	if int(x.id) >= s.xref.Len() {
		return true // null
	}
	e := s.xref.Index(int(x.id))
	if p, ok := refValue(e.Field(0)); !ok || p != x || !e.Field(1).Bool() && e.Field(3).Int() == 0 {
		return ok // not this object (or a free one): null
	}
	p, ok := s.object(x)
	if !ok {
		return false
	}
	v, ok := p.value(0)
	return ok && p.end() && !v.orderingRef
}

// maxStrictDepth bounds the nesting rawParser reads.
const maxStrictDepth = 32

// Kinds of the values rawParser reads.
const (
	strictOther = iota // a name, string, boolean or null
	strictNum
	strictRef
	strictArray
	strictDict
)

// A rawVal is what rawParser tells of a value: its kind, a number's
// value (isInt for an integer), a reference, and for a dictionary
// whether its Ordering entry (the last, if given twice) is a reference.
type rawVal struct {
	kind        int
	isInt       bool
	i           int64
	f           float64
	ref         ref
	orderingRef bool
}

// A rawParser reads values from b at i, in the syntax the library reads
// without error, and refuses (ok false) anything else: a name with a '#'
// escape other than two hex digits, a string with an escape the library
// refuses, a hex string with odd digits, a keyword other than true, false, null and a reference's
// R, "obj", a dictionary
// followed by "stream", a delimiter out of place, an integer beyond 64
// bits, nesting past maxStrictDepth, the end of b (streamOK lets the
// value read be a stream's dictionary). With top set, the
// entries of the first dictionary it reads are noted: CIDSystemInfo and
// DW, and W's widths are set in widthsTo (wRef when W is a reference).
type rawParser struct {
	b        []byte
	i        int
	top      bool
	info     rawVal
	dw       rawVal
	widthsTo *widthTable
	wRef     bool      // W is a reference: the library's to resolve
	streamOK bool      // the value read may be a stream's dictionary
	peeked   [2]rawTok // tokens read ahead, next first
	npeek    int       // how many
	last     int       // the end of the last token next returned
}

// Token kinds.
const (
	tokBad = iota
	tokEOF
	tokInt
	tokReal
	tokName
	tokOther // a string, true, false, null
	tokDictOpen
	tokDictClose
	tokArrayOpen
	tokArrayClose
	tokKeyword
)

// A rawTok is one token: its kind, an integer's or real's value, and
// where its bytes are.
type rawTok struct {
	kind       int
	i          int64
	f          float64
	start, end int
}

// next returns the next token.
func (p *rawParser) next() (t rawTok) {
	defer func() { p.last = t.end }()
	if p.npeek > 0 {
		t = p.peeked[0]
		p.peeked[0] = p.peeked[1]
		p.npeek--
		return t
	}
	return p.lex()
}

// validEscape marks the bytes the library reads after a backslash in a
// literal string: n r t b f ( ) \\, a line end, an octal digit.
var validEscape = func() (t [256]bool) {
	for _, c := range []byte("nrtbf()\\\r\n01234567") {
		t[c] = true
	}
	return t
}()

// validName reports whether the library reads the name whose bytes after
// the slash are b without error: each '#' followed by two hex digits.
func validName(b []byte) bool {
	for i := 0; i < len(b); i++ {
		if b[i] == '#' {
			if i+2 >= len(b) || unhex(b[i+1]) < 0 || unhex(b[i+2]) < 0 {
				return false
			}
			i += 2
		}
	}
	return true
}

// peek returns the token n places ahead (0: the next, at most 1).
func (p *rawParser) peek(n int) rawTok {
	for p.npeek <= n {
		p.peeked[p.npeek] = p.lex()
		p.npeek++
	}
	return p.peeked[n]
}

// lex reads the token at p.i.
func (p *rawParser) lex() rawTok {
	b := p.b
	i := skipSpace(b, p.i)
	if i >= len(b) {
		p.i = i
		return rawTok{kind: tokEOF}
	}
	t := rawTok{start: i}
	switch c := b[i]; {
	case c == '<' && i+1 < len(b) && b[i+1] == '<':
		t.kind, i = tokDictOpen, i+2
	case c == '>' && i+1 < len(b) && b[i+1] == '>':
		t.kind, i = tokDictClose, i+2
	case c == '[':
		t.kind, i = tokArrayOpen, i+1
	case c == ']':
		t.kind, i = tokArrayClose, i+1
	case c == '(':
		depth := 0
		j := i
	literal:
		for ; j < len(b); j++ {
			switch b[j] {
			case '\\':
				// The escapes the library reads; any other fails its reading.
				if j+1 >= len(b) || !validEscape[b[j+1]] {
					break literal
				}
				j++
			case '(':
				depth++
			case ')':
				if depth--; depth == 0 {
					t.kind = tokOther
					break literal
				}
			}
		}
		i = j + 1
	case c == '<':
		digits, j := 0, i+1
	hex:
		for ; j < len(b); j++ {
			switch {
			case b[j] == '>':
				if digits%2 == 0 {
					t.kind = tokOther
				}
				break hex
			case unhex(b[j]) >= 0:
				digits++
			case !isSpace(b[j]):
				break hex
			}
		}
		i = j + 1
	case c == '/':
		j := regularEnd(b, i+1)
		if validName(b[i+1 : j]) {
			t.kind = tokName
		}
		t.start, i = i+1, j
	case isDelim(c):
		i++
	default:
		j := regularEnd(b, i)
		tok := b[i:j]
		switch {
		case isInteger(tok):
			if x, ok := parseInteger(tok); ok {
				t.kind, t.i, t.f = tokInt, x, float64(x)
			}
		case isReal(tok):
			if f, err := strconv.ParseFloat(string(tok), 64); err == nil {
				t.kind, t.f = tokReal, f
			}
		case string(tok) == "true" || string(tok) == "false" || string(tok) == "null":
			t.kind = tokOther
		default:
			t.kind = tokKeyword
		}
		i = j
	}
	p.i, t.end = i, i
	return t
}

// keyword reports whether t is the keyword kw.
func (p *rawParser) keyword(t rawTok, kw string) bool {
	return t.kind == tokKeyword && string(p.b[t.start:t.end]) == kw
}

// end reports whether the object ends after the value read: "endobj".
func (p *rawParser) end() bool { return p.keyword(p.next(), "endobj") }

// value reads one value at nesting depth depth.
func (p *rawParser) value(depth int) (v rawVal, ok bool) {
	if depth > maxStrictDepth {
		return v, false
	}
	t := p.next()
	switch t.kind {
	case tokInt:
		v = rawVal{kind: strictNum, isInt: true, i: t.i, f: t.f}
		// The library's look-ahead: "int int R" is a reference, and
		// "int int obj" a definition.
		if gen := p.peek(0); gen.kind == tokInt && int64(uint32(t.i)) == t.i && int64(uint16(gen.i)) == gen.i {
			switch r := p.peek(1); {
			case p.keyword(r, "R"):
				p.next()
				p.next()
				return rawVal{kind: strictRef, ref: ref{uint32(t.i), uint16(gen.i)}}, true
			case p.keyword(r, "obj"):
				return v, false
			}
		}
		return v, true
	case tokReal:
		return rawVal{kind: strictNum, f: t.f}, true
	case tokName, tokOther:
		return rawVal{kind: strictOther}, true
	case tokArrayOpen:
		for {
			if p.peek(0).kind == tokArrayClose {
				p.next()
				return rawVal{kind: strictArray}, true
			}
			if _, ok := p.value(depth + 1); !ok {
				return v, false
			}
		}
	case tokDictOpen:
		top := p.top
		p.top = false
		v.kind = strictDict
		for {
			k := p.next()
			if k.kind == tokDictClose {
				break
			}
			if k.kind != tokName {
				return v, false
			}
			key := p.b[k.start:k.end]
			var e rawVal
			switch {
			case top && string(key) == "W":
				*p.widthsTo = widthTable{} // the last W given counts
				isRef, ok := p.widths(depth + 1)
				if !ok {
					return v, false
				}
				p.wRef = isRef
				continue
			default:
				if e, ok = p.value(depth + 1); !ok {
					return v, false
				}
			}
			switch {
			case string(key) == "Ordering":
				v.orderingRef = e.kind == strictRef
			case top && string(key) == "CIDSystemInfo":
				p.info = e
			case top && string(key) == "DW":
				p.dw = e
			}
		}
		if p.keyword(p.peek(0), "stream") && !(depth == 0 && p.streamOK) {
			return v, false
		}
		return v, true
	}
	return v, false
}

// widths reads the value of a W entry, setting the widths it gives in
// widthsTo; isRef tells that W is a reference, and ok is false when W
// holds bytes rawParser refuses, or a reference the library would
// resolve.
func (p *rawParser) widths(depth int) (isRef, ok bool) {
	if p.peek(0).kind != tokArrayOpen {
		v, ok := p.value(depth)
		return v.kind == strictRef, ok
	}
	p.next()
	s := &streamWidths{p: p, depth: depth + 1}
	setCIDWidths(p.widthsTo, s)
	s.finish()
	return false, !s.bad
}

// parseInteger is strconv.ParseInt(s, 10, 64) of an integer token s (see
// isInteger), without allocating for one of at most 18 digits.
func parseInteger(s []byte) (int64, bool) {
	if x, ok := smallInteger(s); ok {
		return x, true
	}
	x, err := strconv.ParseInt(string(s), 10, 64)
	return x, err == nil
}
