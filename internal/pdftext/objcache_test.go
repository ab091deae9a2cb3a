package pdftext

import (
	"bytes"
	"testing"

	"github.com/ledongthuc/pdf"

	"newsclip/internal/pdfgen"
)

// TestRefOf: the references of a page (its Parent, its Contents, a font
// in its resources) are read without resolving them, and direct objects
// (the MediaBox array, the resource dictionary) are none. Should a newer
// PDF library store its values differently, this fails (and every lookup
// goes to the library uncached).
func TestRefOf(t *testing.T) {
	data := pdfgen.BuildRaw([]string{"BT /F1 12 Tf 72 700 Td (Harbour) Tj ET"}, "")
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	page := pdfPages(r, newObjCache())[0].V
	for _, c := range []struct {
		v    pdf.Value
		key  string
		want bool
	}{
		{page, "Parent", true},
		{page, "Contents", true},
		{page.Key("Resources").Key("Font"), "F1", true},
		{page, "MediaBox", false},
		{page, "Resources", false},
		{page, "NoSuchKey", false},
		{page.Key("MediaBox"), "Parent", false}, // not a dictionary
	} {
		if _, ok := refOf(c.v, c.key); ok != c.want {
			t.Errorf("refOf(%s) found a reference: %v, want %v", c.key, ok, c.want)
		}
	}
	parent, _ := refOf(page, "Parent")
	if root, _ := refOf(r.Trailer().Key("Root"), "Pages"); root != parent {
		t.Errorf("the page's Parent is %v, the catalog's Pages %v", parent, root)
	}
}

// TestObjCacheReadsAsLibrary: a cached lookup gives what the library's
// gives, the first time and from the cache; the cache keeps one entry per
// reference looked up more than once, none for one looked up once.
func TestObjCacheReadsAsLibrary(t *testing.T) {
	data := pdfgen.BuildRaw([]string{"BT /F1 12 Tf 72 700 Td (A) Tj ET", "BT /F2 12 Tf 72 700 Td (B) Tj ET"}, "")
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	c := newObjCache()
	for range 2 {
		for _, pg := range pdfPages(r, newObjCache()) {
			if got, want := c.key(pg.V, "Parent").String(), pg.V.Key("Parent").String(); got != want {
				t.Errorf("cached Parent = %s, want %s", got, want)
			}
			fonts := pg.V.Key("Resources").Key("Font")
			if got, want := c.key(fonts, "F2").Key("BaseFont").Name(), "Courier"; got != want {
				t.Errorf("cached font F2 is %q, want %q", got, want)
			}
			if got, want := c.inherited(pg.V, "Resources", maxTreeDepth).String(), pg.Resources().String(); got != want {
				t.Errorf("inherited Resources = %s, want %s", got, want)
			}
		}
	}
	for _, pg := range pdfPages(r, newObjCache()) {
		c.key(pg.V, "Contents") // each page's own, looked up once: not kept
	}
	if len(c.vals) != 2 { // the page tree node and font F2, each met on both pages
		t.Errorf("cache holds %d objects, want 2", len(c.vals))
	}
}
