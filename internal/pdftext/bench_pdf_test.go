package pdftext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsclip/internal/benchref"
	"newsclip/internal/pdfgen"
)

// realPDFs reads the PDFs of the shared corpora that exist here (the
// shared folder sits beside the checkout), or skips the benchmark.
func realPDFs(b *testing.B, globs ...string) [][]byte {
	b.Helper()
	var datas [][]byte
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			d, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			datas = append(datas, d)
		}
	}
	if len(datas) == 0 {
		b.Skip("no shared PDFs beside the checkout")
	}
	return datas
}

// benchExtract extracts every PDF of datas per op; bytes/s are PDF bytes,
// x-sha256 the ratio to SHA-256 over the same bytes in the same run.
func benchExtract(b *testing.B, datas [][]byte) {
	b.ReportAllocs()
	ref := benchref.Start(b)
	for b.Loop() {
		for _, d := range datas {
			if _, err := Extract(d, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	ref.SHA256(datas...)
}

// BenchmarkPDFReal extracts the shared real PDFs (an archive export of 59
// pages, browser prints).
func BenchmarkPDFReal(b *testing.B) {
	benchExtract(b, realPDFs(b, "../../../shared/corpus/pdf-real/*.pdf"))
}

// BenchmarkPDFPages extracts the shared newspaper pages and the groff test
// pages.
func BenchmarkPDFPages(b *testing.B) {
	benchExtract(b, realPDFs(b, "../../../shared/corpus/pdf/*.pdf", "../../testdata/pdf/*.pdf"))
}

// BenchmarkPDFLong extracts a 400-page document of two-column pages that
// share their fonts, all under one page tree node (see
// bench/pdf-speed.sh for a groff document whose pages also inherit their
// media box and resources from that node).
func BenchmarkPDFLong(b *testing.B) {
	paras := []string{strings.Repeat("The harbour board met on Monday to discuss the new quay. ", 12)}
	pages := make([][]pdfgen.Run, 400)
	for i := range pages {
		pages[i] = pdfgen.Columns(2, "", paras)
	}
	benchExtract(b, [][]byte{pdfgen.Build(pages)})
}
