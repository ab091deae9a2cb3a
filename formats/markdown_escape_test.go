package formats

import (
	"bufio"
	"bytes"
	"math/rand"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"newsclip/convert"
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
		"amp", "&amp;", "&#38;", "&#x2F;", "&#;", "&x;", "&#x", "z", "Z", "G", "y9", "é", "\xc1", "\xff", "\x80",
		"\\", "`", "*", "_", "[", "]", "<", ">", "$", "@", "~", "^", "|", "-", "+", "=", ":", "%", "word"}
	r := rand.New(rand.NewSource(1))
	var out bytes.Buffer
	small := bufio.NewWriterSize(&out, 16) // the streaming path, through a buffer smaller than most strings
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
		out.Reset()
		small.Reset(&out)
		writeMarkdownEscaped(small, s)
		if small.Flush(); out.String() != want {
			t.Fatalf("writeMarkdownEscaped(%q) wrote %q, want %q", s, out.String(), want)
		}
		if want != s {
			changed++
		}
	}
	if changed < 50000 {
		t.Errorf("only %d of 200000 strings needed escaping: the test does not exercise the rules", changed)
	}
}

// TestMarkdownHugeBlockStreams checks that a block far larger than the
// writer's buffer is written as it is escaped, not copied whole: a 4 MB
// paragraph allocates well under its own size, and comes out escaped.
func TestMarkdownHugeBlockStreams(t *testing.T) {
	text := strings.Repeat("plain words of a long paragraph, ", 4<<20/32) + "*end*"
	doc := &convert.Document{Articles: []*convert.Article{{Headline: "Huge", Body: []convert.Block{&convert.Paragraph{Content: text}}}}}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var out countingWriter
	if err := WriteMarkdown(&out, []*convert.Document{doc}); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(len(text))/4 {
		t.Errorf("writing a %d-byte paragraph allocated %d bytes", len(text), alloc)
	}
	if want := len(text) + 2 + len("\n\n"); out.n < want || !bytes.HasSuffix(out.tail, []byte("\\*end\\*\n")) {
		t.Errorf("wrote %d bytes ending %q, want over %d ending in the escaped paragraph", out.n, out.tail, want)
	}
}

// countingWriter counts what is written to it and keeps the last bytes.
type countingWriter struct {
	n    int
	tail []byte
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	w.tail = append(w.tail, p...)
	if len(w.tail) > 64 {
		w.tail = append(w.tail[:0], w.tail[len(w.tail)-64:]...)
	}
	return len(p), nil
}
