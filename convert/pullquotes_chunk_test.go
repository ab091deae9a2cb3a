package convert

import (
	"fmt"
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
