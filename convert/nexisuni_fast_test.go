package convert

import (
	"math/rand"
	"strings"
	"testing"
)

// plainDetectNexisUni is detectNexisUni as it was before it looked at
// the first byte of a line (nexisLineOpeners): every line trimmed and
// tested.
func plainDetectNexisUni(lines []string) bool {
	var every [256]bool
	for c := range every {
		every[c] = true
	}
	return detectNexisUniOpening(lines, &every)
}

// nexisPieces make random texts for the Nexis Uni detector: its marker
// and label lines in every case, behind white space of any kind (a
// no-break space, NEL, an ideographic space), the kelvin sign that
// lower-cases to "k" ("Dokuments"), and lines of other layouts.
var nexisPieces = []string{"\n", "\n", "\n", " ", "\t", "\u00a0", "\u0085", "\u3000", "\v", "\r",
	"End of Document", "END OF DOCUMENT", "end of document", "Ende des Do\u212auments", "Fin du document",
	"FIN DEL DOCUMENTO", "Einde van document", "Body", "Text", "Texte", "BODY", "Length: 9 words",
	"Load-Date: July 3, 2019", "LOAD-DATE: x", "länge: 3", "Länge: 3 Wörter", "Ladedatum: 1", "longueur: 4",
	"The storm", "Harbour Gazette · 5 Mar 2021", "- By Ann Lee", " ??  ??", "Newspapers in English", "x", "3"}

// detectNexisUni answers as plainDetectNexisUni on the rows of its rule
// file and of isNexisEnd's, and on random texts of nexisPieces.
func TestDetectNexisUniAgreesWithPlainForm(t *testing.T) {
	inputs := append(ruleInputs(t, "detectNexisUni"), ruleInputs(t, "isNexisEnd")...)
	r := rand.New(rand.NewSource(11))
	n := 0
	sameOnRandom[bool]{name: "detectNexisUni", plain: "plainDetectNexisUni",
		fast: detectNexisUniOf, slow: func(s string) bool { return plainDetectNexisUni(strings.Split(s, "\n")) },
		hit: yes, least: 500}.check(t, len(inputs)+20000, func() string {
		if n++; n <= len(inputs) {
			return inputs[n-1]
		}
		return randomText(r, nexisPieces, 1+r.Intn(48))
	})
}
