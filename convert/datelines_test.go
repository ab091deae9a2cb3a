package convert

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// dateline is parseDateline's place and date, ISO.
func dateline(in string) (string, string) {
	place, date, _ := parseDateline(in)
	return place, date.ISO()
}

// mayOpenWithDateline, which finds each separator's first byte by a fast
// search, answers as the byte-by-byte scan it replaced on 200,000 random
// lines of places, dates, agencies, dashes of every kind and colons, with
// and without white space after them, near and past datelineReach.
func TestMayOpenWithDatelineMatchesByteScan(t *testing.T) {
	pieces := []string{"BEIJING", "Porthaven", "É", "a", ", ", " ", "\t", "\n", "-", "--", "–", "—", "\u2012", ":", "(Reuters)",
		"April 17, 2015", "x", "\u00a0", "NORTH HARBOUR AND THE OUTER ISLANDS", "(", ")", "\xe2", "\xe2\x80"}
	scan := func(s string) bool {
		if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLetter(r) {
			return false
		}
		end := min(datelineReach(s), len(s))
		for i := 0; i < end; i++ {
			n := 0
			switch {
			case s[i] == '-' || s[i] == ':':
				n = 1
			case s[i] == 0xe2 && (strings.HasPrefix(s[i:], "–") || strings.HasPrefix(s[i:], "—")):
				n = 3
			default:
				continue
			}
			if i+n < len(s) && isRESpace(s[i+n]) {
				return true
			}
		}
		return false
	}
	hits := 0
	forRandomLines(pieces, 9, 12, func(s string) {
		if got, want := mayOpenWithDateline(s), scan(s); got != want {
			t.Fatalf("mayOpenWithDateline(%q) = %v, the byte scan says %v", s, got, want)
		} else if got {
			hits++
		}
	})
	least := 1000 // of 200,000 lines; a quarter under -short
	if testing.Short() {
		least /= shortFraction
	}
	if hits < least {
		t.Errorf("%d random lines may open with a dateline, want at least %d to compare", hits, least)
	}
}
