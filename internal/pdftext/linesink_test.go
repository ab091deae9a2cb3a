package pdftext

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"newsclip/internal/pdfgen"
)

// TestLinesHeldCompactly: the pages a caller collects hold their lines
// in about the Line structs' own size plus their text (lineSink): 80
// bytes a line besides its text here, against 99 with a string for each
// line and a slice grown by appending.
func TestLinesHeldCompactly(t *testing.T) {
	const n = 300
	para := strings.Repeat("The harbour board met on Tuesday to weigh the ferry timetable. ", 30)
	data := func() []byte { // the runs are not live when the heap is read
		pages := make([][]pdfgen.Run, n)
		for i := range pages {
			pages[i] = pdfgen.Columns(2, fmt.Sprintf("Harbour report %d", i+1), []string{para, para})
		}
		return pdfgen.Build(pages)
	}()
	heap := func() uint64 {
		runtime.GC()
		runtime.GC() // a second time to drop the glyph buffers pooled
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var kept []Page
	before := heap()
	if _, err := ExtractPages(data, Options{Workers: 1}, func(p Page) { kept = append(kept, p) }); err != nil {
		t.Fatal(err)
	}
	held := int64(heap()) - int64(before)
	runtime.KeepAlive(data) // in both readings
	lines, text := 0, 0
	for _, p := range kept {
		lines += len(p.Lines)
		for _, l := range p.Lines {
			text += len(l.Text)
		}
	}
	if lines < 100*n {
		t.Fatalf("%d lines on %d pages; the test wants about 120 a page", lines, n)
	}
	over := (held - int64(text)) / int64(lines)
	t.Logf("%d lines, %d bytes of text: %d bytes of heap, %d a line besides its text", lines, text, held, over)
	if over > 90 {
		t.Errorf("%d bytes of heap a line besides its text; want at most 90 (a Line is 72)", over)
	}
	runtime.KeepAlive(kept)
}

// TestLineSinkStartsEmpty: text a page left half-written (a panic between
// a line's text and its add) does not open the next page's first line.
func TestLineSinkStartsEmpty(t *testing.T) {
	var s lineSink
	s.text = append(s.text, "cut sho"...) // a line's text, never added
	if got := s.take(); got != nil {
		t.Fatalf("take gave %d lines, want none", len(got))
	}
	s.text = append(s.text, "Harbour"...)
	s.add(Line{X0: 72})
	if got := s.take(); len(got) != 1 || got[0].Text != "Harbour" {
		t.Errorf("take gave %+v, want the one line Harbour", got)
	}
}

// TestLayoutPageStartsEmpty: lines a page left in the cutter's sink (its
// layout cut short by a panic, which the page reader recovers) do not
// open the next page.
func TestLayoutPageStartsEmpty(t *testing.T) {
	var c cutter
	c.sink.text = append(c.sink.text, "Cut short"...)
	c.sink.add(Line{X0: 72, Y: 700, Size: 10})
	var gs []glyph
	for i, r := range "Harbour" {
		x := 72 + 6*float64(i)
		gs = append(gs, glyph{x0: x, x1: x + 6, y: 500, ey: 500, size: 10, text: string(r)})
	}
	p := layoutPage(gs, 0, 792, &c)
	if len(p.Lines) != 1 || p.Lines[0].Text != "Harbour" {
		t.Errorf("lines %+v, want the one line Harbour", p.Lines)
	}
}
