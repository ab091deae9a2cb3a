package convert

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkGuessLanguageCorpus times guessLanguage on the samples
// (languageSample) of the shared corpus's articles in text files.
func BenchmarkGuessLanguageCorpus(b *testing.B) {
	files, _ := filepath.Glob("../../shared/corpus/*/*.txt")
	var samples [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if doc, err := Convert(f, data); err == nil {
			for _, a := range doc.Articles {
				samples = append(samples, []byte(languageSample(a)))
			}
		}
	}
	if len(samples) == 0 {
		b.Skip("../../shared/corpus not found")
	}
	texts := make([]string, len(samples))
	for i, s := range samples {
		texts[i] = string(s)
	}
	ref := startRef(b)
	for b.Loop() {
		for _, s := range texts {
			guessLanguage(s)
		}
	}
	ref.SHA256(samples...)
}
