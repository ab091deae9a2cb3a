package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/urfave/cli/v2"

	"newsclip/convert"
	"newsclip/formats"
	"newsclip/internal/atomicfile"
	"newsclip/internal/batch"
	"newsclip/internal/input"
	"newsclip/internal/interrupt"
	"newsclip/internal/pdfchild"
	"newsclip/internal/pdftext"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitOK     = 0
	exitFailed = 1 // one or more inputs failed
	exitUsage  = 2
)

// defaultMaxInput bounds the bytes read from one input (--max-input).
const defaultMaxInput = 1 << 30

// errFailed is returned by an action that has already reported its failures
// on stderr; run turns it into exit code 1.
var errFailed = errors.New("failed")

// A usageError is a command line that cannot be run: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// run is the whole program: it parses args, reads stdin and writes stdout
// and stderr, and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 1 && args[1] == pdfchild.Command {
		return pdfchild.Serve(stdin, stdout, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	sig := interrupt.Watch(cancel, stderr)
	defer sig.Stop()
	app := newApp(stdin, stdout, stderr)
	err := app.RunContext(ctx, args)
	if code := sig.ExitCode(); code != 0 {
		return code
	}
	var ue *usageError
	var be *batch.UsageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFailed), errors.Is(err, batch.ErrFailed):
		return exitFailed
	case errors.As(err, &ue), errors.As(err, &be):
		fmt.Fprintf(stderr, "newsclip: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "newsclip: %v\n", err)
	return exitFailed
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	cmds := []*cli.Command{convertCommand()}
	return &cli.App{
		Name:      "newsclip",
		Usage:     "turn newspaper clippings into clean Markdown and JSON",
		Version:   version,
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// Errors are reported by run, with the exit code it chooses.
		ExitErrHandler:  func(*cli.Context, error) {},
		OnUsageError:    flagError,
		Commands:        cmds,
		HideHelpCommand: true,
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				name := c.Args().First()
				var names []string
				for _, cmd := range cmds {
					names = append(names, cmd.Name)
				}
				if s := closest(names, name); s != "" {
					return usagef("unknown command %s (did you mean %s?)", name, s)
				}
				return usagef("unknown command %s (see newsclip --help)", name)
			}
			return cli.ShowAppHelp(c)
		},
		Description: "newsclip reads clipped newspaper text (PressReader, web articles, plain\n" +
			"text), database exports and PDFs, and writes Markdown with YAML front matter,\n" +
			"JSON, JSON Lines or EPUB. Exit status: 0 ok, 1 when any input failed, 2 for\n" +
			"usage errors, 130/143 when interrupted.",
	}
}

// flagError turns the flag parser's complaint into one line with a
// suggestion: "unknown flag --too; did you mean --to?".
func flagError(c *cli.Context, err error, _ bool) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		dashes := "--"
		if len(name) == 1 {
			dashes = "-"
		}
		msg = "unknown flag " + dashes + name
		var names []string
		for _, f := range c.Command.Flags {
			names = append(names, f.Names()...)
		}
		if s := closest(names, name); s != "" {
			if len(s) > 1 {
				s = "-" + s
			}
			msg += "; did you mean -" + s + "?"
		}
	}
	var value, flag string
	if _, e := fmt.Sscanf(msg, "invalid value %q for flag -%s", &value, &flag); e == nil {
		flag = strings.TrimSuffix(flag, ":")
		_, detail, _ := strings.Cut(msg, "-"+flag+": ")
		dashes := "--"
		if len(flag) == 1 {
			dashes = "-"
		}
		msg = fmt.Sprintf("%s%s %q: not a valid value", dashes, flag, value)
		if detail != "" && detail != "parse error" && !strings.HasPrefix(detail, "strconv.") {
			// A flag type of our own says what it wants.
			msg = fmt.Sprintf("%s%s: %s", dashes, flag, detail)
		}
	}
	return usagef("%s (see newsclip %s --help)", msg, strings.TrimSpace(c.Command.FullName()))
}

// closest returns the name in names nearest to typed by edit distance,
// when it is near enough to be a typo (at most 2 edits, and fewer than half
// the letters), or "".
func closest(names []string, typed string) string {
	best, bestD := "", 3
	for _, n := range names {
		if d := editDistance(n, typed); d < bestD && 2*d < len(typed) {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func runConvert(ctx context.Context, opts convertOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	if err := checkOptions(&opts); err != nil {
		return err
	}
	toStdout := opts.Output == "" || opts.Output == "-"
	if opts.format.Binary && toStdout && terminal(stdout) {
		return usagef("convert: refusing to write an EPUB to a terminal; use -o FILE or a redirection")
	}
	if !toStdout {
		if err := checkOutputNotInput(opts); err != nil {
			return err
		}
	}
	if opts.Bundle {
		return runBundle(ctx, opts, stdin, stdout, stderr)
	}
	if isBatch(opts) {
		return runBatch(ctx, opts, stderr)
	}
	docs := make([]*convert.Document, len(opts.Inputs))
	errs := make([]error, len(opts.Inputs))
	for i, in := range opts.Inputs {
		if ctx.Err() != nil {
			return errFailed
		}
		docs[i], errs[i] = readInput(in, stdin, opts)
	}
	return writeConverted(opts, docs, errs, stdout, stderr)
}

// writeConverted reports each failed input on a line of stderr, the
// warnings of the others, and writes the converted documents in input
// order. It fails when any input failed or none converted.
func writeConverted(opts convertOptions, docs []*convert.Document, errs []error, stdout, stderr io.Writer) error {
	var ok []*convert.Document
	for i, d := range docs {
		if errs[i] != nil {
			fmt.Fprintf(stderr, "newsclip: %v\n", errs[i])
			continue
		}
		if !opts.Quiet {
			printWarnings(stderr, d)
		}
		ok = append(ok, d)
	}
	if len(ok) > 0 {
		if err := writeOutput(opts, ok, stdout); err != nil {
			fmt.Fprintf(stderr, "newsclip: %v\n", err)
			return errFailed
		}
	}
	if len(ok) < len(docs) || len(ok) == 0 {
		return errFailed
	}
	return nil
}

// runBatch converts folders of clippings into a mirrored tree under
// opts.Output (see internal/batch).
func runBatch(ctx context.Context, opts convertOptions, stderr io.Writer) error {
	interrupt.SetGraceful()
	if opts.Output == "" || opts.Output == "-" {
		// A folder cannot go to stdout: name it, as for any unreadable input.
		for _, in := range opts.Inputs {
			if fi, err := os.Stat(in); err == nil && fi.IsDir() {
				fmt.Fprintf(stderr, "newsclip: %s: is a directory (give -o OUTDIR to convert a folder)\n", batch.Quote(in))
				return errFailed
			}
		}
		return usagef("convert: --split needs -o OUTDIR")
	}
	if err := checkOutDir(opts.Output); err != nil {
		return err
	}
	sh, err := batch.ParseShard(opts.Shard)
	if err != nil {
		return usagef("convert: %v", err)
	}
	err = batch.Run(ctx, batch.Options{
		Inputs: opts.Inputs, OutDir: opts.Output, Ext: opts.format.Ext,
		Split: opts.Split, Resume: opts.Resume, Report: opts.Report, Shard: sh,
		Jobs: opts.Jobs, Quiet: opts.Quiet,
		Read: func(path string) (*convert.Document, error) { return readInput(path, nil, opts) },
		Write: func(w io.Writer, docs []*convert.Document) error {
			return writeFormat(w, opts, docs)
		},
	}, stderr)
	var ue *batch.UsageError
	switch {
	case err == nil, errors.Is(err, batch.ErrFailed), errors.As(err, &ue):
		return err
	}
	fmt.Fprintf(stderr, "newsclip: %v\n", err)
	return errFailed
}

// runBundle converts every input (folders walked) with -j workers and
// writes all their articles, in input order, into one EPUB.
func runBundle(ctx context.Context, opts convertOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	interrupt.SetGraceful()
	var jobs []batch.Job
	for _, in := range opts.Inputs {
		if in == "-" {
			jobs = append(jobs, batch.Job{Src: "-"})
			continue
		}
		js, _, err := batch.Collect([]string{in}, func(msg string) { fmt.Fprintf(stderr, "newsclip: warning: %s\n", msg) })
		if err != nil {
			fmt.Fprintf(stderr, "newsclip: %v\n", err)
			return errFailed
		}
		jobs = append(jobs, js...)
	}
	return streamBundle(ctx, opts, jobs, stdin, stdout, stderr)
}

// bundleAhead is how many inputs per worker are converted ahead of the
// EPUB writer: memory holds that window, not the whole bundle.
const bundleAhead = 64

// streamBundle converts the jobs on -j workers and adds each document to
// the book in input order as soon as it is ready. Failed inputs are
// reported and left out; the book is written (atomically with -o) when at
// least one input converted.
func streamBundle(ctx context.Context, opts convertOptions, jobs []batch.Job, stdin io.Reader, stdout, stderr io.Writer) error {
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
		ew := formats.NewEPUBWriter(w, fo.EPUB)
		err := batch.InOrder(ctx, opts.Jobs, len(jobs), bundleAhead*max(opts.Jobs, batch.DefaultJobs()),
			func(i int) result {
				d, err := readInput(jobs[i].Src, stdin, opts)
				return result{d, err}
			},
			func(i int, r result) error {
				if r.err != nil {
					fmt.Fprintf(stderr, "newsclip: %v\n", r.err)
					failed++
					return nil
				}
				if !opts.Quiet {
					printWarnings(stderr, r.doc)
				}
				added++
				return ew.Add(r.doc)
			})
		if err == nil && added == 0 {
			err = errNothingConverted
		}
		if err != nil {
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

// terminal reports whether w is a terminal; tests replace it.
var terminal = isTerminal

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// readInput reads and converts one input; "-" is stdin. PDFs are read in
// a child process (see internal/pdfchild).
func readInput(name string, stdin io.Reader, opts convertOptions) (*convert.Document, error) {
	limit := opts.MaxInput
	if limit <= 0 {
		limit = defaultMaxInput
	}
	var data []byte
	var err error
	if name == "-" {
		data, err = input.ReadAll(stdin, limit)
	} else {
		data, err = input.ReadFile(name, limit)
	}
	if err != nil {
		var ce *convert.Error
		if errors.As(err, &ce) {
			ce.File = name
			return nil, ce
		}
		return nil, &convert.Error{File: name, Err: err}
	}
	if convert.IsPDF(data) {
		return convert.ConvertPDF(name, data, func(d []byte) (*pdftext.Text, error) { return pdfchild.Extract(d, opts.PDF) })
	}
	return convert.Convert(name, data)
}

func printWarnings(w io.Writer, doc *convert.Document) {
	file := batch.Quote(doc.Source.File)
	for _, wn := range doc.Warnings {
		fmt.Fprintf(w, "newsclip: %s: warning: %s\n", file, wn)
	}
	for _, a := range doc.Articles {
		for _, wn := range a.Warnings {
			fmt.Fprintf(w, "newsclip: %s: warning: %s\n", file, wn)
		}
	}
}

// writeFormat writes docs in the chosen format to w.
func writeFormat(w io.Writer, opts convertOptions, docs []*convert.Document) error {
	fo, err := formatOptions(opts)
	if err != nil {
		return err
	}
	return opts.format.Write(w, docs, fo)
}

// formatOptions are the writer settings of a run: the EPUB grouping, and
// its modification time from SOURCE_DATE_EPOCH when set.
func formatOptions(opts convertOptions) (formats.Options, error) {
	fo := formats.Options{EPUB: formats.EPUBOptions{GroupBy: opts.GroupBy}}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" && opts.format.Name == "epub" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fo, fmt.Errorf("SOURCE_DATE_EPOCH=%q: not a number of seconds", s)
		}
		fo.EPUB.Modified = time.Unix(sec, 0).UTC()
	}
	return fo, nil
}

// writeOutput writes docs in the chosen format to stdout or, atomically, to
// opts.Output.
func writeOutput(opts convertOptions, docs []*convert.Document, stdout io.Writer) error {
	write := func(w io.Writer) error { return writeFormat(w, opts, docs) }
	if opts.Output == "" || opts.Output == "-" {
		return write(stdout)
	}
	return atomicfile.Write(opts.Output, write)
}
