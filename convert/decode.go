package convert

import (
	"bytes"
	"fmt"
	"math/bits"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decode turns the input bytes into text with "\n" line ends. It strips a
// UTF-8 byte-order mark, decodes UTF-16 (with a BOM, or without one when the
// NUL pattern shows it), and falls back to Windows-1252 when the bytes are
// not valid UTF-8. It reports the encoding it used. NUL bytes and other
// control characters outside UTF-16 mean the input is not text: ErrBinary,
// with the line of the first one.
func decode(data []byte) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data, enc = data[3:], "utf-8"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data, unicode.UseBOM, unicode.LittleEndian)
	}
	bin, valid := scanText(data) // firstBinaryByte and utf8.Valid, in one pass
	if bin >= 0 && enc == "" {
		// UTF-16 without a BOM has NULs (utf16WithoutBOM), which are
		// binary bytes: text without one is not asked.
		if order, ok := utf16WithoutBOM(data); ok {
			return decodeUTF16(data, unicode.IgnoreBOM, order)
		}
	}
	if bin >= 0 {
		return "", "", &lineError{byteLine(data, bin), fmt.Errorf("%w: control byte (a binary file?)", ErrBinary)}
	}
	if valid {
		if enc == "" {
			enc = "utf-8"
		}
		return textOf(data), enc, nil
	}
	b, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: %v", ErrBinary, err)
	}
	return textOf(b), "windows-1252", nil
}

// lineError carries the line of a decoding failure up to Convert, which adds
// the file name.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return e.err.Error() }
func (e *lineError) Unwrap() error { return e.err }

func decodeUTF16(data []byte, bom unicode.BOMPolicy, order unicode.Endianness) (string, string, error) {
	b, err := unicode.UTF16(order, bom).NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: bad UTF-16: %v", ErrBinary, err)
	}
	if line, ok := binaryLine(b); ok {
		return "", "", &lineError{line, fmt.Errorf("%w: control character in UTF-16 text", ErrBinary)}
	}
	return textOf(b), "utf-16", nil
}

// utf16WithoutBOM recognises UTF-16 text saved without a byte-order mark:
// in mostly-ASCII text every other byte is NUL ("H\x00e\x00l\x00"). The
// first 512 bytes are counted (utf16ByNULs) when they hold a NUL at all.
func utf16WithoutBOM(data []byte) (unicode.Endianness, bool) {
	n := min(len(data)&^1, 512)
	if bytes.IndexByte(data[:n], 0) < 0 {
		// Either order wants NULs in nine pairs of ten, of at least four
		// pairs: text without a NUL is not UTF-16.
		return unicode.LittleEndian, false
	}
	return utf16ByNULs(data)
}

// utf16ByNULs counts the NULs at even and odd offsets of the first 512
// bytes of data (of at least 8): little-endian UTF-16 when nine pairs of
// ten end with one and none starts with one, big-endian the other way.
func utf16ByNULs(data []byte) (unicode.Endianness, bool) {
	n := min(len(data)&^1, 512)
	if n < 8 {
		return unicode.LittleEndian, false
	}
	var evenNUL, oddNUL int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			evenNUL++
		}
		if data[i+1] == 0 {
			oddNUL++
		}
	}
	pairs := n / 2
	switch {
	case oddNUL*10 >= pairs*9 && evenNUL == 0:
		return unicode.LittleEndian, true
	case evenNUL*10 >= pairs*9 && oddNUL == 0:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

// binaryLine reports the 1-based line of the first byte that never occurs
// in text: NUL and the C0 controls other than tab, newline, vertical tab,
// form feed, carriage return and escape-free SUB (0x1A, the DOS end of file).
func binaryLine(data []byte) (int, bool) {
	i := firstBinaryByte(data)
	if i < 0 {
		return 0, false
	}
	return byteLine(data, i), true
}

// byteLine returns the 1-based line of byte i of data.
func byteLine(data []byte, i int) int { return 1 + bytes.Count(data[:i], []byte{'\n'}) }

// scanText reads data once for decode: it returns the index of the first
// byte isBinaryByte takes (firstBinaryByte), or -1; and whether data is
// valid UTF-8 (utf8.Valid), which is told right only when there is no
// such byte. A step of sixteen bytes with no byte below 0x20 and none
// above 0x7F is passed at once; one with a control byte but only ASCII is
// tested exactly by its two words (asciiBinaryBytes); one with a byte
// above ASCII by binaryBytes, and by utf8.Valid with the rest of a rune it
// ends inside (a step starts a rune: the one before ends in ASCII or a
// whole rune). The last bytes, fewer than sixteen, are read a rune at a
// time (scanRunes). From the first byte that is not UTF-8 on,
// firstBinaryByte reads the rest.
func scanText(data []byte) (binary int, valid bool) {
	rest := data // the bytes not read yet
	for len(rest) >= 16 {
		x, y := load64(rest, 0), load64(rest, 8)
		switch {
		case ((x-ones*0x20)&^x|(y-ones*0x20)&^y|x|y)&highs == 0:
			rest = rest[16:] // no byte below 0x20 (lowBytes), none above 0x7F
		case (x|y)&highs == 0:
			if asciiBinaryBytes(x)|asciiBinaryBytes(y) != 0 {
				return len(data) - len(rest) + firstBinaryByte(rest[:16]), false
			}
			rest = rest[16:]
		default:
			i := len(data) - len(rest)
			if binaryBytes(x)|binaryBytes(y) != 0 {
				return i + firstBinaryByte(rest[:16]), false
			}
			// The step's runes, and the rest of one it ends inside (at
			// most three continuation bytes, 0x80-0xBF): a fourth starts
			// the next step, whose test (or scanRunes) turns it away.
			j := i + 16
			for j < len(data) && j < i+19 && data[j]&0xC0 == 0x80 {
				j++
			}
			if !utf8.Valid(data[i:j]) {
				if k := firstBinaryByte(data[j:]); k >= 0 {
					return j + k, false // the step's bytes and those up to j are none
				}
				return -1, false
			}
			rest = data[j:]
		}
	}
	_, bin, ok := scanRunes(data, len(data)-len(rest), len(data))
	return bin, ok
}

// scanRunes reads data from byte i a rune at a time up to byte end (or
// past it, to the end of a rune that starts before it) for scanText. It
// returns where it stopped, the index of the binary byte it stopped at
// (or -1), and whether the bytes were UTF-8: at the first that is not, it
// stops, and gives the first binary byte after it (firstBinaryByte).
func scanRunes(data []byte, i, end int) (next, binary int, valid bool) {
	for i < end {
		if c := data[i]; c < utf8.RuneSelf {
			if isBinaryByte(c) {
				return i, i, true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if k := firstBinaryByte(data[i:]); k >= 0 {
				return i, i + k, false
			}
			return i, -1, false
		}
		i += size
	}
	return i, -1, true
}

// isBinaryByte reports whether c is a byte binaryLine looks for.
func isBinaryByte(c byte) bool {
	return c < 0x20 && (c < '\t' || c > '\r') && c != 0x1A
}

// firstBinaryByte returns the index of the first byte of data for which
// isBinaryByte holds, or -1. It skips sixteen bytes a step while none is
// below 0x20 (lowBytes), and tests the eight bytes of a word that has one
// each exactly (binaryBytes): below 0x20, and neither '\t' to '\r'
// (0x09-0x0D) nor 0x1A. Most text has a newline every few words, so the
// first test is taken less often per byte by two words than by one.
func firstBinaryByte(data []byte) int {
	i := 0
	for ; i+16 <= len(data); i += 16 {
		w := data[i : i+16] // one bounds check for both words
		x, y := load64(w, 0), load64(w, 8)
		if lowBytes(x)|lowBytes(y) == 0 {
			continue // no byte below 0x20: the common case, told cheaply
		}
		if bad := binaryBytes(x); bad != 0 {
			return i + bits.TrailingZeros64(bad)/8
		}
		if bad := binaryBytes(y); bad != 0 {
			return i + 8 + bits.TrailingZeros64(bad)/8
		}
	}
	for ; i+8 <= len(data); i += 8 {
		if bad := binaryBytes(load64(data, i)); bad != 0 {
			return i + bits.TrailingZeros64(bad)/8
		}
	}
	for ; i < len(data); i++ {
		if isBinaryByte(data[i]) {
			return i
		}
	}
	return -1
}

// binaryBytes sets the high bit of each byte of x for which isBinaryByte
// holds, and no other bit: below 0x20, and neither '\t' to '\r'
// (0x09-0x0D) nor 0x1A, each byte tested exactly.
func binaryBytes(x uint64) uint64 {
	const low7 = ones * 0x7F
	m := x & low7 // each byte below 0x80, so that adding to it never carries over
	below := func(c uint64) uint64 { return ^((m + (0x80-c)*ones) | x) & highs }
	y := x ^ (0x1A * ones) // zero where x holds 0x1A
	sub := ^(((y & low7) + low7) | y) & highs
	return below(0x20) &^ (below(0x0E) &^ below(0x09)) &^ sub
}

// asciiBinaryBytes is binaryBytes of a word whose bytes are all ASCII
// (below 0x80), where adding a constant below 0x80 to a byte never carries
// into the next: a byte plus 0x60 stays below 0x80 when it is below 0x20;
// plus 0x77 and 0x72 it reaches 0x80 from 0x09 and 0x0E on; and 0x1A is
// the byte that x^0x1A turns to zero. Small enough to be inlined.
func asciiBinaryBytes(x uint64) uint64 {
	low := ^(x + 0x60*ones) // below 0x20
	tabToCR := (x + 0x77*ones) &^ (x + 0x72*ones)
	sub := ^((x ^ 0x1A*ones) + 0x7F*ones)
	return low &^ tabToCR &^ sub & highs
}

// textOf returns b as a string with normalizeNewlines' line ends: "\r\n"
// and a lone "\r" become "\n". Without a '\r' the string is b's memory,
// not a copy, unless b's array is much larger than b (roomy): Convert's
// caller leaves its input unchanged while the Document is in use (see
// Convert), and nothing in this package writes to it.
func textOf(b []byte) string {
	i := bytes.IndexByte(b, '\r')
	if i < 0 && !roomy(b) {
		return unsafe.String(unsafe.SliceData(b), len(b))
	}
	if i < 0 {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b))
	for i >= 0 {
		out.Write(b[:i])
		out.WriteByte('\n')
		b = b[i+1:]
		if len(b) > 0 && b[0] == '\n' {
			b = b[1:]
		}
		i = bytes.IndexByte(b, '\r')
	}
	out.Write(b)
	return out.String()
}

// roomy reports whether b's array is so much larger than b (over twice
// its length, and over 4 KiB) that a text sharing it would keep the spare
// room alive as long as the Document: a short input in a reader's 64 KiB
// head buffer. textOf copies such a b.
func roomy(b []byte) bool { return cap(b) > 2*len(b) && cap(b) > 4<<10 }

// cp1252High maps the characters Windows-1252 puts at 0x80-0x9F back to
// their byte.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91,
	'’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98,
	'™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// cp1252Byte returns the Windows-1252 (or Latin-1) byte that decodes to r.
func cp1252Byte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	b, ok := cp1252High[r]
	return b, ok
}

// repairMojibake undoes UTF-8 that was decoded as Windows-1252 or Latin-1:
//
//	this yearâ€™s conference  ->  this year’s conference
//	Ã©tÃ©                    ->  été
//
// Each run of non-ASCII characters that all map back to single bytes is
// re-encoded, and every multi-byte UTF-8 sequence found in those bytes
// replaces the characters it was read as; other characters stay. Text without mojibake, such as
// "café" (one byte 0xE9 alone is not UTF-8), is left as it is. It reports
// how many characters it repaired.
func repairMojibake(s string) (string, int) {
	if !hasMojibakeLead(s) {
		return s, 0
	}
	var out strings.Builder
	out.Grow(len(s))
	var run []byte
	var orig []rune
	fixed := 0
	flush := func() {
		for k := 0; k < len(run); {
			r, size := utf8.DecodeRune(run[k:])
			if r != utf8.RuneError && size > 1 {
				out.WriteRune(r)
				fixed++
				k += size
				continue
			}
			out.WriteRune(orig[k])
			k++
		}
		run, orig = run[:0], orig[:0]
	}
	for _, r := range s {
		if b, ok := cp1252Byte(r); ok {
			run = append(run, b)
			orig = append(orig, r)
			continue
		}
		flush()
		out.WriteRune(r)
	}
	flush()
	return out.String(), fixed
}

// hasMojibakeLead is a fast pre-check: mojibake of UTF-8 always has one of
// Â-ô (a lead byte 0xC2-0xF4 read as Latin-1) followed by a character that
// stands for a continuation byte 0x80-0xBF.
func hasMojibakeLead(s string) bool {
	// Â-ô are U+00C2-U+00F4, all encoded with a 0xC3 lead byte in UTF-8;
	// a fast search for that byte rules out almost every clean text.
	if strings.IndexByte(s, 0xC3) < 0 {
		return false
	}
	// A lead character is a two-byte rune 0xC3 0x82-0xB4, and 0xC3 always
	// starts a rune (it is never a continuation byte), so only the runes
	// after each 0xC3 need decoding.
	for i := strings.IndexByte(s, 0xC3); i >= 0; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0xC2 && r <= 0xF4 {
			if r, _ := utf8.DecodeRuneInString(s[i+size:]); r >= 0x80 {
				if b, ok := cp1252Byte(r); ok && b >= 0x80 && b <= 0xBF {
					return true
				}
			}
		}
		j := strings.IndexByte(s[i+1:], 0xC3)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
