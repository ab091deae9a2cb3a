package htmltext

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds on metadata read from hostile input.
const (
	maxJSONLD     = 1 << 20 // bytes of one JSON-LD script decoded
	maxJSONLDObjs = 64      // JSON-LD objects kept
	maxMetaTags   = 512     // meta tags kept
)

// Meta is a document's metadata.
type Meta struct {
	Title string // the first <title>, whitespace collapsed
	Lang  string // the lang attribute of <html>, as written
	// Tags holds <meta> tags in document order: name, property or itemprop
	// (lower case) and content. A name may repeat ("article:author").
	Tags []MetaTag
	// JSONLD holds the objects of <script type="application/ld+json">
	// elements, in document order; arrays and "@graph" lists are
	// flattened into their objects. Scripts that are not valid JSON are
	// skipped.
	JSONLD []map[string]any
}

// A MetaTag is one <meta> element with a name and a content.
type MetaTag struct {
	Name, Content string
}

// Get returns the content of the first meta tag of one of the names (in
// the order the names are given), or "".
func (m Meta) Get(names ...string) string {
	for _, name := range names {
		for _, t := range m.Tags {
			if t.Name == name && t.Content != "" {
				return t.Content
			}
		}
	}
	return ""
}

// metaOf walks the tree once for title, meta tags and JSON-LD.
func metaOf(root *html.Node) Meta {
	var m Meta
	todo := []*html.Node{root}
	for len(todo) > 0 {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if m.Lang == "" {
					m.Lang = attr(n, "lang")
				}
			case atom.Title:
				if m.Title == "" {
					m.Title = strings.Join(strings.Fields(textOf(n)), " ")
				}
				continue
			case atom.Meta:
				m.addTag(n)
				continue
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					m.addJSONLD(textOf(n))
				}
				continue
			case atom.Svg, atom.Math:
				continue // foreign content: a <title> there is not the page's
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			todo = append(todo, c)
		}
	}
	return m
}

func (m *Meta) addTag(n *html.Node) {
	if len(m.Tags) >= maxMetaTags {
		return
	}
	name := attr(n, "name")
	if name == "" {
		name = attr(n, "property")
	}
	if name == "" {
		name = attr(n, "itemprop")
	}
	content := strings.Join(strings.Fields(attr(n, "content")), " ")
	if name == "" || content == "" {
		return
	}
	m.Tags = append(m.Tags, MetaTag{Name: strings.ToLower(strings.TrimSpace(name)), Content: content})
}

// addJSONLD decodes one JSON-LD script and keeps its objects.
func (m *Meta) addJSONLD(s string) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > maxJSONLD {
		return
	}
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return
	}
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 2 || len(m.JSONLD) >= maxJSONLDObjs {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				add(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				add(g, depth+1)
				return
			}
			m.JSONLD = append(m.JSONLD, x)
		}
	}
	add(v, 0)
}

// textOf concatenates the text nodes directly under n (the content of a
// <title> or <script>).
func textOf(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}
