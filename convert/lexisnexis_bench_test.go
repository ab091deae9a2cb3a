package convert

import (
	"os"
	"testing"
)

// BenchmarkConvertLexisNexisCorpus converts the shared corpus's
// LexisNexis export, the reader and the body rules its documents go
// through.
func BenchmarkConvertLexisNexisCorpus(b *testing.B) {
	data, err := os.ReadFile("../../shared/corpus/lexisnexis/lexisnexistools-sample.txt")
	if err != nil {
		b.Skip("../../shared/corpus not found")
	}
	ref := startRef(b)
	for b.Loop() {
		if _, err := Convert("sample.txt", data); err != nil {
			b.Fatal(err)
		}
	}
	ref.SHA256(data)
}
