package formats

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"slices"
	"testing"

	"newsclip/convert"
)

// spillBook writes docs as a book with the given spill limit and hash of
// file names, and checks that no temporary file is left behind.
func spillBook(t *testing.T, docs []*convert.Document, opts EPUBOptions, limit int, hash func(string) uint64) []byte {
	t.Helper()
	oldLimit, oldHash := spillMemLimit, sourceHash
	spillMemLimit, sourceHash = limit, hash
	defer func() { spillMemLimit, sourceHash = oldLimit, oldHash }()
	opts.TempDir = t.TempDir()
	var buf bytes.Buffer
	if err := WriteEPUB(&buf, docs, opts); err != nil {
		t.Fatal(err)
	}
	if ents, _ := os.ReadDir(opts.TempDir); len(ents) != 0 {
		t.Errorf("%d temporary files left in %s", len(ents), opts.TempDir)
	}
	return buf.Bytes()
}

// TestEPUBSpilledSameBytes: a book whose titles, file names and zip
// directory went through temporary files is the same book, byte for
// byte, as one kept in memory, by publication and by date, and also when
// every file name's hash collides.
func TestEPUBSpilledSameBytes(t *testing.T) {
	var docs []*convert.Document
	for i := range 700 {
		d := clipDoc(i, []string{"The Post", "Le Monde", "Ämter & <Blatt>"}[i%3], 2000+i%5, 1+i%12, 1+i%28)
		// File names repeat across folders, as in an archive's per-day
		// folders: each is listed once.
		d.Source.File = fmt.Sprintf("day%d/clip%d.txt", i%4, i/4)
		d.Articles[0].Headline = fmt.Sprintf("Story %d: %s", i, []string{"", "council", "Überschrift «neu»"}[i%3])
		docs = append(docs, d)
	}
	collide := func(string) uint64 { return 7 }
	for _, by := range []string{"publication", "date"} {
		opts := EPUBOptions{GroupBy: by}
		inMemory := spillBook(t, docs, opts, -1, sourceHash)
		for _, c := range []struct {
			name  string
			limit int
			hash  func(string) uint64
		}{{"spilled", 1, sourceHash}, {"spilled, colliding hashes", 64, collide}, {"in memory, colliding hashes", -1, collide}} {
			if got := spillBook(t, docs, opts, c.limit, c.hash); !bytes.Equal(got, inMemory) {
				t.Errorf("by %s, %s: %d bytes differ from the book kept in memory (%d bytes)", by, c.name, len(got), len(inMemory))
			}
		}
		opf := zipFiles(t, inMemory)["EPUB/package.opf"]
		if n := bytes.Count([]byte(opf), []byte("<dc:source>")); n != 175 {
			t.Errorf("by %s: %d dc:source elements, want the 175 distinct file names", by, n)
		}
	}
}

// TestEPUBSourcesOnceInOrder: the file name list keeps each name once, in
// order of first appearance, whatever its hash: with every hash the same,
// each name is told from the others by its bytes.
func TestEPUBSourcesOnceInOrder(t *testing.T) {
	names := []string{"a.txt", "b.txt", "a.txt", "", "ab.txt", "b.txt", "c", "a.txt\n", "日本.txt", "c", "日本.txt", "x"}
	var want []string
	for _, n := range names {
		if !slices.Contains(want, n) {
			want = append(want, n)
		}
	}
	for _, hash := range []func(string) uint64{sourceHash, func(string) uint64 { return 1 }, func(s string) uint64 { return uint64(len(s)) }} {
		old := sourceHash
		sourceHash = hash
		s := &epubSources{}
		s.store.Dir, s.store.MemLimit = t.TempDir(), 8
		for _, n := range names {
			if err := s.add(n); err != nil {
				t.Fatal(err)
			}
		}
		sourceHash = old
		var out struct {
			XMLName xml.Name     `xml:"m"`
			S       *epubSources `xml:"s"`
		}
		out.S = s
		b, err := xml.Marshal(out)
		if err != nil {
			t.Fatal(err)
		}
		var back struct {
			S []string `xml:"s"`
		}
		if err := xml.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(back.S, want) {
			t.Errorf("names %q, want %q", back.S, want)
		}
		s.close()
	}
}
