package convert

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
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
// Its time is linear in the text: every paragraph is normalized once (none
// is when no paragraph has 6 to 80 words, or when mayHavePullQuote, reading
// the text as printed, finds no candidate ending another's sentence); a set of the candidates' last
// bytes (tailSet) finds the sentence ends where one may end, most often
// none; only then do the distinct candidate texts go into a table keyed by
// the text, and the lengths to try go into a second table by the
// candidates' last tailBytes bytes (or into one short list below that
// length); at each sentence end of each paragraph, the tailBytes bytes
// before it name the lengths to try, and one lookup per length finds the
// candidate ending there. The work per sentence end is bounded by the
// distinct candidate lengths sharing one tail, times their length (one or
// two lengths in running text; at most the 80 words of a candidate's
// length, squared, in text built to defeat it), never the number of
// candidates or paragraphs. Unlike the pairwise search it replaces, it
// needs no paragraph limit. It does not look at the text as printed:
// pullQuoteMask also asked that a candidate's last 12 bytes as printed
// occur in the source, which changes nothing on the corpora.
func findPullQuotes(texts []bodyText) []bool {
	if mask := markPullQuotes(texts); mask != nil {
		return mask
	}
	return make([]bool, len(texts))
}

// markPullQuotes is findPullQuotes giving nil, not a mask, when the cheap
// tests find no candidate that may be a pull quote: movePullQuotes then
// allocates none.
func markPullQuotes(texts []bodyText) []bool {
	if len(texts) < 2 || !anyMayBeQuote(texts) {
		return nil // no candidate, whatever the keys
	}
	if !mayHavePullQuote(texts) {
		return nil // no candidate's key ends where another's sentence may
	}
	mask := make([]bool, len(texts))
	bp := keyBuffers.Get().(*[]byte)
	defer putKeyBuffer(bp)
	keys := quoteKeysIn(bp, texts) // views of *bp: none may outlive this call
	if len(texts) <= maxPairwiseTexts {
		pairwisePullQuotes(texts, keys, mask)
	} else {
		indexPullQuotes(texts, keys, mask)
	}
	return mask
}

// indexPullQuotes marks in mask the candidates among texts that are pull
// quotes of another text, with a quoteIndex: time linear in the text. The
// sentence ends where a candidate may end, by its last bytes (see
// tailSet), are found first; the index is built only when there are some,
// which in most articles there are not, and only of the candidates whose
// last bytes were found.
func indexPullQuotes(texts []bodyText, keys []string, mask []bool) {
	tails := newTailSet(texts, keys)
	if tails.minLen < 0 {
		return
	}
	var ends []quoteEnd
	for j, src := range keys {
		if len(src) <= tails.minLen {
			continue // no candidate fits strictly inside
		}
		forEachSentenceEnd(src, tails.minLen, func(e int) { // no candidate ends before minLen
			if tails.mayEndAt(src, e) {
				ends = append(ends, quoteEnd{j, e})
			}
		})
	}
	if len(ends) == 0 {
		return
	}
	idx := newQuoteIndex(texts, keys, tails.wasFound) // the candidates that may end at one of ends
	for _, q := range ends {
		idx.lookup(keys[q.src], q.end, func(g *quoteGroup) {
			for _, i := range g.members {
				mask[i] = true
			}
		})
	}
}

// A quoteEnd is a sentence end of a paragraph's key where a candidate may
// end: the paragraph's index and the byte offset.
type quoteEnd struct{ src, end int }

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

// quoteKeys returns pullQuoteKey of every text, in a buffer of their own.
func quoteKeys(texts []bodyText) []string { return quoteKeysIn(new([]byte), texts) }

// quoteKeysIn returns pullQuoteKey of every text, built in *bp by
// appendQuoteKey. The keys are views of *bp, not copies (a copy costs as
// much as the keys): they hold while *bp is neither written nor recycled,
// so a caller that recycles the buffer (findPullQuotes) must let no key
// outlive its use.
func quoteKeysIn(bp *[]byte, texts []bodyText) []string {
	n := 0
	for _, t := range texts {
		n += len(t.text)
	}
	buf := slices.Grow((*bp)[:0], n+n/8) // lower case may take more bytes ("Ⱥ" to "ⱥ")
	ends := make([]int, len(texts))
	for i, t := range texts {
		buf = appendQuoteKey(buf, t.text)
		ends[i] = len(buf)
	}
	*bp = buf
	keys := make([]string, len(texts))
	start := 0
	for i, e := range ends {
		keys[i] = unsafe.String(unsafe.SliceData(buf[start:]), e-start)
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
}

// newQuoteIndex indexes the candidates among texts that keep accepts: 6 to
// 80 words, both as printed and normalized, and at least 12 bytes as
// printed without closing quotes and punctuation.
func newQuoteIndex(texts []bodyText, keys []string, keep func(key string) bool) *quoteIndex {
	idx := &quoteIndex{groups: make(map[string]*quoteGroup)}
	for i, t := range texts {
		if !keep(keys[i]) || !isQuoteCandidate(t, keys[i]) {
			continue
		}
		k := keys[i]
		if g := idx.groups[k]; g != nil {
			g.members = append(g.members, i)
			continue
		}
		idx.groups[k] = &quoteGroup{long: minMidSentenceWords <= strings.Count(k, " ")+1, members: []int{i}}
		if len(k) < tailBytes {
			idx.shortLens = insertSorted(idx.shortLens, len(k))
			continue
		}
		if idx.tailLens == nil {
			idx.tailLens = make(map[string][]int)
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
	return mayBeQuote(t) && isPullQuoteCandidate(key)
}

// mayBeQuote is the half of isQuoteCandidate that looks at t as printed:
// 6 to 80 words, at least 12 bytes without closing quotes and punctuation.
func mayBeQuote(t bodyText) bool {
	return t.words >= 6 && t.words <= 80 && trimmedLen(t.text) >= 12
}

// anyMayBeQuote reports whether a text of texts passes mayBeQuote: when none
// does, none is a candidate, whatever its key.
func anyMayBeQuote(texts []bodyText) bool {
	return slices.ContainsFunc(texts, mayBeQuote)
}

// trimmedLen is the length of s without closing quotes and punctuation
// (and spaces), as the raw tail of a candidate is measured: the length of
// strings.TrimRight(s, closingMarks), found byte by byte over ASCII and
// rune by rune above it (a byte that is no rune, and so in no cutset,
// stops it as it stops TrimRight).
func trimmedLen(s string) int {
	n := len(s)
	for n > 0 {
		if c := s[n-1]; c < utf8.RuneSelf {
			if !closingASCII[c] {
				break // the common case: a letter or digit ends it
			}
			n--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:n])
		if r != '“' && r != '”' && r != '’' && r != '…' {
			break
		}
		n -= size
	}
	return n
}

// closingMarks is what trimmedLen trims; closingASCII marks its ASCII
// bytes, and its other runes are “ ” ’ and … (which trimmedLen names).
const closingMarks = "\"'“”’.,;:!?… "

var closingASCII = func() (t [utf8.RuneSelf]bool) {
	for _, r := range closingMarks {
		if r < utf8.RuneSelf {
			t[r] = true
		}
	}
	return t
}()

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
// of s from lo on where sentenceEndAt(s, e) holds, in one pass from the
// end: the run of closing quotes and brackets after each position is
// tracked, not rescanned, and runs of plain bytes are skipped (see
// lastNotPlain).
func forEachSentenceEnd(s string, lo int, f func(e int)) {
	q := len(s) // the first index >= e that is not a closing quote or bracket
	for e := len(s); e >= max(lo, 0); e-- {
		if e < len(s) {
			if plainByte[s[e]] { // no end here, nor before the plain bytes preceding it
				e = lastNotPlain(s, e) + 1
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

// lastNotPlain returns the index of the last byte before end that is not
// plain (plainByte), or -1: eight bytes at a time while mayHoldNotPlain
// clears them, then byte by byte.
func lastNotPlain(s string, end int) int {
	i := end
	for {
		for i >= 8 && !mayHoldNotPlain(load64(s, i-8)) {
			i -= 8
		}
		for lo := max(i-8, 0); i > lo; i-- {
			if !plainByte[s[i-1]] {
				return i - 1
			}
		}
		if i == 0 {
			return -1
		}
	}
}

// mayHoldNotPlain reports whether a byte of x may not be plain: one of
// 0x80 and above (0xE2 opens '…'), of '!' to '.' (the closers, '.', '!'
// and ','), or '?'. Bytes of x below 0x80 are tested exactly: no sum
// carries into the next byte.
func mayHoldNotPlain(x uint64) bool {
	const low7 = ones * 0x7f
	above := func(c byte) uint64 { return x + ones*uint64(0x7f-c) } // high bit: byte > c
	q := x ^ ones*'?'
	isQ := ^((q&low7 + low7) | q) // high bit: byte == '?'
	return (x|above(' ')&^above('.')|isQ)&highs != 0
}

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
