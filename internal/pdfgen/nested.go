package pdfgen

import (
	"fmt"
	"strings"
)

// Nested writes a hostile PDF of pages pages, each drawing a form XObject
// that draws the next fanout times, levels deep, the last one a line of
// text: fanout^levels drawings of that line per page (16^8 is four
// billion), which no reader finishes. Readers must bound their work.
func Nested(pages, levels, fanout int) []byte {
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
	next := add(stream(fmt.Sprintf("BT /F1 12 Tf 72 700 Td %s Tj ET", Literal("Hello"))))
	objs[next-1] = form(objs[next-1], fmt.Sprintf("/Font << /F1 %d 0 R >>", font))
	for range levels {
		draws := strings.Repeat("/X Do ", fanout)
		next = add(form(stream(draws), fmt.Sprintf("/XObject << /X %d 0 R >>", next)))
	}
	contents := make([]string, pages)
	for i := range contents {
		contents[i] = "/X Do"
	}
	return assembleResources(objs, contents, fmt.Sprintf("/XObject << /X %d 0 R >>", next))
}

// form turns a stream object (as stream writes it) into a form XObject
// with the given resource dictionary entries.
func form(streamObj, resources string) string {
	return strings.Replace(streamObj, "<<", fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << %s >>", resources), 1)
}
