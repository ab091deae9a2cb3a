package convert

// Bylines as newspaper PDFs print them: in small caps (whose text is
// lower case), or after a genre label.

import (
	"strings"
	"unicode"
)

// smallCapsWordRE matches a word of a name set in small caps: lower-case
// letters, perhaps joined by a hyphen ("vinzent-vitus").
var smallCapsWordRE = lazyRE(`^\p{Ll}+(?:-\p{Ll}+)*$`)

// smallCapsName reads a name set in small caps, two or three lower-case
// words, and returns it title-cased (name particles in the middle stay
// lower case); ok is false for anything else:
//
//	antonie rietzschel     -> Antonie Rietzschel
//	anna von der heide     -> no (four words)
//	the vote was close     -> no (not a name: see isBareName)
func smallCapsName(s string) (name string, ok bool) {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 3 {
		return "", false
	}
	for i, w := range words {
		if !smallCapsWordRE.MatchString(w) {
			return "", false
		}
		if i == 0 || i == len(words)-1 || !nameParticles[w] {
			words[i] = titleHyphenated(w)
		}
	}
	name = strings.Join(words, " ")
	return name, isBareName(name) && !isRoleOnly(name)
}

// titleHyphenated capitalizes each hyphen-joined part of w.
func titleHyphenated(w string) string {
	parts := strings.Split(w, "-")
	for i, p := range parts {
		parts[i] = titleWord(p)
	}
	return strings.Join(parts, "-")
}

// genreLabels are the words that name an article's genre before its
// byline, lower case.
var genreLabels = []string{"ein kommentar", "kommentar", "eine analyse", "analyse",
	"interview", "essay", "glosse", "reportage", "kolumne", "porträt",
	"commentary", "comment", "analysis", "opinion", "review", "column"}

// pdfBylineForm rewrites a paragraph that may be a byline into the form
// the byline reader knows, and reports whether it changed anything: a
// genre label before the lead is cut off, a full stop after a name is
// dropped, and a byline in small caps (lower case) is title-cased:
//
//	Kommentar von Iris Mayer   -> von Iris Mayer
//	Von Oliver Klasen.         -> Von Oliver Klasen
//	von antonie rietzschel     -> Von Antonie Rietzschel
//	by jane doe                -> By Jane Doe
func pdfBylineForm(s string) (string, bool) {
	out := strings.TrimSpace(s)
	for _, label := range genreLabels {
		// The label in any case, then spaces: the rest is cut from out
		// itself, whose bytes lower-casing may change ("İ").
		if len(out) > len(label) && strings.EqualFold(out[:len(label)], label) && isRESpace(out[len(label)]) {
			if rest := out[skipRESpace(out, len(label)):]; bylineLead.MatchString(rest) {
				out = rest
				break
			}
		}
	}
	if m := bylineLead.FindString(out); m != "" && strings.HasSuffix(out, ".") && isBareName(strings.TrimSuffix(out[len(m):], ".")) {
		out = strings.TrimSuffix(out, ".")
	}
	if m := bylineLead.FindString(out); m != "" && !strings.ContainsFunc(out, unicode.IsUpper) {
		if name, ok := smallCapsName(out[len(m):]); ok {
			lead := []rune(strings.TrimSpace(m))
			out = string(unicode.ToUpper(lead[0])) + string(lead[1:]) + " " + name
		}
	}
	return out, out != strings.TrimSpace(s)
}

// smallCapsSignatureRE splits a closing paragraph into its text, up to a
// sentence's end, and the lower-case words after it.
var smallCapsSignatureRE = lazyRE(`^(?:(.*[.!?“”"])\s+)?(\p{Ll}[\p{Ll}-]*(?:\s\p{Ll}[\p{Ll}-]*){1,2})$`)

// smallCapsSignature reads the author's name in small caps that closes
// an article, after its last sentence or as a paragraph of its own, and
// returns the text before it. prose returns the words the article prints
// in lower case elsewhere (asked only of a paragraph that closes in
// lower-case words): a name's words are not among them ("read more" is a
// link, not a name):
//
//	... beim nächsten Termin sein. antonie rietzschel
//	  -> "... beim nächsten Termin sein.", "Antonie Rietzschel"
//	iris mayer  -> "", "Iris Mayer"
func smallCapsSignature(s string, prose func() map[string]bool) (rest, name string, ok bool) {
	m := smallCapsSignatureRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", "", false
	}
	lower := prose()
	for _, w := range strings.Fields(m[2]) {
		if lower[w] {
			return "", "", false
		}
	}
	name, ok = smallCapsName(m[2])
	return m[1], name, ok
}

// lowerWords returns the set of words of texts that start with a
// lower-case letter, trimmed of punctuation.
func lowerWords(texts ...string) map[string]bool {
	out := map[string]bool{}
	for _, t := range texts {
		for _, w := range strings.Fields(t) {
			w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
			if r := []rune(w); len(r) > 0 && unicode.IsLower(r[0]) {
				out[w] = true
			}
		}
	}
	return out
}
