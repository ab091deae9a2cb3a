package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"newsclip/internal/pdfchild"
)

// TestChildSkipsParentInit: a PDF extraction child serves from
// pdfchild's initialisation, before the packages only the parent uses are
// initialised (convert, the HTML reader, the CLI), whose initialisation
// a small PDF would otherwise wait for; it still exits cleanly when its
// stdin ends.
func TestChildSkipsParentInit(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	cmd := exec.Command(exe, pdfchild.Command)
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	cmd.Stdin = strings.NewReader("") // no request: the child exits
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("child: %v\n%s", err, stderr.String())
	}
	trace := stderr.String()
	if !strings.Contains(trace, "init newsclip/internal/pdftext ") {
		t.Fatalf("no init trace of the reader the child needs:\n%s", trace)
	}
	for _, pkg := range []string{"newsclip/convert", "codeberg.org/readeck/go-readability/v2", "github.com/urfave/cli/v2", "main"} {
		if strings.Contains(trace, "init "+pkg+" ") {
			t.Errorf("the child initialised %s, which only the parent uses", pkg)
		}
	}
}
