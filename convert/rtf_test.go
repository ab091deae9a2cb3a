package convert

import (
	"errors"
	"strings"
	"testing"

	"newsclip/internal/rtf"
)

func TestRTFLines(t *testing.T) {
	ps := func(texts ...string) []rtf.Paragraph {
		var out []rtf.Paragraph
		for _, s := range texts {
			out = append(out, rtf.Paragraph{Text: s, Bold: strings.HasPrefix(s, "B ")})
		}
		return out
	}
	for _, tc := range []struct {
		name string
		in   []rtf.Paragraph
		want string
	}{
		{"empty paragraphs separate", ps("B Head", "line", "", "Body", "", "More"), "B Head|line||Body||More"},
		{"style spacing", ps("B Head", "Body one", "Body two"), "B Head||Body one||Body two|"},
		{"a line break inside", ps("a\nb ", "c"), "a|b||c|"},
		{"centred", []rtf.Paragraph{{Text: "1 of 2 DOCUMENTS", Centered: true}, {Text: " ", Centered: true}},
			strings.Repeat(" ", 32) + "1 of 2 DOCUMENTS|"},
	} {
		lines, styles := rtfLines(tc.in)
		if got := strings.Join(lines, "|"); got != tc.want {
			t.Errorf("%s: lines %q, want %q", tc.name, got, tc.want)
		}
		for i, l := range lines {
			if styles[i].bold != strings.HasPrefix(l, "B ") {
				t.Errorf("%s: line %q bold %v", tc.name, l, styles[i].bold)
			}
		}
	}
}

// TestConvertRTFErrors: RTF input that cannot be read fails with an
// *Error naming the file and, for hostile nesting, the line.
func TestConvertRTFErrors(t *testing.T) {
	deep := "{\\rtf1\n" + strings.Repeat("{", 1_000_000)
	_, err := Convert("deep.rtf", []byte(deep))
	var e *Error
	if !errors.As(err, &e) || e.File != "deep.rtf" || e.Line != 2 || !strings.Contains(err.Error(), "nested deeper") {
		t.Errorf("deep nesting: %v", err)
	}
	_, err = Convert("blank.rtf", []byte(`{\rtf1{\fonttbl{\f0 Arial;}}\par\par}`))
	if !errors.Is(err, ErrEmpty) {
		t.Errorf("no text: %v, want ErrEmpty", err)
	}
}
