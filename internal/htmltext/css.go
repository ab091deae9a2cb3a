package htmltext

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxStylesheet bounds the stylesheet text read for class rules (bytes).
const maxStylesheet = 1 << 20

// classRules calls f with the selectors and the declarations of each
// simple CSS rule whose selectors are made of class names (optionally
// after a tag name), in order; it finds what the regular expression
// `([a-zA-Z0-9_.,\s-]+)\{([^{}]*)\}` finds (TestClassRulesMatchRegexp),
// without trying it at every byte of a long stylesheet:
//
//	.c0 { text-align: center; }        p.lead, .intro { text-align:left }
func classRules(css string, f func(selectors, declarations string)) {
	for pos := 0; ; {
		k := strings.IndexByte(css[pos:], '{')
		if k < 0 {
			return
		}
		k += pos
		s := k
		for s > pos && selectorByte(css[s-1]) {
			s--
		}
		e := k + 1 + strings.IndexAny(css[k+1:], "{}")
		if s == k || e == k || css[e] != '}' {
			pos = k + 1 // no selector before this brace, or no closing one
			continue
		}
		f(css[s:k], css[k+1:e])
		pos = e + 1
	}
}

// selectorByte reports whether c may stand in a list of class selectors:
// [a-zA-Z0-9_.,-] or white space as RE2's \s (tab, line feed, form feed,
// carriage return, space).
func selectorByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("_.,-\t\n\f\r ", c) >= 0
}

// textAlignRE finds a text-align declaration.
var textAlignRE = regexp.MustCompile(`(?i)text-align\s*:\s*([a-z-]+)`)

// stylesheetAligns reads the document's <style> elements and returns the
// text alignment each class rule sets (class name -> "center"). Only
// selectors made of a class (or tag.class) are read; descendant and other
// selectors are ignored, and a later rule wins as in CSS.
func stylesheetAligns(root *html.Node) map[string]string {
	var css strings.Builder
	todo := []*html.Node{root}
	for len(todo) > 0 && css.Len() < maxStylesheet {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if n.Type == html.ElementNode && n.DataAtom == atom.Style {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					css.WriteString(c.Data)
				}
			}
			continue
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			continue // stylesheets live in the head; do not walk the whole body
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			todo = append(todo, c)
		}
	}
	return classAligns(css.String())
}

// classAligns reads the class rules of a stylesheet that set text-align.
func classAligns(css string) map[string]string {
	css = stripComments(css)
	out := map[string]string{}
	classRules(css, func(selectors, declarations string) {
		a := textAlignRE.FindStringSubmatch(declarations)
		if a == nil {
			return
		}
		for _, sel := range strings.Split(selectors, ",") {
			sel = strings.TrimSpace(sel)
			dot := strings.IndexByte(sel, '.')
			if dot < 0 || strings.ContainsAny(sel, " \t\n") || strings.Count(sel, ".") != 1 {
				continue
			}
			out[sel[dot+1:]] = strings.ToLower(a[1])
		}
	})
	return out
}

// stripComments removes /* */ comments and the <!-- --> wrappers old pages
// put around stylesheets.
func stripComments(css string) string {
	var b strings.Builder
	for {
		i := strings.Index(css, "/*")
		if i < 0 {
			break
		}
		b.WriteString(css[:i])
		j := strings.Index(css[i+2:], "*/")
		if j < 0 {
			css = ""
			break
		}
		css = css[i+2+j+2:]
	}
	b.WriteString(css)
	return commentMarks.Replace(b.String())
}

// commentMarks blanks the HTML comment marks a style sheet may hold.
var commentMarks = strings.NewReplacer("<!--", " ", "-->", " ")

// alignOf returns the text alignment in force inside n: its own align
// attribute, <center>, a text-align in its style attribute or set by one
// of its classes, else the alignment of its parent.
func (w *walker) alignOf(n *html.Node) string {
	if n.DataAtom == atom.Center {
		return "center"
	}
	if a := attr(n, "style"); a != "" {
		if m := textAlignRE.FindStringSubmatch(a); m != nil {
			return strings.ToLower(m[1])
		}
	}
	if a := strings.ToLower(attr(n, "align")); a != "" && n.DataAtom != atom.Img {
		return a
	}
	if len(w.styles) > 0 {
		var found string
		for _, c := range strings.Fields(attr(n, "class")) {
			if a, ok := w.styles[c]; ok {
				found = a
			}
		}
		if found != "" {
			return found
		}
	}
	if top := w.top(); top != nil {
		return top.align
	}
	return ""
}
