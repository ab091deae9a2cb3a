package testutil

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

func TestZip(t *testing.T) {
	data := Zip(t, "mimetype", "application/epub+zip", "EPUB/a.xhtml", "<p>one</p>")
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name, body string
		method     uint16
	}{{"mimetype", "application/epub+zip", zip.Store}, {"EPUB/a.xhtml", "<p>one</p>", zip.Deflate}}
	if len(z.File) != len(want) {
		t.Fatalf("%d entries, want %d", len(z.File), len(want))
	}
	for i, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		if f.Name != want[i].name || string(body) != want[i].body || f.Method != want[i].method {
			t.Errorf("entry %d: %s %q method %d, want %s %q method %d", i, f.Name, body, f.Method, want[i].name, want[i].body, want[i].method)
		}
	}
}
