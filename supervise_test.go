package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/urfave/cli/v2"

	"newsclip/internal/pdfchild"
	"newsclip/internal/pdfchild/spawn"
	"newsclip/internal/pdfgen"
)

// init crashes a supervised run of this binary as NEWSCLIP_TEST_CRASH
// says, once its PDF has been read in the process (see pdfchild's
// self.go): the Go runtime's fatal errors and a panic nobody recovers,
// which no recover in the program can turn into an error.
func init() {
	hook := os.Getenv("NEWSCLIP_TEST_CRASH")
	if hook == "" || !spawn.Supervised() {
		return
	}
	name := spawn.FirstPDF(os.Args)
	data, _ := os.ReadFile(name)
	pdfchild.ExtractLast(name, data, pdfchild.Settings{}) // waits for the reading
	switch hook {
	case "stack": // while a page is read
		spawn.SetExtracting(true)
		spawn.SetPage(2)
		debug.SetMaxStack(1 << 20)
		crashSink = deep(1)
	case "panic":
		spawn.SetExtracting(true)
		spawn.SetPage(3)
		go func() { panic("test: nobody recovers this") }()
		select {}
	case "memory": // past the data-size limit the reading set
		crashSink = len(make([]byte, 3<<30))
	case "rules": // after the reading
		debug.SetMaxStack(1 << 20)
		crashSink = deep(1)
	}
}

var crashSink int

// deep recurses until the stack's limit ends the process.
func deep(n int) int {
	if n < 0 { // never: n counts up from 1
		return 0
	}
	var pad [256]byte
	pad[n%256] = byte(n)
	return deep(n+1) + int(pad[n*7%256])
}

// supervised skips a test where no run is supervised (off Linux, or built
// without cgo).
func supervised(t *testing.T) {
	if spawn.SupervisedInput([]string{"newsclip", "convert", "page.pdf"}) == "" {
		t.Skip("no supervisor in this build")
	}
}

// TestSupervisedCrash: a supervised run that crashes ends with one line
// naming the file, and the page while a page was read, exit code 1,
// as a crashed extraction child's run does, not with the Go runtime's
// report.
func TestSupervisedCrash(t *testing.T) {
	supervised(t)
	pdf := filepath.Join(t.TempDir(), "page.pdf")
	os.WriteFile(pdf, pdfgen.Build([][]pdfgen.Run{pdfgen.Columns(1, "Harbour Gazette", []string{"The harbour board met on Monday."})}), 0o644)
	for _, tc := range []struct{ hook, want string }{
		{"stack", pdf + ": page 2: damaged PDF: extraction crashed"},
		{"panic", pdf + ": page 3: damaged PDF: extraction crashed"},
		{"memory", pdf + ": extraction exceeded the memory limit (2048 MiB): the file is too large to read"},
		{"rules", pdf + ": internal error: fatal error: stack overflow"},
	} {
		cmd := newsclipCmd("convert", "--to", "jsonl", pdf)
		cmd.Env = append(cmd.Env, "NEWSCLIP_TEST_CRASH="+tc.hook)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			t.Errorf("%s: %v, want exit code 1; stderr:\n%s", tc.hook, err, stderr.Bytes())
		}
		if got, want := stderr.String(), "newsclip: "+tc.want+"\n"; got != want {
			t.Errorf("%s: stderr\n%q\nwant\n%q", tc.hook, got, want)
		}
		if stdout.Len() > 0 {
			t.Errorf("%s: output %q after a crash", tc.hook, stdout.Bytes())
		}
	}
}

// TestSupervisedPassesThrough: a supervised run that does not crash gives
// its own exit code and standard error: a usage error stays one (2), a
// file that fails stays 1, each with its own message.
func TestSupervisedPassesThrough(t *testing.T) {
	supervised(t)
	dir := t.TempDir()
	damaged := filepath.Join(dir, "damaged.pdf")
	os.WriteFile(damaged, []byte("%PDF-1.4\nnot a PDF body\n"), 0o644)
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"convert", "--to", "xyz", damaged}, 2, "newsclip: convert: unknown format \"xyz\""},
		{[]string{"convert", damaged}, 1, "newsclip: " + damaged + ": "},
	} {
		cmd := newsclipCmd(tc.args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != tc.code {
			t.Errorf("%q: %v, want exit code %d; stderr:\n%s", tc.args, err, tc.code, stderr.Bytes())
		}
		if s := stderr.String(); !strings.HasPrefix(s, tc.stderr) || strings.Count(s, "\n") != 1 || strings.Contains(s, "crashed") {
			t.Errorf("%q: stderr %q, want one line starting %q", tc.args, s, tc.stderr)
		}
	}
}

// TestSupervisedSignal: SIGTERM sent to a supervised run (its supervisor,
// the process its parent started) stops the run that reads the PDF, with
// the shell's code for it, and reports no crash.
func TestSupervisedSignal(t *testing.T) {
	supervised(t)
	pdf := filepath.Join(t.TempDir(), "hang.pdf")
	os.WriteFile(pdf, hangingPDF(), 0o644)
	cmd := newsclipCmd("convert", "--pdf-timeout", "60s", pdf)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	start := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the run took %v to stop", d)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("%v, want the run stopped; stderr:\n%s", err, stderr.Bytes())
	}
	ws := ee.Sys().(syscall.WaitStatus)
	if !(ws.Exited() && ws.ExitStatus() == 143 || ws.Signaled() && ws.Signal() == syscall.SIGTERM) {
		t.Errorf("%v, want exit code 143 or death by SIGTERM; stderr:\n%s", err, stderr.Bytes())
	}
	if strings.Contains(stderr.String(), "crashed") {
		t.Errorf("stderr %q reports a crash", stderr.Bytes())
	}
}

// TestSupervisedFlags: the supervisor knows every flag of convert, so
// that a run converting one PDF is supervised whichever it gives.
func TestSupervisedFlags(t *testing.T) {
	supervised(t)
	for _, f := range convertCommand().Flags {
		for _, name := range f.Names() {
			dash := "--"
			if len(name) == 1 {
				dash = "-"
			}
			args := []string{"newsclip", "convert", dash + name}
			if _, isBool := f.(*cli.BoolFlag); !isBool {
				args = append(args, "value")
			}
			args = append(args, "page.pdf")
			if got := spawn.SupervisedInput(args); got != "page.pdf" {
				t.Errorf("%q: the supervisor takes %q, want page.pdf", args, got)
			}
		}
	}
}
