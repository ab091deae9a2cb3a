package formats

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"newsclip/convert"
)

// epubCSS is the book's stylesheet.
const epubCSS = `body { font-family: serif; line-height: 1.4; margin: 0 5%; }
h1 { font-size: 1.5em; margin: 0.5em 0 0.2em; }
p.kicker { text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.05em; margin: 0; }
p.subheadline { font-size: 1.15em; font-style: italic; margin: 0.2em 0 0.8em; }
p.byline, p.meta, p.credits { font-size: 0.85em; color: #444; margin: 0.2em 0; }
h2.crosshead { font-size: 1.1em; margin: 1em 0 0.3em; }
blockquote { margin: 0.8em 1.5em; font-style: italic; }
`

// xmlClean removes the characters XML 1.0 forbids (C0 controls other than
// tab and line ends, U+FFFE, U+FFFF) and replaces invalid UTF-8.
func xmlClean(s string) string {
	ok := true
	for _, r := range s {
		if !xmlChar(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || !xmlChar(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// escaper escapes text for XML content and attribute values.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

// esc escapes s for XML content and attribute values, after xmlClean.
func esc(s string) string { return escaper.Replace(xmlClean(s)) }

// writeTitlePage writes the body of the title page: the book's title,
// then per group in reading order a heading and a list of links to its
// articles.
func writeTitlePage(w io.Writer, title string, titles *epubTitles, groups []epubGroup, order []int32) error {
	var b bytes.Buffer
	b.WriteString("<h1>" + esc(title) + "</h1>\n")
	for _, g := range order {
		b.WriteString("<h2>" + esc(groups[g].name) + "</h2>\n<ul>\n")
		for _, n := range groups[g].members {
			b.WriteString(`<li><a href="` + entryFile(int(n)) + `">` + esc(titles.at(n)) + "</a></li>\n")
			if b.Len() > 32<<10 {
				if _, err := w.Write(b.Bytes()); err != nil {
					return err
				}
				b.Reset()
			}
		}
		b.WriteString("</ul>\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}

// articleXHTML renders one article as a complete XHTML 5 document into b;
// title is its cleaned headline.
func articleXHTML(b *bytes.Buffer, a *convert.Article, title string) {
	lang := a.Language
	if lang == "" {
		lang = "und"
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<!DOCTYPE html>\n")
	b.WriteString(`<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="` + esc(lang) + `" xml:lang="` + esc(lang) + "\">\n")
	b.WriteString("<head>\n<title>" + esc(title) + "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"../css/newsclip.css\"/>\n</head>\n<body dir=\"auto\">\n<article>\n")
	if a.Kicker != "" {
		b.WriteString(`<p class="kicker">` + esc(a.Kicker) + "</p>\n")
	}
	b.WriteString("<h1>" + esc(title) + "</h1>\n")
	if a.Subheadline != "" {
		b.WriteString(`<p class="subheadline">` + esc(a.Subheadline) + "</p>\n")
	}
	var names []string
	for _, p := range a.Authors {
		if n := joinNonEmpty(", ", p.Name, p.Title, p.Agency); n != "" {
			names = append(names, n)
		}
	}
	if len(names) > 0 {
		b.WriteString(`<p class="byline">By ` + esc(strings.Join(names, "; ")) + "</p>\n")
	}
	meta := joinNonEmpty(" · ", a.Publication, a.Date.Raw, a.Edition, a.Section, prefixed("Page ", a.Page), a.Dateline)
	if meta != "" {
		b.WriteString(`<p class="meta">` + esc(meta) + "</p>\n")
	}
	articleBody(b, a.Body)
	var credits []string
	for _, c := range a.Credits {
		credits = append(credits, c.Role+": "+c.Name)
	}
	if len(credits) > 0 {
		b.WriteString(`<p class="credits">` + esc(strings.Join(credits, "; ")) + "</p>\n")
	}
	b.WriteString("</article>\n</body>\n</html>\n")
}

// articleBody renders the body blocks; runs of list items become one list.
func articleBody(b *bytes.Buffer, body []convert.Block) {
	inList := false
	for _, blk := range body {
		_, item := blk.(*convert.ListItem)
		if item != inList {
			if item {
				b.WriteString("<ul>\n")
			} else {
				b.WriteString("</ul>\n")
			}
			inList = item
		}
		t := esc(blk.Text())
		switch blk.(type) {
		case *convert.Heading:
			b.WriteString(`<h2 class="crosshead">` + t + "</h2>\n")
		case *convert.Quote:
			b.WriteString("<blockquote><p>" + t + "</p></blockquote>\n")
		case *convert.ListItem:
			b.WriteString("<li>" + t + "</li>\n")
		default:
			b.WriteString("<p>" + t + "</p>\n")
		}
	}
	if inList {
		b.WriteString("</ul>\n")
	}
}

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
