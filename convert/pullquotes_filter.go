package convert

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// mayHavePullQuote reports whether a text of texts may be a pull quote of
// another (findPullQuotes' rule), looking only at the texts as printed:
// false means none is, and the keys need not be built. It is true when a
// candidate's key (of a text that passes mayBeQuote) is the end of another
// text's key before a place where a sentence of it may end:
//
//	candidate: "If towns work together, we will weather future storms"
//	source:    "... If towns work together, we will weather future storms."
//
// or when that takes more than quoteFilterBudget times the text's bytes to
// tell. Why that is implied: a key is pullQuoteKey(s) = keyFold(s[h:t])
// (see keyTailAt), where s[:h] and s[t:] are the runs of runes that fold
// to the trimmed marks or white space at either end (see isTrimRune). Where
// a candidate ends at a sentence end e of a longer key, the key goes on
// with closing quotes then '.', '!', '?', '…' or a quoted ',', or stops;
// the runes of the source as printed there are the ones that fold to
// those (see appendRawEnds), and the key before e ends as keyFold of the
// source up to there: its last 16 bytes (8 for a candidate under 16) find
// the candidates by a table of their tails (candidateTail), and
// keyEndsWith compares the rest.
func mayHavePullQuote(texts []bodyText) bool {
	f := quoteFilters.Get().(*quoteFilter)
	defer f.release()
	f.chain = slices.Grow(f.chain[:0], len(texts))[:len(texts)]
	f.keys = slices.Grow(f.keys[:0], len(texts))[:len(texts)]
	n, size := 0, 0
	for i, t := range texts {
		size += len(t.text)
		f.chain[i] = -2 // no candidate (mayBeQuote)
		if mayBeQuote(t) {
			f.chain[i] = -1
			n++
		}
	}
	f.budget = quoteFilterBudget * size
	f.addCandidates(texts, n)
	if f.long.slots == nil && f.short.slots == nil {
		return false // no key of 8 bytes or more: no candidate (isPullQuoteCandidate)
	}
	for j := range texts {
		if f.anyEndIn(texts, j) {
			return true
		}
	}
	return false
}

// addCandidates puts the n candidates among texts (chain -1, the others
// -2) in the tables by their tails, chains them, and notes where the key
// of each that is alone with its tail ends (own).
func (f *quoteFilter) addCandidates(texts []bodyText, n int) {
	f.own = slices.Grow(f.own[:0], len(texts))[:len(texts)]
	for i, t := range texts {
		f.own[i] = -1
		if f.chain[i] == -2 {
			f.chain[i] = -1
			continue
		}
		switch tail, size, end := candidateTail(t.text); size {
		case 16:
			if f.long.slots == nil {
				f.long = newTailTableIn(f.room[0], n)
			}
			f.chain[i] = f.long.addFrom(tail[0], tail[1], i)
			f.addPair(tail[1])
			f.own[i] = end
			if prev := f.chain[i]; prev >= 0 {
				f.own[i], f.own[prev] = -1, -1 // not alone with the tail
			}
		case 8:
			if f.short.slots == nil {
				f.short = newTailTableIn(f.room[1], n)
			}
			f.chain[i] = f.short.addFrom(0, tail[1], i)
			f.addPair(tail[1])
		}
	}
	if f.short.slots != nil {
		for i := range f.own {
			f.own[i] = -1 // a short key may end as a long one does: none alone (rare)
		}
	}
}

// quoteFilters recycles mayHavePullQuote's state: its slices and the
// slots of its tables (see quoteFilter.release).
var quoteFilters = sync.Pool{New: func() any { return new(quoteFilter) }}

// maxPooledTexts bounds the texts of an article whose quoteFilter goes
// back to quoteFilters: a huge document's is let go, so it does not pin
// its size.
const maxPooledTexts = 1 << 14

// release empties f, keeping the room of its slices and of its tables'
// slots, and puts it back in quoteFilters.
func (f *quoteFilter) release() {
	if cap(f.chain) > maxPooledTexts {
		return
	}
	clear(f.keys) // no key outlives the call: keyBuf may be written again
	room := f.room
	if f.long.slots != nil {
		room[0] = f.long.slots
	}
	if f.short.slots != nil {
		room[1] = f.short.slots
	}
	keyBuf := f.keyBuf[:0]
	if cap(keyBuf) > maxKeyBuffer {
		keyBuf = nil
	}
	*f = quoteFilter{chain: f.chain[:0], keys: f.keys[:0], keyBuf: keyBuf, own: f.own[:0], places: f.places[:0], room: room}
	quoteFilters.Put(f)
}

// quoteFilterBudget bounds the bytes of keys mayHavePullQuote builds and
// compares, per byte of text: past it, it gives up and answers true.
const quoteFilterBudget = 2

// A quoteFilter is mayHavePullQuote's state: the candidates by the last 16
// (long) or 8 (short) bytes of their keys, each chained to the one added
// before it with the same bytes, and the keys built so far.
type quoteFilter struct {
	long, short tailTable
	chain       []int         // by text: the candidate before it with its tail, or -1
	keys        []string      // by text: its key, once built (a view of keyBuf)
	keyBuf      []byte        // the keys built, one after another
	own         []int         // by text: where its key ends as printed, when no other candidate's key ends with its tail; else -1
	places      []int         // the places of one text that may be sentence ends (appendRawEnds)
	budget      int           // bytes left to build and compare; below 0: give up
	pairs       [16]uint64    // bit pairIndex of the last two bytes of each key in long or short
	lows        [64]uint64    // bit lowIndex of the last eight bytes of each key in long or short
	room        [2][]tailSlot // slots of an earlier use of long and short, to reuse
}

// pairIndex is the bit of quoteFilter.pairs for a key ending with bytes a, b.
func pairIndex(a, b byte) uint { return (uint(a)*31 + uint(b)) & 1023 }

// foldedPair returns the last two bytes of keyFold(s[:p]) when p >= 2,
// s[p-2:p] is ASCII and s[p-1] no white space, as the fold makes them
// (white space before s[p-1] one space); ok is false otherwise.
func foldedPair(s string, p int) (a, b byte, ok bool) {
	if p < 2 || (s[p-2]|s[p-1]) >= utf8.RuneSelf || asciiSpace[s[p-1]] {
		return 0, 0, false
	}
	fold := func(c byte) byte {
		if asciiSpace[c] {
			return ' '
		}
		return keyByte[c]
	}
	return fold(s[p-2]), fold(s[p-1]), true
}

// lowIndex is the bit of quoteFilter.lows for a key whose last eight
// bytes are lo (a little-endian word).
func lowIndex(lo uint64) uint { return uint(lo*0x9E3779B97F4A7C15>>52) & 4095 }

// foldedLow returns the last eight bytes of keyFold(s[:p]) (see
// keyTailAt), as a little-endian word, when p >= 8 and s[p-8:p] is plain
// (isPlainWord): those bytes lower-cased (lowerWord); ok is false
// otherwise.
func foldedLow(s string, p int) (lo uint64, ok bool) {
	if p < 8 {
		return 0, false
	}
	if x := load64(s, p-8); isPlainWord(x) {
		return lowerWord(x), true
	}
	return 0, false
}

// addPair records the last two bytes of a key whose last eight are lo,
// and those eight.
func (f *quoteFilter) addPair(lo uint64) {
	l := lowIndex(lo)
	f.lows[l/64] |= 1 << (l % 64)
	k := pairIndex(byte(lo>>48), byte(lo>>56))
	f.pairs[k/64] |= 1 << (k % 64)
}

// hasLow reports whether a key in long or short ends with the eight bytes
// lo (see addPair).
func (f *quoteFilter) hasLow(lo uint64) bool {
	l := lowIndex(lo)
	return f.lows[l/64]&(1<<(l%64)) != 0
}

// anyEndIn reports whether endsAt holds at a place of texts[j] that may
// be a sentence end (appendRawEnds). It makes endsAt's first tests itself,
// without a call: the place is not where texts[j]'s own key ends, and,
// where the eight bytes before it are plain, a key ends with them
// (foldedLow, hasLow). Most places end there.
func (f *quoteFilter) anyEndIn(texts []bodyText, j int) bool {
	s, own := texts[j].text, f.own[j]
	f.places = appendRawEnds(f.places[:0], s)
	for _, p := range f.places {
		if p == own {
			continue // endsAt's first test
		}
		if p >= 8 {
			if x := load64(s, p-8); isPlainWord(x) && !f.hasLow(lowerWord(x)) {
				continue
			}
		}
		if f.endsAt(texts, j, p) {
			return true
		}
	}
	return false
}

// endsAt reports whether a candidate other than texts[j] ends where its
// key ends at p of texts[j] as printed, or the budget is spent.
func (f *quoteFilter) endsAt(texts []bodyText, j, p int) bool {
	if p == f.own[j] {
		// Where texts[j]'s own key ends, the tail found is its own and no
		// other candidate's: anyEndsWith would skip it.
		return false
	}
	src := texts[j].text
	if lo, ok := foldedLow(src, p); ok && !f.hasLow(lo) {
		return false // no key ends with the eight bytes before p
	}
	if a, b, ok := foldedPair(src, p); ok && f.pairs[pairIndex(a, b)/64]&(1<<(pairIndex(a, b)%64)) == 0 {
		return false // no key ends with the two bytes before p
	}
	if f.long.slots != nil {
		if tail, ok := keyTailAt(src, p, 16); ok && f.anyEndsWith(texts, f.long.ownerOf(tail[0], tail[1]), src, p) {
			return true
		}
	}
	if f.short.slots != nil {
		if tail, ok := keyTailAt(src, p, 8); ok && f.anyEndsWith(texts, f.short.ownerOf(0, tail[1]), src, p) {
			return true
		}
	}
	return false
}

// anyEndsWith reports whether the key of a candidate of the chain from i
// is the end of keyFold(src[:p]), src other than the candidate as printed
// (whose key is no longer than its own), or the budget is spent.
func (f *quoteFilter) anyEndsWith(texts []bodyText, i int, src string, p int) bool {
	for ; i >= 0; i = f.chain[i] {
		t := texts[i].text
		if t == src {
			continue
		}
		if f.keys[i] == "" {
			f.budget -= len(t)
			start := len(f.keyBuf)
			f.keyBuf = appendQuoteKey(f.keyBuf, t)
			// A view of keyBuf, whose bytes stay as they are till release:
			// appending moves later keys, never this one's bytes.
			f.keys[i] = unsafe.String(unsafe.SliceData(f.keyBuf[start:]), len(f.keyBuf)-start)
		}
		f.budget -= len(f.keys[i])
		if f.budget < 0 || keyEndsWith(src, p, f.keys[i]) {
			return true
		}
	}
	return false
}

// keyEndsWith reports whether keyFold(s[:p]) (see keyTailAt) ends with
// key, a key (valid UTF-8): eight bytes at a time where those of s are
// plain (isPlainWord), rune by rune elsewhere.
func keyEndsWith(s string, p int, key string) bool {
	k := len(key)
	space := false // the byte matched last, at key[k], is a space
	for k > 0 {
		if k >= 8 && p >= 8 {
			if x := load64(s, p-8); isPlainWord(x) && !(space && byte(x>>56) == ' ') {
				if lowerWord(x) != load64(key, k-8) {
					return false
				}
				p, k, space = p-8, k-8, byte(x) == ' '
				continue
			}
		}
		if p == 0 {
			return false
		}
		f, isSpace, n := foldLastRune(s, p)
		p -= n
		if isSpace && space {
			continue // one space for the run
		}
		space = isSpace
		var b [utf8.UTFMax]byte
		m := utf8.EncodeRune(b[:], f)
		if m > k || key[k-m:k] != string(b[:m]) {
			return false
		}
		k -= m
	}
	return true
}

// foldLastRune returns the rune of s ending at p folded by foldKeyRune
// (' ' for white space, which isSpace reports), and its length in s.
func foldLastRune(s string, p int) (f rune, isSpace bool, n int) {
	r, n := utf8.DecodeLastRuneInString(s[:p])
	f, isSpace = rune(keyByte[r&0x7f]), asciiSpace[r&0x7f]
	if r >= utf8.RuneSelf {
		f, isSpace = foldKeyRune(r)
	}
	if isSpace {
		f = ' '
	}
	return f, isSpace, n
}

// candidateTail returns the last 16 bytes of pullQuoteKey(s), as two
// little-endian words, and size 16; or, when the key is shorter, its last
// 8 bytes in tail[1] and size 8; or size 0 when it is shorter still. end
// is where the key ends in s as printed: keyTailAt(s, end, size) is the
// tail too (the runes before the key are the trimmed ones, which add no
// byte to the key's last size bytes when it has that many).
func candidateTail(s string) (tail [2]uint64, size, end int) {
	h, t := 0, len(s)
	for t > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:t])
		if !isTrimRune(r) {
			break
		}
		t -= n
	}
	for h < t {
		r, n := utf8.DecodeRuneInString(s[h:])
		if !isTrimRune(r) {
			break
		}
		h += n
	}
	if tail, ok := keyTailAt(s[h:t], t-h, 16); ok {
		return tail, 16, t
	}
	if tail, ok := keyTailAt(s[h:t], t-h, 8); ok {
		return tail, 8, t
	}
	return tail, 0, t
}

// isTrimRune reports whether r folds (foldKeyRune) to a byte of
// quoteKeyTrim or to white space: the runes a key loses at either end.
func isTrimRune(r rune) bool {
	if r < utf8.RuneSelf {
		return quoteKeyTrimASCII[r] || asciiSpace[r]
	}
	f, isSpace := foldKeyRune(r)
	return isSpace || strings.ContainsRune(quoteKeyTrim, f)
}

// keyTailAt returns the last size (8 or 16) bytes of keyFold(s[:p]), as
// two little-endian words (the first 0 for 8 bytes), and whether it has
// that many. keyFold is pullQuoteKey without its final trim: runes folded
// by foldKeyRune, each run of white space one space. Where the bytes
// before p are plain (isPlainWord, no two spaces across the words), they
// are the fold's, lower-cased: a run of spaces ending at the first of them
// folds to one space there.
func keyTailAt(s string, p, size int) (tail [2]uint64, ok bool) {
	if p >= size {
		lo := load64(s, p-8)
		if size == 8 && isPlainWord(lo) {
			return [2]uint64{0, lowerWord(lo)}, true
		}
		if size == 16 {
			hi := load64(s, p-16)
			if isPlainWord(hi) && isPlainWord(lo) && !(byte(hi>>56) == ' ' && byte(lo) == ' ') {
				return [2]uint64{lowerWord(hi), lowerWord(lo)}, true
			}
		}
	}
	var buf [16 + utf8.UTFMax]byte
	k := len(buf) // buf[k:] holds the fold's last bytes
	space := false
	for p > 0 && len(buf)-k < size {
		f, isSpace, n := foldLastRune(s, p)
		p -= n
		if isSpace && space {
			continue // one space for the run
		}
		space = isSpace
		k -= utf8.EncodeRune(buf[k-utf8.RuneLen(f):], f)
	}
	if len(buf)-k < size {
		return tail, false
	}
	b := buf[len(buf)-size:]
	if size == 8 {
		return [2]uint64{0, binary.LittleEndian.Uint64(b)}, true
	}
	return [2]uint64{binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])}, true
}

// appendRawEnds appends to dst every place p of s as printed that may be
// a sentence end of its key (sentenceEndAt): before each '.', '!', '?',
// '…' and each ',' that follows a closing quote or bracket or comes before
// a quote, and before each closing quote or bracket (“”‘’"') run up to
// one; and each place in the runs of closers and trimmed runes
// (isTrimRune) that end s, from len(s) down. It may give places that are
// no sentence end, and one place more than once. Each mark is found by its
// own fast search (strings.IndexByte), faster than one pass testing every
// byte: the places come mark by mark ('.' first), then the end's.
func appendRawEnds(dst []int, s string) []int {
	for _, c := range [...]byte{'.', ',', '!', '?', 0xE2} { // each mark by a fast search, in any order
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
			dst = append(dst, i)
			for e := i; closerBefore(s, e) > 0; { // the starts of the closers before the mark
				e -= closerBefore(s, e)
				dst = append(dst, e)
			}
		}
	}
	// The end: runs of closers and of trimmed runes, ASCII byte by byte.
	for p := len(s); ; {
		dst = append(dst, p)
		if p == 0 {
			return dst
		}
		n := 1
		if c := s[p-1]; c < utf8.RuneSelf {
			if !quoteKeyTrimASCII[c] && !asciiSpace[c] && !closerByte[c] {
				return dst // isTrimRune and closerBefore on an ASCII byte
			}
		} else {
			r, size := utf8.DecodeLastRuneInString(s[:p])
			if !isTrimRune(r) && closerBefore(s, p) == 0 {
				return dst
			}
			n = size
		}
		p -= n
	}
}

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
