package convert

import (
	"math/rand"
	"testing"
)

// splitMasthead splits as the regexp mastheadSep does, on random lines of
// words, marks (also doubled and at either end), the first bytes of marks
// alone, and runs of every kind of space, including the ones \s leaves out
// (vertical tab, no-break space).
func TestSplitMastheadMatchesRegexp(t *testing.T) {
	alphabet := []string{"Post", "12", " ", "  ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "·", "•", "|", "·•", "-",
		"\xc2", "\xe2\x80", " · "}
	r := rand.New(rand.NewSource(23))
	sameOnRandom[[]string]{name: "splitMasthead", fast: splitMasthead, plain: "the regexp",
		slow: func(s string) []string { return mastheadSep.Split(s, -1) },
		hit:  func(parts []string) bool { return len(parts) > 1 }, least: 1000}.
		check(t, 20000, func() string { return randomText(r, alphabet, r.Intn(10)) })
}
