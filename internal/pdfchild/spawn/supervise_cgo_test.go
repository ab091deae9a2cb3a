//go:build linux && cgo

package spawn

import "testing"

// TestSinglePDFInC: the supervisor takes a convert command line whose one
// input names a PDF, and no other.
func TestSinglePDFInC(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"newsclip", "convert", "page.pdf"}, "page.pdf"},
		{[]string{"newsclip", "convert", "-q", "--to", "jsonl", "Scan.PDF"}, "Scan.PDF"},
		{[]string{"newsclip", "convert", "-o", "out.pdf", "page.pdf"}, "page.pdf"},
		{[]string{"newsclip", "convert", "--output=out.md", "--pdf-timeout", "5s", "page.pdf"}, "page.pdf"},
		{[]string{"newsclip", "convert", "page.pdf", "-t", "md"}, "page.pdf"},
		{[]string{"newsclip", "convert", "--password", "x.pdf", "page.pdf"}, ""},  // read with the empty one early
		{[]string{"newsclip", "convert", "--split", "-o", "out", "page.pdf"}, ""}, // a batch
		{[]string{"newsclip", "convert", "--report=r.jsonl", "page.pdf"}, ""},
		{[]string{"newsclip", "convert", "--bundle", "--to", "epub", "page.pdf"}, ""},
		{[]string{"newsclip", "convert", "-o", ".", "page.pdf"}, ""}, // -o OUTDIR: a batch
		{[]string{"newsclip", "convert", "--output=.", "page.pdf"}, ""},
		{[]string{"newsclip", "convert", "-o", "page.md", "page.pdf"}, "page.pdf"},
		{[]string{"newsclip", "convert", "a.pdf", "b.pdf"}, ""},        // two inputs: a batch's children
		{[]string{"newsclip", "convert", "page.pdf", "notes.txt"}, ""}, // another input
		{[]string{"newsclip", "convert", "page.txt"}, ""},
		{[]string{"newsclip", "convert", "-"}, ""},
		{[]string{"newsclip", "convert", "--", "page.pdf"}, ""},
		{[]string{"newsclip", "convert", "--frobnicate", "page.pdf"}, ""}, // a flag it does not know
		{[]string{"newsclip", "convert", "-q=1", "page.pdf"}, ""},
		{[]string{"newsclip", "convert", "-o"}, ""},
		{[]string{"newsclip", "convert", "-o", "page.pdf"}, ""}, // the output, no input
		{[]string{"newsclip", "convert", "a\nb.pdf"}, ""},       // its error would quote the name
		{[]string{"newsclip", "convert", "a\u0085b.pdf"}, ""},
		{[]string{"newsclip", "convert", "Zeitung-März.pdf"}, "Zeitung-März.pdf"},
		{[]string{"newsclip", "formats", "page.pdf"}, ""},
		{[]string{"newsclip", "convert", ".pdf"}, ""},
	} {
		if got := singlePDFInC(tc.args); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.args, got, tc.want)
		}
	}
}

// TestSupervisedLimits: the supervisor's limits are the Go side's.
func TestSupervisedLimits(t *testing.T) {
	memory, size := cLimits()
	if memory != MemoryLimit || size != MaxSupervised {
		t.Errorf("C: memory %d, size %d; Go: %d, %d", memory, size, MemoryLimit, MaxSupervised)
	}
}
