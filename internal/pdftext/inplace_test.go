package pdftext

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// dedupeFakeBoldCopy is dedupeFakeBold as first written: every kept glyph
// appended to the front of gs, also where it already stands (the glyphs
// looked back at are gs as written so far).
func dedupeFakeBoldCopy(gs []glyph) []glyph {
	out := gs[:0]
	for i, g := range gs {
		double := func(p glyph) bool {
			return math.Abs(p.x0-g.x0) < 0.2*g.size && math.Abs(p.y-g.y) < 0.1*g.size && p.text == g.text
		}
		if !slices.ContainsFunc(gs[max(0, i-8):i], double) {
			out = append(out, g)
		}
	}
	return out
}

// splitTurnedCopy is splitTurned as first written (see
// dedupeFakeBoldCopy): the upright glyphs kept in gs's place.
func splitTurnedCopy(gs []glyph) (upright, turned []glyph) {
	isUpright := func(g glyph) bool { return quadrant(g) == 0 }
	turned = slices.DeleteFunc(slices.Clone(gs), isUpright)
	upright = slices.DeleteFunc(gs, func(g glyph) bool { return !isUpright(g) })
	return upright, turned
}

// randomGlyphs draws n glyphs on a few baselines, many drawn twice at
// (almost) the same place, some turned, in runs with none of either (so
// that the in-place rules meet kept glyphs before and after the first
// one dropped).
func randomGlyphs(rng *rand.Rand, n int) []glyph {
	gs := make([]glyph, 0, n)
	for len(gs) < n {
		g := glyph{x0: float64(rng.IntN(50)), y: float64(rng.IntN(4) * 12), size: 10, text: string(rune('a' + rng.IntN(3)))}
		g.x1, g.ey = g.x0+5, g.y
		if rng.IntN(6) == 0 {
			g.x1, g.ey = g.x0, g.y+5 // drawn upwards
		}
		gs = append(gs, g)
		if rng.IntN(5) == 0 {
			g.x0 += rng.Float64() // a fake bold's second stroke, or not
			gs = append(gs, g)
		}
	}
	return gs
}

// TestInPlaceRulesAsCopying: dedupeFakeBold and splitTurned, which skip
// writing a glyph over itself, keep and order the glyphs as the rules that
// copy every kept glyph.
func TestInPlaceRulesAsCopying(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for n := range 400 {
		gs := randomGlyphs(rng, n%60)
		if got, want := dedupeFakeBold(slices.Clone(gs)), dedupeFakeBoldCopy(slices.Clone(gs)); !slices.Equal(got, want) {
			t.Fatalf("dedupeFakeBold(%v) = %v, want %v", gs, got, want)
		}
		up, turned := splitTurned(slices.Clone(gs))
		wantUp, wantTurned := splitTurnedCopy(slices.Clone(gs))
		if !slices.Equal(up, wantUp) || !slices.Equal(turned, wantTurned) {
			t.Fatalf("splitTurned(%v) = %v, %v; want %v, %v", gs, up, turned, wantUp, wantTurned)
		}
	}
}

// TestUprightPageNeedsNoSplit: on a page whose glyphs all run left to
// right (dominantRotation says so), splitTurned leaves the glyphs as they
// are and turns none, so layoutPage may skip it; on others it says not.
func TestUprightPageNeedsNoSplit(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	uprights := 0
	for n := range 400 {
		gs := randomGlyphs(rng, n%40)
		q, upright := dominantRotation(gs)
		up, turned := splitTurned(slices.Clone(gs))
		if same := len(turned) == 0 && slices.Equal(up, gs); upright != same || upright && q != 0 {
			t.Fatalf("%v: dominantRotation says %d, upright %v; splitTurned leaves them as they are: %v", gs, q, upright, same)
		}
		if upright {
			uprights++
		}
	}
	if uprights < 20 || uprights > 380 {
		t.Errorf("%d of 400 pages upright", uprights)
	}
}
