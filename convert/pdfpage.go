package convert

// Newspaper pages holding several stories: a front page or an inside
// page, set in columns, each story under its own headline in display
// type, the page's publication and date in the masthead or the folio line.
//
//	THE HARBOUR COURIER                               <- masthead
//	Tuesday, 3 May 2023 | No. 4512                    <- folio
//	Harbour board backs new quay                      <- story 1 (24 pt)
//	By Jane Marlow / body in two columns ...
//	Ferry fares to rise (16 pt)  | Library opens (13 pt)  <- stories 2, 3

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"newsclip/internal/pdftext"
)

// Story splitting: a headline is set at least storyHeadSize times the body
// size and holds at most maxHeadWords words; a story holds at least
// storyWords words of text in other type.
const (
	storyHeadSize = 1.3
	maxHeadWords  = 24
	storyWords    = 20
)

// readStoryPages reads newspaper pages of several stories into one article
// per story: a story starts at each headline (see storyStarts) on a page
// set in columns, and takes the publication, date and page of the page's
// header (see readPageHead) or of an earlier page's. It returns nil when
// the pages hold fewer than two stories.
func readStoryPages(t *pdftext.Text) []*Article {
	body := t.BodySize()
	refs := flatLines(t)
	heads := make([]pageHead, len(t.Pages))
	inHead := map[int]bool{}
	for i, r := range refs {
		if i == 0 || refs[i-1].page != r.page {
			heads[r.page] = readPageHead(t.Pages[r.page], body)
		}
		if r.line < heads[r.page].lines {
			inHead[i] = true
		}
	}
	starts := storyStarts(t, refs, inHead, body)
	if len(starts) < 2 {
		return nil
	}
	inheritPageHeads(heads)
	var out []*Article
	done := map[int]bool{}
	for k, s := range starts {
		end := len(refs)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		a := readSegment(segmentText(t, refs, s, end, func(i int) bool { return inHead[i] }))
		pi := refs[s].page
		h := heads[pi]
		a.Publication, a.Date, a.Page = h.publication, h.date, h.page
		if !done[pi] {
			a.Removed = append(append([]Removal(nil), h.removed...), a.Removed...)
			done[pi] = true
		}
		out = append(out, a)
	}
	return out
}

// storyStarts returns the indexes in refs of the lines where stories
// start, skipping the lines of page headers (skip): the first line, then
// each headline (see isStoryHead) after storyWords words of text since the
// last start, with the kicker above it (see isKicker). A story whose text
// falls short of storyWords joins the one before. No story starts on a
// page that is not set in columns (see inColumns), nor anywhere unless
// half of the pages are: there a large line is a crosshead.
func storyStarts(t *pdftext.Text, refs []lineRef, skip map[int]bool, body float64) []int {
	isDisplay := func(r lineRef) bool { return lineAt(t, r).Size >= storyHeadSize*body }
	display := func(i int) bool { return isDisplay(refs[i]) }
	columns := map[int]bool{}
	n := 0
	for pi, p := range t.Pages {
		columns[pi] = inColumns(p, body)
		if columns[pi] {
			n++
		}
	}
	if 2*n < len(t.Pages) {
		return nil // a book or report with a few pages of tables
	}
	text := map[int]string{} // bodyKey by page, made when first needed
	starts := []int{}
	words := 0
	first := true
	for i := 0; i < len(refs); i++ {
		if skip[i] {
			continue
		}
		if !display(i) {
			words += countWords(lineAt(t, refs[i]).Text)
			continue
		}
		j := i
		var run []string
		for ; j < len(refs) && !skip[j] && display(j) && refs[j].page == refs[i].page; j++ {
			run = append(run, lineAt(t, refs[j]).Text)
		}
		pi := refs[i].page
		if _, ok := text[pi]; !ok && !first {
			text[pi] = bodyKey(t, pi, isDisplay)
		}
		if (first || words >= storyWords && columns[pi]) && isStoryHead(strings.Join(run, " "), text[pi]) {
			start := i
			if k := i - 1; k >= 0 && !first && !skip[k] && refs[k].page == pi && isKicker(lineAt(t, refs[k]).Text) {
				start = k
			}
			if !first && segmentWords(t, refs, starts[len(starts)-1], start) < storyWords {
				starts = starts[:len(starts)-1]
			}
			starts = append(starts, start)
			words, first = 0, false
		}
		i = j - 1
	}
	if len(starts) > 1 && words < storyWords {
		starts = starts[:len(starts)-1]
	}
	if len(starts) > 0 {
		starts[0] = 0
	}
	return starts
}

// bodyKey is the titleKey of the text of page pi not in display type,
// between spaces, for isStoryHead to find pull quotes in: a pull quote
// repeats its story, which stands on the same page.
func bodyKey(t *pdftext.Text, pi int, display func(lineRef) bool) string {
	var b strings.Builder
	for li, l := range t.Pages[pi].Lines {
		if !display(lineRef{pi, li}) {
			b.WriteString(l.Text)
			b.WriteByte(' ')
		}
	}
	return " " + titleKey(b.String()) + " "
}

// isStoryHead reports whether display text can head a story: at most
// maxHeadWords words, no sentence end, no opening quotation mark, no
// byline, and not a pull quote, whose words the body text (given as
// bodyKey) repeats:
//
//	Ferry fares to rise in June                     -> a headline
//	"We will not give up the pier without a fight"  -> a pull quote
func isStoryHead(s, bodyText string) bool {
	s = strings.TrimSpace(s)
	n := countWords(s)
	if n == 0 || n > maxHeadWords || strings.HasSuffix(s, ".") || isBylineLine(s) {
		return false
	}
	if strings.ContainsRune("\"“”„«»‘’'", []rune(s)[0]) {
		return false
	}
	key := titleKey(s)
	return n < 4 || !strings.Contains(bodyText, " "+key+" ")
}

// columnShare is the widest a page's full lines of body type may be, in
// parts of the width all its text spans, for the page to count as set in
// columns.
const columnShare = 0.55

// inColumns reports whether a page is set in columns: nine lines of body
// type in ten (all full lines of a column, short ones too) span at most
// columnShare of the width of the page's text. A page of one column (a
// browser print, a report, a book) has crossheads, not stories.
func inColumns(p pdftext.Page, body float64) bool {
	x0, x1 := math.Inf(1), math.Inf(-1)
	var widths []float64
	for _, l := range p.Lines {
		x0, x1 = math.Min(x0, l.X0), math.Max(x1, l.X1)
		if isBodyLine(l, body) {
			widths = append(widths, l.X1-l.X0)
		}
	}
	if len(widths) == 0 {
		return false
	}
	sort.Float64s(widths)
	return widths[len(widths)*9/10] <= columnShare*(x1-x0)
}

func isBodyLine(l pdftext.Line, body float64) bool { return math.Abs(l.Size-body) <= 0.1*body }

// A pageHead is what the top of a newspaper page says of the page.
type pageHead struct {
	publication, page string
	date              Date
	lines             int // lines of the header at the top of Page.Lines
	removed           []Removal
}

// mastheadWords is the most words of a masthead.
const mastheadWords = 6

// readPageHead reads the header at the top of a page: a folio line (see
// readFolio) and the masthead beside it, the first line set in the
// page's largest type, at the top edge, at most mastheadWords words
// ("THE HARBOUR COURIER" over "Tuesday, 3 May 2023 | No. 4512"); without
// a folio, a masthead needs a smaller headline under it (see
// isUnderMasthead). A folio the reader took for a running head counts
// too. The page number is the
// folio's, else a page-number running head's, else the page's place in
// the file.
func readPageHead(p pdftext.Page, body float64) pageHead {
	h := pageHead{page: strconv.Itoa(p.Number)}
	var inHeads *pageHead
	for _, l := range p.Heads {
		if f, ok := readFolio(l.Text); ok && p.AtTop(l) && inHeads == nil {
			inHeads = &f
		} else if n, ok := pageNumber(l.Text); ok {
			h.page = n
		}
	}
	largest := 0.0
	for _, l := range p.Lines {
		largest = max(largest, l.Size)
	}
	folio := false
	for i := 0; i < len(p.Lines) && i < 4; i++ {
		l := p.Lines[i]
		if f, ok := readFolio(l.Text); ok && !folio {
			h.merge(f)
			h.removed = append(h.removed, Removal{Kind: RemovedHeader, Text: l.Text})
			h.lines, folio = i+1, true
			continue
		}
		if h.publication == "" && l.Size >= largest && l.Size >= storyHeadSize*body && p.AtTop(l) && countWords(l.Text) <= mastheadWords && isPublicationName(l.Text) {
			h.publication = strings.TrimSpace(l.Text)
			h.removed = append(h.removed, Removal{Kind: RemovedMasthead, Text: l.Text})
			h.lines = i + 1
			continue
		}
		break
	}
	if n := h.lines; !folio && (inHeads != nil || n == 0 || n >= len(p.Lines) || !isUnderMasthead(p.Lines[n-1], p.Lines[n], body)) {
		h = pageHead{page: h.page} // a headline, not a masthead
	}
	if inHeads != nil {
		h.merge(*inHeads)
	}
	return h
}

// isUnderMasthead reports whether next, the line after a masthead
// without a folio, confirms it: a headline in smaller display type. A
// headline over a standfirst would be taken for a masthead as well, so
// readPageHead takes that risk only at the top edge of a page.
func isUnderMasthead(mast, next pdftext.Line, body float64) bool {
	return next.Size >= storyHeadSize*body && next.Size < mast.Size && mast.StyleDiffers(next)
}

// merge takes the fields of a folio that h lacks; a folio's page number
// replaces the place in the file.
func (h *pageHead) merge(f pageHead) {
	if h.publication == "" {
		h.publication = f.publication
	}
	if h.date.IsZero() {
		h.date = f.date
	}
	if f.page != "" {
		h.page = f.page
	}
}

// Bounds of a folio line, in words.
const maxFolioWords = 14

// readFolio reads a newspaper page's folio line, the parts set apart by
// "|", "·" or "•": a date, and perhaps a page number and the publication.
//
//	Tuesday, 3 May 2023 | No. 4512 | Price 1.50   -> date
//	4 | The Harbour Courier | Tuesday, 3 May 2023 -> page 4, publication, date
//	Seite 4 · Hafenkurier · Freitag, 12. Mai 2023 -> page 4, publication, date
func readFolio(s string) (pageHead, bool) {
	if countWords(s) > maxFolioWords || !strings.ContainsAny(s, "0123456789") {
		return pageHead{}, false
	}
	var h pageHead
	for _, part := range splitMasthead(strings.TrimSpace(s)) {
		part = strings.TrimSpace(part)
		if d, ok := parseDate(part); ok && h.date.IsZero() {
			h.date = d
			continue
		}
		if n, ok := pageNumber(part); ok && h.page == "" {
			h.page = n
			continue
		}
		if h.publication == "" && isPublicationName(part) {
			h.publication = part
		}
	}
	return h, h.date.Day != 0
}

// pageNumber reads a page number as a folio or a running head prints it:
// "4", "A3", "Page 4", "Seite 4", "S. 4", "- 4 -".
func pageNumber(s string) (string, bool) {
	s = strings.Trim(strings.TrimSpace(s), "-–— ")
	if m := sourcePageRE.FindStringSubmatch(s); m != nil && len(m[0]) == len(s) {
		return m[1], true
	}
	if isPageLabel(s) && strings.ContainsAny(s, "0123456789") {
		f := strings.Fields(s)
		return f[len(f)-1], true
	}
	return "", false
}

// inheritPageHeads gives a page whose header names no publication or date
// those of the nearest page before it that does, or else after it: one
// newspaper, page after page.
func inheritPageHeads(heads []pageHead) {
	for pass := 0; pass < 2; pass++ {
		for i := 1; i < len(heads); i++ {
			from, to := &heads[i-1], &heads[i]
			if pass == 1 {
				from, to = &heads[len(heads)-i], &heads[len(heads)-i-1]
			}
			if to.publication == "" {
				to.publication = from.publication
			}
			if to.date.IsZero() {
				to.date = from.date
			}
		}
	}
}
