// Package synth makes synthetic PressReader-style clippings for benchmarks:
// masthead with date, headline, byline with a copy editor, eight paragraphs
// of generated words, image placeholders and the site footer. The text is
// generated, not copied from anywhere.
package synth

import (
	"fmt"
	"math/rand"
	"strings"
)

var words = strings.Fields(`harbour council tram bridge ferry river market school winter festival
	mayor budget vote residents station library museum road storm flood repair workers plan
	city town village coast north south east west new old long short early late quiet busy`)

var names = []string{"Ann Lee", "Bo Ma", "Cy Dee", "Dana Roe", "Eli Fox", "Fay Kim", "Gus Orr"}
var pubs = []string{"The Harbour Gazette", "The Northern Ledger", "The Island Post", "Le Courrier du Lac"}

func sentence(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = words[r.Intn(len(words))]
	}
	s := strings.Join(w, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// A bodyShape says how generated body text is laid out: paras paragraphs
// of sentences sentences each, a sentence of minWords to
// minWords+spread-1 words; every sentence is followed by sep (" " for
// running text, "\n" for hard-wrapped lines) and every paragraph by end.
type bodyShape struct {
	paras, sentences, minWords, spread int
	sep, end                           string
}

var (
	clippingBody = bodyShape{paras: 8, sentences: 4, minWords: 8, spread: 10, sep: " ", end: "\n\n"}
	lexisBody    = bodyShape{paras: 4, sentences: 3, minWords: 10, spread: 4, sep: "\n", end: "\n"}
)

// write writes a body of this shape to b, its words drawn from r.
func (s bodyShape) write(b *strings.Builder, r *rand.Rand) {
	for p := 0; p < s.paras; p++ {
		for i := 0; i < s.sentences; i++ {
			b.WriteString(sentence(r, s.minWords+r.Intn(s.spread)) + s.sep)
		}
		b.WriteString(s.end)
	}
}

// Clipping returns clipping number i; r makes the words (seed it for
// reproducible sets).
func Clipping(r *rand.Rand, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s · %d Mar 2021\n\n", pubs[i%len(pubs)], i%28+1)
	fmt.Fprintf(&b, "%s %d\n\n", strings.TrimSuffix(sentence(r, 6), "."), i)
	fmt.Fprintf(&b, "- By %s Copyedited by %s\n\n", names[i%len(names)], names[(i+3)%len(names)])
	clippingBody.write(&b, r)
	b.WriteString(" ??  ??\n\nNewspapers in English\n\nNewspapers from United Kingdom\n")
	return b.String()
}

// LexisDocument returns document i of n of a LexisNexis-style export: the
// "i of n DOCUMENTS" marker, centred publication and date, headline,
// byline, length, four hard-wrapped paragraphs and the trailing fields.
func LexisDocument(r *rand.Rand, i, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "                               %d of %d DOCUMENTS\n\n", i, n)
	fmt.Fprintf(&b, "                              %s\n\n                             March %d, 2021\n\n", pubs[i%len(pubs)], i%28+1)
	fmt.Fprintf(&b, "%s %d\n\nBYLINE: %s\n\nLENGTH: 150 words\n\n", strings.TrimSuffix(sentence(r, 6), "."), i, strings.ToUpper(names[i%len(names)]))
	lexisBody.write(&b, r)
	b.WriteString("LOAD-DATE: March 3, 2021\n\nLANGUAGE: ENGLISH\n\n")
	return b.String()
}
