// Package formats writes convert.Documents as Markdown, JSON and JSON Lines.
//
// Writers are strict: they escape everything their format could misread,
// and they are deterministic (the same document gives the same bytes).
package formats

import (
	"bufio"
	_ "embed"
	"io"
	"sync"

	"newsclip/convert"
)

// JSONVersion is the version of the JSON wire format, written in every
// article as "version".
const JSONVersion = 2

// Schema is the JSON Schema (draft 2020-12) of one article in the JSON
// wire format.
//
//go:embed schema.json
var Schema []byte

// Article is one article in the JSON wire format (v2; v2 added source.id,
// source.load_date and source.warnings, and moved the input's own warnings
// out of every article's warnings). Absent values are
// null or empty lists, never omitted.
type Article struct {
	Version    int       `json:"version"`
	Source     Source    `json:"source"`
	Header               // publication ... date_raw, written as top-level keys
	Dateline   *string   `json:"dateline"`
	Language   *string   `json:"language"`
	Country    *string   `json:"country"`
	Authors    []Author  `json:"authors"`
	Credits    []Credit  `json:"credits"`
	Contacts   []string  `json:"contacts"`
	Body       []Block   `json:"body"`
	PullQuotes []string  `json:"pullquotes"`
	Removed    []Removed `json:"removed"`
	Warnings   []string  `json:"warnings"`
	WordCount  int       `json:"word_count"`
}

// Header is the printed header of an article in the wire format: the
// masthead's publication, the headline block, and where and when it ran.
// Article embeds it, so its fields are keys of the article object.
type Header struct {
	Publication *string `json:"publication"`
	Kicker      *string `json:"kicker"`
	Headline    *string `json:"headline"`
	Subheadline *string `json:"subheadline"`
	Section     *string `json:"section"`
	Page        *string `json:"page"`
	Edition     *string `json:"edition"`
	Date        *string `json:"date"`     // ISO 8601 (YYYY-MM-DD)
	DateRaw     *string `json:"date_raw"` // as printed
}

// Source says where an article was read from.
type Source struct {
	File     string  `json:"file"`
	Format   string  `json:"format"`
	Index    int     `json:"index"`
	SHA256   string  `json:"sha256"`
	ID       *string `json:"id"`        // the database's document id
	LoadDate *string `json:"load_date"` // when the database loaded it
	// Warnings about the input as a whole, given once: with the input's
	// first article (index 0), empty with the others.
	Warnings []string `json:"warnings"`
}

// Author is one person (or agency) of a byline.
type Author struct {
	Name   *string `json:"name"`
	Title  *string `json:"title"`
	Agency *string `json:"agency"`
	Raw    string  `json:"raw"`
}

// Credit is a contribution other than authorship.
type Credit struct {
	Name string `json:"name"`
	Role string `json:"role"`
	Raw  string `json:"raw"`
}

// Block is one body element: type is paragraph, heading, quote or list-item.
type Block struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// Removed is text a rule took out, with the rule's kind.
type Removed struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

func str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// BlockType names a body block in the wire format.
func BlockType(b convert.Block) string {
	switch b.(type) {
	case *convert.Paragraph:
		return "paragraph"
	case *convert.Heading:
		return "heading"
	case *convert.Quote:
		return "quote"
	case *convert.ListItem:
		return "list-item"
	}
	return "paragraph"
}

// Wire converts one article of doc to the JSON wire format.
func Wire(doc *convert.Document, a *convert.Article) Article {
	w := Article{
		Version: JSONVersion,
		Source: Source{File: doc.Source.File, Format: doc.Source.Format, Index: a.Index, SHA256: doc.Source.SHA256,
			ID: str(a.VendorID), LoadDate: str(a.LoadDate.ISO()), Warnings: []string{}},
		Header: Header{Publication: str(a.Publication), Kicker: str(a.Kicker), Headline: str(a.Headline),
			Subheadline: str(a.Subheadline), Section: str(a.Section), Page: str(a.Page), Edition: str(a.Edition),
			Date: str(a.Date.ISO()), DateRaw: str(a.Date.Raw)},
		Dateline:   str(a.Dateline),
		Language:   str(a.Language),
		Country:    str(a.Country),
		Authors:    []Author{},
		Credits:    []Credit{},
		Contacts:   append([]string{}, a.Contacts...),
		Body:       []Block{},
		PullQuotes: append([]string{}, a.PullQuotes...),
		Removed:    []Removed{},
		Warnings:   []string{},
	}
	for _, p := range a.Authors {
		w.Authors = append(w.Authors, Author{Name: str(p.Name), Title: str(p.Title), Agency: str(p.Agency), Raw: p.Raw})
	}
	for _, c := range a.Credits {
		w.Credits = append(w.Credits, Credit{Name: c.Name, Role: c.Role, Raw: c.Raw})
	}
	w.WordCount = a.WordCount
	for _, b := range a.Body {
		w.Body = append(w.Body, Block{Type: BlockType(b), Text: b.Text()})
		if a.WordCount == 0 {
			w.WordCount += countWords(b.Text()) // an article built by hand
		}
	}
	for _, r := range a.Removed {
		w.Removed = append(w.Removed, Removed{Kind: r.Kind, Text: r.Text})
	}
	if a.Index == 0 {
		for _, wn := range doc.Warnings {
			w.Source.Warnings = append(w.Source.Warnings, wn.String())
		}
	}
	for _, wn := range a.Warnings {
		w.Warnings = append(w.Warnings, wn.String())
	}
	return w
}

func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := r == ' ' || r == '\t' || r == '\n'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// WriteJSON writes the articles of docs as one JSON array, or, when lines is
// set, as JSON Lines: one article per line, in input order. The bytes are
// gathered in one buffer and written to w whenever it holds jsonChunk
// bytes or more: between articles, and between the body blocks and the
// removed items of one article, so that a long article (a 1,000-page
// document is one, of 1.1 MB) is not held whole, nor indented whole for
// the array.
func WriteJSON(w io.Writer, docs []*convert.Document, lines bool) error {
	jb := jsonBuffers.Get().(*jsonBuffer)
	defer jb.put()
	s := jsonStream{w: w, out: jb.out[:0]}
	if !lines {
		s.out = append(s.out, '[')
	}
	n := 0
	for _, d := range docs {
		for _, a := range d.Articles {
			if s.err != nil {
				return s.err // nothing more is written
			}
			if lines {
				s.out = append(appendWireJSON(s.out, d, a, s.spill), '\n')
			} else {
				if n > 0 {
					s.out = append(s.out, ',')
				}
				// As json.Encoder indents, from the compact bytes: a
				// line break before the article, one after it.
				s.out = append(s.out, '\n')
				s.ind = indenter{}
				jb.compact = appendWireJSON(jb.compact[:0], d, a, s.spillIndented)
				jb.compact = s.spillIndented(append(jb.compact, '\n'))
			}
			n++
			s.out = s.flush(s.out, jsonChunk)
		}
	}
	if !lines {
		s.out = append(s.out, "]\n"...)
	}
	s.out = s.flush(s.out, 1)
	jb.out = s.out
	return s.err
}

// A jsonStream is WriteJSON's output on its way to w: the bytes gathered
// (out) and the first write error, after which nothing more is written.
type jsonStream struct {
	w   io.Writer
	out []byte
	err error
	ind indenter // the indentation of the array's article being written
}

// flush writes b to w when it holds at least min bytes (and no write has
// failed), and returns what is left of it to append to.
func (s *jsonStream) flush(b []byte, min int) []byte {
	if len(b) < min {
		return b
	}
	if s.err == nil {
		_, s.err = s.w.Write(b)
	}
	return b[:0]
}

// spill is appendWireJSON's spill for JSON Lines: the article is appended
// to out itself.
func (s *jsonStream) spill(b []byte) []byte { return s.flush(b, jsonChunk) }

// spillIndented is appendWireJSON's spill for the array: the compact bytes
// of the article so far are indented onto out, which is written when it
// holds jsonChunk bytes; the compact buffer starts again empty.
func (s *jsonStream) spillIndented(compact []byte) []byte {
	s.out = s.flush(s.ind.append(s.out, compact), jsonChunk)
	return compact[:0]
}

// An indenter indents compact JSON as json.Indent does with no prefix and
// an indent of two spaces, a piece at a time: a line break and the indent
// before each element, ": " after each key, and an empty object or array
// left as {} or []. The line break that follows an opening bracket is
// written when the next byte shows the brackets hold something, so that a
// piece may end anywhere. Bytes outside strings other than JSON's own
// (whitespace, which compact JSON has none of) are copied as they are,
// as json.Indent copies the trailing newline.
type indenter struct {
	depth        int  // open objects and arrays
	open         bool // an object or array was opened and nothing written in it yet
	str, escaped bool // inside a string; after its backslash
}

// append appends the indented form of compact, the next bytes of the
// value, to b.
func (in *indenter) append(b, compact []byte) []byte {
	for i := 0; i < len(compact); i++ {
		c := compact[i]
		if in.str {
			// Copy up to the end of the string at once.
			j := i
			for j < len(compact) {
				d := compact[j]
				j++
				if in.escaped {
					in.escaped = false
				} else if d == '\\' {
					in.escaped = true
				} else if d == '"' {
					in.str = false
					break
				}
			}
			b = append(b, compact[i:j]...)
			i = j - 1
			continue
		}
		switch c {
		case '}', ']':
			in.depth--
			if in.open {
				in.open = false
			} else {
				b = in.newline(b)
			}
			b = append(b, c)
		case ',':
			b = in.newline(append(b, c))
		case ':':
			b = append(b, ':', ' ')
		case '\n', ' ', '\t', '\r':
			b = append(b, c)
		default:
			if in.open {
				in.open = false
				b = in.newline(b)
			}
			b = append(b, c)
			switch c {
			case '{', '[':
				in.depth++
				in.open = true
			case '"':
				in.str = true
			}
		}
	}
	return b
}

// newline appends a line break and the indent of the current depth.
func (in *indenter) newline(b []byte) []byte {
	b = append(b, '\n')
	for range in.depth {
		b = append(b, ' ', ' ')
	}
	return b
}

// jsonChunk is the size, in bytes, from which WriteJSON writes the bytes it
// has gathered.
const jsonChunk = 16 << 10

// A jsonBuffer holds WriteJSON's bytes: the output gathered (out), and an
// article's compact bytes for the array, before they are indented.
type jsonBuffer struct {
	out     []byte
	compact []byte
}

// jsonBuffers recycles jsonBuffers from one WriteJSON to the next.
var jsonBuffers = sync.Pool{New: func() any { return new(jsonBuffer) }}

// maxPooledJSON is the largest buffer kept for reuse, in bytes: one huge
// article does not pin its memory for the rest of a batch.
const maxPooledJSON = 1 << 20

func (jb *jsonBuffer) put() {
	if cap(jb.out) > maxPooledJSON || cap(jb.compact) > maxPooledJSON {
		return
	}
	jsonBuffers.Put(jb)
}

// buffers recycles the writers' output buffers: a batch writes one small
// output per input.
var buffers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 16<<10) }}

func getBuffer(w io.Writer) *bufio.Writer {
	b := buffers.Get().(*bufio.Writer)
	b.Reset(w)
	return b
}

func putBuffer(b *bufio.Writer) {
	b.Reset(nil)
	buffers.Put(b)
}
