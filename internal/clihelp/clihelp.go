// Package clihelp writes the help pages of a urfave/cli (v2) application
// without text/template. urfave/cli renders help by parsing its templates
// and running them through reflection on every call: about 0.6 ms, a
// tenth of a whole `newsclip --help`, which should start no slower than
// `pdftotext -v`.
//
// Print writes the same bytes as urfave/cli's default templates for the
// pages it knows: an application's help and a command's help, with a name,
// usage line, version, description, uncategorised commands and flags. A
// page that uses anything else (authors, copyright, usage text, command or
// flag categories, subcommands, a template other than the default one,
// lines long enough for urfave/cli to re-flow) is left to the templates.
// Print does not see a cli.HelpPrinterCustom replaced to wrap lines at a
// width (its "wrapAt"): an application that does so should not install
// Print.
package clihelp

import (
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"
)

// maxLine is the line length at which urfave/cli's default printer
// re-flows text; Print leaves longer lines to it.
const maxLine = 10000

// urfave/cli's default templates, taken before any init of a package
// that imports this one could change cli.AppHelpTemplate or
// cli.CommandHelpTemplate: Print writes only the pages of these.
var (
	appTemplate     = cli.AppHelpTemplate
	commandTemplate = cli.CommandHelpTemplate
)

// Print is a cli.HelpPrinter. Install it with cli.HelpPrinter = Print.
func Print(w io.Writer, templ string, data any) {
	var p page
	ok := false
	switch d := data.(type) {
	case *cli.App:
		ok = templ == appTemplate && p.app(d)
	case *cli.Command:
		ok = templ == commandTemplate && p.command(d)
	}
	if !ok {
		cli.HelpPrinterCustom(w, templ, data, nil)
		return
	}
	// The templates' output goes through the same tab alignment.
	tw := tabwriter.NewWriter(w, 1, 8, 2, ' ', 0)
	_, _ = io.WriteString(tw, p.b.String())
	_ = tw.Flush()
}

// A page is a help page being written.
type page struct {
	b     strings.Builder
	wrapd bool // a line was too long: leave the page to the templates
}

// app writes an application's page (cli.AppHelpTemplate) and reports
// whether it could.
func (p *page) app(a *cli.App) bool {
	if len(a.Authors) > 0 || a.Copyright != "" || a.UsageText != "" || a.ArgsUsage != "" || a.Args ||
		len(a.VisibleFlagCategories()) > 0 || !uncategorised(a.VisibleCategories()) {
		return false
	}
	p.name(a.HelpName, a.Usage)
	p.s("\n\nUSAGE:\n   ", a.HelpName, " ")
	if len(a.VisibleFlags()) > 0 {
		p.s("[global options]")
	}
	if len(a.Commands) > 0 {
		p.s(" command [command options]")
	}
	if a.Version != "" && !a.HideVersion {
		p.s("\n\nVERSION:\n   ", a.Version)
	}
	p.description(a.Description)
	if cmds := a.VisibleCommands(); len(cmds) > 0 {
		p.s("\n\nCOMMANDS:")
		p.commands(cmds)
	}
	if flags := a.VisibleFlags(); len(flags) > 0 {
		p.s("\n\nGLOBAL OPTIONS:")
		p.flags(flags)
	}
	p.s("\n")
	return !p.wrapd
}

// command writes a command's page (cli.CommandHelpTemplate) and reports
// whether it could.
func (p *page) command(c *cli.Command) bool {
	if c.UsageText != "" || c.Args || c.Category != "" ||
		len(c.VisibleFlagCategories()) > 0 {
		return false
	}
	p.name(c.HelpName, c.Usage)
	p.s("\n\nUSAGE:\n   ", c.HelpName)
	flags := c.VisibleFlags()
	if len(flags) > 0 {
		p.s(" [command options]")
	}
	if c.ArgsUsage != "" {
		p.s(" ", c.ArgsUsage)
	}
	p.description(c.Description)
	if len(flags) > 0 {
		p.s("\n\nOPTIONS:")
		p.flags(flags)
	}
	p.s("\n")
	return !p.wrapd
}

// name writes the NAME section: "NAME:\n   newsclip convert - usage".
func (p *page) name(helpName, usage string) {
	p.s("NAME:\n   ", p.wrap(helpName, 3))
	if usage != "" {
		p.s(" - ", p.wrap(usage, len(helpName)+6))
	}
}

func (p *page) description(d string) {
	if d != "" {
		p.s("\n\nDESCRIPTION:\n   ", p.wrap(d, 3))
	}
}

// commands writes one line per command, its names padded to the longest
// names plus two spaces, then its usage.
func (p *page) commands(cmds []*cli.Command) {
	width := 0
	for _, c := range cmds {
		width = max(width, len(strings.Join(c.Names(), ", ")))
	}
	col := width + 5 // the column of the usage, as the template counts it
	for _, c := range cmds {
		names := strings.Join(c.Names(), ", ")
		p.s("\n   ", names, strings.Repeat(" ", col-len(names)-3), p.wrap(c.Usage, col))
	}
}

// flags writes one line per flag: its String form ("--to value, -t
// value\tusage"), whose tab the tabwriter aligns.
func (p *page) flags(flags []cli.Flag) {
	for _, f := range flags {
		p.s("\n   ", p.wrap(f.String(), 6))
	}
}

// wrap indents every non-empty line of s after the first by offset
// spaces, as the templates' wrap does for lines it need not re-flow.
func (p *page) wrap(s string, offset int) string {
	lines := strings.Split(s, "\n")
	pad := strings.Repeat(" ", offset)
	for i, l := range lines {
		if len(l) > maxLine-offset {
			p.wrapd = true
		}
		if i > 0 && l != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}

func (p *page) s(parts ...string) {
	for _, s := range parts {
		p.b.WriteString(s)
	}
}

// uncategorised reports whether every visible command is outside a
// named category.
func uncategorised(cats []cli.CommandCategory) bool {
	for _, c := range cats {
		if c.Name() != "" {
			return false
		}
	}
	return true
}
