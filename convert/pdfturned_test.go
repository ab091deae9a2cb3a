package convert

import (
	"reflect"
	"testing"

	"newsclip/internal/pdftext"
)

func TestTurnedRemovals(t *testing.T) {
	body := []pdftext.Line{
		{Text: "The harbour board met.", X0: 72, X1: 540, Y: 700},
		{Text: "It put off the vote.", X0: 72, X1: 300, Y: 120},
	}
	page := pdftext.Page{Lines: body, Turned: []pdftext.Line{
		{Text: "PHOTO: ANN LEE", X0: 296, X1: 302, Y: 400},    // beside a picture
		{Text: "ARCHIVE COPY 1234", X0: 580, X1: 590, Y: 300}, // in the right margin
		{Text: "PRINTED 2021", X0: 200, X1: 206, Y: 40},       // under the text
	}}
	want := []Removal{
		{Kind: RemovedCaption, Text: "PHOTO: ANN LEE"},
		{Kind: RemovedRunningHead, Text: "ARCHIVE COPY 1234"},
		{Kind: RemovedRunningHead, Text: "PRINTED 2021"},
	}
	if got := turnedRemovals([]pdftext.Page{page, {}}); !reflect.DeepEqual(got, want) {
		t.Errorf("turnedRemovals = %+v, want %+v", got, want)
	}
	if got := turnedRemovals([]pdftext.Page{{Turned: []pdftext.Line{{Text: "X"}}}}); len(got) != 1 || got[0].Kind != RemovedRunningHead {
		t.Errorf("a page without lines: %+v", got)
	}
}
