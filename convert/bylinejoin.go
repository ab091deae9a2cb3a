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
// strongJoins, like the cheap test mayJoinAuthors.
var authorSeparator = lazyREOf(func() string {
	var alts []string
	for _, w := range strongJoins {
		alts = append(alts, regexp.QuoteMeta(w), regexp.QuoteMeta(strings.ToUpper(w)))
	}
	return `\s+(?:` + strings.Join(alts, "|") + `)\s+|\s*;\s*`
})

// mayJoinAuthors is a cheap test before authorSeparator: s holds a ';' or
// one of joinNeedles. Every needle starts with a space or a tab, so it
// looks for them only there, in one pass.
func mayJoinAuthors(s string) bool {
	if strings.IndexByte(s, ';') >= 0 {
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' || !joinSecond[s[i+1]] {
			continue
		}
		for _, n := range joinNeedles {
			if n[0] == s[i] && strings.HasPrefix(s[i:], n) {
				return true
			}
		}
	}
	return false
}

// joinSecond marks the second bytes of joinNeedles, the first of a join.
var joinSecond = func() (t [256]bool) {
	for _, n := range joinNeedles {
		t[n[1]] = true
	}
	return t
}()

// joinNeedles are the strong joins of strongJoins, lower and upper case,
// between a space and a space or a tab: " and ", " AND\t", "\tund ".
var joinNeedles = func() (out []string) {
	for _, w := range strongJoins {
		for _, w := range []string{w, strings.ToUpper(w)} {
			out = append(out, " "+w+" ", " "+w+"\t", "\t"+w+" ")
		}
	}
	return out
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
	for _, p := range authorSeparator.Split(s, -1) {
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
