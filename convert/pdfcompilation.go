package convert

// Clipping compilations: press reviews that clipping services and press
// offices make, an index page of "Headline (Source) .... page" lines, then
// each article with a source line under (or over) its headline, articles
// running on over pages.
//
//	Press review                                       <- cover, index
//	Quay plan put off again (Harbour Courier) ..... 2
//	Ferry fares to rise (The Coast Herald) ........ 2
//	---
//	Quay plan put off again                            <- headline
//	Harbour Courier 03-05-2023 (p.4)                   <- source line
//	By Jane Marlow                                     <- byline
//	The harbour board has again ...                    <- body

import (
	"math"
	"sort"
	"strings"

	"newsclip/internal/pdftext"
)

// A compiled article is an article of a compilation found in the flat
// lines of the PDF: the line it starts at, its source lines (none when
// the index alone found it; more than one when the source line is
// repeated where the article runs on) and where it appeared.
type compiled struct {
	start   int
	sources []int
	ref     sourceRef
}

// headLines is the most lines a headline beside a source line takes.
const headLines = 4

// readCompilation reads a clipping compilation into its articles: split at
// the headlines of at least two source lines (see sourceArticles), or
// else of at least two index entries found as headlines further on (see
// indexArticles). The part before the first article is the cover and the
// index, recorded as removed when the index names the articles, else read
// as an article of its own when it holds coverWords words or more. It
// returns nil for any other PDF.
func readCompilation(t *pdftext.Text) []*Article {
	refs := flatLines(t)
	body := t.BodySize()
	var entries []indexRow
	arts := sourceArticles(t, refs, body)
	if len(arts) < 2 {
		entries, arts = indexArticles(t, refs, body)
	}
	if len(arts) < 2 {
		return nil
	}
	out := make([]*Article, 0, len(arts)+1)
	for k, c := range arts {
		end := len(refs)
		if k+1 < len(arts) {
			end = arts[k+1].start
		}
		isSource := map[int]bool{}
		var removed []Removal
		for _, i := range c.sources {
			isSource[i] = true
			removed = append(removed, Removal{Kind: RemovedHeader, Text: lineAt(t, refs[i]).Text})
		}
		a := readSegment(segmentText(t, refs, c.start, end, func(i int) bool { return isSource[i] }))
		a.Publication, a.Date, a.Page = c.ref.publication, c.ref.date, c.ref.page
		a.Removed = append(removed, a.Removed...)
		out = append(out, a)
	}
	if entries == nil {
		entries = indexRows(t, refs[:arts[0].start])
	}
	return withFrontMatter(t, refs[:arts[0].start], entries, out)
}

// sourceArticles finds the articles of a compilation by their source lines
// (see readSourceLine), each headline found by sourceHeadStart. A source
// line that repeats the one before, with no headline beside it, is where
// the article runs on to another page: it is removed, and starts nothing.
func sourceArticles(t *pdftext.Text, refs []lineRef, body float64) []compiled {
	var titles []string
	for _, r := range indexRows(t, leadingRefs(t, refs)) {
		titles = append(titles, r.entry.headline)
	}
	var arts []compiled
	for i := 0; i < len(refs); i++ {
		ref, n, ok := sourceAt(t, refs, i)
		if !ok {
			continue
		}
		lines := make([]int, n)
		for k := range lines {
			lines[k] = i + k
		}
		start := sourceHeadStart(t, refs, i, body, titles)
		last := i + n - 1
		if k := len(arts); k > 0 && ref == arts[k-1].ref && start == i && !(last+1 < len(refs) && isDisplayLine(lineAt(t, refs[last+1]), body)) {
			arts[k-1].sources = append(arts[k-1].sources, lines...)
		} else {
			arts = append(arts, compiled{start: start, sources: lines, ref: ref})
		}
		i = last
	}
	return arts
}

// fieldLines is the most lines of labelled fields a source takes.
const fieldLines = 4

// sourceAt reads the source line refs[i], or the labelled fields on the
// lines from refs[i] on, each line opening with a label (see
// readSourceFields):
//
//	Quelle: Hafenkurier
//	Datum: 12.05.2023
//	Seite: 4
//
// It returns the source and the number of lines it takes.
func sourceAt(t *pdftext.Text, refs []lineRef, i int) (sourceRef, int, bool) {
	text := lineAt(t, refs[i]).Text
	if ref, ok := readSourceLine(text); ok {
		return ref, 1, true
	}
	if !opensWithFieldLabel(text) {
		return sourceRef{}, 0, false
	}
	j := i + 1
	for ; j < len(refs) && j-i < fieldLines && refs[j].page == refs[i].page; j++ {
		next := lineAt(t, refs[j]).Text
		if !opensWithFieldLabel(next) {
			break
		}
		text += " | " + next
	}
	if ref, ok := readSourceFields(text); ok && j > i+1 {
		return ref, j - i, true
	}
	return sourceRef{}, 0, false
}

// sourceHeadStart finds the headline of the article whose source line is
// refs[s]: the display lines (see isDisplayLine) just above it on its
// page, when there are any (the start is the first of them); else up to
// two lines above that an index entry names (titles), a headline in body
// type; else the source line itself, the headline under it.
func sourceHeadStart(t *pdftext.Text, refs []lineRef, s int, body float64, titles []string) int {
	start := s
	for j := s - 1; j >= 0 && s-j <= headLines && refs[j].page == refs[s].page; j-- {
		if !isDisplayLine(lineAt(t, refs[j]), body) {
			break
		}
		start = j
	}
	if start < s || len(titles) == 0 {
		return start
	}
	text := ""
	for j := s - 1; j >= 0 && s-j <= 2 && refs[j].page == refs[s].page; j-- {
		text = strings.TrimSpace(lineAt(t, refs[j]).Text + " " + text)
		for _, title := range titles {
			if sameTitle(title, text) {
				return j
			}
		}
	}
	return s
}

// leadingRefs returns the lines of the pages where an index may stand:
// the first indexPages pages, never the last page.
func leadingRefs(t *pdftext.Text, refs []lineRef) []lineRef {
	n := 0
	for n < len(refs) && refs[n].page < indexPages && refs[n].page < len(t.Pages)-1 {
		n++
	}
	return refs[:n]
}

// isDisplayLine reports whether l is set in display type: larger than the
// body (by more than 15%), or bold.
func isDisplayLine(l pdftext.Line, body float64) bool {
	return l.Size > 1.15*body || l.Bold && l.Size >= 0.95*body
}

// coverWords is the fewest words of front matter that is read as an
// article of its own rather than recorded as a cover.
const coverWords = 40

// withFrontMatter records what precedes the first article of a
// compilation: the index lines (rows) as RemovedIndex when at least half
// of them name an article's headline, and the other lines as RemovedCover,
// unless they hold coverWords words or more: then they are read as the
// first article, so that no text is lost when the front matter is more
// than a cover.
func withFrontMatter(t *pdftext.Text, front []lineRef, rows []indexRow, arts []*Article) []*Article {
	matched := 0
	for _, r := range rows {
		for _, a := range arts {
			if sameTitle(r.entry.headline, a.Headline) {
				matched++
				break
			}
		}
	}
	if matched == 0 || 2*matched < len(rows) {
		rows = nil
	}
	var removed []Removal
	inIndex := map[lineRef]bool{}
	for _, r := range rows {
		removed = append(removed, Removal{Kind: RemovedIndex, Text: strings.ReplaceAll(r.text, "\t", " ")})
		for _, l := range r.lines {
			inIndex[l] = true
		}
	}
	var rest []lineRef
	for _, l := range front {
		if !inIndex[l] {
			rest = append(rest, l)
		}
	}
	if segmentWords(t, rest, 0, len(rest)) >= coverWords {
		arts = append([]*Article{readSegment(segmentText(t, rest, 0, len(rest), nil))}, arts...)
	} else {
		for _, l := range rest {
			removed = append(removed, Removal{Kind: RemovedCover, Text: lineAt(t, l).Text})
		}
	}
	arts[0].Removed = append(removed, arts[0].Removed...)
	return arts
}

// An indexRow is a line of an index page read as an entry, with the lines
// it was joined from.
type indexRow struct {
	text  string
	entry indexEntry
	lines []lineRef
}

// indexPages is how many pages from the start of a compilation an index
// may take.
const indexPages = 3

// indexArticles finds the articles of a compilation without source lines
// through its index: each entry (from the first indexPages pages) that
// names a source is looked for, in order, as the headline of a display
// line after the index; two thirds of the entries must be found (a book's
// table of contents names no sources). It returns the index rows and the
// articles found, their publication and date from the entries.
func indexArticles(t *pdftext.Text, refs []lineRef, body float64) ([]indexRow, []compiled) {
	rows := indexRows(t, leadingRefs(t, refs))
	if len(rows) < 2 {
		return nil, nil
	}
	last := rows[len(rows)-1].lines
	from := 0
	for i, r := range refs {
		if r == last[len(last)-1] {
			from = i + 1
		}
	}
	var arts []compiled
	for _, r := range rows {
		if r.entry.source.publication == "" {
			continue
		}
		for i := from; i < len(refs); i++ {
			if start, ok := headlineAt(t, refs, i, body, r.entry.headline); ok {
				arts = append(arts, compiled{start: start, ref: r.entry.source})
				from = i + 1
				break
			}
		}
	}
	if 3*len(arts) < 2*len(rows) {
		return nil, nil
	}
	return rows, arts
}

// headlineAt reports whether the display line refs[i], alone or with the
// display lines after it on its page (up to headLines), is the headline
// an index entry names.
func headlineAt(t *pdftext.Text, refs []lineRef, i int, body float64, entry string) (int, bool) {
	if !isDisplayLine(lineAt(t, refs[i]), body) {
		return 0, false
	}
	text := ""
	for j := i; j < len(refs) && j-i < headLines && refs[j].page == refs[i].page; j++ {
		l := lineAt(t, refs[j])
		if j > i && !isDisplayLine(l, body) {
			break
		}
		text = strings.TrimSpace(text + " " + l.Text)
		if sameTitle(entry, text) {
			return i, true
		}
	}
	return 0, false
}

// indexRows groups lines into rows by baseline on each page (a table's
// columns, which the layout may read one after the other, joined by tabs)
// and returns those that read as index entries. A row that does not, set
// on the line just above the next in the same type (see wrapsOnto), is
// the first line of a long headline and is joined to it.
func indexRows(t *pdftext.Text, refs []lineRef) []indexRow {
	rows := baselineRows(t, refs)
	var out []indexRow
	for i := 0; i < len(rows); i++ {
		r := rows[i]
		if e, ok := readIndexEntry(r.text); ok {
			out = append(out, indexRow{r.text, e, r.lines})
			continue
		}
		if i+1 < len(rows) && wrapsOnto(t, r, rows[i+1]) {
			joined := r.text + " " + rows[i+1].text
			if e, ok := readIndexEntry(joined); ok {
				out = append(out, indexRow{joined, e, append(r.lines, rows[i+1].lines...)})
				i++
			}
		}
	}
	return out
}

// wrapsOnto reports whether row b is the line after row a: on the same
// page, in the same type size, its baseline at most 1.6 lines lower.
func wrapsOnto(t *pdftext.Text, a, b indexRow) bool {
	la, lb := lineAt(t, a.lines[0]), lineAt(t, b.lines[0])
	return a.lines[0].page == b.lines[0].page && !la.StyleDiffers(lb) && la.Y > lb.Y && la.Y-lb.Y <= 1.6*la.Size
}

// baselineRows groups lines that share a baseline (within 2 pt) on one
// page into rows, top to bottom, each row's lines left to right and
// joined by a tab.
func baselineRows(t *pdftext.Text, refs []lineRef) []indexRow {
	sorted := append([]lineRef(nil), refs...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.page != b.page {
			return a.page < b.page
		}
		la, lb := lineAt(t, a), lineAt(t, b)
		if math.Abs(la.Y-lb.Y) > 2 {
			return la.Y > lb.Y
		}
		return la.X0 < lb.X0
	})
	var rows []indexRow
	for i, r := range sorted {
		l := lineAt(t, r)
		if i > 0 {
			prev := rows[len(rows)-1]
			p := prev.lines[len(prev.lines)-1]
			if p.page == r.page && math.Abs(lineAt(t, p).Y-l.Y) <= 2 {
				rows[len(rows)-1].text += "\t" + l.Text
				rows[len(rows)-1].lines = append(prev.lines, r)
				continue
			}
		}
		rows = append(rows, indexRow{text: l.Text, lines: []lineRef{r}})
	}
	return rows
}
