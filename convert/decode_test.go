package convert

import (
	"errors"
	"testing"
)

func TestDecode(t *testing.T) {
	utf16 := func(s string, le, bom bool) []byte {
		var b []byte
		if bom {
			if le {
				b = []byte{0xFF, 0xFE}
			} else {
				b = []byte{0xFE, 0xFF}
			}
		}
		for _, r := range s {
			if le {
				b = append(b, byte(r), byte(r>>8))
			} else {
				b = append(b, byte(r>>8), byte(r))
			}
		}
		return b
	}
	const text = "Héadline\r\nline two\rline three\n"
	const want = "Héadline\nline two\nline three\n"
	for name, in := range map[string][]byte{
		"utf-8":          []byte(text),
		"utf-8 BOM":      append([]byte{0xEF, 0xBB, 0xBF}, text...),
		"utf-16le BOM":   utf16(text, true, true),
		"utf-16be BOM":   utf16(text, false, true),
		"utf-16le noBOM": utf16(text, true, false),
		"utf-16be noBOM": utf16(text, false, false),
		"windows-1252":   []byte("H\xe9adline\r\nline two\rline three\n"),
	} {
		got, _, err := decode(in)
		if err != nil || got != want {
			t.Errorf("%s: decode = %q, %v; want %q", name, got, err, want)
		}
	}
	_, _, err := decode([]byte("text\nmore\x00text"))
	var le *lineError
	if !errors.Is(err, ErrBinary) || !errors.As(err, &le) || le.line != 2 {
		t.Errorf("NUL byte: err = %v", err)
	}
}

// repaired is repairMojibake's text.
func repaired(in string) string { got, _ := repairMojibake(in); return got }
