package pdftext

import (
	"path/filepath"
	"strings"
	"testing"
)

// smallPDFs are the shared corpora's short files, one to four pages: the
// browser prints and newspaper pages whose child process start and first
// page make up most of their cost, and the groff test page.
var smallPDFs = []string{
	"../../../shared/corpus/pdf-real/springhouse_WSJ.pdf",
	"../../../shared/corpus/pdf-real/springhouse_REW.pdf",
	"../../../shared/corpus/pdf-real/springhouse_TCO.pdf",
	"../../../shared/corpus/pdf/beijing-review-3col.pdf",
	"../../../shared/corpus/pdf/beijing-review-4col.pdf",
	"../../testdata/pdf/groff-4col.pdf",
}

// BenchmarkPDFSmall extracts the short PDFs of smallPDFs. A benchmark
// loop pays once what a child process pays per file (tables built on
// first use), so it understates their share; time the child too.
func BenchmarkPDFSmall(b *testing.B) {
	benchExtract(b, realPDFs(b, smallPDFs...))
}

// BenchmarkPDFSmallEach extracts the files of smallPDFs one by one.
func BenchmarkPDFSmallEach(b *testing.B) {
	for _, f := range smallPDFs {
		b.Run(strings.TrimSuffix(filepath.Base(f), ".pdf"), func(b *testing.B) {
			benchExtract(b, realPDFs(b, f))
		})
	}
}
