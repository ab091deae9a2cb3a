//go:build unix

package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeString is a write function for Write that writes s.
func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// readFIFO starts reading the named pipe path to its end; the returned
// function gives what was read, or fails the test when nothing came
// within 10 s (a writer that never opened the pipe).
func readFIFO(t *testing.T, path string) func() string {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		b, err := os.ReadFile(path)
		if err != nil {
			got <- "error: " + err.Error()
			return
		}
		got <- string(b)
	}()
	return func() string {
		t.Helper()
		select {
		case s := <-got:
			return s
		case <-time.After(10 * time.Second):
			t.Fatal("the pipe's reader got nothing within 10 s")
			return ""
		}
	}
}

// pipeTarget makes a named pipe called name in a temporary folder and
// starts its reader (see readFIFO); it skips the test where pipes cannot
// be made.
func pipeTarget(t *testing.T, name string) (dir, fifo string, got func() string) {
	t.Helper()
	dir = t.TempDir()
	fifo = filepath.Join(dir, name)
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	return dir, fifo, readFIFO(t, fifo)
}

// TestWriteThroughPipe: a named pipe as the target (as bash's
// -o >(gzip >x) names one) stays a pipe, and its reader gets the output;
// a rename over it would have left a regular file and the reader nothing.
func TestWriteThroughPipe(t *testing.T) {
	dir, fifo, got := pipeTarget(t, "out.md")
	if err := Write(fifo, writeString("# Headline\n")); err != nil {
		t.Fatal(err)
	}
	if s := got(); s != "# Headline\n" {
		t.Errorf("reader got %q", s)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("target is no longer a named pipe: %v, %v", fi.Mode(), err)
	}
	noTemps(t, dir)
}

// TestWriteToDevice: a character device as the target (/dev/null) stays
// the device (run as root, a rename used to replace the system's
// /dev/null with a regular file; as anyone else, it failed). The device
// is a /dev/null made in a temporary folder, so that a failure cannot
// replace the system's; making one needs root.
func TestWriteToDevice(t *testing.T) {
	null := filepath.Join(t.TempDir(), "null")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skipf("cannot make a device here: %v", err)
	}
	fi, err := os.Lstat(null)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(null, writeString("# Headline\n")); err != nil {
		t.Fatal(err)
	}
	after, err := os.Lstat(null)
	if err != nil || after.Mode()&os.ModeCharDevice == 0 || !os.SameFile(fi, after) {
		t.Fatalf("%s after Write: %v, %v; want the same character device", null, after.Mode(), err)
	}
}

// TestWriteReplacesLinkToFile: a symlink to a regular file, or a
// dangling one, is replaced by the output atomically, as any file is; the
// file it named is never written (it may be an input).
func TestWriteReplacesLinkToFile(t *testing.T) {
	dir := t.TempDir()
	named := filepath.Join(dir, "input.txt")
	const old = "an input that must stay as it is, longer than the output\n"
	os.WriteFile(named, []byte(old), 0o644)
	for _, tc := range []struct{ link, target string }{
		{filepath.Join(dir, "a.md"), "input.txt"},
		{filepath.Join(dir, "b.md"), "missing.txt"},
	} {
		if err := os.Symlink(tc.target, tc.link); err != nil {
			t.Skip(err)
		}
		if err := Write(tc.link, writeString("new\n")); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Lstat(tc.link); err != nil || !fi.Mode().IsRegular() {
			t.Errorf("%s: %v, %v; want the output as a regular file", tc.link, fi.Mode(), err)
		}
		if b, err := os.ReadFile(tc.link); err != nil || string(b) != "new\n" {
			t.Errorf("%s holds %q, %v", tc.link, b, err)
		}
	}
	if b, _ := os.ReadFile(named); string(b) != old {
		t.Errorf("the linked file now holds %q", b)
	}
	if _, err := os.Lstat(filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("the dangling link's file was created")
	}
	noTemps(t, dir)
}

// TestWriteThroughDescriptorLink: a link through /proc to a descriptor
// open on a regular file (/dev/stdout with the shell's "> out.md") is
// written through: the file gets the output, truncated first, and the
// link stays.
func TestWriteThroughDescriptorLink(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out.md")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	io.WriteString(f, "what the file held before, longer than the output\n")
	link := filepath.Join(dir, "stdout")
	if err := os.Symlink(fmt.Sprintf("/proc/self/fd/%d", f.Fd()), link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, writeString("# Headline\n")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(out); err != nil || string(b) != "# Headline\n" {
		t.Errorf("out.md holds %q, %v", b, err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v, %v", fi.Mode(), err)
	}
	noTemps(t, dir)
}

// TestWriteInPlaceFailure: a failed write to a target written in place
// is an error that names it.
func TestWriteInPlaceFailure(t *testing.T) {
	_, fifo, got := pipeTarget(t, "out.md")
	err := Write(fifo, func(w io.Writer) error { return errors.New("no room") })
	if err == nil || !strings.Contains(err.Error(), fifo) || !strings.Contains(err.Error(), "no room") {
		t.Errorf("Write: %v; want the failure, naming %s", err, fifo)
	}
	got()
}

// TestCreateThroughPipe: a report to a named pipe is written in place;
// Commit ends it and leaves the pipe a pipe.
func TestCreateThroughPipe(t *testing.T) {
	dir, fifo, got := pipeTarget(t, "report.jsonl")
	f, err := Create(fifo)
	if err != nil {
		t.Fatal(err)
	}
	f.KeepOnAbandon()
	live.Range(func(k, v any) bool {
		if v == fifo || k == fifo {
			t.Errorf("a report written in place is left to Abandon (%v -> %v)", k, v)
		}
		return true
	})
	io.WriteString(f, "{\"file\":\"a.txt\"}\n")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if s := got(); !strings.Contains(s, "a.txt") {
		t.Errorf("reader got %q", s)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("report target is no longer a named pipe: %v, %v", fi.Mode(), err)
	}
	noTemps(t, dir)
}

// TestCommitInPlaceKeepsWriteError: a report written in place whose
// write failed fails at Commit, naming it.
func TestCommitInPlaceKeepsWriteError(t *testing.T) {
	_, fifo, got := pipeTarget(t, "report.jsonl")
	f, err := Create(fifo)
	if err != nil {
		t.Fatal(err)
	}
	f.err = errors.New("disk full")
	if err := f.Commit(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Commit: %v; want the write's error", err)
	}
	got()
}
