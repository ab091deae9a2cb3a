package convert

import (
	"strings"
	"testing"
)

// parasOf splits a sample written with blank lines into paragraphs.
func parasOf(s string) []para { return splitParas(strings.Split(s, "\n"), 1) }

func TestEndsASentence(t *testing.T) {
	rows(t, "endsASentence", endsASentence, map[string]bool{
		"Harbour Gazette":       false,
		"Ruth K. Okafor":        false, // an initial
		"Tidewatch.org":         false, // a domain
		"Hoopla!Net":            false, // a '!' inside a name
		"The tide came in.":     true,
		"Read this: a masthead": true,
		"Why now?":              true,
		"Dr. Who":               true, // "Dr." is a word, not an initial
	})
}

func TestIsTagLine(t *testing.T) {
	body := "The council voted on Tuesday to keep the ferry running through the winter months."
	rows(t, "isTagLine", func(in string) bool { return isTagLine(parasOf(in), 0) }, map[string]bool{
		"Home & Garden\n\n" + body:      true,
		"Verkehr\n\n" + body:            true,
		"地域\n\n" + body:                 true,
		"Ruth Okafor\n\n" + body:        false, // a bare-name byline
		"Reuters\n\n" + body:            false, // an agency
		"Ferry saved\n\nShort text":     false, // no running text under it
		"Vote 2024\n\n" + body:          false, // digits
		"Ferries, buses\n\n" + body:     false, // punctuation
		"One two three four\n\n" + body: false, // too many words
	})
}

func TestIsStandfirst(t *testing.T) {
	long := strings.Repeat("The ferry kept running all winter and the town was glad of it. ", 8)
	deck := strings.Repeat("Ferries matter to small towns more than most people think. ", 4)
	rows(t, "isStandfirst", func(in string) bool { return isStandfirst(parasOf(in), 0) }, map[string]bool{
		// A byline under it makes any short paragraph a standfirst.
		"The town keeps its ferry.\n\nBy Ruth Okafor\n\n" + long: true,
		"I rode the last ferry home.\n\nRuth Okafor\n\n" + long:  true,
		// Short, one line, more text after it.
		"The town keeps its ferry after a long fight.\n\n" + long + "\n\n" + long: true,
		// The writer's own voice opens a blog post's body.
		"I've been meaning to write about the ferry for months.\n\n" + long + "\n\n" + long: false,
		"Ich bin lange mit der Fähre gefahren.\n\n" + long + "\n\n" + long:                  false,
		// A table of contents under a longer paragraph marks it as the deck.
		deck + "\n\nWhy ferries matter\n\nWhat towns can do now\n\n" + long:   true,
		deck + "\n\n" + long + "\n\n" + long:                                  false, // too long without one
		"MARSHPORT - The ferry will keep running.\n\n" + long + "\n\n" + long: false, // a dateline
		"The town keeps its ferry.\n\n" + long:                                false, // nothing after the body
		long + "\n\nBy Ruth Okafor\n\n" + long:                                false, // over 400 characters
	})
}

func TestStartsContents(t *testing.T) {
	rows(t, "startsContents", func(in string) bool { return startsContents(parasOf(in)) }, map[string]bool{
		"Why Ferries Matter\n\nWhat Towns Can Do":                    true,
		"Why Ferries Matter\n\nThe ferry ran all winter.":            false, // a sentence
		"Why Ferries Matter":                                         false, // one entry
		"Why Ferries Matter\n\nWhat Towns Can Do?":                   false,
		"Why Ferries Matter\nand buses\n\nWhat Towns Can Do\n\nMore": false, // two lines
	})
}

func TestIsSectionLabel(t *testing.T) {
	label := func(in [2]string) bool {
		return isSectionLabel(para{lines: []string{in[0]}}, para{lines: []string{in[1]}})
	}
	rows(t, "isSectionLabel", label, map[[2]string]bool{
		{"Opinion", "Why the harbour wall must be rebuilt this year"}:               true,
		{"World news", "Ferry strike spreads to three more ports"}:                  true,
		{"Opinion", "Ferry strike"}:                                                 false, // headline not twice as long
		{"Page 3", "Why the harbour wall must be rebuilt this year"}:                false, // digits
		{"Breaking: now", "Why the harbour wall must be rebuilt this year"}:         false, // punctuation
		{"Opinion", "The harbour wall will be rebuilt this year."}:                  false, // a sentence, not a headline
		{"Opinion", "By Ruth Okafor and Tom Lee of the Harbour Desk"}:               false, // a byline
		{"Arts and culture news", "Why the harbour wall must be rebuilt this year"}: false,
	})
}

func TestIsKicker(t *testing.T) {
	rows(t, "isKicker", isKicker, map[string]bool{
		"ANALYSIS":                    true,
		"WORLD NEWS":                  true,
		"THE BIG INTERVIEW":           true,
		"Analysis":                    false, // not capitals
		"BREAKING NEWS FROM THE PORT": false, // five words
		"STOP.":                       false,
		"A":                           false, // one letter is not a word in capitals
	})
}

func TestSplitWirePrefix(t *testing.T) {
	wire := func(in string) (string, string) { slug, rest, _ := splitWirePrefix(in); return slug, rest }
	rows2(t, "splitWirePrefix", wire, map[string]two[string, string]{
		"URGENT: Port closed after storm":     {"URGENT", "Port closed after storm"},
		"LEADALL: Port closed after storm":    {"LEADALL", "Port closed after storm"},
		"ATTENTION - Port closed after storm": {"ATTENTION", "Port closed after storm"},
		"UPDATE 2-Port closed after storm":    {"UPDATE 2", "Port closed after storm"},
		"EILMELDUNG: Hafen geschlossen":       {"EILMELDUNG", "Hafen geschlossen"},
		"PORTHAVEN: A town waits":             {"", "PORTHAVEN: A town waits"}, // a place, not a slug
		"Urgent: a town waits":                {"", "Urgent: a town waits"},    // slugs are capitals
		"UPDATE on the port":                  {"", "UPDATE on the port"},
	})
}

func TestSplitByline(t *testing.T) {
	body := "The ferry kept running all winter, the trust said on Monday."
	rows2(t, "splitByline", func(in string) (string, int) { return splitByline(parasOf(in), 0) }, map[string]two[string, int]{
		"By\n\nRuth Okafor\n\nHarbour Correspondent\n\n" + body: {"By Ruth Okafor, Harbour Correspondent", 3},
		"Von:\n\nAnna Schmidt\n\n" + body:                       {"Von: Anna Schmidt", 2},
		"By\n\nthe end of the week\n\n" + body:                  {"", 0}, // not a name
		"Ruth Okafor\n\n" + body:                                {"", 0},
	})
}

func TestSplitBylineInArticle(t *testing.T) {
	in := "Harbour Gazette\n\nFerry keeps running\n\nBy\n\nRuth Okafor\n\nHarbour Correspondent\n\n" +
		"The ferry kept running all winter, the trust said on Monday.\n\nNobody objected to it.\n"
	a := firstArticle(t, "in.txt", []byte(in))
	if got := names(a.Authors); len(got) != 1 || got[0] != "Ruth Okafor | Harbour Correspondent" || len(a.Body) != 2 {
		t.Errorf("authors %q, %d body blocks", got, len(a.Body))
	}
}

func TestSplitMasthead(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"Harbour Gazette", 1},
		{"Harbour Gazette · 4 Jun 1987 · Sport", 3},
		{"Harbour Gazette | Metro", 2},
		{"Harbour Gazette•Metro", 1},
		{"", 1},
	} {
		got := splitMasthead(tc.in)
		if len(got) != tc.want {
			t.Errorf("splitMasthead(%q) = %q, want %d parts", tc.in, got, tc.want)
		}
		if want := mastheadSep.Split(tc.in, -1); strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("splitMasthead(%q) = %q, regexp gives %q", tc.in, got, want)
		}
	}
}
