package pdftext

// ToUnicode CMaps of simple fonts. The PDF library ignores a font's
// ToUnicode map when its encoding is a dictionary (/Differences): Type 3
// fonts and many subset fonts name their glyphs /g36 or /a12 there, which
// say nothing, and map them to text only in the ToUnicode CMap.

import (
	"bytes"
	"encoding/hex"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// maxCMap bounds the ToUnicode stream read, in bytes.
const maxCMap = 1 << 20

// readToUnicode reads the bfchar and bfrange sections of a ToUnicode CMap
// for one-byte codes: code -> text. It returns nil when there is none.
func readToUnicode(v pdf.Value) map[byte]string {
	data, ok := readStream(v, maxCMap)
	if !ok {
		return nil
	}
	return parseToUnicode(data)
}

// toUnicodeText is readToUnicode(v) where data holds the stream's bytes
// when whole is true (see cmapCountsFit): decoded once for both.
func toUnicodeText(v pdf.Value, data []byte, whole bool) map[byte]string {
	if !whole {
		return readToUnicode(v)
	}
	return parseToUnicode(data)
}

// parseToUnicode is readToUnicode for the decoded bytes of the stream.
func parseToUnicode(data []byte) map[byte]string {
	out := map[byte]string{}
	for _, sec := range sections(data, "beginbfchar", "endbfchar") {
		toks := hexTokens(sec)
		for i := 0; i+1 < len(toks); i += 2 {
			if c, ok := oneByte(toks[i]); ok {
				out[c] = utf16Text(toks[i+1])
			}
		}
	}
	for _, sec := range sections(data, "beginbfrange", "endbfrange") {
		readRanges(sec, out)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// readRanges reads "<lo> <hi> <dst>" and "<lo> <hi> [<d1> <d2> ...]"
// entries of a bfrange section.
func readRanges(sec []byte, out map[byte]string) {
	for len(sec) > 0 {
		toks, rest, arr := rangeEntry(sec)
		if toks == nil {
			return
		}
		sec = rest
		lo, ok1 := oneByte(toks[0])
		hi, ok2 := oneByte(toks[1])
		if !ok1 || !ok2 || hi < lo {
			continue
		}
		for c := int(lo); c <= int(hi); c++ {
			k := c - int(lo)
			switch {
			case arr && k+2 < len(toks):
				out[byte(c)] = utf16Text(toks[k+2])
			case !arr && len(toks) == 3 && len(toks[2]) >= 2:
				d := append([]byte(nil), toks[2]...)
				d[len(d)-1] += byte(k) // the last byte counts up
				out[byte(c)] = utf16Text(d)
			}
		}
	}
}

// oneByte reads a source code of a simple font: one byte, or two of
// which the first is 0 (producers write <0036> for code 0x36).
func oneByte(b []byte) (byte, bool) {
	switch {
	case len(b) == 1:
		return b[0], true
	case len(b) == 2 && b[0] == 0:
		return b[1], true
	}
	return 0, false
}

// rangeEntry reads one bfrange entry off the front of b: its hex strings
// and whether the destinations came as an array.
func rangeEntry(b []byte) (toks [][]byte, rest []byte, arr bool) {
	two := hexTokensN(b, 2)
	if len(two) < 2 {
		return nil, nil, false
	}
	end := bytes.IndexByte(b, '>')
	end += 1 + bytes.IndexByte(b[end+1:], '>') + 1 // after <hi>
	b = b[end:]
	trim := bytes.TrimLeft(b, " \t\r\n")
	if len(trim) > 0 && trim[0] == '[' {
		close := bytes.IndexByte(trim, ']')
		if close < 0 {
			return nil, nil, false
		}
		return append(two, hexTokens(trim[:close])...), trim[close+1:], true
	}
	dst := hexTokensN(trim, 1)
	if len(dst) == 0 {
		return nil, nil, false
	}
	return append(two, dst...), trim[bytes.IndexByte(trim, '>')+1:], false
}

// sections returns the text between each begin and end keyword.
func sections(data []byte, begin, end string) [][]byte {
	var out [][]byte
	for {
		i := bytes.Index(data, []byte(begin))
		if i < 0 {
			return out
		}
		data = data[i+len(begin):]
		j := bytes.Index(data, []byte(end))
		if j < 0 {
			return out
		}
		out = append(out, data[:j])
		data = data[j+len(end):]
	}
}

func hexTokens(b []byte) [][]byte { return hexTokensN(b, -1) }

// hexTokensN decodes up to n (all when n < 0) <hex> strings of b.
func hexTokensN(b []byte, n int) [][]byte {
	var out [][]byte
	for n < 0 || len(out) < n {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			return out
		}
		j := bytes.IndexByte(b[i:], '>')
		if j < 0 {
			return out
		}
		h := bytes.Map(func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
				return -1
			}
			return r
		}, b[i+1:i+j])
		d, err := hex.DecodeString(string(h))
		if err != nil {
			d = nil
		}
		out = append(out, d)
		b = b[i+j+1:]
	}
	return out
}

// utf16Text decodes big-endian UTF-16 bytes.
func utf16Text(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}
