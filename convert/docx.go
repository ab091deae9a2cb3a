package convert

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"newsclip/internal/docx"
)

// isDOCX: a zip archive holding word/document.xml (Word, Nexis Uni and
// Lexis Advance exports).
func isDOCX(data []byte) bool { return docx.IsDOCX(data) }

// convertDOCX is Convert for DOCX input: the document's paragraphs become
// lines, a blank line between paragraphs, and go through the layout table
// like text.
func convertDOCX(name string, data []byte) (*Document, error) {
	sum := sha256.Sum256(data)
	d, err := docx.Read(data)
	if err != nil {
		if errors.Is(err, docx.ErrNotDOCX) {
			err = fmt.Errorf("DOCX document is damaged: %w", err)
		}
		return nil, &Error{File: name, Err: err}
	}
	doc := &Document{Source: Source{File: name, SHA256: hex.EncodeToString(sum[:])}}
	for _, w := range d.Warnings {
		doc.Warnings = append(doc.Warnings, Warning{Msg: w})
	}
	lines, paraOf := docxLines(d.Paragraphs)
	if len(strings.TrimSpace(strings.Join(lines, ""))) == 0 {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	doc.Source.Format = readLayouts(doc, lines, true)
	if len(doc.Articles) == 0 {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	docxPositions(doc.Warnings, paraOf)
	for _, a := range doc.Articles {
		docxPositions(a.Warnings, paraOf)
	}
	return doc, nil
}

// docxPositions rewrites warnings about a line of the laid-out text to
// name the document's paragraph instead, which is what a reader of the
// DOCX can find: "line 7: ..." -> "paragraph 4: ...".
func docxPositions(ws []Warning, paraOf []int) {
	for i, w := range ws {
		if w.Line > 0 && w.Line <= len(paraOf) {
			ws[i] = Warning{Msg: fmt.Sprintf("paragraph %d: %s", paraOf[w.Line-1], w.Msg)}
		}
	}
}

// docxLines lays paragraphs out as text: each paragraph's lines (its
// breaks), then a blank line. Tabs become spaces, no-break spaces plain
// spaces, and trailing spaces go; a list item gets the bullet Word draws.
//
//	{"Length:\u00a0355 words"}, {"\nEnd of Document"}, {List, "Roads shut"}
//	-> "Length: 355 words", "", "", "End of Document", "", "• Roads shut", ""
//
// paraOf gives for each line the 1-based paragraph it came from.
func docxLines(paras []docx.Paragraph) (lines []string, paraOf []int) {
	lines = make([]string, 0, 2*len(paras))
	paraOf = make([]int, 0, 2*len(paras))
	clean := strings.NewReplacer("\t", " ", "\u00a0", " ", "\r", "")
	for i, p := range paras {
		text := clean.Replace(p.Text)
		if p.List && strings.TrimSpace(text) != "" {
			text = "• " + strings.TrimLeft(text, " ")
		}
		for _, l := range strings.Split(text, "\n") {
			lines = append(lines, strings.TrimRight(l, " "))
			paraOf = append(paraOf, i+1)
		}
		lines = append(lines, "")
		paraOf = append(paraOf, i+1)
	}
	return lines, paraOf
}
