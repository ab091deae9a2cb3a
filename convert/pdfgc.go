package convert

// Garbage collection while a long PDF's text is read into articles. The
// text is most of what the process holds then (a line takes 72 bytes of
// layout besides its characters: some 1.9 MB for a 500-page document),
// and Go's default target lets the heap grow by as much again before it
// collects, so that the peak memory grew twice as fast as the text. While
// ConvertPDF holds a long text, the target falls as the text grows,
// keeping the heap's room to grow near gcRoom bytes; afterwards the
// memory the text took goes back to the system, so that the document's
// output is written, and a batch's next file read, without it. An archive
// export is not held: its pages go as its articles are read (see
// readPDFDocument).

import (
	"runtime/debug"
	"sync"
	"unsafe"

	"newsclip/internal/pdftext"
)

// gcRoom is the room the heap has to grow, in bytes, while a text of more
// than gcRoom bytes is held (a shorter text keeps Go's default target,
// GOGC=100, whose room is at least the text's size); minGCPercent bounds
// the target of a long text, so that the collector does not run without
// end on a huge one.
const (
	gcRoom       = 512 << 10
	minGCPercent = 25
)

// pdfTextBytes is the memory t's pages hold, in bytes: their lines (the
// struct of each, and its characters) and their running heads and
// turned lines.
func pdfTextBytes(t *pdftext.Text) int {
	const lineBytes = int(unsafe.Sizeof(pdftext.Line{}))
	n := 0
	for _, p := range t.Pages {
		for _, lines := range [...][]pdftext.Line{p.Lines, p.Heads, p.Turned} {
			n += len(lines) * lineBytes
			for _, l := range lines {
				n += len(l.Text)
			}
		}
	}
	return n
}

// gcPercent is the garbage collection target (GOGC) while a text of n
// bytes is held: 100 up to gcRoom bytes, then 100*gcRoom/n, at least
// minGCPercent.
//
//	300 KB (a 90-page document) -> 100;  1 MB -> 50;  1.9 MB -> 26
func gcPercent(n int) int {
	if n <= gcRoom {
		return 100
	}
	return max(minGCPercent, int(100*int64(gcRoom)/int64(n)))
}

// heldGC is the state of holdGC: how many texts are held (by concurrent
// callers), the target set for them, and the one before the first.
var heldGC struct {
	sync.Mutex
	n       int
	percent int
	saved   int
}

// holdGC lowers the garbage collection target to gcPercent(n) while a text
// of n bytes is worked on, never raising it (a lower GOGC set by the user,
// or collection turned off, stays), and returns the function that ends
// the hold. The last hold to end restores the target and returns the
// memory freed to the system (debug.FreeOSMemory: a collection, a
// millisecond or two for a long text). A short text's hold changes
// nothing.
func holdGC(n int) (release func()) {
	p := gcPercent(n)
	if p >= 100 {
		return func() {}
	}
	heldGC.Lock()
	defer heldGC.Unlock()
	switch {
	case heldGC.n == 0:
		heldGC.saved, heldGC.percent = debug.SetGCPercent(p), p
		if heldGC.saved < p { // the user's lower target, or collection off (-1), stays
			heldGC.percent = heldGC.saved
			debug.SetGCPercent(heldGC.saved)
		}
	case p < heldGC.percent: // never when collection is off (-1)
		heldGC.percent = p
		debug.SetGCPercent(p)
	}
	heldGC.n++
	return func() {
		heldGC.Lock()
		heldGC.n--
		last := heldGC.n == 0
		if last {
			debug.SetGCPercent(heldGC.saved)
		}
		heldGC.Unlock()
		if last {
			debug.FreeOSMemory()
		}
	}
}
