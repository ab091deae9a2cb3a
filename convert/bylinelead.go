package convert

import (
	"strings"
	"unicode/utf8"
)

// bylineLeadEnd returns the end of bylineLead's match at the start of s, or
// -1 when it does not match, without running the regexp: "By Jane" -> 3,
// "— Written  by: Jane" -> 18, "Bypass" -> -1. It tries the leads of
// bylineLeads that open with the text's first letter (bylineLeadsByFirst)
// in table order, as the regexp's alternation does, each after
// an optional dash, with any run of spaces where the lead has one, then
// spaces, or a colon and spaces. Where a lead's letter meets a non-ASCII
// byte, it asks the regexp where that is a rune (?i) folds to an ASCII
// letter (foldsToASCII: "ſ" to s), and turns the lead away otherwise.
func bylineLeadEnd(s string) int {
	start := 0
	switch { // an optional dash: each compared as a constant, without a call
	case strings.HasPrefix(s, "-"):
		start = skipRESpace(s, len("-"))
	case strings.HasPrefix(s, "–"), strings.HasPrefix(s, "—"):
		start = skipRESpace(s, len("–"))
	}
	leads := bylineLeads
	if start < len(s) && s[start] < 0x80 {
		leads = bylineLeadsByFirst[lowerASCII(s[start])] // the others fail on this byte
	}
	for _, w := range leads {
		p, ok := start, true
		for i := 0; ok && i < len(w); i++ {
			switch {
			case w[i] == ' ':
				q := skipRESpace(s, p)
				ok, p = q > p, q
			case p >= len(s):
				ok = false
			case s[p] >= 0x80:
				if !foldsToASCII(s[p:]) {
					ok = false // no other rune matches an ASCII letter under (?i)
					break
				}
				return regexpLeadEnd(s)
			default:
				ok = lowerASCII(s[p]) == w[i]
				p++
			}
		}
		if !ok {
			continue
		}
		ws := skipRESpace(s, p)
		if ws < len(s) && s[ws] == ':' {
			if end := skipRESpace(s, ws+1); end > ws+1 {
				return end // lead, spaces, colon, spaces
			}
		}
		if ws > p {
			return ws // lead and spaces
		}
	}
	return -1
}

// bylineLeadsByFirst lists the leads of bylineLeads by first byte, in
// table order.
var bylineLeadsByFirst = func() (t [utf8.RuneSelf][]string) {
	for _, w := range bylineLeads {
		t[w[0]] = append(t[w[0]], w)
	}
	return t
}()

// foldsToASCII reports whether s opens with one of the two runes outside
// ASCII that simple case folding (the regexp's (?i)) takes to an ASCII
// letter: "ſ" (long s, to s) and "K" (the Kelvin sign, to k).
func foldsToASCII(s string) bool {
	return strings.HasPrefix(s, "ſ") || strings.HasPrefix(s, "\u212a")
}

// regexpLeadEnd is bylineLeadEnd by the regexp itself.
func regexpLeadEnd(s string) int {
	if loc := bylineLead.FindStringIndex(s); loc != nil {
		return loc[1]
	}
	return -1
}

// skipRESpace returns the index of the first byte of s from i on that is
// not a regexp \s (tab, newline, form feed, carriage return, space).
func skipRESpace(s string, i int) int {
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	return i
}

// isRESpace reports whether c is a regexp \s: a tab, a line feed, a form
// feed, a carriage return or a space (not a vertical tab).
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
