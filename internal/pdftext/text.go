package pdftext

import (
	"errors"
	"fmt"
)

// Text is what Extract reads from a PDF: the lines of each page in reading
// order, with running heads already removed.
type Text struct {
	PageCount    int       // pages read (including pages that failed)
	Pages        []Page    // the pages that could be read, in order
	RunningHeads []string  // lines removed at page edges, in page order
	Warnings     []Warning // what was repaired, skipped or left out
	// Title is the document's title from its information dictionary
	// (/Info /Title), spaces trimmed; "" when it has none. Browsers set
	// it to the printed page's title ("Article | Site").
	Title string
	// Creator and Producer name the programs that made the document
	// (/Info /Creator and /Producer, spaces trimmed; "" when absent):
	// "Mozilla/5.0 ... Chrome/54.0", "Skia/PDF m54".
	Creator, Producer string
}

// A Page is the layout of one page.
type Page struct {
	Number      int     // 1-based
	Bottom, Top float64 // vertical extent of the page box, in points
	Lines       []Line  // in reading order
	Heads       []Line  // running heads, feet and page numbers removed from Lines
	// Turned holds the text drawn in another direction than the page's
	// own (a photo credit up the side of a picture), each line read in
	// its own direction; X0, X1 and Y give the left, right and bottom
	// edges of its box on the page. It is not in Lines.
	Turned []Line
	Glyphs int // characters drawn
	Images int // images drawn
	// Unmapped names a character collection ("Adobe-Japan1") whose codes
	// were drawn without a Unicode map and left out; "" otherwise.
	Unmapped string
}

// A Line is one line of text in a block, words joined by single spaces.
type Line struct {
	Text    string
	X0, X1  float64 // left and right edge, in points
	Y       float64 // baseline, in points from the bottom of the page
	Size    float64 // font size of its largest word, in points
	BlockX0 float64 // left edge of the line's block, in points
	BlockX1 float64 // right edge of the line's block, in points
	Bold    bool    // every word in a bold face (or drawn as fill+stroke)
	// BlockStart is set on the first line of its block. (The two flags
	// come last, side by side: a Line takes 72 bytes, not 80.)
	BlockStart bool
}

// A Warning says what was repaired or left out; Page is 1-based, 0 for
// the whole file.
type Warning struct {
	Page int
	Msg  string
}

// Kinds of failure, wrapped by *Error.
var (
	ErrEncrypted   = errors.New("encrypted")
	ErrNoTextLayer = errors.New("no text layer (scanned page?): run OCR first, e.g. ocrmypdf")
	ErrDamaged     = errors.New("damaged PDF")
	ErrUnmappable  = errors.New("unreadable text")
	// ErrTimeout and ErrMemory are reported by supervisors that run
	// Extract under a time or memory limit.
	ErrTimeout = errors.New("time limit reached")
	ErrMemory  = errors.New("memory limit reached")
)

// An Error is a failure to read a PDF, on a page when known.
type Error struct {
	Page int // 1-based; 0 for the whole file
	Err  error
}

func (e *Error) Error() string {
	if e.Page > 0 {
		return fmt.Sprintf("page %d: %v", e.Page, e.Err)
	}
	return e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }
