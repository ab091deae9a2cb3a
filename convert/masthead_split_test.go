package convert

import (
	"math/rand"
	"strings"
	"testing"
)

// splitMasthead splits as the regexp mastheadSep does, on random lines of
// words, marks (also doubled and at either end) and runs of every kind of
// space, including the ones \s leaves out (vertical tab, no-break space).
func TestSplitMastheadMatchesRegexp(t *testing.T) {
	alphabet := []string{"Post", "12", " ", "  ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "·", "•", "|", "·•", "-"}
	r := rand.New(rand.NewSource(23))
	split := 0
	for range 20000 {
		var b strings.Builder
		for range r.Intn(10) {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		s := b.String()
		got, want := splitMasthead(s), mastheadSep.Split(s, -1)
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
			t.Fatalf("splitMasthead(%q) = %q, regexp gives %q", s, got, want)
		}
		if len(got) > 1 {
			split++
		}
	}
	if split < 1000 {
		t.Errorf("%d of 20,000 lines split: too few to compare", split)
	}
}
