package pdftext

import (
	"testing"
	"unsafe"
)

// TestLineSize: a long document's parent holds every line of it until its
// running heads are known (46,000 lines at 1,500 pages), so the struct's
// padding is memory: with its two flags apart, a Line took 80 bytes.
func TestLineSize(t *testing.T) {
	if n := unsafe.Sizeof(Line{}); n > 72 {
		t.Errorf("a Line takes %d bytes, want 72 at most", n)
	}
}
