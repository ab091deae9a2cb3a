package pdftext

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"newsclip/internal/pdfgen"
)

// fakeReaders makes readers that give page p a page numbered p after a
// pause (random up to maxPause, at least minPause), recording which
// reader (0 for the first, then in the order more made them) read which
// page, the most pages begun past those taken, and how many reads are
// under way.
type fakeReaders struct {
	minPause, maxPause time.Duration
	seed               uint64

	mu      sync.Mutex
	made    int
	readBy  map[int]int // page -> reader
	taken   int         // pages take has had
	ahead   int         // the most pages begun past the pages taken
	running atomic.Int32
}

func (f *fakeReaders) reader() reader {
	f.mu.Lock()
	i := f.made
	f.made++
	if f.readBy == nil {
		f.readBy = map[int]int{}
	}
	f.mu.Unlock()
	rng := rand.New(rand.NewPCG(f.seed, uint64(i)))
	return func(page int) (Page, error) {
		f.running.Add(1)
		defer f.running.Add(-1)
		f.mu.Lock()
		if _, dup := f.readBy[page]; dup {
			f.mu.Unlock()
			panic(fmt.Sprintf("page %d read twice", page))
		}
		f.readBy[page] = i
		f.ahead = max(f.ahead, page-f.taken)
		pause := f.minPause
		if f.maxPause > f.minPause {
			pause += time.Duration(rng.Int64N(int64(f.maxPause - f.minPause)))
		}
		f.mu.Unlock()
		time.Sleep(pause)
		return Page{Number: page}, nil
	}
}

// readers returns the fake's pages read by reader i.
func (f *fakeReaders) readers() map[int]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	used := map[int]int{}
	for _, r := range f.readBy {
		used[r]++
	}
	return used
}

// setPageTime sets parallelPageTime, probePages and minPagesLeft for one
// test.
func setPageTime(t *testing.T, d time.Duration, probe, left int) {
	oldD, oldProbe, oldLeft := parallelPageTime, probePages, minPagesLeft
	parallelPageTime, probePages, minPagesLeft = d, probe, left
	t.Cleanup(func() { parallelPageTime, probePages, minPagesLeft = oldD, oldProbe, oldLeft })
}

// TestReadPagesInOrder: whatever the number of readers, whether the pages
// are shared out or not and however long each page takes, take gets every
// page once, in order, after onPage named it; the first reader reads page
// 1; and no page is begun more than workers × pagesAhead pages past the
// pages taken.
func TestReadPagesInOrder(t *testing.T) {
	for _, pageTime := range []time.Duration{0, time.Hour} {
		setPageTime(t, pageTime, 1, 1)
		for _, k := range []int{1, 2, 3, 8} {
			for _, n := range []int{0, 1, 2, 3, 5, 40} {
				f := &fakeReaders{maxPause: 300 * time.Microsecond, seed: uint64(n)}
				named := 0
				var got []int
				readPages(n, k, f.reader(), f.reader, func(page int) {
					if page != len(got)+1 {
						t.Errorf("k=%d n=%d: onPage(%d) after %d pages taken", k, n, page, len(got))
					}
					named = page
				}, func(page int, p Page, err error) {
					if page != named || p.Number != page || err != nil {
						t.Errorf("k=%d n=%d: take(%d, page %d, %v) after onPage(%d)", k, n, page, p.Number, err, named)
					}
					got = append(got, page)
					f.mu.Lock()
					f.taken = len(got)
					f.mu.Unlock()
				})
				if len(got) != n {
					t.Errorf("k=%d n=%d: took %d pages", k, n, len(got))
				}
				if n > 0 && f.readBy[1] != 0 {
					t.Errorf("k=%d n=%d: page 1 read by reader %d, want the first", k, n, f.readBy[1])
				}
				// A page is begun once the page window pages before it is
				// taken, or at the latest when take has it (see readPages).
				if limit := k * pagesAhead; f.ahead > limit+1 {
					t.Errorf("k=%d n=%d: a page was begun %d pages past those taken, want at most %d", k, n, f.ahead, limit+1)
				}
				if used := f.readers(); pageTime == time.Hour && len(used) > 1 {
					t.Errorf("k=%d n=%d: fast pages read by readers %v, want only the first", k, n, used)
				}
			}
		}
	}
}

// TestReadPagesSharesSlowPages: pages that take longer than
// parallelPageTime are shared out between readers, up to workers of them;
// with one worker or no more readers, the first reads every page.
func TestReadPagesSharesSlowPages(t *testing.T) {
	for _, c := range []struct {
		workers  int
		more     bool
		min, max int // readers used
	}{
		{3, true, 2, 3},
		{2, true, 2, 2},
		{1, true, 1, 1},
		{3, false, 1, 1},
	} {
		f := &fakeReaders{minPause: 2 * parallelPageTime, maxPause: 3 * parallelPageTime, seed: 7}
		var more func() reader
		if c.more {
			more = f.reader
		}
		readPages(30, c.workers, f.reader(), more, nil, func(int, Page, error) {})
		if used := f.readers(); len(used) < c.min || len(used) > c.max || f.made > c.workers {
			t.Errorf("%d workers, more %v: pages read by readers %v (%d made), want %d to %d readers", c.workers, c.more, used, f.made, c.min, c.max)
		}
	}
}

// TestReadPagesStopsOnPanic: when take, onPage or a reader panics, the
// panic reaches the caller, no reader is still reading when readPages is
// left, and no page is begun past the page window.
func TestReadPagesStopsOnPanic(t *testing.T) {
	setPageTime(t, 0, 1, 1)
	for _, c := range []struct {
		in string
		at int
	}{{"take", 1}, {"take", 2}, {"take", 5}, {"onPage", 1}, {"onPage", 4}, {"onPage", 9}, {"reader", 3}, {"reader", 8}} {
		at := c.at
		f := &fakeReaders{maxPause: 300 * time.Microsecond, seed: 1}
		more := func() reader {
			r := f.reader()
			return func(page int) (Page, error) {
				if c.in == "reader" && page == at {
					panic("stop")
				}
				return r(page)
			}
		}
		first := more()
		func() {
			defer func() {
				if p := recover(); p != "stop" {
					t.Errorf("panic in %s at page %d: recovered %v, want that panic", c.in, at, p)
				}
			}()
			readPages(100, 3, first, more, func(page int) {
				if c.in == "onPage" && page == at {
					panic("stop")
				}
			}, func(page int, _ Page, _ error) {
				if c.in == "take" && page == at {
					panic("stop")
				}
			})
		}()
		if r := f.running.Load(); r != 0 {
			t.Errorf("panic in %s at page %d: %d reads still under way after readPages panicked", c.in, at, r)
		}
		f.mu.Lock()
		read := len(f.readBy)
		f.mu.Unlock()
		if limit := at + 3*pagesAhead; read > limit {
			t.Errorf("%d pages read, want at most %d after a panic in %s at page %d", read, limit, c.in, at)
		}
	}
}

// workerPDFs are PDFs whose text must not depend on Options.Workers: the
// generated cases, the test PDFs, a document whose pages draw with every
// font of pdfgen in turn and one page of which is damaged, and the shared
// corpus's PDFs when present.
func workerPDFs(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, name := range pdfgen.Cases() {
		out[name], _ = pdfgen.Case(name)
	}
	var contents []string
	for i := range 24 {
		font := []string{"/F1", "/F2", "/F3"}[i%3]
		text := fmt.Sprintf("(Page %d of the mixed document) Tj", i+1)
		if font == "/F3" {
			text = "<00480069> Tj"
		}
		c := fmt.Sprintf("BT %s 11 Tf 72 700 Td %s ET BT /F1 9 Tf 72 40 Td (Mixed %d) Tj ET", font, text, i+1)
		if i == 9 {
			c = "BT /F1 11 Tf 72 700 Td (Before the damage) Tj <4"
		}
		contents = append(contents, c)
	}
	out["mixed"] = pdfgen.BuildRaw(contents, "")
	out["renamed fonts"] = renamedFontsPDF()
	var paths []string
	for _, glob := range []string{"../../testdata/pdf/*.pdf", "../../../shared/corpus/*/*.pdf", "../../../shared/corpus-robust/pdf/*.pdf"} {
		m, _ := filepath.Glob(glob)
		paths = append(paths, m...)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[p] = b
	}
	return out
}

// TestWorkersReadTheSame: a PDF's text, warnings and errors are the same
// whether its pages are read by one goroutine or several.
func TestWorkersReadTheSame(t *testing.T) {
	setPageTime(t, 0, 1, 1) // share out every page from the third
	pdfs := workerPDFs(t)
	multi := 0
	for name, data := range pdfs {
		one, err1 := Extract(data, Options{Workers: 1})
		counts := []int{2, 3, 8}
		if one != nil && len(one.Pages) > 2 {
			multi++
			// Which reader reads which page depends on timing.
			counts = slices.Repeat(counts, 3)
		}
		for _, w := range counts {
			got, err := Extract(data, Options{Workers: w})
			if fmt.Sprint(err) != fmt.Sprint(err1) {
				t.Errorf("%s: %d workers: error %v, one worker: %v", name, w, err, err1)
				continue
			}
			if !reflect.DeepEqual(got, one) {
				t.Errorf("%s: %d workers read other text than one worker", name, w)
			}
		}
	}
	if multi < 3 {
		t.Errorf("only %d PDFs have several pages", multi)
	}
	t.Logf("%d PDFs, %d of several pages", len(pdfs), multi)
	if mixed, _ := Extract(pdfs["mixed"], Options{Workers: 3}); mixed == nil || !hasPageWarning(mixed, 10) {
		t.Errorf("the damaged page of the mixed document gave no warning: %+v", mixed)
	}
}

func hasPageWarning(t *Text, page int) bool {
	for _, w := range t.Warnings {
		if w.Page == page {
			return true
		}
	}
	return false
}
