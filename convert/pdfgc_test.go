package convert

import (
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
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

// peakChild names the environment variable under which
// TestLongPDFMemory, run again as a process of its own, converts and
// measures.
const peakChild = "NEWSCLIP_TEST_PEAK_CHILD"

// statusKiB reads a field of /proc/self/status, in KiB: VmRSS, VmHWM.
func statusKiB(field string) int {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) > 1 && f[0] == field+":" {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	return -1
}

// TestLongPDFMemory: converting a long document's text (600 pages, 2.8 MB
// held in lines) raises the process's peak memory by less than 7 MiB (it
// rose by 10 MiB when the text's lines were kept and the heap grew by
// Go's default target), and the memory goes back to the system after it:
// the resident set ends below where it started (the text is gone, the
// document stays). Measured in a process of its own, from a resident set
// and peak reset after the text is built (Linux: /proc/self/clear_refs),
// so that no other test's memory counts.
func TestLongPDFMemory(t *testing.T) {
	if os.Getenv(peakChild) != "" {
		measureLongPDF(t)
		return
	}
	if testing.Short() || runtime.GOOS != "linux" || raceEnabled {
		t.Skip("measures a 600-page conversion in a process of its own (Linux, no race detector)")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLongPDFMemory$", "-test.v")
	cmd.Env = append(os.Environ(), peakChild+"=1")
	out, err := cmd.CombinedOutput()
	var start, peak, end, target int
	if i := strings.Index(string(out), "memory:"); err != nil || i < 0 {
		t.Fatalf("measuring process: %v\n%s", err, out)
	} else if _, err := fmt.Sscanf(string(out[i:]), "memory: start %d peak %d end %d target %d", &start, &peak, &end, &target); err != nil {
		t.Fatalf("measuring process: %v\n%s", err, out)
	}
	if rise := peak - start; rise > 7<<10 {
		t.Errorf("the conversion raised the peak resident set by %.1f MiB", float64(rise)/(1<<10))
	}
	if end > start {
		t.Errorf("the resident set ended %.1f MiB above its start", float64(end-start)/(1<<10))
	}
	if target != 100 {
		t.Errorf("garbage collection target after the conversion %d, want 100", target)
	}
}

// measureLongPDF converts a long text and prints the resident set before
// (KiB), its peak over the conversion, the resident set after, and the
// GC target after.
func measureLongPDF(t *testing.T) {
	pt := longText(600)
	runtime.GC()
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Fatalf("resetting the peak: %v", err)
	}
	start := statusKiB("VmRSS")
	doc, err := ConvertPDF("long.pdf", []byte("%PDF-1.4"), func([]byte) (*pdftext.Text, error) { return pt, nil })
	pt = nil
	if err != nil || len(doc.Articles) == 0 {
		t.Fatalf("ConvertPDF: %v", err)
	}
	fmt.Printf("memory: start %d peak %d end %d target %d\n", start, statusKiB("VmHWM"), statusKiB("VmRSS"), gcTarget())
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
