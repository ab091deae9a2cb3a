package convert

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// vocabulary counts the lower-case words of an article, to decide whether
// a word broken at a line end is one word or a compound. Words keep their
// inner hyphens ("win-win"), and a word broken at a line end keeps its
// trailing one ("infor-"), so that it does not count as a word of its own.
type vocabulary map[string]int

// hasLineEndHyphen reports whether any line ends in a hyphen, the only case
// that needs a vocabulary.
func hasLineEndHyphen(paras []para) bool {
	for _, p := range paras {
		for _, l := range p.lines[:len(p.lines)-1] {
			if strings.HasSuffix(l, "-") {
				return true
			}
		}
	}
	return false
}

// newVocabulary counts, in paras, the words that the line-end hyphens of
// paras could form: each broken word joined, hyphenated, and its halves.
// Only those are counted, which keeps long articles cheap.
func newVocabulary(paras []para) vocabulary {
	v := vocabulary{}
	for _, p := range paras {
		for i := 0; i+1 < len(p.lines); i++ {
			v.want(p.lines[i], p.lines[i+1])
		}
	}
	c := v.counter()
	for _, p := range paras {
		for _, l := range p.lines {
			c.addLine(l)
		}
	}
	return v
}

// want registers the forms a hyphen at the end of line prev could make
// with next.
func (v vocabulary) want(prev, next string) {
	if !endsWithLetterHyphen(prev) {
		return
	}
	head := strings.ToLower(lastWord(prev[:len(prev)-1]))
	tail := strings.ToLower(firstWord(next))
	if head == "" || tail == "" {
		return
	}
	for _, w := range []string{head + tail, head + "-" + tail, head, tail} {
		if _, ok := v[w]; !ok {
			v[w] = 0
		}
	}
}

// A wordCounter counts the words a vocabulary wants in lines (addLine).
// Most words of a text are not wanted: those whose first byte and length
// no wanted word has are passed over without being lower-cased or looked
// up: on an archive export's articles, counting took 29% less time (CPU
// profiles of 150 runs).
type wordCounter struct {
	v vocabulary
	// shapes has bit min(n, 63) of shapes[c] set when a wanted word of n
	// bytes starts with byte c.
	shapes [256]uint64
}

// counter returns a wordCounter of v's words as they are now: words
// wanted later are not counted.
func (v vocabulary) counter() *wordCounter {
	c := &wordCounter{v: v}
	for w := range v {
		if w != "" {
			c.shapes[w[0]] |= 1 << min(len(w), 63)
		}
	}
	return c
}

// may reports whether a wanted word can start with byte b and be n bytes
// long.
func (c *wordCounter) may(b byte, n int) bool { return c.shapes[b]&(1<<min(n, 63)) != 0 }

// addLine counts the wanted words of a line: its runs of letters and
// hyphens, less their leading hyphens, lower-cased. It reads the line in
// place; a word is lower-cased into a buffer on the stack (a word with
// other runes than ASCII ones rune by rune, as strings.ToLower does one of
// letters), so that only a word that is counted, or one of more than 64
// bytes, makes a string. An ASCII word keeps its length lower-cased: one
// that c.may not be is passed over at once.
func (c *wordCounter) addLine(l string) {
	v := c.v
	var buf [64]byte
	start, ascii := -1, true
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.TrimLeft(l[start:end], "-")
		start = -1
		if w == "" || ascii && !c.may(lowerASCII(w[0]), len(w)) {
			return
		}
		b := buf[:0]
		if ascii {
			for i := range len(w) {
				b = append(b, lowerASCII(w[i]))
			}
		} else {
			for _, r := range w {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
			if !c.may(b[0], len(b)) {
				return
			}
		}
		if n, ok := v[string(b)]; ok {
			v[string(b)] = n + 1
		}
	}
	for i, r := range l {
		if r < utf8.RuneSelf && ('a' <= r|0x20 && r|0x20 <= 'z' || r == '-') || r >= utf8.RuneSelf && unicode.IsLetter(r) {
			if start < 0 {
				start, ascii = i, true
			}
			ascii = ascii && r < utf8.RuneSelf
			continue
		}
		flush(i)
	}
	flush(len(l))
}

// has reports whether word occurs in the text as a whole word.
func (v vocabulary) has(word string) bool { return v[word] > 0 }

// count counts the whole-word occurrences of word.
func (v vocabulary) count(word string) int { return v[word] }

// hyphenSuffixes are word endings that cannot stand alone: a line ending in
// "informa-" followed by "tion" is one broken word.
var hyphenSuffixes = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`tion tions sion sions ment ments ing ings ed er ers ly
		ness ity ities able ible al ally ous ive ives ism isms ist ists ance ence ure ures
		ion ions age ages ful less est ish ize ise ized ised izing ising ated ation ations
		ical ically ary ory ent ents ant ants ial ious ional ities ative ure ured uring
		lich keit heit ung ungen ungs isch schaft tet ten te ter ment ments eur euse ique`) {
		m[s] = true
	}
	return m
}()

// joinLines unwraps hard-wrapped lines into one line. A hyphen at a line end
// is a break inside a word (dropped) when the joined word occurs elsewhere in
// the article or the rest is only a suffix; otherwise it is a compound
// (kept):
//
//	infor-/mation   -> information     (when "information" occurs)
//	price-/determining -> price-determining
//	devel-/opment   -> development     ("ment" cannot stand alone)
func joinLines(lines []string, vocab vocabulary) string {
	if len(lines) == 1 {
		return lines[0]
	}
	n := len(lines) - 1 // the spaces between
	for _, l := range lines {
		n += len(l)
	}
	// The hyphen dropped at a break is the last thing written: cutting it
	// off the buffer keeps the join linear in the paragraph's length, as
	// copying what came before at every break did not (a long paragraph of
	// a typeset PDF breaks hundreds of words).
	b := make([]byte, 0, n)
	for i, l := range lines {
		if i == 0 {
			b = append(b, l...)
			continue
		}
		prev := lines[i-1]
		switch {
		case strings.HasSuffix(prev, "\u00ad"):
			b = bytes.TrimSuffix(b, []byte("\u00ad"))
		case brokenWord(prev, l, vocab):
			b = bytes.TrimSuffix(b, []byte("-"))
		case strings.HasSuffix(prev, "-") && endsWithLetterHyphen(prev):
			// a compound: keep the hyphen, no space
		default:
			b = append(b, ' ')
		}
		b = append(b, l...)
	}
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is not used again
}

func endsWithLetterHyphen(s string) bool {
	if !strings.HasSuffix(s, "-") || strings.HasSuffix(s, "--") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-1])
	return unicode.IsLetter(r)
}

// brokenWord reports whether prev ends with the first half of a word that
// next continues.
func brokenWord(prev, next string, vocab vocabulary) bool {
	if !endsWithLetterHyphen(prev) {
		return false
	}
	head := lastWord(prev[:len(prev)-1])
	tail := firstWord(next)
	if head == "" || tail == "" || !unicode.IsLower([]rune(tail)[0]) {
		return false
	}
	lh, lt := strings.ToLower(head), strings.ToLower(tail)
	switch {
	case vocab.has(lh + lt):
		return true
	case vocab.has(lh + "-" + lt):
		return false
	}
	return hyphenSuffixes[lt] || isStemAndSuffix(lh, lt)
}

// Broken-word limits, in letters: a word head of at least minBrokenHead
// letters and a tail of at most maxBrokenStem letters before a suffix.
const (
	minBrokenHead = 5
	maxBrokenStem = 2
)

// isStemAndSuffix reports whether tail is a fragment, a few letters and a
// suffix, that no word starts with on its own, after a head long enough not
// to be a prefix such as "pre-" or "self-":
//
//	devel-/opment   -> "op" + "ment"      compet-/itive -> "it" + "ive"
//	price-/determining, self-/owned        stay compounds
func isStemAndSuffix(head, tail string) bool {
	if utf8.RuneCountInString(head) < minBrokenHead {
		return false
	}
	for i := 1; i <= maxBrokenStem && i < len(tail); i++ {
		if hyphenSuffixes[tail[i:]] {
			return true
		}
	}
	return false
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return s
	}
	return s[:i]
}
