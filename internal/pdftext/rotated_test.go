package pdftext

import (
	"strings"
	"testing"

	"newsclip/internal/pdfgen"
)

// TestTurnedCredit: a photo credit drawn up the side of a picture, between
// two columns, is read as one line of its own and kept out of the page's
// lines, which read as before.
func TestTurnedCredit(t *testing.T) {
	runs := []pdfgen.Run{
		{X: 72, Y: 700, Size: 10, Text: "The harbour board met on Tuesday."},
		{X: 72, Y: 688, Size: 10, Text: "It put off the vote on the quay."},
		{X: 300, Y: 600, Size: 6, Text: "PHOTO: ANN LEE", Up: true},
	}
	pt, err := Extract(pdfgen.Build([][]pdfgen.Run{runs}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := pt.Pages[0]
	var texts []string
	for _, l := range p.Lines {
		texts = append(texts, l.Text)
	}
	if got := strings.Join(texts, "|"); got != "The harbour board met on Tuesday.|It put off the vote on the quay." {
		t.Errorf("lines %q", got)
	}
	if len(p.Turned) != 1 || p.Turned[0].Text != "PHOTO: ANN LEE" {
		t.Fatalf("turned %+v", p.Turned)
	}
	l := p.Turned[0]
	// Drawn up from (300, 600): its box is a narrow column above that point.
	if l.X0 > 300 || l.X1 < 300 || l.X1-l.X0 > 10 || l.Y < 595 || l.Y > 601 {
		t.Errorf("turned box x %.1f-%.1f, bottom %.1f", l.X0, l.X1, l.Y)
	}
}

func TestTurnPoint(t *testing.T) {
	for q := 0; q < 4; q++ {
		x, y := turnPoint(3, 4, q)
		bx, by := turnPoint(x, y, (4-q)%4)
		if bx != 3 || by != 4 {
			t.Errorf("q=%d: turned back to (%g, %g)", q, bx, by)
		}
	}
	if x, y := turnPoint(3, 4, 1); x != 4 || y != -3 {
		t.Errorf("one quarter clockwise: (%g, %g)", x, y)
	}
}
