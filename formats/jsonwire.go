package formats

import (
	"math/bits"
	"strconv"
	"unicode/utf8"

	"newsclip/convert"
)

// appendWireJSON appends the article a of doc in the JSON wire format,
// compact, without a final newline: the bytes json.Marshal gives for
// Wire(doc, a) with HTML escaping off, written field by field without
// reflection and without building the Article (whose optional strings are
// a pointer, an allocation, each). The field order is the Article struct's;
// TestAppendWireJSONMatchesMarshal holds the two together. spill, unless
// nil, is called with the bytes so far after each body block and removed
// item, and what it returns is appended to: a writer passes the bytes on
// there, and a long article is never whole in memory.
func appendWireJSON(b []byte, doc *convert.Document, a *convert.Article, spill func([]byte) []byte) []byte {
	if spill == nil {
		spill = func(b []byte) []byte { return b }
	}
	b = append(b, `{"version":`...)
	b = strconv.AppendInt(b, JSONVersion, 10)
	b = append(b, `,"source":{"file":`...)
	b = appendJSONString(b, doc.Source.File)
	b = append(b, `,"format":`...)
	b = appendJSONString(b, doc.Source.Format)
	b = append(b, `,"index":`...)
	b = strconv.AppendInt(b, int64(a.Index), 10)
	b = append(b, `,"sha256":`...)
	b = appendJSONString(b, doc.Source.SHA256)
	b = appendOptional(append(b, `,"id":`...), a.VendorID)
	b = appendDate(append(b, `,"load_date":`...), a.LoadDate)
	b = append(b, `,"warnings":[`...)
	if a.Index == 0 {
		for i, w := range doc.Warnings {
			b = appendJSONString(appendComma(b, i), w.String())
		}
	}
	b = append(b, "]}"...)
	for _, f := range [...]struct{ key, val string }{
		{`,"publication":`, a.Publication}, {`,"kicker":`, a.Kicker}, {`,"headline":`, a.Headline},
		{`,"subheadline":`, a.Subheadline}, {`,"section":`, a.Section}, {`,"page":`, a.Page},
		{`,"edition":`, a.Edition},
	} {
		b = appendOptional(append(b, f.key...), f.val)
	}
	b = appendDate(append(b, `,"date":`...), a.Date)
	for _, f := range [...]struct{ key, val string }{
		{`,"date_raw":`, a.Date.Raw}, {`,"dateline":`, a.Dateline}, {`,"language":`, a.Language},
		{`,"country":`, a.Country},
	} {
		b = appendOptional(append(b, f.key...), f.val)
	}
	b = append(b, `,"authors":[`...)
	for i, p := range a.Authors {
		b = append(appendComma(b, i), `{"name":`...)
		b = appendOptional(b, p.Name)
		b = appendOptional(append(b, `,"title":`...), p.Title)
		b = appendOptional(append(b, `,"agency":`...), p.Agency)
		b = append(appendJSONString(append(b, `,"raw":`...), p.Raw), '}')
	}
	b = append(b, `],"credits":[`...)
	for i, c := range a.Credits {
		b = appendJSONString(append(appendComma(b, i), `{"name":`...), c.Name)
		b = appendJSONString(append(b, `,"role":`...), c.Role)
		b = append(appendJSONString(append(b, `,"raw":`...), c.Raw), '}')
	}
	b = appendStrings(append(b, `],"contacts":`...), a.Contacts)
	b, words := appendBody(append(b, `,"body":[`...), a.Body, a.WordCount == 0, spill)
	b = appendStrings(append(b, `],"pullquotes":`...), a.PullQuotes)
	b = append(b, `,"removed":[`...)
	for i, r := range a.Removed {
		b = appendJSONString(append(appendComma(b, i), `{"kind":`...), r.Kind)
		b = spill(append(appendJSONString(append(b, `,"text":`...), r.Text), '}'))
	}
	b = append(b, `],"warnings":[`...)
	for i, w := range a.Warnings {
		b = appendJSONString(appendComma(b, i), w.String())
	}
	if a.WordCount != 0 {
		words = a.WordCount
	}
	b = append(b, `],"word_count":`...)
	return append(strconv.AppendInt(b, int64(words), 10), '}')
}

// appendBody appends the body blocks' objects, each followed by a call of
// spill (see appendWireJSON), and, when count is set, returns the words
// they hold (Wire's count for an article built by hand, without a
// WordCount).
func appendBody(b []byte, body []convert.Block, count bool, spill func([]byte) []byte) ([]byte, int) {
	words := 0
	for i, blk := range body {
		text := blk.Text()
		b = appendJSONString(append(appendComma(b, i), `{"type":`...), BlockType(blk))
		b = spill(append(appendJSONString(append(b, `,"text":`...), text), '}'))
		if count {
			words += countWords(text)
		}
	}
	return b, words
}

// appendDate appends d.ISO() as a JSON string (its digits and hyphens
// need no escape), or null for no date.
func appendDate(b []byte, d convert.Date) []byte {
	if d.Year == 0 {
		return append(b, "null"...)
	}
	return append(d.AppendISO(append(b, '"')), '"')
}

// appendComma appends the comma before the i-th element of a list (from 0).
func appendComma(b []byte, i int) []byte {
	if i > 0 {
		return append(b, ',')
	}
	return b
}

// appendOptional appends s as a JSON string, or null when it is empty.
func appendOptional(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendJSONString(b, s)
}

// appendStrings appends ss as a JSON array of strings ([] when empty).
func appendStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		b = appendJSONString(appendComma(b, i), s)
	}
	return append(b, ']')
}

// appendJSONString appends s as a JSON string as encoding/json writes it
// with HTML escaping off: '"' and '\\' escaped with a backslash, control
// bytes as \b \f \n \r \t or \u00XX (lower-case hex), each invalid UTF-8
// byte as \ufffd, U+2028 and U+2029 as \u2028 and \u2029, all else as is.
// Runs of plain ASCII are found eight bytes a step (nextJSONSpecial) and
// copied at once.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0 // s[start:i] is pending, to be copied as is
	for i := nextJSONSpecial(s, 0); i < len(s); i = nextJSONSpecial(s, i) {
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, `\b`...)
			case '\f':
				b = append(b, `\f`...)
			case '\n':
				b = append(b, `\n`...)
			case '\r':
				b = append(b, `\r`...)
			case '\t':
				b = append(b, `\t`...)
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == utf8.RuneError && size == 1:
			esc = `\ufffd`
		case r == '\u2028':
			esc = `\u2028`
		case r == '\u2029':
			esc = `\u2029`
		default:
			i += size
			continue
		}
		b = append(append(b, s[start:i]...), esc...)
		i += size
		start = i
	}
	return append(append(b, s[start:]...), '"')
}

const hexDigits = "0123456789abcdef"

// nextJSONSpecial returns the index of the first byte of s at or after i
// that appendJSONString must look at (isJSONSpecial), or len(s): a control
// byte, '"', '\\' or a byte of a multi-byte rune. It tests eight bytes at
// once (jsonSpecials), two words a step; the last bytes of a string of
// eight or more in the word that ends it, the bytes before i in that word
// masked off.
func nextJSONSpecial(s string, i int) int {
	for ; i+16 <= len(s); i += 16 {
		w := s[i : i+16] // one bounds check for both words
		if m := jsonSpecials(word(w, 0)); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		if m := jsonSpecials(word(w, 8)); m != 0 {
			return i + 8 + bits.TrailingZeros64(m)/8
		}
	}
	if i+8 <= len(s) {
		if m := jsonSpecials(word(s, i)); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	if i == len(s) {
		return i
	}
	if len(s) >= 8 {
		// The word ending s, its bytes before i made plain ('a'): a
		// special one there would mark the bytes after it too.
		before := uint64(1)<<(8*(8-(len(s)-i))) - 1
		x := word(s, len(s)-8)&^before | 0x6161616161616161&before
		if m := jsonSpecials(x); m != 0 {
			return len(s) - 8 + bits.TrailingZeros64(m)/8
		}
		return len(s)
	}
	for ; i < len(s); i++ {
		if isJSONSpecial(s[i]) {
			return i
		}
	}
	return len(s)
}

// word reads s[i:i+8] as a little-endian word.
func word(s string, i int) uint64 {
	w := s[i : i+8] // one bounds check: the compiler reads the eight bytes as one word
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// isJSONSpecial reports whether appendJSONString must look at byte c: a
// control byte, '"', '\\', or one of a multi-byte rune (0x80 and above).
func isJSONSpecial(c byte) bool { return c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf }

// jsonSpecials tests the eight bytes of the little-endian word x at once
// for isJSONSpecial: it is zero when none is, else its lowest set bit is
// the high bit of the first that is (bits above it may be set for bytes
// that are not). Each term's lowest high bit marks the first byte of its
// kind (a borrow runs only upwards from a byte that is one), so their OR's
// does the first of any. One term takes the control bytes and '"': with
// bit 1 flipped, '"' (0x22) becomes 0x20, the bytes below 0x20 stay below
// it, and no other byte falls below 0x21.
func jsonSpecials(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	y, bs := x^ones*0x02, x^ones*'\\' // '"' as 0x20, zero bytes where x holds '\\'
	return (x | (y-ones*0x21)&^y | (bs-ones)&^bs) & highs
}
