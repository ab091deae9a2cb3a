package formats

import (
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"newsclip/convert"
	"newsclip/internal/spill"
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
	if n := spill.OpenFiles(); n != 0 {
		t.Errorf("%d temporary files still open after the book", n)
	}
	return buf.Bytes()
}

// failAfter fails every write once n bytes have gone through.
type failAfter struct{ n int }

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errors.New("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

// TestEPUBWriterReleasesFiles: whether adding fails, the caller gives up
// (Abort) or the destination fails while Close writes the navigation, no
// temporary file stays open.
func TestEPUBWriterReleasesFiles(t *testing.T) {
	defer func(old int) { spillMemLimit = old }(spillMemLimit)
	spillMemLimit = 64
	for _, c := range []struct {
		name  string
		limit int  // bytes the destination takes
		close bool // Close after adding (else Abort)
	}{
		{"add fails, then Close", 20 << 10, true},
		{"add fails, then Abort", 20 << 10, false},
		{"given up while adding", 1 << 30, false},
		{"Close fails", 1 << 30, true},
	} {
		w := &failAfter{n: c.limit}
		ew := NewEPUBWriter(w, EPUBOptions{TempDir: t.TempDir()})
		var addErr error
		opened := false
		for i := 0; i < 300 && addErr == nil; i++ {
			addErr = ew.Add(clipDoc(i, fmt.Sprint("Post ", i%3), 2021, 1, 1+i%28))
			opened = opened || spill.OpenFiles() > 0
		}
		if c.name == "Close fails" {
			w.n = 0
		}
		if !opened {
			t.Fatalf("%s: no temporary file was open: the test tests nothing", c.name)
		}
		if c.close {
			if err := ew.Close(); err == nil {
				t.Errorf("%s: Close succeeded", c.name)
			}
		} else {
			ew.Abort()
		}
		if n := spill.OpenFiles(); n != 0 {
			t.Errorf("%s: %d temporary files still open", c.name, n)
		}
		if err := ew.Close(); err == nil {
			t.Errorf("%s: Close after the failure succeeded", c.name)
		}
	}
}

// TestEPUBTitleReadError: when the titles cannot be read back, Close
// fails rather than write a navigation with empty titles.
func TestEPUBTitleReadError(t *testing.T) {
	ew := NewEPUBWriter(io.Discard, EPUBOptions{TempDir: t.TempDir()})
	for i := range 3 {
		if err := ew.Add(clipDoc(i, "Post", 2021, 1, 1)); err != nil {
			t.Fatal(err)
		}
	}
	ew.titles.store.Close()
	if err := ew.Close(); err == nil {
		t.Error("Close succeeded without its titles")
	}
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
		checkGoldenHash(t, "testdata/epub-"+by+".sha256", inMemory)
		opf := zipFiles(t, inMemory)["EPUB/package.opf"]
		if n := bytes.Count([]byte(opf), []byte("<dc:source>")); n != 175 {
			t.Errorf("by %s: %d dc:source elements, want the 175 distinct file names", by, n)
		}
	}
}

var update = flag.Bool("update", false, "rewrite the golden hashes in testdata")

// checkGoldenHash compares the SHA-256 of book with the one in the file
// golden (rewritten with -update): the book's bytes do not change unless
// a change means them to. The hashes written with zipstream are those
// that the same books had from archive/zip's writer at 59633bf.
func checkGoldenHash(t *testing.T, golden string, book []byte) {
	t.Helper()
	sum := fmt.Sprintf("%x\n", sha256.Sum256(book))
	if *update {
		if err := os.WriteFile(golden, []byte(sum), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update ./formats to write it)", err)
	}
	if string(want) != sum {
		t.Errorf("the book's SHA-256 is %s; %s says %s (if the change is meant, go test -update ./formats)", strings.TrimSpace(sum), golden, strings.TrimSpace(string(want)))
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
	defer func(old func(string) uint64) { sourceHash = old }(sourceHash)
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
