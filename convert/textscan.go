package convert

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// fieldCount returns len(strings.Fields(s)), the number of runs of
// non-space runes (unicode.IsSpace), without building the fields.
func fieldCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// splitLines is strings.Split(text, "\n"): it counts the lines, then
// cuts each at the next newline strings.IndexByte finds, where Split looks
// for its separator through the general strings.Index. A blank line (a
// newline first) is cut without a search.
func splitLines(text string) []string {
	return splitLinesIn(nil, text)
}

// splitLinesIn is splitLines written into dst's room when the lines fit in
// cap(dst), else into a new list.
func splitLinesIn(dst []string, text string) []string {
	n := strings.Count(text, "\n") + 1
	if cap(dst) < n {
		dst = make([]string, n)
	}
	lines := dst[:n]
	for i := range n - 1 {
		k := 0
		if text[0] != '\n' {
			k = strings.IndexByte(text, '\n')
		}
		lines[i], text = text[:k], text[k+1:]
	}
	lines[n-1] = text
	return lines
}

// lineLists holds the line lists of convertText for reuse: readers keep
// strings of the text, never the list (nor a slice of it), so a list is
// free again once its text is read. Lists over maxPooledLines lines are
// not kept.
var lineLists = sync.Pool{New: func() any { return new([]string) }}

// maxPooledLines bounds the lists lineLists keeps: 4,096 lines, 64 KiB of
// string headers, more than clippings and most exports have.
const maxPooledLines = 4096

// withLines calls read with the lines of text (splitLines), in a list
// that is reused once read returns (read must not keep it).
func withLines(text string, read func(lines []string)) {
	lp := lineLists.Get().(*[]string)
	lines := splitLinesIn(*lp, text)
	read(lines)
	if cap(lines) > maxPooledLines {
		return
	}
	clear(lines) // no list in the pool holds on to a text
	*lp = lines[:0]
	lineLists.Put(lp)
}

// trimSpace is strings.TrimSpace(s), giving s itself at once when it is
// empty (a blank line) or its first and last bytes are ASCII above the
// space, 0x21-0x7F (most lines and paragraphs), where TrimSpace would trim
// nothing: two tests instead of TrimSpace's two scans.
func trimSpace(s string) string {
	if len(s) == 0 || s[0]-0x21 < 0x5F && s[len(s)-1]-0x21 < 0x5F {
		return s
	}
	return strings.TrimSpace(s)
}

// mayOpenTrimmedWith reports whether strings.TrimSpace(l) may open with
// the ASCII byte c, looking at l's first byte after ASCII white space: it
// cannot when that byte is another ASCII byte, or when there is none (l
// is blank). A byte above ASCII may open a space TrimSpace trims (U+0085,
// U+00A0, U+2003 ...): the answer is yes then.
func mayOpenTrimmedWith(l string, c byte) bool {
	for i := 0; i < len(l); i++ {
		b := l[i]
		if b >= utf8.RuneSelf {
			return true
		}
		if !asciiSpace[b] {
			return b == c
		}
	}
	return false
}

// containsRuneOf reports whether s holds any rune of set, as
// strings.ContainsAny does, but by one fast search per rune of set: for a
// set that is not all ASCII, ContainsAny looks each rune of s up in set.
func containsRuneOf(s, set string) bool {
	for _, r := range set {
		if strings.ContainsRune(s, r) {
			return true
		}
	}
	return false
}

// Word-at-a-time scanning: eight bytes are tested at once for one below
// 0x20 (a control byte), so that text without one is skipped eight bytes a
// step. lowBytes(x) is non-zero when a byte of x is below 0x20 (and may be
// for a byte after one that is: only whether it is zero counts).
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

func lowBytes(x uint64) uint64 { return (x - ones*0x20) & ^x & highs }

// load64 reads s[i:i+8] as a little-endian word.
func load64[T string | []byte](s T, i int) uint64 {
	w := s[i : i+8] // one bounds check: the compiler reads the eight bytes as one word
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// nextControl returns the index of the first byte below 0x20 in s at or
// after i, or len(s).
func nextControl[T string | []byte](s T, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if lowBytes(load64(s, i)) != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if s[i] < 0x20 {
			return i
		}
	}
	return len(s)
}
