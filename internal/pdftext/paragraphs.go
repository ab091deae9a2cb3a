package pdftext

// Running heads and paragraphs: lines repeated at page edges removed, the
// rest grouped into paragraphs by type style, indents and line ends.

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

var pageNumberRE = lazyRegexp(`(?i)^(?:page\s*)?[-–—|]?\s*\d{1,4}\s*[-–—|]?$|[|·•]\s*\d{1,4}$|^\d{1,4}\s*[|·•]`)

// isPageEdgeLine recognises a running head or foot: a short line at the
// top or bottom edge of the page (see edgeMargin) that holds a page number
// ("BEIJING REVIEW | 1", "- 12 -", "Page 3").
func isPageEdgeLine(l Line, pageY0, pageY1 float64) bool {
	h := pageY1 - pageY0
	m := edgeMargin(h)
	if h <= 0 || (l.Y > pageY0+m && l.Y < pageY1-m) {
		return false
	}
	return len(strings.Fields(l.Text)) <= 8 && pageNumberRE().MatchString(strings.TrimSpace(l.Text))
}

// printMarginRE matches what a web browser prints in a page's margins: a
// page count ("1 of 2"), an address, a date and time ("12/6/16, 12:14 PM").
var printMarginRE = lazyRegexp(`(?i)^\d{1,4} of \d{1,4}\b|\b\d{1,4} of \d{1,4}$|https?://\S|\bwww\.\S|\b\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?: ?[ap]m)?\b`)

// isPrintMargin recognises a browser's print header or footer at a page
// edge, however long (the page title shares the line with the address):
//
//	Young guns set their sights on ... http://example.com/2012/08/2
//	2 of 2 12/6/16, 12:14 PM
func isPrintMargin(l Line, p Page) bool {
	return (p.AtTop(l) || p.AtBottom(l)) && mayBePrintMargin(l.Text) && printMarginRE().MatchString(l.Text)
}

// mayBePrintMargin reports whether s holds what each of printMarginRE's
// alternatives needs: " of " (a page count, any case), a slash (an
// address, a date) or "www." (any case). Most lines at a page's edges
// hold none, and the expression took over 40% of removeRunningHeads'
// time.
func mayBePrintMargin(s string) bool {
	return strings.IndexByte(s, '/') >= 0 || containsFoldASCII(s, " of ") || containsFoldASCII(s, "www.")
}

// containsFoldASCII reports whether s contains sub, a lower-case ASCII
// string, ASCII letters of s compared in either case (as (?i) compares
// letters whose only other case is their ASCII one).
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j] && (sub[j] >= 'a' && sub[j] <= 'z' || s[i+j] == sub[j]) {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// digitsFold replaces digits by '#', to compare running heads across pages.
func digitsFold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// removeRunningHeads drops lines repeated at the same page edge on several
// pages (digits ignored), and page-number lines at page edges. Each edge
// line's folded text (digitsFold) is made once, where it was made up to
// four times: with mayBePrintMargin, an archive export's 59 pages took
// 1.5 ms here instead of 2.5 (a warm benchmark, December 2026), with half
// the allocations; a step on the critical path, after the last page.
func removeRunningHeads(pages []Page) (removed []string) {
	type edgeLine struct {
		line int    // index in the page's Lines
		key  string // digitsFold of its text
	}
	edges := make([][]edgeLine, len(pages))
	count := map[string]int{} // pages with each key at an edge
	for i, p := range pages {
		var es []edgeLine
		for j, l := range p.Lines {
			if !atEdge(l, p) {
				continue
			}
			k := digitsFold(l.Text)
			if !slices.ContainsFunc(es, func(e edgeLine) bool { return e.key == k }) {
				count[k]++
			}
			es = append(es, edgeLine{j, k})
		}
		edges[i] = es
	}
	for i := range pages {
		p := &pages[i]
		es := edges[i]
		kept := p.Lines[:0]
		for j, l := range p.Lines {
			head := false
			if len(es) > 0 && es[0].line == j {
				head = count[es[0].key] >= 2 && len(pages) >= 2 || isPageEdgeLine(l, p.Bottom, p.Top)
				es = es[1:]
			}
			if head || isPrintMargin(l, *p) {
				// A copy: a page's lines share one string (see
				// lineSink), which the document's list of what was
				// removed would otherwise hold, one page of it for
				// each head.
				removed = append(removed, strings.Clone(l.Text))
				p.Heads = append(p.Heads, l)
				continue
			}
			kept = append(kept, l)
		}
		p.Lines = kept
	}
	return removed
}

// AtTop reports whether l lies in the top edge of the page, where running
// heads live (see edgeMargin).
func (p Page) AtTop(l Line) bool {
	h := p.Top - p.Bottom
	return h > 0 && l.Y >= p.Top-edgeMargin(h)
}

// AtBottom reports whether l lies in the bottom edge of the page.
func (p Page) AtBottom(l Line) bool {
	h := p.Top - p.Bottom
	return h > 0 && l.Y <= p.Bottom+edgeMargin(h)
}

func atEdge(l Line, p Page) bool {
	h := p.Top - p.Bottom
	m := edgeMargin(h)
	return h > 0 && (l.Y <= p.Bottom+m || l.Y >= p.Top-m) && len(strings.Fields(l.Text)) <= 10
}

// edgeMargin is the height of the page edge where running heads live: 8%
// of the page, at least 50 pt (groff puts its page number 0.5 in down).
func edgeMargin(h float64) float64 { return math.Max(0.08*h, 50) }

// A Paragraph is a run of lines read as one paragraph, in reading order.
type Paragraph []Line

// Paragraphs groups the pages' lines into paragraphs. A paragraph breaks
// at a change of type size or weight, at an indented line, and at a block
// boundary after a line that ends a sentence short of the right edge; it
// continues across columns and pages otherwise. A block in another type
// size (a pull quote) that interrupts an unfinished paragraph comes after
// the paragraph ends, when that paragraph is running text: two lines or
// more in the body's type.
//
// A paragraph whose lines run on within one page is a slice of that
// page's Lines (its capacity its length), not a copy: the paragraphs of a
// long document hold no second copy of its lines. Callers must not write
// to them.
func (t *Text) Paragraphs() []Paragraph {
	body := t.BodySize()
	var out []Paragraph
	var para Paragraph
	sharedPage, sharedEnd := -1, 0 // para is Pages[sharedPage].Lines[:sharedEnd]'s tail
	var deferred []Paragraph
	var prev *Line
	prevPage := 0
	resumed := false // the last lines were an interruption, set aside
	flush := func() {
		if len(para) > 0 {
			out = append(out, para)
			para, sharedPage = nil, -1
		}
		out = append(out, deferred...)
		deferred = nil
	}
	for pi := range t.Pages {
		lines := t.Pages[pi].Lines
		for i := 0; i < len(lines); i++ {
			l := lines[i]
			if prev != nil && len(para) >= 2 && prev.StyleDiffers(l) && !endsParagraph(*prev) && isBodyStyle(*prev, body) {
				// An interruption in another style: collect it whole and
				// keep the paragraph open.
				j := i
				for j < len(lines) && prev.StyleDiffers(lines[j]) {
					j++
				}
				if j < len(lines) && !isIndented(lines[j]) {
					deferred = append(deferred, splitBox(lines[i:j:j], body)...)
					i = j - 1
					resumed = true
					continue
				}
			}
			if prev != nil && (breaksBefore(*prev, l, body, resumed) || prevPage != pi && endsPageParagraph(*prev, t.Pages[prevPage])) {
				flush()
			}
			resumed = false
			switch n := len(para); {
			case n == 0 || sharedPage == pi && sharedEnd == i:
				para, sharedPage, sharedEnd = lines[i-n:i+1:i+1], pi, i+1
			default:
				para, sharedPage = append(para, l), -1 // a copy from here on
			}
			prev, prevPage = &lines[i], pi
		}
	}
	flush()
	return out
}

// endsPageParagraph reports whether l, the last line of page p, ends its
// paragraph: it ends a sentence more than an em short of the right edge
// of its column (the rightmost line end on p among the lines that start
// within an em of l's start). A line's block cannot tell this where each
// line is a block of its own, as in browser prints that space paragraphs
// apart; a line at the column's edge may go on on the next page:
//
//	... in the first half of 2014, the highest since 2007.   <- ends
//	=== next page ===
//	Real-estate experts also measure ...
func endsPageParagraph(l Line, p Page) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(l.Text))
	if !strings.ContainsRune(".!?\"”’", r) {
		return false
	}
	right := l.X1
	for _, o := range p.Lines {
		if math.Abs(o.X0-l.X0) < l.Size {
			right = math.Max(right, o.X1)
		}
	}
	return l.X1 < right-l.Size
}

// isBodyStyle reports whether l is set in the body's type: regular, its
// size within 10% of body.
func isBodyStyle(l Line, body float64) bool {
	return !l.Bold && math.Abs(l.Size-body) <= 0.1*body
}

// splitBox splits the lines of an interruption into paragraphs where
// breaksBefore says so (a kicker over a headline, both set apart).
func splitBox(lines []Line, body float64) []Paragraph {
	out := []Paragraph{lines[:1:1]}
	for k := 1; k < len(lines); k++ {
		if breaksBefore(lines[k-1], lines[k], body, false) {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], lines[k])
	}
	return out
}

// StyleDiffers reports whether a and b are set in type sizes more than 15%
// apart, or one in bold and the other not.
func (a Line) StyleDiffers(b Line) bool {
	return math.Abs(a.Size-b.Size) > 0.15*math.Min(a.Size, b.Size) || a.Bold != b.Bold
}

// isIndented: a first-line indent of 0.8 to 4 em, on a line that is not
// centred in its block.
func isIndented(l Line) bool {
	left, right := l.X0-l.BlockX0, l.BlockX1-l.X1
	centred := math.Abs(left-right) < l.Size && right > l.Size
	return left > 0.8*l.Size && left < 4*l.Size && !centred
}

func endsParagraph(l Line) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(l.Text))
	return strings.ContainsRune(".!?\"”’:", r) && l.X1 < l.BlockX1-1.0*l.Size
}

// BodySize is the type size that sets the most characters, rounded to
// half a point: the body text's, in points (0 when there is no text).
func (t *Text) BodySize() float64 {
	chars := map[float64]int{}
	for _, p := range t.Pages {
		for _, l := range p.Lines {
			chars[math.Round(l.Size*2)/2] += len(l.Text)
		}
	}
	best, n := 0.0, -1
	for s, c := range chars {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

// breaksBefore decides whether l starts a new paragraph after prev;
// resumed says that an interruption set aside lies between them. Lines
// set in one display style other than the body's (a headline, a pull
// quote) stay one paragraph across the blocks the layout cut them into.
func breaksBefore(prev, l Line, body float64, resumed bool) bool {
	display := !prev.StyleDiffers(l) && math.Abs(l.Size-body) > 0.15*body &&
		prev.Y-l.Y < 3*l.Size && prev.Y > l.Y
	switch {
	case prev.StyleDiffers(l):
		return true
	case display:
		return false
	case isIndented(l):
		return true
	case endsParagraph(prev):
		return true
	case l.BlockStart && prev.X1 < prev.BlockX1-3*prev.Size:
		// A short line then a new block: a centred or ragged header line.
		return true
	case l.BlockStart && prev.Y-l.Y > blankLine*l.Size && !resumed:
		// A new block a blank line or more under the last: a section
		// label over a headline in a margin column.
		return true
	}
	return false
}

// blankLine is the distance between two baselines, in em, beyond which
// a block further down the same column starts a new paragraph.
const blankLine = 2.2

// pdfTextLines lays out every page and returns the text lines, what was
