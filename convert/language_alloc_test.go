package convert

import (
	"strings"
	"testing"
)

// guessLanguages reads an article's sample from its own stack: guessing
// the language of a long article allocates nothing, and gives what
// guessLanguage gives for languageSample.
func TestGuessLanguagesAllocatesNothing(t *testing.T) {
	para := strings.Repeat("The council said that the ferry will run again from Monday and that the harbour wall is safe. ", 12)
	a := &Article{Headline: "Ferry back in service", Body: []Block{&Paragraph{Content: para}, &Paragraph{Content: para}}}
	want := guessLanguage(languageSample(a))
	if want != "en" {
		t.Fatalf("guessLanguage of the sample: %q, want en", want)
	}
	arts := []*Article{a}
	n := testing.AllocsPerRun(50, func() {
		a.Language = ""
		guessLanguages(arts)
	})
	if a.Language != want || n != 0 {
		t.Errorf("guessLanguages: %q with %v allocations, want %q with none", a.Language, n, want)
	}
}
