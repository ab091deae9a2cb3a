package convert

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// singleSpaced gives strings.Join(strings.Fields(s), " ") on texts of words
// with every kind of space between them: ASCII, no-break, em space, NEL.
func TestSingleSpaced(t *testing.T) {
	pieces := []string{"a", "Ferry", "é", " ", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u2003", "\u0085", "x"}
	r := rand.New(rand.NewSource(3))
	kept := 0
	for range 50000 {
		s := randomText(r, pieces, r.Intn(8))
		want := strings.Join(strings.Fields(s), " ")
		if got := singleSpaced(s); got != want {
			t.Fatalf("singleSpaced(%q) = %q, want %q", s, got, want)
		}
		if s == want {
			kept++
		}
	}
	if kept < 1000 {
		t.Errorf("%d texts single-spaced already: too few to test the fast path", kept)
	}
}

// isSingleSpacedASCII answers as its three plain tests (no control byte,
// ASCII, no two spaces in a row) on texts of eight bytes and more, with
// spaces across the words it reads and control bytes and runes above
// ASCII anywhere.
func TestSingleSpacedASCIIAgrees(t *testing.T) {
	pieces := []string{"Ferry", "ab", "a", " ", " ", "\t", "\n", "\x1f", "\x7f", "é", "\u00a0", "\u2003", "x"}
	r := rand.New(rand.NewSource(4))
	sameOnRandom[bool]{name: "isSingleSpacedASCII", plain: "nextControl, isASCII and strings.Contains",
		fast: isSingleSpacedASCII,
		slow: func(s string) bool { return nextControl(s, 0) == len(s) && isASCII(s) && !strings.Contains(s, "  ") },
		hit:  func(ok bool) bool { return ok }, least: 3000}.check(t, 30000, func() string {
		return randomText(r, pieces, r.Intn(12))
	})
}

// mayOpenWithWireSlug never turns away a headline from which wirePrefixRE
// takes a slug of wirePrefixes: random headlines of slugs in capitals and
// lower case, spaces, numbers and separators.
func TestWireSlugTestKeepsEverySlug(t *testing.T) {
	pieces := []string{" ", "  ", "2", "12", ":", "-", " - ", "–", "—", "Port closed", "PORT", "A", "É", "Ú"}
	for w := range wirePrefixes {
		pieces = append(pieces, w, strings.ToLower(w))
	}
	r := rand.New(rand.NewSource(29))
	slugs := 0
	for range 100000 {
		h := randomText(r, pieces, 1+r.Intn(6))
		m := wirePrefixRE.FindStringSubmatch(h)
		if m == nil || !wirePrefixes[strings.TrimSpace(m[1])] {
			continue
		}
		slugs++
		if !mayOpenWithWireSlug(h) {
			t.Fatalf("mayOpenWithWireSlug(%q) = false, wirePrefixRE takes the slug %q", h, m[1])
		}
	}
	if slugs < 1000 {
		t.Errorf("%d headlines with a slug: too few to test", slugs)
	}
}

// isBareLead, which turns away a text of more runes than the longest lead
// before it lower-cases it, answers as comparing the lower-cased text with
// every lead does, on random texts of leads in every case, the runes that
// lower-case onto ASCII ("İ", the kelvin sign), invalid bytes and names.
func TestIsBareLeadMatchesEveryLead(t *testing.T) {
	every := func(s string) bool {
		return slices.Contains(bylineLeads, strings.ToLower(strings.TrimRight(strings.TrimSpace(s), ": ")))
	}
	pieces := []string{" ", ":", "İ", "\u212a", "\xff", "é", "Ann", "Lee"}
	for _, w := range bylineLeads {
		pieces = append(pieces, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	r := rand.New(rand.NewSource(37))
	sameOnRandom[bool]{name: "isBareLead", fast: isBareLead, plain: "every lead", slow: every,
		hit: yes, least: 1000}.check(t, 20000, func() string { return randomText(r, pieces, 1+r.Intn(3)) })
}
