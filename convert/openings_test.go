package convert

import (
	"slices"
	"testing"
	"unicode"
)

// TestASCIIFoldsAsOrbit: for every rune, the ASCII runes asciiFolds lists
// are those that walking its case orbit finds (as a set: the tables only
// mark them), so its shortcut for ASCII runes marks what it always did.
func TestASCIIFoldsAsOrbit(t *testing.T) {
	set := func(b []byte) []byte {
		b = slices.Clone(b)
		slices.Sort(b)
		return slices.Compact(b)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := set(asciiFolds(r)), set(asciiFoldsOf(r)); !slices.Equal(got, want) {
			t.Fatalf("asciiFolds(%U) = %q, walking its orbit gives %q", r, got, want)
		}
	}
}

// TestOpeningPairsFold: a phrase marks the pairs of its first two runes in
// either case, and through runes outside ASCII that fold to ASCII ones.
func TestOpeningPairsFold(t *testing.T) {
	p := newOpeningPairs("share", "\u212aey", "ſi")
	for _, s := range []string{"share", "SHARE", "Sh", "key", "KEY", "si", "SIGN"} {
		if !p.mayOpen(s) {
			t.Errorf("mayOpen(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"the", "ka", "so"} {
		if p.mayOpen(s) {
			t.Errorf("mayOpen(%q) = true, want false", s)
		}
	}
}
