package pdftext

import (
	"errors"
	"strings"
	"testing"

	"newsclip/internal/pdfgen"
)

// A PDF cut short (a failed download) fails as damaged and says it looks
// truncated, whether the cut falls in the first objects or near the end.
func TestTruncatedPDF(t *testing.T) {
	data := pdfgen.Build([][]pdfgen.Run{{{X: 72, Y: 700, Size: 12, Text: "A page of text."}}})
	for _, keep := range []int{len(data) / 4, len(data) * 3 / 4} {
		_, err := Extract(data[:keep], Options{})
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "truncated") {
			t.Errorf("first %d of %d bytes: err = %v, want a damaged PDF that says truncated", keep, len(data), err)
		}
	}
}
