package pdftext

import "strings"

// drawnSoftHyphens turns each soft hyphen (U+00AD) inside a line into a
// hyphen and keeps one that ends the line. A PDF draws what it shows:
// WinAnsiEncoding's code 0xAD is the hyphen glyph, and producers map
// visible hyphens to U+00AD (a browser printing "uptown-manhattan" in an
// address). At a line's end it marks where a word was broken, which the
// caller joins:
//
//	ferry\u00adboat ramp   -> ferry-boat ramp
//	met on Tues\u00ad      -> met on Tues\u00ad
func drawnSoftHyphens(s string) string {
	body := strings.TrimRight(s, "\u00ad")
	if !strings.Contains(body, "\u00ad") {
		return s
	}
	return strings.ReplaceAll(body, "\u00ad", "-") + s[len(body):]
}
