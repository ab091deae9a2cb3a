package convert

import (
	"unicode"
	"unicode/utf8"
)

// fieldCount returns len(strings.Fields(s)), the number of runs of
// non-space runes (unicode.IsSpace), without building the fields.
func fieldCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
