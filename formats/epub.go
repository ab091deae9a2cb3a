package formats

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	epub "github.com/go-shiori/go-epub"

	"newsclip/convert"
)

// EPUBOptions configure WriteEPUB. The zero value groups articles by
// publication and dates the book from its newest article.
type EPUBOptions struct {
	// GroupBy is "publication" (the default) or "date": the first level of
	// the book's navigation.
	GroupBy string
	// Modified is the book's dcterms:modified time and the time of every
	// zip entry. Zero means the newest article date, or 2000-01-01 when no
	// article is dated (SOURCE_DATE_EPOCH is the caller's to apply).
	Modified time.Time
}

// epubCSS is the book's stylesheet.
const epubCSS = `body { font-family: serif; line-height: 1.4; margin: 0 5%; }
h1 { font-size: 1.5em; margin: 0.5em 0 0.2em; }
p.kicker { text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.05em; margin: 0; }
p.subheadline { font-size: 1.15em; font-style: italic; margin: 0.2em 0 0.8em; }
p.byline, p.meta, p.credits { font-size: 0.85em; color: #444; margin: 0.2em 0; }
h2.crosshead { font-size: 1.1em; margin: 1em 0 0.3em; }
blockquote { margin: 0.8em 1.5em; font-style: italic; }
`

// marcRoles maps credit roles to MARC relator codes.
var marcRoles = map[string]string{
	convert.RoleCopyeditor: "edt", convert.RoleEditor: "edt", convert.RoleTranslator: "trl",
	convert.RolePhotographer: "pht", convert.RoleIllustrator: "ill", convert.RoleContributor: "ctb",
}

// An epubEntry is one article placed in the book.
type epubEntry struct {
	doc   *convert.Document
	art   *convert.Article
	file  string // "a00001.xhtml", under EPUB/xhtml/
	title string // never empty
	group string // navigation group: publication or date
}

// WriteEPUB writes every article of docs into one EPUB 3 book: a title page
// listing the contents, one XHTML file per article, navigation grouped by
// publication (or date). go-epub builds the skeleton (container, title page,
// stylesheet); newsclip adds the articles and writes the package document,
// navigation and zip itself, so that the time stays linear in the number of
// articles and the bytes are the same for the same input.
func WriteEPUB(w io.Writer, docs []*convert.Document, opts EPUBOptions) error {
	var entries []*epubEntry
	for _, d := range docs {
		for _, a := range d.Articles {
			n := len(entries) + 1
			title := xmlClean(strings.TrimSpace(a.Headline))
			if title == "" {
				title = fmt.Sprintf("Untitled article %d", n)
			}
			e := &epubEntry{doc: d, art: a, file: fmt.Sprintf("a%05d.xhtml", n), title: title}
			e.group = epubGroup(a, opts.GroupBy)
			entries = append(entries, e)
		}
	}
	if len(entries) == 0 {
		return fmt.Errorf("epub: no articles to write")
	}
	groups, order := groupEntries(entries, opts.GroupBy)
	// Reading order follows the navigation: group by group, and file names
	// follow reading order.
	entries = entries[:0]
	for _, g := range order {
		for _, e := range groups[g] {
			e.file = fmt.Sprintf("a%05d.xhtml", len(entries)+1)
			entries = append(entries, e)
		}
	}
	meta := collectEPUBMeta(docs, entries)
	modified := opts.Modified
	if modified.IsZero() {
		modified = meta.newest
	}
	modified = modified.UTC().Truncate(time.Second)

	// The skeleton, from go-epub: one fresh *epub.Epub per book.
	book, err := epub.NewEpub(meta.title)
	if err != nil {
		return fmt.Errorf("epub: %v", err)
	}
	book.SetLang(meta.lang)
	book.SetIdentifier(meta.identifier)
	css, err := book.AddCSS("data:text/css;base64,"+base64.StdEncoding.EncodeToString([]byte(epubCSS)), "newsclip.css")
	if err != nil {
		return fmt.Errorf("epub: %v", err)
	}
	if _, err := book.AddSection(titlePageBody(meta.title, groups, order), "Contents", "contents.xhtml", css); err != nil {
		return fmt.Errorf("epub: %v", err)
	}
	var skeleton bytes.Buffer
	if _, err := book.WriteTo(&skeleton); err != nil {
		return fmt.Errorf("epub: %v", err)
	}
	files, err := readZip(skeleton.Bytes())
	if err != nil {
		return fmt.Errorf("epub: reading go-epub's output: %v", err)
	}

	// Our additions: articles, package document, navigation.
	for _, e := range entries {
		files["EPUB/xhtml/"+e.file] = articleXHTML(e)
	}
	opf, err := patchOPF(files["EPUB/package.opf"], meta, entries, modified)
	if err != nil {
		return err
	}
	files["EPUB/package.opf"] = opf
	files["EPUB/nav.xhtml"] = navXHTML(meta.title, meta.lang, groups, order)
	files["EPUB/toc.ncx"] = tocNCX(meta, groups, order)
	return writeZip(w, files, modified)
}

func epubGroup(a *convert.Article, by string) string {
	if by == "date" {
		if iso := a.Date.ISO(); iso != "" {
			return iso
		}
		return "Undated"
	}
	if p := xmlClean(a.Publication); p != "" {
		return p
	}
	return "Unknown publication"
}

// groupEntries groups entries by their group, articles in input order.
// Publications come in order of first appearance, dates in calendar order
// (undated last).
func groupEntries(entries []*epubEntry, by string) (map[string][]*epubEntry, []string) {
	groups := map[string][]*epubEntry{}
	var order []string
	for _, e := range entries {
		if _, ok := groups[e.group]; !ok {
			order = append(order, e.group)
		}
		groups[e.group] = append(groups[e.group], e)
	}
	if by == "date" {
		sort.SliceStable(order, func(i, j int) bool { return order[i] < order[j] })
	}
	return groups, order
}

// epubMeta is the book-level metadata gathered from all articles.
type epubMeta struct {
	title, lang, identifier string
	authors                 []string
	contributors            []convert.Credit
	publishers, sources     []string
	date                    string // newest ISO date, or ""
	newest                  time.Time
}

func collectEPUBMeta(docs []*convert.Document, entries []*epubEntry) epubMeta {
	var m epubMeta
	seen := map[string]bool{}
	add := func(list *[]string, kind, s string) {
		s = xmlClean(strings.TrimSpace(s))
		if s != "" && !seen[kind+"\x00"+s] {
			seen[kind+"\x00"+s] = true
			*list = append(*list, s)
		}
	}
	h := sha256.New()
	for _, d := range docs {
		// The base name only: the same files converted from two folders
		// must give the same book.
		add(&m.sources, "source", filepath.Base(d.Source.File))
		h.Write([]byte(d.Source.SHA256))
	}
	langs := map[string]int{}
	for _, e := range entries {
		a := e.art
		for _, p := range a.Authors {
			name := p.Name
			if name == "" {
				name = p.Agency
			}
			add(&m.authors, "author", name)
		}
		for _, c := range a.Credits {
			if k := "credit\x00" + c.Role + "\x00" + c.Name; !seen[k] && xmlClean(c.Name) != "" {
				seen[k] = true
				m.contributors = append(m.contributors, convert.Credit{Name: xmlClean(c.Name), Role: c.Role})
			}
		}
		add(&m.publishers, "publisher", a.Publication)
		if iso := a.Date.ISO(); iso > m.date {
			m.date = iso
		}
		if a.Language != "" {
			langs[a.Language]++
		}
	}
	m.identifier = "urn:sha256:" + hex.EncodeToString(h.Sum(nil))
	m.lang = "und"
	best := 0
	for l, n := range langs {
		if n > best || n == best && l < m.lang {
			m.lang, best = l, n
		}
	}
	switch {
	case len(entries) == 1:
		m.title = entries[0].title
	case len(m.publishers) == 1:
		m.title = m.publishers[0] + ": clippings"
	default:
		m.title = "Newspaper clippings"
	}
	m.newest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if m.date != "" {
		y, mo, d := 0, 1, 1
		fmt.Sscanf(m.date, "%d-%d-%d", &y, &mo, &d)
		m.newest = time.Date(y, time.Month(max(mo, 1)), max(d, 1), 0, 0, 0, 0, time.UTC)
	}
	return m
}

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

// esc escapes text for XML content and attribute values, after xmlClean.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

func esc(s string) string { return escaper.Replace(xmlClean(s)) }

func titlePageBody(title string, groups map[string][]*epubEntry, order []string) string {
	var b strings.Builder
	b.WriteString("<h1>" + esc(title) + "</h1>\n")
	for _, g := range order {
		b.WriteString("<h2>" + esc(g) + "</h2>\n<ul>\n")
		for _, e := range groups[g] {
			fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>\n", e.file, esc(e.title))
		}
		b.WriteString("</ul>\n")
	}
	return b.String()
}

// articleXHTML renders one article as a complete XHTML 5 document.
func articleXHTML(e *epubEntry) []byte {
	a := e.art
	lang := a.Language
	if lang == "" {
		lang = "und"
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<!DOCTYPE html>\n")
	fmt.Fprintf(&b, `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="%s" xml:lang="%s">`+"\n", esc(lang), esc(lang))
	fmt.Fprintf(&b, "<head>\n<title>%s</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"../css/newsclip.css\"/>\n</head>\n<body dir=\"auto\">\n<article>\n", esc(e.title))
	if a.Kicker != "" {
		b.WriteString(`<p class="kicker">` + esc(a.Kicker) + "</p>\n")
	}
	b.WriteString("<h1>" + esc(e.title) + "</h1>\n")
	if a.Subheadline != "" {
		b.WriteString(`<p class="subheadline">` + esc(a.Subheadline) + "</p>\n")
	}
	var names []string
	for _, p := range a.Authors {
		n := joinNonEmpty(", ", p.Name, p.Title, p.Agency)
		if n != "" {
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
	inList := false
	for _, blk := range a.Body {
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
	var credits []string
	for _, c := range a.Credits {
		credits = append(credits, c.Role+": "+c.Name)
	}
	if len(credits) > 0 {
		b.WriteString(`<p class="credits">` + esc(strings.Join(credits, "; ")) + "</p>\n")
	}
	b.WriteString("</article>\n</body>\n</html>\n")
	return b.Bytes()
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

var manifestItemRE = regexp.MustCompile(`<item [^>]*href="([^"]+)"[^>]*media-type="([^"]+)"[^>]*>(?:</item>)?`)

// patchOPF rewrites go-epub's package document: full metadata (every author
// as dc:creator with role aut, contributors with MARC roles through
// refines, publishers, one date, sources, a content-derived identifier, a
// fixed modified time), go-epub's manifest items under stable ids, and the
// articles in manifest and spine.
func patchOPF(orig []byte, m epubMeta, entries []*epubEntry, modified time.Time) ([]byte, error) {
	items := manifestItemRE.FindAllSubmatch(orig, -1)
	if len(items) == 0 {
		return nil, fmt.Errorf("epub: go-epub's package.opf has no manifest items")
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<package xmlns="http://www.idpf.org/2007/opf" unique-identifier="pub-id" version="3.0" xml:lang="%s">`+"\n", esc(m.lang))
	b.WriteString(`  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n")
	fmt.Fprintf(&b, "    <dc:identifier id=\"pub-id\">%s</dc:identifier>\n", esc(m.identifier))
	fmt.Fprintf(&b, "    <dc:title>%s</dc:title>\n", esc(m.title))
	fmt.Fprintf(&b, "    <dc:language>%s</dc:language>\n", esc(m.lang))
	for i, a := range m.authors {
		fmt.Fprintf(&b, "    <dc:creator id=\"creator%d\">%s</dc:creator>\n", i+1, esc(a))
		fmt.Fprintf(&b, "    <meta refines=\"#creator%d\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n", i+1)
	}
	for i, c := range m.contributors {
		fmt.Fprintf(&b, "    <dc:contributor id=\"contributor%d\">%s</dc:contributor>\n", i+1, esc(c.Name))
		fmt.Fprintf(&b, "    <meta refines=\"#contributor%d\" property=\"role\" scheme=\"marc:relators\">%s</meta>\n", i+1, marcRoles[c.Role])
	}
	for _, p := range m.publishers {
		fmt.Fprintf(&b, "    <dc:publisher>%s</dc:publisher>\n", esc(p))
	}
	if m.date != "" {
		fmt.Fprintf(&b, "    <dc:date>%s</dc:date>\n", m.date)
	}
	for _, s := range m.sources {
		fmt.Fprintf(&b, "    <dc:source>%s</dc:source>\n", esc(s))
	}
	fmt.Fprintf(&b, "    <meta property=\"dcterms:modified\">%s</meta>\n", modified.Format("2006-01-02T15:04:05Z"))
	b.WriteString("  </metadata>\n  <manifest>\n")
	var spineFirst []string
	for i, it := range items {
		href, mt := string(it[1]), string(it[2])
		id := fmt.Sprintf("skel%d", i+1)
		props := ""
		switch href {
		case "nav.xhtml":
			id, props = "nav", ` properties="nav"`
		case "toc.ncx":
			id = "ncx"
		}
		if mt == "application/xhtml+xml" && href != "nav.xhtml" {
			spineFirst = append(spineFirst, id)
		}
		fmt.Fprintf(&b, "    <item id=\"%s\" href=\"%s\" media-type=\"%s\"%s/>\n", id, esc(href), esc(mt), props)
	}
	for _, e := range entries {
		id := strings.TrimSuffix(e.file, ".xhtml")
		fmt.Fprintf(&b, "    <item id=\"%s\" href=\"xhtml/%s\" media-type=\"application/xhtml+xml\"/>\n", id, e.file)
	}
	b.WriteString("  </manifest>\n  <spine toc=\"ncx\">\n")
	for _, id := range spineFirst {
		fmt.Fprintf(&b, "    <itemref idref=\"%s\"/>\n", id)
	}
	for _, e := range entries {
		fmt.Fprintf(&b, "    <itemref idref=\"%s\"/>\n", strings.TrimSuffix(e.file, ".xhtml"))
	}
	b.WriteString("  </spine>\n</package>\n")
	return b.Bytes(), nil
}

func navXHTML(title, lang string, groups map[string][]*epubEntry, order []string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<!DOCTYPE html>\n")
	fmt.Fprintf(&b, `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="%s" xml:lang="%s">`+"\n", esc(lang), esc(lang))
	fmt.Fprintf(&b, "<head>\n<title>%s</title>\n</head>\n<body>\n<nav epub:type=\"toc\" id=\"toc\">\n<h1>Contents</h1>\n<ol>\n", esc(title))
	b.WriteString("<li><a href=\"xhtml/contents.xhtml\">Contents</a></li>\n")
	for _, g := range order {
		first := groups[g][0]
		fmt.Fprintf(&b, "<li><a href=\"xhtml/%s\">%s</a>\n<ol>\n", first.file, esc(g))
		for _, e := range groups[g] {
			fmt.Fprintf(&b, "<li><a href=\"xhtml/%s\">%s</a></li>\n", e.file, esc(e.title))
		}
		b.WriteString("</ol>\n</li>\n")
	}
	b.WriteString("</ol>\n</nav>\n</body>\n</html>\n")
	return b.Bytes()
}

func tocNCX(m epubMeta, groups map[string][]*epubEntry, order []string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">` + "\n")
	fmt.Fprintf(&b, "<head>\n<meta name=\"dtb:uid\" content=\"%s\"/>\n<meta name=\"dtb:depth\" content=\"2\"/>\n</head>\n", esc(m.identifier))
	fmt.Fprintf(&b, "<docTitle><text>%s</text></docTitle>\n<navMap>\n", esc(m.title))
	// navPoints that open the same file share its playOrder.
	n, plays := 0, map[string]int{}
	point := func(label, src string) {
		n++
		if plays[src] == 0 {
			plays[src] = len(plays) + 1
		}
		fmt.Fprintf(&b, "<navPoint id=\"np%d\" playOrder=\"%d\"><navLabel><text>%s</text></navLabel><content src=\"%s\"/>", n, plays[src], esc(label), src)
	}
	point("Contents", "xhtml/contents.xhtml")
	b.WriteString("</navPoint>\n")
	for _, g := range order {
		point(g, "xhtml/"+groups[g][0].file)
		b.WriteString("\n")
		for _, e := range groups[g] {
			point(e.title, "xhtml/"+e.file)
			b.WriteString("</navPoint>\n")
		}
		b.WriteString("</navPoint>\n")
	}
	b.WriteString("</navMap>\n</ncx>\n")
	return b.Bytes()
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

// zipHeader makes an entry header with the MS-DOS time only: the extended
// timestamp field that Modified adds is forbidden on the mimetype entry.
func zipHeader(name string, method uint16, t time.Time) *zip.FileHeader {
	t = t.UTC()
	h := &zip.FileHeader{Name: name, Method: method}
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	//lint:ignore SA1019 the legacy MS-DOS time adds no extra field
	h.ModifiedDate = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	//lint:ignore SA1019 the legacy MS-DOS time adds no extra field
	h.ModifiedTime = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return h
}

// writeZip writes the book: mimetype first and stored, then every other
// file in name order, all with the same time, so that the bytes depend only
// on the content.
func writeZip(w io.Writer, files map[string][]byte, modified time.Time) error {
	zw := zip.NewWriter(w)
	names := make([]string, 0, len(files))
	for name := range files {
		if name != "mimetype" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	mt, err := zw.CreateHeader(zipHeader("mimetype", zip.Store, modified))
	if err != nil {
		return err
	}
	if _, err := mt.Write([]byte("application/epub+zip")); err != nil {
		return err
	}
	for _, name := range names {
		f, err := zw.CreateHeader(zipHeader(name, zip.Deflate, modified))
		if err != nil {
			return err
		}
		if _, err := f.Write(files[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}
