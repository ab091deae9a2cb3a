package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/urfave/cli/v2"

	"newsclip/convert"
	"newsclip/formats"
	"newsclip/internal/atomicfile"
	"newsclip/internal/batch"
	"newsclip/internal/clihelp"
	"newsclip/internal/input"
	"newsclip/internal/interrupt"
	"newsclip/internal/pdfchild"
	"newsclip/internal/pdftext"
	"newsclip/internal/suggest"
)

// Help pages are written without urfave/cli's templates, whose parsing
// is a tenth of `newsclip --help`'s time; the text is the same.
func init() { cli.HelpPrinter = clihelp.Print }

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
	defer pdfchild.Close() // the PDF children kept for the run
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
				if s := suggest.Closest(names, name); s != "" {
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
		if s := suggest.Closest(names, name); s != "" {
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

// convertOptions are the settings of one convert run. The zero value
// converts stdin to Markdown on stdout.
type convertOptions struct {
	To       string // a name formats.Lookup knows; "" means md
	Output   string // file (or folder, for a batch) to write; "" or "-" means stdout
	Quiet    bool   // no warnings or progress bar on stderr
	Inputs   []string
	Bundle   bool   // epub: every article of every input in one book
	GroupBy  string // epub navigation: "publication" (default) or "date"
	Jobs     int    // batch workers; 0 means one per CPU
	Split    bool   // batch: one output file per article
	Resume   bool   // batch: skip inputs whose output is newer
	Report   string // batch: JSON Lines report file
	Shard    string // batch: "K/N", convert only shard K (from 0) of N
	MaxInput int64  // bytes read from one input at most; 0 means defaultMaxInput
	PDF      pdfchild.Settings

	format formats.Format // looked up from To
}

func convertCommand() *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert clippings to Markdown, JSON, JSON Lines or EPUB",
		ArgsUsage: "[INPUT ...]  (files or folders; none or - reads stdin)",
		Description: "A folder input converts every file of a kind newsclip reads (" + convert.ExtensionList() + ",\n" +
			"any case) under it into a mirrored tree under -o OUTDIR (same for -o naming an\n" +
			"existing folder, and --split). Formats are recognised by content.",
		OnUsageError: flagError,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "to", Aliases: []string{"t"}, Value: "md", Usage: "output format: " + formats.Names()},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (or folder, for a batch); written to a temporary file, then renamed"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no warnings and no progress bar"},
			&cli.BoolFlag{Name: "bundle", Usage: "epub: put every article of every input into one book"},
			&cli.StringFlag{Name: "group-by", Value: "publication", Usage: "epub navigation: publication or date"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "batch: `N` parallel workers", DefaultText: "number of CPUs"},
			&cli.BoolFlag{Name: "split", Usage: "batch: one output file per article, named from date and headline"},
			&cli.BoolFlag{Name: "resume", Usage: "batch: skip inputs whose output exists and is newer than the input"},
			&cli.StringFlag{Name: "report", Usage: "batch: write one JSON line per input to `FILE`"},
			&cli.StringFlag{Name: "shard", Usage: "batch: convert only the inputs of shard `K/N` (0 <= K < N, by path hash)"},
			&cli.StringFlag{Name: "max-input", Value: "1GiB", Usage: "refuse inputs larger than `SIZE` (bytes, or with KB, MB, GB, KiB, MiB, GiB)"},
			&cli.StringFlag{Name: "password", Usage: "user password of encrypted PDFs (default: the empty password)"},
			&cli.GenericFlag{Name: "pdf-timeout", Value: &pdfchild.Timeout{D: pdfchild.DefaultTimeout}, Usage: "time limit for reading one PDF (a `DURATION` such as 30s or 2m)"},
		},
		Action: func(c *cli.Context) error {
			maxIn, err := input.ParseSize(c.String("max-input"))
			if err != nil {
				return usagef("--max-input %q: %v", c.String("max-input"), err)
			}
			if c.IsSet("group-by") && c.String("to") != "epub" {
				return usagef("convert: --group-by applies to --to epub")
			}
			opts := convertOptions{
				To: c.String("to"), Output: c.String("output"), Quiet: c.Bool("quiet"),
				Inputs: c.Args().Slice(), Bundle: c.Bool("bundle"), GroupBy: c.String("group-by"),
				Jobs: c.Int("jobs"), Split: c.Bool("split"), Resume: c.Bool("resume"),
				Report: c.String("report"), Shard: c.String("shard"), MaxInput: maxIn,
				PDF: pdfchild.Settings{Password: c.String("password"), Timeout: c.Generic("pdf-timeout").(*pdfchild.Timeout).D},
			}
			return runConvert(c.Context, opts, c.App.Reader, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// checkOptions refuses settings that cannot apply, before any work.
func checkOptions(opts *convertOptions) error {
	f, ok := formats.Lookup(opts.To)
	if !ok {
		return usagef("convert: unknown format %q (want %s)", opts.To, formats.Names())
	}
	opts.format = f
	switch opts.GroupBy {
	case "", "publication", "date":
	default:
		return usagef("convert: unknown --group-by %q (want publication or date)", opts.GroupBy)
	}
	if opts.Jobs < 0 {
		return usagef("convert: -j %d: want a positive number", opts.Jobs)
	}
	if len(opts.Inputs) == 0 {
		opts.Inputs = []string{"-"}
	}
	for _, in := range opts.Inputs {
		if strings.HasPrefix(in, "-") && in != "-" {
			return usagef("convert: %s: flags go before the inputs (name a file starting with - as ./%s)", in, in)
		}
	}
	stdins := 0
	for _, in := range opts.Inputs {
		if in == "-" {
			stdins++
		}
	}
	if stdins > 1 {
		return usagef("convert: - (stdin) given %d times; it can be read once", stdins)
	}
	if stdins > 0 && !opts.Bundle && isBatch(*opts) {
		return usagef("convert: - (stdin) cannot be part of a folder batch (-o OUTDIR, --split); convert it on its own")
	}
	if opts.Bundle && f.Name != "epub" {
		return usagef("convert: --bundle needs --to epub")
	}
	batchOnly := ""
	switch {
	case opts.Report != "":
		batchOnly = "--report"
	case opts.Shard != "":
		batchOnly = "--shard"
	case opts.Resume:
		batchOnly = "--resume"
	}
	if batchOnly != "" && (opts.Bundle || !isBatch(*opts)) {
		return usagef("convert: %s applies to folder batches; give a folder input and -o OUTDIR", batchOnly)
	}
	return nil
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
		docs[i], errs[i] = readInput(in, stdin, opts, i == len(opts.Inputs)-1)
	}
	return writeConverted(opts, docs, errs, stdout, stderr)
}

// checkOutputNotInput refuses -o naming a file that is one of the inputs
// (compared by device and inode, so through symlinks and "./" too), stdin
// included: -o /dev/stdin with "-" read from a file would write that file.
func checkOutputNotInput(opts convertOptions) error {
	out, err := os.Stat(opts.Output)
	if err != nil || out.IsDir() {
		return nil
	}
	for _, in := range opts.Inputs {
		var fi os.FileInfo
		if in == "-" {
			fi, err = os.Stdin.Stat()
		} else {
			fi, err = os.Stat(in)
		}
		if err == nil && os.SameFile(out, fi) {
			return usagef("convert: output %s is the input %s; choose another -o", batch.Quote(opts.Output), batch.Quote(in))
		}
	}
	return nil
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
	if fi, err := os.Stat(opts.Output); err == nil && !fi.IsDir() {
		return usagef("convert: -o %s is a file, but a folder input (or --split) writes a folder of outputs: give -o OUTDIR", batch.Quote(opts.Output))
	}
	if _, err := os.Stat(opts.Output); err != nil {
		if f, ok := formats.ForFile(opts.Output); ok {
			hint := ""
			if f.Name == "epub" {
				hint = ", or --bundle to put every article into one EPUB"
			}
			return usagef("convert: -o %s looks like a file, but a folder input writes a folder of outputs: give -o OUTDIR%s", batch.Quote(opts.Output), hint)
		}
	}
	sh, err := batch.ParseShard(opts.Shard)
	if err != nil {
		return usagef("convert: %v", err)
	}
	opts.PDF.Workers = pdfWorkers(opts)
	err = batch.Run(ctx, batch.Options{
		Inputs: opts.Inputs, OutDir: opts.Output, Ext: opts.format.Ext,
		Split: opts.Split, Resume: opts.Resume, Report: opts.Report, Shard: sh,
		Jobs: opts.Jobs, Quiet: opts.Quiet,
		Read: func(path string) (*convert.Document, error) { return readInput(path, nil, opts, false) },
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

// pdfWorkers is the PDF setting Workers for a run that converts
// opts.Inputs on opts.Jobs workers at once (a batch or bundle): the cores
// shared out between as many files as run at once, which is fewer than
// the workers when the inputs are fewer files (and no folder): a file
// named twice, or through a link, is converted once, and stdin is one.
func pdfWorkers(opts convertOptions) int {
	n := cmp.Or(opts.Jobs, batch.DefaultJobs())
	var files []os.FileInfo
	stdin := 0
	for _, in := range opts.Inputs {
		if in == "-" {
			stdin = 1
			continue
		}
		fi, err := os.Stat(in)
		if err != nil || fi.IsDir() {
			return pdfchild.ShareOfCores(n)
		}
		if !slices.ContainsFunc(files, func(f os.FileInfo) bool { return os.SameFile(f, fi) }) {
			files = append(files, fi)
		}
	}
	return pdfchild.ShareOfCores(min(n, max(len(files)+stdin, 1)))
}

// terminal reports whether w is a terminal; tests replace it.
var terminal = isTerminal

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// readInput reads and converts one input; "-" is stdin. PDFs are read in
// a child process (see internal/pdfchild). When the input is the run's
// last, the children are released as soon as its text is out, so that
// their exits overlap its conversion.
func readInput(name string, stdin io.Reader, opts convertOptions, last bool) (*convert.Document, error) {
	limit := opts.MaxInput
	if limit <= 0 {
		limit = defaultMaxInput
	}
	var data []byte
	var err error
	if name == "-" {
		data, err = input.ReadAll(stdin, limit)
	} else if own, ok := pdfchild.OwnBytes(name); ok {
		data, err = input.Check(own, limit) // read once, by the early reading
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
		return convert.ConvertPDF(name, data, func(d []byte) (*pdftext.Text, error) {
			if last {
				return pdfchild.ExtractLast(name, d, opts.PDF)
			}
			return pdfchild.Extract(name, d, opts.PDF)
		})
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
