// Package pdfchild runs PDF extraction in child processes of the same
// binary, so that no input can crash, hang or exhaust the memory of the
// parent (or of a whole batch): the parent kills a child after the time
// limit, and a child runs under a data-size limit.
//
// A child serves many PDFs, one at a time, for as long as its parent keeps
// it (one per batch worker: see pool.go), so a batch does not pay a process
// start per file. The protocol, on the child's stdin: a JSON request line
// ({"size": N, "password": "..."}) followed by the N bytes of the PDF; on
// its stdout, frames (see codec.go): "reading" with N before page N is
// read, "page" once it is laid out (pages are streamed, so neither side
// holds the whole reply as bytes), and "end" closing the file, as JSON:
// the rest of the extracted text, or an error with its kind (one of the
// pdftext sentinels), message and page. The parent maps the kind back, so
// errors.Is(err, pdftext.ErrEncrypted) holds across the process boundary.
// A child that fails, times out, reaches a limit or has served its share
// is ended and the next file gets a fresh one.
//
// A run that converts one PDF alone, under a supervisor process that
// reports its crashes (see spawn.Supervised), reads it in its own process
// instead, under the same limits: see self.go.
package pdfchild

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"newsclip/internal/pdfchild/spawn"
	"newsclip/internal/pdftext"
)

// Command is the hidden first argument that makes the binary a PDF
// extraction child (see Serve).
const Command = spawn.Command

// MemoryLimit bounds the child's data segment, in bytes.
const MemoryLimit = spawn.MemoryLimit

// The child's garbage collection target (GOGC) for a file: a new cycle
// starts when the heap has grown by this many percent of what the last
// one kept. A large file's live heap is small (one page, the fonts, the
// file) next to its garbage (content streams, layout): collecting at
// bigGCPercent instead of Go's 100% cuts its peak memory by about a sixth
// (29 -> 24 MiB on a 59-page, 1.8 MB archive export) for some 10% more
// CPU time. A small file is collected a few times at most, and a lower
// target only adds cycles (the heap's 4 MB floor shrinks with it): 30%
// more CPU time on a 60 KB page for no memory saved.
const (
	bigGCPercent = 50
	bigFile      = 512 << 10 // bytes of PDF from which bigGCPercent applies
)

// gcPercent is the GOGC for a file of size bytes.
func gcPercent(size int) int {
	if size >= bigFile {
		return bigGCPercent
	}
	return 100
}

// The GOGC while the first pages of a file are read. A browser's print of
// an article (one to three pages, a few hundred KB) allocates some 5 MB,
// mostly fonts, and was collected twice on the way: a fifth of its
// child's CPU time (31 -> 25 ms, wall 42 -> 31 ms) for no memory saved,
// since its peak RSS is the runtime's and the binary's. Beyond
// firstPages the file's own gcPercent applies again, so that a long
// small file (a 91-page, 148 KB document) keeps its peak: 400% all the way
// put 7 MB on it. A file of bigFile bytes or more starts at its own.
const (
	firstGCPercent = 400
	firstPages     = 3
)

// startGCPercent is the GOGC a file of size bytes starts with, until its
// page count is known (see pagesGCPercent).
func startGCPercent(size int) int {
	if size >= bigFile {
		return gcPercent(size)
	}
	return firstGCPercent
}

// firstGarbage bounds, in bytes, the garbage the first pages of a large
// file may leave before a collection, through the file's share of the
// live heap: a target of P% lets the heap grow by about P% of the file's
// size, and a file of 64 MB at 400% could grow by 256 MB.
const firstGarbage = 32 << 20

// shortFile is the most pages a file may have for pagesGCPercent to give
// its first pages the high target whatever its size.
const shortFile = 16

// pagesGCPercent is the GOGC for the first pages of a file of size bytes
// once it is known to have pages pages. A short file (shortFile pages or
// fewer) gets firstGCPercent whatever its size, lowered so that size ×
// GOGC / 100 stays within firstGarbage, never below its own gcPercent:
//   - a scanned page with its OCR text (1.25 MB, most of it the image) was
//     collected six times at bigGCPercent: 75 -> 60 ms for its child
//     alone, with 1.7 MiB more peak RSS (21.7 -> 23.4 MiB; 19.6 MiB since
//     its glyph buffer doubles, see pdftext's appendGlyph);
//   - a 15-page, 700 KB issue of a government gazette: whole runs 113 ->
//     98 ms, peak RSS 21.3 -> 21.7 MiB.
//
// A longer file keeps its start's target. Raised for every file, the
// target put a long document's peak up with its size (a 1,496-page, 2.2
// MB document's child 24.5 -> 29.1 MiB, from opening the file on): its
// cross-reference table and page tree grow with its pages, and with them
// the live heap the target multiplies, while its first pages are a small
// part of its work.
func pagesGCPercent(size, pages int) int {
	if pages > shortFile {
		return startGCPercent(size)
	}
	p := firstGCPercent
	if size > 0 && int64(firstGarbage)*100/int64(size) < int64(p) {
		p = int(int64(firstGarbage) * 100 / int64(size))
	}
	return max(p, gcPercent(size))
}

// DefaultTimeout is the time limit when Settings.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// Settings are the PDF options of a run (zero value: the empty password,
// DefaultTimeout).
type Settings struct {
	Password string
	Timeout  time.Duration // work limit for one PDF (see child.extract)
	// Workers is how many pages of one PDF are read at once (see
	// pdftext.Options.Workers); 0 means one per core. A batch or bundle
	// that converts several files at once gives each its share of the
	// cores (ShareOfCores). The CPU time the time limit counts is all the
	// readers' (more than one reader's: each loads the fonts it meets
	// again), and the memory limit covers their pages and fonts.
	Workers int
}

// request is the line that precedes a PDF on the child's stdin.
type request struct {
	Size     int    `json:"size"` // bytes of PDF that follow the line
	Password string `json:"password,omitempty"`
	// Last: the child exits once it has written this file's end, instead
	// of waiting for the next request (see ExtractLast).
	Last bool `json:"last,omitempty"`
	// Workers is Settings.Workers.
	Workers int `json:"workers,omitempty"`
}

// reply closes a file: the text without its pages, or an error.
type reply struct {
	Text  *pdftext.Text `json:"text,omitempty"`
	Kind  string        `json:"kind,omitempty"` // a name in kinds; "" for an untyped error
	Error string        `json:"error,omitempty"`
	Page  int           `json:"page,omitempty"`
	// Heap is the memory the child holds from the system after the
	// file, in bytes: the parent ends a child that holds too much.
	Heap uint64 `json:"heap,omitempty"`
}

// kinds names the typed errors that cross the process boundary.
var kinds = []struct {
	name string
	err  error
}{
	{"encrypted", pdftext.ErrEncrypted},
	{"no-text-layer", pdftext.ErrNoTextLayer},
	{"damaged", pdftext.ErrDamaged},
	{"unmappable", pdftext.ErrUnmappable},
	{"timeout", pdftext.ErrTimeout},
	{"memory", pdftext.ErrMemory},
}

// kindError is an error rebuilt from a reply: its message as the child
// wrote it, wrapping the sentinel of its kind.
type kindError struct {
	kind error
	msg  string
}

func (e *kindError) Error() string { return e.msg }
func (e *kindError) Unwrap() error { return e.kind }

// newReply encodes the result of an extraction.
func newReply(t *pdftext.Text, err error) reply {
	if err == nil {
		return reply{Text: t}
	}
	r := reply{Error: err.Error()}
	var e *pdftext.Error
	if errors.As(err, &e) {
		r.Page, r.Error = e.Page, e.Err.Error()
	}
	for _, k := range kinds {
		if errors.Is(err, k.err) {
			r.Kind = k.name
			break
		}
	}
	return r
}

// result decodes a reply into what extract returned: the text, or a
// *pdftext.Error whose Err wraps the sentinel of the reply's kind.
func (r reply) result() (*pdftext.Text, error) {
	if r.Error == "" {
		if r.Text == nil {
			return nil, &pdftext.Error{Err: pdftext.ErrNoTextLayer}
		}
		return r.Text, nil
	}
	var err error = errors.New(r.Error)
	for _, k := range kinds {
		if k.name == r.Kind {
			err = &kindError{kind: k.err, msg: r.Error}
		}
	}
	return nil, &pdftext.Error{Page: r.Page, Err: err}
}

// init makes this process an extraction child when spawn started it as
// one (os.Args[1] is Command; os.Args[2], when there is one, the PDF to
// read first), and serves before the packages only the parent needs are
// initialised: Go initialises a package once its imports are, so a child
// stops here, about 100th of 130, and skips the HTML reader's, the CLI's
// and convert's initialisation (some 2 ms of the child's start, which a
// small PDF waits for). The exit code is serve's.
func init() {
	if spawn.Supervised() {
		if name := spawn.FirstPDF(os.Args); name != "" {
			readOwn(name) // see self.go
		}
		return
	}
	if len(os.Args) > 1 && os.Args[1] == Command {
		first := ""
		if len(os.Args) > 2 {
			first = os.Args[2]
		}
		os.Exit(serve(first, os.Stdin, os.Stdout, os.Stderr))
	}
}

// Serve is the child's main: it answers requests on stdin (see the
// package doc) until stdin ends, and returns the exit code.
func Serve(stdin io.Reader, stdout, stderr io.Writer) int {
	return serve("", stdin, stdout, stderr)
}

// serve is Serve for a child that first reads the PDF named first, unasked
// (see serveFirst); "" for none.
func serve(first string, stdin io.Reader, stdout, stderr io.Writer) int {
	go warmReplyCodec()
	limitData(MemoryLimit)
	debug.SetMemoryLimit(MemoryLimit / 2)
	in := bufio.NewReaderSize(stdin, 64<<10)
	out := bufio.NewWriterSize(stdout, 64<<10)
	if first != "" && serveFirst(first, out) != nil {
		return 1
	}
	for {
		line, err := in.ReadBytes('\n')
		if err == io.EOF && len(line) == 0 {
			return 0
		}
		var req request
		if err != nil || json.Unmarshal(line, &req) != nil || req.Size < 0 {
			fmt.Fprintln(stderr, "newsclip: pdf child: bad request")
			return 1
		}
		data := make([]byte, req.Size)
		if _, err := io.ReadFull(in, data); err != nil {
			fmt.Fprintln(stderr, "newsclip: pdf child: short request")
			return 1
		}
		debug.SetGCPercent(startGCPercent(len(data)))
		if serveOne(data, pdftext.Options{Password: req.Password, Workers: req.Workers}, &frames{w: out}, nil) != nil {
			return 1
		}
		if req.Last {
			return 0
		}
	}
}

// maxFirst bounds the file a child reads unasked, in bytes: a larger one
// is left for the parent to send (its extraction dwarfs the start saved).
const maxFirst = 64 << 20

// serveFirst reads the PDF at path, the one the command line names first
// (see spawn.FirstPDF), while the parent is still starting, and extracts
// it as if it had been sent, with the empty password. A digest frame
// carries the file's SHA-256 as soon as it is computed, beside the
// extraction: the parent takes the text only when its own bytes of the
// file have that digest, so a file changed between the two reads is read
// again from the parent's bytes. A file it cannot read (missing, not a
// regular file, larger than maxFirst, not a PDF) gets an end frame with an
// error and no digest: the parent then sends it as a request.
func serveFirst(path string, out *bufio.Writer) error {
	data, err := readFirst(path)
	if err != nil {
		b, err := json.Marshal(reply{Error: err.Error()})
		if err == nil {
			err = writeFrame(out, frameEnd, b)
		}
		if err != nil {
			return err
		}
		return out.Flush()
	}
	debug.SetGCPercent(startGCPercent(len(data)))
	fw := &frames{w: out}
	sent := make(chan struct{})
	go func() {
		defer close(sent)
		sum := sha256.Sum256(data)
		fw.write(frameDigest, sum[:], true)
	}()
	return serveOne(data, pdftext.Options{}, fw, sent)
}

// readFirst reads the regular file at path, of at most maxFirst bytes,
// that starts as a PDF. Anything else is left unopened (or, should it
// turn into one between the stat and the open, unread): a named pipe
// opened here would take the bytes its writer meant for the parent.
func readFirst(path string) ([]byte, error) {
	data, err := readSmallRegular(path)
	if err != nil {
		return nil, err
	}
	if len(data) > maxFirst || !pdftext.IsPDF(data) {
		return nil, fmt.Errorf("%s: not read first (not a PDF of at most %d bytes)", path, maxFirst)
	}
	return data, nil
}

// frames writes one file's frames to the child's stdout: from the
// extraction and, for the first file (serveFirst), from the goroutine
// that sends its digest. The first error sticks.
type frames struct {
	mu  sync.Mutex
	w   *bufio.Writer
	err error
}

// write writes one frame, and flushes the stream when flush is set.
func (f *frames) write(kind byte, payload []byte, flush bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err == nil {
		f.err = writeFrame(f.w, kind, payload)
	}
	if f.err == nil && flush {
		f.err = f.w.Flush()
	}
	return f.err
}

// serveOne extracts one PDF with opts (their OnPage and OnPages are
// serveOne's own), writing its frames on fw; its end frame comes after
// before is closed (nil: at once).
func serveOne(data []byte, opts pdftext.Options, fw *frames, before <-chan struct{}) error {
	var werr error
	var buf []byte
	onPage := func(n int) {
		if n == firstPages+1 {
			debug.SetGCPercent(gcPercent(len(data)))
		}
		if werr == nil {
			buf = binary.AppendUvarint(buf[:0], uint64(n))
			// Flushed: the parent names this page if time runs out.
			werr = fw.write(frameReading, buf, true)
		}
	}
	emit := func(p pdftext.Page) {
		if werr == nil {
			buf, werr = appendPage(buf[:0], &p)
		}
		if werr == nil {
			werr = fw.write(framePage, buf, false)
		}
	}
	opts.OnPage = onPage
	opts.OnPages = func(n int) { debug.SetGCPercent(pagesGCPercent(len(data), n)) }
	t, err := pdftext.ExtractPages(data, opts, emit)
	r := newReply(t, err)
	r.Heap = heldMemory()
	if werr == nil {
		buf, werr = json.Marshal(&r)
	}
	if before != nil {
		<-before
	}
	if werr == nil {
		werr = fw.write(frameEnd, buf, true)
	}
	return werr
}

// warmReplyCodec has encoding/json build its encoder and decoder of a
// reply (reflection over pdftext.Text and the types under it, once per
// process; some 3% of a small file's child) on a sample. Serve starts it
// beside the first file's extraction and Extract beside the first file's
// wait, so that neither side builds them at the file's end, where the
// parent waits for them.
var warmReplyCodec = sync.OnceFunc(func() {
	sample := reply{Text: &pdftext.Text{
		Pages:    []pdftext.Page{{Lines: []pdftext.Line{{}}, Heads: []pdftext.Line{{}}, Turned: []pdftext.Line{{}}}},
		Warnings: []pdftext.Warning{{}},
	}}
	if b, err := json.Marshal(&sample); err == nil {
		json.Unmarshal(b, &reply{})
	}
})

// heldMemory returns the memory the process holds from the system, in
// bytes: its resident set (the second field of /proc/self/statm, in
// pages), read in some microseconds, or where there is no such file the
// heap runtime.ReadMemStats says it holds (HeapSys less HeapReleased),
// which stops the world for a third of a millisecond or more: at the end
// of every file, on a small file's critical path.
func heldMemory() uint64 {
	if b, err := os.ReadFile("/proc/self/statm"); err == nil {
		if f := strings.Fields(string(b)); len(f) > 1 {
			if pages, err := strconv.ParseUint(f[1], 10, 64); err == nil {
				return pages * uint64(os.Getpagesize())
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapSys - ms.HeapReleased
}

// Timeout is the value of a --pdf-timeout flag (a flag.Value): a positive
// duration such as 30s or 2m.
type Timeout struct{ D time.Duration }

// Set parses a duration, refusing bare numbers, zero and negative values
// with a message that shows the expected form.
func (t *Timeout) Set(s string) error {
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		return fmt.Errorf("want a duration such as 30s or 2m, not %q", s)
	case d <= 0:
		return fmt.Errorf("want a positive duration such as 30s, not %s", s)
	}
	t.D = d
	return nil
}

func (t *Timeout) String() string { return t.D.String() }

// ShareOfCores is Settings.Workers for a run that converts jobs files at
// once: the cores (GOMAXPROCS) shared out between them, at least one each,
// so that a batch's PDFs do not read their pages on more goroutines than
// there are cores (a second reader of a PDF costs CPU time: its own copy
// of the fonts).
func ShareOfCores(jobs int) int {
	return max(1, runtime.GOMAXPROCS(0)/max(1, jobs))
}
