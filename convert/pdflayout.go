package convert

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A word is a run of glyphs on one baseline without a gap, in user space.
type word struct {
	x0, x1, y, size float64
	text            string
	bold            bool
}

func (w word) top() float64    { return w.y + 0.8*w.size }
func (w word) bottom() float64 { return w.y - 0.25*w.size }

// dedupeFakeBold drops glyphs drawn twice at (almost) the same place, as
// producers do to fake a bold face.
func dedupeFakeBold(gs []glyph) []glyph {
	out := gs[:0]
	for i, g := range gs {
		dup := false
		for j := max(0, i-8); j < i; j++ {
			p := gs[j]
			if p.text == g.text && math.Abs(p.x0-g.x0) < 0.2*g.size && math.Abs(p.y-g.y) < 0.1*g.size {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, g)
		}
	}
	return out
}

// glyphsToWords joins glyphs into words in drawing order. A word ends at a
// space glyph, a change of baseline, a jump back, or a gap wider than 15%
// of the font size (word spacing comes from positioning in many files).
func glyphsToWords(gs []glyph) []word {
	var out []word
	var cur *word
	var curText strings.Builder
	flush := func() {
		if cur != nil && strings.TrimSpace(curText.String()) != "" {
			cur.text = curText.String()
			out = append(out, *cur)
		}
		cur = nil
		curText.Reset()
	}
	for _, g := range gs {
		t := normalizeGlyphText(g.text)
		if strings.TrimSpace(t) == "" {
			flush()
			continue
		}
		if cur != nil {
			gap := g.x0 - cur.x1
			if math.Abs(g.y-cur.y) > 0.3*math.Max(g.size, cur.size) || gap > 0.15*g.size || gap < -0.5*g.size ||
				math.Abs(g.size-cur.size) > 0.2*cur.size {
				flush()
			}
		}
		if cur == nil {
			cur = &word{x0: g.x0, x1: g.x1, y: g.y, size: g.size, bold: g.bold}
		}
		cur.x1 = math.Max(cur.x1, g.x1)
		curText.WriteString(t)
	}
	flush()
	return out
}

// A region is a set of words that the XY cut keeps together.
type region []word

func (r region) bounds() (x0, x1, y0, y1 float64) {
	x0, y0 = math.Inf(1), math.Inf(1)
	x1, y1 = math.Inf(-1), math.Inf(-1)
	for _, w := range r {
		x0, x1 = math.Min(x0, w.x0), math.Max(x1, w.x1)
		y0, y1 = math.Min(y0, w.bottom()), math.Max(y1, w.top())
	}
	return
}

func medianSize(ws []word) float64 {
	if len(ws) == 0 {
		return 10
	}
	s := make([]float64, len(ws))
	for i, w := range ws {
		s[i] = w.size
	}
	sort.Float64s(s)
	return s[len(s)/2]
}

type interval struct{ lo, hi float64 }

// gaps returns the empty bands between the merged intervals, widest first
// is not needed: they come in increasing order.
func gaps(iv []interval, minGap float64) []interval {
	if len(iv) < 2 {
		return nil
	}
	sort.Slice(iv, func(i, j int) bool { return iv[i].lo < iv[j].lo })
	var out []interval
	hi := iv[0].hi
	for _, v := range iv[1:] {
		if v.lo-hi >= minGap {
			out = append(out, interval{hi, v.lo})
		}
		hi = math.Max(hi, v.hi)
	}
	return out
}

// xyCut orders a page's words into blocks in reading order by recursive
// cuts through whitespace: first a vertical cut through a gutter that runs
// the full height of the region (columns, left to right), else a
// horizontal cut through an empty band (top to bottom). A headline that
// spans the columns blocks the gutter, so it is cut off above them first.
func xyCut(r region, size float64, depth int, out *[]region) {
	if len(r) <= 1 || depth > 60 {
		*out = append(*out, r)
		return
	}
	// A blank band of 1.5 em or more across the whole width (under a
	// headline, between stories) is cut first: titles centred over the
	// columns must not fall to one side of a gutter.
	var ys []interval
	for _, w := range r {
		ys = append(ys, interval{-w.top(), -w.bottom()}) // top of page first
	}
	if major := gaps(ys, 1.5*size); len(major) > 0 {
		cutBands(r, major, size, depth, out)
		return
	}
	// Vertical: a gutter at least 1.2 em wide across the whole region.
	var xs []interval
	for _, w := range r {
		xs = append(xs, interval{w.x0, w.x1})
	}
	if g := widestCut(r, gaps(xs, 1.2*size)); g != nil && lineCount(r) > 1 {
		mid := (g.lo + g.hi) / 2
		var left, right region
		for _, w := range r {
			if w.x1 <= mid {
				left = append(left, w)
			} else {
				right = append(right, w)
			}
		}
		xyCut(left, size, depth+1, out)
		xyCut(right, size, depth+1, out)
		return
	}
	// Horizontal: an empty band at least 0.3 em high.
	gs := gaps(ys, 0.3*size)
	if len(gs) == 0 {
		*out = append(*out, r)
		return
	}
	cutBands(r, gs, size, depth, out)
}

// cutBands cuts r at every band of gs at once; the pieces come top to
// bottom.
func cutBands(r region, gs []interval, size float64, depth int, out *[]region) {
	bands := make([]float64, len(gs))
	for i, g := range gs {
		bands[i] = -(g.lo + g.hi) / 2
	}
	pieces := make([]region, len(bands)+1)
	for _, w := range r {
		// bands decrease (top of the page first): find the first below w.
		k := sort.Search(len(bands), func(i int) bool { return w.y >= bands[i] })
		pieces[k] = append(pieces[k], w)
	}
	for _, p := range pieces {
		if len(p) > 0 {
			xyCut(p, size, depth+1, out)
		}
	}
}

// widestCut returns the widest gap that splits no line: a gap is not a
// gutter when two words on one baseline face each other across it closer
// than one em (a headline's word space can line up with a gutter).
func widestCut(r region, gs []interval) *interval {
	var best *interval
	for i := range gs {
		g := gs[i]
		if best != nil && g.hi-g.lo <= best.hi-best.lo {
			continue
		}
		if !splitsLine(r, (g.lo+g.hi)/2) {
			best = &gs[i]
		}
	}
	return best
}

func splitsLine(r region, mid float64) bool {
	type edge struct{ left, right, size float64 }
	rows := map[int]*edge{} // by baseline, rounded to 2 pt
	for _, w := range r {
		k := int(math.Round(w.y / 2))
		e := rows[k]
		if e == nil {
			e = &edge{left: math.Inf(-1), right: math.Inf(1)}
			rows[k] = e
		}
		e.size = math.Max(e.size, w.size)
		if w.x1 <= mid {
			e.left = math.Max(e.left, w.x1)
		} else if w.x0 >= mid {
			e.right = math.Min(e.right, w.x0)
		}
	}
	for _, e := range rows {
		if e.right-e.left < e.size {
			return true
		}
	}
	return false
}

// lineCount counts the distinct baselines of a region.
func lineCount(r region) int {
	ys := make([]float64, len(r))
	for i, w := range r {
		ys[i] = w.y
	}
	sort.Float64s(ys)
	n := 1
	for i := 1; i < len(ys); i++ {
		if ys[i]-ys[i-1] > 2 {
			n++
		}
	}
	return n
}

// A textLine is one line of a block, words joined, with its geometry.
type textLine struct {
	text             string
	x0, x1, y, size  float64
	bold             bool
	blockX0, blockX1 float64 // the block's left and right edges
	blockStart       bool    // first line of its block
}

// blockLines splits a block into lines (by baseline, top to bottom) with
// words left to right.
func blockLines(r region) []textLine {
	sort.SliceStable(r, func(i, j int) bool {
		if math.Abs(r[i].y-r[j].y) > 0.3*math.Min(r[i].size, r[j].size) {
			return r[i].y > r[j].y
		}
		return r[i].x0 < r[j].x0
	})
	bx0, bx1, _, _ := r.bounds()
	var lines []textLine
	for i := 0; i < len(r); {
		j := i + 1
		for j < len(r) && math.Abs(r[j].y-r[i].y) <= 0.3*math.Min(r[i].size, r[j].size) {
			j++
		}
		ws := r[i:j]
		var b strings.Builder
		l := textLine{x0: ws[0].x0, x1: ws[0].x1, y: ws[0].y, size: ws[0].size, bold: ws[0].bold, blockX0: bx0, blockX1: bx1}
		for k, w := range ws {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w.text)
			l.x1 = math.Max(l.x1, w.x1)
			l.size = math.Max(l.size, w.size)
			l.bold = l.bold && w.bold
		}
		l.text = b.String()
		lines = append(lines, l)
		i = j
	}
	if len(lines) > 0 {
		lines[0].blockStart = true
	}
	return lines
}

var pageNumberRE = regexp.MustCompile(`(?i)^(?:page\s*)?[-–—|]?\s*\d{1,4}\s*[-–—|]?$|[|·•]\s*\d{1,4}$|^\d{1,4}\s*[|·•]`)

// isPageEdgeLine recognises a running head or foot: a short line at the
// top or bottom edge of the page (see edgeMargin) that holds a page number
// ("BEIJING REVIEW | 1", "- 12 -", "Page 3").
func isPageEdgeLine(l textLine, pageY0, pageY1 float64) bool {
	h := pageY1 - pageY0
	m := edgeMargin(h)
	if h <= 0 || (l.y > pageY0+m && l.y < pageY1-m) {
		return false
	}
	return len(strings.Fields(l.text)) <= 8 && pageNumberRE.MatchString(strings.TrimSpace(l.text))
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

// A pdfPage is the layout of one page.
type pdfPage struct {
	lines          []textLine // in reading order
	y0, y1         float64    // page box, bottom and top
	glyphs, images int
	unmapped       string // a character collection read without a Unicode map
}

// layoutPage turns a page's glyphs into lines in reading order.
func layoutPage(gs []glyph, y0, y1 float64) pdfPage {
	if q := dominantRotation(gs); q != 0 {
		gs = unrotate(gs, q)
		y0, y1 = math.Inf(1), math.Inf(-1)
		for _, g := range gs {
			y0, y1 = math.Min(y0, g.y), math.Max(y1, g.y+g.size)
		}
	}
	ws := glyphsToWords(dedupeFakeBold(gs))
	p := pdfPage{y0: y0, y1: y1, glyphs: len(gs)}
	if len(ws) == 0 {
		return p
	}
	var blocks []region
	xyCut(region(ws), medianSize(ws), 0, &blocks)
	for _, b := range blocks {
		p.lines = append(p.lines, blockLines(b)...)
	}
	return p
}

// dominantRotation returns the quarter turns (0-3, counter-clockwise) of
// most of the page's text: a page printed in landscape draws its lines
// going up or down.
func dominantRotation(gs []glyph) int {
	var n [4]int
	for _, g := range gs {
		n[quadrant(g)]++
	}
	best := 0
	for q := 1; q < 4; q++ {
		if n[q] > n[best] {
			best = q
		}
	}
	return best
}

func quadrant(g glyph) int {
	a := math.Atan2(g.ey-g.y, g.x1-g.x0)
	return (int(math.Round(a/(math.Pi/2))) + 4) % 4
}

// unrotate turns the glyphs by q quarter turns clockwise, so that text
// drawn at q quarter turns runs left to right.
func unrotate(gs []glyph, q int) []glyph {
	rot := func(x, y float64) (float64, float64) {
		switch q {
		case 1:
			return y, -x
		case 2:
			return -x, -y
		}
		return -y, x
	}
	out := make([]glyph, len(gs))
	for i, g := range gs {
		ox, oy := rot(g.x0, g.y)
		ex, ey := rot(g.x1, g.ey)
		g.x0, g.y, g.x1, g.ey = ox, oy, ex, ey
		out[i] = g
	}
	return out
}

// removeRunningHeads drops lines repeated at the same page edge on several
// pages (digits ignored), and page-number lines at page edges.
func removeRunningHeads(pages []pdfPage) (removed []string) {
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, l := range p.lines {
			if atEdge(l, p) && !seen[digitsFold(l.text)] {
				seen[digitsFold(l.text)] = true
				count[digitsFold(l.text)]++
			}
		}
	}
	for i := range pages {
		p := &pages[i]
		kept := p.lines[:0]
		for _, l := range p.lines {
			if atEdge(l, *p) && (count[digitsFold(l.text)] >= 2 && len(pages) >= 2 || isPageEdgeLine(l, p.y0, p.y1)) {
				removed = append(removed, l.text)
				continue
			}
			kept = append(kept, l)
		}
		p.lines = kept
	}
	return removed
}

func atEdge(l textLine, p pdfPage) bool {
	h := p.y1 - p.y0
	m := edgeMargin(h)
	return h > 0 && (l.y <= p.y0+m || l.y >= p.y1-m) && len(strings.Fields(l.text)) <= 10
}

// edgeMargin is the height of the page edge where running heads live: 8%
// of the page, at least 50 pt (groff puts its page number 0.5 in down).
func edgeMargin(h float64) float64 { return math.Max(0.08*h, 50) }

// paragraphsText writes the pages' lines as text: one paragraph per run of
// lines, paragraphs separated by a blank line. A paragraph breaks at a
// change of type size or weight, at an indented line, and at a block
// boundary after a line that ends a sentence short of the right edge; it
// continues across columns and pages otherwise. A block in another type
// size (a pull quote) that interrupts an unfinished paragraph is written
// after the paragraph ends.
func paragraphsText(pages []pdfPage) []string {
	body := bodyStyleSize(pages)
	var out []string
	var para []string
	var deferred [][]string
	var prev *textLine
	flush := func() {
		if len(para) > 0 {
			out = append(out, para...)
			out = append(out, "")
			para = nil
		}
		for _, d := range deferred {
			out = append(out, d...)
			out = append(out, "")
		}
		deferred = nil
	}
	for pi := range pages {
		lines := pages[pi].lines
		for i := 0; i < len(lines); i++ {
			l := lines[i]
			if prev != nil && len(para) > 0 && styleDiffers(*prev, l) && !endsParagraph(*prev) {
				// An interruption in another style: collect it whole and
				// keep the paragraph open.
				j := i
				var box []string
				for j < len(lines) && styleDiffers(*prev, lines[j]) {
					box = append(box, lines[j].text)
					j++
				}
				if j < len(lines) && !isIndented(lines[j]) {
					deferred = append(deferred, box)
					i = j - 1
					continue
				}
			}
			if prev != nil && breaksBefore(*prev, l, body) {
				flush()
			}
			para = append(para, l.text)
			ll := l
			prev = &ll
		}
	}
	flush()
	return out
}

func styleDiffers(a, b textLine) bool {
	return math.Abs(a.size-b.size) > 0.15*math.Min(a.size, b.size) || a.bold != b.bold
}

// isIndented: a first-line indent of 0.8 to 4 em, on a line that is not
// centred in its block.
func isIndented(l textLine) bool {
	left, right := l.x0-l.blockX0, l.blockX1-l.x1
	centred := math.Abs(left-right) < l.size && right > l.size
	return left > 0.8*l.size && left < 4*l.size && !centred
}

func endsParagraph(l textLine) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(l.text))
	return strings.ContainsRune(".!?\"”’:", r) && l.x1 < l.blockX1-1.0*l.size
}

// bodyStyleSize is the type size that sets the most characters: the body
// text's.
func bodyStyleSize(pages []pdfPage) float64 {
	chars := map[float64]int{}
	for _, p := range pages {
		for _, l := range p.lines {
			chars[math.Round(l.size*2)/2] += len(l.text)
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

// breaksBefore decides whether l starts a new paragraph after prev. Lines
// set in one display style other than the body's (a headline, a pull
// quote) stay one paragraph across the blocks the layout cut them into.
func breaksBefore(prev, l textLine, body float64) bool {
	display := !styleDiffers(prev, l) && math.Abs(l.size-body) > 0.15*body &&
		prev.y-l.y < 3*l.size && prev.y > l.y
	switch {
	case styleDiffers(prev, l):
		return true
	case display:
		return false
	case isIndented(l):
		return true
	case endsParagraph(prev):
		return true
	case l.blockStart && prev.x1 < prev.blockX1-3*prev.size:
		// A short line then a new block: a centred or ragged header line.
		return true
	}
	return false
}

// pdfTextLines lays out every page and returns the text lines, what was
// removed, and warnings.
func pdfTextLines(pages []pdfPage) (lines []string, removed []Removal, lead int) {
	for _, t := range removeRunningHeads(pages) {
		removed = append(removed, Removal{Kind: RemovedRunningHead, Text: t})
	}
	return markTypesetBreaks(paragraphsText(pages)), removed, displayLead(pages)
}

// displayLead counts the groups of display type (larger than the body, or
// bold) that open the text, up to 3: one is a headline, two are a masthead
// and a headline ("Beijing Review" in 30 pt over a 24 pt headline).
func displayLead(pages []pdfPage) int {
	body := bodyStyleSize(pages)
	n := 0
	var prev *textLine
	for _, p := range pages {
		for i := range p.lines {
			l := p.lines[i]
			display := l.size > 1.15*body || l.bold && l.size >= body
			if !display || n == 3 {
				return n
			}
			if prev == nil || styleDiffers(*prev, l) {
				n++
			}
			prev = &p.lines[i]
		}
	}
	return n
}

// markTypesetBreaks turns the hyphen ending a line of typeset text into a
// soft hyphen (which the normalizer always joins) unless the article shows
// a compound: the hyphenated form elsewhere, or both halves as words of
// their own. Typesetters hyphenate words at syllables far more often than
// lines happen to end at a compound's hyphen:
//
//	No-/vember    -> November        (unless "No" and "vember" occur alone)
//	win-/win      -> win-win         ("win-win" occurs elsewhere)
func markTypesetBreaks(lines []string) []string {
	v := vocabulary{}
	for i := 0; i+1 < len(lines); i++ {
		v.want(lines[i], lines[i+1])
	}
	if len(v) == 0 {
		return lines
	}
	for _, l := range lines {
		v.addLine(l)
	}
	for i := 0; i+1 < len(lines); i++ {
		l, next := lines[i], lines[i+1]
		if !endsWithLetterHyphen(l) || next == "" {
			continue
		}
		head := strings.ToLower(lastWord(l[:len(l)-1]))
		tail := strings.ToLower(firstWord(next))
		if head == "" || tail == "" || !unicode.IsLower([]rune(firstWord(next))[0]) {
			continue
		}
		// The tail itself opens the next line: it must occur once more.
		if v.has(head+"-"+tail) && !v.has(head+tail) || v.has(head) && v.count(tail) >= 2 && !v.has(head+tail) {
			continue
		}
		lines[i] = l[:len(l)-1] + "\u00ad"
	}
	return lines
}

// pageWarning formats a warning about page n (1-based).
func pageWarning(n int, format string, args ...any) Warning {
	return Warning{Msg: fmt.Sprintf("page %d: ", n) + fmt.Sprintf(format, args...)}
}
