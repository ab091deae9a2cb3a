package convert

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// stampKeywords open a publishing stamp glued to a byline, lower case:
// "Jane Doe Updated 10:30 AM ET", "Jane Doe | Published: March 5, 2019".
var stampKeywords = []string{"last updated", "updated", "published", "posted", "modified"}

// stampRE matches a publishing stamp glued to a byline, from its keyword
// of stampKeywords to the end: "Jane Doe Updated 10:30 AM ET, Tue March 5,
// 2019". It is built from the table, like the cheap test mayHoldStamp.
var stampRE = lazyRE(`(?i)\s*[|·•,]?\s*\b(?:` + quoteAlternatives(stampKeywords) + `)\b:?\s*(.*)$`)

// linkOpeners open a link printed in brackets after a name.
var linkOpeners = []string{"https://", "http://", "www.", "@"}

// linkTail matches a link of linkOpeners printed after a name: "Jane Doe
// (https://example.org/jane)", "Jane Doe (@janedoe)". It is built from the
// table, like the cheap test mayEndInLink.
var linkTail = lazyRE(`\s*\((?:` + quoteAlternatives(linkOpeners) + `)[^()\s]*\)\s*$`)

// quoteAlternatives joins the literal words ws as regexp alternatives.
func quoteAlternatives(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(q, "|")
}

// mayHoldStamp is a cheap test before stampRE: s holds a word of
// stampKeywords in any ASCII case, or a rune that (?i) folds onto an ASCII
// letter ("ſ" to s, the Kelvin sign to k), when it answers yes to be safe.
// It never says no where stampRE matches. It reads s once, trying at each
// byte only the words that open with it (stampKeywordsByFirst).
func mayHoldStamp(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			if strings.HasPrefix(s[i:], "ſ") || strings.HasPrefix(s[i:], "\u212a") {
				return true
			}
			continue
		}
		for _, w := range stampKeywordsByFirst[lowerASCII(c)] {
			if hasPrefixFoldASCII(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// stampKeywordsByFirst lists the words of stampKeywords by first byte.
var stampKeywordsByFirst = func() (t [utf8.RuneSelf][]string) {
	for _, w := range stampKeywords {
		t[w[0]] = append(t[w[0]], w)
	}
	return t
}()

// mayEndInLink is a cheap test before linkTail: s holds "(" followed by
// one of linkOpeners. It never says no where linkTail matches.
func mayEndInLink(s string) bool {
	for i := strings.IndexByte(s, '('); i >= 0; {
		rest := s[i+1:]
		for _, o := range linkOpeners {
			if strings.HasPrefix(rest, o) {
				return true
			}
		}
		j := strings.IndexByte(rest, '(')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// containsFoldASCII reports whether s holds the lower-case ASCII word w,
// matching ASCII letters of s in either case, without allocating.
func containsFoldASCII(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		j := 0
		for j < len(w) && lowerASCII(s[i+j]) == w[j] {
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases an ASCII capital letter and returns other bytes
// as they are.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// cutRelativeTime removes a relative time at the end of s ("Sam Reyes 1
// day ago" -> "Sam Reyes"): relativeTime, tried only where "ago" in any
// ASCII case follows a regexp \s space (mayHoldAgo), which its match needs.
func cutRelativeTime(s string) string {
	if !mayHoldAgo(s) {
		return s
	}
	return relativeTime.ReplaceAllString(s, "")
}

// mayHoldAgo reports whether s holds "ago", in any ASCII case, after a
// space, a tab, a line feed, a form feed or a carriage return.
func mayHoldAgo(s string) bool {
	for i := 1; i+3 <= len(s); i++ {
		if s[i]|0x20 == 'a' && s[i+1]|0x20 == 'g' && s[i+2]|0x20 == 'o' && isRESpace(s[i-1]) {
			return true
		}
	}
	return false
}
