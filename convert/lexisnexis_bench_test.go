package convert

import (
	"os"
	"testing"
)

// BenchmarkConvertLexisNexisCorpus converts the shared corpus's
// LexisNexis export: the reader and the body rules its documents go
// through.
func BenchmarkConvertLexisNexisCorpus(b *testing.B) {
	data, err := os.ReadFile("../../shared/corpus/lexisnexis/lexisnexistools-sample.txt")
	if err != nil {
		b.Skip("../../shared/corpus not found")
	}
	benchEach(b, [][]byte{data}, [][]byte{data}, func(d []byte) {
		if _, err := Convert("sample.txt", d); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkDetectLexisNexisCorpus times detectLexisNexis, which layout
// detection runs on every text input, on the shared corpus's text files.
func BenchmarkDetectLexisNexisCorpus(b *testing.B) {
	files, datas := corpusLines(b)
	benchEach(b, files, datas, func(lines []string) { detectLexisNexis(lines) })
}
