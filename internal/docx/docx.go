// Package docx reads the text of a Word (Office Open XML) document: the
// paragraphs of word/document.xml in reading order, with tabs, line breaks,
// hyperlink text and tables flattened to text, and a few style hints per
// paragraph (bold, heading level). It knows nothing of what the text means.
//
// The archive is untrusted: every entry is read through a cap on the bytes
// it inflates to (Limits), so a small zip that would inflate to gigabytes is
// refused after reading at most the cap, and a declared size over the cap is
// refused before reading anything. Read never panics.
package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The main document part. Word and every exporter we know write it here;
// its name is fixed by convention rather than by the package relationships.
const documentPart = "word/document.xml"

// A Paragraph is one paragraph of the document body, or one row of a table.
type Paragraph struct {
	// Text is the paragraph's text: runs joined as written, "\t" for a tab
	// (and between the cells of a table row), "\n" for a line, page or
	// column break. It is never trimmed; it may be empty.
	Text string
	// Style is the paragraph style's display name from word/styles.xml
	// ("heading 1", "Title"), else its id, else "".
	Style string
	// Heading is the outline level 1-9 the paragraph or its style gives
	// (a "heading N" or "Title" style counts as level N or 1); 0 for body
	// text.
	Heading int
	// Bold is set when every letter or digit of Text is set in bold, by the
	// run, its character style or the paragraph style.
	Bold bool
	// Align is the paragraph's alignment as written (w:jc): "center",
	// "right", "both" (justified), "left", or "" when not set.
	Align string
	// List marks an item of a numbered or bulleted list (its number or
	// bullet is drawn by Word and is not in Text).
	List bool
	// InTable marks a paragraph made from a table row.
	InTable bool
}

// A Document is the body text of one .docx file.
type Document struct {
	Paragraphs []Paragraph
	// Warnings name damage that was read around: "word/document.xml: byte
	// 5123: XML syntax error ...; the text after it is lost".
	Warnings []string
}

// Limits bound what Read inflates. Sizes are in bytes of uncompressed data.
type Limits struct {
	Entry int64 // per zip entry (document.xml, styles.xml)
	Total int64 // all entries read together
}

// DefaultLimits allow a document.xml of 256 MiB. Nexis Uni exports take
// about 30 KB of XML a document, so a 500-document export is some 15 MB.
var DefaultLimits = Limits{Entry: 256 << 20, Total: 320 << 20}

// Errors, to be tested with errors.Is. The error returned wraps one of them
// and names the entry and, when known, the byte offset.
var (
	ErrNotDOCX  = errors.New("not a DOCX document (no word/document.xml in a zip archive)")
	ErrTooLarge = errors.New("inflates beyond the size limit (a zip bomb?)")
	ErrDamaged  = errors.New("damaged DOCX document")
)

// IsDOCX reports whether data is a zip archive holding word/document.xml.
// It reads only the archive's directory.
func IsDOCX(data []byte) bool {
	z, err := openZip(data)
	return err == nil && findEntry(z, documentPart) != nil
}

// Read reads data with DefaultLimits.
func Read(data []byte) (*Document, error) { return ReadLimits(data, DefaultLimits) }

// ReadLimits reads the body text of the DOCX document in data. It fails
// when data is not a DOCX document (ErrNotDOCX), an entry inflates beyond
// lim (ErrTooLarge), or document.xml cannot be read at all (ErrDamaged).
// Damage after some text has been read is a warning, not an error.
func ReadLimits(data []byte, lim Limits) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%w: internal error: %v", ErrDamaged, r)
		}
	}()
	z, err := openZip(data)
	if err != nil {
		return nil, err
	}
	main := findEntry(z, documentPart)
	if main == nil {
		return nil, ErrNotDOCX
	}
	budget := &budget{left: lim.Total}
	var styles styleSheet
	if s := findEntry(z, "word/styles.xml"); s != nil {
		// Styles are hints: a damaged style sheet is read as far as it goes.
		styles, err = readStyles(s, lim.Entry, budget)
		if errors.Is(err, ErrTooLarge) {
			return nil, err
		}
	}
	return readDocument(main, lim.Entry, budget, styles)
}

func openZip(data []byte) (*zip.Reader, error) {
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, ErrNotDOCX
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDOCX, err)
	}
	return z, nil
}

// findEntry finds an entry by name, ignoring case and a leading slash, as
// some writers differ there.
func findEntry(z *zip.Reader, name string) *zip.File {
	for _, f := range z.File {
		if strings.EqualFold(strings.TrimPrefix(f.Name, "/"), name) {
			return f
		}
	}
	return nil
}

// A budget is the bytes all entries together may still inflate to.
type budget struct{ left int64 }

// open opens an entry for reading through a cap of at most max bytes and
// what is left of the budget. A declared size over the cap is refused at
// once; a declared size under it is not trusted.
func (b *budget) open(f *zip.File, max int64) (*capReader, error) {
	limit := min(max, b.left)
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%s: declares %d bytes: %w (%d bytes)", f.Name, f.UncompressedSize64, ErrTooLarge, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", f.Name, ErrDamaged, err)
	}
	return &capReader{r: rc, c: rc, name: f.Name, left: limit, b: b}, nil
}

// A capReader reads an entry and fails with ErrTooLarge once it has
// yielded its limit and more is left.
type capReader struct {
	r    io.Reader
	c    io.Closer
	name string
	left int64 // bytes it may still yield
	read int64
	b    *budget
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// One byte more tells a file of exactly the limit from a bomb.
		var one [1]byte
		n, err := io.ReadFull(c.r, one[:])
		if n > 0 {
			return 0, fmt.Errorf("%s: %w (more than %d bytes)", c.name, ErrTooLarge, c.read)
		}
		return 0, err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	c.read += int64(n)
	c.b.left -= int64(n)
	return n, err
}

func (c *capReader) Close() error { return c.c.Close() }
