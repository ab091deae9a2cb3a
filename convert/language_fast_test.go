package convert

import (
	"math/rand"
	"strings"
	"testing"
)

// guessLanguagePlain is guessLanguage as it was written before its fast
// paths: scriptLanguage over the whole sample, then the function words
// counted through the languageOf map (and weighed by bestLanguage).
func guessLanguagePlain(text string) string {
	if len(text) > guessSampleBytes {
		cut := guessSampleBytes
		for cut > 0 && !utf8RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if lang, letters := scriptLanguage(text); lang != "" || letters < minGuessLetters {
		return lang
	}
	var hits [8]int
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r < 0x80 && !isWordByte(byte(r)) }) {
		for l := range guessLangs {
			if languageOf[asciiLowerPlain(w)]&(1<<l) != 0 {
				hits[l]++
			}
		}
	}
	return bestLanguage(&hits)
}

func utf8RuneStart(c byte) bool { return c&0xC0 != 0x80 }

// asciiLowerPlain lower-cases the ASCII letters of s only.
func asciiLowerPlain(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// languagePieces are the pieces of random samples: function words of
// every language in every case, other words, accented and invalid bytes,
// separators, kana and Han, and the typographic marks mayHoldCJK passes.
var languagePieces = []string{"the ", "THE ", "The ", "and ", "der ", "DIE ", "und ", "le ", "les ", "et ",
	"het ", "een ", "el ", "los ", "y ", "il ", "della ", "è ", "não ", "für ", "Für ", "é ", "harbour ",
	"ferry ", "Hafen ", "fähre ", ", ", ". ", "\n", "—", "“", "”", "’", "\xff", "\xc3", "7 ", "\u00a0",
	"x", "thee ", "andd ", "dela ", "港口", "フェリー", "の", "\u2e80"} // kana and Han last (latinPieces)

// cjkPieces make samples of kana or Han, with some Latin text, in any
// order.
var cjkPieces = []string{"港口", "フェリー", "の", "は", "冬", "运营", "the ", "Tokyo ", ", ", "。", "\n",
	"2021/01/11 08:00 — ", "— — — "}

// latinPieces are languagePieces without kana and Han.
var latinPieces = languagePieces[:len(languagePieces)-4]

// guessLanguage, which skips scriptLanguage on text without kana or Han
// and looks words up in functionWords, guesses as the plain way does on
// these samples and on random ones.
func TestGuessLanguageFastIsPlain(t *testing.T) {
	rows(t, "guessLanguage", guessLanguage, map[string]string{
		"Der Hafen bleibt den ganzen Winter offen, und die Fähre fährt auch im Januar, sagt der Bürgermeister.": "de",
		"The ferry will keep running all winter, the trust said on Monday, and it is the town that is glad.":    "en",
		"港口周一重新开放，市政府表示，港口将于周一重新开放，渡轮恢复运营。":                                                                     "zh",
		"フェリーは冬の間も運航する。港は冬の間も開いている。":                                                                            "ja",
		"Short": "",
		"Tokyo: フェリーは冬の間も運航する。":                                                 "ja",
		"2021/01/11 08:00 — 2021/01/11 09:30 — — — 2021/01/12 — 港口周一重新开放渡轮恢复运营": "zh", // Han after a long run without letters
		"THE AND OF TO IN IS THAT FOR IT WAS WITH AS ON HE BE AT BY":            "en",
	})
	r := rand.New(rand.NewSource(83))
	sameOnRandom[string]{
		name: "guessLanguage", plain: "scriptLanguage and the languageOf map",
		fast: guessLanguage, slow: guessLanguagePlain,
		hit:   func(lang string) bool { return lang != "" },
		least: 400,
	}.check(t, 3000, func() string {
		if r.Intn(2) == 0 {
			return randomText(r, languagePieces, r.Intn(300))
		}
		return randomText(r, cjkPieces, r.Intn(40))
	})
}

// lettersUpTo counts as scriptLanguage does, up to its limit, on text
// without kana or Han.
func TestLettersUpToCountsAsScriptLanguage(t *testing.T) {
	r := rand.New(rand.NewSource(84))
	sameOnRandom[int]{
		name: "lettersUpTo", plain: "scriptLanguage's count",
		fast:  func(s string) int { return lettersUpTo(s, minGuessLetters) },
		slow:  func(s string) int { _, n := scriptLanguage(s); return min(n, minGuessLetters) },
		hit:   func(n int) bool { return n > 0 && n < minGuessLetters },
		least: 500,
	}.check(t, 5000, func() string { return randomText(r, latinPieces, r.Intn(30)) })
}

// functionWords holds every word of languageOf with its bits (so no word
// is longer than packWord packs) and finds none of the other words.
func TestFunctionWordsIsLanguageOf(t *testing.T) {
	for w, bits := range languageOf {
		if len(w) > 8 || len(w) > maxFunctionWord {
			t.Fatalf("function word %q: %d bytes, longer than packWord packs", w, len(w))
		}
		upper := strings.Map(func(r rune) rune { // ASCII letters only, as guessByWords folds them
			if 'a' <= r && r <= 'z' {
				return r - 'a' + 'A'
			}
			return r
		}, w)
		for _, v := range []string{w, upper, upper[:1] + w[1:]} {
			if got := functionWords.lookup(packWord(v)); got != bits {
				t.Errorf("functionWords(%q) = %b, languageOf %b", v, got, bits)
			}
		}
	}
	for _, w := range []string{"a", "th", "thee", "ferry", "Hafen", "fü", "x\xff", "della\xc3"[:5]} {
		if got, want := functionWords.lookup(packWord(w)), languageOf[asciiLowerPlain(w)]; got != want {
			t.Errorf("functionWords(%q) = %b, languageOf %b", w, got, want)
		}
	}
}
