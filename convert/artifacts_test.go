package convert

import (
	"math/rand"
	"strings"
	"testing"
)

// languageTagPlain is languageTag lower-casing with strings.ToLower, as it
// first did: the rule the stack lower-casing must follow.
func languageTagPlain(name string) string {
	name = strings.ToLower(strings.Trim(strings.TrimSpace(name), ".;,"))
	if tag, ok := languageNames[name]; ok {
		return tag
	}
	if i := strings.IndexAny(name, ";,( "); i > 0 {
		return languageTagPlain(name[:i])
	}
	return ""
}

// languageTag gives languageTagPlain's tag on language names in every case,
// lists of them, names with notes, names longer than maxASCIILanguage and
// non-ASCII ones ("Español", "İtalian", the kelvin sign).
func TestLanguageTagAgreesWithPlain(t *testing.T) {
	pieces := []string{"English", "ENGLISH", "english", "Deutsch", "Español", "ESPAÑOL", "Français", "İtalian",
		"Kelvin", "; ", ", ", " (UK)", ".", " ", "\t", "Englisch", "x", "abcdefghijklmnopqrstuvwxyz0123456789"}
	r := rand.New(rand.NewSource(47))
	tagged := 0
	for range 30000 {
		s := randomText(r, pieces, 1+r.Intn(4))
		got, want := languageTag(s), languageTagPlain(s)
		if got != want {
			t.Fatalf("languageTag(%q) = %q, want %q", s, got, want)
		}
		if got != "" {
			tagged++
		}
	}
	if tagged < 1000 {
		t.Errorf("%d names tagged: too few to compare", tagged)
	}
}

// isPlaceholder is a line of only question marks and spaces holding "??":
// the rule strings.Trim(strings.TrimSpace(s), "? \t\u00a0") == "" states,
// checked on random lines of marks, spaces of every kind, letters and a
// broken UTF-8 byte.
func TestIsPlaceholderAgreesWithTrim(t *testing.T) {
	pieces := []string{"?", "??", " ", "\t", "\u00a0", "\u2003", "\n", "x", "\xff", "？"}
	r := rand.New(rand.NewSource(53))
	marks := 0
	for range 50000 {
		s := randomText(r, pieces, r.Intn(7))
		want := strings.Contains(s, "??") && strings.Trim(strings.TrimSpace(s), "? \t\u00a0") == ""
		if got := isPlaceholder(s); got != want {
			t.Fatalf("isPlaceholder(%q) = %v, want %v", s, got, want)
		}
		if want {
			marks++
		}
	}
	if marks < 1000 {
		t.Errorf("%d placeholders: too few to compare", marks)
	}
}
