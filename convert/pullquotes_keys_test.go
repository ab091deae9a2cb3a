package convert

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// appendQuoteKey gives pullQuoteKey's result on text mixing the cases its
// fast path leaves to the slow one: NUL, non-ASCII spaces (no-break, next
// line, ideographic), upper-case non-ASCII letters, invalid UTF-8, runs of
// spaces at either end next to trimmed punctuation; and it appends, leaving
// what dst held.
func TestAppendQuoteKeyMatchesPullQuoteKey(t *testing.T) {
	alphabet := []string{"a", "Z", " ", "\t", "\x00", "\u00a0", "\u0085", "\u3000", "É", "Σ", "\xff", "\xe2\x80",
		".", "…", "\"", "'", "“", "’", "—", "?", "7"}
	r := rand.New(rand.NewSource(11))
	for range 5000 {
		var b strings.Builder
		for range r.Intn(16) {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		s := b.String()
		got := appendQuoteKey([]byte("held|"), s)
		if want := "held|" + pullQuoteKey(s); string(got) != want {
			t.Fatalf("appendQuoteKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// forEachSentenceEnd calls back at exactly the positions sentenceEndAt
// accepts, in decreasing order, on random text of words, marks and quotes.
func TestForEachSentenceEndMatchesRule(t *testing.T) {
	alphabet := []string{"ab", " ", ".", ",", "!", "?", "…", "\"", "'", ")", "’", "—", ",\"", "x"}
	r := rand.New(rand.NewSource(12))
	for range 5000 {
		var b strings.Builder
		for range r.Intn(14) {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		s := b.String()
		var got, want []int
		forEachSentenceEnd(s, func(e int) { got = append(got, e) })
		for e := len(s); e >= 0; e-- {
			if sentenceEndAt(s, e) {
				want = append(want, e)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("forEachSentenceEnd(%q) at %v, want %v", s, got, want)
		}
	}
}
