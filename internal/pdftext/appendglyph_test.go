package pdftext

import "testing"

// TestAppendGlyphDoubles: a page's glyphs keep their order and the buffer
// doubles when full, from the first page's capacity or from none: 14
// buffers for 100,000 glyphs from nothing (append's quarter steps took
// some 30), never more than twice what is held.
func TestAppendGlyphDoubles(t *testing.T) {
	for _, start := range []int{0, 1, firstGlyphs} {
		gs := make([]glyph, 0, start)
		buffers := 0
		for i := range 100_000 {
			before := cap(gs)
			gs = appendGlyph(gs, glyph{x0: float64(i)})
			if cap(gs) != before {
				buffers++
				if cap(gs) < 2*before {
					t.Fatalf("from %d: grew %d -> %d at %d glyphs", start, before, cap(gs), i+1)
				}
			}
		}
		if buffers > 14 || cap(gs) > 2*len(gs)+64 {
			t.Errorf("from %d: %d buffers, capacity %d for %d glyphs", start, buffers, cap(gs), len(gs))
		}
		for i, g := range gs {
			if g.x0 != float64(i) {
				t.Fatalf("from %d: glyph %d is %v", start, i, g.x0)
			}
		}
	}
}
