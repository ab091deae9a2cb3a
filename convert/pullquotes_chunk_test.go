package convert

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// allocatedBy returns the bytes f allocates, from a cold start: two
// collections first empty sync.Pool (quoteFilters), so that no room of an
// earlier call is reused.
func allocatedBy(f func()) uint64 {
	runtime.GC()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// fillerText is paragraph i of a long report: about 1 KB, too many words
// for a pull quote, with a sentence end every 66 bytes.
func fillerText(i int) string {
	return fmt.Sprintf("Paragraph %d of the harbour report. ", i) + strings.Repeat("The crews worked through the night and cleared the road by noon. ", 15)
}

// A long document's texts are read a chunk at a time (joinChunk): a
// candidate is found ending a sentence of a source many chunks before or
// after it, and ending a sentence inside a text too long to copy (read in
// place); the same candidate with its last word changed is not.
func TestMayHavePullQuoteAcrossChunks(t *testing.T) {
	const quote = "The ferry will keep running all winter long"
	source := "The mayor said on Tuesday that " + strings.ToLower(quote[:1]) + quote[1:] + ". Nobody objected."
	var filler []string
	for i := range 200 { // 200 KB: four chunks
		filler = append(filler, fillerText(i))
	}
	huge := strings.Repeat(fillerText(0), 2*maxChunk/len(fillerText(0))) + source + strings.Repeat(fillerText(1), 10)
	if len(huge) <= maxChunk {
		t.Fatalf("the huge text has %d bytes, want over %d", len(huge), maxChunk)
	}
	docs := map[string][]string{
		"source first":   append(append([]string{source}, filler...), quote),
		"quote first":    append(append([]string{quote}, filler...), source),
		"source in huge": append(append([]string{quote}, filler...), huge),
	}
	for name, paras := range docs {
		if !mayHavePullQuote(bodyTextsOf(paras...)) {
			t.Errorf("%s: mayHavePullQuote = false, want true", name)
		}
		other := slices.Clone(paras)
		i := slices.Index(other, quote)
		other[i] = strings.Replace(quote, "long", "through", 1)
		if mayHavePullQuote(bodyTextsOf(other...)) {
			t.Errorf("%s, the quote changed: mayHavePullQuote = true, want false", name)
		}
	}
}

// On a long document mayHavePullQuote allocates under half its text's
// bytes (0.2 MB for 2 MB, 0.5 MB for 1.1 MB; each was more than the text
// before): it copies at most maxChunk bytes of texts at a time (2 MB of
// long paragraphs, no pull quote), and keeps at most maxFilterKeys bytes
// of keys (a thousand candidates of 70 words, each ending as a hundred
// others do: their keys are built to tell whether one ends another).
func TestMayHavePullQuoteMemoryBounded(t *testing.T) {
	long := []string{"The ferry will keep running all winter long", "Crews cleared the harbour road by noon on Monday"}
	for i := range 2000 {
		long = append(long, fillerText(i))
	}
	many := make([]string, 0, 1000)
	for i := range 1000 {
		words := strings.Repeat(fmt.Sprintf("harbourmasters%d ", i), 60)
		many = append(many, words+fmt.Sprintf("and the ferry timetables of section %d.", i%10))
	}
	for name, paras := range map[string][]string{"long paragraphs": long, "many candidates": many} {
		texts, size := bodyTextsOf(paras...), 0
		for _, tx := range texts {
			size += len(tx.text)
		}
		var got bool
		n := allocatedBy(func() { got = mayHavePullQuote(texts) })
		if name == "long paragraphs" && got {
			t.Errorf("%s: mayHavePullQuote = true, want false", name)
		}
		if n > uint64(size)/2 {
			t.Errorf("%s: mayHavePullQuote allocated %d bytes for %d of text, want under half", name, n, size)
		}
	}
}

// FuzzMayHavePullQuoteAgrees: for the texts of an article (the lines of
// the input), mayHavePullQuote answers true wherever the rule finds a
// pull quote (plainPullQuotes), and reading the texts in chunks of any
// size (mayHavePullQuoteIn) does not change its answer.
func FuzzMayHavePullQuoteAgrees(f *testing.F) {
	for _, s := range pullQuoteSeeds {
		f.Add(s, uint16(40))
	}
	f.Fuzz(func(t *testing.T, s string, chunk uint16) {
		texts := bodyTextsOf(strings.Split(s, "\n")...)
		got := mayHavePullQuote(texts)
		if !got && slices.Contains(plainPullQuotes(texts), true) {
			t.Errorf("mayHavePullQuote(%q) = false; the rule finds %v", s, plainPullQuotes(texts))
		}
		if in := mayHavePullQuoteIn(texts, int(chunk)); in != got {
			t.Errorf("mayHavePullQuoteIn(%q, %d) = %v, in one chunk %v", s, chunk, in, got)
		}
	})
}

// pullQuoteSeeds are articles for FuzzMayHavePullQuoteAgrees, one text a
// line: a quote of a sentence, in curly quotes, in capitals, and closers
// and empty texts.
var pullQuoteSeeds = []string{
	"The mayor said the ferry will keep running all winter long. Nobody objected.\nThe ferry will keep running all winter long",
	"“If towns work together, we will weather future storms,” she said.\n“If towns work together, we will weather future storms”",
	"THE FERRY RUNS ALL WINTER LONG ON THE NORTH ROUTE.\nthe ferry runs all winter long on the north route\nCrews said so.",
	"Boats ran)))).\nx\n\n\"Yes,\" said the mayor of the port town on Monday…",
}

// capArticle is a candidate and a sentence that ends as it does but is
// not its source (so that its key is built first), then 1,600 paragraphs,
// half long filler and half short candidates whose endings repeat ("...,
// the harbour report section 7."), so that telling whether one ends
// another builds more than maxFilterKeys of keys; with quote, the
// candidate's source comes last. Without early, the candidate's key is
// first built for its source, past the cap.
func capArticle(quote, early bool) []bodyText {
	q := "The ferry will keep running all winter long"
	paras := []string{q}
	if early {
		paras = append(paras, "The bus will keep running all winter long.")
	}
	words := strings.Fields("the a ferry council harbour winter road port mayor crews night noon town report season boats water storm plan budget")
	rng := rand.New(rand.NewPCG(3, 3))
	for i := range 1600 {
		if i%2 == 0 {
			paras = append(paras, strings.Repeat(fmt.Sprintf("Filler %d of the long report goes on. ", i), 12))
			continue
		}
		var w []string
		for range 6 + rng.IntN(10) {
			w = append(w, words[rng.IntN(len(words))])
		}
		paras = append(paras, strings.Join(w, " ")+fmt.Sprintf(", the harbour report section %d.", i%700))
	}
	if quote {
		paras = append(paras, "The mayor said: "+q+". Nobody objected.")
	}
	return bodyTextsOf(paras...)
}

// TestMayHavePullQuotePastKeyCap: past maxFilterKeys of keys the filter
// forgets them (none is read again from the buffer written over) and
// goes on, so it still finds a pull quote whose source comes after them, and still answers false where there is none (the full rule,
// some twice the filter's work there, is not run for nothing).
func TestMayHavePullQuotePastKeyCap(t *testing.T) {
	for _, early := range []bool{false, true} {
		if got := mayHavePullQuote(capArticle(false, early)); got {
			t.Errorf("no pull quote (key built early %v): mayHavePullQuote = true, want false", early)
		}
		texts := capArticle(true, early)
		if !slices.Contains(plainPullQuotes([]bodyText{texts[0], texts[len(texts)-1]}), true) {
			t.Fatal("the rule finds no pull quote in the test article's first and last texts")
		}
		if !mayHavePullQuote(texts) {
			t.Errorf("a pull quote after %d KiB of keys (key built early %v): mayHavePullQuote = false", maxFilterKeys>>10, early)
		}
	}
}

// TestMayHavePullQuoteShortAtOwnEnd: a short candidate (a key under 16
// bytes) whose key ends where a longer candidate's own key ends is found
// (the own end is not skipped when a table of short tails exists).
func TestMayHavePullQuoteShortAtOwnEnd(t *testing.T) {
	for _, src := range []string{"The mayor said: a b c d e fg.", "The mayor said it. A b c d e fg", "“Then: a b c d e fg”"} {
		texts := bodyTextsOf(src, "a b c d e fg")
		if !slices.Contains(plainPullQuotes(texts), true) {
			t.Fatalf("%q: the rule finds no pull quote", src)
		}
		if !mayHavePullQuote(texts) {
			t.Errorf("%q with the candidate %q: mayHavePullQuote = false", src, "a b c d e fg")
		}
	}
}

// TestForgetKeysDropsEveryView: once keys are forgotten no key is a view
// of keyBuf, which the next keys write over from its start.
func TestForgetKeysDropsEveryView(t *testing.T) {
	f := &quoteFilter{keyBuf: []byte("ferrycrews")}
	f.keys = []string{"", string(f.keyBuf[:5]), "", string(f.keyBuf[5:])}
	f.built = []int32{1, 3}
	f.forgetKeys()
	for i, k := range f.keys {
		if k != "" {
			t.Errorf("key %d is still %q", i, k)
		}
	}
	if len(f.keyBuf) != 0 || len(f.built) != 0 {
		t.Errorf("keyBuf holds %d bytes and built %d texts after forgetKeys", len(f.keyBuf), len(f.built))
	}
}

// joinChunk never copies more than its limit: the chunk it joins (each
// text and its '\n') holds at most limit bytes, and it joins every text
// that still fits; a first text that does not fit with its '\n' is given
// as it is, not copied, and alone. Each chunk starts where the last one
// ended, so that every text is read once. (Mutation check: joining while
// size+len < limit+1, one byte over, fails here.)
func TestJoinChunkKeepsToItsLimit(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 11))
	var f quoteFilter
	joined, alone := 0, 0
	for range 3000 {
		texts := make([]bodyText, 1+r.IntN(12))
		for i := range texts {
			texts[i].text = strings.Repeat("a", r.IntN(40))
		}
		limit := 1 + r.IntN(120)
		f.starts = make([]int, len(texts))
		for a := 0; a < len(texts); {
			c := f.joinChunk(texts, a, limit)
			if c.a != a || c.b <= a || c.b > len(texts) {
				t.Fatalf("joinChunk(from %d of %d) gives texts %d to %d", a, len(texts), c.a, c.b)
			}
			size := 0
			for j := a; j < c.b; j++ {
				size += len(texts[j].text) + 1
			}
			switch {
			case size <= limit:
				joined++
				if len(c.s) != size {
					t.Fatalf("joinChunk gives %d bytes for texts of %d with their '\\n's", len(c.s), size)
				}
				if c.b < len(texts) && size+len(texts[c.b].text)+1 <= limit {
					t.Fatalf("joinChunk stops at text %d of %d bytes, %d into a limit of %d", c.b, len(texts[c.b].text), size, limit)
				}
			case c.b == a+1 && c.s == texts[a].text && f.starts[a] == 0:
				alone++
			default:
				t.Fatalf("joinChunk(%d texts from %d, limit %d) joins %d bytes: %q", len(texts), a, limit, size, c.s)
			}
			a = c.b
		}
	}
	if joined < 1000 || alone < 300 {
		t.Errorf("%d chunks joined, %d texts alone: too few to compare", joined, alone)
	}
}
