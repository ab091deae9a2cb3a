package convert

import (
	"errors"
	"golang.org/x/text/encoding/unicode"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
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
	// A UTF-8 BOM says UTF-8: what follows is not read as UTF-16, even
	// when its NULs would make it look so.
	if got, _, err := decode(append([]byte{0xEF, 0xBB, 0xBF}, utf16("Hello world", true, false)...)); !errors.Is(err, ErrBinary) {
		t.Errorf("UTF-8 BOM before UTF-16 text: decode = %q, %v; want ErrBinary", got, err)
	}
	_, _, err := decode([]byte("text\nmore\x00text"))
	var le *lineError
	if !errors.Is(err, ErrBinary) || !errors.As(err, &le) || le.line != 2 {
		t.Errorf("NUL byte: err = %v", err)
	}
}

// repaired is repairMojibake's text.
func repaired(in string) string { got, _ := repairMojibake(in); return got }

// normalizeNewlines is the rule textOf follows in one pass: "\r\n", then
// a lone "\r", become "\n".
func normalizeNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// textOf gives normalizeNewlines' text, on random texts of line ends of
// every kind, runs of them, and text between.
func TestTextOfNormalizesNewlines(t *testing.T) {
	pieces := []string{"a", "é", "\r", "\n", "\r\n", "\n\r", "\r\r\n", " "}
	r := rand.New(rand.NewSource(11))
	for range 30000 {
		s := randomText(r, pieces, r.Intn(10))
		if got, want := textOf([]byte(s)), normalizeNewlines(s); got != want {
			t.Fatalf("textOf(%q) = %q, want %q", s, got, want)
		}
	}
}

// utf16WithoutBOM counts NULs (utf16ByNULs) on all input that holds one,
// so it finds UTF-16 wherever the count does: random inputs of 0 to 600
// bytes, NUL-rich and without NULs, in both byte orders.
func TestUTF16WithoutBOMAgreesWithCount(t *testing.T) {
	r := rand.New(rand.NewSource(19))
	utf16Of := func(f func([]byte) (unicode.Endianness, bool)) func(string) [2]bool {
		return func(s string) [2]bool {
			order, ok := f([]byte(s))
			return [2]bool{bool(order), ok}
		}
	}
	sameOnRandom[[2]bool]{name: "utf16WithoutBOM", plain: "counting NULs", fast: utf16Of(utf16WithoutBOM),
		slow: utf16Of(utf16ByNULs), hit: func(v [2]bool) bool { return v[1] }, least: 1000}.check(t, 20000, func() string {
		b := make([]byte, r.Intn(600))
		nulRate := []int{0, 1, 2, 20}[r.Intn(4)] // one pair in nulRate gets no NUL; 0: no NULs at all
		for i := range b {
			b[i] = byte('a' + r.Intn(26))
			if nulRate > 0 && i%2 == len(b)%2 && r.Intn(nulRate+1) != 0 {
				b[i] = 0
			}
		}
		return string(b)
	})
}

// firstBinaryByte finds the first byte isBinaryByte takes, sixteen and
// eight bytes a step: every byte value at every offset of a 24-byte text
// (in the first or second word of a step of sixteen, or in the eight
// after), and random data of every byte, mostly text.
func TestFirstBinaryByte(t *testing.T) {
	plain := func(b []byte) int {
		for i, c := range b {
			if isBinaryByte(c) {
				return i
			}
		}
		return -1
	}
	base := []byte("Ferry\ttimes\r\nchange.\f\v\x1a!")
	for c := range 256 {
		for at := range base {
			b := append([]byte(nil), base...)
			b[at] = byte(c)
			if got, want := firstBinaryByte(b), plain(b); got != want {
				t.Fatalf("firstBinaryByte(%q) = %d, want %d", b, got, want)
			}
		}
	}
	r := rand.New(rand.NewSource(41))
	for range 20000 {
		b := make([]byte, r.Intn(100))
		for i := range b {
			b[i] = byte('a' + r.Intn(26))
			if r.Intn(20) == 0 {
				b[i] = byte(r.Intn(256))
			}
		}
		if got, want := firstBinaryByte(b), plain(b); got != want {
			t.Fatalf("firstBinaryByte(%q) = %d, want %d", b, got, want)
		}
	}
	if line, ok := binaryLine([]byte("one\ntwo\nthr\x00ee")); !ok || line != 3 {
		t.Errorf("binaryLine = %d, %v; want line 3", line, ok)
	}
}

// scanText gives firstBinaryByte's index and, when there is none,
// utf8.Valid's answer: every byte value at every offset of a 59-byte text
// with runes of two bytes and of three, one of them across the first
// step's end (in a step of sixteen with a control byte or without one,
// with a rune above ASCII or without one, across a step's end, and in the
// last bytes), and random data, mostly text with runes above ASCII, valid
// or cut short.
func TestScanText(t *testing.T) {
	check := func(b []byte) {
		t.Helper()
		gb, gv := scanText(b)
		wb := firstBinaryByte(b)
		if gb != wb || wb < 0 && gv != utf8.Valid(b) {
			t.Fatalf("scanText(%q) = %d, %v; want %d, %v", b, gb, gv, wb, utf8.Valid(b))
		}
	}
	base := []byte("Ferry times a “change” · now.\nThe harbour waits, é.\r\n") // “ at bytes 14-16
	for c := range 256 {
		for at := range base {
			b := append([]byte(nil), base...)
			b[at] = byte(c)
			check(b)
			check(b[:len(b)-1])
		}
	}
	runes := []string{"é", "·", "“", "𝄞", "\xe2\x80", "\xff", "\n", "\x00", "\t"}
	r := rand.New(rand.NewSource(43))
	for range 40000 {
		var sb strings.Builder
		for n := r.Intn(60); sb.Len() < n; {
			if r.Intn(8) == 0 {
				sb.WriteString(runes[r.Intn(len(runes))])
			} else {
				sb.WriteByte(byte('a' + r.Intn(26)))
			}
		}
		check([]byte(sb.String()))
	}
	if _, _, err := decode([]byte("one\ntwo ·\nthr\x00ee")); err == nil {
		t.Error("decode took a NUL byte")
	} else if le := (*lineError)(nil); !errors.As(err, &le) || le.line != 3 {
		t.Errorf("decode: %v, want an error on line 3", err)
	}
}

// asciiBinaryBytes marks what binaryBytes marks in a word of ASCII bytes:
// every byte value below 0x80 at every place of words of random ASCII
// bytes, control bytes among them.
func TestASCIIBinaryBytes(t *testing.T) {
	r := rand.New(rand.NewSource(47))
	for range 2000 {
		var w [8]byte
		for i := range w {
			w[i] = byte(r.Intn(0x80))
			if r.Intn(3) == 0 {
				w[i] = byte(r.Intn(0x20))
			}
		}
		for at := range 8 {
			for c := range 0x80 {
				w[at] = byte(c)
				x := load64(w[:], 0)
				if got, want := asciiBinaryBytes(x), binaryBytes(x); got != want {
					t.Fatalf("asciiBinaryBytes(%q) = %#x, binaryBytes %#x", w, got, want)
				}
			}
		}
	}
}
