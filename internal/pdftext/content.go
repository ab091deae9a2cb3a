package pdftext

// A content stream reader that allocates nothing per operator or glyph:
// the PDF library's Interpret boxes every token in an interface and every
// operand in a Value, which was most of the allocation of reading a page.
// It reads tokens exactly as the library does (the same 4 KB buffering,
// the same number, string and name syntax, the same PostScript dictionary
// operators, the same panics with the same messages), so pages read the
// same; it differs only where the library loops forever (a hex string cut
// off by the end of the stream), which here is a malformed hex string.

import (
	"fmt"
	"io"
	"runtime"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// Kinds of operand.
const (
	opNull = iota
	opBool
	opInt
	opReal
	opString
	opName
	opArray
	opDict
)

// An operand is one value in a content stream. Its bytes and elements live
// in the reader's arenas until the operator that takes it has run.
type operand struct {
	kind byte
	num  float64   // opInt, opReal (and opBool: 1 for true)
	b    []byte    // opString, opName
	arr  []operand // opArray elements; opDict keys and values, alternating
}

// Float64 is the operand's number, 0 when it is none (as pdf.Value's).
func (o operand) Float64() float64 {
	if o.kind == opInt || o.kind == opReal {
		return o.num
	}
	return 0
}

// Name is the operand's name without the slash, "" when it is none.
func (o operand) Name() string {
	if o.kind != opName {
		return ""
	}
	return string(o.b)
}

// Bytes are a string operand's bytes, nil when it is none.
func (o operand) Bytes() []byte {
	if o.kind != opString {
		return nil
	}
	return o.b
}

// Len is the number of elements of an array operand, 0 when it is none.
func (o operand) Len() int {
	if o.kind != opArray {
		return 0
	}
	return len(o.arr)
}

// token is one token: an operand, a keyword (kw set), or the end.
type token struct {
	op  operand
	kw  []byte // a keyword or delimiter ("Tj", "[", "<<"); nil for an operand
	eof bool
}

// contentReader reads the tokens and objects of one content stream.
type contentReader struct {
	r      io.Reader
	buf    []byte
	pos    int
	offset int64 // stream offset at the end of buf
	eof    bool
	unread []token
	depth  int
	bytes  []byte    // arena of string and name bytes
	elems  []operand // arena of array and dictionary elements
	tmp    []operand // elements of the arrays being read
}

func newContentReader(r io.Reader) *contentReader {
	return &contentReader{r: r, buf: make([]byte, 0, 4096)}
}

// reset empties the arenas once every operand in them has been used.
func (b *contentReader) reset() { b.bytes, b.elems = b.bytes[:0], b.elems[:0] }

func (b *contentReader) errorf(format string, args ...any) { panic(fmt.Errorf(format, args...)) }

func (b *contentReader) readByte() byte {
	if b.pos >= len(b.buf) {
		b.reload()
		if b.pos >= len(b.buf) {
			return '\n'
		}
	}
	c := b.buf[b.pos]
	b.pos++
	return c
}

func (b *contentReader) reload() {
	n := cap(b.buf) - int(b.offset%int64(cap(b.buf)))
	n, err := b.r.Read(b.buf[:n])
	if n == 0 && err != nil {
		b.buf, b.pos = b.buf[:0], 0
		if err == io.EOF {
			b.eof = true
			return
		}
		b.errorf("malformed PDF: reading at offset %d: %v", b.offset, err)
	}
	b.offset += int64(n)
	b.buf, b.pos = b.buf[:n], 0
}

func (b *contentReader) unreadByte() {
	if b.pos > 0 {
		b.pos--
	}
}

// keywords the reader returns without copying.
var (
	kwDictOpen  = []byte("<<")
	kwDictClose = []byte(">>")
	kwDelims    = [][]byte{'[': []byte("["), ']': []byte("]"), '{': []byte("{"), '}': []byte("}")}
)

func (b *contentReader) readToken() token {
	if n := len(b.unread); n > 0 {
		t := b.unread[n-1]
		b.unread = b.unread[:n-1]
		return t
	}
	c := b.readByte()
	for {
		if isSpace(c) {
			if b.eof {
				return token{eof: true}
			}
			c = b.readByte()
		} else if c == '%' {
			for c != '\r' && c != '\n' {
				c = b.readByte()
			}
		} else {
			break
		}
	}
	switch c {
	case '<':
		if b.readByte() == '<' {
			return token{kw: kwDictOpen}
		}
		b.unreadByte()
		return b.readHexString()
	case '(':
		return b.readLiteralString()
	case '[', ']', '{', '}':
		return token{kw: kwDelims[c]}
	case '/':
		return b.readName()
	case '>':
		if b.readByte() == '>' {
			return token{kw: kwDictClose}
		}
		b.unreadByte()
	}
	if isDelim(c) {
		b.errorf("unexpected delimiter %#q", rune(c))
	}
	b.unreadByte()
	return b.readKeyword()
}

// str is a token for the bytes of the arena from start on.
func (b *contentReader) str(kind byte, start int) token {
	return token{op: operand{kind: kind, b: b.bytes[start:len(b.bytes):len(b.bytes)]}}
}

func (b *contentReader) readHexString() token {
	start := len(b.bytes)
	for {
		c := b.readByte()
		for isSpace(c) && !b.eof {
			c = b.readByte()
		}
		if c == '>' {
			break
		}
		c2 := b.readByte()
		for isSpace(c2) && !b.eof {
			c2 = b.readByte()
		}
		x := unhex(c)<<4 | unhex(c2)
		if x < 0 || b.eof {
			// The library loops for ever at the end of the stream.
			b.errorf("malformed hex string %c %c %s", c, c2, b.buf[b.pos:])
		}
		b.bytes = append(b.bytes, byte(x))
	}
	return b.str(opString, start)
}

func unhex(b byte) int {
	switch {
	case '0' <= b && b <= '9':
		return int(b) - '0'
	case 'a' <= b && b <= 'f':
		return int(b) - 'a' + 10
	case 'A' <= b && b <= 'F':
		return int(b) - 'A' + 10
	}
	return -1
}

// escapes maps the letters of one-letter escapes to their bytes.
var escapes = [256]byte{'n': '\n', 'r': '\r', 'b': '\b', 't': '\t', 'f': '\f', '(': '(', ')': ')', '\\': '\\'}

func (b *contentReader) readLiteralString() token {
	start := len(b.bytes)
	depth := 1
	for !b.eof {
		c := b.readByte()
		switch c {
		default:
			b.bytes = append(b.bytes, c)
		case '(':
			depth++
			b.bytes = append(b.bytes, c)
		case ')':
			if depth--; depth == 0 {
				return b.str(opString, start)
			}
			b.bytes = append(b.bytes, c)
		case '\\':
			b.readEscape()
		}
	}
	return b.str(opString, start)
}

// readEscape reads what follows a backslash in a literal string.
func (b *contentReader) readEscape() {
	switch c := b.readByte(); c {
	default:
		if e := escapes[c]; e != 0 {
			b.bytes = append(b.bytes, e)
			return
		}
		b.errorf("invalid escape sequence \\%c", c)
	case '\r':
		if b.readByte() != '\n' {
			b.unreadByte()
		}
	case '\n':
	case '0', '1', '2', '3', '4', '5', '6', '7':
		x := int(c - '0')
		for i := 0; i < 2; i++ {
			c = b.readByte()
			if c < '0' || c > '7' {
				b.unreadByte()
				break
			}
			x = x*8 + int(c-'0')
		}
		if x > 255 {
			b.errorf("invalid octal escape \\%03o", x)
		}
		b.bytes = append(b.bytes, byte(x))
	}
}

// readRegular appends a run of regular characters, up to a delimiter or
// white space (left unread), to b.bytes and returns where it starts there.
// In a name ("/F#201" after the slash) "#xx" stands for the byte of two hex
// digits; in a keyword ("Tj", "true", "12.5") every byte is itself.
func (b *contentReader) readRegular(name bool) (start int) {
	start = len(b.bytes)
	for {
		// The run of plain regular bytes already in the buffer, at once:
		// what reading them one by one appends.
		i := b.pos
		for i < len(b.buf) && plainRegular[b.buf[i]] {
			i++
		}
		b.bytes = append(b.bytes, b.buf[b.pos:i]...)
		b.pos = i
		c := b.readByte()
		if isDelim(c) || isSpace(c) {
			b.unreadByte()
			return start
		}
		if name && c == '#' {
			x := unhex(b.readByte())<<4 | unhex(b.readByte())
			if x < 0 {
				b.errorf("malformed name")
			}
			c = byte(x)
		}
		b.bytes = append(b.bytes, c)
	}
}

func (b *contentReader) readName() token {
	return b.str(opName, b.readRegular(true))
}

func (b *contentReader) readKeyword() token {
	start := b.readRegular(false)
	s := b.bytes[start:]
	switch {
	case string(s) == "true":
		return token{op: operand{kind: opBool, num: 1}}
	case string(s) == "false":
		return token{op: operand{kind: opBool}}
	case isInteger(s):
		if x, ok := smallInteger(s); ok {
			return token{op: operand{kind: opInt, num: float64(x)}}
		}
		x, err := strconv.ParseInt(string(s), 10, 64)
		if err != nil {
			b.errorf("invalid integer %s", s)
		}
		return token{op: operand{kind: opInt, num: float64(x)}}
	case isReal(s):
		x, err := strconv.ParseFloat(string(s), 64)
		if err != nil {
			b.errorf("invalid real %s", s)
		}
		return token{op: operand{kind: opReal, num: x}}
	}
	return token{kw: s[:len(s):len(s)]}
}

// maxObjectDepth is the library's bound on nested arrays and dictionaries.
const maxObjectDepth = 1000

// readObject reads one operand (the library's readObject for content
// streams: no object references, no streams).
func (b *contentReader) readObject() operand {
	b.depth++
	defer func() { b.depth-- }()
	if b.depth > maxObjectDepth {
		b.errorf("object nesting exceeds maximum depth %d", maxObjectDepth)
	}
	t := b.readToken()
	if t.kw == nil {
		return t.op // the end of the stream reads as null
	}
	switch string(t.kw) {
	case "null", ">>", "]":
		return operand{}
	case "<<":
		return b.readCollection(opDict)
	case "[":
		return b.readCollection(opArray)
	}
	b.errorf("unexpected keyword %q parsing object", t.kw)
	return operand{}
}

// readCollection reads the elements of an array, or the keys and values
// of a dictionary, up to its end; the elements go to the arena.
func (b *contentReader) readCollection(kind byte) operand {
	base := len(b.tmp)
	for {
		t := b.readToken()
		if t.eof || kind == opArray && string(t.kw) == "]" || kind == opDict && string(t.kw) == ">>" {
			break
		}
		if kind == opDict {
			if t.kw != nil || t.op.kind != opName {
				b.errorf("unexpected non-name key parsing dictionary")
			}
			b.tmp = append(b.tmp, t.op)
		} else if t.kw == nil && b.depth < maxObjectDepth {
			// A plain element (a number, string, name or boolean) is the
			// object readObject would read back from it, one level down.
			b.tmp = append(b.tmp, t.op)
			continue
		} else {
			b.unread = append(b.unread, t)
		}
		b.tmp = append(b.tmp, b.readObject())
	}
	start := len(b.elems)
	b.elems = append(b.elems, b.tmp[base:]...)
	b.tmp = b.tmp[:base]
	return operand{kind: kind, arr: b.elems[start:len(b.elems):len(b.elems)]}
}

// readObjectRecover reads one operand; a malformed one (a parse panic) is
// dropped and reading goes on where it stopped, as in the library.
func (b *contentReader) readObjectRecover() (o operand, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, isRuntime := r.(runtime.Error); isRuntime {
				panic(r)
			}
			b.tmp = b.tmp[:0]
			o, ok = operand{}, false
		}
	}()
	return b.readObject(), true
}

// clone copies an operand out of the arenas.
func (o operand) clone() operand {
	o.b = append([]byte(nil), o.b...)
	if o.arr != nil {
		arr := make([]operand, len(o.arr))
		for i, e := range o.arr {
			arr[i] = e.clone()
		}
		o.arr = arr
	}
	return o
}

// interpret runs the content stream strm (or the concatenation of an
// array of streams), calling do for each operator with its operands, as
// pdf.Interpret does: the operands are the values read since the last
// operator, and the PostScript operators dict, currentdict, begin, end,
// def and pop act on a stack of dictionaries, whose keys read as their
// values. The operands are valid until do returns.
func interpret(strm pdf.Value, do func(op []byte, args []operand)) {
	interpretFrom(streamReader(strm), do)
}

// interpretFrom is interpret reading the content from rd, which it closes.
func interpretFrom(rd io.ReadCloser, do func(op []byte, args []operand)) {
	defer rd.Close()
	b := newContentReader(rd)
	var stk []operand
	var dicts []map[string]operand
	pop := func() operand {
		if len(stk) == 0 {
			return operand{}
		}
		o := stk[len(stk)-1]
		stk = stk[:len(stk)-1]
		return o
	}
	for {
		t := b.readToken()
		if t.eof {
			return
		}
		if t.kw != nil && !isObjectKeyword(t.kw) {
			if postScript(t.kw, &stk, &dicts, pop) {
				continue
			}
			inline := string(t.kw) == "ID"
			var end byte
			var ascii bool
			if inline {
				end, ascii = inlineEnd(stk)
			}
			do(t.kw, stk)
			stk = stk[:0]
			b.reset()
			if inline { // the image's data and its EI (see inline.go)
				b.skipInlineData(end, ascii)
			}
			continue
		}
		if t.kw == nil {
			// A plain operand is the object readObjectRecover would read
			// back from it (see readCollection).
			stk = append(stk, t.op)
			continue
		}
		b.unread = append(b.unread, t)
		if o, ok := b.readObjectRecover(); ok {
			stk = append(stk, o)
		}
	}
}

// isObjectKeyword: the keywords that start (or stray ends of) objects.
func isObjectKeyword(kw []byte) bool {
	switch string(kw) {
	case "null", "[", "]", "<<", ">>":
		return true
	}
	return false
}

// postScript runs kw when it is one of the dictionary operators, or a key
// of a dictionary on the stack, and reports whether it was.
func postScript(kw []byte, stk *[]operand, dicts *[]map[string]operand, pop func() operand) bool {
	ds := *dicts
	switch string(kw) {
	case "dict":
		pop()
		*stk = append(*stk, operand{kind: opDict})
	case "currentdict":
		if len(ds) == 0 {
			panic("no current dictionary")
		}
		d := operand{kind: opDict}
		for k, v := range ds[len(ds)-1] {
			d.arr = append(d.arr, operand{kind: opName, b: []byte(k)}, v)
		}
		*stk = append(*stk, d)
	case "begin":
		d := pop()
		if d.kind != opDict {
			panic("cannot begin non-dict")
		}
		m := map[string]operand{}
		for i := 0; i+1 < len(d.arr); i += 2 {
			m[string(d.arr[i].b)] = d.arr[i+1].clone()
		}
		*dicts = append(ds, m)
	case "end":
		if len(ds) == 0 {
			panic("mismatched begin/end")
		}
		*dicts = ds[:len(ds)-1]
	case "def":
		val := pop()
		if len(ds) == 0 {
			return true
		}
		if key := pop(); key.kind == opName {
			ds[len(ds)-1][string(key.b)] = val.clone()
		}
	case "pop":
		pop()
	default:
		for i := len(ds) - 1; i >= 0; i-- {
			if v, ok := ds[i][string(kw)]; ok {
				*stk = append(*stk, v)
				return true
			}
		}
		return false
	}
	return true
}

// streamReader opens a content stream, or the concatenation of an array
// of them (each opened at once, as the library would); Close closes them
// all (see openStream).
func streamReader(strm pdf.Value) io.ReadCloser {
	if strm.Kind() == pdf.Array {
		var all streams
		readers := make([]io.Reader, 0, strm.Len())
		for i := 0; i < strm.Len(); i++ {
			rd := openStream(strm.Index(i))
			all.closers = append(all.closers, rd)
			readers = append(readers, rd)
		}
		all.Reader = io.MultiReader(readers...)
		return &all
	}
	return openStream(strm)
}

// streams reads the concatenation of streams and closes them all.
type streams struct {
	io.Reader
	closers []io.Closer
}

func (s *streams) Close() error {
	for _, c := range s.closers {
		c.Close()
	}
	return nil
}
