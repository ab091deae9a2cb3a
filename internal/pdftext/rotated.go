package pdftext

// Text drawn in another direction than the page's own: photo credits set
// up the side of a picture, a vertical label in the margin. It is read in
// its own direction and kept apart from the page's lines.

import "math"

// splitTurned splits glyphs (already turned so that the page's own text
// runs left to right) into those that run left to right and the rest,
// which run up, down or upside down. A glyph without an advance (a
// combining mark) is in quadrant 0 and goes with the page's text. The
// upright glyphs take the place of gs (each written at or before its own
// index), so that a page costs no copy of its glyphs; gs is not to be used
// after.
func splitTurned(gs []glyph) (upright, turned []glyph) {
	upright = gs[:0]
	for i, g := range gs {
		if quadrant(g) != 0 {
			turned = append(turned, g)
			continue
		}
		if len(upright) < i { // else g is in its place already
			gs[len(upright)] = g
		}
		upright = upright[:len(upright)+1]
	}
	return upright, turned
}

// turnedLines reads turned glyphs (see splitTurned) as lines, each in its
// own direction, in the order of their quarter turns (up, upside down,
// down) and then top to bottom as read. Each line's X0, X1 and Y are
// the left, right and bottom edges of its box on the page (the frame of
// the page's own lines), BlockX0 and BlockX1 equal X0 and X1.
func turnedLines(gs []glyph) []Line {
	var out lineSink
	for q := 1; q < 4; q++ {
		var sel []glyph
		for _, g := range gs {
			if quadrant(g) == q {
				sel = append(sel, g)
			}
		}
		if len(sel) == 0 {
			continue
		}
		ws := glyphsToWords(unrotate(sel, q))
		if len(ws) == 0 {
			continue
		}
		c := cutter{size: medianSize(ws)}
		c.cut(region(ws), 0)
		for _, b := range c.blocks {
			first := len(out.lines)
			blockLines(b, &out)
			for i := first; i < len(out.lines); i++ {
				out.lines[i] = turnBack(out.lines[i], q)
			}
		}
	}
	return out.take()
}

// turnBack maps the box of a line read q quarter turns clockwise back to
// the page: see turnedLines for the fields it sets.
func turnBack(l Line, q int) Line {
	back := (4 - q) % 4
	x0, y0 := math.Inf(1), math.Inf(1)
	x1 := math.Inf(-1)
	for _, c := range [][2]float64{{l.X0, l.Y - 0.25*l.Size}, {l.X1, l.Y - 0.25*l.Size}, {l.X0, l.Y + 0.8*l.Size}, {l.X1, l.Y + 0.8*l.Size}} {
		x, y := turnPoint(c[0], c[1], back)
		x0, x1, y0 = math.Min(x0, x), math.Max(x1, x), math.Min(y0, y)
	}
	l.X0, l.X1, l.Y, l.BlockX0, l.BlockX1 = x0, x1, y0, x0, x1
	return l
}
