package convert

import (
	"math/rand"
	"runtime"
	"strings"
	"testing"
)

// joinLinesPlain is joinLines as first written, copying the text so far
// at every break: the rule the linear form must keep.
func joinLinesPlain(lines []string, vocab vocabulary) string {
	if len(lines) == 1 {
		return lines[0]
	}
	var b strings.Builder
	for i, l := range lines {
		if i == 0 {
			b.WriteString(l)
			continue
		}
		prev := lines[i-1]
		switch {
		case strings.HasSuffix(prev, "\u00ad"):
			s := b.String()
			b.Reset()
			b.WriteString(strings.TrimSuffix(s, "\u00ad"))
		case brokenWord(prev, l, vocab):
			s := b.String()
			b.Reset()
			b.WriteString(strings.TrimSuffix(s, "-"))
		case strings.HasSuffix(prev, "-") && endsWithLetterHyphen(prev):
		default:
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

// TestJoinLinesMatchesPlain: on random wrapped lines full of soft
// hyphens, line-end hyphens and compounds, joinLines gives what its first
// form gave.
func TestJoinLinesMatchesPlain(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	pieces := []string{"infor", "mation", "price", "determining", "ment", "devel", "opment", "-", "\u00ad", " ", "x", "é"}
	vocab := vocabulary{"information": 1, "development": 1, "price-determining": 1}
	for range 20000 {
		lines := make([]string, 1+r.Intn(6))
		for i := range lines {
			lines[i] = randomText(r, pieces, r.Intn(5))
		}
		if got, want := joinLines(lines, vocab), joinLinesPlain(lines, vocab); got != want {
			t.Fatalf("joinLines(%q) = %q, want %q", lines, got, want)
		}
	}
}

// TestJoinLinesLinear: a paragraph of many lines, each broken at a soft
// hyphen, is joined with memory in proportion to its length; copying the
// text so far at each break took some 40 MB for these 28 KB.
func TestJoinLinesLinear(t *testing.T) {
	lines := make([]string, 4000)
	for i := range lines {
		lines[i] = "infor\u00ad"
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s := joinLines(lines, vocabulary{})
	runtime.ReadMemStats(&after)
	if want := strings.Repeat("infor", 3999) + "infor\u00ad"; s != want {
		t.Fatalf("joined %d bytes, want %d", len(s), len(want))
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("joining %d bytes of lines allocated %d KiB", 4000*len(lines[0]), grew>>10)
	}
}
