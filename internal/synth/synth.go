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

// Clipping returns clipping number i; r makes the words (seed it for
// reproducible sets).
func Clipping(r *rand.Rand, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s · %d Mar 2021\n\n", pubs[i%len(pubs)], i%28+1)
	fmt.Fprintf(&b, "%s %d\n\n", strings.TrimSuffix(sentence(r, 6), "."), i)
	fmt.Fprintf(&b, "- By %s Copyedited by %s\n\n", names[i%len(names)], names[(i+3)%len(names)])
	for p := 0; p < 8; p++ {
		for s := 0; s < 4; s++ {
			b.WriteString(sentence(r, 8+r.Intn(10)) + " ")
		}
		b.WriteString("\n\n")
	}
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
	for p := 0; p < 4; p++ {
		for l := 0; l < 3; l++ {
			b.WriteString(sentence(r, 10+r.Intn(4)) + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("LOAD-DATE: March 3, 2021\n\nLANGUAGE: ENGLISH\n\n")
	return b.String()
}
