package convert

import (
	"testing"
	"unicode"
)

func TestScriptOverrides(t *testing.T) {
	para := func(s string) []Block { return []Block{&Paragraph{Content: s}} }
	rows := []struct {
		printed, headline, first, want string
	}{
		{"en", "港口周一重新开放 渡轮恢复运营", "市政府表示，港口将于周一重新开放。", "zh"}, // catalogue label under Chinese
		{"en", "フェリーは冬の間も運航する", "港は冬の間も開いている。", "ja"},
		{"zh-TW", "港口周一重新開放 渡輪恢復運營", "市政府表示，港口將於周一重新開放。", "zh-TW"}, // a more precise tag stays
		{"en", "Harbour reopens on Monday", "The ferry runs again from Monday.", "en"},
		{"de", "Hafen öffnet am Montag", "Die Fähre fährt wieder.", "de"},
		{"en", "Tokyo: 東京", "The ferry to 東京 runs again from Monday, the council said.", "en"}, // a few Han in English text
	}
	for _, r := range rows {
		a := &Article{Language: r.printed, Headline: r.headline, Body: para(r.first)}
		if got := scriptOverrides(a); got != r.want {
			t.Errorf("printed %s, %q: language %q, want %q", r.printed, r.headline, got, r.want)
		}
	}
}

// mayHoldCJK finds every rune that scriptLanguage counts as kana or Han,
// alone or after other text, and none in text in Latin script with
// typographic quotes and dashes.
func TestMayHoldCJK(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) {
			n++
			if s := string(r); !mayHoldCJK(s) || !mayHoldCJK("Harbour news: "+s) {
				t.Fatalf("mayHoldCJK(%q) = false for %U", s, r)
			}
		}
	}
	if n < 1000 {
		t.Errorf("%d kana and Han runes: too few", n)
	}
	for _, s := range []string{"", "Harbour", "Der Hafen bleibt den ganzen Winter offen, und die Fähre fährt – “immer”.", "Ça va"} {
		if mayHoldCJK(s) {
			t.Errorf("mayHoldCJK(%q) = true", s)
		}
	}
}
