package convert

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// findPullQuotes marks the paragraphs that repeat body text (pull quotes,
// to be moved out of the body) by the rule of isPullQuoteOf: a candidate
// (6 to 80 words) whose normalized text (pullQuoteKey) occurs in a longer
// paragraph's, ending where a sentence of it ends and starting where one
// starts (or at any word, from minMidSentenceWords words on):
//
//	source:    "The mayor said the festival would stay on the water for good."
//	candidate: "The festival would stay on the water for good"
//
// Its time is linear in the text: every paragraph is normalized once; the
// distinct candidate texts go into a table keyed by the text, and the
// lengths to try go into a second table by the candidates' last tailBytes
// bytes (or into one short list below that length); at each sentence end
// of each paragraph, the tailBytes bytes before it name the lengths to
// try, and one lookup per length finds the candidate ending there. The
// work per sentence end is bounded by the distinct candidate lengths
// sharing one tail, times their length (one or two lengths in running
// text; at most the 80 words of a candidate's length, squared, in text
// built to defeat it), never the number of candidates or paragraphs.
// Unlike the pairwise search it replaces, it needs no paragraph limit. It
// does not look at the text as printed: pullQuoteMask also asked that a
// candidate's last 12 bytes as printed occur in the source, which changes
// nothing on the corpora.
func findPullQuotes(texts []bodyText) []bool {
	mask := make([]bool, len(texts))
	if len(texts) < 2 {
		return mask
	}
	keys := quoteKeys(texts)
	if len(texts) <= maxPairwiseTexts {
		pairwisePullQuotes(texts, keys, mask)
	} else {
		indexPullQuotes(texts, keys, mask)
	}
	return mask
}

// indexPullQuotes marks in mask the candidates among texts that are pull
// quotes of another text, with a quoteIndex: time linear in the text.
func indexPullQuotes(texts []bodyText, keys []string, mask []bool) {
	idx := newQuoteIndex(texts, keys)
	if idx.empty() {
		return
	}
	for _, src := range keys {
		if len(src) <= idx.minLen {
			continue // no candidate fits strictly inside
		}
		forEachSentenceEnd(src, func(e int) {
			idx.lookup(src, e, func(g *quoteGroup) {
				for _, i := range g.members {
					mask[i] = true
				}
			})
		})
	}
}

// maxPairwiseTexts is the most paragraphs an article may have for
// findPullQuotes to test each candidate against each other paragraph
// with isPullQuoteOf, the rule itself, rather than build its index: for
// the few paragraphs of most clippings the tables cost more than the
// comparisons they save.
const maxPairwiseTexts = 8

// pairwisePullQuotes marks in mask the candidates among texts (as
// newQuoteIndex takes them) that are pull quotes of another text, testing
// every pair: time quadratic in len(texts).
func pairwisePullQuotes(texts []bodyText, keys []string, mask []bool) {
	for i, t := range texts {
		if !isQuoteCandidate(t, keys[i]) {
			continue
		}
		for j, src := range keys {
			if j != i && isPullQuoteOf(keys[i], src) {
				mask[i] = true
				break
			}
		}
	}
}

// quoteKeys returns pullQuoteKey of every text, built in one buffer by
// appendQuoteKey (recycled from one article to the next: it is copied to
// the one string the keys share).
func quoteKeys(texts []bodyText) []string {
	n := 0
	for _, t := range texts {
		n += len(t.text)
	}
	bp := keyBuffers.Get().(*[]byte)
	defer putKeyBuffer(bp)
	buf := slices.Grow((*bp)[:0], n+n/8) // lower case may take more bytes ("Ⱥ" to "ⱥ")
	ends := make([]int, len(texts))
	for i, t := range texts {
		buf = appendQuoteKey(buf, t.text)
		ends[i] = len(buf)
	}
	*bp = buf
	all := string(buf)
	keys := make([]string, len(texts))
	start := 0
	for i, e := range ends {
		keys[i] = all[start:e]
		start = e
	}
	return keys
}

// keyBuffers recycles quoteKeys' buffers; one larger than maxKeyBuffer
// bytes is let go, so a huge document does not pin its size.
var keyBuffers = sync.Pool{New: func() any { return new([]byte) }}

const maxKeyBuffer = 1 << 20

func putKeyBuffer(bp *[]byte) {
	if cap(*bp) <= maxKeyBuffer {
		keyBuffers.Put(bp)
	}
}

// appendQuoteKey appends pullQuoteKey(s) to dst: eight bytes at a time
// where they are ASCII letters, digits, marks and single spaces (most of
// running text: lowerWord), runs of other ASCII bytes that are not spaces
// through the keyByte table, other runes as pullQuoteKey folds them. A run
// of spaces becomes one space, also at either end, where the final trim
// (whose set holds the space) takes it off again.
func appendQuoteKey(dst []byte, s string) []byte {
	start := len(dst)
	dst = slices.Grow(dst, len(s))
	space := true // the last byte written is a space, or none was written
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load64(s, i); isPlainWord(x) && !(space && byte(x) == ' ') {
				n := len(dst)
				dst = slices.Grow(dst, 8)[:n+8] // the rune path may have used the room made above
				binary.LittleEndian.PutUint64(dst[n:], lowerWord(x))
				space = byte(x>>56) == ' '
				i += 8
				continue
			}
		}
		for end := min(i+8, len(s)); i < end; { // then the word test again
			if keyByte[s[i]] != 0 {
				for ; i < end && keyByte[s[i]] != 0; i++ {
					dst = append(dst, keyByte[s[i]])
				}
				space = false
				continue
			}
			if asciiSpace[s[i]&0x7f] && s[i] < utf8.RuneSelf {
				if !space {
					dst = append(dst, ' ')
					space = true
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if r, isSpace := foldKeyRune(r); !isSpace {
				dst = utf8.AppendRune(dst, r)
				space = false
			} else if !space {
				dst = append(dst, ' ')
				space = true
			}
		}
	}
	key := trimQuoteKey(dst[start:])
	n := copy(dst[start:], key) // key lies inside dst[start:], at or after start
	return dst[:start+n]
}

// trimQuoteKey returns bytes.Trim(b, quoteKeyTrim) without decoding runes:
// the set is ASCII but for '…', a three-byte rune found as such.
func trimQuoteKey(b []byte) []byte {
	for len(b) > 0 {
		if c := b[0]; c < utf8.RuneSelf && quoteKeyTrimASCII[c] {
			b = b[1:]
		} else if bytes.HasPrefix(b, ellipsis) {
			b = b[len(ellipsis):]
		} else {
			break
		}
	}
	for len(b) > 0 {
		if c := b[len(b)-1]; c < utf8.RuneSelf && quoteKeyTrimASCII[c] {
			b = b[:len(b)-1]
		} else if bytes.HasSuffix(b, ellipsis) {
			b = b[:len(b)-len(ellipsis)]
		} else {
			break
		}
	}
	return b
}

var ellipsis = []byte("…")

// quoteKeyTrimASCII marks the ASCII bytes of quoteKeyTrim.
var quoteKeyTrimASCII = func() (t [utf8.RuneSelf]bool) {
	for _, r := range quoteKeyTrim {
		if r < utf8.RuneSelf {
			t[r] = true
		}
	}
	return t
}()

// isPlainWord reports whether the eight bytes of x are ASCII, none below
// 0x20, and no two neighbours spaces: bytes appendQuoteKey copies as they
// are, lower-cased. It may turn away a word that is plain (a space before
// a '!'), never take one that is not.
func isPlainWord(x uint64) bool {
	if x&highs != 0 || lowBytes(x) != 0 {
		return false
	}
	sp := x ^ ones*' '
	z := (sp - ones) & ^sp & highs // the high bit of each space byte (and maybe of the byte after one)
	return z&(z>>8) == 0
}

// lowerWord lower-cases the ASCII letters of x, whose bytes are all ASCII.
func lowerWord(x uint64) uint64 {
	ge := x + ones*(0x80-'A')   // high bit set for bytes >= 'A'
	gt := x + ones*(0x80-'Z'-1) // high bit set for bytes > 'Z'
	return x | (ge&^gt&highs)>>2
}

// quoteKeyTrim is what pullQuoteKey trims off both ends of a key.
const quoteKeyTrim = "\"' .,;:!?…"

// asciiSpace is the ASCII case of pullQuoteKey's unicode.IsSpace.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

// keyByte maps an ASCII byte other than a space (and NUL) to its lower case
// (pullQuoteKey's unicode.ToLower); it is 0 for the others: spaces, NUL,
// and the bytes of multi-byte runes.
var keyByte = func() (t [256]byte) {
	for c := 1; c < utf8.RuneSelf; c++ {
		if !asciiSpace[c] {
			t[c] = byte(unicode.ToLower(rune(c)))
		}
	}
	return t
}()

// tailBytes is the length of the tail by which long candidates are indexed.
const tailBytes = 32

// A quoteGroup is the candidates whose normalized texts are identical.
type quoteGroup struct {
	long    bool  // minMidSentenceWords words or more: may start mid-sentence
	marked  bool  // found in a longer paragraph
	members []int // indexes into texts
}

// quoteIndex finds the candidate groups whose text ends at a position of a
// paragraph. All groups are kept by their text; the lengths to try there
// come from shortLens for texts shorter than tailBytes, and for longer
// ones from the last tailBytes bytes: the lengths of the groups that end
// with those bytes.
type quoteIndex struct {
	groups    map[string]*quoteGroup // by key
	shortLens []int                  // the distinct lengths under tailBytes, ascending
	tailLens  map[string][]int       // last tailBytes bytes -> distinct lengths, ascending
	minLen    int                    // the shortest candidate text; -1: none
}

// newQuoteIndex indexes the candidates among texts: 6 to 80 words, both as
// printed and normalized, and at least 12 bytes as printed without closing
// quotes and punctuation.
func newQuoteIndex(texts []bodyText, keys []string) *quoteIndex {
	idx := &quoteIndex{groups: make(map[string]*quoteGroup, len(texts)), minLen: -1}
	for i, t := range texts {
		if !isQuoteCandidate(t, keys[i]) {
			continue
		}
		k := keys[i]
		if g := idx.groups[k]; g != nil {
			g.members = append(g.members, i)
			continue
		}
		idx.groups[k] = &quoteGroup{long: minMidSentenceWords <= strings.Count(k, " ")+1, members: []int{i}}
		if idx.minLen < 0 || len(k) < idx.minLen {
			idx.minLen = len(k)
		}
		if len(k) < tailBytes {
			idx.shortLens = insertSorted(idx.shortLens, len(k))
			continue
		}
		if idx.tailLens == nil {
			idx.tailLens = make(map[string][]int, len(texts))
		}
		tail := k[len(k)-tailBytes:]
		idx.tailLens[tail] = insertSorted(idx.tailLens[tail], len(k))
	}
	return idx
}

// isQuoteCandidate reports whether t, whose key is key, may be a pull
// quote: 6 to 80 words, both as printed and normalized, and at least 12
// bytes as printed without closing quotes and punctuation.
func isQuoteCandidate(t bodyText, key string) bool {
	return t.words >= 6 && t.words <= 80 && trimmedLen(t.text) >= 12 && isPullQuoteCandidate(key)
}

// trimmedLen is the length of s without closing quotes and punctuation
// (and spaces), as the raw tail of a candidate is measured.
func trimmedLen(s string) int {
	if s == "" {
		return 0
	}
	if c := s[len(s)-1]; c < utf8.RuneSelf && !strings.ContainsRune("\"'.,;:!? ", rune(c)) {
		return len(s) // the common case: a letter or digit ends it
	}
	return len(strings.TrimRight(s, "\"'“”’.,;:!?… "))
}

func (idx *quoteIndex) empty() bool { return idx.minLen < 0 }

// lookup calls found for each unmarked group whose text is src[s:e], for
// some s, shorter than src, that passes the start rule, and marks it.
func (idx *quoteIndex) lookup(src string, e int, found func(*quoteGroup)) {
	try := func(n int) {
		s := e - n
		if s < 0 || n >= len(src) {
			return
		}
		g := idx.groups[src[s:e]]
		if g == nil || g.marked {
			return
		}
		if sentenceStartAt(src, s) || g.long && wordStartAt(src, s) {
			g.marked = true
			found(g)
		}
	}
	for _, n := range idx.shortLens {
		try(n)
	}
	if e >= tailBytes && idx.tailLens != nil {
		for _, n := range idx.tailLens[src[e-tailBytes:e]] {
			try(n)
		}
	}
}

// forEachSentenceEnd calls f, in decreasing order, with every position e
// of s where sentenceEndAt(s, e) holds, in one pass from the end: the run
// of closing quotes and brackets after each position is tracked, not
// rescanned.
func forEachSentenceEnd(s string, f func(e int)) {
	q := len(s) // the first index >= e that is not a closing quote or bracket
	for e := len(s); e >= 0; e-- {
		if e < len(s) {
			if plainByte[s[e]] { // no end here, nor before the plain bytes preceding it
				for e > 0 && plainByte[s[e-1]] {
					e--
				}
				q = e
				continue
			}
			if !closerByte[s[e]] {
				q = e
			}
		}
		if q == len(s) {
			f(e)
			continue
		}
		switch c := s[q]; {
		case c == '.' || c == '!' || c == '?':
			f(e)
		case c == 0xE2 && strings.HasPrefix(s[q:], "…"):
			f(e)
		case c == ',' && (q > e || q+1 < len(s) && (s[q+1] == '"' || s[q+1] == '\'')):
			f(e)
		}
	}
}

// closerByte marks the closing quotes and bracket sentenceEndAt skips.
var closerByte = [256]bool{'"': true, '\'': true, ')': true}

// plainByte marks the bytes that are neither closers nor a mark a sentence
// end may stand before ('.', '!', '?', ',' and the first byte of '…').
var plainByte = func() (t [256]bool) {
	for c := range t {
		t[c] = !closerByte[c] && !strings.ContainsRune(".!?,", rune(c)) && c != 0xE2
	}
	return t
}()

func insertSorted(a []int, n int) []int {
	i := 0
	for i < len(a) && a[i] < n {
		i++
	}
	if i < len(a) && a[i] == n {
		return a
	}
	return append(a[:i], append([]int{n}, a[i:]...)...)
}
