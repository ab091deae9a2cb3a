package convert

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusArticleTexts converts the shared corpus's text files and returns
// each article's body texts (and pull quotes), as findPullQuotes sees them
// (near enough), or skips the benchmark.
func corpusArticleTexts(b *testing.B) [][]bodyText {
	files, _ := filepath.Glob("../../shared/corpus/*/*.txt")
	if len(files) == 0 {
		b.Skip("../../shared/corpus not found")
	}
	var out [][]bodyText
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := Convert(f, data)
		if err != nil {
			continue
		}
		for _, a := range doc.Articles {
			var paras []string
			for _, bl := range a.Body {
				paras = append(paras, bl.Text())
			}
			paras = append(paras, a.PullQuotes...)
			out = append(out, bodyTextsOf(paras...))
		}
	}
	return out
}

// BenchmarkMayHavePullQuoteCorpus times mayHavePullQuote on the articles
// of the shared corpus.
func BenchmarkMayHavePullQuoteCorpus(b *testing.B) {
	arts := corpusArticleTexts(b)
	var all [][]byte
	for _, texts := range arts {
		for _, t := range texts {
			all = append(all, []byte(t.text))
		}
	}
	ref := startRef(b)
	for b.Loop() {
		for _, texts := range arts {
			mayHavePullQuote(texts)
		}
	}
	ref.SHA256(all...)
}
