package convert

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"unicode/utf8"

	"newsclip/internal/rtf"
)

// IsRTF reports whether data is an RTF document: it opens, after any byte
// order mark and white space, with "{\rtf".
func IsRTF(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return bytes.HasPrefix(data, []byte(`{\rtf`))
}

// convertRTF is Convert for RTF input: internal/rtf reads its paragraphs,
// rtfLines turns them into lines, and the layout table reads those. An
// export whose layout can use the paragraphs' bold and italic hints
// (APA's) is read with them.
func convertRTF(name string, data []byte) (*Document, error) {
	sum := sha256.Sum256(data)
	rd, err := rtf.Read(data)
	if err != nil {
		e := &Error{File: name, Err: err}
		var se *rtf.SyntaxError
		if errors.As(err, &se) {
			e.Line = 1 + bytes.Count(data[:min(se.Offset, len(data))], []byte("\n"))
		}
		return nil, e
	}
	lines, styles := rtfLines(rd.Paragraphs)
	if strings.TrimSpace(strings.Join(lines, "")) == "" {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	doc := &Document{Source: Source{File: name, SHA256: hex.EncodeToString(sum[:])}}
	if detectAPA(lines) {
		arts, warns := readAPAStyled(lines, styles)
		doc.Source.Format = "apa"
		addArticles(doc, arts, warns)
	} else {
		doc.Source.Format = readLayouts(doc, lines, true)
	}
	if len(doc.Articles) == 0 {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	return doc, nil
}

// addArticles adds a layout reader's articles and warnings to doc, as
// readLayouts does.
func addArticles(doc *Document, arts []*Article, warns []Warning) {
	doc.Warnings = append(doc.Warnings, warns...)
	for _, a := range arts {
		if a.Headline == "" && len(a.Body) == 0 {
			continue
		}
		a.Index = len(doc.Articles)
		doc.Articles = append(doc.Articles, a)
	}
}

// A lineStyle tells how the paragraph a line came from was set: all bold,
// all italic.
type lineStyle struct{ bold, italic bool }

// rtfLines turns RTF paragraphs into the lines a text layout reads, with
// styles[i] the style of line i's paragraph. A \line inside a paragraph
// starts a new line of the same paragraph.
//
// Text exports separate paragraphs with blank lines. Some RTF exports do
// the same with empty paragraphs, and then use a lone \par as a line break
// inside a paragraph (APA's wraps long headlines so):
//
//	Headline that wraps\par over two lines\par\par First paragraph\par\par
//
// When at least a quarter of the paragraphs are empty the paragraphs are
// taken as lines as they are; otherwise (Word, Nexis: spacing set by style)
// every paragraph is followed by a blank line.
//
// A centred paragraph is indented as a text export centres it on an
// 80-column page (at least five spaces), so that layouts which tell header
// lines by their centring (LexisNexis, whose RTF export is its text export
// set in \qc paragraphs) read it as they read the text.
func rtfLines(paras []rtf.Paragraph) (lines []string, styles []lineStyle) {
	empty := 0
	for _, p := range paras {
		if strings.TrimSpace(p.Text) == "" {
			empty++
		}
	}
	blankSeparated := 4*empty >= len(paras)
	for _, p := range paras {
		for _, l := range strings.Split(p.Text, "\n") {
			l = strings.TrimRight(l, " \t")
			if p.Centered && strings.TrimSpace(l) != "" {
				l = strings.TrimLeft(l, " \t")
				l = strings.Repeat(" ", max(5, (80-utf8.RuneCountInString(l))/2)) + l
			}
			lines = append(lines, l)
			styles = append(styles, lineStyle{p.Bold, p.Italic})
		}
		if !blankSeparated {
			lines = append(lines, "")
			styles = append(styles, lineStyle{})
		}
	}
	return lines, styles
}
