package convert

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// withLines hands read Split's lines of each text, the list reused from
// one text to the next (longer and shorter ones in turn), and leaves no
// string of a text in the list it keeps for the next.
func TestWithLinesReusesCleanLists(t *testing.T) {
	pieces := []string{"Harbour Gazette", "\n", "\n\n", " ", "é", ""}
	r := rand.New(rand.NewSource(81))
	for range 2000 {
		text := randomText(r, pieces, r.Intn(40))
		var seen []string
		withLines(text, func(lines []string) {
			if want := strings.Split(text, "\n"); !slices.Equal(lines, want) {
				t.Fatalf("withLines(%q) gives %q, want %q", text, lines, want)
			}
			seen = lines
		})
		for i, l := range seen[:cap(seen)] {
			if l != "" {
				t.Fatalf("after withLines(%q), the list still holds %q at %d", text, l, i)
			}
		}
	}
}

// A list of more than maxPooledLines lines is not kept for reuse: one
// long export must not hold its list for every clipping after it.
func TestWithLinesDropsLongLists(t *testing.T) {
	withLines(strings.Repeat("line\n", 2*maxPooledLines), func([]string) {})
	for range 4 {
		if lp := lineLists.Get().(*[]string); cap(*lp) > maxPooledLines {
			t.Fatalf("the pool holds a list of %d lines, over %d", cap(*lp), maxPooledLines)
		}
	}
}
