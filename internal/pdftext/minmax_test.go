package pdftext

import (
	"math"
	"strings"
	"testing"
)

// TestFMinMaxAsMath: fmin and fmax, which the layout's hot paths use
// where they used math.Min and math.Max, give the same bits for every
// pair of special values: NaN, both zeros, infinities, extremes.
func TestFMinMaxAsMath(t *testing.T) {
	vals := []float64{math.NaN(), math.Inf(-1), -math.MaxFloat64, -1, -math.SmallestNonzeroFloat64,
		math.Copysign(0, -1), 0, math.SmallestNonzeroFloat64, 0.5, 1, math.MaxFloat64, math.Inf(1)}
	same := func(a, b float64) bool {
		return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
	}
	for _, x := range vals {
		for _, y := range vals {
			if got, want := fmax(x, y), math.Max(x, y); !same(got, want) {
				t.Errorf("fmax(%v, %v) = %v, math.Max %v", x, y, got, want)
			}
			if got, want := fmin(x, y), math.Min(x, y); !same(got, want) {
				t.Errorf("fmin(%v, %v) = %v, math.Min %v", x, y, got, want)
			}
		}
	}
}

// TestGlyphTextAsRules: glyphText gives normalizeGlyphText's text and
// strings.TrimSpace's verdict for every one-byte text (ASCII, and bytes
// that are no UTF-8 alone) and for spaces, ligatures and dashes of more.
func TestGlyphTextAsRules(t *testing.T) {
	texts := []string{"", "  ", "\u00a0", "\u2002", "\u2009", "\u0085", "ﬁ", "ﬃ", "\u2212", "a b", " a", "ab", "é"}
	for c := range 256 {
		texts = append(texts, string([]byte{byte(c)}))
	}
	for _, s := range texts {
		want := normalizeGlyphText(s)
		got, blank := glyphText(s)
		if got != want || blank != (strings.TrimSpace(want) == "") {
			t.Errorf("glyphText(%q) = %q, %v; want %q, %v", s, got, blank, want, strings.TrimSpace(want) == "")
		}
	}
}
