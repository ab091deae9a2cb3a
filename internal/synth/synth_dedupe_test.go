package synth

import (
	"math/rand"
	"strings"
	"testing"
)

// TestBodyShapes: a clipping's body is eight paragraphs of running text
// (four sentences on one line), a LexisNexis document's four paragraphs
// of three hard-wrapped lines; the same seed gives the same text.
func TestBodyShapes(t *testing.T) {
	c := Clipping(rand.New(rand.NewSource(1)), 3)
	if again := Clipping(rand.New(rand.NewSource(1)), 3); again != c {
		t.Error("Clipping differs for the same seed")
	}
	paras := strings.Split(strings.TrimSpace(c), "\n\n")
	// masthead, headline, byline, 8 paragraphs, placeholder, two footers
	if len(paras) != 14 {
		t.Fatalf("clipping has %d paragraphs, want 14:\n%s", len(paras), c)
	}
	for _, p := range paras[3:11] {
		if strings.Contains(p, "\n") || strings.Count(p, ".") != 4 {
			t.Errorf("body paragraph %q: want four sentences on one line", p)
		}
	}
	d := LexisDocument(rand.New(rand.NewSource(1)), 2, 5)
	start := strings.Index(d, "LENGTH: 150 words\n\n") + len("LENGTH: 150 words\n\n")
	end := strings.Index(d, "LOAD-DATE:")
	body := strings.Split(strings.TrimSuffix(d[start:end], "\n\n"), "\n\n")
	if len(body) != 4 {
		t.Fatalf("LexisNexis body has %d paragraphs, want 4:\n%s", len(body), d[start:end])
	}
	for _, p := range body {
		if lines := strings.Split(p, "\n"); len(lines) != 3 {
			t.Errorf("LexisNexis paragraph %q: %d lines, want 3", p, len(lines))
		}
	}
}
