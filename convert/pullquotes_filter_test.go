package convert

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// filterPieces are the bytes and runes the pull-quote filter must read as
// pullQuoteKey does: spaces of every kind and in runs, runes whose lower
// case is ASCII ('K' Kelvin, 'İ') or longer ('Ⱥ'), invalid UTF-8 and bits
// of the curly quotes and ellipsis, closers, marks and trimmed marks.
var filterPieces = []string{"a", "Z", "ferry ", "THE MAYOR ", " ", "  ", "\t", "\u00a0", "\u3000", "\u212a", "İ", "Ⱥ",
	"é", "\xff", "\xe2\x80", "\x80", ".", ",", "!", "?", ";", ":", "…", "\"", "'", ")", "(", "“", "”", "‘", "’",
	"—", "–", "-", "7", "\x00", "said. ", "long, ", "\"Yes,\" "}

// plainKeyFold is pullQuoteKey without its trim, written plainly: each
// rune folded by foldKeyRune, each run of white space one space.
func plainKeyFold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		f, isSpace := foldKeyRune(r)
		if r < utf8.RuneSelf {
			f, isSpace = unicode.ToLower(r), unicode.IsSpace(r)
		}
		if isSpace {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(f)
	}
	return b.String()
}

// The fold the filter reads backwards is pullQuoteKey's: plainKeyFold
// trimmed is the key; candidateTail gives the key's last 16 bytes (8 when
// shorter) and where it ends as printed; at every byte p, keyTailAt, foldedPair and (where the bytes
// are plain) foldedLow give the last bytes of the fold of s[:p] and
// keyEndsWith tells whether it ends with a key.
func TestQuoteFilterFoldsAsKey(t *testing.T) {
	r := rand.New(rand.NewSource(61))
	ends, tails, lows := 0, 0, 0
	for range 4000 {
		s := randomText(r, filterPieces, r.Intn(16))
		key := pullQuoteKey(s)
		if got := strings.Trim(plainKeyFold(s), quoteKeyTrim); got != key {
			t.Fatalf("plainKeyFold(%q) trimmed = %q, pullQuoteKey %q", s, got, key)
		}
		tail, size, end := candidateTail(s)
		if want := min(len(key), 16) &^ 7; size != want || size > 0 && string(wordBytes(tail, size)) != key[len(key)-size:] {
			t.Fatalf("candidateTail(%q) = %q (%d), key %q", s, wordBytes(tail, size), size, key)
		}
		if at, ok := keyTailAt(s, end, 16); size == 16 && (!ok || at != tail) {
			t.Fatalf("candidateTail(%q): key %q ends at %d, where the tail is %q", s, key, end, wordBytes(at, 16))
		}
		other := pullQuoteKey(randomText(r, filterPieces, r.Intn(6)))
		for p := 0; p <= len(s); p++ {
			fold := plainKeyFold(s[:p])
			if a, b, ok := foldedPair(s, p); ok && fold[len(fold)-2:] != string([]byte{a, b}) {
				t.Fatalf("foldedPair(%q, %d) = %q; fold %q", s, p, []byte{a, b}, fold)
			}
			if lo, ok := foldedLow(s, p); ok {
				if string(wordBytes([2]uint64{0, lo}, 8)) != fold[max(len(fold)-8, 0):] {
					t.Fatalf("foldedLow(%q, %d) = %q; fold %q", s, p, wordBytes([2]uint64{0, lo}, 8), fold)
				}
				lows++
			}
			for _, n := range []int{8, 16} {
				tail, ok := keyTailAt(s, p, n)
				if ok != (len(fold) >= n) || ok && string(wordBytes(tail, n)) != fold[len(fold)-n:] {
					t.Fatalf("keyTailAt(%q, %d, %d) = %q, %v; fold %q", s, p, n, wordBytes(tail, n), ok, fold)
				}
				if ok {
					tails++
				}
			}
			for _, k := range []string{other, pullQuoteKey(s[r.Intn(p+1):p])} {
				if got, want := keyEndsWith(s, p, k), strings.HasSuffix(fold, k); got != want {
					t.Fatalf("keyEndsWith(%q, %d, %q) = %v; fold %q", s, p, k, got, fold)
				}
				if k != "" && strings.HasSuffix(fold, k) {
					ends++
				}
			}
		}
	}
	if ends < 5000 || tails < 5000 || lows < 2000 {
		t.Errorf("%d keys ended a fold, %d tails taken, %d plain tails: too few to compare", ends, tails, lows)
	}
}

// wordBytes gives the size (8 or 16) bytes of a tail as keyTailAt returns it.
func wordBytes(tail [2]uint64, size int) []byte {
	var b []byte
	for _, w := range tail {
		for i := range 8 {
			b = append(b, byte(w>>(8*i)))
		}
	}
	return b[16-size:]
}

// appendRawEnds appends to dst the places of s as printed where a
// sentence of its key may end: those addMarkEnds gives, then those
// addEndRun gives. The places are read from the placeList's buffer, which
// a short text (under maxPlaces places) does not fill: a fuller one
// panics, as spill would hand its places to a filter with no chunk.
func appendRawEnds(dst []int, s string) []int {
	var f quoteFilter
	l := placeList{filter: &f}
	addMarkEnds(&l, s)
	addEndRun(&l, s)
	return append(dst, f.placeBuf[:l.n]...)
}

// appendRawEnds gives, for every sentence end e of a text's key
// (sentenceEndAt) where another key may end (the key up to e ends in a
// rune outside quoteKeyTrim, as every key does), a place p of the text as
// printed whose fold (plainKeyFold) ends with the key up to e; and it
// gives fewer places than there are bytes, on most texts. Every place it
// gives follows a rune a key may end with (afterKeyRune, checked against
// the rune of the fold there).
func TestAppendRawEndsFindsEveryKeyEnd(t *testing.T) {
	r := rand.New(rand.NewSource(62))
	fewer, ends := 0, 0
	for range 20000 {
		s := randomText(r, filterPieces, r.Intn(16))
		key := pullQuoteKey(s)
		places := appendRawEnds(nil, s)
		if len(places) < len(s) {
			fewer++
		}
		for _, p := range places {
			fold := plainKeyFold(s[:p])
			last, _ := utf8.DecodeLastRuneInString(fold)
			if want := fold != "" && !strings.ContainsRune(quoteKeyTrim, last); !afterKeyRune(s, p) || !want {
				t.Fatalf("appendRawEnds(%q) gives %d, after %q (afterKeyRune %v)", s, p, fold, afterKeyRune(s, p))
			}
		}
		for e := range len(key) + 1 {
			last, _ := utf8.DecodeLastRuneInString(key[:e])
			if !sentenceEndAt(key, e) || e == 0 || strings.ContainsRune(quoteKeyTrim, last) {
				continue
			}
			ends++
			found := false
			for _, p := range places {
				found = found || strings.HasSuffix(plainKeyFold(s[:p]), key[:e])
			}
			if !found {
				t.Fatalf("appendRawEnds(%q) gives %v, none ending as the key %q up to its end %d", s, places, key, e)
			}
		}
	}
	if fewer < 10000 || ends < 10000 {
		t.Errorf("appendRawEnds gave fewer places than bytes in %d texts of 20000, %d key ends to find: too few", fewer, ends)
	}
}

// The places addMarkEnds gives in texts joined by '\n' (as
// quoteFilter.joinChunk joins them) are those it gives in each text, moved by
// the text's start: no run of closers, mark or quote reaches across the
// '\n'.
func TestMarkEndsOfJoinedTexts(t *testing.T) {
	markEnds := func(s string) []int {
		var g quoteFilter
		l := placeList{filter: &g}
		addMarkEnds(&l, s) // under maxPlaces places: none spilled
		return slices.Clone(g.placeBuf[:l.n])
	}
	r := rand.New(rand.NewSource(64))
	var f quoteFilter
	for range 3000 {
		var texts []bodyText
		for range 1 + r.Intn(5) {
			texts = append(texts, bodyText{text: randomText(r, filterPieces, r.Intn(8))})
		}
		f.starts = make([]int, len(texts))
		c := f.joinChunk(texts, 0, maxChunk)
		if c.b != len(texts) {
			t.Fatalf("joinChunk joined %d texts of %d", c.b, len(texts))
		}
		all := c.s
		var want []int
		for j, tx := range texts {
			for _, p := range markEnds(tx.text) {
				want = append(want, f.starts[j]+p)
			}
		}
		got := markEnds(all)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("addMarkEnds(%q) gives %v; of the texts, moved: %v", all, got, want)
		}
	}
}

// plainPullQuotes marks the texts that are pull quotes by the rule, pair
// by pair: a candidate (isQuoteCandidate) that isPullQuoteOf another.
func plainPullQuotes(texts []bodyText) []bool {
	mask := make([]bool, len(texts))
	for i := range texts {
		ki := pullQuoteKey(texts[i].text)
		if isQuoteCandidate(texts[i], ki) {
			for j := range texts {
				mask[i] = mask[i] || j != i && isPullQuoteOf(ki, pullQuoteKey(texts[j].text))
			}
		}
	}
	return mask
}

// mayHavePullQuote answers true for every article in which the rule finds
// a pull quote, on random articles of adversarial text (filterPieces) with
// repeated spans, typographic quotes and changed case; and false for most
// of those without one; and the same when it reads the texts in chunks of
// a few bytes (each text then read in place) or of a few texts
// (mayHavePullQuoteIn). The budget spent, it answers true.
func TestMayHavePullQuoteKeepsEveryQuote(t *testing.T) {
	r := rand.New(rand.NewSource(63))
	var said []string // the sentences made, to repeat
	sentence := func() string {
		said = append(said, randomText(r, filterPieces, 4+r.Intn(20)))
		return said[len(said)-1] + ". "
	}
	quoted, turned := 0, 0
	for range 3000 {
		said = said[:0]
		paras := randomParas(r, 1+r.Intn(12), 3, sentence)
		for range 1 + r.Intn(4) {
			q := randomSpan(r, paras)
			if r.Intn(2) == 0 {
				q = said[r.Intn(len(said))]
			}
			switch r.Intn(4) {
			case 0:
				q = strings.ToUpper(q)
			case 1:
				q = "“" + q + "”"
			}
			paras = append(paras, q)
		}
		texts := bodyTextsOf(paras...)
		want := slices.Contains(plainPullQuotes(texts), true)
		got := mayHavePullQuote(texts)
		if want && !got {
			t.Fatalf("mayHavePullQuote(%q) = false; the rule finds %v", paras, plainPullQuotes(texts))
		}
		for _, chunk := range []int{1, 60, 200} {
			if in := mayHavePullQuoteIn(texts, chunk); in != got {
				t.Fatalf("mayHavePullQuoteIn(%q, %d) = %v, in one chunk %v", paras, chunk, in, got)
			}
		}
		if want {
			quoted++
		} else if !got {
			turned++
		}
	}
	if quoted < 300 || turned < 300 {
		t.Errorf("%d articles with pull quotes, %d turned away: too few to compare", quoted, turned)
	}
	// Many candidates that end alike, and none a pull quote: past the
	// budget the filter gives up rather than compare them all.
	var paras []string
	for i := range 300 {
		paras = append(paras, fmt.Sprintf("Report %d says the ferry will keep running all winter long.", i))
	}
	if !mayHavePullQuote(bodyTextsOf(paras...)) {
		t.Error("mayHavePullQuote kept comparing past its budget")
	}
}

// release leaves a quoteFilter as empty as a new one but for the room of
// its slices and tables: after a use that found tails and built keys,
// every field is zero, an empty slice, or (room) slots to reuse, or
// (placeBuf) places no later use reads before it writes them.
func TestQuoteFilterReleaseEmptiesEveryField(t *testing.T) {
	texts := bodyTextsOf("The mayor said on Tuesday that the ferry runs all winter long. Crews cleared the road by noon.",
		"The ferry runs all winter long", "Crews cleared the road by noon, and the port reopened again.")
	f := new(quoteFilter)
	f.chain, f.keys, f.starts = make([]int, len(texts)), make([]string, len(texts)), make([]int, len(texts))
	for i := range texts {
		f.chain[i] = -1
	}
	f.budget = 1000
	f.addCandidates(texts, len(texts))
	c := f.joinChunk(texts, 0, maxChunk)
	l := placeList{filter: f}
	addMarkEnds(&l, c.s)
	if !f.anyEndAt(c, f.placeBuf[:l.n]) {
		t.Fatal("the filter found no candidate ending the first text's sentence")
	}
	f.release()
	v := reflect.ValueOf(f).Elem()
	for i := range v.NumField() {
		name, fv := v.Type().Field(i).Name, v.Field(i)
		switch {
		case name == "room" || name == "placeBuf":
		case fv.Kind() == reflect.Slice && fv.Len() > 0:
			t.Errorf("release leaves %s with %d elements", name, fv.Len())
		case fv.Kind() != reflect.Slice && !fv.IsZero():
			t.Errorf("release leaves %s = %v", name, fv)
		}
	}
}

// mayHavePullQuote holds at most maxPlaces places at a time (in placeBuf,
// which has room for no more), however many a text has (a run of closers
// makes one after each closer: a run of 3*maxPlaces makes more than
// 3*maxPlaces, as a run of maxPlaces/4 makes more than maxPlaces/4), and
// still finds a candidate whose end is among the places it handed on to
// anyEndAt before the last ones.
func TestMayHavePullQuoteBoundsItsPlaces(t *testing.T) {
	closers := "Boats ran" + strings.Repeat(")", 3*maxPlaces) + "."
	source := "The mayor said on Tuesday that the ferry runs all winter long. " + closers // the end first, then spilled
	texts := bodyTextsOf(source, "The ferry runs all winter long", "Crews cleared the road by noon, and the port reopened again.")
	if !mayHavePullQuote(texts) {
		t.Fatal("mayHavePullQuote missed the candidate ending the source's last sentence")
	}
	few := "Boats ran" + strings.Repeat(")", maxPlaces/4) + "."
	if n := len(appendRawEnds(nil, few)); n <= maxPlaces/4 {
		t.Fatalf("%d closers make %d places, want more than %d", maxPlaces/4, n, maxPlaces/4)
	}
}
