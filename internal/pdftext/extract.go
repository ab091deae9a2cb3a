package pdftext

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/ledongthuc/pdf"
)

// Options configure Extract. The zero value tries the empty password and
// reads up to 2000 pages.
type Options struct {
	Password string // user password for encrypted files
	MaxPages int    // pages read at most; 0 means 2000
	// OnPage, when set, is called for each page (1-based) in page order
	// before the page is waited for, so that a supervisor can tell which
	// page a hang happened on.
	OnPage func(page int)
	// OnPages, when set, is called once with the number of pages to be
	// read (MaxPages at most), before the first page is.
	OnPages func(pages int)
	// Workers is how many pages are read at once, each by its own
	// goroutine; 0 means one per core (GOMAXPROCS), at most maxWorkers.
	// The text is the same for any count; more workers take more memory
	// (a few pages and one copy of the fonts each) and some CPU time.
	Workers int

	rebuilt bool // reading through a rebuilt cross-reference table
}

// maxPageOps bounds the drawing operators read on one page.
const maxPageOps = 5_000_000

// IsPDF reports whether data is a PDF: "%PDF-" within its first 1024 bytes
// (pdftotext tolerates junk before the header, and so do we).
func IsPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// Extract reads the text of a PDF in reading order. It never panics: a
// panic inside the PDF library becomes ErrDamaged, with the page when
// known. A file without any text gets ErrNoTextLayer; one whose only text
// is in codes without a Unicode map, ErrUnmappable. Errors are *Error.
func Extract(data []byte, opts Options) (*Text, error) {
	var pages []Page
	t, err := ExtractPages(data, opts, func(p Page) { pages = append(pages, p) })
	if err != nil {
		return nil, err
	}
	t.Pages = pages
	t.Finish()
	return t, nil
}

// ExtractPages reads a PDF as Extract does, streaming it: each page that
// could be read goes to emit, in page order, as soon as it and the pages
// before it are laid out, and is not kept, so memory holds a few pages
// (one, unless several goroutines read them, see readPages), not the
// document. emit and opts.OnPage are called one at a time, but not always
// on the caller's goroutine. The Text it returns has no pages: the caller
// collects what emit got into Pages, then calls Finish. On error the
// emitted pages are void.
func ExtractPages(data []byte, opts Options, emit func(Page)) (t *Text, err error) {
	page := 0
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, &Error{Page: page, Err: fmt.Errorf("%w: %v", ErrDamaged, p)}
		}
	}()
	r, doc, warns, err := openPDF(data, opts.Password)
	if err != nil {
		return nil, &Error{Err: err}
	}
	info := r.Trailer().Key("Info") // resolved once for the three entries
	t = &Text{Title: infoText(info, "Title"), Creator: infoText(info, "Creator"), Producer: infoText(info, "Producer")}
	for _, w := range warns {
		t.Warnings = append(t.Warnings, Warning{Msg: w})
	}
	pageList := pdfPages(r, doc.objs)
	n := len(pageList)
	limit := opts.MaxPages
	if limit <= 0 {
		limit = 2000
	}
	if n > limit {
		t.Warnings = append(t.Warnings, Warning{Msg: fmt.Sprintf("read the first %d of %d pages", limit, n)})
		n = limit
	}
	if opts.OnPages != nil {
		opts.OnPages(n)
	}
	rd := pageReader{doc: doc, glyphs: getGlyphs()} // objects and fonts shared by the pages
	var readers []*pageReader                       // the other workers', made by more
	defer func() {
		rd.release()
		for _, r := range readers {
			r.release()
		}
	}()
	glyphs, failed, emitted := 0, 0, 0
	unmappedAt, unmapped := 0, "" // the first emitted page with unmapped codes
	var firstErr error
	// Each page's dictionary is let go once read: held for the whole
	// document, they were a quarter of the live heap at a 1,000-page
	// document's 900th page (0.75 of 5.2 MB, in-process after a collection).
	readAt := func(r *pageReader, page int) (Page, error) {
		pg := pageList[page-1]
		pageList[page-1] = pdf.Page{} // each page is read once, by one reader
		return r.read(pg)
	}
	first := func(page int) (Page, error) { return readAt(&rd, page) }
	more := func() reader {
		r := &pageReader{doc: doc.forWorker(), glyphs: getGlyphs()}
		readers = append(readers, r) // readPages calls more before the workers start
		return func(page int) (Page, error) { return readAt(r, page) }
	}
	var onPage func(int)
	if opts.OnPage != nil {
		onPage = func(pg int) {
			page = pg // a panic in OnPage names the page
			opts.OnPage(pg)
		}
	}
	readPages(n, workerCount(opts, n), first, more, onPage, func(pg int, p Page, err error) {
		page = pg
		p.Number = page
		if err != nil && p.Glyphs > 0 {
			// Damage after some text: keep what was read.
			t.Warnings = append(t.Warnings, Warning{page, fmt.Sprintf("%v (text before the damage kept)", err)})
			err = nil
		}
		if err != nil {
			failed++
			if firstErr == nil {
				firstErr = &Error{Page: page, Err: err}
			}
			t.Warnings = append(t.Warnings, Warning{page, err.Error()})
			return
		}
		glyphs += p.Glyphs
		if p.Unmapped != "" && p.Glyphs > 0 {
			t.Warnings = append(t.Warnings, Warning{page, fmt.Sprintf("text in %s character codes without a Unicode map was left out", p.Unmapped)})
		}
		emitted++
		if p.Unmapped != "" && unmappedAt == 0 {
			unmappedAt, unmapped = emitted, p.Unmapped
		}
		emit(p)
	})
	page = 0
	t.PageCount = n
	if failed == n && firstErr != nil {
		return retryRebuilt(data, opts, firstErr, emit)
	}
	if glyphs == 0 {
		if unmappedAt > 0 {
			return nil, &Error{Page: unmappedAt, Err: fmt.Errorf("%w: its text uses %s character codes without a Unicode map", ErrUnmappable, unmapped)}
		}
		return nil, &Error{Page: 1, Err: ErrNoTextLayer}
	}
	return t, nil
}

// Finish removes the running heads from t's pages (see
// removeRunningHeads) once they are all in: Extract calls it, and so
// must a caller of ExtractPages.
func (t *Text) Finish() { t.RunningHeads = removeRunningHeads(t.Pages) }

// retryRebuilt reads again, once, through a cross-reference table rebuilt
// from the objects themselves, when every page failed: the table may point
// into the wrong places. It returns firstErr when that fails too.
func retryRebuilt(data []byte, opts Options, firstErr error, emit func(Page)) (*Text, error) {
	if rebuilt, err := rebuildXref(repairPDF(data)); err == nil && !opts.rebuilt {
		o := opts
		o.rebuilt = true
		if t2, err := ExtractPages(rebuilt, o, emit); err == nil {
			t2.Warnings = append(t2.Warnings, Warning{Msg: "rebuilt the damaged cross-reference table"})
			return t2, nil
		}
	}
	return nil, firstErr
}

// A pageReader reads the pages of one document: the objects and fonts
// they share, and the glyph buffer and XY cut each page reuses once the
// last is laid out.
type pageReader struct {
	doc    *docCache
	glyphs []glyph // the page's glyphs, the buffer reused page after page
	used   int     // the most glyphs a page has had in glyphs
	cut    cutter  // the XY cut's buffers, reused page after page
}

// glyphBuffers holds glyph buffers between documents (*[]glyph), so that
// a process that reads many (a batch's PDF child) allocates one per page
// reader at most once.
var glyphBuffers sync.Pool

// getGlyphs returns an empty glyph buffer of firstGlyphs or more.
func getGlyphs() []glyph {
	if b, ok := glyphBuffers.Get().(*[]glyph); ok {
		return (*b)[:0]
	}
	return make([]glyph, 0, firstGlyphs)
}

// release gives the reader's glyph buffer back for the next document,
// unless it is larger than maxPooledGlyphs, cleared of the strings it
// held, which would otherwise keep this document's text alive.
func (rd *pageReader) release() {
	gs := rd.glyphs[:rd.used]
	rd.glyphs = nil
	if cap(gs) > maxPooledGlyphs {
		return // one huge page's buffer is not kept for the documents after
	}
	clear(gs)
	glyphBuffers.Put(&gs)
}

// maxPooledGlyphs is the largest glyph buffer kept for the next document:
// 4 MiB, a page of some 65,000 glyphs.
const maxPooledGlyphs = 4 * firstGlyphs

// A docCache holds what the pages of one document share.
type docCache struct {
	objs *objCache
	// byRef finds a font by its object and the name a resource
	// dictionary gives it.
	byRef map[fontUse]*pdfFont
	// byObj holds each font object loaded, under whichever name (see
	// interp.font).
	byObj   map[ref]*pdfFont
	noReuse bool // byObj unused: each name's font is loaded (tests)
	// first is what openPDF read of the first page's content, until the
	// page that draws it takes it.
	first *firstRead
}

// fontUse is a font object under a resource name.
type fontUse struct {
	obj  ref
	name string
}

func newDocCache() *docCache {
	return &docCache{objs: newObjCache(), byRef: map[fontUse]*pdfFont{}, byObj: map[ref]*pdfFont{}}
}

// read lays out one page, turning a library panic into an error.
func (rd *pageReader) read(pg pdf.Page) (p Page, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("%w: %v", ErrDamaged, x)
		}
	}()
	if pg.V.IsNull() {
		return p, fmt.Errorf("%w: page not found", ErrDamaged)
	}
	y0, y1 := 0.0, 792.0
	if box := rd.doc.objs.inherited(pg.V, "MediaBox", 32); box.Len() == 4 {
		y0, y1 = math.Min(box.Index(1).Float64(), box.Index(3).Float64()), math.Max(box.Index(1).Float64(), box.Index(3).Float64())
	}
	in, err := pageGlyphs(pg, maxPageOps, rd.doc, rd.glyphs[:0])
	rd.glyphs = in.glyphs // no line keeps a reference to the glyphs
	rd.used = max(rd.used, len(in.glyphs))
	p = layoutPage(in.glyphs, y0, y1, &rd.cut)
	p.Images, p.Unmapped = in.images, in.unmapped
	return p, err
}

// inherited looks a page attribute up the page tree, at most levels
// levels (a cycle in the tree must not hang us), each node resolved once
// per document.
func (c *objCache) inherited(v pdf.Value, key string, levels int) pdf.Value {
	for i := 0; i < levels && !v.IsNull(); i++ {
		if r := c.key(v, key); !r.IsNull() {
			return r
		}
		v = c.key(v, "Parent")
	}
	return pdf.Value{}
}

// pdfPages lists the pages in order by one walk of the page tree (the
// library's Page(n) walks it from the root for every page), its objects
// read through c. The walk stops at 32 levels and 100,000 pages, so a
// cycle in the tree cannot hang it.
func pdfPages(r *pdf.Reader, c *objCache) []pdf.Page {
	var out []pdf.Page
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		if depth > 32 || len(out) >= 100000 || v.IsNull() {
			return
		}
		switch c.key(v, "Type").Name() {
		case "Pages":
			kids := c.key(v, "Kids")
			for i := 0; i < kids.Len() && len(out) < 100000; i++ {
				walk(c.index(kids, i, false), depth+1)
			}
		default:
			out = append(out, pdf.Page{V: v})
		}
	}
	func() {
		defer func() { recover() }()
		walk(c.key(c.key(r.Trailer(), "Root"), "Pages"), 0)
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

// maxTitle bounds an information dictionary entry kept, in bytes.
const maxTitle = 1000

// infoText returns the entry key of the information dictionary info
// ("Title", "Creator") with its white space collapsed, at most maxTitle
// bytes; "" when there is none.
func infoText(info pdf.Value, key string) string {
	t := strings.Join(strings.Fields(info.Key(key).Text()), " ")
	if len(t) > maxTitle {
		t = strings.ToValidUTF8(t[:maxTitle], "")
	}
	return t
}

// firstGlyphs is the capacity of the glyph buffer a page reader starts
// with (later pages, and the next document's, reuse it): a browser's print
// draws 1,000 to 2,500 glyphs a page, a newspaper page 5,000 to 10,000, a
// scanned page with its OCR text up to 15,000. Growing the buffer from
// nothing copied it a dozen times, a tenth of reading a one-page file;
// from 4,096 glyphs (256 KiB), a newspaper page still grew it once, into
// fresh memory: the copy's page faults took 5% of a one-page run's CPU
// samples. 16,384 glyphs take 1 MiB of address space, of which only the
// pages a document's glyphs reach are touched (the runtime hands out
// fresh memory already zeroed); a longer page doubles it (see
// appendGlyph).
const firstGlyphs = 16384
