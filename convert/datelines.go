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
// with a letter and holds a dash or colon followed by white space.
func mayOpenWithDateline(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLetter(r) {
		return false
	}
	for i := 0; i < len(s); i++ {
		n := 0 // the separator's length in bytes
		switch {
		case s[i] == '-' || s[i] == ':':
			n = 1
		case s[i] == 0xe2 && (strings.HasPrefix(s[i:], "–") || strings.HasPrefix(s[i:], "—")):
			n = 3
		default:
			continue
		}
		if i+n < len(s) && strings.IndexByte(" \t\n\f\r", s[i+n]) >= 0 {
			return true
		}
	}
	return false
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
