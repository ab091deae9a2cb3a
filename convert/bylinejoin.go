package convert

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// strongJoins join several authors in a byline, lower case, or upper case
// in a byline set in capitals:
//
//	Ada Brook and Ivo Stern    Anna Schmidt und Jan Weber
//	Jean Dupont et Marie Curie         Smith & Jones     A; B
//	SMITH AND JONES
var strongJoins = []string{"and", "und", "et", "&"}

// weakJoins join authors too, but are also prepositions ("corresponsal en
// Madrid", "Tom Lee with the fleet"): they join only two capitalised words.
//
//	Ana Ruiz y Tomás Gil    Ana Ruiz e Tomás Gil    Jan Smit en Piet Vos
//	Jean Roe avec Marie Curie                       Ann Lee with Bo Ma
var weakJoins = map[string]bool{"y": true, "e": true, "en": true, "avec": true, "with": true}

// authorSeparator splits at a strong join or a semicolon; it is built from
// strongJoins, like the cheap test mayJoinAuthors. appendJoinParts splits
// as it does without running it.
var authorSeparator = lazyREOf(func() string {
	alts := make([]string, len(joinWords))
	for i, w := range joinWords {
		alts[i] = regexp.QuoteMeta(w)
	}
	return `\s+(?:` + strings.Join(alts, "|") + `)\s+|\s*;\s*`
})

// joinWords are the strong joins of strongJoins, each lower case and then
// upper case, in the order authorSeparator tries them.
var joinWords = func() (out []string) {
	for _, w := range strongJoins {
		out = append(out, w, strings.ToUpper(w))
	}
	return out
}()

// appendJoinParts appends the parts of authorSeparator.Split(s, -1) to dst,
// found by a scan instead of the regexp. A separator starts, leftmost
// first, at a run of regexp white space (\s: tab, line feed, form feed,
// carriage return, space) followed by a word of joinWords and another run,
// or at a semicolon with the runs either side of it; it takes in whole
// runs, as the regexp's greedy \s+ and \s* do.
func appendJoinParts(dst []string, s string) []string {
	beg := 0
	for p := 0; p < len(s); {
		q := skipRESpace(s, p)
		end := -1
		switch {
		case q < len(s) && s[q] == ';':
			end = skipRESpace(s, q+1)
		case q > p:
			if n := joinWordAt(s, q); n > 0 {
				if e := skipRESpace(s, q+n); e > q+n {
					end = e
				}
			}
		}
		if end < 0 {
			p = max(q, p+1) // no separator starts in this run
			continue
		}
		dst = append(dst, s[beg:p])
		beg, p = end, end
	}
	return append(dst, s[beg:])
}

// joinWordAt returns the length of the word of joinWords that s holds at
// byte i, or 0.
func joinWordAt(s string, i int) int {
	for _, w := range joinWords {
		if strings.HasPrefix(s[i:], w) {
			return len(w)
		}
	}
	return 0
}

// mayJoinAuthors is authorSeparator.MatchString without the regexp: s
// holds a ';', or a word of joinWords with a regexp \s space (tab, line
// feed, form feed, carriage return, space) on either side: " and ",
// "\tund\t", " AND\n". It looks for a word only after such a space
// whose next byte opens one (joinFirst).
func mayJoinAuthors(s string) bool {
	if strings.IndexByte(s, ';') >= 0 {
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		if !isRESpace(s[i]) || !joinFirst[s[i+1]] {
			continue
		}
		for _, w := range joinWords {
			if end := i + 1 + len(w); end < len(s) && s[i+1:end] == w && isRESpace(s[end]) {
				return true
			}
		}
	}
	return false
}

// joinFirst marks the first bytes of joinWords.
var joinFirst = func() (t [256]bool) {
	for _, w := range joinWords {
		t[w[0]] = true
	}
	return t
}()

// splitAuthors splits a byline (or a credit's names) into the parts of
// its authors, at strong joins and at weak joins between capitalised
// words.
func splitAuthors(s string) []string {
	return appendAuthors(nil, s)
}

// appendAuthors appends the parts of splitAuthors(s) to dst: a caller
// that passes a stack array's slice allocates nothing for a byline of a
// few authors.
func appendAuthors(dst []string, s string) []string {
	if !mayJoinAuthors(s) {
		return appendWeakJoins(dst, s)
	}
	var parts [4]string
	for _, p := range appendJoinParts(parts[:0], s) {
		dst = appendWeakJoins(dst, p)
	}
	return dst
}

// appendWeakJoins appends the parts of splitWeakJoins(s) to dst; s
// itself when it has no weak join to split at (hasWeakJoin, the cheap
// test).
func appendWeakJoins(dst []string, s string) []string {
	if !hasWeakJoin(s) {
		return append(dst, s)
	}
	return append(dst, splitWeakJoins(s)...)
}

// hasWeakJoin reports whether splitWeakJoins splits s: a word of
// weakJoins stands between two words that start upper case. It looks at
// the words three at a time, without building them.
func hasWeakJoin(s string) bool {
	if !mayHoldWeakJoin(s) {
		return false
	}
	var before, join string
	n := 0
	for w := range strings.FieldsSeq(s) {
		if n >= 2 && weakJoins[join] && startsUpper(before) && startsUpper(w) {
			return true
		}
		before, join, n = join, w, n+1
	}
	return false
}

// mayHoldWeakJoin is a cheap test before hasWeakJoin: a join between two
// words follows white space, so it looks only at the bytes after an ASCII
// space or after a byte outside ASCII (the last of a wider space, such as
// U+00A0), for one that opens a word of weakJoins (weakJoinFirst).
func mayHoldWeakJoin(s string) bool {
	for i := 1; i < len(s); i++ {
		if weakJoinFirst[s[i]] && (s[i-1] >= utf8.RuneSelf || asciiSpace[s[i-1]]) {
			return true
		}
	}
	return false
}

// weakJoinFirst marks the first bytes of weakJoins.
var weakJoinFirst = func() (t [256]bool) {
	for w := range weakJoins {
		t[w[0]] = true
	}
	return t
}()

// splitWeakJoins splits s at each word of weakJoins whose neighbours start
// upper case: "Ana Ruiz y Tomás Gil" -> "Ana Ruiz", "Tomás Gil".
func splitWeakJoins(s string) []string {
	words := strings.Fields(s)
	var out []string
	start := 0
	for k := 1; k+1 < len(words); k++ {
		if weakJoins[words[k]] && startsUpper(words[k-1]) && startsUpper(words[k+1]) {
			out = append(out, strings.Join(words[start:k], " "))
			start = k + 1
		}
	}
	if start == 0 {
		return []string{s}
	}
	return append(out, strings.Join(words[start:], " "))
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
