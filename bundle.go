package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"newsclip/convert"
	"newsclip/formats"
	"newsclip/internal/atomicfile"
	"newsclip/internal/batch"
	"newsclip/internal/interrupt"
)

// runBundle converts every input (folders walked) with -j workers and
// writes all their articles, in input order, into one EPUB. The inputs are
// walked twice and never listed: a first walk reports walk warnings (not
// with -q) and a missing input before any conversion (an error there
// writes no book); the second feeds the conversions as it goes, so that
// memory holds the listing of one folder and a window of documents, not
// every file's name. Inputs that hold no file to convert fail the run with
// one line, as in a batch. A done ctx stops either walk at its next entry.
func runBundle(ctx context.Context, opts convertOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	interrupt.SetGraceful()
	warn := func(msg string) {
		if !opts.Quiet { // as in a batch
			fmt.Fprintf(stderr, "newsclip: warning: %s\n", msg)
		}
	}
	var first inputDigest
	skipped, err := bundleSources(ctx, opts.Inputs, warn, first.add)
	if err == nil && first.n == 0 {
		err = batch.NothingToConvert(opts.Inputs, skipped)
	}
	if err != nil {
		if ctx.Err() == nil { // a stop has its own message
			fmt.Fprintf(stderr, "newsclip: %v\n", err)
		}
		return errFailed
	}
	betweenWalks()
	return streamBundle(ctx, opts, walkAgain(opts.Inputs, first), stdin, stdout, stderr)
}

// walkAgain is a bundle's second walk of its inputs, for streamBundle: it
// yields the files the first walk found (summed up in first), with no
// warnings (the first walk gave them), and returns ctx.Err() once ctx is
// done, or inputsChanged when it did not find the first walk's files.
func walkAgain(inputs []string, first inputDigest) func(context.Context, func(string) bool) error {
	return func(ctx context.Context, yield func(string) bool) error {
		var second inputDigest
		for _, in := range inputs {
			more := true
			_, err := bundleSources(ctx, []string{in}, func(string) {}, func(src string) bool {
				second.add(src)
				more = yield(src)
				return more
			})
			if !more {
				return nil
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			// An input gone since the first walk: its conversion fails and
			// is reported like any other, and the book keeps the rest.
			if err != nil && !yield(in) {
				return nil
			}
		}
		if second != first {
			return inputsChanged{first.n, second.n}
		}
		return nil
	}
}

// betweenWalks runs between a bundle's two walks; tests change the tree
// there.
var betweenWalks = func() {}

// An inputDigest sums up the files a walk yields: their number and an
// FNV-1a hash of their paths in order. The second walk of a bundle must
// give the first's, or the inputs changed while it ran.
type inputDigest struct {
	n   int
	sum uint64
}

// add counts src; it always returns true (a walk's yield). The hash takes
// FNV-1a's steps from zero, so that the zero digest is the empty walk's.
func (d *inputDigest) add(src string) bool {
	for i := range len(src) {
		d.sum = (d.sum ^ uint64(src[i])) * 1099511628211
	}
	d.sum *= 1099511628211 // the path's end, as a zero byte
	d.n++
	return true
}

// inputsChanged: the files a bundle converted are not the ones its first
// walk found (files added, removed or renamed while it ran). The book is
// written with what was converted; the run ends with exit 1.
type inputsChanged struct{ listed, converted int }

func (e inputsChanged) Error() string {
	return fmt.Sprintf("the inputs changed during the run: %d files when it started, %d walked while converting; the book holds those converted", e.listed, e.converted)
}

// bundleSources yields the path of every file of a bundle's inputs in
// order, until yield returns false: "-" (stdin) as itself, and each other
// input walked on its own (batch.Walk), so that an input named twice is
// bundled twice. It returns the files the walks passed over, and
// batch.Walk's error: a missing input, or ctx.Err() once ctx is done.
func bundleSources(ctx context.Context, inputs []string, warn func(string), yield func(string) bool) (batch.Skipped, error) {
	skipped := batch.Skipped{}
	for _, in := range inputs {
		if in == "-" {
			if !yield(in) {
				return skipped, nil
			}
			continue
		}
		more := true
		s, err := batch.Walk(ctx, []string{in}, warn, func(j batch.Job) bool {
			more = yield(j.Src)
			return more
		})
		for why, n := range s {
			skipped[why] += n
		}
		if err != nil || !more {
			return skipped, err
		}
	}
	return skipped, nil
}

// bundleAhead is how many inputs per worker are converted ahead of the
// EPUB writer: memory holds that window, not the whole bundle.
const bundleAhead = 64

// A bookWriter takes a bundle's documents in order and finishes the book
// (Close), or gives it up (Abort: its temporary files are released).
type bookWriter interface {
	Add(*convert.Document) error
	Close() error
	Abort()
}

// newBookWriter is the bundle's EPUB writer; tests replace it.
var newBookWriter = func(w io.Writer, o formats.EPUBOptions) bookWriter { return formats.NewEPUBWriter(w, o) }

// streamBundle converts the files that sources yields (see bundleSources)
// on -j workers and adds each document to the book in input order as soon
// as it is ready. Failed inputs are reported and left out; the book is
// written (atomically with -o) when at least one input converted and
// sources ended without an error. The context given to sources is done
// when ctx is or when the book cannot be written (a full disk): sources
// must then stop at once, not at its next file.
func streamBundle(ctx context.Context, opts convertOptions, sources func(ctx context.Context, yield func(string) bool) error, stdin io.Reader, stdout, stderr io.Writer) error {
	fo, err := formatOptions(opts)
	if err != nil {
		return usagef("%v", err)
	}
	type result struct {
		doc *convert.Document
		err error
	}
	failed, added := 0, 0
	write := func(w io.Writer) error {
		ew := newBookWriter(w, fo.EPUB)
		walkCtx, stopWalk := context.WithCancel(ctx)
		defer stopWalk()
		var walkErr error // set by the sequence's goroutine, read once InOrder has returned
		opts.PDF.Workers = pdfWorkers(opts)
		err := batch.InOrder(ctx, opts.Jobs, bundleAhead*max(opts.Jobs, batch.DefaultJobs()),
			func(yield func(string) bool) { walkErr = sources(walkCtx, yield) },
			func(src string) result {
				d, err := readInput(src, stdin, opts, false)
				return result{d, err}
			},
			func(_ string, r result) error {
				if r.err != nil {
					fmt.Fprintf(stderr, "newsclip: %v\n", r.err)
					failed++
					return nil
				}
				if !opts.Quiet {
					printWarnings(stderr, r.doc)
				}
				added++
				if err := ew.Add(r.doc); err != nil {
					stopWalk() // InOrder stops too, but waits for the walk's next file
					return err
				}
				return nil
			})
		var changed inputsChanged
		if errors.As(walkErr, &changed) {
			fmt.Fprintf(stderr, "newsclip: warning: %v\n", changed)
			failed++
			walkErr = nil
		}
		if err == nil {
			err = walkErr
		}
		if err == nil && added == 0 {
			err = errNothingConverted
		}
		if err != nil {
			ew.Abort()
			return err
		}
		return ew.Close()
	}
	if opts.Output == "" || opts.Output == "-" {
		err = write(stdout)
	} else {
		err = atomicfile.Write(opts.Output, write)
	}
	switch {
	case ctx.Err() != nil, errors.Is(err, errNothingConverted):
		return errFailed
	case err != nil:
		fmt.Fprintf(stderr, "newsclip: %v\n", err)
		return errFailed
	case failed > 0:
		return errFailed
	}
	return nil
}

// errNothingConverted: every input of a bundle failed; each failure has
// been reported, and no book is written.
var errNothingConverted = errors.New("no input converted")
