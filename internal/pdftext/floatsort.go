package pdftext

import (
	"math"
	"slices"
)

// sortFloats sorts s in increasing order and reports true, or, where s
// holds a NaN, leaves it as it was and reports false (the caller sorts it
// as before). It sorts the values' bits as unsigned integers (see
// orderedBits) in *buf, which it grows and reuses: integers compare
// faster than floats, whose comparison must place NaN. The result is
// slices.Sort's (and sort.Float64s'), except that 0 and -0, which compare
// equal, may come in another order; the XY cut only subtracts and
// compares sorted values, where the sign of a zero makes no difference.
func sortFloats(s []float64, buf *[]uint64) bool {
	u := grow(buf, len(s))
	for i, x := range s {
		if x != x {
			return false
		}
		u[i] = orderedBits(x)
	}
	slices.Sort(u)
	for i, b := range u {
		s[i] = fromOrderedBits(b)
	}
	return true
}

// orderedBits maps a float64 other than NaN to a uint64 of the same
// order: the sign bit set for positive values, every bit flipped for
// negative ones (-0 then sorts just before 0).
func orderedBits(x float64) uint64 {
	b := math.Float64bits(x)
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

// fromOrderedBits is the inverse of orderedBits.
func fromOrderedBits(b uint64) float64 {
	if b>>63 != 0 {
		return math.Float64frombits(b &^ (1 << 63))
	}
	return math.Float64frombits(^b)
}

// fmax and fmin are math.Max and math.Min (a call each on amd64) through
// the built-in max and min, which the compiler inlines: those agree with
// them except where one value is NaN and the other the infinity that
// math.Max (+Inf) or math.Min (-Inf) returns whatever the other value.
func fmax(x, y float64) float64 {
	if m := max(x, y); m == m {
		return m
	}
	return math.Max(x, y)
}

func fmin(x, y float64) float64 {
	if m := min(x, y); m == m {
		return m
	}
	return math.Min(x, y)
}
