package convert

import (
	"encoding/binary"
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// fieldCount counts what strings.Fields splits: words between ASCII and
// other Unicode spaces, invalid UTF-8 counting as a word's byte.
func TestFieldCountMatchesFields(t *testing.T) {
	alphabet := []string{"a", "Bé", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u0085", "\u2003", "\u3000", "\xff", "日", "-"}
	r := rand.New(rand.NewSource(17))
	for range 5000 {
		s := randomText(r, alphabet, r.Intn(12))
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Fatalf("fieldCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// containsRuneOf answers as strings.ContainsAny on random text with ASCII
// and other runes, invalid UTF-8 and parts of the set's runes.
func TestContainsRuneOfMatchesContainsAny(t *testing.T) {
	alphabet := []string{"a", "-", ":", "–", "—", "·", "•", "|", "\xe2", "\x80", "\x93", "é", " "}
	r := rand.New(rand.NewSource(29))
	for range 5000 {
		s := randomText(r, alphabet, r.Intn(8))
		for _, set := range []string{"-–—:", "·•|", ""} {
			if got, want := containsRuneOf(s, set), strings.ContainsAny(s, set); got != want {
				t.Fatalf("containsRuneOf(%q, %q) = %v, want %v", s, set, got, want)
			}
		}
	}
}

// nextControl finds the first byte below 0x20 as a byte loop does, wherever
// it falls in a word of eight, after bytes of every value (0x80 and up,
// 0x20 and 0x7f next to it, which word tests can confuse).
func TestNextControlMatchesLoop(t *testing.T) {
	r := rand.New(rand.NewSource(37))
	bytes := []byte{0x00, 0x09, 0x0a, 0x1a, 0x1f, 0x20, 0x21, 'a', 0x7f, 0x80, 0x9f, 0xa0, 0xc3, 0xff}
	for range 20000 {
		b := make([]byte, r.Intn(30))
		for i := range b {
			if r.Intn(4) == 0 {
				b[i] = bytes[r.Intn(len(bytes))]
			} else {
				b[i] = byte(0x20 + r.Intn(0xe0))
			}
		}
		from := r.Intn(len(b) + 1)
		want := len(b)
		for i := from; i < len(b); i++ {
			if b[i] < 0x20 {
				want = i
				break
			}
		}
		if got := nextControl(b, from); got != want {
			t.Fatalf("nextControl(%q, %d) = %d, want %d", b, from, got, want)
		}
		if got := nextControl(string(b), from); got != want {
			t.Fatalf("nextControl(string %q, %d) = %d, want %d", b, from, got, want)
		}
	}
}

// hasMojibakeLead, which decodes only after each 0xC3 byte, answers as
// decoding every rune in turn does, on random text of mojibake pieces,
// clean accented letters and invalid UTF-8 around them.
func TestHasMojibakeLeadMatchesFullScan(t *testing.T) {
	full := func(s string) bool {
		lead := false
		for _, r := range s {
			if lead && r >= 0x80 {
				if b, ok := cp1252Byte(r); ok && b >= 0x80 && b <= 0xBF {
					return true
				}
			}
			lead = r >= 0xC2 && r <= 0xF4
		}
		return false
	}
	pieces := []string{"Ã", "©", "â", "€", "™", "é", "ô", "a", " ", "\xc3", "\xe2\x80", "\xff", "Â", "\u00a0", "’", "ö"}
	r := rand.New(rand.NewSource(41))
	sameOnRandom[bool]{name: "hasMojibakeLead", fast: hasMojibakeLead, plain: "a full scan", slow: full,
		hit: func(mojibake bool) bool { return mojibake }, least: 1000}.
		check(t, 20000, func() string { return randomText(r, pieces, r.Intn(8)) })
}

// headParas gives the first n paragraphs of splitParas, whatever blank
// lines (spaces, tabs, no-break spaces) separate them.
func TestHeadParasMatchesSplitParas(t *testing.T) {
	pieces := []string{"", " ", "\t", "\u00a0", "Harbour", "Gazette ", " text\u00a0"}
	r := rand.New(rand.NewSource(43))
	for range 5000 {
		lines := make([]string, r.Intn(12))
		for i := range lines {
			lines[i] = pieces[r.Intn(len(pieces))]
		}
		n := r.Intn(5)
		all := splitParas(lines, 1)
		want := all[:min(n, len(all))]
		if got := headParas(lines, n); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("headParas(%q, %d) = %v, want %v", lines, n, got, want)
		}
	}
}

// load64 reads the same little-endian word from a string and from bytes,
// at every offset, as encoding/binary does.
func TestLoad64AsBinary(t *testing.T) {
	b := []byte("\x00\x01\x7f\x80\xfe\xffabcdefgh\n\r\"\\é")
	for i := 0; i+8 <= len(b); i++ {
		want := binary.LittleEndian.Uint64(b[i:])
		if got, gotS := load64(b, i), load64(string(b), i); got != want || gotS != want {
			t.Errorf("load64 at %d = %#x (bytes), %#x (string), want %#x", i, got, gotS, want)
		}
	}
}
