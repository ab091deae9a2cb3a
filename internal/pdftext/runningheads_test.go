package pdftext

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// removeRunningHeadsPlain is removeRunningHeads as first written, each
// edge line's text folded wherever it is compared.
func removeRunningHeadsPlain(pages []Page) (removed []string) {
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, l := range p.Lines {
			if atEdge(l, p) && !seen[digitsFold(l.Text)] {
				seen[digitsFold(l.Text)] = true
				count[digitsFold(l.Text)]++
			}
		}
	}
	for i := range pages {
		p := &pages[i]
		kept := p.Lines[:0]
		for _, l := range p.Lines {
			if atEdge(l, *p) && (count[digitsFold(l.Text)] >= 2 && len(pages) >= 2 || isPageEdgeLine(l, p.Bottom, p.Top)) || isPrintMargin(l, *p) {
				removed = append(removed, l.Text)
				p.Heads = append(p.Heads, l)
				continue
			}
			kept = append(kept, l)
		}
		p.Lines = kept
	}
	return removed
}

// clonePages copies pages deep enough for removeRunningHeads, which
// rewrites each page's Lines in place.
func clonePages(pages []Page) []Page {
	out := slices.Clone(pages)
	for i := range out {
		out[i].Lines = slices.Clone(out[i].Lines)
		out[i].Heads = slices.Clone(out[i].Heads)
	}
	return out
}

// TestRunningHeadsAsPlain: removeRunningHeads removes and keeps what
// removeRunningHeadsPlain does, on the pages of every test and shared PDF
// and on random pages whose edges repeat lines, page numbers, print
// margins and lines repeated within one page.
func TestRunningHeadsAsPlain(t *testing.T) {
	check := func(name string, pages []Page) {
		t.Helper()
		got, want := clonePages(pages), clonePages(pages)
		gr, wr := removeRunningHeads(got), removeRunningHeadsPlain(want)
		if !reflect.DeepEqual(gr, wr) || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: removed %q, plain %q", name, gr, wr)
		}
	}
	for name, data := range workerPDFs(t) {
		var pages []Page
		if _, err := ExtractPages(data, Options{}, func(p Page) { pages = append(pages, p) }); err == nil {
			check(name, pages)
		}
	}
	texts := []string{"The Daily Example", "the daily example ", "Page 3", "page 12", "- 4 -", "12", "Sport · 14",
		"http://example.com/a", "2 of 2 12/6/16, 12:14 PM", "Body text that runs on across the page in words",
		"one two three four five six seven eight nine ten eleven", "Monday 3 May 2023", ""}
	r := rand.New(rand.NewPCG(3, 4))
	for k := range 2000 {
		pages := make([]Page, 1+r.IntN(5))
		for i := range pages {
			pages[i].Bottom, pages[i].Top = 0, 792
			for range r.IntN(9) {
				y := []float64{20, 30, 400, 500, 760, 780}[r.IntN(6)]
				pages[i].Lines = append(pages[i].Lines, Line{Text: texts[r.IntN(len(texts))], Y: y})
			}
		}
		check(fmt.Sprintf("random %d", k), pages)
	}
}

// TestPrintMarginPrecheck: no line that printMarginRE matches fails
// mayBePrintMargin, on 200,000 random lines of pieces of page counts,
// addresses, dates and times in both cases and look-alikes, and on the
// lines of every test and shared PDF.
func TestPrintMarginPrecheck(t *testing.T) {
	pieces := []string{"1", "12", "2024", " ", "of", "OF", "Of", "oF", "0f", "/", "://", "http", "HTTPS", "www.", "WWW.", "wWw.",
		"ww.", "w", ".", ",", ":", "12:14", "PM", "am", "example.com", "page", "\u017f", "\u212a", "ö", "\xff", "-", "|"}
	r := rand.New(rand.NewPCG(7, 8))
	lines := []string{"1 of 2", "2 of 2 12/6/16, 12:14 PM", "Printed from WWW.EXAMPLE.COM", "Page 1 OF 3"}
	for range 200000 {
		var b []byte
		for range r.IntN(10) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		lines = append(lines, string(b))
	}
	for _, data := range workerPDFs(t) {
		if tx, err := Extract(data, Options{}); err == nil {
			for _, p := range tx.Pages {
				for _, l := range slices.Concat(p.Lines, p.Heads) {
					lines = append(lines, l.Text)
				}
			}
		}
	}
	matched := 0
	for _, l := range lines {
		if printMarginRE().MatchString(l) {
			matched++
			if !mayBePrintMargin(l) {
				t.Errorf("printMarginRE matches %q, which mayBePrintMargin turns away", l)
			}
		}
	}
	if matched < 1000 {
		t.Errorf("only %d lines match printMarginRE", matched)
	}
}

func TestContainsFoldASCII(t *testing.T) {
	for _, c := range []struct {
		s, sub string
		want   bool
	}{
		{"1 of 2", " of ", true},
		{"1 OF 2", " of ", true},
		{"1 oF 2", " of ", true},
		{"1 0f 2", " of ", false},
		{"1\x00of\x002", " of ", false},
		{"WWW.example", "www.", true},
		{"wWw.", "www.", true},
		{"www", "www.", false},
		{"www\x0e", "www.", false},
		{"", "www.", false},
	} {
		if got := containsFoldASCII(c.s, c.sub); got != c.want {
			t.Errorf("containsFoldASCII(%q, %q) = %v, want %v", c.s, c.sub, got, c.want)
		}
	}
}
