package convert

import "testing"

func TestGuessLanguage(t *testing.T) {
	rows(t, "guessLanguage", guessLanguage, map[string]string{
		"The ferry will keep running all winter, the trust said on Monday, and the town is glad of it.":                                "en",
		"Die Fähre fährt den ganzen Winter, sagte der Verein am Montag, und die Stadt ist froh, dass es nicht anders kommt.":           "de",
		"Le bac continuera de circuler tout l'hiver, a dit la fondation, et les habitants sont contents pour la ville.":                "fr",
		"De veerboot blijft de hele winter varen, zei de stichting, en het dorp is er blij mee omdat het niet anders kan.":             "nl",
		"El ferry seguirá funcionando todo el invierno, dijo la fundación, y los vecinos están contentos con la decisión del puerto.":  "es",
		"Il traghetto continuerà a funzionare per tutto l'inverno, ha detto la fondazione, e gli abitanti sono contenti della scelta.": "it",
		"O ferry vai continuar a funcionar durante todo o inverno, disse a fundação, e os moradores não estão tristes com a decisão.":  "pt",
		"港口周一重新开放，渡轮将在整个冬季继续运营，当地居民对此表示欢迎。":                                                                                            "zh",
		"フェリーは冬の間も運航を続けると、財団は月曜日に発表した。住民は喜んでいる。":                                                                                       "ja",
		"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.":                                   "", // none of ours
		"Ferry": "", // too short to tell
		"":      "",
	})
}

func TestPrintedLanguageWins(t *testing.T) {
	a := &Article{Language: "fr", Headline: "The ferry keeps running",
		Body: []Block{&Paragraph{Content: "The ferry will keep running all winter, the trust said on Monday, and the town is glad of it."}}}
	b := &Article{Headline: a.Headline, Body: a.Body}
	guessLanguages([]*Article{a, b})
	if a.Language != "fr" || b.Language != "en" {
		t.Errorf("printed %q, guessed %q; want fr, en", a.Language, b.Language)
	}
}
