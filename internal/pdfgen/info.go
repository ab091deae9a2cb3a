package pdfgen

import (
	"bytes"
	"fmt"
	"regexp"
)

// trailerRE reads the size and root of the trailer assemble writes.
var trailerRE = regexp.MustCompile(`trailer\n<< /Size (\d+) /Root (\d+) 0 R >>\nstartxref\n(\d+)\n`)

// WithTitle returns pdf (as Build or BuildRaw writes it) with an
// information dictionary whose /Title is title (Latin-1; other characters
// are left out), added as an incremental update: a new object, a
// cross-reference section for it and a trailer pointing back at the
// first. It returns pdf unchanged when its trailer is not one of ours.
func WithTitle(pdf []byte, title string) []byte {
	m := trailerRE.FindSubmatch(pdf)
	if m == nil {
		return pdf
	}
	var size, root, prev int
	fmt.Sscan(string(m[1]), &size)
	fmt.Sscan(string(m[2]), &root)
	fmt.Sscan(string(m[3]), &prev)
	var b bytes.Buffer
	b.Write(pdf)
	off := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n<< /Title %s >>\nendobj\n", size, Literal(title))
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n%d 1\n%010d 00000 n\r\n", size, off)
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", size+1, root, size, prev, xref)
	return b.Bytes()
}
