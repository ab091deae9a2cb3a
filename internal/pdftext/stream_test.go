package pdftext

import (
	"reflect"
	"testing"

	"newsclip/internal/pdfgen"
)

// TestExtractPagesStreams: the page count comes first (OnPages), then
// the pages one at a time, in order, each before the next is read, and none is kept in the returned Text; once
// collected and finished they equal what Extract returns, running heads
// included.
func TestExtractPagesStreams(t *testing.T) {
	var pages [][]pdfgen.Run
	for _, body := range []string{"First page body text.", "Second page body text.", "Third page body text."} {
		pages = append(pages, []pdfgen.Run{
			{X: 72, Y: 760, Size: 9, Text: "The Daily Example"},
			{X: 72, Y: 600, Size: 11, Text: body},
		})
	}
	data := pdfgen.Build(pages)
	var got []Page
	reading, counted := 0, 0
	opts := Options{OnPage: func(n int) {
		if n != len(got)+1 {
			t.Errorf("reading page %d with %d pages emitted", n, len(got))
		}
		if counted != 3 {
			t.Errorf("reading page %d with %d pages counted, want 3 before the first", n, counted)
		}
		reading = n
	}, OnPages: func(n int) {
		if reading != 0 || counted != 0 {
			t.Errorf("OnPages(%d) after page %d or twice", n, reading)
		}
		counted = n
	}}
	tx, err := ExtractPages(data, opts, func(p Page) {
		if p.Number != reading {
			t.Errorf("emitted page %d while reading page %d", p.Number, reading)
		}
		got = append(got, p)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(tx.Pages) != 0 || len(got) != 3 {
		t.Fatalf("Text holds %d pages, %d emitted; want 0 and 3", len(tx.Pages), len(got))
	}
	tx.Pages = got
	tx.Finish()
	want, err := Extract(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tx, want) {
		t.Errorf("streamed:\n%+v\nExtract:\n%+v", tx, want)
	}
	if len(want.RunningHeads) != 3 {
		t.Errorf("running heads %q, want the masthead of each page", want.RunningHeads)
	}
}
