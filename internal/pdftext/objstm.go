package pdftext

// Objects unpacked from object streams. A PDF 1.5 file may keep most of
// its objects (fonts, resource dictionaries, page tree nodes) compressed
// together in object streams, found through a cross-reference stream. The
// PDF library resolves such an object by inflating its object stream from
// the start and reading the stream's header up to the object, every time
// a Value.Key or Value.Index reaches it, with a new zlib reader of some
// 40 KB each time: in a browser's two-page print (springhouse_TCO) that
// was 1.1 of the 3.1 MB the extraction allocated, and most of the time
// spent loading its fonts.
//
// unpackObjectStreams inflates each object stream once and writes its
// objects out as plain objects after the file's bytes, with a
// cross-reference stream for the whole file that points at them; the
// library then opens the file with that table and reads each object as it
// reads any plain one. The rest of the table is the library's own, read by
// reflection as refOf reads references (see objcache.go). Nothing is
// written to the file: the added bytes live beside it (see pdfBytes).
//
// An object is copied exactly as the library would read it out of its
// stream, where rawParser reads it (the syntax the library reads without
// error) and the tokens the library reads after it in the stream lex
// (see lookAheadLexes). Elsewhere (a dictionary followed by "stream", an
// "obj" keyword inside, an escape, an unterminated object), or where the
// stream's dictionary, header or data are not the plain kind (a filter
// other than FlateDecode alone, decode parameters, an unknown length),
// the object keeps its place in its stream, and the new table says so,
// as the old one did. An encrypted file is not unpacked (its object streams are
// decrypted as a whole).

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// An xrefEntry is one entry of the library's cross-reference table: an
// object's number and generation (zero for a number no section defines),
// and where it is: at byte offset in the file, or, when inStream, in the
// object stream numbered stream (offset then is its index there, unused).
type xrefEntry struct {
	id, gen  uint32
	inStream bool
	stream   uint32
	offset   int64
}

// The library's table: pdf.Reader's xref field, a slice of structs of
// the fields ptr (a reference), inStream, stream (a reference) and
// offset, checked once; -1 when the library stores it otherwise.
var readerXref = func() int {
	f, ok := reflect.TypeFor[pdf.Reader]().FieldByName("xref")
	if !ok || len(f.Index) != 1 || f.Type.Kind() != reflect.Slice {
		return -1
	}
	e := f.Type.Elem()
	kinds := []reflect.Kind{reflect.Struct, reflect.Bool, reflect.Struct, reflect.Int64}
	if e.Kind() != reflect.Struct || e.NumField() != len(kinds) {
		return -1
	}
	for i, name := range []string{"ptr", "inStream", "stream", "offset"} {
		if e.Field(i).Name != name || e.Field(i).Type.Kind() != kinds[i] {
			return -1
		}
	}
	return f.Index[0]
}()

// xrefTable returns the cross-reference table the library read for r, ok
// false when it cannot be read.
func xrefTable(r *pdf.Reader) ([]xrefEntry, bool) {
	if readerXref < 0 {
		return nil, false
	}
	s := reflect.ValueOf(r).Elem().Field(readerXref)
	t := make([]xrefEntry, s.Len())
	for i := range t {
		e := s.Index(i)
		p, ok1 := refValue(e.Field(0))
		st, ok2 := refValue(e.Field(2))
		if !ok1 || !ok2 {
			return nil, false
		}
		t[i] = xrefEntry{id: p.id, gen: uint32(p.gen), inStream: e.Field(1).Bool(), stream: st.id, offset: e.Field(3).Int()}
	}
	return t, true
}

// Bounds on unpacking: the inflated bytes of all of a file's object
// streams, and the number of entries its table may have.
const (
	maxUnpacked   = 64 << 20
	maxUnpackRefs = 1 << 22
)

// unpackObjectStreams returns the bytes to read after data (the file r
// was opened from): the objects of its object streams written out, and a
// cross-reference stream for all its objects; nil when there is nothing to
// unpack or the file cannot be (encrypted, no cross-reference stream of
// its own at the end, a table the library keeps otherwise).
func unpackObjectStreams(data []byte, r *pdf.Reader) []byte {
	if !bytes.Contains(data, []byte("/ObjStm")) || isEncrypted(r) || (readerKey >= 0 && reflect.ValueOf(r).Elem().Field(readerKey).Len() > 0) {
		return nil
	}
	table, ok := xrefTable(r)
	if !ok || len(table) > maxUnpackRefs || slices.ContainsFunc(table, func(e xrefEntry) bool { return e.offset < 0 }) {
		return nil
	}
	trailer, ok := lastXrefDict(data)
	if !ok {
		return nil
	}
	if root, ok := parseRef(dictEntries(trailer).get("Root")); !ok || !sameRef(root, r.Trailer(), "Root") {
		return nil // not the dictionary the library read
	}
	return unpackTable(data, table, trailer)
}

// unpackTable is unpackObjectStreams for the table and trailer (the last
// cross-reference stream's dictionary) of data, read by whichever means.
func unpackTable(data []byte, table []xrefEntry, trailer []dictEntry) []byte {
	if len(table) > maxUnpackRefs || slices.ContainsFunc(table, func(e xrefEntry) bool { return e.offset < 0 }) {
		return nil
	}
	// The objects the table finds in object streams, by stream.
	var in []xrefEntry
	for i, e := range table {
		if e.inStream && e.id == uint32(i) {
			in = append(in, e)
		}
	}
	if len(in) == 0 {
		return nil
	}
	slices.SortFunc(in, func(a, b xrefEntry) int { return cmp.Or(cmp.Compare(a.stream, b.stream), cmp.Compare(a.id, b.id)) })
	out := []byte{'\n'}
	moved := make([]int64, len(table)) // an object's offset in data+out, 0 if not moved
	budget, some := maxUnpacked, false
	for len(in) > 0 {
		k := 1
		for k < len(in) && in[k].stream == in[0].stream {
			k++
		}
		objs, used := objectStreamObjects(data, table, in[0].stream, in[:k], budget)
		budget -= used
		for _, e := range in[:k] {
			obj, ok := objs[e.id]
			if !ok {
				continue
			}
			moved[e.id], some = int64(len(data)+len(out)), true
			out = strconv.AppendUint(out, uint64(e.id), 10)
			out = append(out, " 0 obj\n"...)
			out = append(out, obj...)
			out = append(out, "\nendobj\n"...)
		}
		in = in[k:]
	}
	if !some {
		return nil
	}
	return appendXrefStream(out, int64(len(data)), table, moved, trailer)
}

// appendXrefStream appends to out (which follows n bytes of file) a
// cross-reference stream of the table with the objects of moved at their
// new offsets, its dictionary holding the entries of trailer (the file's
// last one) that are not about the table itself, then the file's end.
// The stream's own number is one past the table, which lists it not: a
// reference to it reads as null, as before.
func appendXrefStream(out []byte, n int64, table []xrefEntry, moved []int64, trailer []dictEntry) []byte {
	at := n + int64(len(out))
	top := max(at, int64(len(table)))
	for _, e := range table {
		top = max(top, e.offset)
	}
	width := 1
	for width < 8 && top >= 1<<(8*width) {
		width++
	}
	rows := make([]byte, 0, len(table)*(3+width))
	put := func(typ byte, v int64, g uint32) {
		rows = append(rows, typ)
		for k := width - 1; k >= 0; k-- {
			rows = append(rows, byte(v>>(8*k)))
		}
		rows = append(rows, byte(g>>8), byte(g))
	}
	for i, e := range table {
		switch {
		case moved[i] > 0:
			put(1, moved[i], 0)
		case i == 0 || e.id != uint32(i) || !e.inStream && e.offset == 0:
			put(0, 0, 0) // free, or defined by no section: null either way
		case e.inStream:
			put(2, int64(e.stream), uint32(e.offset))
		default:
			put(1, e.offset, e.gen)
		}
	}
	out = fmt.Appendf(out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 %d 2] /Length %d", len(table), len(table), width, len(rows))
	for _, d := range trailer {
		if !xrefOwnKeys[d.key] {
			out = append(out, " /"...)
			out = append(out, d.key...)
			out = append(out, ' ')
			out = append(out, d.val...)
		}
	}
	out = append(out, " >>\nstream\n"...)
	out = append(out, rows...)
	return fmt.Appendf(out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", at)
}

// xrefOwnKeys are the entries of a cross-reference stream's dictionary
// that describe the stream and its table, not the document.
var xrefOwnKeys = map[string]bool{
	"Type": true, "Size": true, "W": true, "Index": true, "Prev": true, "XRefStm": true,
	"Length": true, "Filter": true, "DecodeParms": true, "F": true, "FFilter": true,
	"FDecodeParms": true, "DL": true,
}

// lastXrefDict returns the entries of the dictionary of the
// cross-reference stream that the file's last startxref points at, ok
// false when it points at none (a classic table, whose sections the
// library reads without object streams).
func lastXrefDict(data []byte) ([]dictEntry, bool) {
	tail := data[max(0, len(data)-1024):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return nil, false
	}
	at, ok := intToken(tail, i+len("startxref"))
	if !ok || at <= 0 || at >= int64(len(data)) {
		return nil, false
	}
	d, _, ok := objectDict(data, int(at), -1)
	if !ok || string(d.get("Type")) != "/XRef" || d.get("Root") == nil {
		return nil, false
	}
	return d, true
}

// objectStreamObjects returns the objects of the object stream numbered
// s that the table finds there (want), as the library would read each, and
// the bytes it inflated; none when the stream is not one it can read
// (see unpackObjectStreams) or inflates to more than budget bytes.
func objectStreamObjects(data []byte, table []xrefEntry, s uint32, want []xrefEntry, budget int) (map[uint32][]byte, int) {
	if int(s) >= len(table) || table[s].inStream || table[s].id != s || table[s].offset <= 0 {
		return nil, 0
	}
	d, body, ok := objectDict(data, int(table[s].offset), int64(s))
	if !ok || string(d.get("Type")) != "/ObjStm" || d.get("DecodeParms") != nil {
		return nil, 0
	}
	n, ok1 := parseInt(d.get("N"))
	first, ok2 := parseInt(d.get("First"))
	length, ok3 := parseInt(d.get("Length"))
	if ref, ok := parseRef(d.get("Length")); ok && !ok3 {
		length, ok3 = plainInt(data, table, ref)
	}
	if !ok1 || !ok2 || !ok3 || n <= 0 || first <= 0 || length <= 0 || length > int64(len(data)-body) {
		return nil, 0
	}
	raw := data[body : body+int(length)]
	var dec []byte
	switch f := d.get("Filter"); {
	case f == nil:
		dec = raw
	case string(f) == "/FlateDecode":
		if dec, ok = inflateAll(raw, budget); !ok {
			return nil, 0
		}
	default:
		return nil, 0
	}
	// The header: n pairs of object number and offset (from first), each
	// number found at its first pair, as the library searches.
	if first >= int64(len(dec)) {
		return nil, len(dec)
	}
	at := map[uint32]int{}
	i := 0
	for k := int64(0); k < n; k++ {
		id, ok1 := nextInt(dec, &i)
		off, ok2 := nextInt(dec, &i)
		if !ok1 || !ok2 || int64(i) > first {
			return nil, len(dec)
		}
		if _, seen := at[uint32(id)]; !seen {
			at[uint32(id)] = -1 // where the library cannot read it
			if off >= 0 && first+off < int64(len(dec)) {
				at[uint32(id)] = int(first + off)
			}
		}
	}
	objs := map[uint32][]byte{}
	for _, e := range want {
		id := e.id
		start, ok := at[id]
		if !ok || start < 0 {
			continue // in a stream it extends, or nowhere: the library's to find
		}
		// The object, read as the library reads it (rawParser's syntax:
		// where the library is lenient, with a "]" or ">>" read as null
		// inside a dictionary or array, it reads past the brackets), then
		// the tokens it reads after it.
		p := &rawParser{b: dec, i: start}
		if _, ok := p.value(0); ok && lookAheadLexes(dec, p.last) {
			objs[id] = dec[start:p.last]
		}
	}
	return objs, len(dec)
}

// plainInt reads the integer that is the plain object ref (a stream's
// Length), ok false when it is none.
func plainInt(data []byte, table []xrefEntry, ref ref) (int64, bool) {
	if int(ref.id) >= len(table) {
		return 0, false
	}
	e := table[ref.id]
	if e.inStream || e.id != ref.id || e.gen != uint32(ref.gen) || e.offset <= 0 || e.offset >= int64(len(data)) {
		return 0, false
	}
	i := int(e.offset)
	id, ok1 := nextInt(data, &i)
	gen, ok2 := nextInt(data, &i)
	if !ok1 || !ok2 || id != int64(ref.id) || gen != int64(ref.gen) || !nextKeyword(data, &i, "obj") {
		return 0, false
	}
	v, ok := nextInt(data, &i)
	return v, ok && nextKeyword(data, &i, "endobj")
}

// A dictEntry is one entry of a dictionary read by objectDict: its key
// (the name without its slash, as written) and its value's bytes.
type dictEntry struct {
	key string
	val []byte
}

type dictEntries []dictEntry

// get returns the value of key (the last given, as the library keeps),
// nil when there is none.
func (d dictEntries) get(key string) []byte {
	for i := len(d) - 1; i >= 0; i-- {
		if d[i].key == key {
			return d[i].val
		}
	}
	return nil
}

// objectDict reads the object definition "id gen obj << ... >>" at
// offset at of data (its number id unless id < 0) as the library would
// read it without error (rawParser's syntax), and returns the
// dictionary's entries and, when a stream follows ("stream" and its line
// end, as the library reads them), where the stream's data starts (-1
// otherwise).
func objectDict(data []byte, at int, id int64) (d dictEntries, body int, ok bool) {
	i := at
	n, ok1 := nextInt(data, &i)
	gen, ok2 := nextInt(data, &i)
	// The library reads "id gen obj" as a definition only for numbers that
	// fit its reference's fields.
	if !ok1 || !ok2 || id >= 0 && n != id || int64(uint32(n)) != n || int64(uint16(gen)) != gen || !nextKeyword(data, &i, "obj") {
		return nil, -1, false
	}
	p := &rawParser{b: data, i: i}
	if p.next().kind != tokDictOpen {
		return nil, -1, false
	}
	for {
		k := p.next()
		if k.kind == tokDictClose {
			break
		}
		if k.kind != tokName {
			return nil, -1, false
		}
		start := p.peek(0).start
		if p.peek(0).kind == tokName {
			start-- // its slash
		}
		if _, ok := p.value(1); !ok {
			return nil, -1, false
		}
		d = append(d, dictEntry{string(data[k.start:k.end]), data[start:p.last]})
	}
	t := p.peek(0)
	if !p.keyword(t, "stream") {
		return d, -1, true
	}
	j := t.end
	switch {
	case j < len(data) && data[j] == '\r':
		j++
		if j < len(data) && data[j] == '\n' {
			j++
		}
	case j < len(data) && data[j] == '\n':
		j++
	default:
		return nil, -1, false
	}
	return d, j, true
}

// skipSpace returns the offset of the first byte from i on that is
// neither white space nor in a comment.
func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch {
		case isSpace(b[i]):
			i++
		case b[i] == '%':
			for i < len(b) && b[i] != '\r' && b[i] != '\n' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// regularEnd returns the end of the run of regular bytes (neither
// delimiters nor white space) from i on.
func regularEnd(b []byte, i int) int {
	for i < len(b) && !isDelim(b[i]) && !isSpace(b[i]) {
		i++
	}
	return i
}

// nextInt reads the integer token at *i (after white space) and moves *i
// past it; ok false (and *i unmoved) when the next token is no integer.
func nextInt(b []byte, i *int) (int64, bool) {
	j := skipSpace(b, *i)
	k := regularEnd(b, j)
	if !isInteger(b[j:k]) {
		return 0, false
	}
	x, err := strconv.ParseInt(string(b[j:k]), 10, 64)
	if err != nil {
		return 0, false
	}
	*i = k
	return x, true
}

// nextKeyword reports whether the token at *i is kw, and moves past it.
func nextKeyword(b []byte, i *int, kw string) bool {
	j := skipSpace(b, *i)
	k := regularEnd(b, j)
	if string(b[j:k]) != kw {
		return false
	}
	*i = k
	return true
}

// intToken is the integer token at i of b.
func intToken(b []byte, i int) (int64, bool) { return nextInt(b, &i) }

// parseInt reads v, a value's bytes, as an integer.
func parseInt(v []byte) (int64, bool) {
	i := 0
	x, ok := nextInt(v, &i)
	return x, ok && skipSpace(v, i) == len(v)
}

// parseRef reads v as a reference "id gen R".
func parseRef(v []byte) (ref, bool) {
	i := 0
	id, ok1 := nextInt(v, &i)
	gen, ok2 := nextInt(v, &i)
	if !ok1 || !ok2 || !nextKeyword(v, &i, "R") || skipSpace(v, i) != len(v) ||
		int64(uint32(id)) != id || int64(uint16(gen)) != gen {
		return ref{}, false
	}
	return ref{uint32(id), uint16(gen)}, true
}

// sameRef reports whether the entry key of v holds the reference x.
func sameRef(x ref, v pdf.Value, key string) bool {
	y, ok := refOf(v, key)
	return ok && x == y
}

// unpackStreams turns unpacking on; tests turn it off to compare.
var unpackStreams = true

// unpacked returns r opened again with the objects of its object streams
// unpacked (see unpackObjectStreams), or r itself when there are none, or
// the library refuses the result.
func unpacked(data []byte, r *pdf.Reader) (u *pdf.Reader) {
	if !unpackStreams {
		return r
	}
	defer func() {
		if p := recover(); p != nil {
			u = r
		}
	}()
	extra := unpackObjectStreams(data, r)
	if extra == nil {
		return r
	}
	u, err := openBytes(&pdfBytes{data: data, extra: extra}, "")
	if err != nil {
		return r
	}
	return u
}

// inflateAll inflates the zlib stream raw whole, with a pooled inflater;
// ok is false when it is damaged or inflates to more than limit bytes.
func inflateAll(raw []byte, limit int) (dec []byte, ok bool) {
	zr, err := pooledInflater(raw)
	if err != nil {
		return nil, false
	}
	defer inflaters.Put(zr)
	dec = make([]byte, 0, min(limit+1, 4*len(raw)+512))
	for len(dec) <= limit {
		if len(dec) == cap(dec) {
			dec = slices.Grow(dec, min(limit+1, 2*cap(dec))-len(dec))
		}
		n, err := zr.Read(dec[len(dec):cap(dec)])
		dec = dec[:len(dec)+n]
		if err == io.EOF {
			return dec, true
		}
		if err != nil {
			return nil, false
		}
	}
	return nil, false
}

// lookAheadLexes reports whether the two tokens after an object that ends
// at end of b (an object stream's data) are ones the library reads
// without error, or its end. Out of its stream, the library reads
// "endobj" after the object; in it, after a dictionary (for "stream") and
// an integer (for "0 R") it reads the next object's first tokens, and a
// malformed one fails the object: such an object stays in its stream.
func lookAheadLexes(b []byte, end int) bool {
	p := &rawParser{b: b, i: end}
	for range 2 {
		switch p.lex().kind {
		case tokBad:
			return false
		case tokEOF:
			return true
		}
	}
	return true
}
