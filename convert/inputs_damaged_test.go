package convert

import (
	"archive/zip"
	"bytes"
	"errors"
	"testing"
)

// A zip cut short (a DOCX from a failed download) is refused as damaged,
// not as an unsupported "ZIP archive"; a whole zip of nothing we read is
// still refused by name.
func TestDamagedZip(t *testing.T) {
	var whole bytes.Buffer
	z := zip.NewWriter(&whole)
	w, _ := z.Create("word/document.xml")
	w.Write(bytes.Repeat([]byte("<w:t>text</w:t>"), 200))
	z.Close()
	rows := []struct {
		name    string
		data    []byte
		damaged bool
	}{
		{"truncated docx", whole.Bytes()[:whole.Len()/2], true},
		{"local header then junk", []byte("PK\x03\x04 not really a zip"), true},
		{"empty zip (end record only)", []byte("PK\x05\x06" + string(make([]byte, 18))), false},
		{"text", []byte("Headline\n\nBody."), false},
	}
	for _, r := range rows {
		if got := damagedZip(r.data); got != r.damaged {
			t.Errorf("%s: damagedZip = %v, want %v", r.name, got, r.damaged)
		}
	}
	_, err := Convert("story.docx", whole.Bytes()[:whole.Len()/2])
	if !errors.Is(err, ErrDamagedZip) || errors.Is(err, ErrUnsupported) {
		t.Errorf("truncated docx: err = %v, want ErrDamagedZip", err)
	}
	var other bytes.Buffer
	z = zip.NewWriter(&other)
	w, _ = z.Create("photo.jpg")
	w.Write([]byte("jpeg"))
	z.Close()
	if _, err := Convert("photos.zip", other.Bytes()); !errors.Is(err, ErrUnsupported) {
		t.Errorf("readable zip of photos: err = %v, want ErrUnsupported", err)
	}
}
