package convert

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// convertText is Convert for text input: it decodes the bytes and reads
// the lines with the layout table.
func convertText(name string, data []byte) (doc *Document, err error) {
	sum := sha256.Sum256(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	text, enc, err := decode(data)
	if err != nil {
		var le *lineError
		if errors.As(err, &le) {
			return nil, &Error{File: name, Line: le.line, Err: le.err}
		}
		return nil, &Error{File: name, Err: err}
	}
	text = strings.TrimPrefix(text, "\ufeff")
	var hexSum [2 * sha256.Size]byte
	hex.Encode(hexSum[:], sum[:])
	doc = &Document{Source: Source{File: name, SHA256: string(hexSum[:])}}
	if enc != "utf-8" {
		doc.Warnings = append(doc.Warnings, Warning{Msg: "decoded as " + enc})
	}
	text, fixed := repairMojibake(text)
	if fixed > 0 {
		doc.Warnings = append(doc.Warnings, Warning{Msg: fmt.Sprintf("repaired %d mojibake characters (UTF-8 read as Windows-1252)", fixed)})
	}
	if strings.TrimSpace(text) == "" {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	withLines(text, func(lines []string) { doc.Source.Format = readLayouts(doc, lines, true) })
	if len(doc.Articles) == 0 {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	return doc, nil
}

// readLayouts reads lines with the first layout whose detector accepts
// them, adds the articles (and the reader's warnings) to doc, and returns
// the layout's name. The plain-text fallback's warning is added only when
// fallbackWarning is set. Text holding several clippings pasted one after
// another (clippingStarts) is read one clipping at a time.
func readLayouts(doc *Document, lines []string, fallbackWarning bool) string {
	name := detectLayout(lines)
	var more []int // where the clippings after the first start
	if name == "pressreader" || name == "web" {
		more = clippingStarts(lines)
	}
	if len(more) == 0 {
		readPart(doc, name, lines, 0, fallbackWarning)
		return name
	}
	starts := append([]int{0}, more...)
	for k, s := range starts {
		end := len(lines)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		part := name
		if k > 0 {
			part = detectLayout(lines[s:end])
		}
		readPart(doc, part, lines[s:end], s, fallbackWarning)
	}
	if len(starts) > 1 {
		at := make([]string, len(starts)-1)
		for i, s := range starts[1:] {
			at[i] = strconv.Itoa(s + 1)
		}
		doc.Warnings = append(doc.Warnings, Warning{Msg: fmt.Sprintf(
			"%d clippings pasted one after another: read as separate articles (new clipping at line %s)",
			len(starts), strings.Join(at, ", "))})
	}
	return name
}

// detectLayout names the first layout whose detector accepts lines.
func detectLayout(lines []string) string {
	for _, l := range layouts {
		if l.detect(lines) {
			return l.name
		}
	}
	return "text"
}

// readPart reads lines, which begin at 0-based line offset of the input,
// with the named layout and adds the articles to doc, their line numbers
// counted from the start of the input. The first articles of doc are kept
// in the slice the reader returned (no reader keeps it), so that reading
// one article allocates no second slice.
func readPart(doc *Document, name string, lines []string, offset int, fallbackWarning bool) {
	for _, l := range layouts {
		if l.name != name {
			continue
		}
		arts, warns := l.read(lines)
		if l.name != "text" || fallbackWarning {
			doc.Warnings = append(doc.Warnings, shiftWarnings(warns, offset)...)
		}
		if len(doc.Articles) == 0 {
			doc.Articles = arts[:0] // kept articles are written over those read already
		}
		for _, a := range arts {
			if a.Headline == "" && len(a.Body) == 0 {
				continue
			}
			a.Line += offset
			a.Warnings = shiftWarnings(a.Warnings, offset)
			a.Index = len(doc.Articles)
			doc.Articles = append(doc.Articles, a)
		}
		return
	}
}

// shiftWarnings moves the line numbers of ws by offset lines.
func shiftWarnings(ws []Warning, offset int) []Warning {
	if offset == 0 {
		return ws
	}
	for i := range ws {
		if ws[i].Line > 0 {
			ws[i].Line += offset
		}
	}
	return ws
}
