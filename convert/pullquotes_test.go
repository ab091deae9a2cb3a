package convert

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func bodyTextsOf(paras ...string) []bodyText {
	texts := make([]bodyText, len(paras))
	for i, t := range paras {
		texts[i] = bodyText{text: t, words: countWords(t)}
	}
	return texts
}

// A crosshead that echoes words from inside a sentence stays in the body
// when it is shorter than minMidSentenceWords; a longer echo, or one from a
// sentence's start, is a pull quote.
func TestPullQuoteMidSentence(t *testing.T) {
	src := "The trust said on Monday that the old ferry will keep running all winter long, whatever the council decides. Nobody objected."
	for _, tc := range []struct {
		quote string
		want  bool
	}{
		{"The old ferry will keep running all winter long", false},                                   // 9 words, mid-sentence
		{"the old ferry will keep running all winter", false},                                        // ends mid-sentence
		{"That the old ferry will keep running all winter long, whatever the council decides", true}, // 14 words
		{"Nobody objected at all to the ferry", false},
	} {
		got := findPullQuotes(bodyTextsOf(src, tc.quote))
		if got[1] != tc.want {
			t.Errorf("pull quote %q = %v, want %v", tc.quote, got[1], tc.want)
		}
	}
	// A 7-word crosshead echoing a sentence's end is never a pull quote.
	src = "The trust said on Monday that the old ferry runs until the council decides. Nobody objected."
	if got := findPullQuotes(bodyTextsOf(src, "Old ferry runs until the council decides")); got[1] {
		t.Error("a 7-word crosshead echoing the text was taken for a pull quote")
	}
}

func TestIsCrosshead(t *testing.T) {
	long := strings.Repeat("The ferry ran all winter and the town was glad of it ", 2) + "in the end."
	for _, tc := range []struct {
		texts []string
		want  bool
	}{
		{[]string{long, "What the harbour needs now", long}, true},
		{[]string{long, "2024 in numbers", long}, true},
		{[]string{long, "What the harbour needs now.", long}, false}, // a sentence
		{[]string{long, "what the harbour needs now", long}, false},  // lower case
		{[]string{long, "What the harbour needs now", "Short one."}, false},
		{[]string{"What the harbour needs now", long}, false}, // first paragraph
		{[]string{long, "What the harbour and the islands need now from the council", long}, false},
	} {
		i := 1
		if len(tc.texts) == 2 {
			i = 0
		}
		if got := isCrosshead(bodyTextsOf(tc.texts...), i); got != tc.want {
			t.Errorf("isCrosshead(%q) = %v, want %v", tc.texts[i], got, tc.want)
		}
	}
}

func TestPullQuotes(t *testing.T) {
	body := []string{
		"The theme of this year’s fair was the harbour. If towns work together, not only will trade grow, it will also help them weather future storms. That was the hope.",
		"Lorem ipsum dolor sit amet, consectetur adipiscing elit, nulla lectus fringilla ligula, eget tempus eros.",
		"Lorem ipsum dolor sit amet, consectetur adipiscing elit, nulla lectus fringilla.",
		"If towns work together, not only will trade grow, it will also help them weather future storms",
		"SIGN UP FOR OUR NEWSLETTER",
		"SIGN UP FOR OUR NEWSLETTER",
		"That was the hope",
	}
	texts := make([]bodyText, len(body))
	for i, t := range body {
		texts[i] = bodyText{text: t, words: countWords(t)}
	}
	got := findPullQuotes(texts)
	want := []bool{false, false, false, true, false, false, false}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findPullQuotes = %v, want %v", got, want)
	}
}

// An article with no pull quote keeps its texts, and moving its pull
// quotes allocates nothing (no mask is made for the texts).
func TestMovePullQuotesWithoutQuotesAllocatesNothing(t *testing.T) {
	var paras []string // more than the stack holds for a mask
	for i := range 40 {
		paras = append(paras, fmt.Sprintf("The ferry ran all winter, the mayor said, on the route of boat number %d.", i))
	}
	texts := bodyTextsOf(paras...)
	var a Article
	if got := a.movePullQuotes(slices.Clone(texts)); len(got) != len(texts) || len(a.PullQuotes) > 0 {
		t.Fatalf("movePullQuotes kept %d texts of %d, moved %q", len(got), len(texts), a.PullQuotes)
	}
	if n := testing.AllocsPerRun(50, func() { a.movePullQuotes(texts) }); n > 0 {
		t.Errorf("movePullQuotes allocates %v times on a body without pull quotes", n)
	}
}
