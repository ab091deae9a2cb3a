package pdfchild

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"newsclip/internal/pdfgen"
	"newsclip/internal/pdftext"
)

// TestMain makes the test binary a child when started as one, as the
// newsclip binary is.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == Command {
		os.Exit(Serve(os.Stdin, os.Stdout, os.Stderr))
	}
	if len(os.Args) > 1 && os.Args[1] == busyParent {
		os.Exit(serveBusyParent())
	}
	os.Exit(m.Run())
}

// TestKindsCrossTheBoundary: every typed error the child meets comes back
// to the parent as the same sentinel, with its message and page.
func TestKindsCrossTheBoundary(t *testing.T) {
	for _, k := range kinds {
		sent := &pdftext.Error{Page: 3, Err: fmt.Errorf("%w: detail", k.err)}
		b, err := json.Marshal(newReply(nil, sent))
		if err != nil {
			t.Fatal(err)
		}
		var r reply
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatal(err)
		}
		_, got := r.result()
		var pe *pdftext.Error
		if !errors.Is(got, k.err) || !errors.As(got, &pe) || pe.Page != 3 || got.Error() != sent.Error() {
			t.Errorf("%s: got %v (page %d), want %v", k.name, got, pe.Page, sent)
		}
	}
}

// hangingPDF draws nested forms (see pdfgen.Nested) that take minutes
// to read.
func hangingPDF() []byte { return pdfgen.Nested(1, 8, 16) }

// TestExtractThroughChild runs real children: text comes back, and each
// failure keeps its type.
func TestExtractThroughChild(t *testing.T) {
	good := pdfgen.Build([][]pdfgen.Run{{{X: 72, Y: 700, Size: 12, Text: "Hello newsprint"}}})
	got, err := Extract("", good, Settings{})
	if err != nil || len(got.Pages) != 1 || got.Pages[0].Lines[0].Text != "Hello newsprint" {
		t.Fatalf("got %+v, %v", got, err)
	}
	for name, tc := range map[string]struct {
		data []byte
		want error
		msg  string
	}{
		"no text":   {pdfgen.Build([][]pdfgen.Run{{}}), pdftext.ErrNoTextLayer, "page 1: no text layer"},
		"not a pdf": {[]byte("%PDF-1.4\nnothing\n"), pdftext.ErrDamaged, "damaged PDF"},
		"hangs":     {hangingPDF(), pdftext.ErrTimeout, "page 1: no result within 1s: raise --pdf-timeout"},
	} {
		_, err := Extract("", tc.data, Settings{Timeout: time.Second})
		if !errors.Is(err, tc.want) || !strings.HasPrefix(err.Error(), tc.msg) {
			t.Errorf("%s: err = %v, want %v starting %q", name, err, tc.want, tc.msg)
		}
	}
}

func TestTimeoutFlag(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
		err  string
	}{
		{"30s", 30 * time.Second, ""},
		{"2m", 2 * time.Minute, ""},
		{"1", 0, `want a duration such as 30s or 2m, not "1"`},
		{"0s", 0, "want a positive duration such as 30s, not 0s"},
		{"-5s", 0, "want a positive duration"},
	} {
		var d Timeout
		err := d.Set(tc.in)
		if tc.err == "" && (err != nil || d.D != tc.want) || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("Set(%q) = %v, %v", tc.in, d.D, err)
		}
	}
}

// TestCPUTime: the work a process did is read from /proc where there is
// one; a busy loop shows, however loaded the machine (the loop runs until
// 100 ms of CPU time are read, for at most 20 s of wall time).
func TestCPUTime(t *testing.T) {
	if _, ok := cpuTime(os.Getpid()); !ok {
		t.Skip("no /proc")
	}
	before, _ := cpuTime(os.Getpid())
	after := before
	for start := time.Now(); after-before < 100*time.Millisecond && time.Since(start) < 20*time.Second; {
		for spin := time.Now(); time.Since(spin) < 10*time.Millisecond; {
		}
		after, _ = cpuTime(os.Getpid())
	}
	if after-before < 100*time.Millisecond {
		t.Errorf("cpu time %v -> %v after 20 s of a busy loop", before, after)
	}
	if _, ok := cpuTime(-1); ok {
		t.Error("a process that does not exist has a cpu time")
	}
}

// TestStartGCPercent: a small file starts with the high target of its
// first pages, a large one with its own, until the page count is known.
func TestStartGCPercent(t *testing.T) {
	for _, c := range []struct{ size, start, later int }{
		{60 << 10, firstGCPercent, 100},
		{bigFile - 1, firstGCPercent, 100},
		{bigFile, bigGCPercent, bigGCPercent},
		{2 << 20, bigGCPercent, bigGCPercent},
	} {
		if got, later := startGCPercent(c.size), gcPercent(c.size); got != c.start || later != c.later {
			t.Errorf("%d bytes: GOGC %d then %d, want %d then %d", c.size, got, later, c.start, c.later)
		}
	}
}

// TestPagesGCPercent: once the page count is known, a file of shortFile
// pages or fewer gets the high target whatever its size, until the
// garbage it allows (size × GOGC / 100) would pass firstGarbage, never
// below its own target; a longer file keeps the start's.
func TestPagesGCPercent(t *testing.T) {
	for _, c := range []struct{ size, pages, want int }{
		{60 << 10, 1, firstGCPercent},
		{60 << 10, 90, firstGCPercent},
		{bigFile, 1, firstGCPercent},
		{1250 << 10, 1, firstGCPercent}, // a scanned page
		{700 << 10, 15, firstGCPercent}, // a gazette
		{1250 << 10, shortFile, firstGCPercent},
		{1250 << 10, shortFile + 1, bigGCPercent},
		{2 << 20, 1496, bigGCPercent},
		{8 << 20, 1, firstGCPercent},
		{16 << 20, 2, 200},
		{64 << 20, 1, bigGCPercent},
		{1 << 30, 1, bigGCPercent},
	} {
		if got := pagesGCPercent(c.size, c.pages); got != c.want {
			t.Errorf("%d bytes, %d pages: GOGC %d, want %d", c.size, c.pages, got, c.want)
		}
	}
}

// TestHeldMemoryCountsLiveHeap: the memory a child reports after a file
// (heldMemory) counts its live heap: with 64 MiB of it in use the figure
// is at least that, and of the order of what the runtime holds from the
// system (Sys), not a unit off (the race detector's shadow memory and
// the binary come on top of Sys in a resident set).
func TestHeldMemoryCountsLiveHeap(t *testing.T) {
	keep := make([][]byte, 64)
	for i := range keep {
		keep[i] = make([]byte, 1<<20)
		for j := 0; j < len(keep[i]); j += 4096 {
			keep[i][j] = 1 // resident, not only reserved
		}
	}
	got := heldMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if got < 64<<20 || got > 16*ms.Sys+1<<30 {
		t.Errorf("heldMemory() = %d MiB with 64 MiB live; the runtime holds %d MiB", got>>20, ms.Sys>>20)
	}
	runtime.KeepAlive(keep)
}

// TestShareOfCores: a batch's files share the cores out, each at least
// one; a single file has them all.
func TestShareOfCores(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
	for _, c := range []struct{ jobs, want int }{
		{0, 8}, {1, 8}, {2, 4}, {3, 2}, {8, 1}, {16, 1},
	} {
		if got := ShareOfCores(c.jobs); got != c.want {
			t.Errorf("ShareOfCores(%d) on 8 cores = %d, want %d", c.jobs, got, c.want)
		}
	}
}
