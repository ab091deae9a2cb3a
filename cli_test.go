package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/urfave/cli/v2"

	"newsclip/internal/clihelp"
)

// TestExitCodes checks the documented exit status of each outcome.
func TestExitCodes(t *testing.T) {
	const good = "testdata/sample-clipping.txt"
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"ok", []string{"convert", good}, 0},
		{"help", []string{"--help"}, 0},
		{"version", []string{"--version"}, 0},
		{"empty input", []string{"convert", empty}, 1},
		{"missing file", []string{"convert", filepath.Join(dir, "nope.txt")}, 1},
		{"directory", []string{"convert", dir}, 1},
		{"one bad among good", []string{"convert", good, empty}, 1},
		{"unknown format", []string{"convert", "--to", "docx", good}, 2},
		{"unknown flag", []string{"convert", "--bogus", good}, 2},
		{"unknown command", []string{"frobnicate"}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			got := run(append([]string{"newsclip"}, tc.args...), strings.NewReader(""), &out, &errb)
			if got != tc.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", got, tc.want, errb.String())
			}
			var errLines []string
			for _, l := range strings.Split(strings.TrimSpace(errb.String()), "\n") {
				if !strings.Contains(l, ": warning: ") {
					errLines = append(errLines, l)
				}
			}
			if got == 1 && len(errLines) != 1 {
				t.Errorf("want one line on stderr, got:\n%s", errb.String())
			}
		})
	}
}

// requireTool returns the path of an outside tool, or skips the test when
// it is missing, unless NEWSCLIP_REQUIRE_TOOLS=1 (CI) makes that a failure.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("NEWSCLIP_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (NEWSCLIP_REQUIRE_TOOLS=1) but not installed", name)
		}
		t.Skipf("%s not installed; skipping (set NEWSCLIP_REQUIRE_TOOLS=1 to require it)", name)
	}
	return p
}

// pandocText flattens pandoc's JSON for a metadata value into plain text.
func pandocText(v any) string {
	switch v := v.(type) {
	case map[string]any:
		switch v["t"] {
		case "Str":
			return v["c"].(string)
		case "Space", "SoftBreak":
			return " "
		case "Quoted":
			c := v["c"].([]any)
			q := `"`
			if c[0].(map[string]any)["t"] == "SingleQuote" {
				q = "'"
			}
			return q + pandocText(c[1]) + q
		}
		return pandocText(v["c"])
	case []any:
		var b strings.Builder
		for _, x := range v {
			if b.Len() > 0 && len(v) > 0 {
				if m, ok := x.(map[string]any); ok && (m["t"] == "MetaInlines" || m["t"] == "MetaString") {
					b.WriteString("; ")
				}
			}
			b.WriteString(pandocText(x))
		}
		return b.String()
	case string:
		return v
	}
	return ""
}

// TestPandocReadsFrontMatter converts clippings to Markdown and has pandoc
// read them back: title, authors and publisher must be what the JSON says.
func TestPandocReadsFrontMatter(t *testing.T) {
	pandoc := requireTool(t, "pandoc")
	inputs, _ := filepath.Glob("testdata/convert/*.txtar")
	inputs = append(inputs, "testdata/sample-clipping.txt")
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src := in
			if strings.HasSuffix(in, ".txtar") {
				src = extractInput(t, in)
			}
			var md, js, errb bytes.Buffer
			if code := run([]string{"newsclip", "convert", "-q", src}, nil, &md, &errb); code != 0 {
				t.Skipf("input does not convert: %s", errb.String())
			}
			run([]string{"newsclip", "convert", "-q", "--to", "json", src}, nil, &js, &errb)
			var arts []struct {
				Headline    *string
				Publication *string
				Authors     []struct{ Name, Agency *string }
			}
			if err := json.Unmarshal(js.Bytes(), &arts); err != nil {
				t.Fatal(err)
			}
			// pandoc merges the metadata of several articles: check one.
			first, _, _ := strings.Cut(md.String(), "\n* * *\n")
			cmd := exec.Command(pandoc, "-f", "markdown", "-t", "json")
			cmd.Stdin = strings.NewReader(first)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("pandoc: %v", err)
			}
			var doc struct{ Meta map[string]any }
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatal(err)
			}
			a := arts[0]
			check := func(key string, want *string) {
				got := pandocText(doc.Meta[key])
				w := ""
				if want != nil {
					w = *want
				}
				// pandoc's "smart" extension curls straight quotes.
				got = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(got)
				w = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(w)
				if got != w {
					t.Errorf("pandoc %s = %q, want %q", key, got, w)
				}
			}
			check("title", a.Headline)
			check("publisher", a.Publication)
			var names []string
			for _, p := range a.Authors {
				if p.Name != nil {
					names = append(names, *p.Name)
				} else if p.Agency != nil {
					names = append(names, *p.Agency)
				}
			}
			joined := strings.Join(names, "; ")
			check("author", &joined)
		})
	}
}

// extractInput writes the input file of a golden txtar (the first file
// named input.*) to a temp dir, under its own name.
func extractInput(t *testing.T, file string) string {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "input") {
			p := filepath.Join(t.TempDir(), f.Name)
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	t.Fatalf("%s: no input file", file)
	return ""
}

// TestEPUBRefusesTerminal: an EPUB is never written to a terminal; -o or a
// redirection is needed.
func TestEPUBRefusesTerminal(t *testing.T) {
	defer func(f func(io.Writer) bool) { terminal = f }(terminal)
	terminal = func(io.Writer) bool { return true }
	var out, errb bytes.Buffer
	code := run([]string{"newsclip", "convert", "--to", "epub", "testdata/sample-clipping.txt"}, nil, &out, &errb)
	if code != exitUsage || out.Len() != 0 || !strings.Contains(errb.String(), "refusing to write an EPUB to a terminal") {
		t.Errorf("exit %d, %d bytes out, stderr %q", code, out.Len(), errb.String())
	}
	// To a file it is fine even then.
	code = run([]string{"newsclip", "convert", "-q", "--to", "epub", "-o", filepath.Join(t.TempDir(), "a.epub"), "testdata/sample-clipping.txt"}, nil, &out, &errb)
	if code != 0 {
		t.Errorf("with -o: exit %d: %s", code, errb.String())
	}
}

// TestHelpSameAsTemplates checks that newsclip's help pages (--help and
// each command's) are the text urfave/cli's templates would write: the
// printer that replaces them (for start-up time) changes no byte.
func TestHelpSameAsTemplates(t *testing.T) {
	if err := clihelp.Check(func() *cli.App { return newApp(nil, io.Discard, io.Discard) }); err != nil {
		t.Error(err)
	}
}

// TestPDFWorkers: a batch or bundle shares the cores out between the
// files it converts at once: its workers, or fewer when the inputs are
// fewer files (a file named twice or through a link once, stdin one); a
// folder counts as many.
func TestPDFWorkers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
	t.Setenv("NEWSCLIP_JOBS", "8")
	dir := t.TempDir()
	var files []string
	for i := range 3 {
		f := filepath.Join(dir, fmt.Sprintf("%d.pdf", i))
		if err := os.WriteFile(f, []byte("%PDF-1.4\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(files[0], link); err != nil {
		t.Skip(err)
	}
	for _, c := range []struct {
		jobs   int
		inputs []string
		want   int
	}{
		{0, files[:1], 8},
		{0, files[:2], 4},
		{0, files, 2},
		{2, files, 4},
		{0, []string{dir}, 1},
		{2, []string{dir}, 4},
		{0, []string{files[0], dir}, 1},
		{0, []string{"-"}, 8},
		{0, []string{files[0], "-"}, 4},
		{0, []string{files[0], files[0]}, 8},
		{0, []string{files[0], link}, 8},
		{0, []string{filepath.Join(dir, "missing.pdf")}, 1},
	} {
		if got := pdfWorkers(convertOptions{Jobs: c.jobs, Inputs: c.inputs}); got != c.want {
			t.Errorf("-j %d %v: %d workers a PDF, want %d", c.jobs, c.inputs, got, c.want)
		}
	}
}

// TestManPagesNotBuiltIn checks that go.mod's stand-in for urfave/cli's man
// page renderer is the one linked (see internal/nomanpages): a man page
// asked of the App panics with its message. Were the replace dropped, the
// real renderer would answer, and every run would initialise the Markdown
// library behind it again (some 3 ms of each run's start).
func TestManPagesNotBuiltIn(t *testing.T) {
	defer func() {
		r := recover()
		if msg, _ := r.(string); !strings.Contains(msg, "man pages are not built in") {
			t.Errorf("ToMan: recovered %v, want the stand-in's panic", r)
		}
	}()
	man, err := newApp(nil, io.Discard, io.Discard).ToMan()
	t.Errorf("ToMan returned %d bytes, %v; want a panic", len(man), err)
}
