package pdftext

// ToUnicode CMaps of fonts the PDF library decodes through its own CMap
// (an Identity-H or unencoded font with a ToUnicode stream), read from the
// bytes cmapCountsFit already inflated instead of by the library, which
// inflates the stream again and runs it through its PostScript reader (a
// twelfth of reading a browser's print). readCMap runs the library's
// reader as the library does (pdf.Interpret and the callback of its
// readCmap: an operand stack kept across operators, dictionaries shared
// by reference) over our own tokenizer, which reads tokens and objects as
// the library's does (see contentlex.go), and cmapText decodes as the
// library's cmap does. Where the library's reader would stop, fail or
// panic, readCMap gives up and the library reads the map itself.

import (
	"bytes"
	"unicode"
	"unicode/utf16"
)

// A psValue is a value on the library's PostScript stack: an operand, or a
// dictionary shared by every copy (the library's are maps).
type psValue struct {
	op   operand
	dict map[string]psValue // set when op.kind == opDict
}

// int64 is pdf.Value.Int64: an integer's value, else 0. An integer our
// tokenizer holds inexactly (beyond 2^53) gives up.
func (v psValue) int64() int64 {
	if v.op.kind != opInt {
		return 0
	}
	if v.op.num >= 1<<53 || v.op.num <= -1<<53 {
		panic(errGiveUp{})
	}
	return int64(v.op.num)
}

// rawString is pdf.Value.RawString: a string's bytes, else "".
func (v psValue) rawString() string {
	if v.op.kind == opString {
		return string(v.op.b)
	}
	return ""
}

// psObject turns an operand read whole into a stack value: a dictionary
// becomes a map (a later key replacing an earlier, as in the library's).
func psObject(o operand) psValue {
	if o.kind != opDict {
		return psValue{op: o}
	}
	m := make(map[string]psValue, len(o.arr)/2)
	for i := 0; i+1 < len(o.arr); i += 2 {
		m[string(o.arr[i].b)] = psObject(o.arr[i+1])
	}
	return psValue{op: operand{kind: opDict}, dict: m}
}

// cmapRange is a codespace range; cmapChar and cmapBFRange are entries of
// bfchar and bfrange sections (the destination as the stack held it).
type (
	cmapRange   struct{ lo, hi string }
	cmapChar    struct{ code, text string }
	cmapBFRange struct {
		lo, hi string
		dst    psValue
	}
)

// cmapText is the library's cmap, read by readCMap.
type cmapText struct {
	space  [4][]cmapRange
	chars  []cmapChar
	ranges []cmapBFRange
	// byCode is the index in chars of each code's first entry, made at
	// the first lookup in a map of more than indexChars entries: each font
	// object is loaded on its own (see interp.font) and looks its codes up
	// afresh. 60 pages, each with its own copy of a font with a 600-entry
	// map, read in 65 ms through the index, 102 ms one entry after another.
	byCode map[string]int
}

// indexChars is the number of bfchar entries up to which appendCode looks
// a code up one entry after another.
const indexChars = 16

// errGiveUp ends readCMap where the library's reader would not read on as
// readCMap can (it panics, or stops with no map).
type errGiveUp struct{}

// readCMap reads a ToUnicode CMap's decoded bytes as the library's
// readCmap does; ok is false where that would panic or give no map (the
// caller asks the library then, which does whatever it does).
func readCMap(data []byte) (m *cmapText, ok bool) {
	defer func() {
		if recover() != nil {
			m, ok = nil, false
		}
	}()
	r := &psReader{b: newContentReader(bytes.NewReader(data)), n: -1, limit: len(data), m: &cmapText{}}
	r.run()
	return r.m, true
}

// psReader runs pdf.Interpret over a CMap with readCmap's callback.
type psReader struct {
	b     *contentReader
	stk   []psValue
	dicts []map[string]psValue
	n     int // readCmap's section count; -1 between sections
	limit int // the most entries the CMap's bytes can hold
	m     *cmapText
}

func (r *psReader) push(v psValue) { r.stk = append(r.stk, v) }

// pop is pdf.Stack.Pop: the top value, a null one when there is none.
func (r *psReader) pop() psValue {
	if len(r.stk) == 0 {
		return psValue{}
	}
	v := r.stk[len(r.stk)-1]
	r.stk = r.stk[:len(r.stk)-1]
	return v
}

// run is pdf.Interpret's loop (the operands are never released: the stack
// keeps them across operators).
func (r *psReader) run() {
	for {
		t := r.b.readToken()
		if t.eof {
			return
		}
		if t.kw != nil && !isObjectKeyword(t.kw) {
			r.keyword(string(t.kw))
			continue
		}
		if t.kw == nil {
			r.push(psObject(t.op))
			continue
		}
		r.b.unread = append(r.b.unread, t)
		if o, ok := r.b.readObjectRecover(); ok {
			r.push(psObject(o))
		}
	}
}

// keyword runs a keyword as pdf.Interpret does: the dictionary operators
// itself, a key of a dictionary begun pushes its value, any other goes to
// readCmap's callback (op).
func (r *psReader) keyword(kw string) {
	switch kw {
	case "dict":
		r.pop()
		r.push(psValue{op: operand{kind: opDict}, dict: map[string]psValue{}})
	case "currentdict":
		if len(r.dicts) == 0 {
			panic(errGiveUp{})
		}
		r.push(psValue{op: operand{kind: opDict}, dict: r.dicts[len(r.dicts)-1]})
	case "begin":
		d := r.pop()
		if d.op.kind != opDict {
			panic(errGiveUp{})
		}
		r.dicts = append(r.dicts, d.dict)
	case "end":
		if len(r.dicts) == 0 {
			panic(errGiveUp{})
		}
		r.dicts = r.dicts[:len(r.dicts)-1]
	case "def":
		val := r.pop()
		if len(r.dicts) == 0 {
			return
		}
		if key := r.pop(); key.op.kind == opName {
			r.dicts[len(r.dicts)-1][string(key.op.b)] = val
		}
	case "pop":
		r.pop()
	default:
		for i := len(r.dicts) - 1; i >= 0; i-- {
			if v, ok := r.dicts[i][kw]; ok {
				r.push(v)
				return
			}
		}
		r.op(kw)
	}
}

// op is the library's readCmap callback for the operator kw.
func (r *psReader) op(kw string) {
	switch kw {
	case "findresource":
		r.pop()
		r.pop()
		r.push(psValue{op: operand{kind: opDict}, dict: map[string]psValue{}})
	case "begincmap":
		r.push(psValue{op: operand{kind: opDict}, dict: map[string]psValue{}})
	case "endcmap":
		r.pop()
	case "begincodespacerange", "beginbfchar", "beginbfrange":
		r.n = int(r.pop().int64())
		if r.n > r.limit {
			panic(errGiveUp{}) // more entries than the bytes hold: the library's to fill
		}
	case "endcodespacerange":
		for i := 0; i < r.n; i++ {
			hi, lo := r.pop().rawString(), r.pop().rawString()
			if len(lo) == 0 || len(lo) != len(hi) || len(lo) > 4 {
				panic(errGiveUp{}) // no map, or the library's index panic
			}
			r.m.space[len(lo)-1] = append(r.m.space[len(lo)-1], cmapRange{lo, hi})
		}
		if r.n < 0 {
			panic(errGiveUp{})
		}
		r.n = -1
	case "endbfchar":
		if r.n < 0 {
			panic(errGiveUp{})
		}
		for i := 0; i < r.n; i++ {
			text, code := r.pop().rawString(), r.pop().rawString()
			r.m.chars = append(r.m.chars, cmapChar{code, text})
		}
	case "endbfrange":
		if r.n < 0 {
			panic(errGiveUp{})
		}
		for i := 0; i < r.n; i++ {
			dst, hi, lo := r.pop(), r.pop().rawString(), r.pop().rawString()
			r.m.ranges = append(r.m.ranges, cmapBFRange{lo, hi, dst})
		}
	case "defineresource":
		r.pop()
		v := r.pop()
		r.pop()
		r.push(v)
	}
}

// Decode is the library's cmap.Decode: each code is the shortest prefix
// in a codespace range of its length, mapped by the first bfchar entry of
// that code, else the first bfrange holding it; a code no range holds is
// one byte of U+FFFD.
func (m *cmapText) Decode(raw string) string {
	var r []rune
next:
	for len(raw) > 0 {
		for n := 1; n <= 4 && n <= len(raw); n++ {
			for _, sp := range m.space[n-1] {
				if sp.lo <= raw[:n] && raw[:n] <= sp.hi {
					r = m.appendCode(r, raw[:n])
					raw = raw[n:]
					continue next
				}
			}
		}
		r = append(r, unicode.ReplacementChar)
		raw = raw[1:]
	}
	return string(r)
}

// appendCode appends the text of code as the library's cmap.Decode does,
// panicking where it panics (a range destination that is an empty
// string).
func (m *cmapText) appendCode(r []rune, code string) []rune {
	n := len(code)
	if len(m.chars) > indexChars {
		if m.byCode == nil {
			m.byCode = make(map[string]int, len(m.chars))
			for i, c := range m.chars {
				if _, seen := m.byCode[c.code]; !seen {
					m.byCode[c.code] = i
				}
			}
		}
		if i, ok := m.byCode[code]; ok {
			return append(r, []rune(utf16Text2(m.chars[i].text))...)
		}
	} else {
		for _, c := range m.chars {
			if len(c.code) == n && c.code == code {
				return append(r, []rune(utf16Text2(c.text))...)
			}
		}
	}
	for _, br := range m.ranges {
		if len(br.lo) != n || br.lo > code || code > br.hi {
			continue
		}
		switch br.dst.op.kind {
		case opString:
			s := string(br.dst.op.b)
			if br.lo != code {
				b := []byte(s)
				b[len(b)-1] += code[len(code)-1] - br.lo[len(br.lo)-1]
				s = string(b)
			}
			return append(r, []rune(utf16Text2(s))...)
		case opArray:
			k := int(code[len(code)-1] - br.lo[len(br.lo)-1])
			if k < len(br.dst.op.arr) && br.dst.op.arr[k].kind == opString {
				return append(r, []rune(utf16Text2(string(br.dst.op.arr[k].b)))...)
			}
		}
		return append(r, unicode.ReplacementChar)
	}
	return append(r, unicode.ReplacementChar)
}

// utf16Text2 is the library's utf16Decode: big-endian UTF-16 two bytes at
// a time (an odd last byte panics, as there).
func utf16Text2(s string) string {
	var u []uint16
	for i := 0; i < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}
