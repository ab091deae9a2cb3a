package pdftext

import (
	"fmt"
	"testing"

	"github.com/ledongthuc/pdf"

	"newsclip/internal/pdfgen"
)

// oddTrees are page trees (the objects after the pages P1-P3, which are
// objects 1-3; the catalog's Pages is object 4) on which the library's
// walk to page 1 counts pages off in odd ways.
var oddTrees = map[string][]string{
	"negative count below": {"<< /Type /Pages /Count 3 /Kids [5 0 R 2 0 R 3 0 R] >>", "<< /Type /Pages /Count -2 /Kids [1 0 R] >>"},
	"zero count below":     {"<< /Type /Pages /Count 2 /Kids [5 0 R 2 0 R] >>", "<< /Type /Pages /Count 0 /Kids [1 0 R] >>"},
	"negative count":       {"<< /Type /Pages /Count -1 /Kids [1 0 R] >>"},
	"no count":             {"<< /Type /Pages /Kids [1 0 R 2 0 R] >>"},
	"kids by reference":    {"<< /Type /Pages /Count 2 /Kids 5 0 R >>", "[1 0 R 2 0 R]"},
	"kid without type":     {"<< /Type /Pages /Count 2 /Kids [5 0 R 2 0 R] >>", "<< /Count 1 >>"},
	"nested":               {"<< /Type /Pages /Count 3 /Kids [5 0 R 3 0 R] >>", "<< /Type /Pages /Count 2 /Kids [6 0 R 2 0 R] >>", "<< /Type /Pages /Count 1 /Kids [1 0 R] >>"},
	"empty below":          {"<< /Type /Pages /Count 1 /Kids [5 0 R 1 0 R] >>", "<< /Type /Pages /Count 1 /Kids [] >>"},
	"top is a page":        {"<< /Type /Page /MediaBox [0 0 4 4] >>"},
	"top has no type":      {"<< /Count 1 /Kids [1 0 R] >>"},
	"direct kid":           {"<< /Type /Pages /Count 1 /Kids [<< /Type /Page /MediaBox [0 0 5 5] >>] >>"},
}

// treePDF writes the pages P1-P3 (told apart by their MediaBox) and the
// objects of tree, object 4 being the catalog's Pages.
func treePDF(tree []string) []byte {
	objs := []string{"<< /Type /Page /MediaBox [0 0 1 1] >>", "<< /Type /Page /MediaBox [0 0 2 2] >>", "<< /Type /Page /MediaBox [0 0 3 3] >>"}
	objs = append(objs, tree...)
	objs = append(objs, "<< /Type /Catalog /Pages 4 0 R >>")
	return pdfgen.Objects(objs, len(objs))
}

// TestFirstPageAsLibrary: numPage and firstPage, which read the page tree
// through a cache, find what the library's NumPage and Page(1) find, on
// odd trees, deep ones and the test PDFs; the pages listed through the
// cache they leave are those listed through a new one.
func TestFirstPageAsLibrary(t *testing.T) {
	files := map[string][]byte{}
	for name, tree := range oddTrees {
		files[name] = treePDF(tree)
	}
	files["nested 40 pages"] = pdfgen.Nested(40, 3, 4)
	for name, data := range fontEntryPDFs(t) {
		files[name] = data
	}
	odd := 0
	eachReader(files, func(name string, r *pdf.Reader) {
		c := newObjCache()
		got := catching(func() string { return fmt.Sprint(numPage(r, c), " ", firstPage(r, c)) })
		want := catching(func() string { return fmt.Sprint(r.NumPage(), " ", r.Page(1).V) })
		if got != want {
			t.Errorf("%s: number of pages and page 1 read through the cache\n%.300s\nthe library's\n%.300s", name, got, want)
		}
		if g, w := fmt.Sprint(pdfPages(r, c)), fmt.Sprint(pdfPages(r, newObjCache())); g != w {
			t.Errorf("%s: pages listed after page 1\n%.300s\nlisted afresh\n%.300s", name, g, w)
		}
		if _, ok := oddTrees[name]; ok {
			odd++
		}
	})
	if odd < len(oddTrees) {
		t.Errorf("only %d odd trees opened", odd)
	}
}

// eachReader calls fn with each of files the library opens (through
// newPDFReader), by name.
func eachReader(files map[string][]byte, fn func(name string, r *pdf.Reader)) {
	for name, data := range files {
		if r, err := newPDFReader(data, ""); err == nil {
			fn(name, r)
		}
	}
}

// catching is f's result, or the panic it ends in.
func catching(f func() string) (s string) {
	defer func() {
		if p := recover(); p != nil {
			s = fmt.Sprint("panic: ", p)
		}
	}()
	return f()
}

// TestObjCacheIndex: index reads an array's elements as Index does
// (references, a missing object, a direct one, out of range), kept or
// not, the first time and again; it keeps what it resolved twice.
func TestObjCacheIndex(t *testing.T) {
	data := treePDF([]string{"<< /Type /Pages /Count 3 /Kids [1 0 R 2 0 R << /Type /Page >> 3 0 R 99 0 R] >>"})
	r, err := newPDFReader(data, "")
	if err != nil {
		t.Fatal(err)
	}
	kids := r.Trailer().Key("Root").Key("Pages").Key("Kids")
	c := newObjCache()
	for round := range 3 {
		for i := -1; i <= kids.Len(); i++ {
			if got, want := c.index(kids, i, round == 0 && i%2 == 0).String(), kids.Index(i).String(); got != want {
				t.Errorf("round %d: index(%d) = %s, want %s", round, i, got, want)
			}
		}
	}
	if len(c.vals) != 4 {
		t.Errorf("%d objects cached, want the 3 pages and the missing object", len(c.vals))
	}
}
