package htmltext

import (
	"math/rand"
	"strings"
	"testing"
)

// tidyRule is appendTidy's rule written plainly: split into lines, trim
// each (collapsing its spaces outside <pre>), drop blank lines at either
// end, join.
func tidyRule(s string, pre bool) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if pre {
			lines[i] = strings.TrimRight(l, " \t")
		} else {
			lines[i] = strings.Join(strings.Fields(l), " ")
		}
	}
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// TestTidyMatchesFields compares appendTidy with tidyRule on random text
// of words, ASCII and Unicode spaces, line breaks and invalid bytes, in
// and outside <pre>, appended after other bytes.
func TestTidyMatchesFields(t *testing.T) {
	pieces := []string{"a", "Wort", "é", "中", " ", "  ", "\t", "\n", "\n\n", "\r", "\v", "\f", "\u0085", "\u00a0",
		"\u2003", "\u3000", "\u200b", "\xff", " | "}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 100000; i++ {
		s, pre := randomText(r, pieces, 12), i%2 == 1
		if got, want := string(appendTidy([]byte("x"), []byte(s), pre)), "x"+tidyRule(s, pre); got != want {
			t.Fatalf("appendTidy(%q, pre %v) = %q, want %q", s, pre, got, want)
		}
	}
}

// TestWalkerTextMatchesRunes compares walker.text outside <pre> with its
// rule: every rune of the text node (U+FFFD for an invalid byte), spaces,
// tabs, line breaks, form feeds and no-break spaces written as a space.
func TestWalkerTextMatchesRunes(t *testing.T) {
	pieces := []string{"a", "é", "中", " ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "\u2003", "\xff", "\xc2", "\xe4\xb8", "😀"}
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 50000; i++ {
		s := randomText(r, pieces, 10)
		var want strings.Builder
		for _, r := range s {
			switch r {
			case ' ', '\t', '\n', '\r', '\f', '\u00a0':
				want.WriteByte(' ')
			default:
				want.WriteRune(r)
			}
		}
		w := &walker{}
		w.text(s)
		if string(w.buf) != want.String() {
			t.Fatalf("text(%q) = %q, want %q", s, w.buf, want.String())
		}
	}
}

// randomText joins fewer than most random pieces.
func randomText(r *rand.Rand, pieces []string, most int) string {
	var b strings.Builder
	for n := r.Intn(most); n > 0; n-- {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return b.String()
}
