package convert

import (
	"maps"
	"math/rand"
	"strings"
	"testing"
	"unicode"
)

func TestJoinLinesDehyphenates(t *testing.T) {
	vocab := vocabulary{"information": 1, "price-determining": 1}
	for _, tc := range []struct {
		lines []string
		want  string
	}{
		{[]string{"the infor-", "mation office"}, "the information office"},
		{[]string{"a price-", "determining factor"}, "a price-determining factor"},
		{[]string{"the devel-", "opment plan"}, "the development plan"},
		{[]string{"a compet-", "itive price"}, "a competitive price"},
		{[]string{"a harbour-", "facing room"}, "a harbour-facing room"},
		{[]string{"a self-", "owned home"}, "a self-owned home"},
		{[]string{"slow devel-", "ment of"}, "slow develment of"},
		{[]string{"a well-", "known face"}, "a well-known face"},
		{[]string{"ends here", "and goes on"}, "ends here and goes on"},
		{[]string{"pre-", "War years"}, "pre-War years"},
		{[]string{"soft\u00ad", "hyphen"}, "softhyphen"},
	} {
		if got := joinLines(tc.lines, vocab); got != tc.want {
			t.Errorf("joinLines(%q) = %q, want %q", tc.lines, got, tc.want)
		}
	}
}

// addLinePlain is addLine as first written: the whole line lower-cased,
// then cut into runs of letters and hyphens.
func (v vocabulary) addLinePlain(l string) {
	lower := strings.ToLower(l)
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if w := strings.TrimLeft(lower[start:end], "-"); w != "" {
				if n, ok := v[w]; ok {
					v[w] = n + 1
				}
			}
		}
		start = -1
	}
	for i, r := range lower {
		if unicode.IsLetter(r) || r == '-' {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(lower))
}

// TestAddLineMatchesPlain: addLine, which lower-cases word by word, counts
// as addLinePlain does on 50,000 random lines of words in both cases,
// hyphens, capitals whose lower case has another length (İ, the Kelvin
// sign), long words and invalid UTF-8, into vocabularies wanting some of
// those words.
func TestAddLineMatchesPlain(t *testing.T) {
	pieces := []string{"Harbour", "harbour", "HARBOUR", "-", "--", " ", ",", "infor-", "mation", "İstanbul", "istanbul",
		"i̇stanbul", "\u212Aelvin", "kelvin", "Straße", "STRASSE", "\xff", "Ⓐ", "win-win", "WIN-WIN", "\u00a0", "3",
		strings.Repeat("Long", 20), strings.Repeat("long", 20)}
	wanted := []string{"harbour", "information", "istanbul", "i̇stanbul", "kelvin", "straße", "win-win", "win", "mation",
		strings.Repeat("long", 20), "infor-"}
	r := rand.New(rand.NewSource(5))
	n := 50000
	if testing.Short() {
		n /= shortFraction
	}
	for range n {
		line := randomText(r, pieces, r.Intn(12))
		got, want := vocabulary{}, vocabulary{}
		for _, w := range wanted {
			got[w], want[w] = 0, 0
		}
		got.counter().addLine(line)
		want.addLinePlain(line)
		if !maps.Equal(got, want) {
			t.Fatalf("addLine(%q) counts %v, addLinePlain %v", line, got, want)
		}
	}
}

// TestLowerCaseKeepsLetters: no rune changes between letter and non-letter
// when lower-cased, so that addLine may cut words before lower-casing them.
func TestLowerCaseKeepsLetters(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsLetter(r) != unicode.IsLetter(unicode.ToLower(r)) || (r == '-') != (unicode.ToLower(r) == '-') {
			t.Errorf("%U lower-cases to %U across the letter line", r, unicode.ToLower(r))
		}
	}
}
