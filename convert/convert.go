package convert

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
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
	doc = &Document{Source: Source{File: name, SHA256: hex.EncodeToString(sum[:])}}
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
	lines := strings.Split(text, "\n")
	doc.Source.Format = readLayouts(doc, lines, true)
	if len(doc.Articles) == 0 {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	return doc, nil
}

// readLayouts reads lines with the first layout whose detector accepts
// them, adds the articles (and the reader's warnings) to doc, and returns
// the layout's name. The plain-text fallback's warning is added only when
// fallbackWarning is set.
func readLayouts(doc *Document, lines []string, fallbackWarning bool) string {
	for _, l := range layouts {
		if !l.detect(lines) {
			continue
		}
		arts, warns := l.read(lines)
		if l.name != "text" || fallbackWarning {
			doc.Warnings = append(doc.Warnings, warns...)
		}
		for _, a := range arts {
			if a.Headline == "" && len(a.Body) == 0 {
				continue
			}
			a.Index = len(doc.Articles)
			doc.Articles = append(doc.Articles, a)
		}
		return l.name
	}
	return ""
}
