package convert

import "testing"

// BenchmarkGuessLanguageCorpus times guessLanguage on the samples
// (languageSample) of the shared corpus's articles in text files.
func BenchmarkGuessLanguageCorpus(b *testing.B) {
	var samples []string
	var datas [][]byte
	for _, a := range corpusArticles(b) {
		samples = append(samples, languageSample(a))
		datas = append(datas, []byte(samples[len(samples)-1]))
	}
	benchEach(b, samples, datas, func(s string) { guessLanguage(s) })
}
