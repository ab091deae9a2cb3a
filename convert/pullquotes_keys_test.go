package convert

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// appendQuoteKey gives pullQuoteKey's result on text mixing the cases its
// fast paths (words of eight plain bytes, runs of plain bytes) leave to the
// slow one: NUL, non-ASCII spaces (no-break, next line, ideographic),
// upper-case non-ASCII letters, invalid UTF-8, runs of spaces within and
// across words of eight, at either end next to trimmed punctuation, the
// bytes next to 'A' and 'Z'; and it appends, leaving what dst held.
func TestAppendQuoteKeyMatchesPullQuoteKey(t *testing.T) {
	alphabet := []string{"a", "Z", " ", "\t", "\x00", "\u00a0", "\u0085", "\u3000", "É", "Σ", "\xff", "\xe2\x80",
		".", "…", "\"", "'", "“", "’", "—", "?", "7", "Harbour", "FERRY ", " the mayor said ", "!", "[", "@", "`", "{", "\x7f"}
	r := rand.New(rand.NewSource(11))
	for range 20000 {
		s := randomText(r, alphabet, r.Intn(40))
		got := appendQuoteKey([]byte("held|"), s)
		if want := "held|" + pullQuoteKey(s); string(got) != want {
			t.Fatalf("appendQuoteKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// forEachSentenceEnd calls back at exactly the positions from lo on that
// sentenceEndAt accepts, in decreasing order, on random text of words,
// marks and quotes.
func TestForEachSentenceEndMatchesRule(t *testing.T) {
	alphabet := []string{"ab", " ", ".", ",", "!", "?", "…", "\"", "'", ")", "’", "—", ",\"", "x"}
	r := rand.New(rand.NewSource(12))
	for range 5000 {
		s := randomText(r, alphabet, r.Intn(14))
		var got, want []int
		lo := r.Intn(len(s)+2) - 1
		forEachSentenceEnd(s, lo, func(e int) { got = append(got, e) })
		for e := len(s); e >= max(lo, 0); e-- {
			if sentenceEndAt(s, e) {
				want = append(want, e)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("forEachSentenceEnd(%q, %d) at %v, want %v", s, lo, got, want)
		}
	}
}

// The pairwise search findPullQuotes uses for short articles and the
// index it uses for long ones mark the same paragraphs, on random articles
// of 2 to 30 paragraphs that repeat whole sentences, runs of them and
// mid-sentence spans of one another, in other case and quotes.
func TestPairwisePullQuotesMatchIndex(t *testing.T) {
	words := strings.Fields("the ferry mayor said council would run all winter long harbour town vote")
	r := rand.New(rand.NewSource(19))
	sentence := func() string {
		w := make([]string, 3+r.Intn(14))
		for i := range w {
			w[i] = words[r.Intn(len(words))]
		}
		s := strings.Join(w, " ")
		switch r.Intn(4) {
		case 0:
			return "“" + s + ",” she said."
		case 1:
			return strings.ToUpper(s[:1]) + s[1:] + "!"
		}
		return s + "."
	}
	marked := 0
	for round := 0; round < 1000; round++ {
		paras := randomParas(r, 1+r.Intn(20), 3, sentence)
		for range 1 + r.Intn(8) {
			q := randomSpan(r, paras)
			if r.Intn(3) == 0 {
				q = "\"" + strings.ToUpper(q) + "\""
			}
			paras = append(paras, q)
		}
		texts := bodyTextsOf(paras...)
		keys := quoteKeys(texts)
		pair, index := make([]bool, len(texts)), make([]bool, len(texts))
		pairwisePullQuotes(texts, keys, pair)
		indexPullQuotes(texts, keys, index)
		for i := range texts {
			if pair[i] != index[i] {
				t.Fatalf("round %d, paragraph %q: pairwise %v, index %v\narticle: %q", round, texts[i].text, pair[i], index[i], paras)
			}
			if pair[i] {
				marked++
			}
		}
	}
	if marked < 100 {
		t.Errorf("%d pull quotes in 1,000 articles: too few to compare the searches", marked)
	}
}

// trimQuoteKey trims as bytes.Trim with quoteKeyTrim does, also around
// invalid UTF-8 and broken ellipses.
func TestTrimQuoteKeyMatchesTrim(t *testing.T) {
	pieces := []string{".", "…", "\"", "'", " ", "?", "a", "\xe2", "\x80\xa6", "\xa6", "é", "!", ";"}
	r := rand.New(rand.NewSource(47))
	for range 20000 {
		s := []byte(randomText(r, pieces, r.Intn(8)))
		if got, want := trimQuoteKey(s), bytes.Trim(s, quoteKeyTrim); string(got) != string(want) {
			t.Fatalf("trimQuoteKey(%q) = %q, want %q", s, got, want)
		}
	}
}
