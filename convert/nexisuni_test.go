package convert

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestApplyNexisHead(t *testing.T) {
	tests := []struct {
		name                                 string
		lines                                []string
		headline, publication, date, edition string
		warned                               bool
	}{
		{"headline, publication, date", []string{"Storm closes road", "The Gazette", "July 1, 2019 Monday"}, "Storm closes road", "The Gazette", "2019-07-01", "", false},
		{"an edition after the date", []string{"Storm closes road", "The Gazette", "July 1, 2019 Monday", "Final Edition"}, "Storm closes road", "The Gazette", "2019-07-01", "Final Edition", false},
		{"a headline over two lines", []string{"Storm closes", "coastal road", "The Gazette", "July 1, 2019"}, "Storm closes coastal road", "The Gazette", "2019-07-01", "", false},
		{"date and edition on one line", []string{"Storm closes road", "THE GAZETTE", "May 2, 2002, Thursday,, FINAL EDITION"}, "Storm closes road", "THE GAZETTE", "2002-05-02", "FINAL EDITION", false},
		{"a correction note is no edition", []string{"Storm closes road", "The Gazette", "July 1, 2019 Monday", "Late Edition - Final", "Correction Appended"}, "Storm closes road", "The Gazette", "2019-07-01", "Late Edition - Final", false},
		{"a headline alone", []string{"Storm closes road"}, "Storm closes road", "", "", "", true},
		{"no date", []string{"Storm closes road", "The Gazette"}, "Storm closes road", "The Gazette", "", "", true},
		{"no publication", []string{"Storm closes road", "July 1, 2019"}, "Storm closes road", "", "2019-07-01", "", true},
	}
	for _, tt := range tests {
		a := &Article{}
		a.applyNexisHead(tt.lines)
		if a.Headline != tt.headline || a.Publication != tt.publication || a.Date.ISO() != tt.date || a.Edition != tt.edition || (len(a.Warnings) > 0) != tt.warned {
			t.Errorf("%s: got %q %q %q %q warnings %v", tt.name, a.Headline, a.Publication, a.Date.ISO(), a.Edition, a.Warnings)
		}
	}
}

func TestSplitNexisCover(t *testing.T) {
	cover := []string{
		"Date and Time: Monday, July 8, 2019 10:00 AM EDT", "Job Number: 42", "Documents (2)",
		"1. Storm closes road", "Client/Matter: -None-", "Search Terms: storm", "Search Type: Terms and Connectors",
		"Narrowed by:", "Content Type Narrowed by", "News Sources: The Gazette; Content Type: News",
		"2. Ferry resumes", "Client/Matter: -None-", "",
	}
	doc := []string{"Storm closes road", "The Gazette", "July 1, 2019 Monday", "Length: 10 words"}
	got, at := splitNexisCover(append(append([]string{}, cover...), doc...))
	if got.count != 2 || at != len(cover)-1 || !strings.HasPrefix(got.text, "Date and Time:") {
		t.Errorf("cover: got count %d, headline at %d, text %q; want 2, %d", got.count, at, got.text, len(cover)-1)
	}
	// A headline that looks like a list item stays the headline.
	doc[0] = "1. FC Porthaven wins the cup"
	_, at = splitNexisCover(append(append([]string{}, cover...), doc...))
	if at != len(cover)-1 {
		t.Errorf("numbered headline: headline at %d, want %d", at, len(cover)-1)
	}
	if got, at := splitNexisCover(doc); got.count != 0 || at != 0 {
		t.Errorf("no cover: got %+v at %d", got, at)
	}
}

func TestSplitNexisLabels(t *testing.T) {
	in := []para{{lines: []string{"Length: 9 words", "Body", "Text one."}, line: 5}, {lines: []string{"Body"}, line: 9}, {lines: []string{"Classification", "Language: ENGLISH"}, line: 11}}
	var got []string
	for _, p := range splitNexisLabels(in) {
		got = append(got, fmt.Sprintf("%d:%s", p.line, strings.Join(p.lines, "/")))
	}
	want := []string{"5:Length: 9 words", "6:Body", "7:Text one.", "9:Body", "11:Classification", "12:Language: ENGLISH"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNexisHead(t *testing.T) {
	lines := func(ls ...string) []para {
		var ps []para
		for i, l := range ls {
			ps = append(ps, para{lines: []string{l}, line: i + 1})
		}
		return ps
	}
	many := []string{"Headline", "Gazette", "July 1, 2019", "p1", "p2", "p3", "p4", "p5", "p6", "p7"}
	tests := []struct {
		name  string
		paras []para
		head  int // head lines
		rest  string
	}{
		{"ends at a field", lines("Headline", "Gazette", "July 1, 2019", "Length: 9 words", "Body"), 3, "Length: 9 words"},
		{"ends at a copyright line inside a paragraph", []para{{lines: []string{"Headline", "Gazette", "Copyright 2019 Gazette"}, line: 1}}, 2, "Copyright 2019 Gazette"},
		{"no field: the head ends after the date", lines(many...), 3, "p1"},
		{"no field and no date: the head is the first line", lines(many[3:]...), 1, "p2"},
		{"a date on the last head line", lines("h1", "h2", "h3", "h4", "h5", "h6", "Gazette", "July 1, 2019", "p1"), 8, "p1"},
	}
	for _, tt := range tests {
		head, rest := nexisHead(tt.paras)
		if len(head) != tt.head || len(rest) == 0 || rest[0].lines[0] != tt.rest {
			t.Errorf("%s: head %q, rest %v", tt.name, head, rest)
		}
	}
}

func TestNexisGraphic(t *testing.T) {
	ps := func(ls ...string) []para {
		var out []para
		for _, l := range ls {
			out = append(out, para{lines: []string{l}})
		}
		return out
	}
	long := []string{"Graphic", "b1", "b2", "b3", "b4", "b5", "b6"}
	tests := []struct {
		name string
		body []para
		kept int
	}{
		{"a section with a caption", ps("b1", "b2", "Graphic", "PHOTO: The wall."), 2},
		{"a section without caption", ps("b1", "Graphic"), 1},
		{"no section", ps("b1", "b2"), 2},
		{"a crosshead far from the end", ps(long...), 7},
	}
	for _, tt := range tests {
		a := &Article{}
		if got := a.nexisGraphic(tt.body); len(got) != tt.kept {
			t.Errorf("%s: kept %d paragraphs, want %d", tt.name, len(got), tt.kept)
		}
		if removed := len(a.Removed) > 0; removed != (tt.kept < len(tt.body)) {
			t.Errorf("%s: removals %+v", tt.name, a.Removed)
		}
	}
}

// nexisByline gives the names of the authors applyNexisByline finds and
// whether each keeps the byline as printed.
func nexisByline(in string) ([]string, bool) {
	a := &Article{}
	a.applyNexisByline(in)
	var names []string
	raw := true
	for _, p := range a.Authors {
		if p.Name != "" {
			names = append(names, p.Name)
		}
		raw = raw && p.Raw == in
	}
	return names, raw
}

// nexisDateOf is nexisDate's date, ISO.
func nexisDateOf(in string) string { d, _ := nexisDate(in); return d.ISO() }

// nexisDateLineOf is nexisDateLine's date, ISO, and the rest of the line.
func nexisDateLineOf(in string) (string, string) {
	d, rest, _ := nexisDateLine(in)
	return d.ISO(), rest
}

// detectNexisUniOf is detectNexisUni of a sample's lines.
func detectNexisUniOf(in string) bool { return detectNexisUni(strings.Split(in, "\n")) }

// nexisLineOpeners marks a marker's first letter in both cases, which it
// can only do for a marker that opens with a lower-case ASCII letter: a
// new marker of the table must too.
func TestNexisEndMarkersOpenLowerASCII(t *testing.T) {
	for m := range nexisEndMarkers {
		if m == "" || m[0] < 'a' || m[0] > 'z' {
			t.Errorf("end marker %q does not open with a lower-case ASCII letter", m)
		}
		if !nexisLineOpeners[strings.ToUpper(m)[0]] {
			t.Errorf("end marker %q: its capitalised form opens with a byte nexisLineOpeners turns away", m)
		}
	}
}
