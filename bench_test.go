package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"newsclip/convert"
	"newsclip/formats"
	"newsclip/internal/benchref"
	"newsclip/internal/synth"
	"newsclip/internal/testutil"
)

// benchClippings builds a set of clippings in every layout: the golden
// inputs and the sample, each varied so that no two are identical.
func benchClippings(b *testing.B) [][]byte {
	b.Helper()
	seeds := testutil.GoldenInputs(b, "testdata/convert")
	if s, err := os.ReadFile("testdata/sample-clipping.txt"); err == nil {
		seeds = append(seeds, s)
	}
	var out [][]byte
	for i := 0; i < 40; i++ {
		for _, s := range seeds {
			out = append(out, bytes.ReplaceAll(s, []byte("the "), []byte(fmt.Sprintf("the %d ", i))))
		}
	}
	return out
}

// BenchmarkConvertJSON measures text conversion throughput, input bytes to
// JSON Lines, over a few hundred clippings of every layout (MB/s of input).
func BenchmarkConvertJSON(b *testing.B) { benchConvert(b, benchClippings(b)) }

// benchConvert converts every clipping to JSON Lines per op; bytes/s are
// input bytes, and x-sha256 the ratio to SHA-256 over the same clippings.
func benchConvert(b *testing.B, clips [][]byte) {
	benchConvertTo(b, clips, func(w io.Writer, docs []*convert.Document) error {
		return formats.WriteJSON(w, docs, true)
	})
}

// benchConvertTo converts every clipping with write per op, as
// benchConvert does.
func benchConvertTo(b *testing.B, clips [][]byte, write func(io.Writer, []*convert.Document) error) {
	b.ReportAllocs()
	ref := benchref.Start(b)
	for b.Loop() {
		for _, c := range clips {
			doc, err := convert.Convert("bench.txt", c)
			if err != nil {
				b.Fatal(err)
			}
			if err := write(io.Discard, []*convert.Document{doc}); err != nil {
				b.Fatal(err)
			}
		}
	}
	ref.SHA256(clips...)
}

// BenchmarkConvertLargeExport measures one large LexisNexis-style export
// (hundreds of documents in one file), input to JSON Lines.
func BenchmarkConvertLargeExport(b *testing.B) {
	clips := benchClippings(b)
	var lexis []byte
	for _, c := range clips {
		if bytes.Contains(c, []byte(" of 3 DOCUMENTS")) {
			lexis = c
			break
		}
	}
	var big bytes.Buffer
	n := 300
	for i := 1; i <= n; i++ {
		doc := lexis[bytes.Index(lexis, []byte("                               1 of 3")):]
		doc = doc[:bytes.Index(doc, []byte("                               2 of 3"))]
		big.WriteString(strings.Replace(string(doc), "1 of 3", fmt.Sprintf("%d of %d", i, n), 1))
	}
	data := big.Bytes()
	ref := benchref.Start(b)
	for b.Loop() {
		doc, err := convert.Convert("big.txt", data)
		if err != nil || len(doc.Articles) != n {
			b.Fatalf("%v, %d articles", err, len(doc.Articles))
		}
		formats.WriteJSON(io.Discard, []*convert.Document{doc}, true)
	}
	ref.SHA256(data)
}

// benchDocs converts n varied clippings once, for the writer benchmarks.
func benchDocs(b *testing.B, n int) []*convert.Document {
	b.Helper()
	clips := benchClippings(b)
	docs := make([]*convert.Document, 0, n)
	for i := 0; len(docs) < n; i++ {
		d, err := convert.Convert(fmt.Sprintf("clip%d.txt", i), clips[i%len(clips)])
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkEPUBBundle1000 and BenchmarkEPUBBundle10000 write one EPUB of
// 1,000 and 10,000 inputs: the time per article should stay the same.
// MB/s are bytes of EPUB written, x-sha256 that throughput over SHA-256's
// on the book's bytes in the same run (see benchref); retained-B/article
// is the heap the writer still holds per article just before Close
// (bench/epub-batch.sh measures whole-process peak memory).
func BenchmarkEPUBBundle1000(b *testing.B)  { benchBundle(b, 1000) }
func BenchmarkEPUBBundle10000(b *testing.B) { benchBundle(b, 10000) }

func benchBundle(b *testing.B, n int) {
	docs := benchDocs(b, n)
	var book bytes.Buffer
	if err := formats.WriteEPUB(&book, docs, formats.EPUBOptions{}); err != nil {
		b.Fatal(err)
	}
	retained := retainedPerArticle(b, docs)
	b.ReportAllocs()
	ref := benchref.Start(b)
	for b.Loop() {
		if err := formats.WriteEPUB(io.Discard, docs, formats.EPUBOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	perOp := b.Elapsed() / time.Duration(b.N)
	ref.SHA256(book.Bytes())
	b.ReportMetric(float64(perOp.Nanoseconds())/float64(n), "ns/article")
	b.ReportMetric(float64(retained), "retained-B/article")
}

// retainedPerArticle adds docs to an EPUBWriter and returns the heap it
// holds per article before Close, in bytes.
func retainedPerArticle(b *testing.B, docs []*convert.Document) int64 {
	heap := func() int64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return int64(m.HeapAlloc)
	}
	before := heap()
	ew := formats.NewEPUBWriter(io.Discard, formats.EPUBOptions{})
	articles := 0
	for _, d := range docs {
		if err := ew.Add(d); err != nil {
			b.Fatal(err)
		}
		articles += len(d.Articles)
	}
	held := heap() - before
	if err := ew.Close(); err != nil {
		b.Fatal(err)
	}
	return held / int64(max(articles, 1))
}

// BenchmarkConvertCorpus measures throughput on the real articles of the
// shared corpus (../shared/corpus, text files; skipped when absent), input
// to JSON Lines.
func BenchmarkConvertCorpus(b *testing.B) { benchConvert(b, corpusFiles(b, ".txt")) }

// BenchmarkConvertCorpusExports measures the shared corpus's database
// exports in markup (Factiva and Nexis HTML, RTF, Nexis Uni DOCX), input
// to JSON Lines.
func BenchmarkConvertCorpusExports(b *testing.B) {
	benchConvert(b, corpusFiles(b, ".html", ".htm", ".rtf", ".docx"))
}

// corpusFiles reads the shared corpus's inputs whose names end in one of
// exts (never the expectations beside them), or skips the benchmark.
func corpusFiles(b *testing.B, exts ...string) [][]byte {
	var clips [][]byte
	filepath.WalkDir("../shared/corpus", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && slices.Contains(exts, filepath.Ext(p)) {
			if data, err := os.ReadFile(p); err == nil {
				clips = append(clips, data)
			}
		}
		return nil
	})
	if len(clips) == 0 {
		b.Skip("../shared/corpus not found")
	}
	return clips
}

// BenchmarkConvertSynthetic converts 2,000 synthetic PressReader-style
// clippings of about 2.5 KB (internal/synth), input to JSON Lines.
func BenchmarkConvertSynthetic(b *testing.B) {
	benchConvert(b, synthClippings(func(s string) []byte { return []byte(s) }))
}

// synthClippings makes 2,000 synthetic clippings (internal/synth, seed 1),
// each passed through shape.
func synthClippings(shape func(string) []byte) [][]byte {
	r := rand.New(rand.NewSource(1))
	clips := make([][]byte, 2000)
	for i := range clips {
		clips[i] = shape(synth.Clipping(r, i))
	}
	return clips
}

// BenchmarkConvert1KB converts 2,000 synthetic clippings of about 1 KB
// (masthead, headline, byline, two paragraphs, footer: the size of most
// real clippings), input to JSON Lines: the fixed cost per clipping shows
// here.
func BenchmarkConvert1KB(b *testing.B) { benchConvert(b, synthClippings(smallClipping)) }

// BenchmarkConvert1KBMarkdown converts the 1 KB clippings of
// BenchmarkConvert1KB to Markdown, the default output: the YAML front
// matter's cost shows here.
func BenchmarkConvert1KBMarkdown(b *testing.B) {
	benchConvertTo(b, synthClippings(smallClipping), formats.WriteMarkdown)
}

// smallClipping cuts a synthetic clipping down to its first two
// paragraphs, keeping the header (masthead, headline, byline: the first
// three blocks) and the footer (the last three).
func smallClipping(clip string) []byte {
	blocks := strings.Split(strings.TrimSuffix(clip, "\n"), "\n\n")
	keep := append(blocks[:5:5], blocks[len(blocks)-3:]...)
	return []byte(strings.Join(keep, "\n\n") + "\n")
}

// TestSmallClipping checks that the 1 KB benchmark's clippings are what it
// says: about 1 KB, and converted to one article with a byline and two
// paragraphs.
func TestSmallClipping(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	c := smallClipping(synth.Clipping(r, 7))
	if len(c) < 700 || len(c) > 1400 {
		t.Errorf("small clipping of %d bytes, want about 1 KB:\n%s", len(c), c)
	}
	doc, err := convert.Convert("small.txt", c)
	if err != nil || len(doc.Articles) != 1 {
		t.Fatalf("%v, %d articles", err, len(doc.Articles))
	}
	a := doc.Articles[0]
	if len(a.Body) != 2 || len(a.Authors) == 0 {
		t.Errorf("body of %d blocks, authors %v; want 2 paragraphs and an author", len(a.Body), a.Authors)
	}
}
