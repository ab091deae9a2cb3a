package pdftext

import (
	"testing"

	"newsclip/internal/pdfgen"
)

func TestDocumentTitle(t *testing.T) {
	page := [][]pdfgen.Run{{{X: 72, Y: 700, Size: 10, Text: "Quay plan put off."}}}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"no info", pdfgen.Build(page), ""},
		{"title", pdfgen.WithTitle(pdfgen.Build(page), "Quay plan put off | Coast Weekly"), "Quay plan put off | Coast Weekly"},
		{"spaces collapsed", pdfgen.WithTitle(pdfgen.Build(page), "  Quay plan\t put off  "), "Quay plan put off"},
	} {
		pt, err := Extract(c.data, Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if pt.Title != c.want {
			t.Errorf("%s: Title = %q, want %q", c.name, pt.Title, c.want)
		}
	}
}
