package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusParas splits the shared corpus's text files into paragraphs
// (splitParas), or skips the benchmark; it also gives their bytes.
func corpusParas(b *testing.B) ([]para, [][]byte) {
	files, _ := filepath.Glob("../../shared/corpus/*/*.txt")
	var paras []para
	var datas [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text, _, err := decode(data)
		if err != nil {
			continue
		}
		paras = append(paras, splitParas(strings.Split(text, "\n"), 1)...)
		datas = append(datas, data)
	}
	if len(paras) == 0 {
		b.Skip("../../shared/corpus not found")
	}
	return paras, datas
}

// BenchmarkSplitWrappedCorpus times splitWrapped on the paragraphs of
// the shared corpus's text files.
func BenchmarkSplitWrappedCorpus(b *testing.B) {
	paras, datas := corpusParas(b)
	ref := startRef(b)
	for b.Loop() {
		for _, p := range paras {
			splitWrapped(p)
		}
	}
	ref.SHA256(datas...)
}

// BenchmarkSplitParasCorpus times splitParas on the lines of the shared
// corpus's text files.
func BenchmarkSplitParasCorpus(b *testing.B) {
	_, datas := corpusParas(b)
	var files [][]string
	for _, d := range datas {
		text, _, _ := decode(d)
		files = append(files, strings.Split(text, "\n"))
	}
	ref := startRef(b)
	for b.Loop() {
		for _, lines := range files {
			splitParas(lines, 1)
		}
	}
	ref.SHA256(datas...)
}

// BenchmarkIsCollapsedCorpus times isCollapsed on the body texts of the
// shared corpus's articles (most of them collapsed already: read whole).
func BenchmarkIsCollapsedCorpus(b *testing.B) {
	var texts []string
	var datas [][]byte
	for _, a := range corpusArticleTexts(b) {
		for _, t := range a {
			texts = append(texts, t.text)
			datas = append(datas, []byte(t.text))
		}
	}
	ref := startRef(b)
	for b.Loop() {
		for _, t := range texts {
			isCollapsed(t)
		}
	}
	ref.SHA256(datas...)
}
