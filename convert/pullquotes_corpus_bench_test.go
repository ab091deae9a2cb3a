package convert

import "testing"

// BenchmarkMayHavePullQuoteCorpus times mayHavePullQuote on the articles
// of the shared corpus's text files (corpusArticleTexts).
func BenchmarkMayHavePullQuoteCorpus(b *testing.B) {
	arts := corpusArticleTexts(b)
	benchEach(b, arts, textBytes(arts), func(texts []bodyText) { mayHavePullQuote(texts) })
}
