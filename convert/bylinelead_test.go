package convert

import (
	"strings"
	"testing"
)

// bylineLeadEnd must end where bylineLead's match ends, or find none where
// it finds none, for every lead of the table, in every case, after every
// dash, with every spacing and colon.
func TestBylineLeadEndAgreesWithRegexp(t *testing.T) {
	var leads []string
	for _, w := range bylineLeads {
		leads = append(leads, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:],
			strings.ReplaceAll(w, " ", "  "), strings.ReplaceAll(w, " ", "\t"), w[:len(w)-1])
	}
	leads = append(leads, "poſted by", "wordſ by", "ſtory by", "\u212a", "\u201cBy", "éby", "b\u00a0y", "by\u00a0", "Bypass", "")
	n := 0
	for _, dash := range []string{"", "-", "– ", "—\t", "* "} {
		for _, lead := range leads {
			for _, tail := range []string{" Nora Quill", ": Nora Quill", " : Nora Quill", "  :Nora", ":Nora", "Nora", " ", "", "\n\nNora"} {
				in := dash + lead + tail
				want := regexpLeadEnd(in)
				if got := bylineLeadEnd(in); got != want {
					t.Errorf("bylineLeadEnd(%q) = %d, regexp says %d", in, got, want)
				}
				if want > 0 {
					n++
				}
			}
		}
	}
	if n < len(bylineLeads)*10 {
		t.Errorf("only %d inputs had a lead: the test lost its positives", n)
	}
}

func TestBylineLeadEnd(t *testing.T) {
	rows(t, "bylineLeadEnd", bylineLeadEnd, map[string]int{
		"By Nora Quill":             3,
		"— Written  by: Nora Quill": len("— Written  by: "),
		"Par Léa Morel":             4,
		"Bypass road closed":        -1,
		"Door:Jan":                  -1,
	})
}
