package convert

import (
	"strings"
	"unicode/utf8"
)

// The places of a text as printed where a sentence of its key may end, for
// mayHavePullQuote: those addMarkEnds gives at its marks and addEndRun at
// its end, each a place that may be a sentence end of the key
// (sentenceEndAt) where another key may end. A key ends in a rune that is
// neither a trimmed mark nor white space, so only places after such a rune
// count (afterKeyRune). Some of them may be no sentence end.

// A placeList collects the places addMarkEnds and addEndRun find, each
// moved by shift, in its filter's placeBuf, and every maxPlaces of them
// (spill) hands them to the filter's anyEndAt, when it has the texts of a
// chunk (in), and keeps no more, so that its memory stays bounded on any
// text (a run of a million closers makes a million places); found records
// that anyEndAt reported true, after which it hands on no more.
// The places are kept in the filter, not here, so that nothing of a
// placeList goes to the heap: it holds the texts, which may be on the
// caller's stack (finishArticle's).
type placeList struct {
	n      int // places held: filter.placeBuf[:n]
	shift  int
	filter *quoteFilter
	in     textChunk
	found  bool
}

// maxPlaces is the most places a placeList holds.
const maxPlaces = 1 << 10

func (l *placeList) add(p int) {
	l.filter.placeBuf[l.n] = p + l.shift
	l.n++
	if l.n == maxPlaces {
		l.spill()
	}
}

// spill hands the places to the filter, unless it found an end already,
// and drops them. It is kept out of line so that add, called at every
// place, is inlined.
//
//go:noinline
func (l *placeList) spill() {
	if !l.found {
		l.found = l.filter.anyEndAt(l.in, l.filter.placeBuf[:l.n])
	}
	l.n = 0
}

// addMarkEnds adds to l the places at marks:
// before each '.', '!', '?', '…' and each ',' that follows a closing quote
// or bracket or comes before a quote, and before each closing quote or
// bracket (“”‘’"') of the run up to one; each only after a rune a key may
// end with (afterKeyRune). Each mark is found by its own fast search
// (strings.IndexByte), faster than one pass testing every byte: the
// places come mark by mark ('.' first), increasing for each but for the
// closers' starts, which come after their mark.
func addMarkEnds(l *placeList, s string) {
	const marks = ".,!?\xe2"
	for m := 0; m < len(marks); m++ { // each mark by a fast search, in any order
		c := marks[m]
		for i := 0; ; i++ {
			k := strings.IndexByte(s[i:], c)
			if k < 0 {
				break
			}
			i += k
			switch c {
			case ',':
				if closerBefore(s, i) == 0 && !quoteAfter(s, i+1) {
					continue // a comma outside quotes
				}
			case 0xE2:
				if !strings.HasPrefix(s[i:], "…") {
					continue // another rune
				}
			}
			for e := i; e > 0; { // the mark, then the starts of the closers before it
				if k := endByte[s[e-1]]; k == keyEnd || k == runeEnd && afterKeyRuneSlow(s, e) { // afterKeyRune
					l.add(e)
				}
				n := closerBefore(s, e)
				if n == 0 {
					break
				}
				e -= n
			}
		}
	}
}

// addEndRun adds to l the places at the end of s (see addMarkEnds): each
// place in the runs of closers and trimmed runes (isTrimRune) that end it,
// from len(s) down, after a rune a key may end with (afterKeyRune), but
// for those before a '.', '!' or '?', which addMarkEnds gives.
func addEndRun(l *placeList, s string) {
	for p := len(s); p > 0; {
		c, n := s[p-1], 1
		var trimmed, closer bool
		if c < utf8.RuneSelf { // isTrimRune and closerBefore on an ASCII byte
			trimmed, closer = quoteKeyTrimASCII[c] || asciiSpace[c], closerByte[c]
		} else {
			var r rune
			r, n = utf8.DecodeLastRuneInString(s[:p])
			trimmed, closer = isTrimRune(r), closerBefore(s, p) > 0
		}
		if !trimmed && (p == len(s) || s[p] != '.' && s[p] != '!' && s[p] != '?') {
			l.add(p)
		}
		if !trimmed && !closer {
			return
		}
		p -= n
	}
}

// afterKeyRune reports whether a key may end at p of s as printed: the
// rune before p folds to neither a trimmed mark (quoteKeyTrim) nor white
// space (isTrimRune), the runes a key never ends with. An ASCII byte is
// told by table (endByte); the last byte of another rune sends the rune
// to afterKeyRuneSlow. addMarkEnds makes the test inline.
func afterKeyRune(s string, p int) bool {
	if p == 0 {
		return false
	}
	k := endByte[s[p-1]]
	return k == keyEnd || k == runeEnd && afterKeyRuneSlow(s, p)
}

func afterKeyRuneSlow(s string, p int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:p])
	return !isTrimRune(r)
}

// endByte sorts the bytes for afterKeyRune: an ASCII byte isTrimRune takes
// (quoteKeyTrim's and white space) is trimmedEnd, another keyEnd; a byte
// above ASCII, which ends a rune to decode, runeEnd.
var endByte = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = runeEnd
		case !quoteKeyTrimASCII[c] && !asciiSpace[c]:
			t[c] = keyEnd
		}
	}
	return t
}()

const (
	trimmedEnd = iota
	keyEnd
	runeEnd
)

// closerBefore returns the length of the rune before i of s when it folds
// to a closer of sentenceEndAt ('"', '\” or ')'), or 0.
func closerBefore(s string, i int) int {
	if i > 0 && closerByte[s[i-1]] {
		return 1
	}
	if i >= 3 && isCurlyQuote(s[i-3:i]) {
		return 3
	}
	return 0
}

// quoteAfter reports whether the rune at i of s folds to '"' or '\”.
func quoteAfter(s string, i int) bool {
	return i < len(s) && (s[i] == '"' || s[i] == '\'') || i+3 <= len(s) && isCurlyQuote(s[i:i+3])
}

// isCurlyQuote reports whether q (three bytes) is ‘ ’ “ or ”.
func isCurlyQuote(q string) bool {
	return q[0] == 0xE2 && q[1] == 0x80 && (q[2] == 0x98 || q[2] == 0x99 || q[2] == 0x9C || q[2] == 0x9D)
}
