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

// maxLengthSearch bounds how far past a stream's start dataEnd looks for
// its "endstream": 16 MiB, more than any page's content, so that a file
// of many streams without one is not searched to its end for each.
const maxLengthSearch = 16 << 20

// dataEnd returns where the data of a stream that starts at offset off in
// doc, declared n bytes long, end: at off+n when "endstream" follows
// there, after white space, as in a well-formed file; else, with
// repaired set, before the first "endstream" within maxLengthSearch bytes
// of off and the end of line before it; else (none found) at off+n, no
// further than doc's end.
func dataEnd(doc []byte, off, n int64) (end int64, repaired bool) {
	size := int64(len(doc))
	if off < 0 || off > size {
		return off, false
	}
	declared := off + min(max(n, 0), size-off)
	if endsStream(doc[declared:]) {
		return declared, false
	}
	i := bytes.Index(doc[off:min(size, off+maxLengthSearch)], []byte("endstream"))
	if i < 0 {
		return declared, false
	}
	end = off + int64(i)
	if end > off && doc[end-1] == '\n' {
		end--
	}
	if end > off && doc[end-1] == '\r' {
		end--
	}
	return end, end != declared
}

// endsStream reports whether b starts with "endstream", after white space.
func endsStream(b []byte) bool {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return bytes.HasPrefix(b, []byte("endstream"))
}
