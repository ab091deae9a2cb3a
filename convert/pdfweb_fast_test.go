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
	"illustration", ":", ": ", "Jane Doe", "/", "-", ".", ")", "(", "(/", "(https://", "x.com/a", "1", ",", "é", "Ölz", "\u212a"}

// TestPDFWebPrechecksAgree checks that the cheap tests in front of
// breadcrumbRE, linkTargetRE and captionCreditRE turn away no line the
// regular expression takes, and that each rule gives what its regexp
// alone gives, on 200,000 random lines.
func TestPDFWebPrechecksAgree(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	n := 200000
	if testing.Short() {
		n /= 4
	}
	for range n {
		s := randomText(r, pdfWebPieces, r.Intn(9))
		if got, want := isBreadcrumb(s), breadcrumbRE.MatchString(s); got != want {
			t.Fatalf("isBreadcrumb(%q) = %v, breadcrumbRE says %v", s, got, want)
		}
		if got, want := removeLinkTargets(s), linkTargetRE.ReplaceAllString(s, ""); got != want {
			t.Fatalf("removeLinkTargets(%q) = %q, linkTargetRE gives %q", s, got, want)
		}
		if got, want := isCaptionText(s), captionCreditRE.MatchString(strings.TrimSpace(s)); got != want {
			t.Fatalf("isCaptionText(%q) = %v, captionCreditRE says %v", s, got, want)
		}
	}
}
