package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/urfave/cli/v2"

	"newsclip/convert"
	"newsclip/formats"
	"newsclip/internal/pdfchild"
	"newsclip/internal/pdftext"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitOK      = 0
	exitFailed  = 1 // one or more inputs failed
	exitUsage   = 2
	maxInputLen = 1 << 30 // inputs larger than this are refused
)

// errFailed is returned by an action that has already reported its failures
// on stderr; run turns it into exit code 1.
var errFailed = errors.New("failed")

// run is the whole program: it parses args, reads stdin and writes stdout
// and stderr, and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 1 && args[1] == pdfchild.Command {
		return pdfchild.Serve(stdin, stdout, stderr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	app := newApp(stdin, stdout, stderr)
	err := app.RunContext(ctx, args)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFailed):
		return exitFailed
	}
	fmt.Fprintf(stderr, "newsclip: %v\n", err)
	return exitUsage
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:      "newsclip",
		Usage:     "turn newspaper clippings into clean Markdown and JSON",
		Version:   version,
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// Errors are reported by run, with the exit code it chooses.
		ExitErrHandler:  func(*cli.Context, error) {},
		Commands:        []*cli.Command{convertCommand()},
		HideHelpCommand: true,
		Description: "newsclip reads clipped newspaper text (PressReader, LexisNexis exports, web\n" +
			"articles, plain text) and writes Markdown with YAML front matter, JSON or\n" +
			"JSON Lines. Exit status: 0 ok, 1 when any input failed, 2 for usage errors.",
	}
}

// convertOptions are the settings of one convert run. The zero value
// converts stdin to Markdown on stdout.
type convertOptions struct {
	To      string // md, json, jsonl or epub; "" means md
	Output  string // file (or folder, for a batch) to write; "" or "-" means stdout
	Quiet   bool   // no warnings or progress bar on stderr
	Inputs  []string
	Bundle  bool   // epub: every article of every input in one book
	GroupBy string // epub navigation: "publication" (default) or "date"
	Jobs    int    // batch workers; 0 means one per CPU
	Split   bool   // batch: one output file per article
	Resume  bool   // batch: skip inputs whose output is newer
	Report  string // batch: JSON Lines report file
	Shard   string // batch: "K/N", convert only shard K (from 0) of N
	PDF     pdfchild.Settings
}

func convertCommand() *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert clippings to Markdown, JSON, JSON Lines or EPUB",
		ArgsUsage: "[INPUT ...]  (files or folders; none or - reads stdin)",
		Description: "A folder input converts every .txt file under it into a mirrored tree\n" +
			"under -o OUTDIR (same for -o naming an existing folder, and --split).",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "to", Aliases: []string{"t"}, Value: "md", Usage: "output format: md, json, jsonl or epub"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (or folder, for a batch); written to a temporary file, then renamed"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no warnings and no progress bar"},
			&cli.BoolFlag{Name: "bundle", Usage: "epub: put every article of every input into one book"},
			&cli.StringFlag{Name: "group-by", Value: "publication", Usage: "epub navigation: publication or date"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "batch: `N` parallel workers (default: number of CPUs)"},
			&cli.BoolFlag{Name: "split", Usage: "batch: one output file per article, named from date and headline"},
			&cli.BoolFlag{Name: "resume", Usage: "batch: skip inputs whose output exists and is newer than the input"},
			&cli.StringFlag{Name: "report", Usage: "batch: write one JSON line per input to `FILE`"},
			&cli.StringFlag{Name: "shard", Usage: "batch: convert only the inputs of shard `K/N` (0 <= K < N, by path hash)"},
			&cli.StringFlag{Name: "password", Usage: "user password of encrypted PDFs (default: the empty password)"},
			&cli.GenericFlag{Name: "pdf-timeout", Value: &pdfchild.Timeout{D: pdfchild.DefaultTimeout}, Usage: "time limit for reading one PDF (a `DURATION` such as 30s or 2m)"},
		},
		Action: func(c *cli.Context) error {
			opts := convertOptions{
				To: c.String("to"), Output: c.String("output"), Quiet: c.Bool("quiet"),
				Inputs: c.Args().Slice(), Bundle: c.Bool("bundle"), GroupBy: c.String("group-by"),
				Jobs: c.Int("jobs"), Split: c.Bool("split"), Resume: c.Bool("resume"),
				Report: c.String("report"), Shard: c.String("shard"),
				PDF: pdfchild.Settings{Password: c.String("password"), Timeout: c.Generic("pdf-timeout").(*pdfchild.Timeout).D},
			}
			return runConvert(c.Context, opts, c.App.Reader, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runConvert(ctx context.Context, opts convertOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	switch opts.To {
	case "", "md", "markdown":
		opts.To = "md"
	case "json", "jsonl", "epub":
	default:
		return fmt.Errorf("convert: unknown format %q (want md, json, jsonl or epub)", opts.To)
	}
	switch opts.GroupBy {
	case "", "publication", "date":
	default:
		return fmt.Errorf("convert: unknown --group-by %q (want publication or date)", opts.GroupBy)
	}
	if opts.Jobs < 0 {
		return fmt.Errorf("convert: -j %d: want a positive number", opts.Jobs)
	}
	if len(opts.Inputs) == 0 {
		opts.Inputs = []string{"-"}
	}
	for _, in := range opts.Inputs {
		if strings.HasPrefix(in, "-") && in != "-" {
			return fmt.Errorf("convert: %s: flags go before the inputs (name a file starting with - as ./%s)", in, in)
		}
	}
	toStdout := opts.Output == "" || opts.Output == "-"
	if opts.To == "epub" && toStdout && terminal(stdout) {
		return errors.New("convert: refusing to write an EPUB to a terminal; use -o FILE or a redirection")
	}
	if opts.Bundle {
		if opts.To != "epub" {
			return errors.New("convert: --bundle needs --to epub")
		}
		return runBundle(ctx, opts, stdin, stdout, stderr)
	}
	if isBatch(opts) {
		return runBatch(ctx, opts, stderr)
	}
	docs := make([]*convert.Document, len(opts.Inputs))
	errs := make([]error, len(opts.Inputs))
	for i, in := range opts.Inputs {
		docs[i], errs[i] = readInput(in, stdin, opts.PDF)
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

// isBatch: a folder among the inputs, -o naming an existing folder, or
// --split make a batch.
func isBatch(opts convertOptions) bool {
	if opts.Split {
		return true
	}
	if fi, err := os.Stat(opts.Output); err == nil && fi.IsDir() && opts.Output != "" {
		return true
	}
	for _, in := range opts.Inputs {
		if fi, err := os.Stat(in); in != "-" && err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// runBundle converts every input (folders walked) with -j workers and
// writes all their articles, in input order, into one EPUB.
func runBundle(ctx context.Context, opts convertOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	var jobs []batchJob
	for _, in := range opts.Inputs {
		if in == "-" {
			jobs = append(jobs, batchJob{src: "-"})
			continue
		}
		js, err := collectInputs([]string{in}, func(msg string) { fmt.Fprintf(stderr, "newsclip: warning: %s\n", msg) })
		if err != nil {
			fmt.Fprintf(stderr, "newsclip: %v\n", err)
			return errFailed
		}
		jobs = append(jobs, js...)
	}
	docs := make([]*convert.Document, len(jobs))
	errs := make([]error, len(jobs))
	workers := opts.Jobs
	if workers <= 0 {
		workers = defaultJobs()
	}
	forEachParallel(ctx, workers, len(jobs), func(i int) {
		docs[i], errs[i] = readInput(jobs[i].src, stdin, opts.PDF)
	})
	if ctx.Err() != nil {
		return errFailed
	}
	return writeConverted(opts, docs, errs, stdout, stderr)
}

// terminal reports whether w is a terminal; tests replace it.
var terminal = isTerminal

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func numCPU() int { return runtime.NumCPU() }

// readInput reads and converts one input; "-" is stdin. PDFs are read in
// a child process (see internal/pdfchild).
func readInput(name string, stdin io.Reader, pdfs pdfchild.Settings) (*convert.Document, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, maxInputLen+1))
	} else {
		data, err = readFile(name)
	}
	if err != nil {
		return nil, &convert.Error{File: name, Err: err}
	}
	if len(data) > maxInputLen {
		return nil, &convert.Error{File: name, Err: fmt.Errorf("larger than %d MiB", maxInputLen>>20)}
	}
	if convert.IsPDF(data) {
		return convert.ConvertPDF(name, data, func(d []byte) (*pdftext.Text, error) { return pdfchild.Extract(d, pdfs) })
	}
	return convert.Convert(name, data)
}

// readFile reads a regular file, with errors a user can act on.
func readFile(name string) ([]byte, error) {
	fi, err := os.Stat(name)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, errors.New("no such file")
	case errors.Is(err, os.ErrPermission):
		return nil, errors.New("permission denied")
	case err != nil:
		return nil, err
	case fi.IsDir():
		return nil, errors.New("is a directory (give -o OUTDIR to convert a folder)")
	case fi.Size() > maxInputLen:
		return nil, fmt.Errorf("larger than %d MiB", maxInputLen>>20)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err
		}
	}
	return data, err
}

func printWarnings(w io.Writer, doc *convert.Document) {
	for _, wn := range doc.Warnings {
		fmt.Fprintf(w, "newsclip: %s: warning: %s\n", doc.Source.File, wn)
	}
	for _, a := range doc.Articles {
		for _, wn := range a.Warnings {
			fmt.Fprintf(w, "newsclip: %s: warning: %s\n", doc.Source.File, wn)
		}
	}
}

// writeFormat writes docs in the chosen format to w.
func writeFormat(w io.Writer, opts convertOptions, docs []*convert.Document) error {
	switch opts.To {
	case "json":
		return formats.WriteJSON(w, docs, false)
	case "jsonl":
		return formats.WriteJSON(w, docs, true)
	case "epub":
		eo := formats.EPUBOptions{GroupBy: opts.GroupBy}
		if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
			sec, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return fmt.Errorf("SOURCE_DATE_EPOCH=%q: not a number of seconds", s)
			}
			eo.Modified = time.Unix(sec, 0).UTC()
		}
		return formats.WriteEPUB(w, docs, eo)
	}
	return formats.WriteMarkdown(w, docs)
}

// writeOutput writes docs in the chosen format to stdout or, atomically, to
// opts.Output.
func writeOutput(opts convertOptions, docs []*convert.Document, stdout io.Writer) error {
	write := func(w io.Writer) error { return writeFormat(w, opts, docs) }
	if opts.Output == "" || opts.Output == "-" {
		return write(stdout)
	}
	return writeFileAtomic(opts.Output, write)
}

// tempPattern names the temporary file that becomes base: hidden, and
// recognisable by tempTarget so that a later batch can clean it up.
func tempPattern(base string) string { return "." + base + ".newsclip-*.tmp" }

// tempTarget returns the output a temporary file was for.
func tempTarget(name string) (string, bool) {
	if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".tmp") {
		return "", false
	}
	i := strings.LastIndex(name, ".newsclip-")
	if i < 1 {
		return "", false
	}
	return name[1:i], true
}

// writeFileAtomic writes a file through a temporary file in the same folder
// and renames it into place, so that no reader ever sees half a file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, tempPattern(filepath.Base(path)))
	if err != nil {
		return fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op once renamed
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %v", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
