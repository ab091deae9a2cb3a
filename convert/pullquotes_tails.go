package convert

// A tailSet holds the last bytes of every pull-quote candidate's key
// (isQuoteCandidate), sixteen of a key that long (eight of a shorter one,
// which no real key of six words is), each with the shortest key that
// ends with them. A candidate that ends at byte e of a paragraph's key
// ends with the bytes before e and is shorter than the paragraph's key
// and than e; so a sentence end whose last bytes are not in the set, or
// only for keys too long, ends no candidate (a candidate's own end, among
// them). It tells indexPullQuotes where to look before it builds its
// index, by a multiplication and a probe or two per sentence end. Eight
// bytes are about one word: "the web" ends too many sentences to tell.
type tailSet struct {
	long   tailTable // tails of 16 bytes, of keys of 16 bytes or more
	short  tailTable // tails of 8 bytes, of keys of 8 to 15 bytes
	tiny   bool      // a key shorter than 8 bytes: any end may end it
	minLen int       // the shortest candidate key, in bytes; -1: no candidate
}

// newTailSet collects the tails of the candidates among texts.
func newTailSet(texts []bodyText, keys []string) *tailSet {
	n := 0
	for _, t := range texts {
		if mayBeQuote(t) {
			n++
		}
	}
	s := &tailSet{long: newTailTable(n), minLen: -1}
	for i, t := range texts {
		k := keys[i]
		if !isQuoteCandidate(t, k) {
			continue
		}
		if s.minLen < 0 || len(k) < s.minLen {
			s.minLen = len(k)
		}
		switch {
		case len(k) >= 16:
			s.long.add(load64(k, len(k)-16), load64(k, len(k)-8), len(k))
		case len(k) >= 8:
			if s.short.slots == nil {
				s.short = newTailTable(n)
			}
			s.short.add(0, load64(k, len(k)-8), len(k))
		default:
			s.tiny = true
		}
	}
	return s
}

// mayEndAt reports whether a candidate shorter than src may end at byte e
// of src: never when none does, by the bytes before e when every
// candidate has eight or more, always otherwise.
func (s *tailSet) mayEndAt(src string, e int) bool {
	switch {
	case s.minLen < 0 || e < s.minLen:
		return false
	case s.tiny:
		return true
	}
	fits := func(n int) bool { return n > 0 && n <= e && n < len(src) }
	found := false
	if s.short.slots != nil {
		found = s.short.find(0, load64(src, e-8), fits)
	}
	if e >= 16 {
		found = s.long.find(load64(src, e-16), load64(src, e-8), fits) || found
	}
	return found
}

// wasFound reports whether mayEndAt has let an end through for the tail of
// key, a candidate's: whether key may have ended at an end let through.
func (s *tailSet) wasFound(key string) bool {
	switch {
	case len(key) >= 16:
		return s.long.wasFound(load64(key, len(key)-16), load64(key, len(key)-8))
	case len(key) >= 8:
		return s.short.wasFound(0, load64(key, len(key)-8))
	}
	return true
}

// A tailTable maps the last bytes of keys, as two little-endian words, to
// the length of the shortest key ending with them, by open addressing, and
// records which were found.
type tailTable struct {
	slots []tailSlot
	shift uint // 64 - log2(len(slots))
}

type tailSlot struct {
	tail  [2]uint64
	n     int  // the shortest key's length (1 in a table of owners); 0: an empty slot (no key is empty)
	found bool // find has accepted the tail
	owner int  // in a table of owners (addFrom): the last text added with the tail
}

// newTailTable makes a table for up to n tails, at most half full.
func newTailTable(n int) tailTable { return newTailTableIn(nil, n) }

// newTailTableIn is newTailTable with the slots in room, emptied, when it
// has the room for them.
func newTailTableIn(room []tailSlot, n int) tailTable {
	size, shift := 8, uint(61)
	for size < 2*n {
		size, shift = size*2, shift-1
	}
	if cap(room) < size {
		return tailTable{slots: make([]tailSlot, size), shift: shift}
	}
	slots := room[:size]
	clear(slots)
	return tailTable{slots: slots, shift: shift}
}

// index returns the slot of the tail hi, lo: its own, or the empty one it
// would take.
func (t *tailTable) index(hi, lo uint64) *tailSlot {
	mask := len(t.slots) - 1
	for i := int(((hi*0x9E3779B97F4A7C15)^(lo*0xC2B2AE3D27D4EB4F))>>t.shift) & mask; ; i = (i + 1) & mask {
		if s := &t.slots[i]; s.n == 0 || s.tail == [2]uint64{hi, lo} {
			return s
		}
	}
}

// add records a key of n bytes (n > 0) whose last bytes are hi, lo.
func (t *tailTable) add(hi, lo uint64, n int) {
	s := t.index(hi, lo)
	if s.n == 0 || n < s.n {
		s.tail, s.n = [2]uint64{hi, lo}, n
	}
}

// addFrom records that text i has a key whose last bytes are hi, lo, in a
// table of owners (mayHavePullQuote's), which keeps no lengths, and
// returns the text recorded before it with the same bytes, or -1.
func (t *tailTable) addFrom(hi, lo uint64, i int) (prev int) {
	s := t.index(hi, lo)
	prev = -1
	if s.n > 0 {
		prev = s.owner
	}
	s.tail, s.n, s.owner = [2]uint64{hi, lo}, 1, i
	return prev
}

// ownerOf returns the text last recorded with the bytes hi, lo by addFrom,
// or -1.
func (t *tailTable) ownerOf(hi, lo uint64) int {
	if s := t.index(hi, lo); s.n > 0 {
		return s.owner
	}
	return -1
}

// find reports whether the table holds the tail hi, lo with a shortest
// key length that fits accepts, and records it as found.
func (t *tailTable) find(hi, lo uint64, fits func(n int) bool) bool {
	if s := t.index(hi, lo); s.n > 0 && fits(s.n) {
		s.found = true
		return true
	}
	return false
}

func (t *tailTable) wasFound(hi, lo uint64) bool {
	return t.slots != nil && t.index(hi, lo).found
}
