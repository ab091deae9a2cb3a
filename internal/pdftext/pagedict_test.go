package pdftext

import (
	"fmt"
	"runtime"
	"testing"

	"newsclip/internal/pdfgen"
)

// TestPagesLetGo: a long document's pages, once read, are not held by
// the reading: near its end, the live heap holds what the emitted pages
// hold (here a line each, kept by emit), not every page's dictionary as
// well (the page list is resolved before the first page is read).
func TestPagesLetGo(t *testing.T) {
	const n = 4000
	pages := make([][]pdfgen.Run, n)
	for i := range pages {
		pages[i] = pdfgen.Columns(1, "", []string{fmt.Sprintf("Page %d of the harbour report.", i+1)})
	}
	data := pdfgen.Build(pages)
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var late uint64
	var kept []Page
	opts := Options{Workers: 1, MaxPages: n, OnPage: func(p int) {
		if p == n-100 {
			late = heap()
		}
	}}
	before := heap()
	if _, err := ExtractPages(data, opts, func(p Page) { kept = append(kept, p) }); err != nil {
		t.Fatal(err)
	}
	per := (int64(late) - int64(before)) / n
	t.Logf("%d bytes of live heap a page", per)
	// About 700 bytes: the emitted line, the file's table of objects;
	// about 2,000 with every page's dictionary held.
	if per > 1200 {
		t.Errorf("%d bytes of live heap a page near the end; want at most 1200 (the emitted pages' lines, the table of objects)", per)
	}
	runtime.KeepAlive(kept)
}
