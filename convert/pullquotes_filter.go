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
// or when that takes more than quoteFilterBudget times the text's bytes
// to tell (or a single key over maxFilterKeys). Why that is implied:
// a key is pullQuoteKey(s) = keyFold(s[h:t]) (see keyTailAt), where s[:h]
// and s[t:] are the runs of runes that fold to the trimmed marks or white
// space at either end (see isTrimRune). Where
// a candidate ends at a sentence end e of a longer key, the key goes on
// with closing quotes then '.', '!', '?', '…' or a quoted ',', or stops;
// the runes of the source as printed there are the ones that fold to
// those (see addMarkEnds and addEndRun), and the key before e ends as keyFold of the
// source up to there: its last 16 bytes (8 for a candidate under 16) find
// the candidates by a table of their tails (candidateTail), and
// keyEndsWith compares the rest.
func mayHavePullQuote(texts []bodyText) bool {
	return mayHavePullQuoteIn(texts, maxChunk)
}

// mayHavePullQuoteIn is mayHavePullQuote reading texts in chunks of at
// most chunk bytes (joinChunk): its answer is the same for every chunk
// size while the keys fit in maxFilterKeys and the budget lasts (past
// them, the order in which keys are built and forgotten may differ).
func mayHavePullQuoteIn(texts []bodyText, chunk int) bool {
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
	f.starts = slices.Grow(f.starts[:0], len(texts))[:len(texts)]
	l := placeList{filter: f}
	for a := 0; a < len(texts) && !l.found; a = l.in.b {
		l.in, l.shift = f.joinChunk(texts, a, chunk), 0
		addMarkEnds(&l, l.in.s)
		for j := a; j < l.in.b; j++ {
			l.shift = f.starts[j]
			addEndRun(&l, texts[j].text)
		}
		l.spill() // the chunk's places, before the next chunk is joined
	}
	return l.found
}

// maxChunk bounds the bytes of texts mayHavePullQuote copies into one
// string (joinChunk), 64 KiB: it reads a long document's texts a run at a
// time, so that its copy stays this small whatever the document's size.
const maxChunk = 64 << 10

// A textChunk is a run of an article's texts, texts[a:b], as one string s
// for mayHavePullQuote to search for marks (joinChunk): text j of the run
// starts at quoteFilter.starts[j] of s.
type textChunk struct {
	texts []bodyText
	s     string
	a, b  int
}

// joinChunk returns the texts from texts[a] on that fit in limit bytes,
// each followed by '\n', joined into f.joinBuf, and notes in f.starts
// where each starts; or, when texts[a] and its '\n' alone are over limit,
// texts[a] as it is, not copied (starting at 0). The chunk's string is
// valid till the next call or release.
// The places of addMarkEnds in a joined chunk are those of each text,
// moved by its start: a place depends on the bytes from the closers
// before a mark to the rune after it, and '\n' is no mark, closer, quote,
// nor a byte of “”‘’ or '…', so no run or rune reaches across it.
func (f *quoteFilter) joinChunk(texts []bodyText, a, limit int) textChunk {
	b, size := a, 0
	for b < len(texts) && size+len(texts[b].text) < limit {
		size += len(texts[b].text) + 1
		b++
	}
	if b == a {
		f.starts[a] = 0
		return textChunk{texts: texts, s: texts[a].text, a: a, b: a + 1}
	}
	buf := slices.Grow(f.joinBuf[:0], size) // sized once: each text copied once
	for j := a; j < b; j++ {
		f.starts[j] = len(buf)
		buf = append(append(buf, texts[j].text...), '\n')
	}
	f.joinBuf = buf
	return textChunk{texts: texts, s: unsafe.String(unsafe.SliceData(buf), len(buf)), a: a, b: b}
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
	keyBuf, joinBuf := f.keyBuf[:0], f.joinBuf[:0]
	if cap(keyBuf) > maxKeyBuffer {
		keyBuf = nil
	}
	// Field by field, not as a new struct, whose zeroing and copy cost
	// several hundred instructions an article: every field is set.
	f.long, f.short, f.budget, f.room = tailTable{}, tailTable{}, 0, room
	f.chain, f.keys, f.own, f.starts, f.built = f.chain[:0], f.keys[:0], f.own[:0], f.starts[:0], f.built[:0]
	f.keyBuf, f.joinBuf = keyBuf, joinBuf
	clear(f.pairs[:])
	clear(f.lows[:])
	quoteFilters.Put(f)
}

// maxFilterKeys bounds the bytes of the texts whose keys a quoteFilter
// keeps (keyBuf), 64 KiB; a key folds to at most 1.5 times its text's
// bytes ('Ⱥ' to 'ⱥ'). When one more key would take it past, the keys
// built so far are forgotten (forgetKeys) and built again when asked:
// the budget, which pays for each build, still bounds the time. So the
// memory stays small on a long document: a 600-page PDF's 1 MB of text,
// each of its short paragraphs a candidate ending as 600 others do, built
// 2 MB of keys (its budget) in 4 MB of buffers.
const maxFilterKeys = 64 << 10

// forgetKeys drops every key built (their views into keyBuf first), so
// that keyBuf is written again from its start: the cost is that of the
// builds it undoes.
func (f *quoteFilter) forgetKeys() {
	for _, i := range f.built {
		f.keys[i] = ""
	}
	f.built, f.keyBuf = f.built[:0], f.keyBuf[:0]
}

// quoteFilterBudget bounds the bytes of keys mayHavePullQuote builds and
// compares, per byte of text: past it, it gives up and answers true.
const quoteFilterBudget = 2

// A quoteFilter is mayHavePullQuote's state: the candidates by the last 16
// (long) or 8 (short) bytes of their keys, each chained to the one added
// before it with the same bytes, and the keys built so far.
type quoteFilter struct {
	long, short tailTable
	chain       []int          // by text: the candidate before it with its tail, or -1
	keys        []string       // by text: its key, once built (a view of keyBuf)
	built       []int32        // the texts whose keys are in keys, in the order built
	keyBuf      []byte         // the keys built, one after another
	own         []int          // by text: where its key ends as printed, when no other candidate's key ends with its tail; else -1
	placeBuf    [maxPlaces]int // the places of a chunk that may be sentence ends, up to maxPlaces (placeList)
	joinBuf     []byte         // the texts of a chunk joined (joinChunk): at most maxChunk bytes
	starts      []int          // by text: where it starts in its chunk
	budget      int            // bytes left to build and compare; below 0: give up
	pairs       [16]uint64     // bit pairIndex of the last two bytes of each key in long or short
	lows        [64]uint64     // bit lowIndex of the last eight bytes of each key in long or short
	room        [2][]tailSlot  // slots of an earlier use of long and short, to reuse
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

// anyEndAt reports whether endsAt holds at one of places, places of
// c.s (see joinChunk). It makes endsAt's first tests itself, without a
// call: where the eight bytes before a place are plain, a key ends with
// them (foldedLow, hasLow; the bytes are then the text's, as the '\n'
// after each is not plain); and the place is not where the text's own key
// ends. Most places end there. Only the others are taken to the text they
// fall in, by a cursor that moves from text to text (the places come in
// increasing runs).
func (f *quoteFilter) anyEndAt(c textChunk, places []int) bool {
	s, j, b := c.s, c.a, c.b
	for _, g := range places {
		if g >= 8 {
			if x := load64(s, g-8); isPlainWord(x) && !f.hasLow(lowerWord(x)) {
				continue
			}
		}
		for g < f.starts[j] {
			j--
		}
		for j+1 < b && g >= f.starts[j+1] {
			j++
		}
		if p := g - f.starts[j]; p != f.own[j] && f.endsAt(c.texts, j, p) {
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
			// Paid for too: ten thousand copies of one line would
			// otherwise be compared with each other for free.
			if f.budget -= len(t); f.budget < 0 {
				return true
			}
			continue
		}
		if f.keys[i] == "" {
			if len(f.keyBuf)+len(t) > maxFilterKeys {
				if len(t) > maxFilterKeys {
					return true // a key too long to keep: give up
				}
				f.forgetKeys()
			}
			f.budget -= len(t)
			f.built = append(f.built, int32(i))
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
	for t > 0 { // isTrimRune, ASCII without a call
		if c := s[t-1]; c < utf8.RuneSelf {
			if !quoteKeyTrimASCII[c] && !asciiSpace[c] {
				break
			}
			t--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[:t])
		if !isTrimRune(r) {
			break
		}
		t -= n
	}
	for h < t {
		if c := s[h]; c < utf8.RuneSelf {
			if !quoteKeyTrimASCII[c] && !asciiSpace[c] {
				break
			}
			h++
			continue
		}
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
		if c := s[p-1]; c < utf8.RuneSelf { // foldLastRune on an ASCII byte, without a call
			p--
			if asciiSpace[c] {
				if !space {
					k--
					buf[k], space = ' ', true
				}
				continue // one space for the run
			}
			k--
			buf[k], space = keyByte[c], false
			continue
		}
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
