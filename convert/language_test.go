package convert

import (
	"math/rand"
	"strings"
	"testing"
)

func TestPrintedLanguageWins(t *testing.T) {
	a := &Article{Language: "fr", Headline: "The ferry keeps running",
		Body: []Block{&Paragraph{Content: "The ferry will keep running all winter, the trust said on Monday, and the town is glad of it."}}}
	b := &Article{Headline: a.Headline, Body: a.Body}
	guessLanguages([]*Article{a, b})
	if a.Language != "fr" || b.Language != "en" {
		t.Errorf("printed %q, guessed %q; want fr, en", a.Language, b.Language)
	}
}

// languageSample is the headline and body blocks joined by newlines up to
// guessSampleBytes, as guessLanguages once built it whole, cut after
// guessSampleBytes+1 bytes: guessLanguage gives the same for both, on
// articles of every length, with runes of two and three bytes where the
// cut falls.
func TestLanguageSampleIsPrefixOfWhole(t *testing.T) {
	r := rand.New(rand.NewSource(43))
	words := []string{"the ", "harbour ", "der ", "Hafen ", "été ", "港口", "—", "\n"}
	for range 3000 {
		a := &Article{Headline: randomText(r, words, r.Intn(40))}
		for range r.Intn(6) {
			a.Body = append(a.Body, &Paragraph{Content: randomText(r, words, r.Intn(300))})
		}
		var b strings.Builder
		b.WriteString(a.Headline)
		for _, bl := range a.Body {
			if b.Len() >= guessSampleBytes {
				break
			}
			b.WriteByte('\n')
			b.WriteString(bl.Text())
		}
		whole, sample := b.String(), languageSample(a)
		if sample != whole[:min(len(whole), guessSampleBytes+1)] {
			t.Fatalf("languageSample = %q, want the first %d bytes of %q", sample, guessSampleBytes+1, whole)
		}
		if guessLanguage(sample) != guessLanguage(whole) {
			t.Fatalf("guessLanguage(%q) = %q, whole text %q", sample, guessLanguage(sample), guessLanguage(whole))
		}
	}
}
