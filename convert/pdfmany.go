package convert

// Many articles in one PDF: clipping compilations (pdfcompilation.go) and
// newspaper pages holding several stories (pdfpage.go) are cut into
// segments of lines, and each segment is read as a clipping of its own.

import (
	"strings"
	"unicode"

	"newsclip/internal/pdftext"
)

// readManyArticles reads a PDF that holds several articles other than an
// archive export: a clipping compilation, or newspaper pages of several
// stories. It returns nil when t is neither, and the articles otherwise
// (those with neither headline nor body left out), the running heads
// recorded on the first.
func readManyArticles(t *pdftext.Text) []*Article {
	arts := readCompilation(t)
	if arts == nil {
		arts = readStoryPages(t)
	}
	if arts == nil {
		return nil
	}
	arts = dropEmpty(arts)
	if len(arts) == 0 {
		return nil
	}
	var heads []Removal
	for _, h := range t.RunningHeads {
		heads = append(heads, Removal{Kind: RemovedRunningHead, Text: h})
	}
	arts[0].Removed = append(heads, arts[0].Removed...)
	for i, a := range arts {
		a.Index = i
	}
	return arts
}

// dropEmpty leaves out the articles with neither headline nor body (a
// segment of header lines only), handing what they recorded as removed
// to the next article kept, or the last.
func dropEmpty(arts []*Article) []*Article {
	var out []*Article
	var removed []Removal
	for _, a := range arts {
		if a.Headline == "" && len(a.Body) == 0 {
			removed = append(removed, a.Removed...)
			continue
		}
		a.Removed = append(removed, a.Removed...)
		removed = nil
		out = append(out, a)
	}
	if n := len(out); n > 0 {
		out[n-1].Removed = append(out[n-1].Removed, removed...)
	}
	return out
}

// A lineRef names a line of a PDF's text: the index of its page in
// Text.Pages and of the line in Page.Lines.
type lineRef struct{ page, line int }

// flatLines lists the lines of t in reading order, page after page.
func flatLines(t *pdftext.Text) []lineRef {
	refs := make([]lineRef, 0, lineCount(t)) // one allocation: a long document's list is large
	for pi, p := range t.Pages {
		for li := range p.Lines {
			refs = append(refs, lineRef{pi, li})
		}
	}
	return refs
}

// lineCount is the number of t's lines (Page.Lines), all pages.
func lineCount(t *pdftext.Text) int {
	n := 0
	for _, p := range t.Pages {
		n += len(p.Lines)
	}
	return n
}

// lineAt returns the line r names.
func lineAt(t *pdftext.Text, r lineRef) pdftext.Line { return t.Pages[r.page].Lines[r.line] }

// segmentText returns the lines refs[from:to] of t as a Text of their own,
// on their pages (without running heads), leaving out those for which
// skip is true.
func segmentText(t *pdftext.Text, refs []lineRef, from, to int, skip func(int) bool) *pdftext.Text {
	seg := &pdftext.Text{PageCount: t.PageCount}
	for i := from; i < to; i++ {
		if skip != nil && skip(i) {
			continue
		}
		r := refs[i]
		if n := len(seg.Pages); n == 0 || seg.Pages[n-1].Number != t.Pages[r.page].Number {
			p := t.Pages[r.page]
			p.Lines, p.Heads = nil, nil
			seg.Pages = append(seg.Pages, p)
		}
		p := &seg.Pages[len(seg.Pages)-1]
		p.Lines = append(p.Lines, lineAt(t, r))
	}
	return seg
}

// readSegment reads the lines of one article as a clipping without a
// masthead: headline, standfirst, byline, body.
func readSegment(seg *pdftext.Text) *Article {
	lines, removed := pdfLines(seg)
	a := readClipping(lines, false)
	a.Removed = append(removed, a.Removed...)
	return a
}

// segmentWords counts the words of the lines refs[from:to] of t.
func segmentWords(t *pdftext.Text, refs []lineRef, from, to int) int {
	n := 0
	for _, r := range refs[from:to] {
		n += countWords(lineAt(t, r).Text)
	}
	return n
}

// titleKey folds a headline for comparison: lower case, letters and
// digits only, single spaces. "Quay plan – put off again!" and "quay plan
// put off again" have the same key.
func titleKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}
