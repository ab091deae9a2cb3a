package pdfgen

import (
	"bytes"
	"testing"
)

// TestCasesAreReproducible: a golden case's bytes are the same on every
// build, so its expected output can be compared byte for byte.
func TestCasesAreReproducible(t *testing.T) {
	if len(Cases()) == 0 {
		t.Fatal("no golden cases registered")
	}
	for _, name := range Cases() {
		a, ok := Case(name)
		b, _ := Case(name)
		if !ok || !bytes.HasPrefix(a, []byte("%PDF-")) || !bytes.Equal(a, b) {
			t.Errorf("case %s: not a reproducible PDF", name)
		}
	}
	if _, ok := Case("no-such-case"); ok {
		t.Error("an unknown case name was accepted")
	}
}
