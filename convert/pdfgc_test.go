package convert

import (
	"fmt"
	"reflect"
	"runtime"
	"runtime/debug"
	"testing"
	"unsafe"

	"newsclip/internal/pdftext"
)

func TestGCPercent(t *testing.T) {
	rows(t, "gcPercent", gcPercent, map[int]int{
		0:            100,
		300 << 10:    100, // a 90-page document
		gcRoom:       100,
		1 << 20:      50,
		1900 << 10:   26, // a 500-page document
		4 << 20:      minGCPercent,
		1 << 30:      minGCPercent,
		gcRoom*2 + 1: 49,
	})
}

// TestTextBytes: a line counts its struct and its characters, on every
// list of a page.
func TestPDFTextBytes(t *testing.T) {
	pt := &pdftext.Text{Pages: []pdftext.Page{
		{Lines: []pdftext.Line{{Text: "Record catch"}, {Text: "in the bay"}}, Heads: []pdftext.Line{{Text: "7"}}},
		{Turned: []pdftext.Line{{Text: "PHOTO: A. SMITH"}}},
	}}
	if got, want := pdfTextBytes(pt), 4*int(unsafe.Sizeof(pdftext.Line{}))+12+10+1+15; got != want {
		t.Errorf("pdfTextBytes = %d, want %d", got, want)
	}
}

// gcTarget returns the garbage collection target (GOGC) in force.
func gcTarget() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestHoldGC: a long text lowers the target while it is held, concurrent
// holds keep the lowest until the last ends, and the target before comes
// back; a short text, a lower target set by the user and collection
// turned off are left alone.
func TestHoldGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	if end := holdGC(100 << 10); gcTarget() != 100 {
		t.Errorf("a short text changed the target to %d", gcTarget())
	} else {
		end()
	}
	end1 := holdGC(1 << 20)
	if got := gcTarget(); got != 50 {
		t.Errorf("holding 1 MB: target %d, want 50", got)
	}
	end2 := holdGC(4 << 20)
	end3 := holdGC(1 << 20)
	if got := gcTarget(); got != minGCPercent {
		t.Errorf("holding 1, 4 and 1 MB: target %d, want %d", got, minGCPercent)
	}
	end2()
	end1()
	if got := gcTarget(); got != minGCPercent {
		t.Errorf("one text still held: target %d, want %d", got, minGCPercent)
	}
	end3()
	if got := gcTarget(); got != 100 {
		t.Errorf("all released: target %d, want 100", got)
	}
	for _, user := range []int{20, -1} {
		debug.SetGCPercent(user)
		end := holdGC(1 << 20)
		if got := gcTarget(); got != user {
			t.Errorf("GOGC=%d: holding 1 MB set the target to %d", user, got)
		}
		end()
		if got := gcTarget(); got != user {
			t.Errorf("GOGC=%d: released, the target is %d", user, got)
		}
	}
}

// longText is the text of a long document: pages of ragged body lines in
// one column, each fifth line ending a paragraph.
func longText(pages int) *pdftext.Text {
	pt := &pdftext.Text{PageCount: pages}
	for p := range pages {
		page := pdftext.Page{Number: p + 1, Bottom: 0, Top: 800}
		for i := range 40 {
			text := fmt.Sprintf("line %d of page %d of the harbour report and", i, p+1)
			x1 := 300.0
			if i%5 == 4 {
				text, x1 = fmt.Sprintf("the end of paragraph %d.", i/5), 200
			}
			page.Lines = append(page.Lines, pdftext.Line{Text: text, X0: 72, X1: x1, Y: 760 - 18*float64(i), Size: 10, BlockX0: 72, BlockX1: 300, BlockStart: i == 0})
		}
		pt.Pages = append(pt.Pages, page)
	}
	return pt
}

// heldHeap is the heap memory the process holds from the system, in
// bytes.
func heldHeap() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapSys - ms.HeapReleased
}

// TestLongPDFLeavesNoHeap: once a long document is converted, the process
// holds little more memory than before it (its text and the garbage of
// its reading went back to the system), and its garbage collection
// target is the one it had.
func TestLongPDFLeavesNoHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and converts a 600-page text")
	}
	runtime.GC()
	debug.FreeOSMemory()
	before := heldHeap()
	doc, err := ConvertPDF("long.pdf", []byte("%PDF-1.4"), func([]byte) (*pdftext.Text, error) { return longText(600), nil })
	after := heldHeap()
	if err != nil || len(doc.Articles) == 0 {
		t.Fatalf("ConvertPDF: %v", err)
	}
	if got := gcTarget(); got != 100 {
		t.Errorf("target after the conversion %d, want 100", got)
	}
	// The text is some 2.7 MB; the document's body about 1.2 MB.
	if grown := int64(after) - int64(before); grown > 3<<20 {
		t.Errorf("the heap held grew by %.1f MiB over the conversion", float64(grown)/(1<<20))
	}
	runtime.KeepAlive(doc)
}

// headlineText is a clipping's text: masthead, kicker in larger type than
// the headline (read as the headline: see demoteSmallHeadline), body.
func headlineText() *pdftext.Text {
	l := func(s string, size, y float64) pdftext.Line {
		return pdftext.Line{Text: s, Size: size, X0: 72, X1: 400, Y: y, BlockX0: 72, BlockX1: 400}
	}
	lines := []pdftext.Line{l("Harbour Gazette", 30, 780), l("Witness speaks", 26, 740), l("At the harbour trial the key witness", 14, 710), l("takes the stand on Monday", 14, 692)}
	for i := range 12 {
		lines = append(lines, l(fmt.Sprintf("Body line %d of the report on the harbour trial, which went on.", i), 9, 660-11*float64(i)))
	}
	return &pdftext.Text{Pages: []pdftext.Page{{Number: 1, Top: 800, Lines: lines}}}
}

// TestConvertPDFLetsGoOfLines: ConvertPDF, which owns the text it
// extracts, lets go of its lines before it builds the article, and reads
// the same article as FromPDFText, whose caller keeps the text whole.
func TestConvertPDFLetsGoOfLines(t *testing.T) {
	data := []byte("%PDF-1.4")
	kept := headlineText()
	want, err := FromPDFText("x.pdf", data, kept)
	if err != nil {
		t.Fatal(err)
	}
	if len(kept.Pages[0].Lines) == 0 {
		t.Errorf("FromPDFText let go of its caller's lines")
	}
	if a := want.Articles[0]; a.Headline != "Witness speaks" || a.Subheadline == "" {
		t.Fatalf("headline %q standfirst %q: the kicker in larger type is not the headline", a.Headline, a.Subheadline)
	}
	var spent *pdftext.Text
	got, err := ConvertPDF("x.pdf", data, func([]byte) (*pdftext.Text, error) { spent = headlineText(); return spent, nil })
	if err != nil {
		t.Fatal(err)
	}
	if n := len(spent.Pages[0].Lines); n != 0 {
		t.Errorf("ConvertPDF kept the text's %d lines", n)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ConvertPDF read %+v, FromPDFText %+v", got.Articles[0], want.Articles[0])
	}
}
