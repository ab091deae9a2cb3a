// Package pdftext reads the text of a PDF as positioned lines in reading
// order. It knows typography, not newspapers: it finds words, lines,
// blocks, columns, paragraphs and running heads, and leaves headlines and
// bylines to its caller.
//
// Extract is the entry point:
//
//	t, err := pdftext.Extract(data, pdftext.Options{})
//	for _, p := range t.Paragraphs() { ... p[0].Text, p[0].Size ... }
//
// ExtractPages reads the same way but hands each page on as soon as it is
// laid out and keeps none (newsclip/internal/pdfchild streams them to its
// parent); Text.Finish then removes the running heads. Pages that prove
// slow to read are read by several goroutines at once and handed on in
// page order (pages.go); the text does not depend on it.
//
// Reading goes through four stages, one file each:
//
//   - repair.go opens the file with github.com/ledongthuc/pdf (objects,
//     streams, fonts, encodings, decryption), repairing what pdftotext
//     would accept: junk before the header, odd versions, bytes after the
//     last %%EOF, a damaged cross-reference table (rebuilt from the "N G
//     obj" markers), an encrypted file without /ID; objstm.go unpacks
//     object streams once, which the library inflates again for every
//     object it reads out of one, with the table xrefstream.go reads.
//   - interp.go interprets each page's content stream (and the form
//     XObjects it draws) into glyphs in user space, in points, resolving
//     the objects pages share (page tree nodes, fonts, form XObjects) once
//     per document (objcache.go: the library keeps no cache);
//     fonts.go reads what it needs of each font once per document:
//     widths (a CIDFont's from its bytes where it can, cidwidths.go; for
//     the standard 14 fonts used without /Widths, std14.go reads the
//     table std14.txt, generated from AFM files), encodings,
//     ToUnicode maps the library skips (cmap.go), and the cmap of an
//     embedded TrueType font drawn by glyph ids without one.
//   - layout.go joins glyphs into words and lines, joins drop caps to
//     their lines, cuts the page into blocks by recursive XY cuts through
//     whitespace (columns left to right, bands top to bottom; gutters
//     measured against the page's own word spacing) and turns landscape
//     pages upright; text drawn in another direction than the page's own
//     (rotated.go) is read in its own direction into Page.Turned.
//   - paragraphs.go removes running heads, page numbers and a browser's
//     print header and footer at page edges (kept in Page.Heads) and
//     groups lines into paragraphs by type size, weight, indents, line
//     ends and blank lines.
//
// Units: every position and size is in PDF points (1/72 in), x growing to
// the right and y growing up the page, as on the page the PDF describes
// (after the page's own transformations). Font sizes are the size the
// glyphs are drawn at, in points.
//
// Errors are *Error values naming the page (1-based, 0 for the whole
// file) and wrapping one of ErrEncrypted, ErrNoTextLayer, ErrDamaged,
// ErrUnmappable; callers that bound time or memory (see
// newsclip/internal/pdfchild) report ErrTimeout and ErrMemory. Extract
// never panics: a panic inside the PDF library becomes ErrDamaged. Damage
// on one page after some text keeps the text and adds a Warning.
package pdftext

//go:generate go run std14_gen.go

// BUG(pdf): Type0 fonts are read as two bytes per code; Type3 glyph widths
// are estimated; vertical writing is read as horizontal.
//
// BUG(pdf): AES-256 encryption (V5, R5/R6) is not supported by the PDF
// library; such files fail with ErrEncrypted naming the algorithm.
//
// BUG(pdf): 40-bit RC4 encryption (V1) is refused with ErrEncrypted: the
// PDF library uses all 16 bytes of each object's MD5 key where the
// standard takes the first n+5 (10 for a 40-bit key), so such files open
// but decrypt to garbage. 128-bit RC4 (V2) and AES-128 (V4) are read.
