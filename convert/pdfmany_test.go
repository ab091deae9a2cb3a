package convert

import "testing"

// TestDropEmpty: an article with neither headline nor body is left out,
// and what it recorded as removed goes to the next article.
func TestDropEmpty(t *testing.T) {
	cover := &Article{Removed: []Removal{{Kind: RemovedCover, Text: "Press review"}}}
	a := &Article{Headline: "Quay plan put off again"}
	b := &Article{Body: []Block{&Paragraph{Content: "Stalls will be set out along the fountain."}}}
	tail := &Article{Removed: []Removal{{Kind: RemovedHeader, Text: "Source: Harbour Courier, 4 May 2023"}}}
	got := dropEmpty([]*Article{cover, a, b, tail})
	if len(got) != 2 || got[0] != a || got[1] != b {
		t.Fatalf("got %d articles", len(got))
	}
	if len(a.Removed) != 1 || a.Removed[0].Kind != RemovedCover || len(b.Removed) != 1 || b.Removed[0].Kind != RemovedHeader {
		t.Errorf("removed: %+v / %+v", a.Removed, b.Removed)
	}
}
