package htmltext

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A Block is one run of text the markup sets apart: a paragraph, heading,
// list item, table row, or the text directly inside a div or other
// container.
type Block struct {
	Tag   string // the innermost enclosing block element: "p", "h2", "li", "tr", "div", "body"
	ID    string // that element's id attribute
	Class string // that element's class attribute, as written
	// Align is the text alignment in force: "center", "left", "right",
	// "justify", or "" when the markup does not say. It comes from align
	// attributes, <center>, style attributes and simple class rules of the
	// document's own stylesheets (".c1 { text-align: center }"), and is
	// inherited as in CSS.
	Align string
	// Path lists the enclosing elements that carry an id or a class,
	// outermost first, the block's own element included when it has one
	// (at most MaxPath of them, the innermost kept).
	Path []Element
	// Text is the block's text: whitespace collapsed to single spaces,
	// a <br> as "\n", table cells of a row joined by " | "; trimmed and
	// never empty. Inside <pre> spacing and newlines are kept.
	Text string
}

// An Element names an enclosing element of a block.
type Element struct {
	Tag, ID, Class string
	// Seq numbers the elements of a document in document order, from 1;
	// blocks with the same Seq in their Path are inside the same element.
	Seq int
}

// HasClass reports whether the element's class list holds name.
func (e Element) HasClass(name string) bool { return hasClass(e.Class, name) }

// HasClass reports whether the block's own class list holds name.
func (b Block) HasClass(name string) bool { return hasClass(b.Class, name) }

func hasClass(list, name string) bool {
	for _, c := range strings.Fields(list) {
		if c == name {
			return true
		}
	}
	return false
}

// MaxPath bounds Block.Path.
const MaxPath = 16

// blockTags are the elements whose start and end break the text into
// blocks. Table cells are not among them: the cells of a row make one
// block.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Html: true, atom.Li: true, atom.Main: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Tfoot: true, atom.Thead: true, atom.Tr: true,
	atom.Ul: true, atom.Legend: true,
}

// skipTags are elements whose content is not text a reader sees.
var skipTags = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Nav: true, atom.Svg: true, atom.Math: true,
	atom.Iframe: true, atom.Object: true, atom.Select: true, atom.Textarea: true,
	atom.Button: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
}

// A frame is one open element during the walk.
type frame struct {
	node  *html.Node
	block bool   // a block element
	align string // the alignment in force inside it
	pre   bool   // inside <pre>
	path  int    // len(walker.path) before this element was pushed
}

// A walker turns a tree into blocks, keeping the text seen since the last
// block boundary.
type walker struct {
	styles map[string]string // class -> text-align from the stylesheets
	stack  []frame
	path   []Element
	seq    int
	buf    []byte // text since the last block boundary
	tidied []byte // flush's scratch space
	cells  int    // cells opened in the current row
	out    []Block
}

// blocksOf walks the tree under root without recursion.
func blocksOf(root *html.Node, styles map[string]string) []Block {
	w := &walker{styles: styles}
	type step struct {
		n    *html.Node
		exit bool
	}
	todo := []step{{n: root}}
	for len(todo) > 0 {
		s := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if s.exit {
			w.leave(s.n)
			continue
		}
		if !w.enter(s.n) {
			continue
		}
		todo = append(todo, step{n: s.n, exit: true})
		for c := s.n.LastChild; c != nil; c = c.PrevSibling {
			todo = append(todo, step{n: c})
		}
	}
	w.flush()
	return w.out
}

// enter handles the start of a node and reports whether to walk its
// children (and then call leave).
func (w *walker) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return false
	case html.DocumentNode:
		return true
	case html.ElementNode:
	default:
		return false
	}
	if skipTags[n.DataAtom] || hasAttr(n, "hidden") {
		return false
	}
	switch n.DataAtom {
	case atom.Br:
		w.buf = append(w.buf, '\n')
		return false
	case atom.Td, atom.Th:
		if w.cells > 0 {
			w.buf = append(w.buf, " | "...)
		}
		w.cells++
	case atom.Img, atom.Input, atom.Hr:
		if n.DataAtom == atom.Hr {
			w.flush()
		}
		return false
	}
	f := frame{node: n, block: blockTags[n.DataAtom], path: len(w.path)}
	f.align, f.pre = w.alignOf(n), n.DataAtom == atom.Pre
	if top := w.top(); top != nil {
		f.pre = f.pre || top.pre
	}
	if f.block {
		w.flush()
	}
	w.seq++
	if id, class := attr(n, "id"), attr(n, "class"); id != "" || class != "" {
		w.path = append(w.path, Element{Tag: n.Data, ID: id, Class: class, Seq: w.seq})
	}
	w.stack = append(w.stack, f)
	return true
}

// leave handles the end of an element entered with enter.
func (w *walker) leave(n *html.Node) {
	if n.Type != html.ElementNode || len(w.stack) == 0 {
		return
	}
	f := w.stack[len(w.stack)-1]
	if f.block {
		w.flush()
	}
	w.stack = w.stack[:len(w.stack)-1]
	w.path = w.path[:f.path]
	if n.DataAtom == atom.Tr {
		w.cells = 0
	}
}

func (w *walker) top() *frame {
	if len(w.stack) == 0 {
		return nil
	}
	return &w.stack[len(w.stack)-1]
}

// text adds a text node. Outside <pre> each space, tab, line break, form
// feed and no-break space becomes a space (tidy collapses them), and each
// invalid UTF-8 byte U+FFFD; inside, CRLF becomes LF.
func (w *walker) text(s string) {
	if top := w.top(); top != nil && top.pre {
		w.buf = append(w.buf, strings.ReplaceAll(s, "\r\n", "\n")...)
		return
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\t' || c == '\n' || c == '\r' || c == '\f' {
				c = ' '
			}
			w.buf = append(w.buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\u00a0':
			w.buf = append(w.buf, ' ')
		case r == utf8.RuneError && n == 1:
			w.buf = utf8.AppendRune(w.buf, r)
		default:
			w.buf = append(w.buf, s[i:i+n]...)
		}
		i += n
	}
}

// flush ends the current block: its text, tidied, becomes a Block of the
// innermost open block element.
func (w *walker) flush() {
	if len(w.buf) == 0 {
		return
	}
	pre := false
	if top := w.top(); top != nil {
		pre = top.pre
	}
	w.tidied = appendTidy(w.tidied[:0], w.buf, pre)
	w.buf = w.buf[:0]
	if len(w.tidied) == 0 {
		return
	}
	text := string(w.tidied)
	b := Block{Tag: "body", Text: text}
	for i := len(w.stack) - 1; i >= 0; i-- {
		if f := w.stack[i]; f.block {
			b.Tag, b.ID, b.Class = f.node.Data, attr(f.node, "id"), attr(f.node, "class")
			break
		}
	}
	if top := w.top(); top != nil {
		b.Align = top.align
	}
	from := max(0, len(w.path)-MaxPath)
	b.Path = append([]Element(nil), w.path[from:]...)
	w.out = append(w.out, b)
	w.cells = 0
}

// appendTidy appends s with each line trimmed and its runs of spaces
// (unicode.IsSpace) collapsed to one space, outside <pre>, or only its
// trailing spaces and tabs removed, inside; blank lines at either end are
// dropped. It is strings.Join(strings.Fields(line), " ") per line, in one
// pass (TestTidyMatchesFields).
func appendTidy(dst, s []byte, pre bool) []byte {
	start := len(dst)
	end := start // dst's length after the last line with text
	for more := true; more; {
		var line []byte
		line, s, more = bytes.Cut(s, newline)
		if end > start {
			dst = append(dst, '\n')
		}
		at := len(dst)
		if pre {
			dst = append(dst, bytes.TrimRight(line, " \t")...)
		} else {
			dst = appendFields(dst, line)
		}
		switch {
		case len(bytes.TrimSpace(dst[at:])) > 0:
			end = len(dst)
		case end == start:
			dst = dst[:start] // a blank line before the first text
		}
	}
	return dst[:end]
}

var newline = []byte{'\n'}

// appendFields appends the words of line (separated by unicode.IsSpace)
// joined by single spaces.
func appendFields(dst, line []byte) []byte {
	at, word := len(dst), false
	for i := 0; i < len(line); {
		c := line[i]
		n, space := 1, asciiSpace[c] != 0
		if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRune(line[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space:
			word = false
		case !word && len(dst) > at:
			dst = append(dst, ' ')
			fallthrough
		default:
			word = true
			dst = append(dst, line[i:i+n]...)
		}
		i += n
	}
	return dst
}

// asciiSpace marks the ASCII bytes strings.Fields splits at.
var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// flatBlocks reads blocks from the token stream alone, for markup the
// parser refuses: text between block tags becomes a block of tag "body";
// skipped elements are skipped as in blocksOf (by counting their start and
// end tags).
func flatBlocks(text string) []Block {
	z := html.NewTokenizer(strings.NewReader(text))
	w := &walker{}
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			w.flush()
			return w.out
		case html.TextToken:
			if skip == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case skipTags[a] && tt == html.StartTagToken:
				skip++
			case skipTags[a] && tt == html.EndTagToken:
				skip = max(0, skip-1)
			case a == atom.Br && skip == 0:
				w.buf = append(w.buf, '\n')
			case blockTags[a] || a == atom.Hr:
				w.flush()
			}
		}
	}
}
