package convert

import "testing"

// BenchmarkDecodeCorpus times decode on the shared corpus's text files.
func BenchmarkDecodeCorpus(b *testing.B) {
	datas := corpusTextFiles(b)
	benchEach(b, datas, datas, func(d []byte) { decode(d) })
}

// BenchmarkFirstBinaryByteCorpus times firstBinaryByte on the shared
// corpus's text files.
func BenchmarkFirstBinaryByteCorpus(b *testing.B) {
	datas := corpusTextFiles(b)
	benchEach(b, datas, datas, func(d []byte) { firstBinaryByte(d) })
}
