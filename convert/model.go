// Package convert reads newspaper clippings (text copied from e-paper sites
// or the web, database exports: LexisNexis, Nexis Uni, Factiva, APA; PDFs)
// into one article model.
//
// Input goes through four stages, each forgiving:
//
//	bytes -> input format sniffed by content (inputs.go): text is decoded
//	         (BOM, UTF-16, Windows-1252, mojibake); PDF, DOCX, RTF and HTML
//	         are read by their packages under internal/ -> lines or blocks
//	lines -> layout detector (a fixed table, see layouts.go) -> raw articles
//	raw article -> normalizer (header, bylines, credits, artifacts, body)
//	-> *Document
//
// Readers never fail on odd text: anything that is not recognised becomes
// paragraphs. Text input fails only when there is no text at all (ErrEmpty)
// or the bytes are not text (ErrBinary); PDF input also when it is
// encrypted beyond reach (ErrEncrypted), has no text layer (ErrNoTextLayer),
// holds only text without a Unicode map (ErrUnmappable) or is damaged beyond
// repair (ErrDamaged). Nothing is dropped silently: every rule that removes
// text records it in Article.Removed, and every guess that may be wrong adds
// a warning.
package convert

import (
	"errors"
	"fmt"
)

// A Document is everything read from one input: its articles in reading
// order. Articles is never empty for a document returned without error.
type Document struct {
	Source   Source
	Articles []*Article
	Warnings []Warning // problems that concern the whole input
}

// Source names the input a document was read from.
type Source struct {
	File   string // the name given on the command line; "-" for stdin
	Format string // the layout that read it: "pressreader", "lexisnexis", "web", "text"
	SHA256 string // hex digest of the input bytes as read
}

// An Article is one newspaper story, normalized. Empty strings mean "not
// printed"; no field is ever filled in from outside the input.
type Article struct {
	Index       int // position of the article in its document, from 0
	Publication string
	Kicker      string // the small line above a headline ("ANALYSIS")
	Headline    string
	Subheadline string // the standfirst or deck
	Section     string
	Page        string // a label as printed: "3", "A3"
	Edition     string
	Date        Date
	Dateline    string // the place line opening the body: "BEIJING"
	Language    string // BCP 47 tag: "en"
	Country     string // as printed: "China"
	Authors     []Person
	Credits     []Credit
	Contacts    []string
	Body        []Block // in reading order; never holds the headline
	WordCount   int     // words in Body, counted by the reader
	PullQuotes  []string
	Removed     []Removal
	Warnings    []Warning
	Line        int // 1-based line of the input where the article starts
	// VendorID is the database's own identifier of the document, so a
	// researcher can trace it back: Factiva's "Document NYTF0000...", a
	// Nexis document number ("3 of 262"). Empty for clippings.
	VendorID string
	// LoadDate is when a database loaded the document ("Load-Date: May 5,
	// 2019"); it is not the publication date.
	LoadDate Date
}

// Date is a calendar date as printed: Year, and Month and Day when printed
// (zero when not). Raw keeps the printed form.
type Date struct {
	Year, Month, Day int
	Raw              string
}

// IsZero reports whether no date was found.
func (d Date) IsZero() bool { return d.Year == 0 }

// ISO returns the date as YYYY-MM-DD, YYYY-MM or YYYY, or "" when absent.
func (d Date) ISO() string {
	var buf [10]byte
	return string(d.AppendISO(buf[:0]))
}

// AppendISO appends d.ISO() to b: the digits are written here for years
// 1-9999 and two-digit months and days, with fmt otherwise.
func (d Date) AppendISO(b []byte) []byte {
	switch {
	case d.Year == 0:
		return b
	case d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99:
		return append(b, d.isoByFmt()...)
	}
	b = append(b, byte('0'+d.Year/1000), byte('0'+d.Year/100%10), byte('0'+d.Year/10%10), byte('0'+d.Year%10))
	if d.Month != 0 {
		b = append(b, '-', byte('0'+d.Month/10), byte('0'+d.Month%10))
		if d.Day != 0 {
			b = append(b, '-', byte('0'+d.Day/10), byte('0'+d.Day%10))
		}
	}
	return b
}

// isoByFmt is ISO written with fmt, for any field values.
func (d Date) isoByFmt() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// A Person is one author from a byline. Name is empty for an agency-only or
// role-only byline ("Staff Reporter"); Raw keeps the byline as printed.
type Person struct {
	Name   string // "Trevor Kavanagh"
	Title  string // "Staff Writer"
	Agency string // "Reuters"
	Raw    string
}

// A Credit is a contribution other than authorship.
type Credit struct {
	Name string
	Role string // one of the Role* constants
	Raw  string
}

// Credit roles.
const (
	RoleCopyeditor   = "copyeditor"
	RoleEditor       = "editor"
	RoleTranslator   = "translator"
	RolePhotographer = "photographer"
	RoleIllustrator  = "illustrator"
	RoleContributor  = "contributor"
)

// A Removal records text a rule took out of an article.
type Removal struct {
	Kind string // one of the Removed* constants
	Text string
}

// Kinds of removed text.
const (
	RemovedFooter      = "footer"       // "Newspapers in English"
	RemovedPlaceholder = "placeholder"  // " ??  ?? " image placeholders
	RemovedByline      = "byline"       // the byline line, parsed into Authors
	RemovedCredit      = "credit"       // "Copyedited by ...", parsed into Credits
	RemovedContact     = "contact"      // "Comments to x@y", parsed into Contacts
	RemovedPullQuote   = "pullquote"    // moved to PullQuotes
	RemovedField       = "field"        // "LENGTH: 355 words"
	RemovedCopyright   = "copyright"    // "Copyright 2010 ... All Rights Reserved"
	RemovedCover       = "cover"        // an export's cover page
	RemovedCaption     = "caption"      // "GRAPHIC: ..."
	RemovedContinued   = "continued"    // "Continued on page 4"
	RemovedDocMarker   = "marker"       // "1 of 10 DOCUMENTS"
	RemovedMasthead    = "masthead"     // a repeated publication line
	RemovedHeader      = "header-field" // header lines parsed into fields
	RemovedRunningHead = "running-head" // a PDF page's running head, foot or number
	RemovedFurniture   = "furniture"    // web page furniture: a tag line, share buttons
	RemovedURL         = "url"          // a web address printed by a browser or beside a link
	RemovedIndex       = "index"        // a compilation's index line: "Quay plan put off (Courier) .... 2"
)

// A Warning is a doubt the reader had, where it arose: on a line of the
// text read (Line, 1-based) or, for a PDF, on a page (Page, 1-based); 0
// when not known. At most one of the two is set.
type Warning struct {
	Line int
	Page int
	Msg  string
}

// String gives the warning as users see it: "line 12: msg", "page 3:
// msg" or "msg".
func (w Warning) String() string {
	switch {
	case w.Line > 0:
		return fmt.Sprintf("line %d: %s", w.Line, w.Msg)
	case w.Page > 0:
		return fmt.Sprintf("page %d: %s", w.Page, w.Msg)
	}
	return w.Msg
}

// A Block is one element of an article's body. It is sealed: the
// implementations are *Paragraph, *Heading, *Quote and *ListItem, and a
// type switch over them is complete.
type Block interface {
	// Text returns the block's text: one line, never empty.
	Text() string
	block()
}

// A Paragraph is running text, unwrapped into one line.
type Paragraph struct{ Content string }

// A Heading is a crosshead inside the body ("Consent").
type Heading struct{ Content string }

// A Quote is a block quotation.
type Quote struct{ Content string }

// A ListItem is one item of a bulleted or numbered list.
type ListItem struct{ Content string }

func (b *Paragraph) Text() string { return b.Content }
func (b *Heading) Text() string   { return b.Content }
func (b *Quote) Text() string     { return b.Content }
func (b *ListItem) Text() string  { return b.Content }
func (*Paragraph) block()         {}
func (*Heading) block()           {}
func (*Quote) block()             {}
func (*ListItem) block()          {}

// Sentinel errors, to be tested with errors.Is.
var (
	ErrEmpty  = errors.New("empty input: no text found")
	ErrBinary = errors.New("not text")
)

// An Error is a failure to read an input, with its position when known.
type Error struct {
	File string
	Line int // 1-based; 0 when not known
	Page int // 1-based; 0 when not known
	Err  error
}

func (e *Error) Error() string {
	file := QuoteName(e.File)
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", file, e.Line, e.Err)
	case e.Page > 0:
		return fmt.Sprintf("%s: page %d: %v", file, e.Page, e.Err)
	}
	return fmt.Sprintf("%s: %v", file, e.Err)
}

// QuoteName returns a file name as is, or quoted in Go syntax when it holds
// control characters: a newline in a name must not break the one line an
// error takes.
func QuoteName(name string) string {
	for _, r := range name {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 {
			return fmt.Sprintf("%q", name)
		}
	}
	return name
}

func (e *Error) Unwrap() error { return e.Err }
