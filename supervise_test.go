//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
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
	case "progress": // what the reading told the supervisor, and children started
		page, extracting := spawn.Progress()
		fmt.Printf("page %d, extracting %v, children %d\n", page, extracting, childProcesses())
		os.Exit(0)
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
	case "segv": // a signal the Go runtime does not expect
		spawn.SetExtracting(true)
		spawn.SetPage(4)
		syscall.Kill(os.Getpid(), syscall.SIGSEGV)
		select {}
	case "memory": // past the data-size limit the reading set, after it
		crashSink = len(make([]byte, 3<<30))
	case "memory-reading":
		spawn.SetExtracting(true)
		spawn.SetPage(5)
		crashSink = len(make([]byte, 3<<30))
	case "rules": // after the reading
		debug.SetMaxStack(1 << 20)
		crashSink = deep(1)
	}
}

var crashSink int

// childProcesses counts this process's children (Linux).
func childProcesses() int {
	n := 0
	tasks, _ := filepath.Glob("/proc/self/task/*/children")
	for _, f := range tasks {
		b, _ := os.ReadFile(f)
		n += len(strings.Fields(string(b)))
	}
	return n
}

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
	if !supervisedBuild {
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
		{"memory", pdf + ": the run exceeded the memory limit (2048 MiB): the file is too large to read"},
		{"memory-reading", pdf + ": page 5: extraction exceeded the memory limit (2048 MiB): the file is too large to read"},
		{"rules", pdf + ": internal error: fatal error: stack overflow"},
		{"segv", pdf + ": page 4: damaged PDF: extraction crashed"},
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

// TestSupervisedSignal: signals sent to a supervised run (its supervisor,
// the process its parent started) reach the run that reads the PDF: one
// the Go runtime ignores is ignored, SIGTERM stops it with the shell's
// code for it and its own message, and no crash is reported.
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
	// One the Go runtime ignores, as the run then does; SIGTERM stops it.
	cmd.Process.Signal(syscall.SIGUSR1)
	time.Sleep(100 * time.Millisecond)
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
	if ee.ExitCode() != 143 || stderr.String() != "newsclip: stopped by terminated\n" {
		t.Errorf("%v, want exit code 143 and the run's own message; stderr:\n%s", err, stderr.Bytes())
	}
}

// TestSupervisedReadsInProcess: a supervised run reads its PDF in its own
// process, starting no extraction child, and tells its supervisor the
// pages it reads.
func TestSupervisedReadsInProcess(t *testing.T) {
	supervised(t)
	pdf := filepath.Join(t.TempDir(), "two.pdf")
	col := pdfgen.Columns(1, "Harbour Gazette", []string{"The harbour board met on Monday."})
	os.WriteFile(pdf, pdfgen.Build([][]pdfgen.Run{col, col}), 0o644)
	cmd := newsclipCmd("convert", pdf)
	cmd.Env = append(cmd.Env, "NEWSCLIP_TEST_CRASH=progress")
	out, err := cmd.Output()
	if got, want := string(out), "page 2, extracting false, children 0\n"; err != nil || got != want {
		t.Errorf("%q (%v), want %q", out, err, want)
	}
}

// TestSupervisedKeepsStreams: a supervised run writes its messages to the
// standard error it was given, in order with its output (a warning before
// the text it is about, on one stream for both), and works when started
// with SIGCHLD ignored (which a shell's trap can leave to its children).
func TestSupervisedKeepsStreams(t *testing.T) {
	supervised(t)
	pdf := filepath.Join(t.TempDir(), "damaged.pdf")
	data := pdfgen.Build([][]pdfgen.Run{pdfgen.Columns(1, "Harbour Gazette", []string{"The harbour board met on Monday."})})
	i := bytes.LastIndex(data, []byte("startxref"))
	data = append(data[:i:i], "startxref\n9\n%%EOF\n"...) // the table is rebuilt, with a warning
	os.WriteFile(pdf, data, 0o644)
	for _, shell := range []string{"", `trap "" CHLD; exec "$@"`} {
		var cmd *exec.Cmd
		if shell == "" {
			cmd = newsclipCmd("convert", "--to", "jsonl", pdf)
		} else {
			bash, err := exec.LookPath("bash") // dash resets an ignored SIGCHLD at exec
			if err != nil {
				t.Log("no bash: SIGCHLD ignored not tried")
				continue
			}
			cmd = newsclipCmd()
			cmd.Path, cmd.Args = bash, []string{"bash", "-c", shell, "bash", os.Args[0], "convert", "--to", "jsonl", pdf}
		}
		var both bytes.Buffer
		cmd.Stdout, cmd.Stderr = &both, &both
		if err := cmd.Run(); err != nil {
			t.Fatalf("%q: %v; output:\n%s", shell, err, both.Bytes())
		}
		lines := strings.Split(strings.TrimSpace(both.String()), "\n")
		if len(lines) < 2 || !strings.HasPrefix(lines[0], "newsclip: "+pdf+": warning: rebuilt") || !strings.HasPrefix(lines[len(lines)-1], "{") {
			t.Errorf("%q: warning, then the text, wanted:\n%s", shell, both.Bytes())
		}
	}
}

// TestSupervisedFlags: the supervisor knows every flag of convert, so
// that a run converting one PDF is supervised whichever it gives.
func TestSupervisedFlags(t *testing.T) {
	supervised(t)
	// A batch, a bundle, a password: see unsupervisedFlags (C).
	unsupervised := map[string]bool{"split": true, "bundle": true, "resume": true, "report": true, "shard": true, "password": true}
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
			want := "page.pdf"
			if unsupervised[f.Names()[0]] {
				want = ""
			}
			if got := spawn.SupervisedInput(args); got != want {
				t.Errorf("%q: the supervisor takes %q, want %q", args, got, want)
			}
		}
	}
}
