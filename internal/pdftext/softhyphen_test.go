package pdftext

import "testing"

func TestDrawnSoftHyphens(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ferry\u00adboat ramp", "ferry-boat ramp"},
		{"met on Tues\u00ad", "met on Tues\u00ad"},
		{"uptown\u00admanhattan\u00admaintains\u00ad", "uptown-manhattan-maintains\u00ad"},
		{"no hyphen", "no hyphen"},
		{"\u00ad", "\u00ad"},
	} {
		if got := string(drawnSoftHyphens([]byte(c.in))); got != c.want {
			t.Errorf("drawnSoftHyphens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
