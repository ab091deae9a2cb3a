//go:build unix

package atomicfile

import (
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

// TestWriteThroughPipe: a named pipe as the target (as bash's
// -o >(gzip >x) names one) stays a pipe, and its reader gets the output;
// a rename over it would have left a regular file and the reader nothing.
func TestWriteThroughPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	got := readFIFO(t, fifo)
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

// TestWriteThroughSymlink: a symlinked target keeps its link; the file
// it names gets the output, and a dangling link's file is created.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "2024-story.md")
	os.WriteFile(target, []byte("old\n"), 0o644)
	for _, tc := range []struct{ link, target string }{
		{filepath.Join(dir, "latest.md"), target},
		{filepath.Join(dir, "dangling.md"), filepath.Join(dir, "new-story.md")},
	} {
		if err := os.Symlink(filepath.Base(tc.target), tc.link); err != nil {
			t.Skip(err)
		}
		if err := Write(tc.link, writeString("new\n")); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Lstat(tc.link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symlink: %v, %v", tc.link, fi.Mode(), err)
		}
		if b, err := os.ReadFile(tc.target); err != nil || string(b) != "new\n" {
			t.Errorf("%s holds %q, %v; want the output", tc.target, b, err)
		}
	}
	noTemps(t, dir)
}

// TestCreateThroughPipe: a report to a named pipe is written in place;
// Commit ends it and leaves the pipe a pipe.
func TestCreateThroughPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "report.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	got := readFIFO(t, fifo)
	f, err := Create(fifo)
	if err != nil {
		t.Fatal(err)
	}
	f.KeepOnAbandon()
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
