package rtf

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// readCases are small documents written for these tests, with the text
// Read must give (paragraphs joined by "\n").
var readCases = []struct{ name, in, want string }{
	{"paragraphs", `{\rtf1\ansi First\par Second\par}`, "First\nSecond"},
	{"line and tab", `{\rtf1 a\line b\tab c}`, "a\nb\tc"},
	{"escaped braces", `{\rtf1 a\{b\}c\\d}`, `a{b}c\d`},
	{"control word ends at a space", `{\rtf1 \b bold\b0  plain}`, "bold plain"},
	{"hex in cp1252", `{\rtf1\ansi caf\'e9 \'80 5}`, "café € 5"},
	{"hex in ansicpg 1251", `{\rtf1\ansi\ansicpg1251 \'cc\'e8\'f0}`, "Мир"},
	{"hex in a font's charset", `{\rtf1\ansi{\fonttbl{\f0 Arial;}{\f1\fcharset204 Arial Cyr;}}\f0 a \f1\'e0\f0  \'e0}`, "a а à"},
	{"hex in shift-jis", `{\rtf1\ansi\ansicpg932 \'82\'a0}`, "あ"},
	{"mac code page", `{\rtf1\mac \'8a}`, "ä"},
	{"u with one fallback", `{\rtf1 \u252?ber}`, "über"},
	{"u with uc0", `{\rtf1\uc0 \u252 ber}`, "über"},
	{"u with uc2 and hex fallback", `{\rtf1\uc2 x\u8212\'97\'97y}`, "x—y"},
	{"uc is scoped to its group", `{\rtf1{\uc2 \u228 ab}\u246 cd}`, "äöd"},
	{"negative u", `{\rtf1 \u-3913?}`, "\uf0b7"},
	{"surrogate pair", `{\rtf1 \u-10179?\u-8704?}`, "😀"},
	{"fallback ends at a group", `{\rtf1 {\u228}x}`, "äx"},
	{"fallback skips a control word", `{\rtf1 \u8220\ldblquote x}`, "“x"},
	{"ignorable destination", `{\rtf1 a{\*\generator Writer 1.0;}b}`, "ab"},
	{"tables of fonts colours styles", `{\rtf1{\fonttbl{\f0\fswiss Helvetica;}}{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}Text}`, "Text"},
	{"info", `{\rtf1{\info{\title T}{\author A}}Text}`, "Text"},
	{"picture", `{\rtf1 a{\pict\pngblip 89504e47}b}`, "ab"},
	{"header and footer", `{\rtf1{\header Page head\par}{\footer Page foot\par}Body}`, "Body"},
	{"field result kept", `{\rtf1 see {\field{\*\fldinst HYPERLINK "http://x"}{\fldrslt the site}}.}`, "see the site."},
	{"special characters", `{\rtf1 a\~b co\-op x\_y \emdash \endash \lquote q\rquote  \ldblquote d\rdblquote \bullet}`, "a\u00a0b coop x-y —–‘q’ “d”•"},
	{"table", `{\rtf1\trowd\cellx1000\cellx2000 Name\cell Value\cell\row\trowd\cellx1000 One\cell\row After\par}`, "Name\tValue\nOne\nAfter"},
	{"binary data skipped", `{\rtf1 a\bin3 {}}b}`, "ab"},
	{"hidden text", `{\rtf1 shown{\v hidden} too}`, "shown too"},
	{"raw utf-8", "{\\rtf1 Gr\xc3\xbc\xc3\x9fe \\u252 \xc3\xbc}", "Grüße ü"},
	{"raw cp1252", "{\\rtf1 Gr\xfc\xdfe}", "Grüße"},
	{"section and page breaks", `{\rtf1 a\sect b\page c}`, "a\nb\nc"},
	{"text after the document", `{\rtf1 in}out`, "in"},
	{"unbalanced", `}}{\rtf1 a{b`, "ab"},
	{"final par is no paragraph", `{\rtf1 a\par\par b\par}`, "a\n\nb"},
}

func TestRead(t *testing.T) {
	for _, tc := range readCases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Text(); got != tc.want {
				t.Errorf("Read(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestReadHints(t *testing.T) {
	in := `{\rtf1\ansicpg1250 {\b\fs32 Headline here}\par Body {\b with} bold\par\fs20 {\b 12} \par\i Caption\i0  \plain\par\qc Centred\par\pard Left\par}`
	d, err := Read([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Paragraph{
		{Text: "Headline here", Bold: true, Size: 32},
		{Text: "Body with bold", Bold: false, Size: 24},
		{Text: "12 ", Bold: true, Size: 20},
		{Text: "Caption ", Italic: true, Size: 20},
		{Text: "Centred", Centered: true, Size: 24},
		{Text: "Left", Size: 24},
	}
	if len(d.Paragraphs) != len(want) {
		t.Fatalf("got %d paragraphs, want %d: %+v", len(d.Paragraphs), len(want), d.Paragraphs)
	}
	for i, w := range want {
		g := d.Paragraphs[i]
		if g.Text != w.Text || g.Bold != w.Bold || g.Italic != w.Italic || g.Centered != w.Centered || g.Size != w.Size {
			t.Errorf("paragraph %d = %+v, want %+v", i, g, w)
		}
	}
	if d.CodePage != 1250 {
		t.Errorf("CodePage = %d, want 1250", d.CodePage)
	}
	if off := d.Paragraphs[1].Offset; !strings.HasPrefix(in[off:], "Body") {
		t.Errorf("paragraph 1 Offset %d points at %q", off, in[off:])
	}
}

// TestDeepNesting: a million nested groups are refused where the nesting
// passes MaxDepth, without reading further; MaxDepth levels are read.
func TestDeepNesting(t *testing.T) {
	deep := `{\rtf1 ` + strings.Repeat("{", 1_000_000) + "x" + strings.Repeat("}", 1_000_000) + "}"
	_, err := Read([]byte(deep))
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want a *SyntaxError", err)
	}
	if se.Offset > MaxDepth+10 || !strings.Contains(err.Error(), "nested deeper") {
		t.Errorf("err = %v, want the nesting refused at byte ~%d", err, MaxDepth)
	}
	ok := `{\rtf1 ` + strings.Repeat("{", MaxDepth-1) + "x" + strings.Repeat("}", MaxDepth)
	d, err := Read([]byte(ok))
	if err != nil {
		t.Fatalf("MaxDepth levels refused: %v", err)
	}
	if d.Text() != "x" {
		t.Errorf("MaxDepth levels: %q, want %q", d.Text(), "x")
	}
}

// FuzzRTF: Read never panics; it refuses input only with a *SyntaxError,
// and otherwise gives valid UTF-8 text with offsets inside the input.
func FuzzRTF(f *testing.F) {
	for _, tc := range readCases {
		f.Add([]byte(tc.in))
	}
	f.Add([]byte(`{\rtf1\ansi\ansicpg936 \'b0\'a1\'b0}`))
	f.Add([]byte(`{\rtf1\uc5\u-1\u99999999999999 \bin99999999999 x}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		for _, p := range d.Paragraphs {
			if !utf8.ValidString(p.Text) {
				t.Fatalf("invalid UTF-8: %q", p.Text)
			}
			if p.Offset < 0 || p.Offset > len(data) {
				t.Fatalf("offset %d outside the input of %d bytes", p.Offset, len(data))
			}
			if strings.ContainsAny(p.Text, "\r") {
				t.Fatalf("carriage return in %q", p.Text)
			}
		}
	})
}
