package convert

import (
	"slices"
	"strings"
	"testing"
)

// TestFilterParagraphs: dropped paragraphs go with their blank line, kept
// ones (perhaps cut) keep theirs, and runs of blank lines stay.
func TestFilterParagraphs(t *testing.T) {
	var seen []string
	f := func(p []string) ([]string, bool) {
		seen = append(seen, strings.Join(p, "+"))
		switch p[0] {
		case "DROP":
			return nil, false
		case "CUT":
			return p[1:], true
		}
		return p, true
	}
	got := filterParagraphs([]string{"a", "b", "", "DROP", "x", "", "", "CUT", "c", "", "d"}, f)
	if want := []string{"a", "b", "", "", "c", "", "d"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
	if want := []string{"a+b", "DROP+x", "CUT+c", "d"}; !slices.Equal(seen, want) {
		t.Errorf("f saw %q, want %q (never an empty paragraph)", seen, want)
	}
}
