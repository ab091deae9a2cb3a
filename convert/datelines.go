package convert

import (
	"strings"
)

// datelineRE matches a dateline opening the first paragraph:
//
//	BEIJING - The harbour fair ...
//	PORTHAVEN, 14 March — Fishermen ...
//	WASHINGTON (Reuters) - ...
//	April 17, 2015 -- Imagine being ...
var datelineRE = lazyRE(`^([\p{Lu}][\p{Lu}\p{L}\d'.,\- ]{1,60}?|[\p{L}]+ \d{1,2}, \d{4})\s*(?:\(([^)]{2,30})\))?\s*(?:--|[-–—:])\s+\S`)

// parseDateline reads the dateline at the start of a body paragraph. A
// place must be in capitals ("BEIJING", "PORTHAVEN, 14 March"); a dateline
// that is only a date gives the date instead.
func parseDateline(s string) (place string, date Date, ok bool) {
	if len(s) > 100 {
		s = s[:100] // a dateline is short; this bounds the regexp's work
	}
	if !containsRuneOf(s, "-–—:") {
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
