package pdftext

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortFloatsAsSlicesSort: sortFloats sorts as slices.Sort (equal
// values; 0 and -0 compare equal) on random coordinates with many equal
// values, both zeros, infinities, subnormals and extremes, and leaves a
// slice with a NaN as it was.
func TestSortFloatsAsSlicesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	odd := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.MaxFloat64, -math.MaxFloat64,
		math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64, 1, -1}
	var buf []uint64
	for n := range 3000 {
		s := make([]float64, n%300)
		for i := range s {
			switch rng.IntN(4) {
			case 0:
				s[i] = odd[rng.IntN(len(odd))]
			case 1:
				s[i] = float64(rng.IntN(40)) * 9.6 // level baselines
			default:
				s[i] = (rng.Float64() - 0.3) * 800
			}
		}
		want := slices.Clone(s)
		slices.Sort(want)
		got := slices.Clone(s)
		if !sortFloats(got, &buf) || !slices.Equal(got, want) { // slices.Equal: 0 == -0
			t.Fatalf("sortFloats(%v) = %v, want %v", s, got, want)
		}
		if len(s) > 0 {
			s[rng.IntN(len(s))] = math.NaN()
			got := slices.Clone(s)
			if sortFloats(got, &buf) || !slices.EqualFunc(got, s, func(a, b float64) bool { return a == b || a != a && b != b }) {
				t.Fatalf("sortFloats(%v) sorted a NaN: %v", s, got)
			}
		}
	}
}

// TestOrderedBits: orderedBits keeps the order of floats and
// fromOrderedBits undoes it, sign of zero included.
func TestOrderedBits(t *testing.T) {
	xs := []float64{math.Inf(-1), -math.MaxFloat64, -1, -math.SmallestNonzeroFloat64, math.Copysign(0, -1), 0,
		math.SmallestNonzeroFloat64, 1, math.MaxFloat64, math.Inf(1)}
	for i, x := range xs {
		if b := fromOrderedBits(orderedBits(x)); math.Float64bits(b) != math.Float64bits(x) {
			t.Errorf("fromOrderedBits(orderedBits(%v)) = %v", x, b)
		}
		if i > 0 && orderedBits(xs[i-1]) >= orderedBits(x) {
			t.Errorf("orderedBits(%v) >= orderedBits(%v)", xs[i-1], x)
		}
	}
}

// TestComparePos: comparePos gives what wordSpace's less function gave
// through lessCmp, for rows and edges that are equal, differ, or are NaN,
// so that slices.SortFunc orders positions exactly as before.
func TestComparePos(t *testing.T) {
	less := func(a, b pos) bool {
		if a.row != b.row {
			return a.row > b.row
		}
		return a.x0 < b.x0
	}
	vals := []float64{math.NaN(), math.Inf(-1), -1, math.Copysign(0, -1), 0, 1, 2, math.Inf(1)}
	for _, ar := range vals {
		for _, br := range vals {
			for _, ax := range vals {
				for _, bx := range vals {
					a, b := pos{row: ar, x0: ax, x1: 3, size: 1}, pos{row: br, x0: bx, x1: 4, size: 2}
					if got, want := comparePos(a, b), lessCmp(less(a, b), less(b, a)); got != want {
						t.Errorf("comparePos(%v, %v) = %d, want %d", a, b, got, want)
					}
				}
			}
		}
	}
}
