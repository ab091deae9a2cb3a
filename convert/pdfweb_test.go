package convert

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// urlParagraphOf, linkButtonOf, urlLeadOf and joinedBylinesOf call
// isURLParagraph, isLinkButton, urlLead and joinBrokenBylines on lines
// written in a rule file as one field, split at each "\n".
func urlParagraphOf(lines string) bool { return isURLParagraph(strings.Split(lines, "\n")) }

func linkButtonOf(lines string) bool { return isLinkButton(strings.Split(lines, "\n")) }

func urlLeadOf(lines string) int { return urlLead(strings.Split(lines, "\n")) }

func joinedBylinesOf(lines string) []string { return joinBrokenBylines(strings.Split(lines, "\n")) }

func TestDropURLParagraphs(t *testing.T) {
	kept, urls := dropURLParagraphs([]string{"https://gazette.example/", "harbour-1.23", "", "Harbour", "", "Record catch", ""})
	if !slices.Equal(kept, []string{"Harbour", "", "Record catch", ""}) || !slices.Equal(urls, []string{"https://gazette.example/harbour-1.23"}) {
		t.Errorf("kept %q urls %q", kept, urls)
	}
}

func TestCleanWebPrint(t *testing.T) {
	in := []string{
		"HOME ∠ HARBOUR ∠ FEATURED", "∠ RECORD CATCH IN THE BAY", "",
		"Record catch in the bay", "",
		"BY ANNA SCHMIDT (/AUTHOR/ANNA-SCHMIDT/) MAY 3, 2013", "",
		"The catch was the largest in years.", "",
		"TAGS: Harbour (/tag/harbour/), Fishing", "(/tag/fishing/)", "",
	}
	kept, removed := cleanWebPrint(in)
	want := []string{"Record catch in the bay", "", "BY ANNA SCHMIDT MAY 3, 2013", "", "The catch was the largest in years.", ""}
	if !slices.Equal(kept, want) {
		t.Errorf("kept %q", kept)
	}
	if len(removed) != 5 {
		t.Errorf("removed %+v", removed)
	}
}

func TestBreadcrumb(t *testing.T) {
	rows(t, "breadcrumbRE.MatchString", breadcrumbRE.MatchString, map[string]bool{
		"HOME ∠ DEALS & DEALMAKERS ∠ FEATURED": true,
		"News › World › Europe":                true,
		"» Older posts":                        true,
		"Prices rose > 5% in May":              false,
		"Record catch in the bay":              false,
	})
}

// TestFilterParagraphsKeepsAllInPlace: a text with nothing to drop comes
// back as it went in, without a copy (a long document's would be large).
func TestFilterParagraphsKeepsAllInPlace(t *testing.T) {
	lines := []string{"", "Record catch", "in the bay", "", "", "The catch was large.", ""}
	keep := func(p []string) ([]string, bool) { return p, true }
	got := filterParagraphs(lines, keep)
	if !slices.Equal(got, lines) || &got[0] != &lines[0] {
		t.Errorf("filterParagraphs kept %q, not lines itself", got)
	}
	if n := testing.AllocsPerRun(10, func() { filterParagraphs(lines, keep) }); n != 0 {
		t.Errorf("filterParagraphs allocated %v times keeping every paragraph", n)
	}
	cut := func(p []string) ([]string, bool) { return p[:1], true }
	if got, want := filterParagraphs(lines, cut), []string{"", "Record catch", "", "", "The catch was large.", ""}; !slices.Equal(got, want) {
		t.Errorf("cutting: kept %q, want %q", got, want)
	}
	if got := filterParagraphs([]string{}, keep); got != nil {
		t.Errorf("no lines: got %q, want nil", got)
	}
}

// urlLeadPlain is urlLead as it was, trying every shorter paragraph: the
// reference for the one that counts the address pieces first.
func urlLeadPlain(para []string) int {
	for k := len(para) - 1; k >= 2; k-- {
		if isURLParagraph(para[:k]) {
			return k
		}
	}
	return 0
}

// TestURLLeadAsPlain: on random paragraphs of address starts, path
// pieces, numbered ends and text, urlLead gives what trying every
// shorter paragraph gave, and finds leads of every length.
func TestURLLeadAsPlain(t *testing.T) {
	pieces := []string{
		"https://www.example.de/", "www.example.de/", "muenchen/", "muenchen-rathaus-", "sicherheit-1.6003935",
		"tag-x-demo-leipzig-", "e-1.5899795", "quay-plan", "harbour", "1", "", "Linke Gewalt", "Harbour news",
		"HTTPS://EXAMPLE.DE/", "https://example.de/a b",
	}
	rng := rand.New(rand.NewPCG(19, 20))
	found := map[int]bool{}
	for range 20000 {
		para := make([]string, rng.IntN(8))
		for i := range para {
			para[i] = pieces[rng.IntN(len(pieces))]
		}
		want, got := urlLeadPlain(para), urlLead(para)
		if got != want {
			t.Fatalf("urlLead(%q) = %d, want %d", para, got, want)
		}
		found[got] = true
	}
	for k := range 7 {
		if k != 1 && !found[k] {
			t.Errorf("no random paragraph led by an address of %d lines", k)
		}
	}
}
