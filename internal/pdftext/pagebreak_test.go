package pdftext

import "testing"

func TestEndsPageParagraph(t *testing.T) {
	// A page of ragged 8 pt lines starting at x = 28, the widest ending
	// at x = 370.
	page := Page{Lines: []Line{
		{Text: "Prices rose in the north of the city and in the", X0: 28, X1: 370, Size: 8},
		{Text: "Quote: a line set in from the left", X0: 60, X1: 400, Size: 8},
	}}
	for _, c := range []struct {
		name string
		last Line
		want bool
	}{
		{"short sentence end", Line{Text: "the highest since 2007.", X0: 28, X1: 300, Size: 8}, true},
		{"short closing quote", Line{Text: "he said of the deal.”", X0: 28, X1: 300, Size: 8}, true},
		{"full sentence end", Line{Text: "the highest since 2007.", X0: 28, X1: 366, Size: 8}, false},
		{"short without a stop", Line{Text: "the highest since", X0: 28, X1: 300, Size: 8}, false},
		{"full in its own column", Line{Text: "it rose again.", X0: 60, X1: 395, Size: 8}, false},
	} {
		if got := endsPageParagraph(c.last, page); got != c.want {
			t.Errorf("%s: endsPageParagraph = %v, want %v", c.name, got, c.want)
		}
	}
}
