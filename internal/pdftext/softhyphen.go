package pdftext

import "bytes"

// drawnSoftHyphens turns each soft hyphen (U+00AD) inside a line's text
// b into a hyphen and keeps one that ends the line, in place, and returns
// the text (shorter by a byte for each turned). A PDF draws what it shows:
// WinAnsiEncoding's code 0xAD is the hyphen glyph, and producers map
// visible hyphens to U+00AD (a browser printing "uptown-manhattan" in an
// address). At a line's end it marks where a word was broken, which the
// caller joins:
//
//	ferry\u00adboat ramp   -> ferry-boat ramp
//	met on Tues\u00ad      -> met on Tues\u00ad
func drawnSoftHyphens(b []byte) []byte {
	const soft = "\u00ad"
	body := bytes.TrimRight(b, soft)
	if !bytes.Contains(body, []byte(soft)) {
		return b
	}
	w := 0
	for i := 0; i < len(body); {
		if bytes.HasPrefix(body[i:], []byte(soft)) {
			b[w], w, i = '-', w+1, i+len(soft)
			continue
		}
		b[w], w, i = body[i], w+1, i+1
	}
	w += copy(b[w:], b[len(body):])
	return b[:w]
}
