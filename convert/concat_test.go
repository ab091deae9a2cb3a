package convert

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// pressClipping is a PressReader-style clipping of our own: masthead,
// headline, "- By" byline, body, placeholder, footer.
func pressClipping(n int) string {
	return fmt.Sprintf(`Harbour Weekly

Tide Mill Reopens %d

- By Ana Lima

The old tide mill on the estuary opened its doors again on Saturday after a repair that took %d years.

Volunteers rebuilt the wheel and the sluice gates with oak from the estate.

 ??  ??

Newspapers in English

Newspapers from Portugal
`, n, n+1)
}

// webClipping is a web article as a reader copies it: masthead, headline,
// byline, body.
func webClipping(n int) string {
	return fmt.Sprintf(`Coastal Courier

Ferry Timetable Changes Number %d

By Tom Reyes

The ferry company will move its first crossing forward by twenty minutes from May, the operator said on Tuesday.

Passengers asked for the change in a survey last year, and the harbour board agreed to it in March.

The last crossing of the day stays as it is.
`, n)
}

func TestConcatenatedClippings(t *testing.T) {
	for _, tc := range []struct {
		name  string
		make  func(int) string
		count int
	}{
		{"pressreader", pressClipping, 2}, {"pressreader", pressClipping, 3},
		{"web", webClipping, 2}, {"web", webClipping, 3},
	} {
		var parts []string
		for i := 1; i <= tc.count; i++ {
			parts = append(parts, tc.make(i))
		}
		doc := mustConvert(t, "pasted.txt", []byte(strings.Join(parts, "\n")))
		if len(doc.Articles) != tc.count {
			t.Fatalf("%s x%d: %d articles, want %d", tc.name, tc.count, len(doc.Articles), tc.count)
		}
		for i, a := range doc.Articles {
			if !strings.HasSuffix(a.Headline, fmt.Sprint(i+1)) || len(a.Authors) != 1 {
				t.Errorf("%s x%d: article %d: headline %q, authors %+v", tc.name, tc.count, i, a.Headline, a.Authors)
			}
			for _, b := range a.Body {
				if strings.Contains(b.Text(), "Courier") || strings.Contains(b.Text(), "Weekly") || strings.Contains(b.Text(), "By ") {
					t.Errorf("%s x%d: article %d: the next header leaked into the body: %q", tc.name, tc.count, i, b.Text())
				}
			}
			if i > 0 && a.Line <= doc.Articles[i-1].Line {
				t.Errorf("%s x%d: article %d starts at line %d, not after the one before (%d)", tc.name, tc.count, i, a.Line, doc.Articles[i-1].Line)
			}
		}
		found := false
		for _, w := range doc.Warnings {
			found = found || strings.Contains(w.Msg, "clippings pasted one after another")
		}
		if !found {
			t.Errorf("%s x%d: no warning about the split; warnings %v", tc.name, tc.count, doc.Warnings)
		}
	}
}

func TestClippingStartsOneClipping(t *testing.T) {
	// One clipping that mentions its masthead alone on a line mid-text,
	// followed by a sentence, is not split; nor is a footer at the end.
	for _, text := range []string{
		pressClipping(1),
		webClipping(1),
		"Coastal Courier\n\nA Headline Here\n\nBy Tom Reyes\n\nFirst paragraph of text.\n\nCoastal Courier\n\nThis paragraph is a long sentence that no headline would ever be, running on well past the length of a title and ending with a full stop, as body text does when it quotes the paper's name alone on a line. It goes on and on for a while so that it is clearly a paragraph of prose and nothing else, a paragraph of three hundred characters at least.\n",
	} {
		if s := clippingStarts(strings.Split(text, "\n")); len(s) != 0 {
			t.Errorf("split at %v:\n%s", s, text)
		}
	}
}

// impossibleDates gives parseDate's date (ISO) and ok, and
// isImpossibleDate: dates the calendar lacks are no dates but are
// recognised as printed dates (the header keeps them raw, with a warning);
// real ones, 29 February of leap years included, parse.
func impossibleDates(raw string) (string, bool, bool) {
	d, ok := parseDate(raw)
	return d.ISO(), ok, isImpossibleDate(raw)
}

// mayHoldClippings never turns away text in which findClippingStarts finds
// a new clipping: random texts of mastheads, headlines, bylines, body
// lines, placeholders and footer lines, with blank lines between some, and
// the clippings pasted together of TestConcatenatedClippings.
func TestMayHoldClippingsKeepsEveryStart(t *testing.T) {
	pieces := []string{"Harbour Weekly", " Harbour Weekly ", "Coastal Courier", "Tide Mill Reopens", "- By Ana Lima",
		"By Tom Reyes", "The old tide mill on the estuary opened its doors again.", " ??  ?? ", "Newspapers in English",
		"Newspapers from Portugal", " Newspapers in English", "Newspapers in", "March 3, 2021", "", "", ""}
	r := rand.New(rand.NewSource(23))
	found := 0
	texts := [][]string{
		strings.Split(pressClipping(1)+"\n"+pressClipping(2), "\n"),
		strings.Split(webClipping(1)+"\n"+webClipping(2)+"\n"+webClipping(3), "\n"),
	}
	for range 40000 {
		lines := make([]string, 4+r.Intn(24))
		for i := range lines {
			lines[i] = pieces[r.Intn(len(pieces))]
		}
		texts = append(texts, lines)
	}
	for _, lines := range texts {
		if starts := findClippingStarts(lines); starts != nil {
			found++
			if !mayHoldClippings(lines) {
				t.Fatalf("mayHoldClippings = false, findClippingStarts finds %v in %q", starts, lines)
			}
		}
	}
	if found < 500 {
		t.Errorf("%d texts with a new clipping: too few to test", found)
	}
}
