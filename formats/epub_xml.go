package formats

import (
	"encoding/xml"
	"io"
	"strconv"
	"time"
)

// XML namespaces of the files newsclip writes itself.
const (
	nsOPF   = "http://www.idpf.org/2007/opf"
	nsDC    = "http://purl.org/dc/elements/1.1/"
	nsXHTML = "http://www.w3.org/1999/xhtml"
	nsOPS   = "http://www.idpf.org/2007/ops"
	nsNCX   = "http://www.daisy.org/z3986/2005/ncx/"
)

// opfItem is a manifest entry of package.opf; go-epub's are read into it
// too.
type opfItem struct {
	XMLName    xml.Name `xml:"item"`
	ID         string   `xml:"id,attr"`
	Href       string   `xml:"href,attr"`
	MediaType  string   `xml:"media-type,attr"`
	Properties string   `xml:"properties,attr,omitempty"`
}

type opfItemref struct {
	XMLName xml.Name `xml:"itemref"`
	IDRef   string   `xml:"idref,attr"`
}

// opfText is a Dublin Core element with an optional id for refines. Its
// name is the field's tag, or XMLName where that is set.
type opfText struct {
	XMLName xml.Name
	ID      string `xml:"id,attr,omitempty"`
	Text    string `xml:",chardata"`
}

type opfMeta struct {
	Refines  string `xml:"refines,attr,omitempty"`
	Property string `xml:"property,attr"`
	Scheme   string `xml:"scheme,attr,omitempty"`
	Value    string `xml:",chardata"`
}

// opfMetadata is the metadata element. encoding/xml writes a prefixed
// name given in full ("dc:title") as it stands; xmlns:dc declares it.
type opfMetadata struct {
	XMLName    xml.Name     `xml:"metadata"`
	DC         string       `xml:"xmlns:dc,attr"`
	Identifier opfText      `xml:"dc:identifier"`
	Title      string       `xml:"dc:title"`
	Language   string       `xml:"dc:language"`
	People     []opfText    // dc:creator and dc:contributor elements (see addPerson)
	Publishers []string     `xml:"dc:publisher"`
	Date       string       `xml:"dc:date,omitempty"`
	Sources    *epubSources `xml:"dc:source"`
	Meta       []opfMeta    `xml:"meta"`
}

// newXMLEncoder starts an indented document on w: the XML declaration,
// then doctype (a line, or "").
func newXMLEncoder(w io.Writer, doctype string) (*xml.Encoder, error) {
	if _, err := io.WriteString(w, xml.Header+doctype); err != nil {
		return nil, err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	return enc, nil
}

func attr(name, value string) xml.Attr { return xml.Attr{Name: xml.Name{Local: name}, Value: value} }

func start(name string, attrs ...xml.Attr) xml.StartElement {
	return xml.StartElement{Name: xml.Name{Local: name}, Attr: attrs}
}

// tokens encodes a run of tokens, stopping at the first error.
func tokens(enc *xml.Encoder, ts ...xml.Token) error {
	for _, t := range ts {
		if err := enc.EncodeToken(t); err != nil {
			return err
		}
	}
	return nil
}

// closeXML ends every open element, flushes and ends the file with a
// line break.
func closeXML(w io.Writer, enc *xml.Encoder, open ...string) error {
	for i := len(open) - 1; i >= 0; i-- {
		if err := enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: open[i]}}); err != nil {
			return err
		}
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// opfMetadataOf lays out the metadata: every author as dc:creator with
// role aut, contributors with MARC roles (both through refines),
// publishers, one date, sources, the content-derived identifier and the
// modified time.
func opfMetadataOf(m epubMeta, modified time.Time) opfMetadata {
	md := opfMetadata{DC: nsDC, Identifier: opfText{ID: "pub-id", Text: m.identifier},
		Title: m.title, Language: m.lang, Publishers: m.publishers, Date: m.date, Sources: m.sources}
	for i, a := range m.authors {
		md.addPerson("dc:creator", "creator"+strconv.Itoa(i+1), a, "aut")
	}
	for i, c := range m.contributors {
		md.addPerson("dc:contributor", "contributor"+strconv.Itoa(i+1), c.Name, marcRoles[c.Role])
	}
	md.Meta = append(md.Meta, opfMeta{Property: "dcterms:modified", Value: modified.Format("2006-01-02T15:04:05Z")})
	return md
}

// addPerson adds a person as an element (dc:creator or dc:contributor)
// with the given id, and a meta that gives, through refines, the person's
// MARC relator role ("aut", "edt").
func (md *opfMetadata) addPerson(element, id, name, role string) {
	md.People = append(md.People, opfText{XMLName: xml.Name{Local: element}, ID: id, Text: name})
	md.Meta = append(md.Meta, opfMeta{Refines: "#" + id, Property: "role", Scheme: "marc:relators", Value: role})
}

// writeOPF writes the package document: metadata, go-epub's manifest items
// (skel), the n articles in input order, and the spine: go-epub's pages,
// then the articles in reading order.
func writeOPF(w io.Writer, m epubMeta, skel []opfItem, n int, groups []epubGroup, order []int32, modified time.Time) error {
	enc, err := newXMLEncoder(w, "")
	if err != nil {
		return err
	}
	pkg := start("package", attr("xmlns", nsOPF), attr("unique-identifier", "pub-id"),
		attr("version", "3.0"), attr("xml:lang", m.lang))
	if err := enc.EncodeToken(pkg); err != nil {
		return err
	}
	if err := enc.Encode(opfMetadataOf(m, modified)); err != nil {
		return err
	}
	if err := enc.EncodeToken(start("manifest")); err != nil {
		return err
	}
	var spine []opfItemref
	for _, it := range skel {
		if it.MediaType == "application/xhtml+xml" && it.Properties != "nav" {
			spine = append(spine, opfItemref{IDRef: it.ID})
		}
		if err := enc.Encode(it); err != nil {
			return err
		}
	}
	for i := 1; i <= n; i++ {
		it := opfItem{ID: entryID(i), Href: "xhtml/" + entryFile(i), MediaType: "application/xhtml+xml"}
		if err := enc.Encode(it); err != nil {
			return err
		}
	}
	if err := tokens(enc, xml.EndElement{Name: xml.Name{Local: "manifest"}}, start("spine", attr("toc", "ncx"))); err != nil {
		return err
	}
	for _, r := range spine {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	for _, g := range order {
		for _, i := range groups[g].members {
			if err := enc.Encode(opfItemref{IDRef: entryID(int(i))}); err != nil {
				return err
			}
		}
	}
	return closeXML(w, enc, "package", "spine")
}

// navLink is one entry of the navigation document's table of contents.
type navLink struct {
	XMLName xml.Name `xml:"li"`
	A       struct {
		Href string `xml:"href,attr"`
		Text string `xml:",chardata"`
	} `xml:"a"`
}

func newNavLink(href, text string) navLink {
	var l navLink
	l.A.Href, l.A.Text = href, text
	return l
}

// writeNav writes the EPUB 3 navigation document: the title page, then
// one entry per group (opening its first article) holding its articles.
func writeNav(w io.Writer, m epubMeta, titles *epubTitles, groups []epubGroup, order []int32) error {
	enc, err := newXMLEncoder(w, "<!DOCTYPE html>\n")
	if err != nil {
		return err
	}
	html := start("html", attr("xmlns", nsXHTML), attr("xmlns:epub", nsOPS), attr("lang", m.lang), attr("xml:lang", m.lang))
	if err := tokens(enc, html, start("head")); err != nil {
		return err
	}
	if err := enc.EncodeElement(m.title, start("title")); err != nil {
		return err
	}
	err = tokens(enc, xml.EndElement{Name: xml.Name{Local: "head"}}, start("body"),
		start("nav", attr("epub:type", "toc"), attr("id", "toc")))
	if err != nil {
		return err
	}
	if err := enc.EncodeElement("Contents", start("h1")); err != nil {
		return err
	}
	if err := tokens(enc, start("ol")); err != nil {
		return err
	}
	if err := enc.Encode(newNavLink("xhtml/contents.xhtml", "Contents")); err != nil {
		return err
	}
	for _, g := range order {
		grp := groups[g]
		if err := tokens(enc, start("li")); err != nil {
			return err
		}
		if err := enc.EncodeElement(grp.name, start("a", attr("href", "xhtml/"+entryFile(int(grp.members[0]))))); err != nil {
			return err
		}
		if err := tokens(enc, start("ol")); err != nil {
			return err
		}
		for _, n := range grp.members {
			if err := enc.Encode(newNavLink("xhtml/"+entryFile(int(n)), titles.at(n))); err != nil {
				return err
			}
		}
		if err := tokens(enc, xml.EndElement{Name: xml.Name{Local: "ol"}}, xml.EndElement{Name: xml.Name{Local: "li"}}); err != nil {
			return err
		}
	}
	return closeXML(w, enc, "html", "body", "nav", "ol")
}
