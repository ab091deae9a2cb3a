package convert

import (
	"os"
	"path/filepath"
	"testing"

	"newsclip/internal/benchref"
	"newsclip/internal/pdftext"
)

// BenchmarkPDFRules reads the text already extracted from the shared PDFs
// (real prints and exports, newspaper pages) into Documents: the parent's
// share of a PDF conversion, without the extraction. bytes/s are PDF
// bytes, x-sha256 the ratio to SHA-256 over them in the same run.
func BenchmarkPDFRules(b *testing.B) {
	files, _ := filepath.Glob("../../shared/corpus/pdf*/*.pdf")
	var datas [][]byte
	var texts []*pdftext.Text
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		t, err := pdftext.Extract(d, pdftext.Options{})
		if err != nil {
			continue
		}
		datas, texts = append(datas, d), append(texts, t)
	}
	if len(texts) == 0 {
		b.Skip("no shared PDFs beside the checkout")
	}
	b.ReportAllocs()
	ref := benchref.Start(b)
	for b.Loop() {
		for i, t := range texts {
			if _, err := FromPDFText(filepath.Base(files[i]), datas[i], t); err != nil {
				b.Fatal(err)
			}
		}
	}
	ref.SHA256(datas...)
}
