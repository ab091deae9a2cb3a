package convert

import "newsclip/internal/pdftext"

// turnedRemovals records the text that pages draw in another direction
// than their own (pdftext.Page.Turned), which is never body text: inside
// the page's text area, a photo credit set up the side of a picture
// (kind caption); in the margins, a label along the page's edge (kind
// running-head). The text area is the box of the page's lines.
func turnedRemovals(pages []pdftext.Page) []Removal {
	var out []Removal
	for _, p := range pages {
		if len(p.Turned) == 0 {
			continue
		}
		x0, x1, y0, y1 := textArea(p.Lines)
		for _, l := range p.Turned {
			kind := RemovedRunningHead
			if l.X1 > x0 && l.X0 < x1 && l.Y >= y0 && l.Y <= y1 {
				kind = RemovedCaption
			}
			out = append(out, Removal{Kind: kind, Text: l.Text})
		}
	}
	return out
}

// textArea returns the box of lines: the leftmost start, the rightmost
// end, and the lowest and highest baselines, in points; an empty box
// (x0 > x1) when there are none.
func textArea(lines []pdftext.Line) (x0, x1, y0, y1 float64) {
	if len(lines) == 0 {
		return 1, 0, 1, 0
	}
	x0, x1, y0, y1 = lines[0].X0, lines[0].X1, lines[0].Y, lines[0].Y
	for _, l := range lines[1:] {
		x0, x1 = min(x0, l.X0), max(x1, l.X1)
		y0, y1 = min(y0, l.Y), max(y1, l.Y)
	}
	return x0, x1, y0, y1
}
