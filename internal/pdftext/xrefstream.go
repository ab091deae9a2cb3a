package pdftext

// Cross-reference streams read without the PDF library. A file whose
// objects sit in object streams is opened twice (see objstm.go): once to
// learn its table, once with its objects unpacked. The first opening is
// the library's reading of the file's cross-reference streams, each entry
// through a zlib reader and a PNG-predictor reader of its own, about
// 0.7 ms of a browser print's cold start. readXrefStreams reads them
// itself, as the library does (the same entries, the same first-found
// rule across /Prev sections, the same growth past /Size), so that
// openPDF opens such a file once. Wherever its reading could differ from
// the library's (a filter, predictor or entry other than the plain kinds,
// an indirect length, a file the library would refuse before reading a
// table, an encrypted file), it reports !ok, and the file is opened as
// before.

import (
	"bytes"

	"github.com/ledongthuc/pdf"
)

// readXrefStreams returns the cross-reference table the library would
// read from data, whose last section is a cross-reference stream, and
// that stream's dictionary (the trailer); ok is false where that cannot
// be told for sure.
func readXrefStreams(data []byte) (table []xrefEntry, trailer dictEntries, ok bool) {
	at, ok := libraryStartxref(data)
	if !ok {
		return nil, nil, false
	}
	seen := map[int64]bool{}
	var size int64 = -1
	for {
		if at <= 0 || at >= int64(len(data)) || seen[at] || len(seen) == maxChain {
			return nil, nil, false
		}
		seen[at] = true
		d, body, ok := objectDict(data, int(at), -1)
		if !ok || body < 0 || string(d.get("Type")) != "/XRef" || d.get("Encrypt") != nil {
			return nil, nil, false
		}
		n, ok := parseInt(d.get("Size"))
		if !ok || n < 0 || n > maxXrefObjects || size >= 0 && n > size {
			return nil, nil, false
		}
		if size < 0 {
			size, trailer = n, d
			table = make([]xrefEntry, n)
		}
		if table, ok = readXrefSection(data, d, body, n, table); !ok {
			return nil, nil, false
		}
		prev := d.get("Prev")
		if prev == nil {
			return table, trailer, true
		}
		if at, ok = parseInt(prev); !ok {
			return nil, nil, false
		}
	}
}

// libraryStartxref returns the offset after the file's last "startxref",
// found as the library finds it (in the last 100 bytes, on a line of its
// own, before "%%EOF"), after the header check it makes first; ok is
// false where the library would refuse the file.
func libraryStartxref(data []byte) (int64, bool) {
	if len(data) < 100 || !bytes.HasPrefix(data, []byte("%PDF-1.")) || data[7] < '0' || data[7] > '7' || data[8] != '\r' && data[8] != '\n' {
		return 0, false
	}
	buf := bytes.TrimRight(data[len(data)-100:], "\r\n\t ")
	if !bytes.HasSuffix(buf, []byte("%%EOF")) {
		return 0, false
	}
	i := bytes.LastIndex(buf, []byte("startxref"))
	if i <= 0 || i+len("startxref") >= len(buf) || buf[i-1] != '\n' && buf[i-1] != '\r' {
		return 0, false
	}
	if c := buf[i+len("startxref")]; c != '\n' && c != '\r' {
		return 0, false
	}
	return intToken(buf, i+len("startxref"))
}

// readXrefSection adds to table the entries of the cross-reference stream
// whose dictionary is d and data starts at body, of Size size, as the
// library's readXrefStreamData does: an entry already in the table (from
// a later section) stays.
func readXrefSection(data []byte, d dictEntries, body int, size int64, table []xrefEntry) ([]xrefEntry, bool) {
	w, ok := intArray(d.get("W"))
	if !ok || len(w) < 3 {
		return nil, false
	}
	var index []int64
	if v := d.get("Index"); v != nil {
		if index, ok = intArray(v); !ok || len(index)%2 != 0 {
			return nil, false
		}
	}
	if len(index) == 0 { // absent, or empty: the library reads both as none
		index = []int64{0, size}
	}
	rows, ok := xrefStreamData(data, d, body)
	if !ok {
		return nil, false
	}
	width := 0
	for _, x := range w {
		if x < 0 || x > 8 {
			return nil, false
		}
		width += int(x)
	}
	for ; len(index) > 0; index = index[2:] {
		start, n := index[0], index[1]
		if start < 0 || n < 0 || start+n > maxXrefObjects {
			return nil, false
		}
		for i := int64(0); i < n; i++ {
			if len(rows) < width {
				return nil, false // the library's read fails
			}
			row := rows[:width]
			rows = rows[width:]
			v1 := field(row[:w[0]])
			if w[0] == 0 {
				v1 = 1
			}
			v2 := field(row[w[0] : w[0]+w[1]])
			v3 := field(row[w[0]+w[1] : w[0]+w[1]+w[2]])
			x := int(start + i)
			if x >= len(table) {
				table = append(table, make([]xrefEntry, x-len(table)+1)...)
			}
			if e := table[x]; e.id != 0 || e.gen != 0 {
				continue
			}
			switch v1 {
			case 0:
				table[x] = xrefEntry{id: 0, gen: 65535}
			case 1:
				table[x] = xrefEntry{id: uint32(x), gen: uint32(uint16(v3)), offset: int64(v2)}
			case 2:
				table[x] = xrefEntry{id: uint32(x), inStream: true, stream: uint32(v2), offset: int64(v3)}
			}
		}
	}
	return table, true
}

// field is a big-endian field of an entry, as the library decodes it.
func field(b []byte) int {
	x := 0
	for _, c := range b {
		x = x<<8 | int(c)
	}
	return x
}

// xrefStreamData returns the decoded data of the stream whose dictionary
// is d and data starts at body: its Length direct, no filter or
// FlateDecode, with no predictor or PNG Up (12) on rows of Columns bytes.
func xrefStreamData(data []byte, d dictEntries, body int) ([]byte, bool) {
	length, ok := parseInt(d.get("Length"))
	if !ok || length <= 0 || length > int64(len(data)-body) {
		return nil, false // (a length of 0: the library reads nothing)
	}
	raw := data[body : body+int(length)]
	f := d.get("Filter")
	if f == nil {
		return raw, true
	}
	if string(f) != "/FlateDecode" {
		return nil, false
	}
	dec, ok := inflateAll(raw, maxUnpacked)
	if !ok {
		return nil, false
	}
	p := d.get("DecodeParms")
	if p == nil {
		return dec, true
	}
	params, ok := objectDictAt(p)
	if !ok {
		return nil, false
	}
	pred, ok1 := parseInt(params.get("Predictor"))
	cols, ok2 := parseInt(params.get("Columns"))
	if params.get("Predictor") == nil {
		return dec, true
	}
	if !ok1 || !ok2 || pred != 12 || cols <= 0 || cols > 1<<16 {
		return nil, false
	}
	// PNG Up: each row a filter byte (2) and Columns bytes, each added to
	// the byte above it.
	row := int(cols) + 1
	out := make([]byte, 0, len(dec)/row*int(cols))
	hist := make([]byte, row)
	for len(dec) >= row {
		if dec[0] != 2 {
			break // the library's read fails here
		}
		for i := range row {
			hist[i] += dec[i]
		}
		out = append(out, hist[1:]...)
		dec = dec[row:]
	}
	return out, true
}

// objectDictAt reads v, a value's bytes, as a dictionary.
func objectDictAt(v []byte) (dictEntries, bool) {
	d, _, ok := objectDict(append([]byte("0 0 obj "), v...), 0, 0)
	return d, ok
}

// intArray reads v, a value's bytes, as an array of integers.
func intArray(v []byte) ([]int64, bool) {
	p := &rawParser{b: v}
	if p.next().kind != tokArrayOpen {
		return nil, false
	}
	var out []int64
	for {
		switch t := p.next(); t.kind {
		case tokArrayClose:
			return out, p.next().kind == tokEOF
		case tokInt:
			out = append(out, t.i)
		default:
			return nil, false
		}
	}
}

// openUnpacked opens data, whose last section is a cross-reference
// stream, with its object streams unpacked (see objstm.go), reading the
// table itself instead of opening the file first; nil where it cannot
// (see readXrefStreams), or there is nothing to unpack.
func openUnpacked(data []byte) (u *pdf.Reader) {
	if !unpackStreams || !bytes.Contains(data, []byte("/ObjStm")) {
		return nil
	}
	defer func() {
		if recover() != nil {
			u = nil
		}
	}()
	table, trailer, ok := readXrefStreams(data)
	if !ok {
		return nil
	}
	extra := unpackTable(data, table, trailer)
	if extra == nil {
		return nil
	}
	u, err := openBytes(&pdfBytes{data: data, extra: extra}, "")
	if err != nil || isEncrypted(u) {
		return nil
	}
	return u
}
