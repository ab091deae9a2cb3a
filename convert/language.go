package convert

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// languageWords are the most frequent function words of the languages a
// clipping may be guessed to be in (those of the month and weekday tables),
// lower case. A word listed for several languages counts for each.
var languageWords = map[string]string{
	"en": "the and of to in is that for it was with as on he be at by this have from are not but",
	"de": "der die und das ist nicht mit den von zu sich des auf für im dem ein eine auch es wird",
	"fr": "le la les et des est un une du en que qui dans pour pas sur au avec ce il sont",
	"nl": "de het een en van is dat op te in voor niet met zijn er aan ook als bij wordt",
	"es": "el la los las y de que en un una es por con para del se no al lo su como",
	"it": "il la di che e un una per non con del della sono è si da le al nel gli",
	"pt": "o a os as e de que do da em um uma para com não no na por se dos é",
}

// guessLangs are the languages of languageWords, in a fixed order.
var guessLangs = []string{"en", "de", "fr", "nl", "es", "it", "pt"}

// languageOf maps a function word to the languages it belongs to, a bit
// per index of guessLangs.
var languageOf = func() map[string]uint8 {
	m := make(map[string]uint8, 120) // the words of languageWords, less repeats
	for i, lang := range guessLangs {
		for _, w := range strings.Fields(languageWords[lang]) {
			m[w] |= 1 << i
		}
	}
	return m
}()

// maxFunctionWord is the length in bytes of the longest word of
// languageOf: a longer word is none of them.
var maxFunctionWord = func() int {
	n := 0
	for w := range languageOf {
		n = max(n, len(w))
	}
	return n
}()

// Language-guess limits: the guess reads at most guessSampleBytes of text,
// needs at least minGuessLetters letters (or minGuessCJK characters), at least minGuessHits function
// words of the winner, and a winner ahead of the next language by
// guessMargin (hits of the winner over hits of the second, at least).
const (
	guessSampleBytes = 1000
	minGuessLetters  = 40
	minGuessCJK      = 10 // Han and kana characters
	minGuessHits     = 5
	guessMargin      = 1.5
)

// guessLanguage returns the BCP 47 tag of the language text is written in,
// or "" when unsure. Japanese (any kana) and Chinese (Han without kana) are
// told by script; text in Latin script by counting the function words of
// languageWords:
//
//	"Der Hafen bleibt den ganzen Winter offen, und die Fähre ..." -> "de"
//	"港口周一重新开放 ..."                                         -> "zh"
//	"フェリーは冬の間も運航する ..."                                 -> "ja"
func guessLanguage(text string) string {
	if len(text) > guessSampleBytes {
		cut := guessSampleBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if !mayHoldCJK(text) {
		// No kana or Han: scriptLanguage would say "", and only whether
		// there are minGuessLetters letters counts.
		if lettersUpTo(text, minGuessLetters) < minGuessLetters {
			return ""
		}
		return guessByWords(text)
	}
	if lang, letters := scriptLanguage(text); lang != "" || letters < minGuessLetters {
		return lang
	}
	return guessByWords(text)
}

// lettersUpTo counts the letters of text, which holds no kana or Han
// (mayHoldCJK is false), as scriptLanguage counts them (ASCII letters,
// and runes above ASCII that unicode.IsLetter takes), up to most: it
// stops there.
func lettersUpTo(text string, most int) int {
	n := 0
	for i := 0; i < len(text) && n < most; {
		if c := text[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			n++
		}
		i += size
	}
	return n
}

// scriptLanguage tells Japanese (any kana) and Chinese (Han without kana)
// by script, and counts the other letters of text: "" and the count when
// the text is not mostly CJK.
func scriptLanguage(text string) (lang string, letters int) {
	var kana, han int
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				letters++
			}
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsLetter(r):
			letters++
		}
	}
	switch {
	case kana > 0 && kana+han > letters && kana+han >= minGuessCJK:
		return "ja", letters
	case han > letters && han >= minGuessCJK:
		return "zh", letters
	}
	return "", letters
}

// guessByWords counts the function words of each language in text,
// looking each word of up to maxFunctionWord bytes up in functionWords.
func guessByWords(text string) string {
	var hits [8]int
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		if j-i <= maxFunctionWord {
			for langs := functionWords.lookup(packWord(text[i:j])); langs != 0; langs &= langs - 1 {
				hits[bits.TrailingZeros8(langs)]++ // a hit for each language of the word
			}
		}
		i = j
	}
	return bestLanguage(&hits)
}

// bestLanguage returns the language of guessLangs with the most hits, when
// it has minGuessHits and guessMargin times as many as the next; else "".
func bestLanguage(hits *[8]int) string {
	best, second := 0, 0
	for l := 1; l < len(guessLangs); l++ {
		switch {
		case hits[l] > hits[best]:
			best, second = l, hits[best]
		case hits[l] > second:
			second = hits[l]
		}
	}
	if hits[best] < minGuessHits || float64(hits[best]) < guessMargin*float64(second) {
		return ""
	}
	return guessLangs[best]
}

// packWord packs w (1 to 8 bytes, none of them NUL, as no byte of a word
// is: isWordByte) into a little-endian word, its ASCII letters lower
// case: a different word for each lower-cased w, and never 0.
func packWord(w string) uint64 {
	var x uint64
	for k := len(w) - 1; k >= 0; k-- {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		x = x<<8 | uint64(c)
	}
	return x
}

// functionWords is languageOf keyed by packWord, for guessByWords: one
// multiplication and a probe or two a word, where the map hashes a
// string. It needs every word of languageOf to be 8 bytes at most.
var functionWords = func() *wordTable {
	t := new(wordTable)
	for w, bits := range languageOf {
		t.add(packWord(w), bits)
	}
	return t
}()

// A wordTable maps packed words to their languages' bits, by open
// addressing in 512 slots (languageOf has some 150 words); key 0 marks an
// empty slot.
type wordTable [512]struct {
	key  uint64
	bits uint8
}

// slot returns the slot of key: its own, or the empty one it would take.
func (t *wordTable) slot(key uint64) int {
	i := int(key * 0x9E3779B97F4A7C15 >> 55)
	for t[i].key != key && t[i].key != 0 {
		i = (i + 1) % len(t)
	}
	return i
}

func (t *wordTable) add(key uint64, bits uint8) {
	i := t.slot(key)
	t[i].key, t[i].bits = key, bits
}

// lookup returns the bits of key, 0 when it is none of the words.
func (t *wordTable) lookup(key uint64) uint8 { return t[t.slot(key)].bits }

// isWordByte: a byte of a word, ASCII letters and the bytes of non-ASCII
// letters (accented function words such as "für", "è", "não").
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

// guessLanguages sets the language of the articles that do not print one,
// from their headline and body. A printed language wins, unless the
// headline and first paragraph are in a script it is not written in (see
// scriptOverrides).
func guessLanguages(arts []*Article) {
	for _, a := range arts {
		if a.Language != "" {
			a.Language = scriptOverrides(a)
			continue
		}
		var room [guessSampleBytes + 1]byte // the sample, on the stack
		sample := appendLanguageSample(room[:0], a)
		a.Language = guessLanguage(unsafe.String(unsafe.SliceData(sample), len(sample)))
	}
}

// languageSample returns the text guessLanguage reads of a: the headline,
// then the body blocks, a newline before each, until guessSampleBytes are
// reached. Past guessSampleBytes+1 bytes it is cut short, since
// guessLanguage reads no further (the byte at guessSampleBytes only tells
// where a rune starts).
func languageSample(a *Article) string {
	return string(appendLanguageSample(make([]byte, 0, guessSampleBytes+1), a))
}

// appendLanguageSample appends languageSample(a) to dst, which has room
// for guessSampleBytes+1 bytes (guessLanguages' is on its stack).
func appendLanguageSample(dst []byte, a *Article) []byte {
	add := func(s string) {
		if room := guessSampleBytes + 1 - len(dst); room > 0 {
			dst = append(dst, s[:min(len(s), room)]...)
		}
	}
	add(a.Headline)
	for _, bl := range a.Body {
		if len(dst) >= guessSampleBytes {
			break
		}
		add("\n")
		add(bl.Text())
	}
	return dst
}

// scriptOverrides returns the article's language, or the one its script
// shows when the printed one cannot be right: a PressReader catalogue
// footer "Newspapers in English" under a Chinese article gives "en", the
// Han headline and opening paragraph say "zh". Only the headline and the
// first block are read.
func scriptOverrides(a *Article) string {
	if !mayHoldCJK(a.Headline) && (len(a.Body) == 0 || !mayHoldCJK(a.Body[0].Text())) {
		return a.Language // no kana or Han: scriptLanguage says ""
	}
	text := a.Headline
	if len(a.Body) > 0 {
		text += "\n" + a.Body[0].Text()
	}
	lang, _ := scriptLanguage(text)
	if lang == "" || a.Language == lang || strings.HasPrefix(a.Language, lang+"-") {
		return a.Language
	}
	return lang
}

// mayHoldCJK is the cheap test before scriptLanguage counts kana and Han:
// s holds a rune of U+2E80 or more, as every rune of those scripts is,
// whose UTF-8 begins with a byte of 0xE3 or more, or with 0xE2 0xBA-0xBF.
// Text without one is no Japanese or Chinese; typographic quotes and dashes
// (U+2010-U+201F) are below. Runs of ASCII are skipped sixteen bytes a
// step, before and after other runes.
func mayHoldCJK(s string) bool {
	i := 0
	for ; i+16 <= len(s); i += 16 {
		if w := s[i : i+16]; (load64(w, 0)|load64(w, 8))&highs == 0 {
			continue // sixteen ASCII bytes, with one bounds check
		}
		for k := i; k < i+16; k++ {
			if cjkLeadAt(s, k) {
				return true
			}
		}
	}
	for ; i < len(s); i++ {
		if cjkLeadAt(s, i) {
			return true
		}
	}
	return false
}

// cjkLeadAt reports whether s[i] begins the UTF-8 of a rune of U+2E80 or
// more, as mayHoldCJK looks for: a byte of 0xE3 or more, or 0xE2 before
// 0xBA-0xBF.
func cjkLeadAt(s string, i int) bool {
	c := s[i]
	return c >= 0xE3 || c == 0xE2 && i+1 < len(s) && s[i+1] >= 0xBA
}
