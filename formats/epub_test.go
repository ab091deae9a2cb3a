package formats

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"newsclip/convert"
)

// clipDoc is a one-article document dated y-m-d (y 0: undated).
func clipDoc(n int, pub string, y, m, d int) *convert.Document {
	body := make([]convert.Block, 8)
	for i := range body {
		body[i] = &convert.Paragraph{Content: fmt.Sprintf("Paragraph %d of story %d, a sentence long enough to look like news copy from a town council meeting.", i, n)}
	}
	a := &convert.Article{Headline: fmt.Sprintf("Story %d", n), Publication: pub, Language: "en",
		Date: convert.Date{Year: y, Month: m, Day: d}, Authors: []convert.Person{{Name: "Ann Lee"}}, Body: body}
	return &convert.Document{Source: convert.Source{File: fmt.Sprintf("clip%d.txt", n), SHA256: fmt.Sprint(n)}, Articles: []*convert.Article{a}}
}

// zipFiles reads every entry of a book.
func zipFiles(t *testing.T, book []byte) map[string]string {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range r.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(b)
	}
	return files
}

// TestEPUBReadingOrder: grouped by date, the spine, the navigation and the
// title page follow calendar order (undated last) while article files keep
// their input numbers.
func TestEPUBReadingOrder(t *testing.T) {
	docs := []*convert.Document{
		clipDoc(1, "Post", 2021, 3, 1), clipDoc(2, "Post", 2021, 1, 5),
		clipDoc(3, "Post", 0, 0, 0), clipDoc(4, "Times", 2021, 1, 5),
	}
	var b bytes.Buffer
	if err := WriteEPUB(&b, docs, EPUBOptions{GroupBy: "date"}); err != nil {
		t.Fatal(err)
	}
	files := zipFiles(t, b.Bytes())
	var pkg struct {
		Spine []struct {
			IDRef string `xml:"idref,attr"`
		} `xml:"spine>itemref"`
	}
	if err := xml.Unmarshal([]byte(files["EPUB/package.opf"]), &pkg); err != nil {
		t.Fatal(err)
	}
	var spine []string
	for _, r := range pkg.Spine {
		spine = append(spine, r.IDRef)
	}
	if got, want := strings.Join(spine, " "), "skel2 a00002 a00004 a00001 a00003"; got != want {
		t.Errorf("spine %q, want %q", got, want)
	}
	for _, name := range []string{"EPUB/nav.xhtml", "EPUB/xhtml/contents.xhtml", "EPUB/toc.ncx"} {
		text := files[name]
		last := -1
		for _, label := range []string{"2021-01-05", "Story 2", "Story 4", "2021-03-01", "Story 1", "Undated", "Story 3"} {
			i := strings.Index(text, label)
			if i < last {
				t.Errorf("%s: %q out of order or missing:\n%s", name, label, text)
			}
			last = i
		}
	}
	if strings.Contains(files["EPUB/xhtml/contents.xhtml"], contentsMarker) {
		t.Error("title page still holds the marker")
	}
}

// TestEPUBWriterNothingWritten: a book without articles is an error and
// leaves the output empty.
func TestEPUBWriterNothingWritten(t *testing.T) {
	var b bytes.Buffer
	ew := NewEPUBWriter(&b, EPUBOptions{})
	if err := ew.Add(&convert.Document{}); err != nil {
		t.Fatal(err)
	}
	if err := ew.Close(); err == nil || b.Len() != 0 {
		t.Errorf("Close = %v with %d bytes written; want an error and nothing", err, b.Len())
	}
}

// TestEPUBWriterMemoryFlat adds 12,000 articles one document at a time,
// with the lists that Close needs (titles, file names, zip directory)
// moved to temporary files past 64 bytes, and checks that the writer
// keeps at most 64 bytes per article: where each title ends, its place in
// its group, a hash of its file name (each article's XHTML is about
// 1.3 KiB; archive/zip's directory alone took some 200 bytes an entry).
func TestEPUBWriterMemoryFlat(t *testing.T) {
	const n = 12000
	defer func(old int) { spillMemLimit = old }(spillMemLimit)
	spillMemLimit = 64
	heap := func() uint64 {
		runtime.GC() // twice: sync.Pool victims (flate writers) last one cycle
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	ew := NewEPUBWriter(io.Discard, EPUBOptions{TempDir: t.TempDir()})
	// The first hundred articles move the lists to their files, with a
	// buffer each.
	for i := range 100 {
		if err := ew.Add(clipDoc(i, "Post", 2021, 1, 1)); err != nil {
			t.Fatal(err)
		}
	}
	before := heap()
	for i := 100; i < n+100; i++ {
		if err := ew.Add(clipDoc(i, "Post", 2021, 1, 1+i%28)); err != nil {
			t.Fatal(err)
		}
	}
	after := heap()
	per := (int64(after) - int64(before)) / n
	t.Logf("%d bytes per article", per)
	if per > 64 {
		t.Errorf("writer holds %d bytes per article; want at most 64", per)
	}
	runtime.KeepAlive(ew)
	if err := ew.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestEPUBWriterKeepsNoInput: what a bundle keeps of each article until
// Close (its title, its names, its group) does not keep the article's
// text with it. A headline is a substring of its input's text, so keeping
// it as it is would keep every input whole: memory would grow with the
// inputs' bytes, not with the few that the navigation needs.
func TestEPUBWriterKeepsNoInput(t *testing.T) {
	const docs, textBytes = 400, 64 << 10
	ew := NewEPUBWriter(io.Discard, EPUBOptions{})
	heap := func() uint64 {
		runtime.GC() // twice: sync.Pool victims (flate writers) last one cycle
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	for i := range docs {
		// One input's text, every field a view of it, as convert makes them.
		text := fmt.Sprintf("Headline %d\nBy Jane Roe %d\nThe Courier %d\nen\n", i, i, i) + strings.Repeat("x", textBytes)
		line := strings.Split(text, "\n")
		d := &convert.Document{
			Source: convert.Source{File: fmt.Sprintf("clip%d.txt", i), SHA256: "00"},
			Articles: []*convert.Article{{
				Headline:    line[0],
				Authors:     []convert.Person{{Name: line[1][3:]}},
				Credits:     []convert.Credit{{Name: line[1][3:], Role: "photographer"}},
				Publication: line[2],
				Language:    line[3],
				Body:        []convert.Block{&convert.Paragraph{Content: line[4][:100]}},
			}},
		}
		if err := ew.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if grew := heap() - before; grew > docs*textBytes/8 {
		t.Errorf("the heap grew %d KiB over %d articles of %d KiB of text: the book keeps its inputs", grew>>10, docs, textBytes>>10)
	}
	if err := ew.Close(); err != nil {
		t.Fatal(err)
	}
}
