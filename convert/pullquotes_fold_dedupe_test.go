package convert

import "testing"

// TestFoldKeyRune: what a pull-quote key makes of a rune above ASCII.
func TestFoldKeyRune(t *testing.T) {
	for r, want := range map[rune]rune{
		'‘': '\'', '’': '\'', '“': '"', '”': '"', '–': '-', '—': '-',
		'É': 'é', 'Ü': 'ü', 'ß': 'ß', '„': '„', // a low quote mark stays
		'\u00a0': ' ', '\u2003': ' ', // spaces (see isSpace)
	} {
		got, isSpace := foldKeyRune(r)
		if isSpace {
			got = ' '
		}
		if got != want {
			t.Errorf("foldKeyRune(%q) = %q (space %v), want %q", r, got, isSpace, want)
		}
	}
}
