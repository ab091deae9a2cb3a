package convert

import (
	"math/rand"
	"strings"
	"testing"
)

// TestAPASourceLineAgrees checks isAPASourceLine, which turns a line away
// by its first byte after ASCII white space before trimming it, against
// isAPASource on the trimmed line, on 200,000 random lines: a source (or
// a broken one, or other text) between runs of ASCII and Unicode white
// space, quote marks and other openings; some must be sources.
func TestAPASourceLineAgrees(t *testing.T) {
	around := []string{" ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u0085", "\u2003", "\u3000", "x", "\"", "„", "é", "\xff", "1"}
	middle := []string{`"Kurier" vom 12.05.2023`, `"Kurier.at" gefunden am 28.12.2017 10:36 Uhr`, `"Salzburger Zeitung" vom 03.05.2019 Seite: 7`,
		`"Kurier" vom`, `Kurier vom 12.05.2023`, `"Kurier"`, "Budget passiert den Ausschuss"}
	r := rand.New(rand.NewSource(5))
	hits, n := 0, 200000
	if testing.Short() {
		n /= shortFraction
	}
	for range n {
		s := randomText(r, around, r.Intn(3)) + middle[r.Intn(len(middle))] + randomText(r, around, r.Intn(3))
		got, want := isAPASourceLine(s), isAPASource(strings.TrimSpace(s))
		if got != want {
			t.Fatalf("isAPASourceLine(%q) = %v, isAPASource on the trimmed line says %v", s, got, want)
		}
		if got {
			hits++
		}
	}
	if least := n / 50; hits < least {
		t.Errorf("%d of %d random lines are APA sources, want at least %d to compare", hits, n, least)
	}
}

// mayOpenTrimmedWith says no only where strings.TrimSpace(l) does not
// open with the byte asked for.
func TestMayOpenTrimmedWith(t *testing.T) {
	for _, c := range []struct {
		l    string
		c    byte
		want bool
	}{
		{`"Kurier" vom 3.5.2019`, '"', true},
		{" \t\"Kurier\"", '"', true},
		{"\u00a0\"Kurier\"", '"', true}, // a no-break space: asked of the trimmed line
		{"Kurier", '"', false},
		{"  x\"", '"', false},
		{" \t\r\n", '"', false},
		{"", '"', false},
		{"1 of 3 DOCUMENTS", '1', true},
	} {
		if got := mayOpenTrimmedWith(c.l, c.c); got != c.want {
			t.Errorf("mayOpenTrimmedWith(%q, %q) = %v, want %v", c.l, c.c, got, c.want)
		}
	}
}
