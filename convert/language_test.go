package convert

import "testing"

func TestPrintedLanguageWins(t *testing.T) {
	a := &Article{Language: "fr", Headline: "The ferry keeps running",
		Body: []Block{&Paragraph{Content: "The ferry will keep running all winter, the trust said on Monday, and the town is glad of it."}}}
	b := &Article{Headline: a.Headline, Body: a.Body}
	guessLanguages([]*Article{a, b})
	if a.Language != "fr" || b.Language != "en" {
		t.Errorf("printed %q, guessed %q; want fr, en", a.Language, b.Language)
	}
}
