package convert

import (
	"math/rand"
	"strings"
	"testing"
)

func TestReportsFrom(t *testing.T) {
	rows := []struct{ in, names, place string }{
		{"Aus Chicago berichtet DAVID VERHOFF", "DAVID VERHOFF", "Chicago"},
		{"Aus New York berichten Anna Berg und Jan Roth", "Anna Berg und Jan Roth", "New York"},
		{"Anna Berg berichtet aus Kairo", "Anna Berg", "Kairo"},
		{"Jane Doe reports from Kyiv", "Jane Doe", "Kyiv"},
		{"Desde Bruselas informa Ana Ruiz", "Ana Ruiz", "Bruselas"},
		{"Aus Rio de Janeiro berichtet Lena Voss", "Lena Voss", "Rio de Janeiro"},
		// Not reporting phrases.
		{"DAVID VERHOFF", "", ""},
		{"aus der Redaktion berichtet unser Team", "", ""}, // no capital place
		{"Jane Doe reports", "", ""},
		{"From the archive reports of the council in the years before", "", ""},
		{"Aus Chicago berichtet", "", ""},
	}
	for _, r := range rows {
		names, place, ok := reportsFrom(r.in)
		if ok != (r.names != "") || names != r.names || place != r.place {
			t.Errorf("reportsFrom(%q) = %q, %q, %v; want %q, %q", r.in, names, place, ok, r.names, r.place)
		}
	}
}

// A byline field that says where its reporter files from gives the
// reporter as author and the place as dateline.
func TestApplyBylineReportsFrom(t *testing.T) {
	var a Article
	a.applyByline("Aus Chicago berichtet DAVID VERHOFF", true)
	if len(a.Authors) != 1 || a.Authors[0].Name != "David Verhoff" || a.Dateline != "Chicago" {
		t.Errorf("authors %+v, dateline %q; want David Verhoff from Chicago", a.Authors, a.Dateline)
	}
}

// mayReportFrom lets through every byline whose words hold a verb of
// reportingPhrases as strings.EqualFold compares them, in random bylines of
// places, names, verbs in every case and runes that fold onto ASCII.
func TestMayReportFromPassesEveryVerb(t *testing.T) {
	pieces := []string{"Aus ", "aus ", "from ", "Desde ", "Chicago ", "Kyiv ", "Ann Lee ", "DAVID ", " ", "\t",
		"ſ", "\u212a", "é"}
	for _, p := range reportingPhrases {
		pieces = append(pieces, p.verb+" ", strings.ToUpper(p.verb)+" ", strings.ToUpper(p.verb[:1])+p.verb[1:]+" ",
			strings.ReplaceAll(p.verb, "s", "ſ")+" ")
	}
	hasVerb := func(s string) bool {
		for _, w := range strings.Fields(s) {
			for _, p := range reportingPhrases {
				if strings.EqualFold(w, p.verb) {
					return true
				}
			}
		}
		return false
	}
	r := rand.New(rand.NewSource(29))
	hits := 0
	for range 20000 {
		s := randomText(r, pieces, 1+r.Intn(6))
		if hasVerb(s) {
			hits++
			if !mayReportFrom(s) {
				t.Fatalf("mayReportFrom(%q) = false; the text holds a verb", s)
			}
		}
	}
	if hits < 1000 {
		t.Errorf("only %d texts hold a verb: too few to compare", hits)
	}
}
