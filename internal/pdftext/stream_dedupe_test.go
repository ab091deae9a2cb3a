package pdftext

import (
	"bytes"
	"testing"
)

// TestReadStream: a stream's decoded bytes, cut at the limit; no data
// from a value that is no stream.
func TestReadStream(t *testing.T) {
	const content = "BT /F1 12 Tf 72 700 Td (Ferry runs again) Tj ET"
	p, err := rawPage(content)
	if err != nil {
		t.Fatal(err)
	}
	page := p.V
	got, ok := readStream(page.Key("Contents"), 1<<20)
	if !ok || !bytes.Contains(got, []byte("(Ferry runs again) Tj")) {
		t.Errorf("readStream(Contents) = %q, %v; want the content stream", got, ok)
	}
	if got, ok := readStream(page.Key("Contents"), 5); !ok || len(got) != 5 {
		t.Errorf("readStream(Contents, 5) = %q, %v; want 5 bytes", got, ok)
	}
	if got, ok := readStream(page, 1<<20); ok || got != nil {
		t.Errorf("readStream(page dictionary) = %q, %v; want nothing", got, ok)
	}
}
