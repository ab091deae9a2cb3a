package convert

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCorpusFastRulesAgree checks the fast forms of this area's rules
// against their plain forms on any text: runeCount against
// utf8.RuneCountInString, isBlank against TrimSpace, trimmedLen against
// TrimRight, isDocMarker against its plain rule, cleanSpaces against
// Fields and Join, guessLanguage against its plain way, lettersUpTo
// against scriptLanguage's count where mayHoldCJK says there is no kana
// or Han, collapseSpacesCounted against the words between ASCII white
// space joined by one space, mayBeBullet against bulletRE (it lets every
// match through) and isFooterName against its rune-by-rune form.
func FuzzCorpusFastRulesAgree(f *testing.F) {
	for _, s := range []string{"", "The ferry runs.", "“Yes,” he said…’ ", " \t\u00a0\u0085", "Fähre \xff\xe2\x80",
		"港口周一重新开放", "Tokyo: フェリーは冬の間も運航する。", "Der Hafen bleibt den ganzen Winter offen, und die Fähre fährt.", " 1 of 10 DOCUMENTS",
		"The ferry runs all winter long  on the north route, said the mayor", "\f• Item", "United Kingdom"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
		if got, want := isBlank(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("isBlank(%q) = %v, want %v", s, got, want)
		}
		if got, want := trimmedLen(s), len(strings.TrimRight(s, closingMarks)); got != want {
			t.Errorf("trimmedLen(%q) = %d, want %d", s, got, want)
		}
		if got, want := isDocMarker(s), isDocMarkerPlain(s); got != want {
			t.Errorf("isDocMarker(%q) = %v, want %v", s, got, want)
		}
		if got, want := cleanSpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("cleanSpaces(%q) = %q, want %q", s, got, want)
		}
		if got, want := guessLanguage(s), guessLanguagePlain(s); got != want {
			t.Errorf("guessLanguage(%q) = %q, the plain way %q", s, got, want)
		}
		words := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" \t\n\r\v\f", r) })
		if got, n := collapseSpacesCounted(s); got != strings.Join(words, " ") || n != max(len(words)-1, 0) {
			t.Errorf("collapseSpacesCounted(%q) = %q, %d; want %q, %d", s, got, n, strings.Join(words, " "), max(len(words)-1, 0))
		}
		if !mayBeBullet(s) && bulletRE.MatchString(s) {
			t.Errorf("mayBeBullet(%q) = false; bulletRE matches", s)
		}
		if got, want := isFooterName(s), plainIsFooterName(s); got != want {
			t.Errorf("isFooterName(%q) = %v, want %v", s, got, want)
		}
		if !mayHoldCJK(s) {
			_, n := scriptLanguage(s)
			if got, want := lettersUpTo(s, minGuessLetters), min(n, minGuessLetters); got != want {
				t.Errorf("lettersUpTo(%q) = %d, scriptLanguage counts %d", s, got, want)
			}
		}
	})
}
