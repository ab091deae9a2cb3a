package convert

import (
	"errors"
	"strings"
	"testing"

	"newsclip/internal/testutil"
)

// makeZip writes a zip of name/content pairs (see testutil.Zip).
func makeZip(t testing.TB, pairs ...string) []byte { return testutil.Zip(t, pairs...) }

func TestRefusedFormats(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"xlsx", makeZip(t, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"), "XLSX spreadsheet"},
		{"odt", makeZip(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>"), "ODT document"},
		{"ods", makeZip(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>"), "OpenDocument file"},
		{"epub", makeZip(t, "mimetype", "application/epub+zip", "META-INF/container.xml", "<x/>"), "EPUB book"},
		{"zip", makeZip(t, "notes.txt", "hello"), "ZIP archive"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "PNG image"},
		{"jpeg", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF"), "JPEG image"},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00"), "gzip archive"},
		{"doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"), "legacy Word/Excel (OLE2) file"},
		{"text", []byte("PK is how a reader might open a line of text.\n"), ""},
		{"text starting GIF", []byte("GIFs are everywhere, says the headline\n"), ""},
	}
	for _, tt := range tests {
		if got := RefusedFormat(tt.data); got != tt.want {
			t.Errorf("%s: RefusedFormat = %q, want %q", tt.name, got, tt.want)
		}
		if tt.want == "" {
			continue
		}
		_, err := Convert("in."+tt.name, tt.data)
		if !errors.Is(err, ErrUnsupported) || !strings.HasPrefix(err.Error(), "in."+tt.name+": "+tt.want+" is not a supported input") {
			t.Errorf("%s: Convert error = %v, want %q refused by name", tt.name, err, tt.want)
		}
	}
}

// errorMessage gives the message of an error reading line 3 of the file
// name: control characters in the name are quoted.
func errorMessage(name string) string { return (&Error{File: name, Line: 3, Err: ErrBinary}).Error() }

// A refused format's check takes no file that does not open with its
// magic, so that the magic numbers (and refusedLeads, their first bytes)
// turn away only files the checks turn away: zips of every kind, a WebP
// header, and those with a byte cut off the front or put before it.
func TestRefusedChecksNeedTheirMagic(t *testing.T) {
	inputs := [][]byte{
		makeZip(t, "xl/workbook.xml", "<workbook/>"), makeZip(t, "ppt/presentation.xml", "<p/>"),
		makeZip(t, "mimetype", "application/vnd.oasis.opendocument.text"), makeZip(t, "mimetype", "application/epub+zip"),
		[]byte("RIFF\x00\x00\x00\x00WEBPVP8 "), []byte("PK\x03\x04mimetype"),
	}
	for _, in := range inputs[:len(inputs):len(inputs)] {
		inputs = append(inputs, in[1:], append([]byte("x"), in...))
	}
	taken := 0
	for _, f := range refusedFormats {
		if f.check == nil {
			continue
		}
		for _, in := range inputs {
			if !f.check(in) {
				continue
			}
			taken++
			if !opensWithAny(in, f.magic) || !refusedLeads[in[0]] {
				t.Errorf("%s: the check takes %q, which does not open with %q", f.name, in[:min(len(in), 12)], f.magic)
			}
		}
	}
	if taken < 5 {
		t.Errorf("the checks took %d inputs: too few to test", taken)
	}
}
