// Package htmltext reads an HTML document as text: its blocks (paragraphs,
// headings, list items, table rows) in reading order, each with the hints
// its markup gives (tag, class, id, alignment, enclosing elements), and its
// metadata (title, meta tags, JSON-LD objects). It knows nothing of
// newspapers.
//
// Reading is forgiving: any input, however malformed, gives a Document
// (possibly without blocks). Parse never panics: a panic in the HTML parser
// is recovered and returned as an error. Memory is linear in the input;
// the tree is walked without recursion, so deep nesting cannot exhaust the
// stack.
package htmltext

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// MaxInput is the largest input Parse reads, in bytes (64 MiB). Larger
// inputs are refused with ErrTooLarge rather than parsed.
const MaxInput = 64 << 20

// ErrTooLarge is returned for inputs over MaxInput bytes.
var ErrTooLarge = fmt.Errorf("HTML input over %d MiB", MaxInput>>20)

// A Document is what Parse read from one HTML input.
type Document struct {
	Blocks  []Block // in reading order; every Text is non-empty
	Meta    Meta
	Charset string     // the encoding the bytes were decoded from: "utf-8", "windows-1252", ...
	Root    *html.Node // the parsed tree, for callers that need more (it is not modified); nil when flat
	// Flat is set when the tree could not be built (the parser refuses
	// nesting over 512 open elements) and the blocks were read from the
	// token stream instead: no Path, no Align, no Meta.
	Flat bool
}

// Parse decodes data (see Decode) and reads it into a Document. It fails
// only for input over MaxInput bytes or a panic in the parser; markup the
// parser cannot build a tree of is read flat (Document.Flat).
func Parse(data []byte) (doc *Document, err error) {
	if len(data) > MaxInput {
		return nil, ErrTooLarge
	}
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("HTML parser failed: %v", r)
		}
	}()
	text, cs := Decode(data)
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return &Document{Blocks: flatBlocks(text), Charset: cs, Flat: true}, nil
	}
	styles := stylesheetAligns(root)
	return &Document{
		Blocks:  blocksOf(root, styles),
		Meta:    metaOf(root),
		Charset: cs,
		Root:    root,
	}, nil
}

// BlocksOf reads the blocks under n (a tree from Parse, or one a caller
// built or cleaned up, such as a readability extract). It does not panic
// on any tree the html package builds.
func BlocksOf(n *html.Node) (blocks []Block, err error) {
	defer func() {
		if r := recover(); r != nil {
			blocks, err = nil, fmt.Errorf("HTML walk failed: %v", r)
		}
	}()
	return blocksOf(n, nil), nil
}

// Decode returns data as UTF-8 text and the name of the encoding it was
// read in. The encoding is the one a byte order mark gives, else the one a
// <meta charset> or http-equiv Content-Type near the start declares, else
// UTF-8 when the bytes are valid UTF-8, else Windows-1252. Without a BOM,
// bytes that are all valid UTF-8 are read as UTF-8 whatever the page
// declares: browsers save pages as UTF-8 but keep the old <meta charset>
// ("gb2312", "iso-8859-1"), text in a legacy encoding of any length almost
// never forms valid UTF-8, and the declaration is looked for in the first
// 1,024 bytes only. Exports often
// declare UTF-8 but hold Latin-1 bytes: when the declared (or assumed)
// UTF-8 is invalid, each valid UTF-8 sequence is kept and every other byte
// is read as Windows-1252, and the name is "utf-8+windows-1252".
func Decode(data []byte) (text, name string) {
	enc, name, certain := charset.DetermineEncoding(data, "")
	if !certain && utf8.Valid(data) {
		name = "utf-8" // ASCII up to byte 1,024, or a page saved as UTF-8 under its old label
	}
	if name == "utf-8" || name == "" {
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if utf8.Valid(data) {
			return string(data), "utf-8"
		}
		return mixedUTF8(data), "utf-8+windows-1252"
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return mixedUTF8(data), "utf-8+windows-1252"
	}
	return strings.TrimPrefix(string(out), "\ufeff"), name
}

// mixedUTF8 decodes valid UTF-8 sequences as UTF-8 and every other byte as
// Windows-1252 ("W\xf6rter" -> "Wörter").
func mixedUTF8(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	dec := charmap.Windows1252
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(dec.DecodeByte(data[0]))
			data = data[1:]
			continue
		}
		b.Write(data[:size])
		data = data[size:]
	}
	return b.String()
}
