package formats

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// escapeMarkdownRegexp is EscapeMarkdown as it was first written, with a
// strings.Replacer and two regular expressions: the reference that the
// one-pass form must match.
func escapeMarkdownRegexp(s string) string {
	s = refInline.Replace(s)
	if strings.IndexByte(s, '&') >= 0 {
		s = refEntity.ReplaceAllString(s, `\&$1;`)
	}
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		if m := refOrdered.FindStringSubmatchIndex(s); m != nil {
			s = s[:m[3]] + `\` + s[m[4]:]
		}
	}
	if s != "" && strings.ContainsRune("#-+=:%", rune(s[0])) {
		s = `\` + s
	}
	return s
}

var (
	refInline = strings.NewReplacer(
		`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
		`<`, `\<`, `>`, `\>`, `$`, `\$`, `@`, `\@`, `~`, `\~`, `^`, `\^`, `|`, `\|`,
	)
	refEntity  = regexp.MustCompile(`&([A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);`)
	refOrdered = regexp.MustCompile(`^(\d{1,9})([.)])(\s|$)`)
)

// TestEscapeMarkdownMatchesRegexp compares EscapeMarkdown with the
// reference on random strings over the characters the rules look at:
// markup, entity references, list markers, block starts.
func TestEscapeMarkdownMatchesRegexp(t *testing.T) {
	pieces := []string{"0", "7", "12", "1234567890", ".", ")", " ", "\t", "\n", "\f", "\r", "\v", "&", "#", ";", "x", "X", "a", "F", "g",
		"amp", "&amp;", "&#38;", "&#x2F;", "&#;", "&x;", "é", "\\", "`", "*", "_", "[", "]", "<", ">", "$", "@", "~", "^", "|",
		"-", "+", "=", ":", "%", "word"}
	r := rand.New(rand.NewSource(1))
	changed := 0
	for range 200000 {
		var b strings.Builder
		for n := r.Intn(16); n >= 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		want := escapeMarkdownRegexp(s)
		if got := EscapeMarkdown(s); got != want {
			t.Fatalf("EscapeMarkdown(%q) = %q, want %q", s, got, want)
		}
		if want != s {
			changed++
		}
	}
	if changed < 50000 {
		t.Errorf("only %d of 200000 strings needed escaping: the test does not exercise the rules", changed)
	}
}
