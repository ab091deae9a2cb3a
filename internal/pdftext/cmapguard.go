package pdftext

import (
	"bytes"
	"io"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// maxCMapCheck bounds the ToUnicode stream cmapCountsFit reads, in bytes;
// a longer stream does not fit.
const maxCMapCheck = 16 << 20

// cmapSections are the CMap section keywords whose leading count
// cmapCountsFit checks: "2 beginbfchar", "100 begincidrange".
var cmapSections = [][]byte{[]byte("bfchar"), []byte("bfrange"), []byte("cidchar"), []byte("cidrange"),
	[]byte("codespacerange"), []byte("notdefchar"), []byte("notdefrange")}

// cmapCountsFit reports whether every section count of the CMap stream v
// could be met by the stream's own bytes (an entry takes at least four).
// The PDF library fills as many entries as a section claims, whatever
// follows: a damaged "99999992 beginbfchar" would take minutes and
// gigabytes. A value that is not a stream fits. When the stream decoded
// whole, without an error, in at most maxCMap bytes, whole is true and
// data holds those bytes: what readStream(v, maxCMap) reads, so that
// readToUnicode need not inflate the stream again (see toUnicodeText).
func cmapCountsFit(v pdf.Value) (fit bool, data []byte, whole bool) {
	if v.Kind() != pdf.Stream {
		return true, nil, false
	}
	rd := openStream(v)
	defer rd.Close()
	data, err := io.ReadAll(io.LimitReader(rd, maxCMapCheck+1))
	if err != nil || len(data) > maxCMapCheck {
		return err != nil, nil, false // unreadable: the library finds nothing either
	}
	return countsFit(data), data, len(data) <= maxCMap
}

// countsFit reports whether every section count of the CMap data (a
// number, white space, then "begin" and a keyword of cmapSections that
// ends there) is at most a quarter of its length in bytes. It reads what
// the regular expression `(\d+)\s+begin(?:bfchar|...)\b` would match,
// without one (see TestCountsFitAsRegexp).
func countsFit(data []byte) bool {
	for at := 0; ; {
		i := bytes.Index(data[at:], []byte("begin"))
		if i < 0 {
			return true
		}
		i += at
		at = i + len("begin")
		if !sectionKeyword(data[at:]) {
			continue
		}
		digits := i
		for digits > 0 && isRESpace(data[digits-1]) {
			digits--
		}
		end := digits
		for digits > 0 && data[digits-1] >= '0' && data[digits-1] <= '9' {
			digits--
		}
		if end == i || digits == end {
			continue // no white space, or no number before it
		}
		n, err := strconv.Atoi(string(data[digits:end]))
		if err != nil || n > len(data)/4 {
			return false
		}
	}
}

// sectionKeyword reports whether b opens with a keyword of cmapSections
// followed by a word boundary (not a letter, digit or underscore).
func sectionKeyword(b []byte) bool {
	for _, k := range cmapSections {
		if bytes.HasPrefix(b, k) && (len(b) == len(k) || !isWordByte(b[len(k)])) {
			return true
		}
	}
	return false
}

// isRESpace and isWordByte are the classes \s and \w of Go's regular
// expressions (ASCII only).
func isRESpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// noText decodes every code to nothing: the encoding of a font whose
// ToUnicode map cannot be read safely.
type noText struct{}

func (noText) Decode(string) string { return "" }
