package convert

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsclip/internal/pdfgen"
	"newsclip/internal/pdftext"
)

// exportHeaderOf gives readExportHeader's header as publication, section
// and ISO date, and whether the line is one, for its rule file ("" for
// each field where it is not).
func exportHeaderOf(line string) (pub, section, date string, ok bool) {
	h, ok := readExportHeader(line)
	return orBlank(h.publication, h.section, h.date.ISO(), ok)
}

// TestExportSplit: an archive export of three pages under dated headers,
// the last two sharing a record id in the foot, reads as two articles,
// each with the publication and date of its header.
func TestExportSplit(t *testing.T) {
	page := func(header, headline, body, id string) []pdfgen.Run {
		return []pdfgen.Run{
			{X: 36, Y: 760, Size: 9, Text: header},
			{X: 36, Y: 700, Size: 20, Text: headline},
			{X: 36, Y: 660, Size: 10, Text: "Von Anna Schmidt"},
			{X: 36, Y: 640, Size: 10, Text: body},
			{X: 36, Y: 30, Size: 8, Text: "Archiv: alle Rechte vorbehalten"},
			{X: 500, Y: 30, Size: 8, Text: id},
		}
	}
	data := pdfgen.Build([][]pdfgen.Run{
		page("Harbour Gazette POLITIK Montag, 5. Juni 2023", "Record Catch in the Harbour", "The fishermen counted their catch on Monday.", "A1234567"),
		page("Harbour Gazette Online POLITIK Dienstag, 6. Juni 2023", "Mill Turns Again", "The tide mill on the estuary turned on Saturday.", "A7654321"),
		{{X: 36, Y: 760, Size: 9, Text: "Harbour Gazette Online POLITIK Dienstag, 6. Juni 2023"},
			{X: 36, Y: 700, Size: 10, Text: "Its wheel had stood still for forty years."},
			{X: 500, Y: 30, Size: 8, Text: "A7654321"}},
	})
	doc := mustConvert(t, "export.pdf", data)
	if len(doc.Articles) != 2 {
		t.Fatalf("%d articles, want 2", len(doc.Articles))
	}
	for i, want := range []struct{ pub, date, headline, last string }{
		{"Harbour Gazette", "2023-06-05", "Record Catch in the Harbour", "The fishermen counted their catch on Monday."},
		{"Harbour Gazette Online", "2023-06-06", "Mill Turns Again", "Its wheel had stood still for forty years."},
	} {
		a := doc.Articles[i]
		body := a.Body[len(a.Body)-1].Text()
		if a.Publication != want.pub || a.Date.ISO() != want.date || a.Headline != want.headline || !strings.HasSuffix(body, want.last) {
			t.Errorf("article %d: %q %s %q ... %q", i, a.Publication, a.Date.ISO(), a.Headline, body)
		}
		if len(a.Authors) != 1 || a.Authors[0].Name != "Anna Schmidt" {
			t.Errorf("article %d: authors %+v", i, a.Authors)
		}
	}
}

// exportOf builds an archive export of n one-page articles, each under
// its own record id: article i's headline is "Story i of the Harbour".
func exportOf(n int) []byte {
	var pages [][]pdfgen.Run
	for i := range n {
		pages = append(pages, []pdfgen.Run{
			{X: 36, Y: 760, Size: 9, Text: "Harbour Gazette POLITIK Montag, 5. Juni 2023"},
			{X: 36, Y: 700, Size: 20, Text: fmt.Sprintf("Story %d of the Harbour", i)},
			{X: 36, Y: 660, Size: 10, Text: "Von Anna Schmidt"},
			{X: 36, Y: 640, Size: 10, Text: fmt.Sprintf("The fishermen counted catch number %d on Monday.", i)},
			{X: 500, Y: 30, Size: 8, Text: fmt.Sprintf("A%07d", 1000000+i)},
		})
	}
	return pdfgen.Build(pages)
}

// TestExportArticlesCores: an export read on one core and on eight gives
// the same Document, its articles in page order (exportArticles reads
// them on as many goroutines as there are cores).
func TestExportArticlesCores(t *testing.T) {
	data := exportOf(24)
	read := func(procs int) *Document {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		return mustConvert(t, "export.pdf", data)
	}
	one, eight := read(1), read(8)
	if len(eight.Articles) != 24 {
		t.Fatalf("%d articles, want 24", len(eight.Articles))
	}
	for i, a := range eight.Articles {
		if want := fmt.Sprintf("Story %d of the Harbour", i); a.Index != i || a.Headline != want {
			t.Errorf("article %d: index %d, headline %q, want %q", i, a.Index, a.Headline, want)
		}
	}
	if !reflect.DeepEqual(one, eight) {
		t.Error("the Document read on eight cores differs from the one read on one")
	}
}

// waitFor waits until ok holds, five seconds at most.
func waitFor(ok func() bool) {
	for deadline := time.Now().Add(5 * time.Second); !ok() && time.Now().Before(deadline); {
		runtime.Gosched()
	}
}

// TestExportLetsGoOfPages: read from a text that is its own (spend), an
// export lets go of the text's pages, and of each article's pages once
// it is read, for the same Document as one read from a text it keeps.
func TestExportLetsGoOfPages(t *testing.T) {
	data := exportOf(6)
	read := func(spend bool) (*Document, *pdftext.Text) {
		pt, err := pdftext.Extract(data, pdftext.Options{})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := readPDFDocument("export.pdf", [32]byte{}, pt, spend)
		if err != nil {
			t.Fatal(err)
		}
		return doc, pt
	}
	kept, ktext := read(false)
	spent, stext := read(true)
	if len(ktext.Pages) != 6 || stext.Pages != nil {
		t.Errorf("pages left: %d kept, %d spent; want 6 and none", len(ktext.Pages), len(stext.Pages))
	}
	if !reflect.DeepEqual(kept, spent) {
		t.Error("the Document read from a spent text differs")
	}
	parts := splitExport(ktext)
	exportArticles(parts)
	for i, p := range parts {
		if p != nil {
			t.Errorf("part %d still held after its article was read", i)
		}
	}
}

// TestExportNotHeld: a long export is read into articles at the default
// garbage collection target, a long clipping under holdGC, whose end
// forces a collection (debug.FreeOSMemory), which NumForcedGC counts.
func TestExportNotHeld(t *testing.T) {
	pt, err := pdftext.Extract(exportOf(2), pdftext.Options{})
	if err != nil {
		t.Fatal(err)
	}
	export := &pdftext.Text{PageCount: 1200}
	for _, p := range pt.Pages {
		for range 600 {
			export.Pages = append(export.Pages, p)
		}
	}
	clipping := longText(200)
	forced := func(name string, text *pdftext.Text) bool {
		if n := pdfTextBytes(text); n <= gcRoom {
			t.Fatalf("%s: %d bytes of text, not long (%d)", name, n, gcRoom)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if _, err := readPDFDocument(name, [32]byte{}, text, true); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return after.NumForcedGC > before.NumForcedGC
	}
	if forced("export.pdf", export) {
		t.Error("a long export was read under holdGC")
	}
	if !forced("clipping.pdf", clipping) {
		t.Error("a long clipping was read without holdGC")
	}
}

// TestForEachPanic: calls that panic on goroutines other than the
// caller's do not end the program; the panic reaches the caller once no
// call is running, as a callPanic holding the value, the i and the stack
// of the lowest call that panicked, though it panicked last. Two
// goroutines run calls 0 and 1 at once: 1 panics, then 0.
func TestForEachPanic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	var started [2]atomic.Bool
	var panicked1 atomic.Bool
	var running atomic.Int32
	defer func() {
		p, ok := recover().(callPanic)
		if !ok || p.value != "call 0 failed" || p.i != 0 || !strings.Contains(string(p.stack), "TestForEachPanic") {
			t.Errorf("recovered %+v, want call 0's value, i and stack", p)
		}
		if n := running.Load(); n != 0 {
			t.Errorf("%d calls still running when the panic reached the caller", n)
		}
	}()
	forEach(8, func(i int) {
		running.Add(1)
		defer running.Add(-1)
		switch i {
		case 0:
			started[0].Store(true)
			waitFor(panicked1.Load)
			time.Sleep(5 * time.Millisecond)
			panic("call 0 failed")
		case 1:
			started[1].Store(true)
			waitFor(started[0].Load)
			panicked1.Store(true)
			panic("call 1 failed")
		}
	})
	t.Error("forEach returned")
}

// TestForEachStopsAtPanic: once a call has panicked, no call begins. Two
// goroutines run calls 0 and 1 at once; 0 panics, and 1 returns well
// after: its goroutine then takes no call.
func TestForEachStopsAtPanic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	var started1, panicked0 atomic.Bool
	var calls atomic.Int32
	func() {
		defer func() { recover() }()
		forEach(8, func(i int) {
			calls.Add(1)
			switch i {
			case 0:
				waitFor(started1.Load)
				panicked0.Store(true)
				panic("call 0 failed")
			case 1:
				started1.Store(true)
				waitFor(panicked0.Load)
				time.Sleep(20 * time.Millisecond) // the panic is recovered meanwhile
			}
		})
	}()
	if n := calls.Load(); n != 2 {
		t.Errorf("%d calls, want 2: none after the one that panicked", n)
	}
}

// TestConvertPDFPanic: a panic during a conversion, here raised on
// forEach's goroutines inside the extractor, becomes an error naming the
// file and saying what panicked, as in Convert, not a crash of the
// program (the CLI calls ConvertPDF directly).
func TestConvertPDFPanic(t *testing.T) {
	_, err := ConvertPDF("export.pdf", []byte("%PDF-1.4"), func([]byte) (*pdftext.Text, error) {
		exportArticles(make([][]exportPage, 3)) // parts without pages: exportArticle panics
		return &pdftext.Text{}, nil
	})
	var e *Error
	if !errors.As(err, &e) || e.File != "export.pdf" || !strings.Contains(err.Error(), "internal error: runtime error: index out of range") || strings.Contains(err.Error(), "goroutine") {
		t.Fatalf("error %v, want an internal error naming export.pdf", err)
	}
}
