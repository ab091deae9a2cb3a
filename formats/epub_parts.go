package formats

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"

	epub "github.com/go-shiori/go-epub"

	"newsclip/internal/zipstream"
)

// ncxNavPoint is one leaf entry of toc.ncx. playOrder is the position of
// its file in reading order: entries opening the same file share it.
type ncxNavPoint struct {
	XMLName   xml.Name `xml:"navPoint"`
	ID        string   `xml:"id,attr"`
	PlayOrder int      `xml:"playOrder,attr"`
	Label     string   `xml:"navLabel>text"`
	Content   struct {
		Src string `xml:"src,attr"`
	} `xml:"content"`
}

func newNavPoint(id, play int, label, src string) ncxNavPoint {
	p := ncxNavPoint{ID: "np" + strconv.Itoa(id), PlayOrder: play, Label: label}
	p.Content.Src = src
	return p
}

// ncxLabel is the text of a navLabel or docTitle.
type ncxLabel struct {
	Text string `xml:"text"`
}

// ncxHead is the head and title of toc.ncx.
type ncxHead struct {
	XMLName xml.Name `xml:"head"`
	Meta    []struct {
		Name    string `xml:"name,attr"`
		Content string `xml:"content,attr"`
	} `xml:"meta"`
}

// writeNCX writes the EPUB 2 table of contents for older readers, with
// the same two levels as the navigation document.
func writeNCX(w io.Writer, m epubMeta, titles *epubTitles, groups []epubGroup, order []int32) error {
	enc, err := newXMLEncoder(w, "")
	if err != nil {
		return err
	}
	var head ncxHead
	head.Meta = make([]struct {
		Name    string `xml:"name,attr"`
		Content string `xml:"content,attr"`
	}, 2)
	head.Meta[0].Name, head.Meta[0].Content = "dtb:uid", m.identifier
	head.Meta[1].Name, head.Meta[1].Content = "dtb:depth", "2"
	ncx := start("ncx", attr("xmlns", nsNCX), attr("version", "2005-1"))
	if err := enc.EncodeToken(ncx); err != nil {
		return err
	}
	if err := enc.Encode(head); err != nil {
		return err
	}
	if err := enc.EncodeElement(ncxLabel{m.title}, start("docTitle")); err != nil {
		return err
	}
	if err := tokens(enc, start("navMap")); err != nil {
		return err
	}
	if err := enc.Encode(newNavPoint(1, 1, "Contents", "xhtml/contents.xhtml")); err != nil {
		return err
	}
	id, play := 1, 1
	for _, g := range order {
		grp := groups[g]
		id++
		p := newNavPoint(id, play+1, grp.name, "xhtml/"+entryFile(int(grp.members[0])))
		err := tokens(enc, start("navPoint", attr("id", p.ID), attr("playOrder", strconv.Itoa(p.PlayOrder))))
		if err == nil {
			err = enc.EncodeElement(ncxLabel{p.Label}, start("navLabel"))
		}
		if err == nil {
			err = enc.EncodeElement(p.Content, start("content"))
		}
		for _, n := range grp.members {
			id++
			play++
			if err == nil {
				err = enc.Encode(newNavPoint(id, play, titles.at(n), "xhtml/"+entryFile(int(n))))
			}
		}
		if err == nil {
			err = enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: "navPoint"}})
		}
		if err != nil {
			return err
		}
	}
	return closeXML(w, enc, "ncx", "navMap")
}

// contentsMarker stands in go-epub's title page for the list of
// articles, which newsclip streams in its place.
const contentsMarker = "<!--newsclip:contents-->"

// An epubSkeleton is what go-epub makes of a book without articles: the
// container, the stylesheet and the title page (files, by zip name), and
// their manifest items under stable ids.
type epubSkeleton struct {
	files map[string][]byte
	items []opfItem
}

// ownFiles are the files of go-epub's book that newsclip writes itself.
var ownFiles = map[string]bool{"mimetype": true, "EPUB/package.opf": true, "EPUB/nav.xhtml": true, "EPUB/toc.ncx": true}

// newSkeleton has go-epub write the book's skeleton and reads back its
// files and, through encoding/xml, its manifest.
func newSkeleton(m epubMeta) (*epubSkeleton, error) {
	book, err := epub.NewEpub(m.title)
	if err != nil {
		return nil, err
	}
	book.SetLang(m.lang)
	book.SetIdentifier(m.identifier)
	css, err := book.AddCSS("data:text/css;base64,"+base64.StdEncoding.EncodeToString([]byte(epubCSS)), "newsclip.css")
	if err != nil {
		return nil, err
	}
	if _, err := book.AddSection(contentsMarker, "Contents", "contents.xhtml", css); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := book.WriteTo(&buf); err != nil {
		return nil, err
	}
	files, err := readZip(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("reading go-epub's output: %v", err)
	}
	var pkg struct {
		Items []opfItem `xml:"manifest>item"`
	}
	if err := xml.Unmarshal(files["EPUB/package.opf"], &pkg); err != nil {
		return nil, fmt.Errorf("reading go-epub's package.opf: %v", err)
	}
	if len(pkg.Items) == 0 {
		return nil, fmt.Errorf("go-epub's package.opf has no manifest items")
	}
	sk := &epubSkeleton{files: files}
	for i, it := range pkg.Items {
		it.XMLName = xml.Name{}
		it.ID, it.Properties = "skel"+strconv.Itoa(i+1), ""
		switch it.Href {
		case "nav.xhtml":
			it.ID, it.Properties = "nav", "nav"
		case "toc.ncx":
			it.ID = "ncx"
		}
		sk.items = append(sk.items, it)
	}
	return sk, nil
}

// writeSkeleton copies go-epub's files into the book in name order, the
// list of articles streamed into the title page.
func (ew *EPUBWriter) writeSkeleton(sk *epubSkeleton, order []int32, title string) error {
	names := make([]string, 0, len(sk.files))
	for name := range sk.files {
		if !ownFiles[name] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		f, err := ew.zw.Create(name, zip.Deflate, ew.zipTime)
		if err != nil {
			return err
		}
		before, after, found := bytes.Cut(sk.files[name], []byte(contentsMarker))
		if _, err := f.Write(before); err != nil {
			return err
		}
		if !found {
			continue
		}
		if err := writeTitlePage(f, title, &ew.titles, ew.groups, order); err != nil {
			return err
		}
		if _, err := f.Write(after); err != nil {
			return err
		}
	}
	return nil
}

func readZip(data []byte) (map[string][]byte, error) {
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		files[f.Name] = b.Bytes()
	}
	return files, nil
}

// writeMimetype writes the first entry of every EPUB, stored.
func writeMimetype(zw *zipstream.Writer, t time.Time) error {
	f, err := zw.Create("mimetype", zip.Store, t)
	if err != nil {
		return err
	}
	_, err = io.WriteString(f, "application/epub+zip")
	return err
}
