package pdftext

import (
	"math"
	"math/rand/v2"
	"testing"
)

// gutterEvery is gutter as first written: the lines and the word space
// counted before any gap is looked for.
func (c *cutter) gutterEvery(r region) *interval {
	lines := c.lineCount(r)
	if lines <= 1 {
		return nil
	}
	xs := grow(&c.xs, len(r))
	for i, w := range r {
		xs[i] = interval{w.x0, w.x1}
	}
	narrow := wideGutter
	if lines >= narrowLines {
		narrow = math.Max(minGutter, narrowGutter*c.wordSpace(r))
		if narrow >= wideGutter {
			narrow = wideGutter
		}
	}
	return c.widestCut(r, c.gaps(xs, narrow*c.size), wideGutter*c.size, narrow)
}

// randomRegion sets words in one to four columns of a few lines, with
// gutters and word spaces from narrow to wide, some headlines across the
// columns, and now and then a word of no width, a reversed one, or one
// at NaN.
func randomRegion(rng *rand.Rand) region {
	cols, lines := 1+rng.IntN(4), 1+rng.IntN(8)
	size := []float64{8, 9, 10, 12}[rng.IntN(4)]
	colWidth, gutter := 60+rng.Float64()*80, rng.Float64()*3*size
	space := rng.Float64() * 0.6 * size
	var r region
	for c := range cols {
		x0 := float64(c) * (colWidth + gutter)
		for l := range lines {
			y := 700 - float64(l)*1.2*size
			for x := x0 + rng.Float64()*size; x < x0+colWidth; {
				w := word{x0: x, x1: math.Min(x+size*(1+rng.Float64()*3), x0+colWidth), y: y, size: size}
				switch rng.IntN(60) {
				case 0:
					w.x1 = w.x0
				case 1:
					w.x0, w.x1 = w.x1, w.x0
				case 2:
					w.x0 = math.NaN()
				}
				r = append(r, w)
				x = w.x1 + space + rng.Float64()*space
			}
		}
	}
	if rng.IntN(4) == 0 { // a headline across the columns
		r = append(r, word{x0: colWidth / 2, x1: float64(cols) * colWidth, y: 720, size: 2 * size})
	}
	return r
}

// TestGutterAsEveryCount: gutter, which looks for gaps before counting
// lines and word space, finds the gutter the rule that counts them first
// finds, at every type size the cutter may hold (none, negative, NaN,
// too small to scale).
func TestGutterAsEveryCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	found := 0
	for n := range 3000 {
		r := randomRegion(rng)
		size := []float64{medianSize(r), medianSize(r), 0, -4, math.NaN(), math.SmallestNonzeroFloat64}[n%6]
		c, ref := cutter{size: size}, cutter{size: size}
		got, want := c.gutter(r), ref.gutterEvery(r)
		if (got == nil) != (want == nil) || got != nil && *got != *want {
			t.Fatalf("size %v, region %v: gutter %v, counting first %v", size, r, got, want)
		}
		if got != nil {
			found++
		}
	}
	if found < 300 {
		t.Errorf("only %d of 3000 regions have a gutter", found)
	}
}
