package convert

import (
	"math/rand"
	"strings"
	"testing"
)

// fieldCount counts what strings.Fields splits: words between ASCII and
// other Unicode spaces, invalid UTF-8 counting as a word's byte.
func TestFieldCountMatchesFields(t *testing.T) {
	alphabet := []string{"a", "Bé", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u0085", "\u2003", "\u3000", "\xff", "日", "-"}
	r := rand.New(rand.NewSource(17))
	for range 5000 {
		var b strings.Builder
		for range r.Intn(12) {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		s := b.String()
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Fatalf("fieldCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// containsRuneOf answers as strings.ContainsAny on random text with ASCII
// and other runes, invalid UTF-8 and parts of the set's runes.
func TestContainsRuneOfMatchesContainsAny(t *testing.T) {
	alphabet := []string{"a", "-", ":", "–", "—", "·", "•", "|", "\xe2", "\x80", "\x93", "é", " "}
	r := rand.New(rand.NewSource(29))
	for range 5000 {
		var b strings.Builder
		for range r.Intn(8) {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		s := b.String()
		for _, set := range []string{"-–—:", "·•|", ""} {
			if got, want := containsRuneOf(s, set), strings.ContainsAny(s, set); got != want {
				t.Fatalf("containsRuneOf(%q, %q) = %v, want %v", s, set, got, want)
			}
		}
	}
}
