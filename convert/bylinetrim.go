package convert

import (
	"strings"
	"unicode/utf8"
)

// trimSpaceAnd is strings.Trim(strings.TrimSpace(s), cutset) that returns
// at once a text which opens and ends with an ASCII byte that is neither
// a space nor in cutset ("Ann Lee" for the cutset ",;|·•–—- "): neither
// trim takes anything from it. An ASCII byte stands for itself in UTF-8
// (no byte of a wider rune is ASCII), so looking it up in cutset's bytes
// finds exactly the runes of cutset.
func trimSpaceAnd(s, cutset string) string {
	if n := len(s); n > 0 && keepsEnd(s[0], cutset) && keepsEnd(s[n-1], cutset) {
		return s
	}
	return strings.Trim(strings.TrimSpace(s), cutset)
}

// keepsEnd reports whether c, at an end of a text, is an ASCII byte that
// trimSpaceAnd would not trim.
func keepsEnd(c byte, cutset string) bool {
	return c < utf8.RuneSelf && !asciiSpace[c] && strings.IndexByte(cutset, c) < 0
}
