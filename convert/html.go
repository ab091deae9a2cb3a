package convert

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"

	"newsclip/internal/htmltext"
)

// htmlSniffLen is how far into an input IsHTML looks for the markup that
// opens an HTML document (bytes).
const htmlSniffLen = 1024

// htmlOpeners are the tags an HTML document may open with (after a BOM,
// whitespace, comments or an XML declaration), lower case.
var htmlOpeners = []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title"}

// IsHTML reports whether data is an HTML document: after a BOM and
// whitespace it opens with a tag, a comment or an XML declaration, and
// "<!DOCTYPE html", "<html", "<head" or "<body" occurs within its first
// 1,024 bytes. A text clipping that quotes markup further down is not HTML.
func IsHTML(data []byte) bool {
	head := data[:min(len(data), htmlSniffLen)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n\f")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	lower := bytes.ToLower(head)
	opens := bytes.HasPrefix(lower, []byte("<!--")) || bytes.HasPrefix(lower, []byte("<?xml"))
	for _, o := range htmlOpeners {
		opens = opens || bytes.HasPrefix(lower, []byte(o))
	}
	if !opens {
		return false
	}
	for _, o := range htmlOpeners[:4] {
		if bytes.Contains(lower, []byte(o)) {
			return true
		}
	}
	return false
}

// convertHTML is Convert for HTML input. A Factiva article view becomes one
// article per article block, and so does its indexed view of labelled
// rows (factiva.go); a LexisNexis HTML export
// ("1 of 262 DOCUMENTS") is turned into the text lines the LexisNexis
// layout reads; any other page is read as one web article (htmlpage.go).
func convertHTML(name string, data []byte) (*Document, error) {
	sum := sha256.Sum256(data)
	hdoc, err := htmltext.Parse(data)
	if err != nil {
		if errors.Is(err, htmltext.ErrTooLarge) {
			return nil, &Error{File: name, Err: err}
		}
		return nil, &Error{File: name, Err: errors.New("damaged HTML: " + err.Error())}
	}
	doc := &Document{Source: Source{File: name, SHA256: hex.EncodeToString(sum[:])}}
	if hdoc.Charset != "utf-8" {
		doc.Warnings = append(doc.Warnings, Warning{Msg: "decoded as " + hdoc.Charset})
	}
	switch {
	case isFactivaHTML(hdoc.Blocks):
		doc.Source.Format = "factiva"
		doc.addArticles(readFactiva(hdoc.Blocks))
	case isFactivaIndexed(hdoc.Blocks):
		doc.Source.Format = "factiva"
		doc.addArticles(readFactivaIndexed(hdoc.Blocks))
	case hasNexisMarker(hdoc.Blocks):
		lines := nexisLines(hdoc.Blocks)
		if f := readLayouts(doc, lines, false); f != "" {
			doc.Source.Format = f
		}
	default:
		doc.Source.Format = "html"
		if a := readWebPage(hdoc); a != nil {
			doc.Articles = append(doc.Articles, a)
		}
	}
	if len(doc.Articles) == 0 {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	return doc, nil
}

// addArticles adds the articles that hold a headline or text, numbering
// them.
func (doc *Document) addArticles(arts []*Article) {
	for _, a := range arts {
		if a.Headline == "" && len(a.Body) == 0 {
			continue
		}
		a.Index = len(doc.Articles)
		doc.Articles = append(doc.Articles, a)
	}
}

// hasNexisMarker: one of the first 500 blocks is a LexisNexis document
// marker ("1 of 262 DOCUMENTS").
func hasNexisMarker(blocks []htmltext.Block) bool {
	for _, b := range blocks[:min(len(blocks), 500)] {
		if isDocMarker(b.Text) {
			return true
		}
	}
	return false
}

// nexisLines writes the blocks of a LexisNexis HTML export as the text
// lines of a classic TXT export: one paragraph per block, blank lines
// between, centred blocks indented as LexisNexis centres them on its
// 80-column page. Where the markup does not say what is centred, the
// header lines are found by nexisHeaderEnd and indented all the same, and
// so is a copyright line that ends a document.
func nexisLines(blocks []htmltext.Block) []string {
	centred := make([]bool, len(blocks))
	for i, b := range blocks {
		centred[i] = b.Align == "center"
	}
	for i, b := range blocks {
		if !isDocMarker(b.Text) {
			continue
		}
		texts := make([]string, 0, 6)
		anyCentred := false
		for _, n := range blocks[i+1 : min(len(blocks), i+7)] {
			texts = append(texts, n.Text)
			anyCentred = anyCentred || n.Align == "center"
		}
		if anyCentred {
			continue
		}
		for k := range nexisHeaderEnd(texts) {
			centred[i+1+k] = true
		}
		// The copyright trailer, centred in the TXT export, ends the document.
		end := i + 1
		for end < len(blocks) && !isDocMarker(blocks[end].Text) {
			end++
		}
		if last := end - 1; last > i && isCopyright(blocks[last].Text) {
			centred[last] = true
		}
	}
	var lines []string
	for i, b := range blocks {
		for _, l := range strings.Split(b.Text, "\n") {
			if centred[i] {
				l = "     " + l
			}
			lines = append(lines, l)
		}
		lines = append(lines, "")
	}
	return lines
}

// nexisHeaderEnd returns how many of the blocks after a document marker
// are its header when nothing marks them as centred: the lines through the
// first date, when that date comes within the first four blocks and each
// line before it is short (a publication name):
//
//	The Guardian (London)        <- header
//	January 31, 1986             <- header
//	Eavesdroppers who heard ...  <- headline
//
// It returns 0 when no such date is found.
func nexisHeaderEnd(blocks []string) int {
	for k, t := range blocks[:min(len(blocks), 4)] {
		if _, ok := parseDate(t); ok {
			return k + 1
		}
		if len(t) > 80 || strings.Contains(t, "\n") {
			return 0
		}
	}
	return 0
}
