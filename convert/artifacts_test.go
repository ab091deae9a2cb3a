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
