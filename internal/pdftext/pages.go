package pdftext

import (
	"maps"
	"runtime"
	"sync"
	"time"

	"newsclip/internal/stackroom"
)

// maxWorkers bounds the pages of one document read at once
// (Options.Workers).
const maxWorkers = 8

// pagesAhead is how many pages per worker may be read ahead of the page
// the caller takes next: the pages held at once are at most workers ×
// pagesAhead, whatever the page count.
const pagesAhead = 2

// workerCount is how many goroutines read n pages: opts.Workers, or one
// per core when it is 0, at most maxWorkers and n.
func workerCount(opts Options, n int) int {
	w := opts.Workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	return max(1, min(w, maxWorkers, n))
}

// A reader reads one page (1-based) of a document.
type reader func(page int) (Page, error)

// When pages are read by more than one reader: once probePages pages or
// more after the first took parallelPageTime each on average (the first
// loads most of the fonts), and at least minPagesLeft pages are left.
// Another reader loads the fonts again, and handing pages between
// goroutines has a cost, while the pages of most PDFs take well under a
// millisecond. Measured here (2 cores, medians of 11-15 runs): a
// newspaper archive export of 59 pages, whose pages 2 to 4 take 2.7-10 ms
// each (fonts for each article), shared out from page 5 converts 3-7%
// faster (245 -> 227, 233 -> 225 and 273 -> 261 ms in three runs; its
// child alone, 161 -> 148 ms) for 3 MiB more peak memory. A 493-page
// groff document, whose pages take 0.2-0.5 ms once warm, shared out from
// page 3 converted 3% slower for 5% more CPU time: the parent process,
// which reads the pages as they come, had less of the two cores. Its
// pages 2 to 4 took 0.4 to 1.1 ms on average in 8 runs (cold code and
// memory, a collection), hence a threshold of 2 ms.
// Variables for the tests.
var (
	parallelPageTime = 2 * time.Millisecond
	probePages       = 3
	minPagesLeft     = 4
)

// readPages reads pages 1 to n (1-based) and hands each page to take in
// page order, calling onPage (when set) for each page once the page
// before it is handed on, before the page itself: a supervisor that notes
// the page names the one a document is stuck on. take and onPage are
// called one at a time, in that order, though not always from the
// caller's goroutine.
//
// first reads the pages, one after another on the caller's goroutine,
// page 1 first (the page a document's first reader may have begun, see
// docCache.first), unless the pages prove slow to read (see
// parallelPageTime; the time take and onPage spend does not count): then
// more (when not nil) makes workers-1 more readers, on the caller's
// goroutine between two pages, each reading on a goroutine of its own.
// Each reader takes the next page no reader has taken, as long as that is
// at most workers × pagesAhead pages past the last one handed on, so that
// memory holds a bounded number of pages (a reader that far ahead waits).
// Whichever reader finishes the page take waits for hands it on, with any
// read after it, so that no goroutine is kept only to hand pages on. A
// reader must give a page the same text whichever pages it read before
// (see docCache.forWorker): the pages a reader gets depend on timing.
//
// When take, onPage or a reader panics, no reader begins another page,
// and readPages re-raises the panic on the caller's goroutine once the
// pages begun are read: no reader outlives the call.
func readPages(n, workers int, first reader, more func() reader, onPage func(int), take func(page int, p Page, err error)) {
	page := 1
	var spent time.Duration // reading pages 2 to page-1
	for ; page <= n; page++ {
		if page-2 >= probePages && workers > 1 && more != nil && n-page+1 >= minPagesLeft &&
			spent >= time.Duration(page-2)*parallelPageTime {
			break
		}
		if onPage != nil {
			onPage(page)
		}
		start := time.Now()
		p, err := first(page)
		if page > 1 {
			spent += time.Since(start)
		}
		take(page, p, err)
	}
	if page > n {
		return
	}
	q := &pageQueue{n: n, window: workers * pagesAhead, onPage: onPage, take: take, next: page + 1, handed: page - 1}
	q.cond.L = &q.mu
	q.ready = make([]*pageResult, q.window)
	if onPage != nil {
		onPage(page) // on the caller's goroutine: a panic here needs no stopping
	}
	others := make([]reader, workers-1) // all made before any goroutine starts
	for i := range others {
		others[i] = more()
	}
	var wg sync.WaitGroup
	for _, read := range others {
		wg.Go(func() {
			stackroom.Grow() // a page's reading goes deep: the content stream's objects, the XY cut
			q.work(read, 0)
		})
	}
	q.work(first, page)
	wg.Wait()
	if q.panicked {
		panic(q.panicValue)
	}
}

// A pageResult is one page as a reader read it.
type pageResult struct {
	p   Page
	err error
}

// A pageQueue hands out the pages of readPages and hands them on in order.
type pageQueue struct {
	n, window  int
	onPage     func(int)
	take       func(int, Page, error)
	mu         sync.Mutex
	cond       sync.Cond     // signalled when handed or stopped change
	next       int           // the next page to hand out
	handed     int           // the pages handed on to take
	ready      []*pageResult // page p, read and not yet handed on, at (p-1) % window
	handing    bool          // a reader is handing pages on
	stopped    bool
	panicked   bool
	panicValue any
}

// work reads pages with read, first page when it is not 0, until none
// is left or the queue stops.
func (q *pageQueue) work(read reader, page int) {
	for {
		if page > 0 {
			p, err := q.read(read, page)
			q.done(page, pageResult{p, err})
		}
		if page = q.claim(); page == 0 {
			return
		}
	}
}

// read is read(page), a panic stopping the queue.
func (q *pageQueue) read(read reader, page int) (p Page, err error) {
	q.call(func() { p, err = read(page) })
	return p, err
}

// claim returns the next page to read, waiting while it is too far ahead
// of those handed on; 0 when there is none or the queue stopped.
func (q *pageQueue) claim() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for !q.stopped && q.next <= q.n && q.next > q.handed+q.window {
		q.cond.Wait()
	}
	if q.stopped || q.next > q.n {
		return 0
	}
	q.next++
	return q.next - 1
}

// done stores page's result and, unless another reader is doing it, hands
// on every page that is now next in order.
func (q *pageQueue) done(page int, r pageResult) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.ready[(page-1)%q.window] = &r
	if q.handing {
		return
	}
	q.handing = true
	for !q.stopped {
		slot := q.handed % q.window
		r := q.ready[slot]
		if r == nil {
			break
		}
		q.ready[slot] = nil
		page := q.handed + 1
		q.mu.Unlock()
		q.call(func() {
			q.take(page, r.p, r.err)
			if q.onPage != nil && page < q.n {
				q.onPage(page + 1)
			}
		})
		q.mu.Lock()
		q.handed = page
		q.cond.Broadcast()
	}
	q.handing = false
}

// call runs f, outside the lock; a panic in it stops the queue and is
// kept for readPages to raise (the first one).
func (q *pageQueue) call(f func()) {
	defer func() {
		if x := recover(); x != nil {
			q.mu.Lock()
			if !q.panicked {
				q.panicked, q.panicValue = true, x
			}
			q.stopped = true
			q.cond.Broadcast()
			q.mu.Unlock()
		}
	}()
	f()
}

// forWorker returns a docCache for another goroutine reading pages of the
// same document, to be made while no goroutine reads through d: no fonts
// (a font keeps what it has decoded, so it is not shared; a font object
// loaded again decodes as the first, see interp.font) and a copy of d's
// objects (a resolved object is never changed, so its Value can be
// shared).
func (d *docCache) forWorker() *docCache {
	c := newDocCache()
	c.objs.seen = maps.Clone(d.objs.seen)
	c.objs.vals = maps.Clone(d.objs.vals)
	c.noReuse = d.noReuse
	return c
}
