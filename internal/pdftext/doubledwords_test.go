package pdftext

import (
	"strings"
	"testing"

	"newsclip/internal/pdfgen"
)

// TestDoubledWords: a string of words drawn twice at one place reads once;
// the same word elsewhere, or further on than the window, stays.
func TestDoubledWords(t *testing.T) {
	at := func(text string, x, y float64) word {
		return word{x0: x, x1: x + 6*float64(len(text)), y: y, size: 10, text: text}
	}
	label := []word{at("Municipalité", 100, 500), at("de", 180, 500), at("Saint-Sauveur", 196, 500)}
	many := func(n int) []word {
		var ws []word
		for i := range n {
			ws = append(ws, at("lac", 50*float64(i), 300))
		}
		return ws
	}
	for _, c := range []struct {
		what string
		in   []word
		want string
	}{
		{"halo, then fill", append(append([]word{}, label...), label...), "Municipalité de Saint-Sauveur"},
		{"drawn again a little to the side", append(append([]word{}, label...), at("Municipalité", 101.5, 500.5)), "Municipalité de Saint-Sauveur"},
		{"the same word elsewhere on the line", []word{at("de", 100, 500), at("de", 130, 500)}, "de de"},
		{"the same word on the next line", []word{at("de", 100, 500), at("de", 100, 488)}, "de de"},
		{"the same place, another word", []word{at("Lac", 100, 500), at("Tor", 100, 500)}, "Lac Tor"},
		{"the first copy nine words back", append(append([]word{at("Breton", 0, 100)}, many(8)...), at("Breton", 0, 100)), "Breton" + strings.Repeat(" lac", 8) + " Breton"},
		{"none", nil, ""},
	} {
		var got []string
		for _, w := range doubledWords(c.in) {
			got = append(got, w.text)
		}
		if s := strings.Join(got, " "); s != c.want {
			t.Errorf("%s: %q, want %q", c.what, s, c.want)
		}
	}
}

// TestStringDrawnTwiceReadsOnce: a line drawn twice at one place, as two
// strings (too long for dedupeFakeBold's eight glyphs), reads once.
func TestStringDrawnTwiceReadsOnce(t *testing.T) {
	line := "BT /F1 12 Tf 72 700 Td (Municipality of Saint-Sauveur) Tj ET\n"
	content := "1 g " + line + "0 g " + line + "BT /F1 12 Tf 72 680 Td (Lake Breton) Tj ET\n"
	got := extractInTime(t, pdfgen.BuildRaw([]string{content}, ""), "a line drawn twice")
	if strings.Count(got, "Municipality of Saint-Sauveur") != 1 || !strings.Contains(got, "Lake Breton") {
		t.Errorf("read %q, want the line once, then Lake Breton", got)
	}
}
