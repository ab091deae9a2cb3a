package main

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"newsclip/convert"
	"newsclip/formats"
)

// heapWriter is a book writer that keeps nothing and measures the live
// heap every every-th document: what a bundle holds besides its book.
type heapWriter struct {
	every, added int
	samples      []uint64 // bytes of live heap after a collection, one a sample
}

func (h *heapWriter) Add(*convert.Document) error {
	h.added++
	if h.added%h.every == 0 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		h.samples = append(h.samples, m.HeapAlloc)
	}
	return nil
}

// median is the middle sample: what the bundle holds through its run.
// The most seen is not used: what is in flight at one sample (the
// documents queued for the writer, a folder's listing) moved it by up to
// 200 KB from run to run, 50 bytes a file over 4,000 files, where the
// median of a sample every 20 files moves by under 15 KB.
func (h *heapWriter) median() uint64 {
	s := slices.Clone(h.samples)
	slices.Sort(s)
	return s[len(s)/2]
}

func (h *heapWriter) Close() error { return nil }
func (h *heapWriter) Abort()       {}

// smallClippings writes n one-paragraph clippings into dir, perDir to a
// folder, as an export tool lays out a large archive.
func smallClippings(t *testing.T, dir string, n, perDir int) {
	t.Helper()
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%03d", i/perDir))
		if i%perDir == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		text := fmt.Sprintf("Harbour wall %d to be rebuilt\n\nThe council approved repair number %d on Tuesday.\n", i, i)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("clip%06d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBundleMemoryFlat: the bundle path (the walk of the inputs, the
// conversions in flight, the documents waiting for the writer) holds the
// same memory for 4,500 files as for 500: nothing per file. The book
// writer's own memory is TestEPUBWriterMemoryFlat's; here it is replaced
// by one that keeps nothing.
func TestBundleMemoryFlat(t *testing.T) {
	const small, large, perDir = 500, 4500, 150
	held := map[int]uint64{}
	for _, n := range []int{small, large} {
		dir := t.TempDir()
		smallClippings(t, dir, n, perDir)
		hw := &heapWriter{every: 20}
		old := newBookWriter
		newBookWriter = func(io.Writer, formats.EPUBOptions) bookWriter { return hw }
		var out, errb strings.Builder
		code := run([]string{"newsclip", "convert", "-q", "--to", "epub", "--bundle", "-j", "2", dir}, strings.NewReader(""), &out, &errb)
		newBookWriter = old
		if code != 0 || hw.added != n {
			t.Fatalf("%d files: exit %d, %d documents added\n%s", n, code, hw.added, errb.String())
		}
		held[n] = hw.median()
	}
	per := (int64(held[large]) - int64(held[small])) / (large - small)
	t.Logf("live heap %d bytes at %d files, %d at %d: %d bytes a file", held[small], small, held[large], large, per)
	// The median is the heap half way through a run, so a leak shows at
	// about half its size: a list of the paths as 56 bytes a file, a
	// 36-43 byte leak as 22. The median itself moves by 0-3.
	if per > 12 {
		t.Errorf("the bundle path holds %d bytes a file half way through; want it flat (a list of the paths shows as about 56)", per)
	}
}

// TestBundleWalkMessages: a bundle's walk warnings come once, before any
// conversion's message, and not with -q (as in a batch); a missing input
// stops it before anything is converted or written, with -q too.
func TestBundleWalkMessages(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	smallClippings(t, in, 3, 10)
	if err := os.Symlink("missing.txt", filepath.Join(in, "d000", "broken.txt")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	if err := os.WriteFile(filepath.Join(in, "d000", "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "book.epub")
	bundle := func(quiet bool, inputs ...string) (int, string) {
		var out, errb strings.Builder
		args := []string{"newsclip", "convert", "--to", "epub", "--bundle", "-o", book}
		if quiet {
			args = append(args, "-q")
		}
		args = append(args, inputs...)
		code := run(args, strings.NewReader(""), &out, &errb)
		return code, errb.String()
	}
	warning := "newsclip: warning: " + in + "/d000/broken.txt: broken symlink; skipped\n"

	missing := filepath.Join(dir, "missing")
	failed := "newsclip: " + missing + ": no such file or directory\n"
	for quiet, want := range map[bool]string{false: warning + failed, true: failed} {
		code, stderr := bundle(quiet, in, missing)
		if code != exitFailed || stderr != want {
			t.Errorf("missing input, quiet %v: exit %d, stderr\n%s\nwant\n%s", quiet, code, stderr, want)
		}
		if _, err := os.Stat(book); err == nil {
			t.Errorf("missing input, quiet %v: a book was written", quiet)
		}
	}

	code, stderr := bundle(true, in)
	lines := strings.SplitAfter(stderr, "\n")
	if code != exitFailed || len(lines) != 2 || !strings.HasPrefix(lines[0], "newsclip: "+in+"/d000/empty.txt: ") {
		t.Errorf("-q, a broken link and an empty file: exit %d, stderr\n%s", code, stderr)
	}
	if _, err := os.Stat(book); err != nil {
		t.Errorf("the three clippings were not written: %v", err)
	}
	code, stderr = bundle(false, in)
	if code != exitFailed || !strings.HasPrefix(stderr, warning) || strings.Count(stderr, warning) != 1 || !strings.Contains(stderr, "\nnewsclip: "+in+"/d000/empty.txt: ") {
		t.Errorf("a broken link and an empty file: exit %d, stderr\n%s", code, stderr)
	}
}

// TestBundleInputsChangeMidRun: files removed between a bundle's two
// walks (a file of one input, a whole second input) are reported, the
// book keeps every file still there, and the run exits 1, with a warning
// that the inputs changed; it is not silent and the book is not lost.
func TestBundleInputsChangeMidRun(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	smallClippings(t, a, 4, 10)
	smallClippings(t, b, 3, 10)
	gone := filepath.Join(a, "d000", "clip000001.txt")
	if _, err := os.Stat(gone); err != nil {
		t.Fatalf("the test tree has no %s: %v", gone, err)
	}
	book := filepath.Join(dir, "book.epub")
	cw := &tallyWriter{}
	oldWriter, oldBetween := newBookWriter, betweenWalks
	newBookWriter = func(io.Writer, formats.EPUBOptions) bookWriter { return cw }
	betweenWalks = func() {
		os.Remove(gone)
		os.RemoveAll(b)
	}
	defer func() { newBookWriter, betweenWalks = oldWriter, oldBetween }()
	var out, errb strings.Builder
	code := run([]string{"newsclip", "convert", "-q", "--to", "epub", "--bundle", "-o", book, a, b}, strings.NewReader(""), &out, &errb)
	stderr := errb.String()
	if code != exitFailed {
		t.Errorf("exit %d, want %d\n%s", code, exitFailed, stderr)
	}
	if cw.added != 3 || !cw.closed {
		t.Errorf("the book got %d documents (closed %v); want the 3 files still there, and the book written", cw.added, cw.closed)
	}
	for _, want := range []string{"newsclip: " + b + ": ", "the inputs changed during the run: 7 files when it started, 3 walked"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
}

// tallyWriter is a book writer that counts what it is given.
type tallyWriter struct {
	added  int
	closed bool
}

func (c *tallyWriter) Add(*convert.Document) error { c.added++; return nil }
func (c *tallyWriter) Close() error                { c.closed = true; return nil }
func (c *tallyWriter) Abort()                      {}

// fullDisk is a book writer whose every Add fails, as on a full disk.
type fullDisk struct{ tallyWriter }

func (*fullDisk) Add(*convert.Document) error {
	return errors.New("write book.epub: no space left on device")
}

// TestBundleWriteFailureStopsWalk: when the book cannot be written, the
// walk that feeds the conversions is told to stop at once (its context is
// done), not at its next file, which a long stretch of files it passes
// over can hold back; the run fails with the write's error and no book.
func TestBundleWriteFailureStopsWalk(t *testing.T) {
	old := newBookWriter
	newBookWriter = func(io.Writer, formats.EPUBOptions) bookWriter { return &fullDisk{} }
	defer func() { newBookWriter = old }()
	opts, book, sources, stopped := walkThatWaits(t, func() {}, 10*time.Second)
	var out, errb strings.Builder
	err := streamBundle(t.Context(), opts, sources, strings.NewReader(""), &out, &errb)
	if !*stopped {
		t.Errorf("the walk was not stopped when the book could not be written")
	}
	if want := "no space left on device\n"; err != errFailed || !strings.HasSuffix(errb.String(), want) || strings.Count(errb.String(), "\n") != 1 {
		t.Errorf("error %v, stderr %q; want %v and one line ending %q", err, errb.String(), errFailed, want)
	}
	if _, err := os.Stat(book); err == nil {
		t.Errorf("a book was written")
	}
}

// TestBundleRunStopStopsWalk: a stop of the run (Ctrl-C) reaches the
// bundle's walk at once, not at its next file, which a stretch of files
// passed over can hold back.
func TestBundleRunStopStopsWalk(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	// cancel: the user's Ctrl-C, while the walk passes over other files.
	opts, _, sources, stopped := walkThatWaits(t, cancel, 5*time.Second)
	var out, errb strings.Builder
	err := streamBundle(ctx, opts, sources, strings.NewReader(""), &out, &errb)
	if !*stopped || err == nil {
		t.Errorf("walk stopped: %v, run error %v; want the walk stopped and the run failed", *stopped, err)
	}
}

// walkThatWaits makes a bundle of one clipping (opts, writing book) and a
// walk (sources) that hands the clipping over, calls after, then waits up
// to wait for its context to end, as a walk passing over many files would;
// *stopped tells whether the end came.
func walkThatWaits(t *testing.T, after func(), wait time.Duration) (opts convertOptions, book string, sources func(context.Context, func(string) bool) error, stopped *bool) {
	t.Helper()
	dir := t.TempDir()
	clip := filepath.Join(dir, "a.txt")
	book = filepath.Join(dir, "book.epub")
	if err := os.WriteFile(clip, []byte("Harbour wall rebuilt\n\nThe council approved the repair.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stopped = new(bool)
	sources = func(ctx context.Context, yield func(string) bool) error {
		if !yield(clip) {
			return nil
		}
		after()
		select {
		case <-ctx.Done():
			*stopped = true
			return ctx.Err()
		case <-time.After(wait):
			return nil
		}
	}
	opts = convertOptions{To: "epub", Bundle: true, Quiet: true, Inputs: []string{dir}, Output: book, Jobs: 1}
	if err := checkOptions(&opts); err != nil {
		t.Fatal(err)
	}
	return opts, book, sources, stopped
}

// TestNothingToConvert: folders that hold no file newsclip reads make a
// bundle and a batch fail alike, with one line naming every input, what
// was passed over and what newsclip reads, and no book or output folder.
func TestNothingToConvert(t *testing.T) {
	dir := t.TempDir()
	sheets, empty := filepath.Join(dir, "sheets"), filepath.Join(dir, "empty")
	if err := os.MkdirAll(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(sheets, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sheets, "budget.xlsx"), []byte("not a clipping"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "newsclip: " + sheets + ", " + empty + ": no convertible files (passed over: 1 not a supported input (.xlsx)); newsclip reads " + convert.SupportedNames() + "\n"
	out := filepath.Join(dir, "out")
	for _, args := range [][]string{
		{"--to", "epub", "--bundle", "-o", out + ".epub"},
		{"-q", "--to", "epub", "--bundle", "-o", out + ".epub"},
		{"--to", "md", "-o", out},
	} {
		var stdout, stderr strings.Builder
		code := run(append(append([]string{"newsclip", "convert"}, args...), sheets, empty), strings.NewReader(""), &stdout, &stderr)
		if code != exitFailed || stderr.String() != want {
			t.Errorf("%q: exit %d, stderr\n%s\nwant exit %d and\n%s", args, code, stderr.String(), exitFailed, want)
		}
	}
	for _, p := range []string{out, out + ".epub"} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was written", p)
		}
	}
}

// TestNonRegularInputs: a named pipe given as an input is read as given
// ("<(zcat a.gz)" is one) by a plain conversion, a bundle and a batch; in
// a folder, where nothing writes to it and opening it would block the run,
// a bundle or a batch passes it over with a warning and converts the rest.
// A run that blocks on the pipe is freed after 10 s, and fails.
func TestNonRegularInputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	clip := filepath.Join(in, "a.txt")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(clip, []byte("Harbour wall rebuilt\n\nThe council approved the repair.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(in, "pipe.txt")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	convert := func(args ...string) (int, string, string) {
		t.Helper()
		done := make(chan int, 1)
		var out, errb strings.Builder
		go func() {
			done <- run(append([]string{"newsclip", "convert"}, args...), strings.NewReader(""), &out, &errb)
		}()
		select {
		case code := <-done:
			return code, out.String(), errb.String()
		case <-time.After(10 * time.Second):
			t.Errorf("%q: blocked on the named pipe", args)
			if f, err := os.OpenFile(fifo, os.O_RDWR, 0); err == nil {
				f.Close() // a writer came and went: the reader sees the end
			}
			<-done
			return -1, out.String(), errb.String()
		}
	}
	// Named as an input, the pipe is read as given ("<(zcat a.gz)" is a
	// pipe): a writer feeds it one clipping per run.
	feed := func() (wait func()) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			os.WriteFile(fifo, []byte("Ferry back in service\n\nThe ferry runs again from Monday.\n"), 0o644)
		}()
		return func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Errorf("the run never opened the named pipe")
				if f, err := os.OpenFile(fifo, os.O_RDWR, 0); err == nil {
					f.Close() // a reader came and went: the writer is let go
				}
				<-done
			}
		}
	}
	for _, tc := range []struct {
		args []string
		out  string // the file that must hold the pipe's article; "" for stdout
	}{
		{[]string{"--to", "md", clip, fifo}, ""},
		{[]string{"--to", "epub", "--bundle", "-o", filepath.Join(dir, "book.epub"), clip, fifo}, "book.epub"},
		{[]string{"--to", "md", "-o", filepath.Join(dir, "out"), in, fifo}, "out/pipe.md"},
	} {
		wait := feed()
		code, stdout, stderr := convert(tc.args...)
		wait()
		if code != exitOK {
			t.Errorf("%q: exit %d, stderr\n%s", tc.args, code, stderr)
			continue
		}
		got := stdout
		if tc.out != "" {
			b, err := os.ReadFile(filepath.Join(dir, tc.out))
			if err != nil {
				t.Errorf("%q: %v", tc.args, err)
				continue
			}
			got = string(b)
		}
		if tc.out == "book.epub" {
			got = bookText(t, []byte(got))
		}
		if !strings.Contains(got, "Ferry back in service") {
			t.Errorf("%q: the pipe's article is missing from\n%s", tc.args, got)
		}
	}
	os.RemoveAll(filepath.Join(dir, "out"))
	os.Remove(filepath.Join(dir, "book.epub"))

	skipped := "newsclip: warning: " + fifo + ": not a regular file (a named pipe); skipped\n"
	for _, args := range [][]string{
		{"--to", "epub", "--bundle", "-o", filepath.Join(dir, "book.epub"), in},
		{"--to", "md", "-o", filepath.Join(dir, "out"), in},
	} {
		if code, _, stderr := convert(args...); code != exitOK || !strings.HasPrefix(stderr, skipped) {
			t.Errorf("%q (the pipe in the folder): exit %d, stderr\n%s\nwant exit 0 and first\n%s", args, code, stderr, skipped)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "a.md")); err != nil {
		t.Errorf("the batch did not convert a.txt: %v", err)
	}
}

// TestBundleSecondWalkStops: the bundle's second walk stops at the next
// entry once its context is done (a Ctrl-C, a failed book write), with
// the context's error: cancelled while a.txt is handed over, it goes on
// neither to the next file of its folder nor to the next input.
func TestBundleSecondWalkStops(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	a, b, z := filepath.Join(in, "a.txt"), filepath.Join(in, "b.txt"), filepath.Join(dir, "z.txt")
	os.MkdirAll(in, 0o755)
	var first inputDigest
	for _, p := range []string{a, b, z} {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		first.add(p)
	}
	ctx, cancel := context.WithCancel(t.Context())
	var got []string
	err := walkAgain([]string{in, z}, first)(ctx, func(src string) bool {
		got = append(got, src)
		cancel()
		return true
	})
	if !errors.Is(err, context.Canceled) || len(got) != 1 || got[0] != a {
		t.Errorf("yielded %q, error %v; want %s only and %v", got, err, a, context.Canceled)
	}
}

// TestBundleStoppedWhileListing: a bundle stopped during its first walk
// ends there: exit 1, no book, and no message of its own (the stop has
// one), not even the walk's warnings for the rest of the folder.
func TestBundleStoppedWhileListing(t *testing.T) {
	dir := t.TempDir()
	in, book := filepath.Join(dir, "in"), filepath.Join(dir, "book.epub")
	smallClippings(t, in, 2, 10)
	if err := os.Symlink("missing.txt", filepath.Join(in, "d000", "broken.txt")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	opts := convertOptions{To: "epub", Bundle: true, Inputs: []string{in}, Output: book}
	if err := checkOptions(&opts); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var out, errb strings.Builder
	err := runBundle(ctx, opts, strings.NewReader(""), &out, &errb)
	if _, statErr := os.Stat(book); err != errFailed || errb.Len() != 0 || statErr == nil {
		t.Errorf("error %v, book written %v, stderr %q", err, statErr == nil, errb.String())
	}
}

// bookText is the text of every file of the EPUB book data, one after
// another.
func bookText(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range zr.File {
		all.Write(readZipFile(t, data, f.Name))
	}
	return all.String()
}
