package pdftext

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
	"newsclip/internal/pdfgen"
)

// TestDataEnd: a stream's data end at its declared length where
// "endstream" follows; else at the "endstream" found, or the object's
// "endobj" when it has none, the end of line before it left out.
func TestDataEnd(t *testing.T) {
	for _, c := range []struct {
		doc      string
		n        int64
		end      int64
		repaired bool
	}{
		{"0123456789\nendstream", 10, 10, false},
		{"0123456789\r\nendstream", 10, 10, false},
		{"0123456789endstream", 10, 10, false},
		{"0123456789\nendstream", 4, 10, true},    // too short
		{"0123456789\r\nendstream", 30, 10, true}, // too long
		{"0123456789\nendstream", 0, 10, true},    // none (or unreadable)
		{"0123456789\nendstream", -7, 10, true},
		{"0123456789", 4, 4, false},                                                // no endstream at all: as declared
		{"0123456789", 40, 10, false},                                              // ... no further than the end
		{"\nendstream", 0, 0, false},                                               // empty, and says so
		{"0123\nendobj 6 0 obj << /Length 2 >> stream\nxy\nendstream", 0, 4, true}, // no endstream: up to endobj, not the next object's
		{"0123\r\nendobj", 40, 4, true},
	} {
		end, repaired := dataEnd([]byte(c.doc), 0, c.n)
		if end != c.end || repaired != c.repaired {
			t.Errorf("dataEnd(%q, %d) = %d, %v; want %d, %v", c.doc, c.n, end, repaired, c.end, c.repaired)
		}
	}
}

// TestWrongLengthRead: a stream with no filter or FlateDecode whose
// /Length is too short, too long, missing or no number reads to its
// endstream, as pdftotext reads it; and a page whose content stream is
// declared too short keeps its text.
func TestWrongLengthRead(t *testing.T) {
	text := strings.Repeat("BT /F1 12 Tf 72 700 Td (Harbour board) Tj ET\n", 50)
	z := deflate(text)
	var objs []string
	for _, length := range []string{fmt.Sprint(len(text) / 3), fmt.Sprint(len(text) + 40), "", "/Seven", "-7"} {
		entry := ""
		if length != "" {
			entry = "/Length " + length
		}
		objs = append(objs, streamObj(entry, []byte(text)))
		zl := strings.Replace(length, fmt.Sprint(len(text)/3), fmt.Sprint(len(z)/3), 1)
		zl = strings.Replace(zl, fmt.Sprint(len(text)+40), fmt.Sprint(len(z)+40), 1)
		if zl != "" {
			zl = "/Length " + zl
		}
		objs = append(objs, streamObj(zl+" /Filter /FlateDecode", z))
	}
	eachReader(map[string][]byte{"wrong lengths": streamsPDF(objs)}, func(_ string, r *pdf.Reader) {
		list := r.Trailer().Key("Root").Key("Streams")
		for i := range list.Len() {
			rd := openStream(list.Index(i))
			got, err := io.ReadAll(rd)
			rd.Close()
			if err != nil || string(got) != text {
				t.Errorf("stream %d (%v): read %d bytes, %v; want the %d bytes of its data", i+1, list.Index(i), len(got), err, len(text))
			}
		}
	})

	lines := "BT /F1 12 Tf 72 700 Td (First line of the story.) Tj ET\nBT /F1 12 Tf 72 680 Td (Second line of the story.) Tj ET\n"
	data := pdfgen.BuildRaw([]string{lines}, "")
	short := strings.Replace(string(data), fmt.Sprintf("/Length %d", len(lines)), fmt.Sprintf("/Length %d", len(lines)/4), 1)
	if short == string(data) {
		t.Fatal("the content stream's /Length was not found")
	}
	if got := extractInTime(t, []byte(short), "a content stream declared too short"); !strings.Contains(got, "Second line of the story.") {
		t.Errorf("read %q, want both lines", got)
	}
}
