package convert

import (
	"slices"
	"testing"
)

func TestIsURLParagraph(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		want  bool
	}{
		{[]string{"https://www.gazette.example/", "harbour/record-catch-", "in-the-bay-1.234567"}, true},
		{[]string{"www.gazette.example/harbour"}, true},
		{[]string{"harbour/record-catch-", "1.234567"}, true},            // first line removed as a running head
		{[]string{"harbour-record-catch-", "in-the-bay-1.234567"}, true}, // no slash, an id at the end
		{[]string{"Harbour"}, false},
		{[]string{"twenty-two"}, false},
		{[]string{"well-known"}, false}, // a hyphenated word, no slash
		{[]string{"See https://gazette.example for more."}, false},
		{[]string{"https://gazette.example/", "Record catch in the bay"}, false},
	} {
		if got := isURLParagraph(tc.lines); got != tc.want {
			t.Errorf("%q: got %v", tc.lines, got)
		}
	}
}

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
