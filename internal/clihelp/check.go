package clihelp

import (
	"bytes"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

// Check runs a new app from newApp for each of its help pages (the app's
// and each command's: "APP --help", "APP COMMAND --help") twice, once
// with Print and once with urfave/cli's templates, and returns an error
// naming the first page where their text differs or is empty. It is for
// tests (like testing/fstest): it replaces cli.HelpPrinter while it runs,
// so it must not run beside other users of the package.
func Check(newApp func() *cli.App) error {
	pages := [][]string{{"--help"}}
	for _, c := range newApp().Commands {
		pages = append(pages, []string{c.Name, "--help"})
	}
	for _, args := range pages {
		want, err := render(newApp, templates, args)
		if err != nil {
			return err
		}
		got, err := render(newApp, Print, args)
		if err != nil {
			return err
		}
		if got != want {
			return fmt.Errorf("%q: Print wrote\n%s\nthe templates write\n%s", args, got, want)
		}
		if len(want) < len("NAME:\n   x\n\nUSAGE:\n   x\n") {
			return fmt.Errorf("%q: a help page of %d bytes: %q", args, len(want), want)
		}
	}
	return nil
}

// templates is urfave/cli's own printer: the text Print must match.
func templates(w io.Writer, templ string, data any) { cli.HelpPrinterCustom(w, templ, data, nil) }

// render runs a new app with args and printer installed and returns what
// it wrote.
func render(newApp func() *cli.App, printer func(io.Writer, string, any), args []string) (string, error) {
	old := cli.HelpPrinter
	defer func() { cli.HelpPrinter = old }()
	cli.HelpPrinter = printer
	var out bytes.Buffer
	app := newApp()
	app.Writer, app.ErrWriter = &out, io.Discard
	if err := app.Run(append([]string{app.Name}, args...)); err != nil {
		return "", fmt.Errorf("%q: %v", args, err)
	}
	return out.String(), nil
}
