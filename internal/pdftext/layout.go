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

// doubledWords drops each word drawn again where it already stands (the
// same text, at most a fifth of its size to the side and a tenth up or
// down) up to eight words after the first copy, in another string of the
// content: a map's labels drawn twice, as a white halo and then in black,
// or a headline stroked and then filled. dedupeFakeBold catches a glyph
// drawn twice in a row, not a string of words drawn twice:
//
//	Municipalité de Saint-Sauveur Municipalité de Saint-Sauveur   (two strings, one place)
//	-> Municipalité de Saint-Sauveur
func doubledWords(ws []word) []word {
	out := ws[:0]
	for _, w := range ws {
		dup := false
		for j := max(0, len(out)-8); j < len(out) && !dup; j++ {
			p := &out[j]
			dup = math.Abs(p.x0-w.x0) < 0.2*w.size && math.Abs(p.y-w.y) < 0.1*w.size && p.text == w.text
		}
		if !dup {
			out = append(out, w)
		}
	}
	return out
}

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
	for i := range gs {
		g := &gs[i] // not copied; kept glyphs are written below i only
		dx, dy := 0.2*g.size, 0.1*g.size
		dup := false
		for j := max(0, i-8); j < i; j++ {
			p := &gs[j]
			if math.Abs(p.x0-g.x0) < dx && math.Abs(p.y-g.y) < dy && p.text == g.text {
				dup = true
				break
			}
		}
		if !dup {
			if len(out) < i { // else g is in its place already
				gs[len(out)] = *g
			}
			out = out[:len(out)+1]
		}
	}
	return out
}

// glyphsToWords joins glyphs into words in drawing order. A word ends at a
// space glyph, a change of baseline, a jump back, or a gap wider than 15%
// of the font size (word spacing comes from positioning in many files).
func glyphsToWords(gs []glyph) []word { return glyphsToWordsIn(gs, nil) }

// wordBuffers are glyphsToWordsIn's buffers, kept from one page to the
// next: a page's words are not held once its lines are made (blockLines
// copies their text), and making them anew took 14 bytes a glyph, 3.6 MB
// of an archive export's 30 MB of allocations.
type wordBuffers struct {
	words []word
	text  []byte // the text of every word, one after another
	ends  []int  // where each word ends in text
}

// glyphsToWordsIn is glyphsToWords with the buffers of b (nil: new ones),
// which the words returned are made in: they are good until b is used
// again.
func glyphsToWordsIn(gs []glyph, b *wordBuffers) []word {
	if b == nil {
		b = &wordBuffers{}
	}
	clear(b.words) // the last page's words, and its text with them, let go
	// Room for a word per five glyphs (words average more) and a byte per
	// glyph: growing these from nothing was a third of this function's time.
	out := slices.Grow(b.words[:0], len(gs)/5+1)
	var cur word
	open := false                                // cur holds a word
	buf := slices.Grow(b.text[:0], len(gs))      // the text of every word, one after another
	ends := slices.Grow(b.ends[:0], len(gs)/5+1) // where each word of out ends in buf
	start := 0                                   // where cur's text starts in buf
	flush := func() {
		if open && len(bytes.TrimSpace(buf[start:])) != 0 {
			out = append(out, cur)
			ends = append(ends, len(buf))
			start = len(buf)
		}
		buf = buf[:start]
		open = false
	}
	for i := range gs {
		g := &gs[i] // not copied: glyphs are 64 bytes
		t, blank := glyphText(g.text)
		if blank {
			// A space drawn over the end of the glyph before it (as some
			// producers do after a ligature) separates nothing.
			if !open || g.x0 >= cur.x1-overlap*g.size {
				flush()
			}
			continue
		}
		if open {
			gap, space := g.x0-cur.x1, wordGap*g.size
			if math.Abs(g.y-cur.y) > 0.3*fmax(g.size, cur.size) || gap > space || gap < -0.5*g.size ||
				math.Abs(g.size-cur.size) > 0.2*cur.size {
				flush()
			}
		}
		if !open {
			cur, open = word{x0: g.x0, x1: g.x1, y: g.y, size: g.size, bold: g.bold}, true
		}
		cur.x1 = fmax(cur.x1, g.x1)
		buf = append(buf, t...)
	}
	flush()
	b.words, b.text, b.ends = out, buf, ends
	// One string for the page's words, each word's text a part of it.
	all := string(buf)
	from := 0
	for i, end := range ends {
		out[i].text = all[from:end]
		from = end
	}
	return out
}

// glyphText is normalizeGlyphText(s) and whether that is blank (white
// space only: strings.TrimSpace leaves nothing), one-byte ASCII text (most
// glyphs) read without either.
func glyphText(s string) (t string, blank bool) {
	if len(s) == 1 && s[0] < utf8.RuneSelf {
		switch s[0] {
		case '\t':
			return " ", true
		case ' ', '\n', '\v', '\f', '\r':
			return s, true
		}
		return s, false
	}
	t = normalizeGlyphText(s)
	return t, strings.TrimSpace(t) == ""
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
		x0, x1 = fmin(x0, w.x0), fmax(x1, w.x1)
		y0, y1 = fmin(y0, w.bottom()), fmax(y1, w.top())
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
	var joined []bool // the caps joined so far, by index; nil until one is
	for i := range r {
		c := r[i]
		first, n := utf8.DecodeRuneInString(c.text)
		if n == 0 || n != len(c.text) || !unicode.IsUpper(first) || c.size < dropCapRatio*size {
			continue
		}
		best := -1
		for j, w := range r {
			if j == i || joined != nil && joined[j] {
				continue
			}
			beside := w.x0 >= c.x1-0.5 && w.x0 <= c.x1+2*size && w.y >= c.y-0.5 && w.y <= c.top()
			if beside && (best < 0 || w.y > r[best].y || w.y == r[best].y && w.x0 < r[best].x0) {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		alignBesideCap(r, r[best], c)
		r[best].text = c.text + r[best].text
		r[best].x0 = c.x0
		if joined == nil {
			joined = make([]bool, len(r))
		}
		joined[i] = true
	}
	if joined == nil {
		return r
	}
	// Removed in one pass, in place: removing each cap as it was joined
	// copied the words after it, a page's words per cap.
	k := 0
	for i, w := range r {
		if !joined[i] {
			r[k] = w
			k++
		}
	}
	clear(r[k:])
	return r[:k]
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
// words left to right, and adds them to s.
func blockLines(r region, s *lineSink) {
	less := func(a, b *word) bool {
		if math.Abs(a.y-b.y) > 0.3*fmin(a.size, b.size) {
			return a.y > b.y
		}
		return a.x0 < b.x0
	}
	slices.SortStableFunc(r, func(a, b word) int { return lessCmp(less(&a, &b), less(&b, &a)) })
	bx0, bx1, _, _ := r.bounds()
	first := len(s.lines)
	for i := 0; i < len(r); {
		j := i + 1
		for j < len(r) && math.Abs(r[j].y-r[i].y) <= 0.3*fmin(r[i].size, r[j].size) {
			j++
		}
		ws := r[i:j]
		start := len(s.text)
		l := Line{X0: ws[0].x0, X1: ws[0].x1, Y: ws[0].y, Size: ws[0].size, Bold: ws[0].bold, BlockX0: bx0, BlockX1: bx1}
		for k, w := range ws {
			if k > 0 {
				s.text = append(s.text, ' ')
			}
			s.text = append(s.text, w.text...)
			l.X1 = fmax(l.X1, w.x1)
			l.Size = fmax(l.Size, w.size)
			l.Bold = l.Bold && w.bold
		}
		s.text = s.text[:start+len(drawnSoftHyphens(s.text[start:]))]
		s.add(l)
		i = j
	}
	if len(s.lines) > first {
		s.lines[first].BlockStart = true
	}
}

// A lineSink gathers a page's lines as blockLines reads them, their texts
// one after another in one buffer, and hands them out (take) in a slice
// of their exact count whose texts share one string. Line by line, with
// a string each and a slice grown by appending, a 1,969-page document's
// 60,661 lines took 10 MB of heap, against 6.2 MB (in-process, after a
// collection); a PDF child's parent decodes its pages the same way
// (pdfchild's decodePage). Its buffers are reused page after page.
type lineSink struct {
	lines []Line // the lines so far, their Text unset until take
	text  []byte // their texts, one after another
	ends  []int  // where each line's text ends in text
}

// add adds l, whose text is text[ends[len(ends)-1]:] (text[0:] for the
// first line).
func (s *lineSink) add(l Line) {
	s.lines = append(s.lines, l)
	s.ends = append(s.ends, len(s.text))
}

// take returns the lines added since the last take (nil for none) and
// empties s.
func (s *lineSink) take() []Line {
	if len(s.lines) == 0 {
		s.reset()
		return nil
	}
	all, at := string(s.text), 0
	out := make([]Line, len(s.lines))
	for i, l := range s.lines {
		l.Text, at = all[at:s.ends[i]], s.ends[i]
		out[i] = l
	}
	s.reset()
	return out
}

// reset empties s, keeping its buffers.
func (s *lineSink) reset() { s.lines, s.text, s.ends = s.lines[:0], s.text[:0], s.ends[:0] }

// layoutPage turns a page's glyphs into lines in reading order, with c's
// scratch buffers (those of the document's earlier pages).
func layoutPage(gs []glyph, y0, y1 float64, c *cutter) Page {
	q, upright := dominantRotation(gs)
	if q != 0 {
		gs = unrotate(gs, q)
		y0, y1 = math.Inf(1), math.Inf(-1)
		for _, g := range gs {
			y0, y1 = math.Min(y0, g.y), math.Max(y1, g.y+g.size)
		}
	}
	p := Page{Bottom: y0, Top: y1, Glyphs: len(gs)}
	var turned []glyph
	if !upright { // else splitTurned would leave gs as it is and turn none
		gs, turned = splitTurned(gs)
	}
	p.Turned = turnedLines(turned)
	ws := doubledWords(glyphsToWordsIn(dedupeFakeBold(gs), &c.page))
	if len(ws) == 0 {
		return p
	}
	// A drop cap reaches up into the band above its lines: joined first,
	// it cannot hold a headline and the columns under it together.
	ws = joinDropCaps(ws)
	c.reuse(medianSize(ws))
	c.cut(region(ws), 0)
	c.sink.reset() // empty, unless a panic cut the last page short
	for _, b := range c.blocks {
		blockLines(b, &c.sink)
	}
	p.Lines = c.sink.take()
	return p
}

// dominantRotation returns the quarter turns (0-3, counter-clockwise) of
// most of the page's text (a page printed in landscape draws its lines
// going up or down), and whether all of it runs left to right (then q is
// 0 and splitTurned has nothing to split).
func dominantRotation(gs []glyph) (q int, upright bool) {
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
	return best, n[0] == len(gs)
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
