package pdftext

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ledongthuc/pdf"
)

// randomStories stacks stories down a page: each a headline, sometimes
// over a deck, then columns of lines with paragraph gaps of 0.2 to 2 em
// and now and then a word set in another size, at no size, or at NaN.
func randomStories(rng *rand.Rand) region {
	var r region
	y := 800.0
	for range 1 + rng.IntN(4) {
		size := []float64{8, 9, 10}[rng.IntN(3)]
		r = append(r, word{x0: 40, x1: 300, y: y, size: 2.5 * size, text: "Head"})
		y -= 3 * size * (0.8 + rng.Float64())
		cols, lines := 1+rng.IntN(3), 2+rng.IntN(10)
		top := y
		for c := range cols {
			y = top
			x0 := 40 + float64(c)*(120+rng.Float64()*size)
			for range lines {
				for x := x0; x < x0+110; x += 3 * size {
					w := word{x0: x, x1: x + 2.5*size, y: y, size: size}
					switch rng.IntN(80) {
					case 0:
						w.size = 0
					case 1:
						w.size = -size
					case 2:
						w.y = math.NaN()
					case 3:
						w.size = 3 * size
					}
					r = append(r, w)
				}
				y -= 1.2 * size
				if rng.IntN(3) == 0 {
					y -= size * 2 * rng.Float64() // a paragraph gap
				}
			}
		}
		y -= size * 3 * rng.Float64()
	}
	rng.Shuffle(len(r), func(i, j int) { r[i], r[j] = r[j], r[i] })
	return r
}

// TestHandDownAsSorting: the XY cut that hands a band's pieces their
// bands gives the blocks, word for word in order, of the cut that sorts
// every piece's extents again: on random story pages and on every page
// of the shared, robust and generated PDFs.
func TestHandDownAsSorting(t *testing.T) {
	defer func() { handDownBands = true }()
	cutWith := func(r region, down bool) []region {
		handDownBands = down
		c := cutter{size: medianSize(r)}
		c.cut(slices.Clone(r), 0)
		return c.blocks
	}
	rng := rand.New(rand.NewPCG(13, 14))
	same := func(a, b word) bool {
		return a == b || a.text == b.text && a.bold == b.bold && math.IsNaN(a.y) && math.IsNaN(b.y)
	}
	for n := range 1500 {
		r := randomStories(rng)
		got, want := cutWith(r, true), cutWith(r, false)
		if !slices.EqualFunc(got, want, func(a, b region) bool { return slices.EqualFunc(a, b, same) }) {
			t.Fatalf("page %d: %d blocks handing bands down, %d sorting again", n, len(got), len(want))
		}
	}
	if testing.Short() {
		return
	}
	for name, data := range fontEntryPDFs(t) {
		handDownBands = true
		got, gerr := Extract(data, Options{})
		handDownBands = false
		want, werr := Extract(data, Options{})
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if (gerr == nil) != (werr == nil) || !bytes.Equal(g, w) {
			t.Errorf("%s: handing bands down reads differently", name)
		}
	}
}

// TestCutterReusedAsNew: laying the pages of a document out one after
// another with one cutter, as a pageReader does, gives every page as a
// new cutter gives it, and still does once the later pages are laid out
// (nothing of a page lives in the cutter's buffers), on every page of
// the shared, robust and generated PDFs.
func TestCutterReusedAsNew(t *testing.T) {
	pages := 0
	for name, data := range fontEntryPDFs(t) {
		r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			continue
		}
		doc, shared := newDocCache(), cutter{}
		var got []Page // kept to the end: a later page must not change them
		var want []string
		for i, pg := range pdfPages(r, newObjCache()) {
			in, _ := pageGlyphs(pg, maxPageOps, doc, nil)
			if in == nil || i >= 30 {
				break
			}
			got = append(got, layoutPage(slices.Clone(in.glyphs), 0, 792, &shared))
			want = append(want, fmt.Sprint(layoutPage(slices.Clone(in.glyphs), 0, 792, &cutter{})))
			pages++
		}
		for i := range got {
			if fmt.Sprint(got[i]) != want[i] {
				t.Errorf("%s page %d: laid out differently by a reused cutter", name, i+1)
			}
		}
	}
	if pages < 100 {
		t.Errorf("only %d pages", pages)
	}
}
