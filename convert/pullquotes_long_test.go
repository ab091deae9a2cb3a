package convert

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// findPullQuotes agrees with the rule isPullQuoteOf states, checked pair by
// pair (the quadratic way) on random articles whose paragraphs repeat
// pieces of one another: whole sentences, runs of them, mid-sentence
// spans, quoted speech, different case and typographic quotes.
func TestFindPullQuotesMatchesRule(t *testing.T) {
	words := strings.Fields("the ferry mayor said council would run all winter long harbour town vote")
	r := rand.New(rand.NewSource(3))
	sentence := func() string {
		n := 4 + r.Intn(12)
		w := make([]string, n)
		for i := range w {
			w[i] = words[r.Intn(len(words))]
		}
		s := strings.ToUpper(w[0][:1]) + strings.Join(w, " ")[1:]
		switch r.Intn(5) {
		case 0:
			return "“" + s + ",” she said."
		case 1:
			return "\"" + s + "!\""
		}
		return s + "."
	}
	for round := 0; round < 300; round++ {
		paras := randomParas(r, 2+r.Intn(8), 4, sentence)
		for range r.Intn(4) { // repeats of pieces of earlier paragraphs
			q := randomSpan(r, paras)
			if r.Intn(3) == 0 {
				q = strings.ToUpper(q)
			}
			paras = append(paras, q)
		}
		texts := bodyTextsOf(paras...)
		got := findPullQuotes(texts)
		for i := range texts {
			want := false
			ki := pullQuoteKey(texts[i].text)
			if texts[i].words >= 6 && texts[i].words <= 80 && len(strings.TrimRight(texts[i].text, "\"'“”’.,;:!?… ")) >= 12 && isPullQuoteCandidate(ki) {
				for j := range texts {
					if j != i && isPullQuoteOf(ki, pullQuoteKey(texts[j].text)) {
						want = true
					}
				}
			}
			if got[i] != want {
				t.Fatalf("round %d, paragraph %d %q: pull quote %v, want %v\narticle: %q", round, i, texts[i].text, got[i], want, paras)
			}
		}
	}
}

// A pull quote in a long document (20,000 paragraphs, past the old limit
// of 2,000) is found, whether its source comes before or after it, and the
// paragraphs that merely share its last words are not taken.
func TestFindPullQuotesLongDocument(t *testing.T) {
	var paras []string
	for i := range 20000 {
		paras = append(paras, fmt.Sprintf("Paragraph %d of the report says the ferry will keep running all winter long. The council agreed on it.", i))
	}
	quote := "The harbour board will decide the tram timetable in the spring"
	paras[15000] = "Officials met on Monday. " + quote + ". Nobody objected."
	paras = append(paras[:100], append([]string{"“" + quote + "”"}, paras[100:]...)...)
	paras = append(paras, "Board will decide the tram timetable in the spring") // too short to start mid-sentence
	got := findPullQuotes(bodyTextsOf(paras...))
	var marked []int
	for i, m := range got {
		if m {
			marked = append(marked, i)
		}
	}
	if len(marked) != 1 || marked[0] != 100 {
		t.Errorf("pull quotes at %v, want [100]", marked)
	}
}

// BenchmarkFindPullQuotes times the search on articles of 1,000 and 10,000
// paragraphs that all end alike: MB/s and x-sha256 should stay flat.
func BenchmarkFindPullQuotes1000(b *testing.B)  { benchPullQuotes(b, 1000) }
func BenchmarkFindPullQuotes10000(b *testing.B) { benchPullQuotes(b, 10000) }

func benchPullQuotes(b *testing.B, n int) {
	var paras []string
	for i := range n {
		paras = append(paras, fmt.Sprintf("Paragraph %d says the ferry will keep running all winter, the mayor said. \"It will,\" he said.", i))
	}
	texts := bodyTextsOf(paras...)
	ref := startRef(b)
	for b.Loop() {
		findPullQuotes(texts)
	}
	ref.SHA256([]byte(strings.Join(paras, "\n")))
}

// quoteKeys gives pullQuoteKey's result for every text: ASCII ones by its
// own fast copy, the others through pullQuoteKey.
func TestQuoteKeysMatchPullQuoteKey(t *testing.T) {
	texts := []string{
		"", " ", "\"Quoted,\" he said.", "  Two  spaces\tand\ttabs \n", "UPPER and lower!",
		"“Curly” quotes — and dashes…", "...", "'Single' quotes?!", "Ends with a space ",
		"Café au lait.", "\"", "a", "Mixed “ASCII” then ascii",
	}
	r := rand.New(rand.NewSource(5))
	alphabet := []string{"a", "B", " ", "  ", "\t", ".", ",", "\"", "'", "?", "…", "é", "“", "—", "z", "Q"}
	for range 2000 {
		texts = append(texts, randomText(r, alphabet, r.Intn(12)))
	}
	keys := quoteKeys(bodyTextsOf(texts...))
	for i, s := range texts {
		if want := pullQuoteKey(s); keys[i] != want {
			t.Errorf("quoteKeys(%q) = %q, want %q", s, keys[i], want)
		}
	}
}
