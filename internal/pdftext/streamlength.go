package pdftext

// Streams whose /Length is wrong: a file edited by hand or by a tool that
// did not count, or a damaged one, declares a stream shorter or longer
// than its data, or gives no length at all:
//
//	5 0 obj << /Length 86 >> stream
//	BT /F1 24 Tf 100 700 Td (Hello) Tj ... (300 bytes) ... ET
//	endstream
//
// Read by its /Length, the page loses all but its first 86 bytes (or
// reads on into "endstream endobj"). pdftotext reads such a stream up to
// its "endstream", and so does openStream.

import "bytes"

// maxLengthSearch bounds how far past a stream's declared end dataEnd
// looks for its "endstream": 1 MiB. Each search also stops at the
// object's "endobj", so a file of many streams without a usable length
// is searched about once over, not once a stream (3,000 such streams of
// a 50 MB file, searched 16 MiB each, took 9.4 s).
const maxLengthSearch = 1 << 20

// dataEnd returns where the data of a stream that starts at offset off in
// doc, declared n bytes long, end: at off+n when "endstream" follows
// there, after white space, as in a well-formed file; else, with
// repaired set, before the first "endstream" of the object (up to its
// "endobj", and no more than maxLengthSearch bytes past off+n), or
// before its "endobj" when it has no "endstream", in both cases without
// the end of line before; else (neither found) at off+n, no further
// than doc's end.
func dataEnd(doc []byte, off, n int64) (end int64, repaired bool) {
	size := int64(len(doc))
	if off < 0 || off > size {
		return off, false
	}
	declared := off + min(max(n, 0), size-off)
	if endsStream(doc[declared:]) {
		return declared, false
	}
	w := doc[off:min(size, declared+maxLengthSearch)]
	if j := bytes.Index(w, []byte("endobj")); j >= 0 {
		w = w[:j]
	} else if !bytes.Contains(w, []byte("endstream")) {
		return declared, false
	}
	if i := bytes.Index(w, []byte("endstream")); i >= 0 {
		w = w[:i]
	}
	w = bytes.TrimSuffix(w, []byte("\n")) // the end of line before the keyword
	w = bytes.TrimSuffix(w, []byte("\r"))
	end = off + int64(len(w))
	return end, end != declared
}

// endsStream reports whether b starts with "endstream", after white space.
func endsStream(b []byte) bool {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return bytes.HasPrefix(b, []byte("endstream"))
}
