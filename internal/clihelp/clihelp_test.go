package clihelp

import (
	"io"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// helpWith runs app with args and printer installed and returns what it
// wrote.
func helpWith(t *testing.T, newApp func() *cli.App, printer func(io.Writer, string, any), args ...string) string {
	t.Helper()
	got, err := render(newApp, printer, args)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// fullApp uses everything Print writes itself: a version, a description
// of several lines with an empty one, commands with aliases and names of
// different lengths, flags with aliases, placeholders, defaults and tabs
// to align.
func fullApp() *cli.App {
	return &cli.App{
		Name:        "tool",
		Usage:       "does a thing\nand another",
		Version:     "1.2.3",
		Description: "First line of the description,\nsecond line.\n\nA paragraph after an empty line.",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"V"}, Usage: "say more"},
			&cli.StringFlag{Name: "config", Usage: "read `FILE`", Value: "tool.conf"},
		},
		Commands: []*cli.Command{
			{
				Name: "convert", Aliases: []string{"c", "conv"}, Usage: "convert files",
				ArgsUsage:   "[INPUT ...]",
				Description: "Converts each input.\nFolders too.",
				Flags: []cli.Flag{
					&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "`N` workers", DefaultText: "all CPUs"},
					&cli.StringFlag{Name: "to", Value: "md", Usage: "output format"},
					&cli.BoolFlag{Name: "q", Usage: "quiet"},
				},
				Action: func(*cli.Context) error { return nil },
			},
			{Name: "ls", Usage: "list", Action: func(*cli.Context) error { return nil }},
			{Name: "hidden", Hidden: true, Action: func(*cli.Context) error { return nil }},
		},
	}
}

func TestPrintSameAsTemplates(t *testing.T) {
	check := func(t *testing.T, newApp func() *cli.App) {
		if err := Check(newApp); err != nil {
			t.Error(err)
		}
	}
	t.Run("full", func(t *testing.T) { check(t, fullApp) })
	t.Run("bare", func(t *testing.T) {
		check(t, func() *cli.App {
			return &cli.App{Name: "bare", HideVersion: true, Commands: []*cli.Command{{Name: "go"}}}
		})
	})
	// Pages Print leaves to the templates: the same text, from them.
	t.Run("fallback", func(t *testing.T) {
		check(t, func() *cli.App {
			a := fullApp()
			a.Authors = []*cli.Author{{Name: "A. Writer", Email: "a@example.org"}}
			a.Copyright = "(c) the writers"
			a.Commands[0].Category = "files"
			a.Commands[0].Flags[0].(*cli.IntFlag).Category = "speed"
			a.Commands[1].Usage = strings.Repeat("long ", 3000)
			return a
		})
	})
}

// TestPrintWritesItself checks that Print does not hand the pages it
// knows to the templates: with them made to write nothing, the page is
// still written.
func TestPrintWritesItself(t *testing.T) {
	old := cli.HelpPrinterCustom
	defer func() { cli.HelpPrinterCustom = old }()
	cli.HelpPrinterCustom = func(io.Writer, string, any, map[string]any) {}
	for args, want := range map[string]string{"--help": "--config FILE", "convert --help": "--jobs N, -j N"} {
		got := helpWith(t, fullApp, Print, strings.Fields(args)...)
		if !strings.Contains(got, "NAME:") || !strings.Contains(got, want) {
			t.Errorf("%v: Print wrote %q", args, got)
		}
	}
	a := fullApp()
	a.Copyright = "(c) the writers"
	if got := helpWith(t, func() *cli.App { return a }, Print, "--help"); got != "" {
		t.Errorf("a page with a copyright: Print wrote %q itself, want it left to the templates", got)
	}
}
