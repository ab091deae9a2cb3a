package convert

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"

	"github.com/ledongthuc/pdf"
)

// PDFText is what the PDF reader extracts: the text in reading order as
// lines, with blank lines between paragraphs, what layout analysis removed
// (running heads, page numbers) and warnings. It is what a child process
// hands back to the parent (see the CLI), so it holds only plain data.
type PDFText struct {
	Lines    []string
	Removed  []Removal
	Warnings []Warning
	Pages    int
	// DisplayLead counts the groups of display type opening the text:
	// 1 means it starts with the headline, 2 or more with masthead and
	// headline (and perhaps a standfirst in display type).
	DisplayLead int
}

// maxPageOps bounds the drawing operators read on one page.
const maxPageOps = 5_000_000

// ExtractPDF reads the text of a PDF in reading order. It never panics:
// a panic inside the PDF library becomes ErrDamaged, with the page when
// known. A file without any text gets ErrNoTextLayer.
func ExtractPDF(data []byte, opts PDFOptions) (t *PDFText, err error) {
	return extractFrom(data, opts)
}

func extractFrom(data []byte, opts PDFOptions) (t *PDFText, err error) {
	page := 0
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, &Error{Page: page, Err: fmt.Errorf("%w: %v", ErrDamaged, p)}
		}
	}()
	r, warns, err := openPDF(data, opts.Password)
	if err != nil {
		return nil, &Error{Err: err}
	}
	t = &PDFText{}
	for _, w := range warns {
		t.Warnings = append(t.Warnings, Warning{Msg: w})
	}
	pageList := pdfPages(r)
	n := len(pageList)
	limit := opts.MaxPages
	if limit <= 0 {
		limit = 2000
	}
	if n > limit {
		t.Warnings = append(t.Warnings, Warning{Msg: fmt.Sprintf("read the first %d of %d pages", limit, n)})
		n = limit
	}
	var pages []pdfPage
	fonts := map[string]*pdfFont{} // shared by the pages
	glyphs, images, failed := 0, 0, 0
	var firstErr error
	for page = 1; page <= n; page++ {
		if opts.OnPage != nil {
			opts.OnPage(page)
		}
		p, err := readPage(pageList[page-1], fonts)
		if err != nil && p.glyphs > 0 {
			// Damage after some text: keep what was read.
			t.Warnings = append(t.Warnings, pageWarning(page, "%v (text before the damage kept)", err))
			err = nil
		}
		if err != nil {
			failed++
			if firstErr == nil {
				firstErr = &Error{Page: page, Err: err}
			}
			t.Warnings = append(t.Warnings, pageWarning(page, "%v", err))
			continue
		}
		glyphs += p.glyphs
		images += p.images
		if p.unmapped != "" && p.glyphs > 0 {
			t.Warnings = append(t.Warnings, pageWarning(page, "text in %s character codes without a Unicode map was left out", p.unmapped))
		}
		pages = append(pages, p)
	}
	page = 0
	t.Pages = n
	if failed == n && firstErr != nil {
		// Every page failed: the table may point into the wrong places.
		// Read again through a table rebuilt from the objects themselves.
		if rebuilt, err := rebuildXref(repairPDF(data)); err == nil && !opts.rebuilt {
			o := opts
			o.rebuilt = true
			if t2, err := extractFrom(rebuilt, o); err == nil {
				t2.Warnings = append(t2.Warnings, Warning{Msg: "rebuilt the damaged cross-reference table"})
				return t2, nil
			}
		}
		return nil, firstErr
	}
	if glyphs == 0 {
		for i, p := range pages {
			if p.unmapped != "" {
				return nil, &Error{Page: i + 1, Err: fmt.Errorf("%w: its text uses %s character codes without a Unicode map", ErrUnmappable, p.unmapped)}
			}
		}
		return nil, &Error{Page: 1, Err: ErrNoTextLayer}
	}
	t.Lines, t.Removed, t.DisplayLead = pdfTextLines(pages)
	return t, nil
}

// readPage lays out one page, turning a library panic into an error.
func readPage(pg pdf.Page, fonts map[string]*pdfFont) (p pdfPage, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("%w: %v", ErrDamaged, x)
		}
	}()
	if pg.V.IsNull() {
		return p, fmt.Errorf("%w: page not found", ErrDamaged)
	}
	y0, y1 := 0.0, 792.0
	if box := inherited(pg.V, "MediaBox"); box.Len() == 4 {
		y0, y1 = math.Min(box.Index(1).Float64(), box.Index(3).Float64()), math.Max(box.Index(1).Float64(), box.Index(3).Float64())
	}
	in, err := pageGlyphs(pg, maxPageOps, fonts)
	p = layoutPage(in.glyphs, y0, y1)
	p.images, p.unmapped = in.images, in.unmapped
	return p, err
}

// FromPDFText reads extracted PDF text into a Document, through the same
// layout detectors and normalizer as text input.
func FromPDFText(name string, data []byte, t *PDFText) (*Document, error) {
	sum := sha256.Sum256(data)
	doc := &Document{Source: Source{File: name, Format: "pdf", SHA256: hex.EncodeToString(sum[:])}}
	doc.Warnings = append(doc.Warnings, t.Warnings...)
	// Type sizes say what the text alone cannot: whether the first line is
	// a masthead or the headline. A PDF's format is "pdf" whatever it reads as.
	switch {
	case t.DisplayLead >= 1:
		a := readClipping(t.Lines, t.DisplayLead >= 2)
		if a.Headline != "" || len(a.Body) > 0 {
			doc.Articles = append(doc.Articles, a)
		}
	default:
		readLayouts(doc, t.Lines, false)
	}
	if len(doc.Articles) == 0 {
		return nil, &Error{File: name, Err: ErrNoTextLayer}
	}
	doc.Articles[0].Removed = append(t.Removed, doc.Articles[0].Removed...)
	return doc, nil
}

// convertPDF is Convert for PDF input, in this process.
func convertPDF(name string, data []byte) (*Document, error) {
	t, err := ExtractPDF(data, PDFOptions{})
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.File = name
			return nil, e
		}
		return nil, &Error{File: name, Err: err}
	}
	return FromPDFText(name, data, t)
}

// inherited looks a page attribute up the page tree (at most 32 levels: a
// cycle in the tree must not hang us).
func inherited(v pdf.Value, key string) pdf.Value {
	for i := 0; i < 32 && !v.IsNull(); i++ {
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// pdfPages lists the pages in order by one walk of the page tree (the
// library's Page(n) walks it from the root for every page). The walk stops
// at 32 levels and 100,000 pages, so a cycle in the tree cannot hang it.
func pdfPages(r *pdf.Reader) []pdf.Page {
	var out []pdf.Page
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		if depth > 32 || len(out) >= 100000 || v.IsNull() {
			return
		}
		switch v.Key("Type").Name() {
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len() && len(out) < 100000; i++ {
				walk(kids.Index(i), depth+1)
			}
		default:
			out = append(out, pdf.Page{V: v})
		}
	}
	func() {
		defer func() { recover() }()
		walk(r.Trailer().Key("Root").Key("Pages"), 0)
	}()
	if len(out) == 0 {
		// Fall back on the library's own walk.
		func() {
			defer func() { recover() }()
			for i := 1; i <= r.NumPage() && i <= 100000; i++ {
				out = append(out, r.Page(i))
			}
		}()
	}
	return out
}
