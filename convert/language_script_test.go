package convert

import "testing"

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
