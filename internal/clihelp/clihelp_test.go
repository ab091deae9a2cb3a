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
			&cli.StringFlag{Name: "log", Usage: "where to log:\nstderr or a file\n\n(one per run)"},
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
	for name, f := range fallbacks {
		t.Run(name, func(t *testing.T) {
			check(t, func() *cli.App { a := fullApp(); f.change(a); return a })
		})
	}
}

// fallbacks are apps (fullApp changed) with a page that Print must leave
// to the templates: each uses one thing Print does not write itself.
var fallbacks = map[string]struct {
	change func(*cli.App)
	page   string // the arguments that show the page
}{
	"authors":           {func(a *cli.App) { a.Authors = []*cli.Author{{Name: "A. Writer"}} }, "--help"},
	"copyright":         {func(a *cli.App) { a.Copyright = "(c) the writers" }, "--help"},
	"app usage text":    {func(a *cli.App) { a.UsageText = "tool [flags] FILE" }, "--help"},
	"app args usage":    {func(a *cli.App) { a.ArgsUsage = "FILE" }, "--help"},
	"app args":          {func(a *cli.App) { a.Args = true }, "--help"},
	"app flag category": {func(a *cli.App) { a.Flags[0].(*cli.BoolFlag).Category = "output" }, "--help"},
	"command category":  {func(a *cli.App) { a.Commands[1].Category = "files" }, "--help"},
	"long description":  {func(a *cli.App) { a.Description = strings.Repeat("word ", 2001) }, "--help"},
	// 9,998 bytes: over the 9,997 urfave/cli leaves as they are after
	// the indent of three, under its 10,000.
	"description at the limit": {func(a *cli.App) { a.Description = strings.Repeat("ab ", 3332) + "ab" }, "--help"},
	"long command usage":       {func(a *cli.App) { a.Commands[1].Usage = strings.Repeat("word ", 2001) }, "--help"},
	"command usage text":       {func(a *cli.App) { a.Commands[0].UsageText = "tool convert FILE" }, "convert --help"},
	"command args":             {func(a *cli.App) { a.Commands[0].Args = true }, "convert --help"},
	"command in category":      {func(a *cli.App) { a.Commands[0].Category = "files" }, "convert --help"},
	"command flag category": {func(a *cli.App) { a.Commands[0].Flags[0].(*cli.IntFlag).Category = "speed" },
		"convert --help"},
	"long usage line": {func(a *cli.App) { a.Commands[0].Usage = strings.Repeat("word ", 2001) }, "convert --help"},
}

// TestPrintFallsBack checks that Print writes the pages it knows itself
// and hands each page of fallbacks, and a page of a changed default
// template, to the templates (cli.HelpPrinterCustom, made to write a
// mark here).
func TestPrintFallsBack(t *testing.T) {
	old := cli.HelpPrinterCustom
	defer func() { cli.HelpPrinterCustom = old }()
	cli.HelpPrinterCustom = func(w io.Writer, _ string, _ any, _ map[string]any) { io.WriteString(w, "TEMPLATES") }
	for args, want := range map[string]string{"--help": "--config FILE", "convert --help": "--jobs N, -j N"} {
		got := helpWith(t, fullApp, Print, strings.Fields(args)...)
		if !strings.Contains(got, "NAME:") || !strings.Contains(got, want) {
			t.Errorf("%v: Print wrote %q", args, got)
		}
	}
	for name, f := range fallbacks {
		newApp := func() *cli.App { a := fullApp(); f.change(a); return a }
		if got := helpWith(t, newApp, Print, strings.Fields(f.page)...); got != "TEMPLATES" {
			t.Errorf("%s: Print wrote %q itself, want the page left to the templates", name, got)
		}
	}
	for which, tmpl := range map[string]*string{"--help": &cli.AppHelpTemplate, "convert --help": &cli.CommandHelpTemplate} {
		saved := *tmpl
		*tmpl = "CUSTOM {{.Name}}\n"
		for _, args := range []string{"--help", "convert --help"} {
			got := helpWith(t, fullApp, Print, strings.Fields(args)...)
			if custom := args == which; custom != (got == "TEMPLATES") {
				t.Errorf("%s, the template of %q changed: Print wrote %q", args, which, got)
			}
		}
		*tmpl = saved
	}
}
