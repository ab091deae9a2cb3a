package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// datelineRE matches a dateline opening the first paragraph:
//
//	BEIJING - The harbour fair ...
//	PORTHAVEN, 14 March — Fishermen ...
//	WASHINGTON (Reuters) - ...
//	April 17, 2015 -- Imagine being ...
var datelineRE = lazyRE(`^([\p{Lu}][\p{Lu}\p{L}\d'.,\- ]{1,60}?|[\p{L}]+ \d{1,2}, \d{4})\s*(?:\(([^)]{2,30})\))?\s*(?:--|[-–—:])\s+\S`)

// mayOpenWithDateline reports whether s may match datelineRE: it opens
// with a letter and holds a separator (a dash or colon followed by white
// space) where datelineRE can reach one (see datelineReach), so that a
// long paragraph is not read to its end. Each separator's first byte is
// found by its own fast search (strings.IndexByte); a paragraph that holds
// none of them anywhere is turned away before its reach is measured.
func mayOpenWithDateline(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLetter(r) {
		return false
	}
	if strings.IndexByte(s, '-') < 0 && strings.IndexByte(s, ':') < 0 && strings.IndexByte(s, 0xe2) < 0 {
		return false
	}
	head := s[:min(datelineReach(s), len(s))]
	for _, c := range [...]byte{'-', ':', 0xe2} {
		for i := strings.IndexByte(head, c); i >= 0; i = nextByte(head, c, i+1) {
			n := 1 // the separator's length in bytes
			if c == 0xe2 {
				if !strings.HasPrefix(s[i:], "–") && !strings.HasPrefix(s[i:], "—") {
					continue
				}
				n = 3
			}
			if i+n < len(s) && isRESpace(s[i+n]) {
				return true
			}
		}
	}
	return false
}

// nextByte returns the index of the first c in s at or after from, or -1.
func nextByte(s string, c byte, from int) int {
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return -1
}

// Bounds of datelineRE's parts, in runes: the place (its first rune and
// at most 60 more) and the bracketed agency (at most 30 inside).
const (
	maxDatelinePlace  = 61
	maxDatelineAgency = 30
)

// datelineReach returns the byte offset before which the separator that
// datelineRE takes in s must start: after the longest place it can read
// (up to maxDatelinePlace runes of its class) or a date ("April 17,
// 2015"), white space, a bracketed agency and white space again, plus one
// byte for the second dash of "--".
func datelineReach(s string) int {
	i := 0
	for n := 0; n < maxDatelinePlace && i < len(s); n++ {
		if c := s[i]; c < utf8.RuneSelf {
			if !placeASCII[c] {
				break
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += w
	}
	i = skipRESpace(s, max(i, longDateEnd(s)))
	if i < len(s) && s[i] == '(' {
		j := i + 1
		for n := 0; n <= maxDatelineAgency && j < len(s) && s[j] != ')'; n++ {
			_, w := utf8.DecodeRuneInString(s[j:])
			j += w
		}
		if j < len(s) && s[j] == ')' {
			i = skipRESpace(s, j+1)
		}
	}
	return i + 2
}

// placeASCII marks the ASCII runes of a dateline's place (datelineRE's
// class [\p{Lu}\p{L}\d'.,\- ]): letters, digits and the four marks.
var placeASCII = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = unicode.IsLetter(rune(c)) || '0' <= c && c <= '9' || strings.IndexByte("'.,- ", byte(c)) >= 0
	}
	return t
}()

// longDateEnd returns the end of the date that opens s in datelineRE's
// second form, letters then " D, YYYY" ("April 17, 2015"), or 0.
func longDateEnd(s string) int {
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += w
	}
	if i == 0 || i >= len(s) || s[i] != ' ' {
		return 0
	}
	i++
	d := digitsAt(s, i)
	if d < 1 || d > 2 || !strings.HasPrefix(s[i+d:], ", ") || digitsAt(s, i+d+2) < 4 {
		return 0
	}
	return i + d + 2 + 4
}

// digitsAt counts the ASCII digits at s[i:].
func digitsAt(s string, i int) int {
	n := 0
	for i+n < len(s) && '0' <= s[i+n] && s[i+n] <= '9' {
		n++
	}
	return n
}

// parseDateline reads the dateline at the start of a body paragraph. A
// place must be in capitals ("BEIJING", "PORTHAVEN, 14 March"); a dateline
// that is only a date gives the date instead.
func parseDateline(s string) (place string, date Date, ok bool) {
	if !mayOpenWithDateline(s) {
		return "", Date{}, false
	}
	m := datelineRE.FindStringSubmatch(s)
	if m == nil {
		return "", Date{}, false
	}
	head := strings.TrimSpace(m[1])
	if d, ok := parseDate(head); ok {
		return "", d, true
	}
	placePart, _, _ := strings.Cut(head, ",")
	if !isAllCaps(placePart) || fieldCount(placePart) > 4 {
		return "", Date{}, false
	}
	return head, Date{}, true
}
