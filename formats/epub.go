package formats

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"newsclip/convert"
	"newsclip/internal/zipstream"
)

// EPUBOptions configure WriteEPUB and NewEPUBWriter. The zero value groups
// articles by publication and dates the book from its newest article.
type EPUBOptions struct {
	// GroupBy is "publication" (the default) or "date": the first level of
	// the book's navigation and the reading order.
	GroupBy string
	// Modified is the book's dcterms:modified time and the time of every
	// zip entry. Zero means: dcterms:modified is the newest article date
	// (2000-01-01 when no article is dated) and the zip entries carry
	// 2000-01-01, since articles are written before the newest date is
	// known. SOURCE_DATE_EPOCH is the caller's to apply.
	Modified time.Time
	// TempDir is the folder of the temporary files that hold a long
	// book's navigation until Close; "" means os.TempDir().
	TempDir string
}

// spillMemLimit is how many bytes each of a book's three lists (titles,
// file names, zip directory) keeps in memory before it moves to a
// temporary file; 0 is spill.DefaultMemLimit. Tests lower it.
var spillMemLimit = 0

// epubDefaultTime is the time of a book with no dated article and of the
// zip entries when EPUBOptions.Modified is zero.
var epubDefaultTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// marcRoles maps credit roles to MARC relator codes.
var marcRoles = map[string]string{
	convert.RoleCopyeditor: "edt", convert.RoleEditor: "edt", convert.RoleTranslator: "trl",
	convert.RolePhotographer: "pht", convert.RoleIllustrator: "ill", convert.RoleContributor: "ctb",
}

// file is the entry's XHTML file name under EPUB/xhtml/: its 1-based
// position in the input, "a00001.xhtml".
func entryFile(n int) string { return fmt.Sprintf("a%05d.xhtml", n) }

// entryID is the manifest id of the n-th article, "a00001".
func entryID(n int) string { return fmt.Sprintf("a%05d", n) }

// An epubGroup is one first-level navigation entry: a publication or a
// date, with the 1-based input positions of its articles in input order.
type epubGroup struct {
	name    string
	members []int32
}

// An EPUBWriter writes one EPUB 3 book article by article: each article's
// XHTML goes into the zip as soon as it is added. What the navigation
// needs until Close (the titles, the input file names, the zip
// directory) goes to temporary files past 1 MiB each (spill.Store); what
// stays in memory is 12 bytes an article (where its title ends, its place
// in its group), a hash of each distinct file name, and the distinct
// groups, people and publications. The navigation, title page and
// package document are written by Close. The bytes depend only on the
// documents added, in order, and the options.
type EPUBWriter struct {
	w       io.Writer
	opts    EPUBOptions
	zw      *zipstream.Writer // nil until the first article
	zipTime time.Time
	buf     bytes.Buffer // one article's XHTML, reused
	titles  epubTitles   // article n's title is titles.at(n)
	groups  []epubGroup
	groupOf map[string]int32
	meta    epubMetaBuilder
	err     error // the first error, or "writer closed"; every later call returns it
	// spillLimit is spillMemLimit when the writer was made.
	spillLimit int
}

// NewEPUBWriter starts a book on w. Nothing is written before the first
// article.
func NewEPUBWriter(w io.Writer, opts EPUBOptions) *EPUBWriter {
	zt := opts.Modified
	if zt.IsZero() {
		zt = epubDefaultTime
	}
	ew := &EPUBWriter{w: w, opts: opts, zipTime: zt.UTC().Truncate(time.Second),
		groupOf: map[string]int32{}, meta: newEPUBMetaBuilder()}
	ew.titles.store.Dir, ew.meta.sources.store.Dir = opts.TempDir, opts.TempDir
	ew.titles.store.MemLimit, ew.meta.sources.store.MemLimit = spillMemLimit, spillMemLimit
	ew.spillLimit = spillMemLimit
	return ew
}

// WriteEPUB writes every article of docs into one EPUB 3 book: a title
// page listing the contents, one XHTML file per article, navigation
// grouped by publication (or date). See EPUBWriter.
func WriteEPUB(w io.Writer, docs []*convert.Document, opts EPUBOptions) error {
	ew := NewEPUBWriter(w, opts)
	for _, d := range docs {
		if err := ew.Add(d); err != nil {
			return err // Add released the temporary files
		}
	}
	return ew.Close()
}

// Add writes the articles of d into the book, in order.
func (ew *EPUBWriter) Add(d *convert.Document) error {
	if ew.err != nil {
		return ew.err
	}
	if err := ew.meta.addDocument(d); err != nil {
		return ew.fail(err)
	}
	for _, a := range d.Articles {
		if err := ew.addArticle(a); err != nil {
			return ew.fail(err)
		}
	}
	return nil
}

// fail records the first error ("epub: ..."), which every later call
// returns, and releases the temporary files: the book cannot be finished.
func (ew *EPUBWriter) fail(err error) error {
	if ew.err == nil {
		ew.err = fmt.Errorf("epub: %v", err)
	}
	ew.release()
	return ew.err
}

// Abort gives up the book: its temporary files are released and nothing
// more is written. A caller that stops adding before Close (an error, a
// signal) calls Abort; after Close it does nothing.
func (ew *EPUBWriter) Abort() { ew.fail(errors.New("book abandoned")) }

// release closes the temporary files of the titles, the file names and
// the zip directory, returning the first error.
func (ew *EPUBWriter) release() error {
	if ew.zw != nil {
		ew.zw.Abort()
	}
	err := ew.titles.close()
	if serr := ew.meta.sources.close(); err == nil {
		err = serr
	}
	return err
}

func (ew *EPUBWriter) addArticle(a *convert.Article) error {
	if ew.zw == nil {
		ew.zw = zipstream.NewWriter(ew.w)
		ew.zw.SetSpill(ew.opts.TempDir, ew.spillLimit)
		if err := writeMimetype(ew.zw, ew.zipTime); err != nil {
			return err
		}
	}
	n := ew.titles.count() + 1
	// What the book keeps of an article in memory until Close is copied
	// out of it (strings.Clone): a name is a substring of the input's
	// text, and keeping it would keep every input's text, some 2.7 KB an
	// article (TestEPUBWriterKeepsNoInput).
	title := xmlClean(strings.TrimSpace(a.Headline))
	if title == "" {
		title = fmt.Sprintf("Untitled article %d", n)
	}
	name := groupName(a, ew.opts.GroupBy)
	g, ok := ew.groupOf[name]
	if !ok {
		name = strings.Clone(name)
		g = int32(len(ew.groups))
		ew.groupOf[name] = g
		ew.groups = append(ew.groups, epubGroup{name: name})
	}
	ew.groups[g].members = append(ew.groups[g].members, int32(n))
	if err := ew.titles.add(title); err != nil {
		return err
	}
	ew.meta.addArticle(a)

	ew.buf.Reset()
	articleXHTML(&ew.buf, a, title)
	f, err := ew.zw.Create("EPUB/xhtml/"+entryFile(n), zip.Deflate, ew.zipTime)
	if err != nil {
		return err
	}
	_, err = f.Write(ew.buf.Bytes())
	return err
}

// Close writes the title page, the navigation, the package document and
// the zip directory. It fails when no article was added.
func (ew *EPUBWriter) Close() error {
	if ew.err != nil {
		ew.release()
		return ew.err
	}
	if ew.titles.count() == 0 {
		return ew.fail(errors.New("no articles to write"))
	}
	err := ew.finish()
	if rerr := ew.release(); err == nil {
		err = rerr
	}
	if err != nil {
		return ew.fail(err)
	}
	ew.err = errors.New("epub: writer closed")
	return nil
}

func (ew *EPUBWriter) finish() error {
	m := ew.meta.done(&ew.titles)
	modified := ew.opts.Modified
	if modified.IsZero() {
		modified = m.newest
	}
	modified = modified.UTC().Truncate(time.Second)
	order := ew.readingOrder()
	sk, err := newSkeleton(m)
	if err != nil {
		return err
	}
	if err := ew.writeSkeleton(sk, order, m.title); err != nil {
		return err
	}
	parts := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"EPUB/nav.xhtml", func(w io.Writer) error { return writeNav(w, m, &ew.titles, ew.groups, order) }},
		{"EPUB/package.opf", func(w io.Writer) error {
			return writeOPF(w, m, sk.items, ew.titles.count(), ew.groups, order, modified)
		}},
		{"EPUB/toc.ncx", func(w io.Writer) error { return writeNCX(w, m, &ew.titles, ew.groups, order) }},
	}
	for _, p := range parts {
		f, err := ew.zw.Create(p.name, zip.Deflate, ew.zipTime)
		if err != nil {
			return err
		}
		if err := p.write(f); err != nil {
			return err
		}
		if ew.titles.err != nil {
			return ew.titles.err
		}
	}
	return ew.zw.Close()
}

// readingOrder returns the group indexes in reading order: publications
// in order of first appearance, dates in calendar order ("Undated" sorts
// after every ISO date).
func (ew *EPUBWriter) readingOrder() []int32 {
	order := make([]int32, len(ew.groups))
	for i := range order {
		order[i] = int32(i)
	}
	if ew.opts.GroupBy == "date" {
		sort.SliceStable(order, func(i, j int) bool { return ew.groups[order[i]].name < ew.groups[order[j]].name })
	}
	return order
}

// groupName is the navigation group of a: its ISO date when grouping by
// date, else its publication.
func groupName(a *convert.Article, by string) string {
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

// epubMeta is the book-level metadata gathered from all articles.
type epubMeta struct {
	title, lang, identifier string
	authors                 []string
	contributors            []convert.Credit
	publishers              []string
	sources                 *epubSources
	date                    string // newest ISO date, or ""
	newest                  time.Time
}

// epubMetaBuilder gathers epubMeta as documents stream past; its memory
// grows with the distinct people and publications, and by a hash a
// distinct input file name (the names are in sources).
type epubMetaBuilder struct {
	m       epubMeta
	sources epubSources
	seen    map[string]bool
	langs   map[string]int
	h       hash.Hash // over the inputs' SHA-256, in order: the identifier
}

func newEPUBMetaBuilder() epubMetaBuilder {
	return epubMetaBuilder{seen: map[string]bool{}, langs: map[string]int{}, h: sha256.New()}
}

func (b *epubMetaBuilder) add(list *[]string, kind, s string) {
	s = xmlClean(strings.TrimSpace(s))
	if k := kind + "\x00" + s; s != "" && !b.seen[k] {
		b.seen[k] = true
		*list = append(*list, strings.Clone(s)) // not a view of the input (see addArticle)
	}
}

func (b *epubMetaBuilder) addDocument(d *convert.Document) error {
	// The base name only: the same files converted from two folders must
	// give the same book.
	if s := xmlClean(strings.TrimSpace(filepath.Base(d.Source.File))); s != "" {
		if err := b.sources.add(s); err != nil {
			return err
		}
	}
	b.h.Write([]byte(d.Source.SHA256))
	return nil
}

func (b *epubMetaBuilder) addArticle(a *convert.Article) {
	for _, p := range a.Authors {
		name := p.Name
		if name == "" {
			name = p.Agency
		}
		b.add(&b.m.authors, "author", name)
	}
	for _, c := range a.Credits {
		if k := "credit\x00" + c.Role + "\x00" + c.Name; !b.seen[k] && xmlClean(c.Name) != "" {
			b.seen[k] = true
			b.m.contributors = append(b.m.contributors, convert.Credit{Name: strings.Clone(xmlClean(c.Name)), Role: strings.Clone(c.Role)})
		}
	}
	b.add(&b.m.publishers, "publisher", a.Publication)
	if iso := a.Date.ISO(); iso > b.m.date {
		b.m.date = iso
	}
	if a.Language != "" {
		if _, ok := b.langs[a.Language]; !ok {
			b.langs[strings.Clone(a.Language)] = 0
		}
		b.langs[a.Language]++
	}
}

// done settles the title (the headline of a single article, else the
// publication's or a generic one), the most common language and the
// newest date.
func (b *epubMetaBuilder) done(titles *epubTitles) epubMeta {
	m := b.m
	m.sources = &b.sources
	m.identifier = "urn:sha256:" + hex.EncodeToString(b.h.Sum(nil))
	m.lang = "und"
	best := 0
	for l, n := range b.langs {
		if n > best || n == best && l < m.lang {
			m.lang, best = l, n
		}
	}
	switch {
	case titles.count() == 1:
		m.title = titles.at(1)
	case len(m.publishers) == 1:
		m.title = m.publishers[0] + ": clippings"
	default:
		m.title = "Newspaper clippings"
	}
	m.newest = epubDefaultTime
	if m.date != "" {
		y, mo, d := 0, 1, 1
		fmt.Sscanf(m.date, "%d-%d-%d", &y, &mo, &d)
		m.newest = time.Date(y, time.Month(max(mo, 1)), max(d, 1), 0, 0, 0, 0, time.UTC)
	}
	return m
}
