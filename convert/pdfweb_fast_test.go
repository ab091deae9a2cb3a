package convert

import (
	"math/rand"
	"strings"
	"testing"
)

// pdfWebPieces are the fragments of the random lines that test the PDF
// line rules' cheap tests: separators, credit labels in both cases, link
// parentheses, digits, punctuation and non-ASCII letters.
var pdfWebPieces = []string{"HOME", " ∠ ", " › ", "»", " ", "\t", "Foto", "PHOTO", "photos", "Bild", "grafiK", "graphic",
	"illustration", ":", ": ", "Jane Doe", "/", "-", ".", ")", "(", "(/", "(https://", "x.com/a", "1", ",", "é", "Ölz", "\u212a",
	"Tags", "TAGS:", "themen", "\u017fchlagworte", "Keywords", "»So", "«", "\n", "\r", "\f",
	"\xe2", "\xe2\x88", "\xc2", "\x80\xba", "\xbb", "–"} // broken and partial separators, another E2 character

// TestPDFWebPrechecksAgree checks that the cheap tests in front of
// breadcrumbRE, tagListRE, linkTargetRE and captionCreditRE turn away no line the
// regular expression takes, and that each rule gives what its regexp
// alone gives, on 200,000 random lines.
func TestPDFWebPrechecksAgree(t *testing.T) {
	forRandomLines(pdfWebPieces, 1, 9, func(s string) {
		if got, want := isBreadcrumb(s), breadcrumbRE.MatchString(s); got != want {
			t.Fatalf("isBreadcrumb(%q) = %v, breadcrumbRE says %v", s, got, want)
		}
		if got, want := isTagList(s), tagListRE.MatchString(s); got != want {
			t.Fatalf("isTagList(%q) = %v, tagListRE says %v", s, got, want)
		}
		if got, want := removeLinkTargets(s), linkTargetRE.ReplaceAllString(s, ""); got != want {
			t.Fatalf("removeLinkTargets(%q) = %q, linkTargetRE gives %q", s, got, want)
		}
		if got, want := isCaptionText(s), captionCreditRE.MatchString(strings.TrimSpace(s)); got != want {
			t.Fatalf("isCaptionText(%q) = %v, captionCreditRE says %v", s, got, want)
		}
	})
}

// TestPDFSourcePrechecksAgree checks the cheap tests in front of
// fieldLabelRE and indexPageRE: opensWithFieldLabel and readIndexEntry
// turn away no line the regexp takes, and no line in which the regexp
// finds two labels holds fewer than two colons (readSourceFields asks it
// only of lines with two), on 200,000 random lines of
// labels, dates, page numbers, leaders and separators.
func TestPDFSourcePrechecksAgree(t *testing.T) {
	pieces := []string{"Quelle", "DATUM", "Seite", "page", "erschienen am", "Date", "Medium", " ", ":", " : ", "|", "·", ";", ",",
		"\t", "\u00a0", "Hafenkurier", "12.05.2023", "3 mai 2023", "4", "12", "1234", "A3", "...", "…", "_", ".", "x", "é"}
	forRandomLines(pieces, 4, 9, func(s string) {
		m := fieldLabelRE.FindStringIndex(s)
		if got, want := opensWithFieldLabel(s), m != nil && m[0] == 0; got != want {
			t.Fatalf("opensWithFieldLabel(%q) = %v, fieldLabelRE says %v", s, got, want)
		}
		if len(fieldLabelRE.FindAllString(s, -1)) >= 2 && strings.Count(s, ":") < 2 {
			t.Fatalf("fieldLabelRE finds two labels in %q, which holds fewer colons", s)
		}
		if indexPageRE.MatchString(strings.TrimSpace(s)) {
			if e := strings.TrimSpace(s); e[len(e)-1] < '0' || e[len(e)-1] > '9' {
				t.Fatalf("indexPageRE takes %q, which does not end in a digit", s)
			}
		}
	})
}

// TestTextPrechecksAgree checks the cheap tests in front of datelineRE and
// apaSourceRE: no line the regexp takes is turned away, on 200,000 random
// lines of capitals, dates, separators, spaces, quotes and brackets, with
// places and agencies about as long as datelineRE's bounds.
func TestTextPrechecksAgree(t *testing.T) {
	pieces := []string{"BEIJING", "Porthaven", "É", "a", ", ", " ", "\t", "\n", "\f", "-", "--", "–", "—", ":", "(Reuters)", "14",
		"April 17, 2015", "2015", "\"", "\"Kurier\"", " vom ", "12.05.2023", "gefunden am", " Seite: 4", "x", "\u00a0",
		"NORTH HARBOUR AND THE OUTER ISLANDS", "Überseehäfen ", "(", ")", "(Agence France-Presse)", "(a wire service of thirty rune)", "\xff", "7, 2015", "May 1, 20155",
		"Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenauszahlungsstelle"}
	forRandomLines(pieces, 2, 8, func(s string) {
		if datelineRE.MatchString(s) && !mayOpenWithDateline(s) {
			t.Fatalf("mayOpenWithDateline(%q) = false; datelineRE takes it", s)
		}
		if got, want := isAPASource(s), len(s) < 300 && apaSourceRE.MatchString(s); got != want {
			t.Fatalf("isAPASource(%q) = %v, apaSourceRE says %v", s, got, want)
		}
	})
}

// forRandomLines calls f with 200,000 random lines (a quarter under
// -short) of fewer than most pieces, drawn with the seed given.
func forRandomLines(pieces []string, seed int64, most int, f func(s string)) {
	r := rand.New(rand.NewSource(seed))
	n := 200000
	if testing.Short() {
		n /= shortFraction
	}
	for range n {
		f(randomText(r, pieces, r.Intn(most)))
	}
}
