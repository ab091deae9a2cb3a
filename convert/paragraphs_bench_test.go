package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchEach times f over every item per op, with datas (the bytes the
// items hold or come from) as the bytes per op and the SHA-256 reference.
func benchEach[T any](b *testing.B, items []T, datas [][]byte, f func(T)) {
	ref := startRef(b)
	for b.Loop() {
		for _, x := range items {
			f(x)
		}
	}
	ref.SHA256(datas...)
}

// corpusTextFiles reads the shared corpus's text files, or skips the
// benchmark.
func corpusTextFiles(b *testing.B) [][]byte {
	files, _ := filepath.Glob("../../shared/corpus/*/*.txt")
	if len(files) == 0 {
		b.Skip("../../shared/corpus not found")
	}
	datas := make([][]byte, len(files))
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		datas[i] = data
	}
	return datas
}

// corpusArticles converts the shared corpus's text files and returns
// their articles.
func corpusArticles(b *testing.B) []*Article {
	var arts []*Article
	for _, data := range corpusTextFiles(b) {
		if doc, err := Convert("corpus.txt", data); err == nil {
			arts = append(arts, doc.Articles...)
		}
	}
	return arts
}

// corpusArticleTexts returns each article's body texts (and pull quotes)
// of the shared corpus's text files, as findPullQuotes sees them (near
// enough).
func corpusArticleTexts(b *testing.B) [][]bodyText {
	var out [][]bodyText
	for _, a := range corpusArticles(b) {
		paras := append(blockTexts(a.Body), a.PullQuotes...)
		out = append(out, bodyTextsOf(paras...))
	}
	return out
}

// textBytes gives the bytes of every text of arts.
func textBytes(arts [][]bodyText) [][]byte {
	var out [][]byte
	for _, texts := range arts {
		for _, t := range texts {
			out = append(out, []byte(t.text))
		}
	}
	return out
}

// corpusLines splits the shared corpus's text files into lines, as
// convertText does, and gives the files' bytes too.
func corpusLines(b *testing.B) ([][]string, [][]byte) {
	var files [][]string
	var datas [][]byte
	for _, data := range corpusTextFiles(b) {
		if text, _, err := decode(data); err == nil {
			files = append(files, strings.Split(text, "\n"))
			datas = append(datas, data)
		}
	}
	return files, datas
}

// BenchmarkSplitWrappedCorpus times splitWrapped on the paragraphs of
// the shared corpus's text files.
func BenchmarkSplitWrappedCorpus(b *testing.B) {
	files, datas := corpusLines(b)
	var paras []para
	for _, lines := range files {
		paras = append(paras, splitParas(lines, 1)...)
	}
	benchEach(b, paras, datas, func(p para) { splitWrapped(p) })
}

// BenchmarkSplitParasCorpus times splitParas on the lines of the shared
// corpus's text files.
func BenchmarkSplitParasCorpus(b *testing.B) {
	files, datas := corpusLines(b)
	benchEach(b, files, datas, func(lines []string) { splitParas(lines, 1) })
}

// BenchmarkIsCollapsedCorpus times isCollapsed on the body texts of the
// shared corpus's articles (most of them collapsed already: read whole).
func BenchmarkIsCollapsedCorpus(b *testing.B) {
	arts := corpusArticleTexts(b)
	var texts []string
	for _, a := range arts {
		for _, t := range a {
			texts = append(texts, t.text)
		}
	}
	benchEach(b, texts, textBytes(arts), func(s string) { isCollapsed(s) })
}
