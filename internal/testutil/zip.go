package testutil

import (
	"archive/zip"
	"bytes"
)

// Fataler is the part of testing.TB that Zip uses.
type Fataler interface {
	Helper()
	Fatal(args ...any)
}

// Zip writes a zip archive whose entries are name/content pairs, in order,
// deflated, but for a first entry named "mimetype", stored uncompressed as
// OpenDocument and EPUB containers store it. A DOCX, an XLSX or an EPUB for a
// test is a call: Zip(t, "mimetype", "application/epub+zip", ...).
func Zip(t Fataler, pairs ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(pairs); i += 2 {
		method := zip.Deflate
		if i == 0 && pairs[0] == "mimetype" {
			method = zip.Store
		}
		f, err := w.CreateHeader(&zip.FileHeader{Name: pairs[i], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(pairs[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
