package convert

import (
	"cmp"
	"strings"
	"unicode/utf8"
)

// capsStopWords open a sentence set in capitals, never a name: "THE WORLD'S
// largest port", "EL GOBIERNO anunció".
var capsStopWords = map[string]bool{"the": true, "a": true, "an": true, "it": true, "in": true,
	"on": true, "at": true, "of": true, "and": true, "el": true, "la": true, "los": true, "las": true,
	"der": true, "die": true, "das": true, "le": true, "les": true, "un": true, "una": true,
	"de": true, "het": true, "een": true, "il": true, "we": true, "i": true, "when": true, "if": true}

// maxBodyBylineWords bounds the name set in capitals at a body's start.
const maxBodyBylineWords = 5

// bodyByline reads a byline printed as the first words of the body in
// capitals, either after a lead word or with an initial, and a place
// closed by a period after it:
//
//	J. L. MORENO Desde que ...         -> "J. L. Moreno"
//	POR ANA RUIZ MADRID. El gobierno   -> "Ana Ruiz", place "MADRID"
//	THE WORLD'S largest port ...       -> no byline
func bodyByline(s string) (name, place, rest string, ok bool) {
	words := strings.SplitN(s, " ", maxBodyBylineWords+4)
	k, lead, initial := 0, false, false
	if len(words) > 1 && isAllCaps(words[0]) && isBareLead(words[0]) {
		k, lead = 1, true
	}
	start := k
	for ; k < len(words)-1 && k-start < maxBodyBylineWords; k++ {
		w := words[k]
		if isInitial(w) {
			initial = true
			continue
		}
		if !isAllCaps(w) || capsStopWords[strings.ToLower(strings.Trim(w, ".,"))] {
			break
		}
	}
	run := words[start:k]
	if n := len(run); n >= 3 && strings.HasSuffix(run[n-1], ".") && !isInitial(run[n-1]) {
		place, run = strings.TrimSuffix(run[n-1], "."), run[:n-1]
	}
	if len(run) < 2 || !lead && !initial || k >= len(words) || !startsUpper(words[k]) {
		return "", "", s, false
	}
	name = fixNameCase(strings.Join(run, " "))
	if !looksLikeName(name) {
		return "", "", s, false
	}
	return name, place, strings.Join(words[k:], " "), true
}

// isInitial: "M.", "J.-P."
func isInitial(w string) bool {
	t := strings.TrimSuffix(w, ".")
	if t == w {
		return false
	}
	for _, part := range strings.Split(t, ".-") {
		if utf8.RuneCountInString(part) != 1 || !startsUpper(part) {
			return false
		}
	}
	return true
}

// takeBodyByline moves a byline printed at the start of the body (see
// bodyByline) out of the first text.
func (a *Article) takeBodyByline(t *bodyText) {
	name, place, rest, ok := bodyByline(t.text)
	if !ok {
		return
	}
	raw := strings.TrimSpace(strings.TrimSuffix(t.text, rest))
	a.Authors = append(a.Authors, Person{Name: name, Raw: raw})
	a.remove(RemovedByline, raw)
	a.Dateline = cmp.Or(a.Dateline, place)
	t.text, t.words = rest, countWords(rest)
}
