package pdfchild

// A run that converts one PDF alone reads it in its own process, under a
// supervisor (see spawn.Supervised), instead of in a child: the reading
// starts at this package's initialisation, beside the packages the rest
// of the program initialises after it, and the run pays for one Go
// process's start instead of two. This 2-core guest runs process starts
// one after the other, so the second cost about as much as the extraction
// of a page. Whole runs through a child, then in-process (medians of 11
// interleaved runs; wall time, peak RSS; pdftotext's wall time):
//
//	one-page newspaper page (57 KB)    47.7 -> 32.7 ms, 16.9 -> 19.8 MiB  (29.4 ms)
//	browser print (300 KB, 2 pages)    44.4 -> 30.5 ms, 16.6 -> 20.1 MiB  (26.5 ms)
//	59-page archive export (1.8 MB)   192.3 -> 147.1 ms, 27.2 -> 32.8 MiB (170.1 ms)
//	1,496-page document (2.2 MB)        587 -> 536 ms, 30.3 -> 35.4 MiB  (1,456 ms)
//
// (ownBigGCPercent, later, took 1-2 MiB off the last two.) The peak memory
// is higher: the reading's and the articles' memory are one process's now,
// where before the larger of two processes' counted. What a child gives,
// this keeps: the data-size limit (MemoryLimit) holds for the whole
// process, the time limit is counted in this process's CPU time from the
// reading's start, and a crash (a fatal error of the Go runtime, which no
// recover catches) is reported by the supervisor as one line, as a
// child's crash is. The text and the errors are a child's (see
// extractAsChild). The file is read once: the command converts the bytes
// this reading read (OwnBytes), where it would otherwise read the file
// again and hold a second copy (the 59-page export: 30.1 -> 27.6 MiB peak
// RSS, 5 ms less CPU time; a 440 KB print 2 ms sooner).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"sync/atomic"
	"time"

	"newsclip/internal/pdfchild/spawn"
	"newsclip/internal/pdftext"
	"newsclip/internal/stackroom"
)

// own is the reading of the run's one PDF in this process: started by
// readOwn, taken once by fromOwn.
var own struct {
	name  string
	read  chan struct{} // closed when the file has been read (or not)
	first []byte        // the file's bytes, once read (nil if that failed)
	done  chan struct{} // closed when the reading has ended
	data  []byte        // the bytes read (nil if reading failed)
	t     *pdftext.Text
	err   error
	page  atomic.Int64 // the page being read
	start time.Time
	cpu0  time.Duration // this process's CPU time at start, -1 if unknown
}

// readOwn starts reading the PDF name in this process, as an early child
// reads its first file (readFirst: a regular file that starts as a PDF,
// of maxFirst bytes at most, opened without waiting on a named pipe),
// with the empty password and the garbage collection targets a child
// would use (see serveOne; ownGCPercent for a large file past its first
// pages), after setting the process's data-size limit and, for the
// reading, its soft memory limit.
func readOwn(name string) {
	limitData(MemoryLimit)
	own.name, own.read, own.done = name, make(chan struct{}), make(chan struct{})
	own.start, own.cpu0 = time.Now(), processCPU()
	go warm()
	go func() {
		stackroom.Grow() // the reading goes deep: the PDF parser, the reply's JSON
		defer close(own.done)
		data, err := readFirst(name)
		own.first = data
		close(own.read)
		if err != nil {
			return // the caller reads it, and reports what fails
		}
		spawn.SetExtracting(true)
		defer spawn.SetExtracting(false)
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(MemoryLimit / 2))
		defer restoreGCPercent(debug.SetGCPercent(startGCPercent(len(data))))
		opts := pdftext.Options{
			OnPage: func(n int) {
				own.page.Store(int64(n))
				spawn.SetPage(n)
				if n == firstPages+1 {
					debug.SetGCPercent(ownGCPercent(len(data)))
				}
			},
			OnPages: func(n int) { debug.SetGCPercent(pagesGCPercent(len(data), n)) },
		}
		own.t, own.err = extractAsChild(data, opts)
		own.data = data
		if len(data) >= bigFile {
			// What a child's exit would hand back: the extraction's
			// garbage, which the articles' rules would otherwise find
			// resident (a 59-page, 1.8 MB export's run: 36.3 -> 32.6 MiB
			// peak RSS, 149 -> 153 ms).
			debug.FreeOSMemory()
		}
	}()
}

// warm does ahead what the end of the reading would do first: it encodes
// a reply and decodes it back, so that encoding/json has built its encoder
// for the reply's types and its decoder for the outer ones by the time
// extractAsChild needs them (half a millisecond of a one-page run), and
// compiles pdftext's expressions for Text.Finish. readOwn runs it beside
// the reading, while the rest of the program initialises.
func warm() {
	stackroom.Grow() // encoding/json builds its encoders by reflection, deep
	if b, err := json.Marshal(newReply(&pdftext.Text{}, nil)); err == nil {
		var r reply
		_ = json.Unmarshal(b, &r)
	}
	pdftext.Warm()
}

// ownBigGCPercent is the garbage collection target, past its first pages,
// of a large file (bigFile bytes or more) read in this process: lower than
// a child's bigGCPercent, since the heap it multiplies holds the pages
// read so far as well, which a child sends away. Medians of 9 interleaved
// runs against 50, two sets for the first two:
//
//	1,496-page document (2.2 MB)  535 -> 552, 594 -> 587 ms; peak RSS 35.5 -> 33.3, 35.0 -> 33.4 MiB
//	59-page archive export        154 -> 159, 157 -> 159 ms; 33.2 -> 31.5, 32.2 -> 31.3 MiB
//	493-page document (740 KB)    225 -> 233 ms; 24.5 -> 24.2 MiB
//
// (through a child: 589 and 200 ms, 30.9 and 27.3 MiB for the first two;
// at 20, 577 and 166 ms for 32.4 and 30.4 MiB).
const ownBigGCPercent = 30

// ownGCPercent is gcPercent for a file of size bytes read in this process.
func ownGCPercent(size int) int {
	if size >= bigFile {
		return ownBigGCPercent
	}
	return gcPercent(size)
}

// restoreGCPercent sets the garbage collection target back to saved after
// the reading, unless the reading left it higher (a short file's
// firstGCPercent), which the rest of the run keeps (but collection turned
// off, GOGC=off, stays off): set back, it made the
// heap the reading left, 4 MB for a page, collect at once, while a child's
// parent starts with an empty heap: a one-page PDF 37.0 -> 31.0 ms and a
// two-page print 38.3 -> 30.1 ms (medians of 11 interleaved runs; peak RSS
// within a MiB either way).
func restoreGCPercent(saved int) {
	if now := debug.SetGCPercent(saved); now > saved && saved >= 0 {
		debug.SetGCPercent(now)
	}
}

// extractAsChild extracts data as a child and its parent would between
// them: each page goes through the frames' binary form as it comes (see
// codec.go), which leaves it in a compact copy (its strings in one
// allocation, no spare capacity) and the layout's garbage behind, and the
// rest of the text through the end frame's JSON, so that the text, and the
// error, are those a child gives.
func extractAsChild(data []byte, opts pdftext.Options) (*pdftext.Text, error) {
	var pages []pdftext.Page
	var dec pageDecoder
	var buf []byte
	var bad error
	emit := func(p pdftext.Page) {
		if bad != nil {
			return
		}
		if buf, bad = appendPage(buf[:0], &p); bad == nil {
			var q pdftext.Page
			if q, bad = dec.page(buf); bad == nil {
				pages = append(pages, q)
			}
		}
	}
	t, err := pdftext.ExtractPages(data, opts, emit)
	if bad != nil { // a child's frame stream would have broken off
		return nil, &pdftext.Error{Page: len(pages) + 1, Err: fmt.Errorf("%w: extraction crashed", pdftext.ErrDamaged)}
	}
	end, jerr := json.Marshal(newReply(t, err))
	var r reply
	if jerr == nil {
		jerr = json.Unmarshal(end, &r)
	}
	if jerr != nil {
		return nil, &pdftext.Error{Err: fmt.Errorf("%w: extraction crashed", pdftext.ErrDamaged)}
	}
	t, err = r.result()
	if err == nil {
		t.Pages = pages
		t.Finish()
	}
	return t, err
}

// OwnBytes returns the bytes of the file name as this process's own
// reading of it read them (see readOwn), once that has read them; ok is
// false when it reads another file, none, or could not read this one,
// and after the first call that returned them: they are handed out once,
// and not held here for the rest of the run (a file of 2.9 MB through
// the rules that build its articles, which the caller no longer needs it
// for). A caller that converts those bytes spares a second read of the
// file, and its copy in memory (a millisecond of CPU time on the other
// core during the reading, for a 440 KB print): the text fromOwn then
// gives is that of the same bytes, whatever became of the file since.
// The bytes are shared with the reading: nobody may change them. It is
// called from one goroutine (the command's, for its one input).
func OwnBytes(name string) (data []byte, ok bool) {
	if own.read == nil || name != own.name {
		return nil, false
	}
	<-own.read
	data, own.first = own.first, nil
	return data, data != nil
}

// fromOwn returns the text of the PDF name, whose bytes the caller read
// as data, from the reading readOwn started, once, under the time limit;
// ok is false where that reading cannot stand for the caller's: another
// file, one read with a password, one changed between the two reads, or
// one this process could not read.
func fromOwn(name string, data []byte, s Settings, timeout time.Duration) (t *pdftext.Text, err error, ok bool) {
	if own.done == nil || name != own.name || s.Password != "" {
		return nil, nil, false
	}
	done := own.done
	own.done = nil
	used := func() (cpu, wall time.Duration) {
		wall, cpu = time.Since(own.start), processCPU()
		if own.cpu0 >= 0 && cpu >= 0 {
			return cpu - own.cpu0, wall
		}
		return wall, wall
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-done:
			t, err, read := own.t, own.err, own.data
			own.t, own.err, own.data = nil, nil, nil
			if read == nil || !bytes.Equal(read, data) {
				return nil, nil, false
			}
			// Done unwatched, as an early child's first file (see
			// child.extract): well past the limit, the file fails; the
			// margin covers the process's own start, which counts here as
			// a child's does there.
			if cpu, _ := used(); cpu >= timeout+firstMargin {
				return nil, timedOut(timeout, int(own.page.Load())), true
			}
			return t, err, true
		case <-tick.C:
			cpu, wall := used()
			if cpu >= timeout || wall >= maxWallFactor*timeout {
				// The reading goes on, but the run ends with this error:
				// a crash of the reading meanwhile is no longer the file's.
				spawn.SetExtracting(false)
				return nil, timedOut(timeout, int(own.page.Load())), true
			}
		}
	}
}
