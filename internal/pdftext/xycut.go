package pdftext

// The XY cut: a page's words into blocks in reading order, by recursive
// cuts through the whitespace of columns' gutters and of bands between
// stories and paragraphs.

import (
	"math"
	"slices"
	"sort"
)

// An interval is an extent along one axis, lo to hi, in points.
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
		hi = fmax(hi, v.hi)
	}
	return out
}

// edgeGaps is gaps(iv, minGap) for a positive minGap and extents that
// each start no later than they end (none NaN), without sorting iv: with
// the starts and the ends sorted each on its own (in los and his, whose
// buffers it reuses, as it does bits for sortFloats), a band opens before
// the k-th start exactly when the k smallest ends all come before it, and then the largest of them, the
// k-th, is the running end that gaps compares. Two float64 sorts cost
// less than one sort of extents by a comparison function (the bands'
// share of BenchmarkPDFReal's CPU time: about 10.5% -> 8.8%).
func edgeGaps(iv []interval, minGap float64, los, his *[]float64, bits *[]uint64) []interval {
	if len(iv) < 2 {
		return nil
	}
	lo, hi := grow(los, len(iv)), grow(his, len(iv))
	for i, v := range iv {
		lo[i], hi[i] = v.lo, v.hi
	}
	if !sortFloats(lo, bits) || !sortFloats(hi, bits) {
		slices.Sort(lo) // a NaN, which no caller passes
		slices.Sort(hi)
	}
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
		return edgeGaps(iv, minGap, &c.los, &c.his, &c.bits)
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
	bits   []uint64     // sortFloats
	page   wordBuffers  // layoutPage's words
	sink   lineSink     // layoutPage's lines
}

// reuse readies c for another page's words, of median size size: no
// blocks, the scratch buffers kept (every use of one writes what it
// reads, so a cutter reads each page as a new one would).
func (c *cutter) reuse(size float64) {
	clear(c.blocks) // no earlier page's words held
	c.blocks, c.size = c.blocks[:0], size
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
func (c *cutter) cut(r region, depth int) { c.cutKnown(r, depth, nil, false) }

// cutKnown is cut, where known says that fine holds the bands of r of 0.3
// em or more, as c.gaps finds them: a piece of a band cut (see
// cutBands) gets its parent's bands that lie inside it.
func (c *cutter) cutKnown(r region, depth int, fine []interval, known bool) {
	if len(r) <= 1 || depth > 60 {
		c.blocks = append(c.blocks, r)
		return
	}
	// A blank band of 1.5 em or more across the whole width (under a
	// headline, between stories) is cut first: titles centred over the
	// columns must not fall to one side of a gutter.
	ys := grow(&c.ys, len(r))
	proper := c.size > 0 // a positive size, every extent lo <= hi (no NaN)
	within := true       // every baseline within its extent (see cutBands)
	for i, w := range r {
		ys[i] = interval{-w.top(), -w.bottom()} // top of page first
		proper = proper && ys[i].lo <= ys[i].hi
		within = within && ys[i].lo <= -w.y && -w.y <= ys[i].hi
	}
	var major []interval
	if proper {
		// The bands of 0.3 em or more hold those of 1.5 em, and the
		// order of extents that start level makes no difference: one
		// sort of ys finds both.
		if !known {
			fine = c.gaps(ys, 0.3*c.size)
		}
		major = widerThan(fine, 1.5*c.size)
	} else {
		major = gaps(ys, 1.5*c.size)
	}
	if len(major) > 0 {
		c.cutBands(r, major, depth, fine, proper && within)
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
	c.cutBands(r, fine, depth, fine, proper && within)
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
//
// fine are all the bands of r of 0.3 em or more (gs among them); with
// handDown, r's extents are proper (see cut) and each baseline lies within
// its extent. Where each band's middle then lies strictly inside it, a
// word's piece is the side of every band its extent lies on, and a
// piece's own bands of 0.3 em are those of fine between its two cuts
// (the extents of the other pieces lie beyond them): the piece is cut
// with those, its extents not sorted again.
func (c *cutter) cutBands(r region, gs []interval, depth int, fine []interval, handDown bool) {
	bands := make([]float64, len(gs))
	for i, g := range gs {
		m := (g.lo + g.hi) / 2
		bands[i] = -m
		handDown = handDown && g.lo < m && m < g.hi
	}
	var cuts []int // where gs lie in fine
	if handDown && handDownBands {
		cuts = subsequence(fine, gs)
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
	for k, end := range ends {
		var known []interval // fine's bands between cuts k-1 and k
		if cuts != nil {
			from, to := 0, len(fine)
			if k > 0 {
				from = cuts[k-1] + 1
			}
			if k < len(cuts) {
				to = cuts[k]
			}
			known = fine[from:to:to]
		}
		if end > start {
			c.cutKnown(r[start:end:end], depth+1, known, cuts != nil)
		}
		start = end
	}
}

// subsequence returns the indexes in fine of the bands of gs, which come
// in fine's order, or nil when they are not all there.
func subsequence(fine, gs []interval) []int {
	at := make([]int, 0, len(gs))
	for i := range fine {
		if len(at) < len(gs) && fine[i] == gs[len(at)] {
			at = append(at, i)
		}
	}
	if len(at) < len(gs) {
		return nil
	}
	return at
}

// handDownBands lets cutBands hand a piece its bands (tests turn it off
// to compare with sorting every piece's extents again).
var handDownBands = true

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
	xs := grow(&c.xs, len(r))
	for i, w := range r {
		xs[i] = interval{w.x0, w.x1}
	}
	// Every gutter is at least minGutter em wide, and the gaps that wide
	// hold the wider ones (see widerThan): a region without one (most
	// blocks of one column, whose lines cover each other's word spaces)
	// has no gutter, whatever its lines and word space.
	var fine []interval
	early := minGutter*c.size > 0 && properExtents(xs)
	if early {
		if fine = c.gaps(xs, minGutter*c.size); len(fine) == 0 {
			return nil
		}
	}
	lines := c.lineCount(r)
	if lines <= 1 {
		return nil
	}
	if early && allWide(fine, wideGutter*c.size) {
		// Gutters at least wideGutter em wide need no word space: it
		// only lets narrower gaps count, and sets what faces them.
		return c.widestCut(r, fine, wideGutter*c.size, wideGutter)
	}
	// The word space counts only in a region of narrowLines lines or more.
	narrow := wideGutter
	if lines >= narrowLines {
		narrow = math.Max(minGutter, narrowGutter*c.wordSpace(r))
		if narrow >= wideGutter {
			narrow = wideGutter
		}
	}
	if early { // narrow >= minGutter
		return c.widestCut(r, widerThan(fine, narrow*c.size), wideGutter*c.size, narrow)
	}
	return c.widestCut(r, c.gaps(xs, narrow*c.size), wideGutter*c.size, narrow)
}

// allWide reports whether every gap of gs is at least wide points wide.
func allWide(gs []interval, wide float64) bool {
	for _, g := range gs {
		if g.hi-g.lo < wide {
			return false
		}
	}
	return true
}

// wordSpace is the median space between neighbouring words on one
// baseline in r, in em of the words' size (0.25 when r has none).
func (c *cutter) wordSpace(r region) float64 {
	// Baselines rounded to 2 pt, top to bottom, then left to right.
	ws := grow(&c.pos, len(r))
	for i, w := range r {
		ws[i] = pos{math.Round(w.y / 2), w.x0, w.x1, w.size}
	}
	slices.SortFunc(ws, comparePos)
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
	if !sortFloats(em, &c.bits) {
		sort.Float64s(em)
	}
	return em[len(em)/2]
}

// comparePos orders positions by baseline, top to bottom, then left to
// right: lessCmp(less(a, b), less(b, a)) for the less function "a.row >
// b.row when the rows differ, else a.x0 < b.x0", in one call (NaN rows
// and edges compare as that gives; see TestComparePos).
func comparePos(a, b pos) int {
	if a.row != b.row {
		switch {
		case a.row > b.row:
			return -1
		case b.row > a.row:
			return 1
		}
		return 0
	}
	switch {
	case a.x0 < b.x0:
		return -1
	case b.x0 < a.x0:
		return 1
	}
	return 0
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
		if e.right-e.left < facing*fmax(e.lsize, e.rsize) {
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
	if !sortFloats(ys, &c.bits) {
		sort.Float64s(ys)
	}
	n := 1
	for i := 1; i < len(ys); i++ {
		if ys[i]-ys[i-1] > 2 {
			n++
		}
	}
	return n
}
