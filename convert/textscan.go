package convert

import (
	"strings"
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

// containsRuneOf reports whether s holds any rune of set, as
// strings.ContainsAny does, but by one fast search per rune of set: for a
// set that is not all ASCII, ContainsAny looks each rune of s up in set.
func containsRuneOf(s, set string) bool {
	for _, r := range set {
		if strings.ContainsRune(s, r) {
			return true
		}
	}
	return false
}
