package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"newsclip/convert"
	"newsclip/formats"
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
	app := newApp(stdin, stdout, stderr)
	err := app.Run(args)
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
	To     string // md, json or jsonl; "" means md
	Output string // file to write; "" or "-" means stdout
	Quiet  bool   // no warnings on stderr
	Inputs []string
}

func convertCommand() *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert clippings to Markdown, JSON or JSON Lines",
		ArgsUsage: "[INPUT ...]  (none or - reads stdin)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "to", Aliases: []string{"t"}, Value: "md", Usage: "output format: md, json or jsonl"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (written to a temporary file, then renamed) instead of stdout"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "do not print warnings"},
		},
		Action: func(c *cli.Context) error {
			opts := convertOptions{
				To: c.String("to"), Output: c.String("output"), Quiet: c.Bool("quiet"),
				Inputs: c.Args().Slice(),
			}
			return runConvert(opts, c.App.Reader, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runConvert(opts convertOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	switch opts.To {
	case "", "md", "markdown":
		opts.To = "md"
	case "json", "jsonl":
	default:
		return fmt.Errorf("convert: unknown format %q (want md, json or jsonl)", opts.To)
	}
	if len(opts.Inputs) == 0 {
		opts.Inputs = []string{"-"}
	}
	var docs []*convert.Document
	failed := 0
	for _, in := range opts.Inputs {
		doc, err := readInput(in, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "newsclip: %v\n", err)
			failed++
			continue
		}
		if !opts.Quiet {
			printWarnings(stderr, doc)
		}
		docs = append(docs, doc)
	}
	if len(docs) > 0 {
		if err := writeOutput(opts, docs, stdout); err != nil {
			fmt.Fprintf(stderr, "newsclip: %v\n", err)
			return errFailed
		}
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}

// readInput reads and converts one input; "-" is stdin.
func readInput(name string, stdin io.Reader) (*convert.Document, error) {
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

// writeOutput writes docs in the chosen format to stdout or, atomically, to
// opts.Output.
func writeOutput(opts convertOptions, docs []*convert.Document, stdout io.Writer) error {
	write := func(w io.Writer) error {
		switch opts.To {
		case "json":
			return formats.WriteJSON(w, docs, false)
		case "jsonl":
			return formats.WriteJSON(w, docs, true)
		}
		return formats.WriteMarkdown(w, docs)
	}
	if opts.Output == "" || opts.Output == "-" {
		return write(stdout)
	}
	return writeFileAtomic(opts.Output, write)
}

// writeFileAtomic writes a file through a temporary file in the same folder
// and renames it into place, so that no reader ever sees half a file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
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
