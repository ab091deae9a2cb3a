package convert

import (
	"strings"
	"testing"
)

// parasOf splits a sample written with blank lines into paragraphs.
func parasOf(s string) []para { return splitParas(strings.Split(s, "\n"), 1) }

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

// mastheadParts counts the parts splitMasthead gives, for its rule file.
func mastheadParts(line string) int { return len(splitMasthead(line)) }

// contents is startsContents of a sample written with blank lines.
func contents(in string) bool { return startsContents(parasOf(in)) }

// sectionLabel is isSectionLabel of a one-line paragraph and the next.
func sectionLabel(label, next string) bool {
	return isSectionLabel(para{lines: []string{label}}, para{lines: []string{next}})
}

// wirePrefix is splitWirePrefix's slug and rest.
func wirePrefix(in string) (string, string) { slug, rest, _ := splitWirePrefix(in); return slug, rest }
