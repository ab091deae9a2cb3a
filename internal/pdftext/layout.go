package pdftext

// Layout: glyphs into words, words into blocks by recursive XY cuts
// through whitespace, blocks into lines; landscape pages turned upright.

import (
	"bytes"
	"math"
	"slices"
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
			p := &gs[j]
			if math.Abs(p.x0-g.x0) < 0.2*g.size && math.Abs(p.y-g.y) < 0.1*g.size && p.text == g.text {
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
	// Room for a word per five glyphs (words average more) and a byte per
	// glyph: growing these from nothing was a third of this function's time.
	out := make([]word, 0, len(gs)/5+1)
	var cur word
	open := false                       // cur holds a word
	buf := make([]byte, 0, len(gs))     // the text of every word, one after another
	ends := make([]int, 0, len(gs)/5+1) // where each word of out ends in buf
	start := 0                          // where cur's text starts in buf
	flush := func() {
		if open && len(bytes.TrimSpace(buf[start:])) != 0 {
			out = append(out, cur)
			ends = append(ends, len(buf))
			start = len(buf)
		}
		buf = buf[:start]
		open = false
	}
	for _, g := range gs {
		t := normalizeGlyphText(g.text)
		if strings.TrimSpace(t) == "" {
			// A space drawn over the end of the glyph before it (as some
			// producers do after a ligature) separates nothing.
			if !open || g.x0 >= cur.x1-overlap*g.size {
				flush()
			}
			continue
		}
		if open {
			gap, space := g.x0-cur.x1, wordGap*g.size
			if math.Abs(g.y-cur.y) > 0.3*math.Max(g.size, cur.size) || gap > space || gap < -0.5*g.size ||
				math.Abs(g.size-cur.size) > 0.2*cur.size {
				flush()
			}
		}
		if !open {
			cur, open = word{x0: g.x0, x1: g.x1, y: g.y, size: g.size, bold: g.bold}, true
		}
		cur.x1 = math.Max(cur.x1, g.x1)
		buf = append(buf, t...)
	}
	flush()
	// One string for the page's words, each word's text a part of it.
	all := string(buf)
	from := 0
	for i, end := range ends {
		out[i].text = all[from:end]
		from = end
	}
	return out
}

// Word breaks: a gap wider than wordGap em between glyphs ends a word; a
// space glyph starting more than overlap em before the end of the glyph
// before it does not (some producers draw one over a ligature's end).
const (
	wordGap = 0.1
	overlap = 0.1
)

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

// pos is where a word lies, for wordSpace: its baseline rounded to 2 pt,
// its left and right edges and its size.
type pos struct{ row, x0, x1, size float64 }

// gaps returns the empty bands between the merged intervals, widest first
// is not needed: they come in increasing order.
func gaps(iv []interval, minGap float64) []interval {
	if len(iv) < 2 {
		return nil
	}
	slices.SortFunc(iv, func(a, b interval) int { return lessCmp(a.lo < b.lo, b.lo < a.lo) })
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

// edgeGaps is gaps(iv, minGap) for a positive minGap and extents that
// each start no later than they end (none NaN), without sorting iv: with
// the starts and the ends sorted each on its own (in los and his, whose
// buffers it reuses), a band opens before the k-th start exactly when the
// k smallest ends all come before it, and then the largest of them, the
// k-th, is the running end that gaps compares. A float64 sort is some
// three times faster than a sort of extents by a comparison function.
func edgeGaps(iv []interval, minGap float64, los, his *[]float64) []interval {
	if len(iv) < 2 {
		return nil
	}
	lo, hi := grow(los, len(iv)), grow(his, len(iv))
	for i, v := range iv {
		lo[i], hi[i] = v.lo, v.hi
	}
	slices.Sort(lo)
	slices.Sort(hi)
	var out []interval
	for k := 1; k < len(lo); k++ {
		if lo[k]-hi[k-1] >= minGap {
			out = append(out, interval{hi[k-1], lo[k]})
		}
	}
	return out
}

// properExtents reports whether every extent of iv starts no later than
// it ends (which no NaN does).
func properExtents(iv []interval) bool {
	for _, v := range iv {
		if !(v.lo <= v.hi) {
			return false
		}
	}
	return true
}

// gaps is the package's gaps through edgeGaps where that gives the same
// (see edgeGaps), reusing c's buffers; iv may be left unsorted.
func (c *cutter) gaps(iv []interval, minGap float64) []interval {
	if minGap > 0 && properExtents(iv) {
		return edgeGaps(iv, minGap, &c.los, &c.his)
	}
	return gaps(iv, minGap)
}

// A cutter runs the XY cut of one page (see cut): the page's median type
// size, the blocks found so far, and scratch buffers that every level of
// the recursion reuses (each is done with them before it recurses).
type cutter struct {
	size   float64
	blocks []region
	ys, xs []interval   // vertical extents (cut), horizontal ones (gutter)
	pos    []pos        // wordSpace
	em     []float64    // wordSpace
	lines  []float64    // lineCount
	piece  []int        // cutBands
	words  region       // cutBands, splitLeft
	rows   map[int]edge // splitsLine
	los    []float64    // gaps
	his    []float64    // gaps
}

// grow returns (*b)[:n], reallocating when it is too short.
func grow[S ~[]T, T any](b *S, n int) S {
	if cap(*b) < n {
		*b = make(S, n)
	}
	return (*b)[:n]
}

// cut orders a page's words into blocks in reading order by recursive
// cuts through whitespace: first a vertical cut through a gutter that runs
// the full height of the region (columns, left to right), else a
// horizontal cut through an empty band (top to bottom). A headline that
// spans the columns blocks the gutter, so it is cut off above them first.
// The blocks are appended to c.blocks.
func (c *cutter) cut(r region, depth int) {
	if len(r) <= 1 || depth > 60 {
		c.blocks = append(c.blocks, r)
		return
	}
	// A blank band of 1.5 em or more across the whole width (under a
	// headline, between stories) is cut first: titles centred over the
	// columns must not fall to one side of a gutter.
	ys := grow(&c.ys, len(r))
	proper := c.size > 0 // a positive size, every extent lo <= hi (no NaN)
	for i, w := range r {
		ys[i] = interval{-w.top(), -w.bottom()} // top of page first
		proper = proper && ys[i].lo <= ys[i].hi
	}
	var major, fine []interval
	if proper {
		// The bands of 0.3 em or more hold those of 1.5 em, and the
		// order of extents that start level makes no difference: one
		// sort of ys finds both.
		fine = c.gaps(ys, 0.3*c.size)
		major = widerThan(fine, 1.5*c.size)
	} else {
		major = gaps(ys, 1.5*c.size)
	}
	if len(major) > 0 {
		c.cutBands(r, major, depth)
		return
	}
	// Vertical: a gutter across the whole region (see gutter).
	if g := c.gutter(r); g != nil {
		left, right := c.splitLeft(r, (g.lo+g.hi)/2)
		c.cut(left, depth+1)
		c.cut(right, depth+1)
		return
	}
	// Horizontal: an empty band at least 0.3 em high.
	if !proper {
		fine = gaps(ys, 0.3*c.size)
	}
	if len(fine) == 0 {
		c.blocks = append(c.blocks, r)
		return
	}
	c.cutBands(r, fine, depth)
}

// widerThan returns the gaps of gs (see gaps) at least minGap wide, in
// their order: gaps(iv, minGap) when gs is gaps(iv, m) for an m <= minGap.
func widerThan(gs []interval, minGap float64) []interval {
	var out []interval
	for _, g := range gs {
		if g.hi-g.lo >= minGap {
			out = append(out, g)
		}
	}
	return out
}

// cutBands cuts r at every band of gs at once; the pieces come top to
// bottom. r is reordered in place, piece by piece, each piece keeping the
// order of its words (the blocks are disjoint parts of the page's words).
func (c *cutter) cutBands(r region, gs []interval, depth int) {
	bands := make([]float64, len(gs))
	for i, g := range gs {
		bands[i] = -(g.lo + g.hi) / 2
	}
	piece := grow(&c.piece, len(r))
	ends := make([]int, len(bands)+1) // piece sizes, then end offsets
	for i, w := range r {
		// bands decrease (top of the page first): find the first below w.
		piece[i] = sort.Search(len(bands), func(i int) bool { return w.y >= bands[i] })
		ends[piece[i]]++
	}
	for k := 1; k < len(ends); k++ {
		ends[k] += ends[k-1]
	}
	at := make([]int, len(ends)) // next free slot of each piece
	for k := 1; k < len(ends); k++ {
		at[k] = ends[k-1]
	}
	sorted := grow(&c.words, len(r))
	for i, w := range r {
		sorted[at[piece[i]]] = w
		at[piece[i]]++
	}
	copy(r, sorted)
	start := 0
	for _, end := range ends {
		if end > start {
			c.cut(r[start:end:end], depth+1)
		}
		start = end
	}
}

// splitLeft reorders r in place: the words ending left of x first, then
// the others, each in their order, and returns the two parts.
func (c *cutter) splitLeft(r region, x float64) (left, right region) {
	rest := c.words[:0]
	n := 0
	for _, w := range r {
		if w.x1 <= x {
			r[n] = w // n <= the index of w: nothing unread is overwritten
			n++
		} else {
			rest = append(rest, w)
		}
	}
	copy(r[n:], rest)
	c.words = rest[:0]
	return r[:n:n], r[n:]
}

// lessCmp turns the two answers of a less function, less(a, b) and
// less(b, a), into a comparison for slices.SortFunc (which then orders
// exactly as sort.Slice with that less function).
func lessCmp(ab, ba bool) int {
	switch {
	case ab:
		return -1
	case ba:
		return 1
	}
	return 0
}

// Gutters: a vertical gap through the whole region is a gutter when it is
// at least wideGutter em wide, or, in a region of at least narrowLines
// lines, narrowGutter times the region's own word space (but at least
// minGutter em): narrow columns of justified type (8 pt type with 4 pt
// gutters, 2 pt word spaces) are set that way.
const (
	wideGutter   = 1.2 // em of the region's median type size
	narrowGutter = 1.6 // times the median word space
	minGutter    = 0.3 // em
	narrowLines  = 4
)

// gutter returns the widest gutter of r (see wideGutter), or nil.
func (c *cutter) gutter(r region) *interval {
	lines := c.lineCount(r)
	if lines <= 1 {
		return nil
	}
	xs := grow(&c.xs, len(r))
	for i, w := range r {
		xs[i] = interval{w.x0, w.x1}
	}
	// The word space counts only in a region of narrowLines lines or more.
	narrow := wideGutter
	if lines >= narrowLines {
		narrow = math.Max(minGutter, narrowGutter*c.wordSpace(r))
		if narrow >= wideGutter {
			narrow = wideGutter
		}
	}
	return c.widestCut(r, c.gaps(xs, narrow*c.size), wideGutter*c.size, narrow)
}

// wordSpace is the median space between neighbouring words on one
// baseline in r, in em of the words' size (0.25 when r has none).
func (c *cutter) wordSpace(r region) float64 {
	// Baselines rounded to 2 pt, top to bottom, then left to right.
	ws := grow(&c.pos, len(r))
	for i, w := range r {
		ws[i] = pos{math.Round(w.y / 2), w.x0, w.x1, w.size}
	}
	less := func(a, b pos) bool {
		if a.row != b.row {
			return a.row > b.row
		}
		return a.x0 < b.x0
	}
	slices.SortFunc(ws, func(a, b pos) int { return lessCmp(less(a, b), less(b, a)) })
	em := c.em[:0]
	for i := 1; i < len(ws); i++ {
		a, b := ws[i-1], ws[i]
		if a.row != b.row {
			continue
		}
		if g := (b.x0 - a.x1) / b.size; g > 0 && g < 1 {
			em = append(em, g)
		}
	}
	c.em = em[:0]
	if len(em) == 0 {
		return 0.25
	}
	sort.Float64s(em)
	return em[len(em)/2]
}

// widestCut returns the widest gap that splits no line: a gap is not a
// gutter when two words on one baseline face each other across it closer
// than one em of their size (a headline's word space can line up with a
// gutter), or than narrow em for a gap narrower than wide points.
func (c *cutter) widestCut(r region, gs []interval, wide, narrow float64) *interval {
	var best *interval
	for i := range gs {
		g := gs[i]
		if best != nil && g.hi-g.lo <= best.hi-best.lo {
			continue
		}
		facing := 1.0
		if g.hi-g.lo < wide {
			facing = narrow
		}
		if !c.splitsLine(r, (g.lo+g.hi)/2, facing) {
			best = &gs[i]
		}
	}
	return best
}

// An edge is what splitsLine knows of one baseline: the right edge and
// size of the nearest word left of the cut, the left edge and size of the
// nearest word right of it.
type edge struct{ left, right, lsize, rsize float64 }

// splitsLine reports whether a cut at x = mid would part two words on one
// baseline closer than facing em of the larger of the two.
func (c *cutter) splitsLine(r region, mid, facing float64) bool {
	if c.rows == nil {
		c.rows = map[int]edge{}
	}
	rows := c.rows // by baseline, rounded to 2 pt
	clear(rows)
	for _, w := range r {
		k := int(math.Round(w.y / 2))
		e, ok := rows[k]
		if !ok {
			e = edge{left: math.Inf(-1), right: math.Inf(1)}
		}
		if w.x1 <= mid && w.x1 > e.left {
			e.left, e.lsize = w.x1, w.size
		} else if w.x0 >= mid && w.x0 < e.right {
			e.right, e.rsize = w.x0, w.size
		} else if ok {
			continue
		}
		rows[k] = e
	}
	for _, e := range rows {
		if e.right-e.left < facing*math.Max(e.lsize, e.rsize) {
			return true
		}
	}
	return false
}

// lineCount counts the distinct baselines of a region.
func (c *cutter) lineCount(r region) int {
	ys := grow(&c.lines, len(r))
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

// dropCapRatio is how many times larger than the block's median type a
// single letter must be to be read as a drop cap.
const dropCapRatio = 2.5

// joinDropCaps merges each drop cap of r (one capital letter in type at
// least dropCapRatio times the block's, with lines running to its right)
// into the first word of the topmost line beside it: a 34 pt "W" beside
// three lines of 8 pt type starting "er in diesen Tagen" reads "Wer in
// diesen Tagen".
func joinDropCaps(r []word) []word {
	size := medianSize(r)
	for i := 0; i < len(r); i++ {
		c := r[i]
		first, n := utf8.DecodeRuneInString(c.text)
		if n == 0 || n != len(c.text) || !unicode.IsUpper(first) || c.size < dropCapRatio*size {
			continue
		}
		best := -1
		for j, w := range r {
			beside := w.x0 >= c.x1-0.5 && w.x0 <= c.x1+2*size && w.y >= c.y-0.5 && w.y <= c.top()
			if j != i && beside && (best < 0 || w.y > r[best].y || w.y == r[best].y && w.x0 < r[best].x0) {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		alignBesideCap(r, r[best], c)
		r[best].text = c.text + r[best].text
		r[best].x0 = c.x0
		r = append(r[:i:i], r[i+1:]...)
		i--
	}
	return r
}

// alignBesideCap moves the words that open the lines beside a drop cap c,
// under first (the word the cap joins), out to the cap's left edge: set
// in from the column's edge by the cap's width, they would read as
// indented, a paragraph break after every line the cap spans. A word
// opens such a line when it starts within a third of an em of first's
// start, its baseline lies below first's and not below the cap's.
func alignBesideCap(r []word, first, c word) {
	for j := range r {
		w := &r[j]
		if w.y < first.y && w.y >= c.y-0.3*w.size && math.Abs(w.x0-first.x0) < w.size/3 {
			w.x0 = c.x0
		}
	}
}

// blockLines splits a block into lines (by baseline, top to bottom) with
// words left to right.
func blockLines(r region) []Line {
	less := func(a, b *word) bool {
		if math.Abs(a.y-b.y) > 0.3*math.Min(a.size, b.size) {
			return a.y > b.y
		}
		return a.x0 < b.x0
	}
	slices.SortStableFunc(r, func(a, b word) int { return lessCmp(less(&a, &b), less(&b, &a)) })
	bx0, bx1, _, _ := r.bounds()
	var lines []Line
	for i := 0; i < len(r); {
		j := i + 1
		for j < len(r) && math.Abs(r[j].y-r[i].y) <= 0.3*math.Min(r[i].size, r[j].size) {
			j++
		}
		ws := r[i:j]
		var b strings.Builder
		l := Line{X0: ws[0].x0, X1: ws[0].x1, Y: ws[0].y, Size: ws[0].size, Bold: ws[0].bold, BlockX0: bx0, BlockX1: bx1}
		for k, w := range ws {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w.text)
			l.X1 = math.Max(l.X1, w.x1)
			l.Size = math.Max(l.Size, w.size)
			l.Bold = l.Bold && w.bold
		}
		l.Text = drawnSoftHyphens(b.String())
		lines = append(lines, l)
		i = j
	}
	if len(lines) > 0 {
		lines[0].BlockStart = true
	}
	return lines
}

// layoutPage turns a page's glyphs into lines in reading order.
func layoutPage(gs []glyph, y0, y1 float64) Page {
	if q := dominantRotation(gs); q != 0 {
		gs = unrotate(gs, q)
		y0, y1 = math.Inf(1), math.Inf(-1)
		for _, g := range gs {
			y0, y1 = math.Min(y0, g.y), math.Max(y1, g.y+g.size)
		}
	}
	p := Page{Bottom: y0, Top: y1, Glyphs: len(gs)}
	gs, turned := splitTurned(gs)
	p.Turned = turnedLines(turned)
	ws := glyphsToWords(dedupeFakeBold(gs))
	if len(ws) == 0 {
		return p
	}
	// A drop cap reaches up into the band above its lines: joined first,
	// it cannot hold a headline and the columns under it together.
	ws = joinDropCaps(ws)
	c := cutter{size: medianSize(ws)}
	c.cut(region(ws), 0)
	for _, b := range c.blocks {
		p.Lines = append(p.Lines, blockLines(b)...)
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

// quadrant returns the quarter turns (0-3, counter-clockwise) nearest
// the direction of g's advance; 0 for a glyph without one.
func quadrant(g glyph) int {
	dx, dy := g.x1-g.x0, g.ey-g.y
	switch {
	case math.Abs(dx) >= math.Abs(dy) && dx >= 0:
		return 0
	case math.Abs(dx) >= math.Abs(dy):
		return 2
	case dy > 0:
		return 1
	}
	return 3
}

// unrotate turns the glyphs by q quarter turns clockwise, so that text
// drawn at q quarter turns runs left to right.
func unrotate(gs []glyph, q int) []glyph {
	out := make([]glyph, len(gs))
	for i, g := range gs {
		ox, oy := turnPoint(g.x0, g.y, q)
		ex, ey := turnPoint(g.x1, g.ey, q)
		g.x0, g.y, g.x1, g.ey = ox, oy, ex, ey
		out[i] = g
	}
	return out
}

// turnPoint turns the point (x, y) by q quarter turns clockwise about the
// origin (q in 0-3).
func turnPoint(x, y float64, q int) (float64, float64) {
	switch q {
	case 0:
		return x, y
	case 1:
		return y, -x
	case 2:
		return -x, -y
	}
	return -y, x
}
