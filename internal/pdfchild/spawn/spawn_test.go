package spawn

import "testing"

// TestNamesPDF: a convert command line with an argument named *.pdf in
// any case starts a child early; other commands and names do not.
func TestNamesPDF(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"newsclip", "convert", "page.pdf"}, true},
		{[]string{"newsclip", "convert", "-o", "page.md", "Scan.PDF"}, true},
		{[]string{"newsclip", "convert", "a.txt", "b.Pdf"}, true},
		{[]string{"newsclip", "convert", "archive/pages.pdf"}, true},
		{[]string{"newsclip", "convert", "a.txt"}, false},
		{[]string{"newsclip", "convert", ".pdf"}, false},     // a name that is all suffix
		{[]string{"newsclip", "convert", "pdf"}, false},      // no dot
		{[]string{"newsclip", "convert", "a.pdfx"}, false},   // another suffix
		{[]string{"newsclip", "convert", "folder/"}, false},  // a folder: its workers start their own
		{[]string{"newsclip", "convert", "-"}, false},        // stdin
		{[]string{"newsclip", "--help", "page.pdf"}, false},  // not convert
		{[]string{"newsclip", Command, "page.pdf"}, false},   // a child itself
		{[]string{"newsclip", "formats", "page.pdf"}, false}, // another command
		{[]string{"newsclip", "convert"}, false},
		{[]string{"newsclip"}, false},
		{nil, false},
	} {
		if got := namesPDF(tc.args); got != tc.want {
			t.Errorf("namesPDF(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}
