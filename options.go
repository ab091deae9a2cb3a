package main

// The convert command's flags, the options they make and the checks that
// refuse options which cannot apply, before any work (usage errors: exit
// code 2).

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"newsclip/convert"
	"newsclip/formats"
	"newsclip/internal/batch"
	"newsclip/internal/input"
	"newsclip/internal/pdfchild"
)

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

// checkOutputNotInput refuses -o naming a file that is one of the inputs
// (compared by device and inode, so through symlinks and "./" too).
func checkOutputNotInput(opts convertOptions) error {
	out, err := os.Stat(opts.Output)
	if err != nil || out.IsDir() {
		return nil
	}
	for _, in := range opts.Inputs {
		if fi, err := os.Stat(in); in != "-" && err == nil && os.SameFile(out, fi) {
			return usagef("convert: output %s is the input %s; choose another -o", batch.Quote(opts.Output), batch.Quote(in))
		}
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

// checkOutDir refuses an -o that names a file for a batch's folder of
// outputs: an existing file ("-o notes.txt"), or a path that does not
// exist yet but ends like an output file ("-o all.epub").
func checkOutDir(out string) error {
	if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
		return usagef("convert: -o %s is a file, but a folder input (or --split) writes a folder of outputs: give -o OUTDIR", batch.Quote(out))
	}
	if _, err := os.Stat(out); err != nil {
		if f, ok := formats.ByExt(filepath.Ext(out)); ok {
			hint := ""
			if f.Name == "epub" {
				hint = ", or --bundle to put every article into one EPUB"
			}
			return usagef("convert: -o %s looks like a file, but a folder input writes a folder of outputs: give -o OUTDIR%s", batch.Quote(out), hint)
		}
	}
	return nil
}
