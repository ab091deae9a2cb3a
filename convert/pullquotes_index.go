package convert

import (
	"bytes"
	"strings"
	"sync"
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
// Its time is linear in the text: every paragraph is normalized once and
// hashed (prefix hashes, so any span's hash costs O(1)); the distinct
// candidate texts go into a table by length and hash, and the lengths to
// try go into a second table by the candidates' last tailBytes bytes (or
// into one short list below that length); at each sentence end of each
// paragraph, the hash of the tailBytes bytes before it names the lengths
// to try, and one lookup per length finds the candidates ending there.
// Spans that hash alike are compared byte for byte before a candidate is
// marked, so a hash collision costs time, never a wrong answer. The work
// per sentence end is the number of distinct candidate lengths sharing one
// tail (one or two in running text; under tailBytes more in text built to
// defeat it), never the number of candidates. Unlike the pairwise search
// it replaces, it needs no paragraph limit. It does not look at the text as
// printed: pullQuoteMask also asked that a candidate's last 12 bytes as
// printed occur in the source, which changes nothing on the corpora.
func findPullQuotes(texts []bodyText) []bool {
	mask := make([]bool, len(texts))
	if len(texts) < 2 {
		return mask
	}
	keys := quoteKeys(texts)
	idx := newQuoteIndex(texts, keys)
	if idx.empty() {
		return mask
	}
	h := hasherPool.Get().(*spanHasher)
	defer hasherPool.Put(h)
	for _, src := range keys {
		if len(src) <= idx.minLen {
			continue // no candidate fits strictly inside
		}
		h.reset(src)
		forEachSentenceEnd(src, func(e int) {
			idx.lookup(h, src, e, func(g *quoteGroup) {
				for _, i := range g.members {
					mask[i] = true
				}
			})
		})
	}
	return mask
}

// quoteKeys returns pullQuoteKey of every text, built in one buffer: ASCII
// texts (most) by a table-driven copy, the others by pullQuoteKey itself.
func quoteKeys(texts []bodyText) []string {
	n := 0
	for _, t := range texts {
		n += len(t.text)
	}
	buf := make([]byte, 0, n)
	ends := make([]int, len(texts))
	var other []int // texts left to pullQuoteKey
	for i, t := range texts {
		var ok bool
		if buf, ok = appendASCIIKey(buf, t.text); !ok {
			other = append(other, i)
		}
		ends[i] = len(buf)
	}
	all := string(buf)
	keys := make([]string, len(texts))
	start := 0
	for i, e := range ends {
		keys[i] = all[start:e]
		start = e
	}
	for _, i := range other {
		keys[i] = pullQuoteKey(texts[i].text)
	}
	return keys
}

// appendASCIIKey appends pullQuoteKey(s) to dst when s is all ASCII and
// reports true; otherwise it leaves dst as it was and reports false.
func appendASCIIKey(dst []byte, s string) ([]byte, bool) {
	start := len(dst)
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return dst[:start], false
		case asciiSpace[c]:
			space = len(dst) > start
			continue
		case space:
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, lowerByte[c])
	}
	key := bytes.Trim(dst[start:], "\"' .,;:!?")
	n := copy(dst[start:], key) // key lies inside dst[start:], at or after start
	return dst[:start+n], true
}

// asciiSpace and lowerByte are the ASCII cases of pullQuoteKey's
// unicode.IsSpace and unicode.ToLower.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}
var lowerByte = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// tailBytes is the length of the tail by which long candidates are indexed.
const tailBytes = 32

// A quoteGroup is the candidates whose normalized texts are identical.
type quoteGroup struct {
	key     string
	long    bool  // minMidSentenceWords words or more: may start mid-sentence
	marked  bool  // found in a longer paragraph
	members []int // indexes into texts
}

// quoteIndex finds the candidate groups whose text ends at a position of a
// paragraph. All groups are kept by (length, hash); the lengths to try
// there come from shortLens for texts shorter than tailBytes, and for
// longer ones from the hash of the last tailBytes bytes: the lengths of
// the groups that end with those bytes.
type quoteIndex struct {
	groups    map[spanKey][]*quoteGroup
	shortLens []int            // the distinct lengths under tailBytes, ascending
	tailLens  map[uint64][]int // tail hash -> distinct lengths, ascending
	minLen    int              // the shortest candidate text; -1: none
}

type spanKey struct {
	n int
	h uint64
}

// newQuoteIndex indexes the candidates among texts: 6 to 80 words, both as
// printed and normalized, and at least 12 bytes as printed without closing
// quotes and punctuation.
func newQuoteIndex(texts []bodyText, keys []string) *quoteIndex {
	idx := &quoteIndex{groups: make(map[spanKey][]*quoteGroup, len(texts)), tailLens: make(map[uint64][]int, len(texts)), minLen: -1}
	for i, t := range texts {
		if t.words < 6 || t.words > 80 || trimmedLen(t.text) < 12 || !isPullQuoteCandidate(keys[i]) {
			continue
		}
		k := keys[i]
		sk := spanKey{len(k), hashString(k)}
		if g := findGroup(idx.groups[sk], k); g != nil {
			g.members = append(g.members, i)
			continue
		}
		g := &quoteGroup{key: k, long: minMidSentenceWords <= strings.Count(k, " ")+1, members: []int{i}}
		idx.groups[sk] = append(idx.groups[sk], g)
		if idx.minLen < 0 || len(k) < idx.minLen {
			idx.minLen = len(k)
		}
		if len(k) < tailBytes {
			idx.shortLens = insertSorted(idx.shortLens, len(k))
		} else {
			th := hashString(k[len(k)-tailBytes:])
			idx.tailLens[th] = insertSorted(idx.tailLens[th], len(k))
		}
	}
	return idx
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
func (idx *quoteIndex) lookup(h *spanHasher, src string, e int, found func(*quoteGroup)) {
	try := func(n int) {
		s := e - n
		if s < 0 || n >= len(src) {
			return
		}
		for _, g := range idx.groups[spanKey{n, h.span(s, e)}] {
			if g.marked || src[s:e] != g.key {
				continue
			}
			if sentenceStartAt(src, s) || g.long && wordStartAt(src, s) {
				g.marked = true
				found(g)
			}
		}
	}
	for _, n := range idx.shortLens {
		try(n)
	}
	if e >= tailBytes {
		for _, n := range idx.tailLens[h.span(e-tailBytes, e)] {
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
		if e < len(s) && !closerByte[s[e]] {
			q = e
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

// hasherPool keeps spanHashers, whose buffers grow to the longest
// paragraph seen, from one article to the next.
var hasherPool = sync.Pool{New: func() any { return new(spanHasher) }}

// findGroup returns the group of gs whose text is key, or nil.
func findGroup(gs []*quoteGroup, key string) *quoteGroup {
	for _, g := range gs {
		if g.key == key {
			return g
		}
	}
	return nil
}

// spanHasher hashes any span of one string in O(1) after O(n) set-up: a
// polynomial hash modulo 2^64 over prefix sums. Its buffers are reused
// from one string to the next.
type spanHasher struct {
	prefix []uint64 // prefix[i]: hash of s[:i]
	pow    []uint64 // pow[i]: hashBase^i
}

const hashBase = 1099511628211 // odd, the FNV-64 prime

// reset prepares h for the spans of s.
func (h *spanHasher) reset(s string) {
	h.prefix = append(h.prefix[:0], 0)
	for i := 0; i < len(s); i++ {
		h.prefix = append(h.prefix, h.prefix[i]*hashBase+uint64(s[i])+1)
	}
	if len(h.pow) == 0 {
		h.pow = append(h.pow, 1)
	}
	for len(h.pow) <= len(s) {
		h.pow = append(h.pow, h.pow[len(h.pow)-1]*hashBase)
	}
}

// span returns the hash of s[i:j] for the string of the last reset.
func (h *spanHasher) span(i, j int) uint64 { return h.prefix[j] - h.prefix[i]*h.pow[j-i] }

// hashString is the hash span gives for the whole of s.
func hashString(s string) uint64 {
	var v uint64
	for i := 0; i < len(s); i++ {
		v = v*hashBase + uint64(s[i]) + 1
	}
	return v
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
