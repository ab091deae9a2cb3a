package pdftext

import "testing"

// TestWidthTable: widths read back by code wherever the code falls (small,
// past the slice, negative), a later width replaces an earlier one, an
// unset code reads 0, and a width of 0 still counts as one set.
func TestWidthTable(t *testing.T) {
	var w widthTable
	if w.any || w.get(65) != 0 {
		t.Fatalf("empty table: any %v, width %v", w.any, w.get(65))
	}
	w.set(65, 0)
	if !w.any {
		t.Error("a width of 0 set nothing")
	}
	for _, c := range []struct {
		code int
		w    float64
	}{{65, 722}, {3, 250}, {denseCodes - 1, 500}, {denseCodes, 610}, {60000, 1000}, {-2, 333}, {65, 667}} {
		w.set(c.code, c.w)
	}
	for _, c := range []struct {
		code int
		want float64
	}{{65, 667}, {3, 250}, {4, 0}, {denseCodes - 1, 500}, {denseCodes, 610}, {60000, 1000}, {-2, 333}, {-1, 0}, {70000, 0}} {
		if got := w.get(c.code); got != c.want {
			t.Errorf("width of code %d = %v, want %v", c.code, got, c.want)
		}
	}
	if len(w.low) > denseCodes {
		t.Errorf("slice of %d widths, want at most %d", len(w.low), denseCodes)
	}
}
