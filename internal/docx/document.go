package docx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// The WordprocessingML namespaces: transitional (what Word writes) and
// strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// maxNesting bounds the paragraphs open inside one another (text boxes
// hold paragraphs inside a paragraph) and the table cells open inside one
// another. Deeper ones are read as part of the innermost one kept.
const maxNesting = 32

// A paraBuilder collects one paragraph's text and hints.
type paraBuilder struct {
	text        strings.Builder
	styleBold   bool
	letters     int // letters and digits in text
	boldLetters int // of which bold
	par         Paragraph
}

// A cellSink collects the paragraphs of one table cell.
type cellSink struct{ paras []Paragraph }

// A tableRow collects the cells of one row.
type tableRow struct {
	cells []string
	bold  bool // every non-empty cell bold so far
}

// A reader is the state of one pass over document.xml's tokens.
type reader struct {
	styles   styleSheet
	out      []Paragraph
	paras    []*paraBuilder // open paragraphs, innermost last
	deepP    int            // paragraph starts past maxNesting, not pushed
	cells    []*cellSink    // open table cells, innermost last
	deepCell int
	rows     []*tableRow
	inPPr    int  // inside w:pPr (paragraph properties, not text)
	inRun    bool // inside w:r
	inRPr    bool // inside a run's w:rPr
	inText   bool // inside w:t
	runBold  bool
	skip     int // depth inside an element whose content is not text
}

func readDocument(f *zip.File, max int64, b *budget, styles styleSheet) (*Document, error) {
	rc, err := b.open(f, max)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	r := &reader{styles: styles}
	dec := xml.NewDecoder(rc)
	dec.Strict = false // entities and unclosed tags happen in hand-edited files
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, err
			}
			at := fmt.Sprintf("%s: byte %d: %v", f.Name, dec.InputOffset(), err)
			r.closeAll()
			if len(r.out) == 0 {
				return nil, fmt.Errorf("%w: %s", ErrDamaged, at)
			}
			return &Document{Paragraphs: r.out, Warnings: []string{at + "; the text after it is lost"}}, nil
		}
		r.token(tok)
	}
	r.closeAll()
	return &Document{Paragraphs: r.out}, nil
}

// isW reports whether name is in the WordprocessingML namespace.
func isW(name xml.Name) bool { return name.Space == nsW || name.Space == nsWStrict }

// attr returns the value of the attribute with this local name.
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// onOff reads an on/off property (<w:b/>, <w:b w:val="0"/>): absent or
// "true", "1", "on" mean on.
func onOff(e xml.StartElement) bool {
	switch attr(e, "val") {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

func (r *reader) token(tok xml.Token) {
	switch t := tok.(type) {
	case xml.StartElement:
		if r.skip > 0 {
			r.skip++
			return
		}
		if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
			r.skip = 1 // the same content again, for older readers
			return
		}
		if isW(t.Name) {
			r.start(t)
		}
	case xml.EndElement:
		if r.skip > 0 {
			r.skip--
			return
		}
		if isW(t.Name) {
			r.end(t.Name.Local)
		}
	case xml.CharData:
		if r.inText && r.skip == 0 {
			r.write(string(t))
		}
	}
}

// skipped are elements whose content is never body text: deleted text,
// field instructions, footnote references' marks, comments.
var skipped = map[string]bool{
	"delText": true, "instrText": true, "delInstrText": true, "del": true,
	"commentReference": true, "footnoteReference": true, "endnoteReference": true,
	"tabs": true, "rPrChange": true, "pPrChange": true,
}

func (r *reader) start(e xml.StartElement) {
	name := e.Name.Local
	if skipped[name] {
		r.skip = 1
		return
	}
	switch name {
	case "p":
		r.openParagraph()
	case "pPr":
		r.inPPr++
	case "pStyle":
		if r.inPPr > 0 {
			r.setStyle(attr(e, "val"))
		}
	case "jc":
		if p := r.para(); p != nil && r.inPPr > 0 && !r.inRPr {
			p.par.Align = attr(e, "val")
		}
	case "numId":
		// numId 0 switches numbering off.
		if p := r.para(); p != nil && r.inPPr > 0 {
			p.par.List = attr(e, "val") != "0"
		}
	case "outlineLvl":
		if p := r.para(); p != nil && r.inPPr > 0 {
			if n, err := strconv.Atoi(attr(e, "val")); err == nil && n >= 0 && n < 9 {
				p.par.Heading = n + 1
			}
		}
	case "r":
		r.inRun = true
		r.runBold = false
		if p := r.para(); p != nil {
			r.runBold = p.styleBold
		}
	case "rPr":
		r.inRPr = r.inRun && r.inPPr == 0
	case "rStyle":
		if r.inRPr {
			if s, ok := r.styles[attr(e, "val")]; ok {
				r.runBold = r.styles.bold(s)
			}
		}
	case "b":
		if r.inRPr {
			r.runBold = onOff(e)
		}
	case "t":
		r.inText = r.inRun
	case "tab":
		if r.inRun && !r.inRPr {
			r.write("\t")
		}
	case "br", "cr":
		if r.inRun && !r.inRPr {
			r.write("\n")
		}
	case "noBreakHyphen":
		if r.inRun {
			r.write("-")
		}
	case "tr":
		r.rows = append(r.rows, &tableRow{bold: true})
	case "tc":
		if len(r.cells) >= maxNesting {
			r.deepCell++
			return
		}
		r.cells = append(r.cells, &cellSink{})
	}
}

func (r *reader) end(name string) {
	switch name {
	case "p":
		r.closeParagraph()
	case "pPr":
		r.inPPr = max(r.inPPr-1, 0)
	case "r":
		r.inRun, r.inRPr, r.inText = false, false, false
	case "rPr":
		r.inRPr = false
	case "t":
		r.inText = false
	case "tc":
		r.closeCell()
	case "tr":
		r.closeRow()
	}
}

// para returns the innermost open paragraph, or nil.
func (r *reader) para() *paraBuilder {
	if len(r.paras) == 0 {
		return nil
	}
	return r.paras[len(r.paras)-1]
}

func (r *reader) openParagraph() {
	if len(r.paras) >= maxNesting {
		r.deepP++
		return
	}
	r.paras = append(r.paras, &paraBuilder{})
}

func (r *reader) setStyle(id string) {
	p := r.para()
	if p == nil {
		return
	}
	p.par.Style = id
	s, ok := r.styles[id]
	if !ok {
		return
	}
	if s.name != "" {
		p.par.Style = s.name
	}
	p.styleBold = r.styles.bold(s)
	if p.par.Heading == 0 {
		p.par.Heading = r.styles.heading(s)
	}
	p.par.List = r.styles.list(s)
}

// write adds text to the innermost open paragraph, counting its bold
// letters. Text outside any paragraph (malformed input) opens one.
func (r *reader) write(s string) {
	p := r.para()
	if p == nil {
		r.openParagraph()
		p = r.para()
	}
	p.text.WriteString(s)
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			p.letters++
			if r.runBold {
				p.boldLetters++
			}
		}
	}
}

func (r *reader) closeParagraph() {
	if r.deepP > 0 {
		r.deepP--
		return
	}
	p := r.para()
	if p == nil {
		return
	}
	r.paras = r.paras[:len(r.paras)-1]
	p.par.Text = p.text.String()
	p.par.Bold = p.letters > 0 && p.boldLetters == p.letters
	r.emit(p.par)
}

// emit adds a finished paragraph to the innermost open table cell, or to
// the document.
func (r *reader) emit(p Paragraph) {
	if len(r.cells) > 0 {
		c := r.cells[len(r.cells)-1]
		c.paras = append(c.paras, p)
		return
	}
	r.out = append(r.out, p)
}

// closeCell joins a cell's paragraphs with spaces and adds the text to the
// open row; a cell outside any row becomes paragraphs of its own.
func (r *reader) closeCell() {
	if r.deepCell > 0 {
		r.deepCell--
		return
	}
	if len(r.cells) == 0 {
		return
	}
	c := r.cells[len(r.cells)-1]
	r.cells = r.cells[:len(r.cells)-1]
	if len(r.rows) == 0 {
		for _, p := range c.paras {
			r.emit(p)
		}
		return
	}
	row := r.rows[len(r.rows)-1]
	var texts []string
	bold := true
	for _, p := range c.paras {
		if t := strings.TrimSpace(p.Text); t != "" {
			texts = append(texts, t)
			bold = bold && p.Bold
		}
	}
	row.cells = append(row.cells, strings.Join(texts, " "))
	row.bold = row.bold && bold
}

// closeRow makes a row one paragraph, its cells joined by tabs.
func (r *reader) closeRow() {
	if len(r.rows) == 0 {
		return
	}
	row := r.rows[len(r.rows)-1]
	r.rows = r.rows[:len(r.rows)-1]
	text := strings.Join(row.cells, "\t")
	r.emit(Paragraph{Text: text, Bold: row.bold && strings.TrimSpace(text) != "", InTable: true})
}

// closeAll finishes what a truncated document left open.
func (r *reader) closeAll() {
	r.deepP, r.deepCell = 0, 0
	for len(r.paras) > 0 {
		r.closeParagraph()
	}
	for len(r.cells) > 0 {
		r.closeCell()
	}
	for len(r.rows) > 0 {
		r.closeRow()
	}
}
