// Package batch converts folders of clippings into a mirrored tree of
// outputs: it collects the inputs (Collect), names their outputs (Plan,
// with a predictable rule for clashes), converts them on a pool of workers
// (ForEach) and reports each one in input order (--report). One bad file
// never stops a batch, outputs are written atomically, inputs are never
// written, and the result does not depend on the number of workers.
//
// The package knows nothing of formats: the caller passes the functions
// that read an input and write a document.
package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"newsclip/convert"
	"newsclip/internal/atomicfile"
)

// Options configure one batch. Inputs, OutDir, Ext, Read and Write are
// required; the zero value of the rest means: no split, no resume, no
// report, every shard, one worker per CPU, warnings on stderr.
type Options struct {
	Inputs []string // files and folders, in command-line order
	OutDir string   // the folder of the mirrored tree
	Ext    string   // output file ending, with its dot: ".md"
	Split  bool     // one output file per article, in a folder per input
	Resume bool     // skip inputs whose output exists and is newer
	Report string   // JSON Lines report file; "" for none
	Shard  Shard
	Jobs   int  // workers; <= 0 means runtime.NumCPU
	Quiet  bool // no warnings or progress bar on stderr

	// Read converts one input file.
	Read func(path string) (*convert.Document, error)
	// Write writes documents in the output format.
	Write func(w io.Writer, docs []*convert.Document) error
}

// A UsageError is a batch that must not start (it would write an input,
// or its report over an input): the CLI's exit status 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// ErrFailed is returned when some inputs failed; each failure has already
// been reported on stderr.
var ErrFailed = errors.New("some inputs failed")

// Run converts the batch. It returns ErrFailed when any input failed or
// ctx was cancelled (the results so far are reported and the report is
// complete for the inputs that were done; cancelled while the inputs are
// listed, it stops at the next entry and writes nothing), a *UsageError
// before doing anything when the outputs could overwrite inputs, or
// another error when the run could not start or its report could not be
// written.
func Run(ctx context.Context, opts Options, stderr io.Writer) error {
	outRoot, err := filepath.Abs(opts.OutDir)
	if err != nil {
		return err
	}
	warn := func(msg string) {
		if !opts.Quiet {
			fmt.Fprintf(stderr, "newsclip: warning: %s\n", msg)
		}
	}
	all, skipped, err := Collect(ctx, opts.Inputs, warn)
	if err != nil && ctx.Err() != nil {
		return ErrFailed // stopped while listing: nothing to report
	}
	if err != nil {
		return err
	}
	if err := checkOverlap(opts, all); err != nil {
		return err
	}
	if len(all) == 0 {
		return NothingToConvert(opts.Inputs, skipped)
	}
	Plan(all, outRoot, opts.Ext, opts.Split)
	jobs := all // without a shard, the one list: a second costs 64 bytes a file
	if opts.Shard.N > 1 {
		jobs = nil
		for _, j := range all {
			if opts.Shard.Has(j.Rel) {
				j.Index = len(jobs)
				jobs = append(jobs, j)
			}
		}
	}
	if err := checkNamedOutputs(opts, all); err != nil {
		return err
	}
	if err := checkReport(opts, all, outRoot); err != nil {
		return err
	}
	if err := os.MkdirAll(outRoot, 0o755); err != nil {
		return fmt.Errorf("%s: %v", Quote(opts.OutDir), atomicfile.Unwrap(err))
	}
	atomicfile.LockDir(outRoot, func() {
		outs := make([]string, len(jobs))
		for i, j := range jobs {
			outs[i] = j.Out
		}
		atomicfile.RemoveStale(outs)
	})
	rep, err := newReporter(opts, stderr, len(jobs))
	if err != nil {
		return err
	}
	start := time.Now()
	dirs := &outDirs{root: opts.OutDir}
	var mu sync.Mutex // the reporter's: workers record their results themselves, no hand-off
	ForEach(ctx, opts.Jobs, len(jobs), func(i int) {
		r := convertOne(jobs[i], opts, dirs)
		mu.Lock()
		defer mu.Unlock()
		rep.add(r)
	})
	if err := rep.finish(time.Since(start), ctx.Err() != nil, skipped); err != nil {
		return err
	}
	if rep.failed > 0 || ctx.Err() != nil {
		return ErrFailed
	}
	return nil
}

// NothingToConvert is the error of a run whose inputs (folders) hold no
// file to convert, naming them all, what their walks passed over and what
// newsclip reads: "in, more: no convertible files (passed over: 1 not a
// supported input (.xlsx)); newsclip reads text, PDF, DOCX, RTF, HTML".
func NothingToConvert(inputs []string, skipped Skipped) error {
	names := make([]string, len(inputs))
	for i, in := range inputs {
		names[i] = Quote(in)
	}
	why := "no convertible files"
	if skipped.Total() > 0 {
		why += " (passed over: " + skipped.String() + ")"
	}
	return fmt.Errorf("%s: %s; newsclip reads %s", strings.Join(names, ", "), why, convert.SupportedNames())
}

// ForEach calls f(i) for every i in [0, n) on workers goroutines (<= 0:
// one per CPU) and returns when all calls have returned. Once ctx is done
// no more calls start. Workers take the next index from a shared counter,
// in increasing order, without waking one another.
func ForEach(ctx context.Context, workers, n int, f func(i int)) {
	if workers <= 0 {
		workers = DefaultJobs()
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}

// reportPath names an output in the report the way the inputs are named:
// under OUTDIR as the user gave it ("out/a/b.md"), not as an absolute path.
func reportPath(out, outDir string) string {
	abs, err := filepath.Abs(outDir)
	if err != nil {
		return out
	}
	rel, err := filepath.Rel(abs, out)
	if err != nil {
		return out
	}
	return filepath.Join(outDir, rel)
}

// convertOne converts one input of a batch and writes its output(s).
func convertOne(j Job, opts Options, dirs *outDirs) (r Result) {
	start := time.Now()
	r = Result{Path: j.Src, Output: reportPath(j.Out, opts.OutDir), Status: "ok", Warnings: []string{}, index: j.Index}
	defer func() {
		if p := recover(); p != nil {
			r.Status, r.Error = "failed", fmt.Sprintf("%s: internal error: %v", Quote(j.Src), p)
		}
		if r.Status == "failed" {
			r.Output = "" // nothing was written
		}
		r.Seconds = float64(time.Since(start).Microseconds()) / 1e6
	}()
	if opts.Resume && upToDate(j.Src, j.Out) {
		r.Status = "skipped"
		return r
	}
	doc, err := opts.Read(j.Src)
	if err != nil {
		r.Status, r.Error = "failed", err.Error()
		return r
	}
	r.Articles = len(doc.Articles)
	for _, w := range doc.Warnings {
		r.Warnings = append(r.Warnings, w.String())
	}
	for _, a := range doc.Articles {
		for _, w := range a.Warnings {
			r.Warnings = append(r.Warnings, w.String())
		}
	}
	dir := j.Out
	if !opts.Split {
		dir = filepath.Dir(j.Out)
	}
	if err = dirs.make(dir); err == nil {
		if opts.Split {
			err = writeSplit(j.Out, doc, opts)
		} else {
			err = atomicfile.Write(j.Out, func(w io.Writer) error {
				return opts.Write(w, []*convert.Document{doc})
			})
		}
	}
	if err != nil {
		r.Status, r.Error = "failed", fmt.Sprintf("%s: output %v", Quote(j.Src), err)
	}
	return r
}

// outDirs makes the output folders of one batch, each once: a folder
// made and checked (see make) is not made or checked again for the next
// file that goes into it, which saves a stat of every component of its
// path per file. Safe for concurrent use.
type outDirs struct {
	root string // the -o folder as given

	mu       sync.Mutex
	realRoot string          // root with symlinks resolved, once known
	ok       map[string]bool // folders made and found inside root
}

// make makes dir, which lies lexically inside the output folder, and
// checks that it still does once symlinks are resolved: a link inside
// OUTDIR must not lead the batch to write elsewhere. A folder that passed
// is remembered for the rest of the batch; one that failed is tried again
// for each file, with the same message as the first time. (A folder that
// passed and is then swapped for a symlink while the batch runs is not
// checked again; a per-file check had the same gap between check and
// write, only shorter.)
func (d *outDirs) make(dir string) error {
	d.mu.Lock()
	done := d.ok[dir]
	d.mu.Unlock()
	if done {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: %v", dir, atomicfile.Unwrap(err))
	}
	root, err1 := d.resolvedRoot()
	real, err2 := filepath.EvalSymlinks(dir)
	if err1 != nil || err2 != nil {
		return fmt.Errorf("%s: cannot resolve the output folder", dir)
	}
	if !Within(root, real) {
		return fmt.Errorf("folder %s leads outside %s; not written", dir, d.root)
	}
	d.mu.Lock()
	if d.ok == nil {
		d.ok = map[string]bool{}
	}
	d.ok[dir] = true
	d.mu.Unlock()
	return nil
}

// resolvedRoot returns the output folder with symlinks resolved, as an
// absolute path, resolving it on the first call that succeeds.
func (d *outDirs) resolvedRoot() (string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.realRoot != "" {
		return d.realRoot, nil
	}
	root, err := filepath.EvalSymlinks(d.root)
	if err != nil {
		return "", err
	}
	root, err = filepath.Abs(root)
	if err != nil {
		return "", err
	}
	d.realRoot = root
	return root, nil
}

// upToDate reports whether out exists and is newer than src (--resume).
// A src that is not a regular file (a pipe given as an input) never is:
// its time says nothing of what it will give, and skipping it would leave
// its writer blocked.
func upToDate(src, out string) bool {
	si, err1 := os.Stat(src)
	oi, err2 := os.Stat(out)
	return err1 == nil && err2 == nil && si.Mode().IsRegular() && oi.ModTime().After(si.ModTime())
}

// writeSplit writes one file per article into the folder dir, named from
// the article's date and headline ("2021-03-02-council-approves.md").
func writeSplit(dir string, doc *convert.Document, opts Options) error {
	used := map[string]bool{}
	for _, a := range doc.Articles {
		name := ArticleFileName(a, used) + opts.Ext
		one := &convert.Document{Source: doc.Source, Articles: []*convert.Article{a}, Warnings: doc.Warnings}
		if err := atomicfile.Write(filepath.Join(dir, name), func(w io.Writer) error {
			return opts.Write(w, []*convert.Document{one})
		}); err != nil {
			return err
		}
	}
	// The folder's time says when the split finished, for --resume.
	now := time.Now()
	return os.Chtimes(dir, now, now)
}
