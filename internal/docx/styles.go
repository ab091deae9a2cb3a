package docx

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// A style is what the hints need of one w:style in word/styles.xml.
type style struct {
	name    string // display name: "heading 1", "Title"
	basedOn string // id of the parent style
	bold    int    // 1 bold, -1 explicitly not bold, 0 inherited
	outline int    // outline level 1-9 from w:outlineLvl, 0 inherited
	list    int    // 1 numbered (w:numPr), -1 numbering off, 0 inherited
}

// A styleSheet maps style ids to styles.
type styleSheet map[string]style

// maxStyleDepth bounds how far basedOn chains are followed (they may loop
// in a damaged file).
const maxStyleDepth = 10

// inherited returns get of a style, or, where that is 0 (inherited), of
// the style it is based on, and so on up to maxStyleDepth styles; 0 when
// none in the chain sets it.
func (ss styleSheet) inherited(s style, get func(style) int) int {
	for depth := 0; depth < maxStyleDepth; depth++ {
		if v := get(s); v != 0 {
			return v
		}
		parent, ok := ss[s.basedOn]
		if !ok {
			return 0
		}
		s = parent
	}
	return 0
}

// bold reports whether a style, or the style it is based on, sets bold.
func (ss styleSheet) bold(s style) bool {
	return ss.inherited(s, func(s style) int { return s.bold }) > 0
}

// list reports whether a style, or the style it is based on, numbers its
// paragraphs.
func (ss styleSheet) list(s style) bool {
	return ss.inherited(s, func(s style) int { return s.list }) > 0
}

// heading returns a style's heading level: its outline level, else 1 for
// "Title" and N for "heading N", else its parent's, else 0.
func (ss styleSheet) heading(s style) int {
	return ss.inherited(s, func(s style) int {
		if s.outline > 0 {
			return s.outline
		}
		return headingOfName(s.name)
	})
}

// headingOfName reads the built-in style names: "Title" is level 1,
// "heading 3" level 3.
func headingOfName(name string) int {
	name = strings.ToLower(name)
	if name == "title" {
		return 1
	}
	if rest, ok := strings.CutPrefix(name, "heading "); ok {
		if n, err := strconv.Atoi(rest); err == nil && n >= 1 && n <= 9 {
			return n
		}
	}
	return 0
}

// readStyles reads the paragraph and character styles. It returns what it
// read before any error; only ErrTooLarge matters to the caller.
func readStyles(f *zip.File, max int64, b *budget) (styleSheet, error) {
	rc, err := b.open(f, max)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	ss := styleSheet{}
	dec := xml.NewDecoder(rc)
	dec.Strict = false
	var id string
	var cur style
	inRPr, inPPr := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return ss, nil
		}
		if err != nil {
			return ss, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "style":
				id, cur = attr(t, "styleId"), style{}
			case "name":
				cur.name = attr(t, "val")
			case "basedOn":
				cur.basedOn = attr(t, "val")
			case "rPr":
				inRPr = true
			case "pPr":
				inPPr = true
			case "b":
				if inRPr && id != "" {
					cur.bold = -1
					if onOff(t) {
						cur.bold = 1
					}
				}
			case "numId":
				if inPPr && id != "" {
					cur.list = 1
					if attr(t, "val") == "0" {
						cur.list = -1
					}
				}
			case "outlineLvl":
				if n, err := strconv.Atoi(attr(t, "val")); inPPr && err == nil && n >= 0 && n < 9 {
					cur.outline = n + 1
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "style":
				if id != "" {
					ss[id] = cur
				}
				id = ""
			case "rPr":
				inRPr = false
			case "pPr":
				inPPr = false
			}
		}
	}
}
