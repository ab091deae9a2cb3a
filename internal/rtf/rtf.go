// Package rtf reads the text of a Rich Text Format document: its
// paragraphs in reading order, with a bold, italic, centred and font-size hint each. It
// knows nothing of what the text means.
//
// It follows the RTF 1.9 specification as far as text goes: groups;
// destinations that hold no body text are skipped (font, colour and style
// tables, document info, pictures, headers and footers, footnotes and every
// \* destination it does not know); \'hh bytes are decoded in the code page
// of the current font (\fcharset) or of the document (\ansicpg, \mac, \pc;
// Windows-1252 by default); \uN (negative N counts from 65536, surrogate
// pairs are joined) skips the \ucN characters of its fallback; \par, \line,
// \tab, \cell, \row, \sect and \page break the text; \~, \-, \_ and the
// typographic control words (\emdash, \lquote, ...) give their characters;
// \bin data is skipped; hidden text (\v) is left out.
//
// Exports that write raw 8-bit text instead of \'hh (seen in the wild,
// though RTF is a 7-bit format) are read as UTF-8 when all of the raw text
// is valid UTF-8, and in the document's code page otherwise.
//
// Read never panics and is linear in the input; groups may nest at most
// MaxDepth levels, deeper input is refused with a *SyntaxError.
package rtf

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxDepth is the deepest group nesting Read accepts. Word processors nest a
// few dozen levels; a hostile file may nest millions, which would cost
// memory for the group stack.
const MaxDepth = 1000

// A Paragraph is one paragraph of the document's text.
type Paragraph struct {
	// Text is the paragraph's text without its final break. A \line inside
	// the paragraph is "\n"; \tab and the border between table cells are
	// "\t". Text may be empty (an empty paragraph).
	Text string
	// Bold is true when all letters and digits of Text are bold (and there
	// is at least one).
	Bold bool
	// Italic is true when all letters and digits of Text are italic (and
	// there is at least one).
	Italic bool
	// Centered is true when the paragraph is centred (\qc) where it ends.
	Centered bool
	// Size is the font size of the paragraph's first visible character in
	// half-points (\fs24 is 12 pt); 24, RTF's default, when none was set.
	Size int
	// Offset is the byte offset in the input where the paragraph's text
	// starts.
	Offset int
}

// A Document is the text of an RTF document.
type Document struct {
	Paragraphs []Paragraph
	// CodePage is the document's code page for \'hh bytes (\ansicpg), 1252
	// when it names none.
	CodePage int
}

// A SyntaxError is input Read refuses. Offset is the byte offset in the
// input.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("rtf: %s at byte %d", e.Msg, e.Offset) }

// Read reads the paragraphs of an RTF document. It is forgiving: unknown
// control words are ignored, unbalanced braces are tolerated, and text
// after the document's closing brace is ignored. Its only error is group
// nesting deeper than MaxDepth.
func Read(data []byte) (*Document, error) {
	p := newParser(data)
	if err := p.run(); err != nil {
		return nil, err
	}
	p.endParagraph()
	// Trailing empty paragraphs are the document's final \par, not text.
	for n := len(p.out); n > 0 && p.out[n-1].Text == ""; n-- {
		p.out = p.out[:n-1]
	}
	return &Document{Paragraphs: p.out, CodePage: p.docCodePage}, nil
}

// Text returns the document's paragraphs joined by newlines.
func (d *Document) Text() string {
	var b strings.Builder
	for i, p := range d.Paragraphs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// destination tells what a group's text is.
type destination uint8

const (
	destText      destination = iota // body text
	destSkip                         // text that is not body text
	destFontTable                    // \fonttbl: font numbers and charsets
)

// state is what a group changes and its closing brace restores.
type state struct {
	dest     destination
	bold     bool
	italic   bool
	hidden   bool
	centered bool // a paragraph property: \qc until \pard, \ql, \qr, \qj
	size     int  // half-points
	uc       int  // fallback characters after \u
	codePage int  // of the current font; 0 for the document's
	fontSet  bool // a \f selected the font; else the default font (\deff)
	font     int  // in \fonttbl: the font being described
}

// A parser reads one document. Text is gathered in cur; bytes of a code
// page wait in pending until a character of another kind comes.
type parser struct {
	data        []byte
	pos         int
	st          state
	stack       []state
	rawUTF8     bool        // raw 8-bit text is UTF-8
	docCodePage int         // \ansicpg
	fonts       map[int]int // font number -> code page from \fcharset
	defFont     int         // \deff

	cur       strings.Builder
	pending   []byte // code-page bytes not yet decoded
	pendingCP int    // their code page
	pendingAt int    // offset of the first of them
	tok       int    // offset of the token being read
	skip      int    // fallback characters still to skip after \u
	highSurr  rune   // a \u high surrogate waiting for its low half
	curOff    int    // offset of cur's first text, -1 when none yet
	letters   int    // letters and digits in cur
	boldCount int    // of those, bold
	italCount int    // of those, italic
	size      int    // size of cur's first visible character
	out       []Paragraph
}

func newParser(data []byte) *parser {
	p := &parser{data: data, docCodePage: 1252, fonts: map[int]int{}, curOff: -1}
	p.st = state{size: 24, uc: 1}
	p.rawUTF8 = hasHighBytes(data) && utf8.Valid(data)
	return p
}

func hasHighBytes(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// run reads the input token by token.
func (p *parser) run() error {
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		p.tok = p.pos
		switch c {
		case '{':
			if len(p.stack) >= MaxDepth {
				return &SyntaxError{Offset: p.pos, Msg: fmt.Sprintf("groups nested deeper than %d levels", MaxDepth)}
			}
			p.flush()
			p.skip = 0
			p.stack = append(p.stack, p.st)
			p.pos++
		case '}':
			p.flush()
			p.skip = 0
			p.pos++
			if len(p.stack) == 0 {
				continue // an unbalanced brace
			}
			p.st = p.stack[len(p.stack)-1]
			p.stack = p.stack[:len(p.stack)-1]
			if len(p.stack) == 0 {
				return nil // the end of the document
			}
		case '\\':
			p.control()
		case '\r', '\n':
			p.pos++
		default:
			p.textByte()
		}
	}
	return nil
}

// textByte reads one character of plain text: an ASCII byte, or raw 8-bit
// text (a UTF-8 sequence or one code-page byte).
func (p *parser) textByte() {
	c := p.data[p.pos]
	if c < 0x80 || !p.rawUTF8 {
		p.pos++
		if p.skipping() {
			return
		}
		if c < 0x80 {
			p.flush()
			if c == '\t' {
				p.emit('\t')
			} else if c >= 0x20 {
				p.emit(rune(c))
			}
			return
		}
		p.codePageByte(c)
		return
	}
	r, n := utf8.DecodeRune(p.data[p.pos:])
	p.pos += n
	if !p.skipping() {
		p.flush()
		p.emit(r)
	}
}

// skipping consumes one character of a \u fallback, reporting whether it
// did.
func (p *parser) skipping() bool {
	if p.skip > 0 {
		p.skip--
		return true
	}
	return false
}

// codePageByte adds one byte of the current code page.
func (p *parser) codePageByte(c byte) {
	cp := p.codePage()
	if len(p.pending) > 0 && cp != p.pendingCP {
		p.flush()
	}
	if len(p.pending) == 0 {
		p.pendingAt = p.tok
	}
	p.pendingCP = cp
	p.pending = append(p.pending, c)
}

// codePage is the code page of the current font's charset, or the
// document's.
func (p *parser) codePage() int {
	cp := p.fonts[p.defFont]
	if p.st.fontSet {
		cp = p.st.codePage
	}
	if cp == 0 {
		return p.docCodePage
	}
	return cp
}

// flush decodes the pending code-page bytes into text.
func (p *parser) flush() {
	if len(p.pending) == 0 {
		return
	}
	s := decodeCodePage(p.pendingCP, p.pending)
	p.pending = p.pending[:0]
	tok := p.tok
	p.tok = p.pendingAt
	for _, r := range s {
		p.emit(r)
	}
	p.tok = tok
}

// emit adds one character to the current paragraph, if the group shows
// text.
func (p *parser) emit(r rune) {
	if p.st.dest != destText || p.st.hidden {
		return
	}
	if p.highSurr != 0 {
		hs := p.highSurr
		p.highSurr = 0
		if r >= 0xDC00 && r <= 0xDFFF {
			r = (hs-0xD800)<<10 + (r - 0xDC00) + 0x10000
		} else {
			p.emit(utf8.RuneError)
		}
	}
	switch {
	case r >= 0xD800 && r <= 0xDBFF:
		p.highSurr = r
		return
	case r >= 0xDC00 && r <= 0xDFFF:
		r = utf8.RuneError
	case r < 0x20 && r != '\t' && r != '\n', r >= 0x7f && r < 0xa0:
		return // control characters show nothing
	}
	if p.curOff < 0 {
		p.curOff = p.tok
	}
	if r != ' ' && r != '\t' && r != '\n' && r != 0xA0 {
		if p.size == 0 {
			p.size = p.st.size
		}
		if isWordChar(r) {
			p.letters++
			if p.st.bold {
				p.boldCount++
			}
			if p.st.italic {
				p.italCount++
			}
		}
	}
	p.cur.WriteRune(r)
}

func isWordChar(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xC0 && r != 0xD7 && r != 0xF7
}

// endParagraph closes the current paragraph.
func (p *parser) endParagraph() {
	p.flush()
	if p.highSurr != 0 {
		p.highSurr = 0
		p.cur.WriteRune(utf8.RuneError)
	}
	off := p.curOff
	if off < 0 {
		off = p.tok
	}
	size := p.size
	if size == 0 {
		size = p.st.size
	}
	p.out = append(p.out, Paragraph{
		Text:     p.cur.String(),
		Bold:     p.letters > 0 && p.boldCount == p.letters,
		Italic:   p.letters > 0 && p.italCount == p.letters,
		Centered: p.st.centered,
		Size:     size,
		Offset:   off,
	})
	p.cur.Reset()
	p.curOff, p.letters, p.boldCount, p.italCount, p.size = -1, 0, 0, 0, 0
}
