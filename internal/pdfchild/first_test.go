package pdfchild

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"newsclip/internal/pdfchild/spawn"
	"newsclip/internal/pdfgen"
	"newsclip/internal/pdftext"
)

// firstFile writes a one-line PDF of text into a temporary folder and
// starts the child that a command line naming it starts early; the child
// is ended with the test.
func firstFile(t *testing.T, text string) (path string, data []byte, sc *spawn.Child) {
	t.Helper()
	Close()
	t.Cleanup(Close)
	path = filepath.Join(t.TempDir(), "page.pdf")
	data = onePage(text)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	sc = spawn.Early([]string{"newsclip", "convert", path})
	if sc == nil {
		t.Fatal("no child started early")
	}
	return path, data, sc
}

// TestFirstFileReadUnasked: the child started early for the PDF a command
// line names reads and extracts it with no request: its digest, its page
// and its end come without anything written to its stdin.
func TestFirstFileReadUnasked(t *testing.T) {
	_, data, sc := firstFile(t, "Unasked clipping")
	if spawn.Take() != sc {
		t.Fatal("the early child was not left to take")
	}
	defer func() {
		sc.Stdin.Close()
		sc.Process.Kill()
		sc.Process.Wait()
	}()
	out := bufio.NewReader(sc.Stdout)
	var digest []byte
	var pages []string
	for {
		kind, payload, err := readFrame(out, nil)
		if err != nil {
			t.Fatalf("after %d pages: %v", len(pages), err)
		}
		switch kind {
		case frameDigest:
			digest = bytes.Clone(payload)
		case framePage:
			p, err := decodePage(payload)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, p.Lines[0].Text)
		case frameEnd:
			var r reply
			if err := json.Unmarshal(payload, &r); err != nil || r.Error != "" {
				t.Fatalf("end: %s (%v)", payload, err)
			}
			want := sha256.Sum256(data)
			if !bytes.Equal(digest, want[:]) {
				t.Errorf("digest %x, want the file's %x", digest, want)
			}
			if len(pages) != 1 || pages[0] != "Unasked clipping" {
				t.Errorf("pages %q", pages)
			}
			return
		}
	}
}

// TestFirstFileTaken: the file the early child read is the caller's when
// its bytes are the same; the child is kept for the next file.
func TestFirstFileTaken(t *testing.T) {
	path, data, sc := firstFile(t, "Early clipping")
	got, err := Extract(path, data, Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "Early clipping" {
		t.Fatalf("got %+v, %v", got, err)
	}
	if pids := idlePIDs(); len(pids) != 1 || pids[0] != sc.Process.Pid {
		t.Errorf("idle children %v, want the early child %d", pids, sc.Process.Pid)
	}
	got, err = Extract("", onePage("Second clipping"), Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "Second clipping" {
		t.Fatalf("second file: got %+v, %v", got, err)
	}
}

// TestFirstFileChanged: when the caller's bytes of the file are not those
// the early child read (the file changed between the two reads), the
// text is the caller's bytes', never the other.
func TestFirstFileChanged(t *testing.T) {
	path, _, _ := firstFile(t, "Clipping as the child read it")
	got, err := Extract(path, onePage("Clipping as the caller read it"), Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "Clipping as the caller read it" {
		t.Fatalf("got %+v, %v", got, err)
	}
}

// TestFirstFileNotRead: an early child that cannot read its file (there
// is none by that name) gets the caller's bytes as a request, and is
// kept.
func TestFirstFileNotRead(t *testing.T) {
	Close()
	t.Cleanup(Close)
	path := filepath.Join(t.TempDir(), "gone.pdf")
	sc := spawn.Early([]string{"newsclip", "convert", path})
	if sc == nil {
		t.Fatal("no child started early")
	}
	got, err := Extract(path, onePage("Sent clipping"), Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "Sent clipping" {
		t.Fatalf("got %+v, %v", got, err)
	}
	if pids := idlePIDs(); len(pids) != 1 || pids[0] != sc.Process.Pid {
		t.Errorf("idle children %v, want the early child %d", pids, sc.Process.Pid)
	}
}

// TestReadFirst: the early child reads a regular PDF file of at most
// maxFirst bytes, and nothing else.
func TestReadFirst(t *testing.T) {
	dir := t.TempDir()
	pdf := onePage("Clipping")
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	large := write("large.pdf", pdf)
	if err := os.Truncate(large, maxFirst+1); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "folder.pdf"), 0o755)
	for _, tc := range []struct {
		path string
		ok   bool
	}{
		{write("page.pdf", pdf), true},
		{write("text.pdf", []byte("Harbour Wall Repaired\n")), false},
		{large, false},
		{filepath.Join(dir, "folder.pdf"), false},
		{filepath.Join(dir, "missing.pdf"), false},
	} {
		data, err := readFirst(tc.path)
		if (err == nil) != tc.ok || tc.ok && !bytes.Equal(data, pdf) {
			t.Errorf("readFirst(%s): %d bytes, %v; want read: %v", filepath.Base(tc.path), len(data), err, tc.ok)
		}
	}
}

// TestFirstFileOverTime: a first file that its early child finished
// unwatched (the caller was busy with other inputs), but well past the
// time limit, still fails with ErrTimeout, as it does without an early
// child.
func TestFirstFileOverTime(t *testing.T) {
	Close()
	t.Cleanup(Close)
	path := filepath.Join(t.TempDir(), "slow.pdf")
	data := pdfgen.Nested(1, 5, 8) // some 0.3-0.4 s of CPU time here
	os.WriteFile(path, data, 0o644)
	sc := spawn.Early([]string{"newsclip", "convert", path})
	if sc == nil {
		t.Fatal("no child started early")
	}
	const limit = 10 * time.Millisecond
	// Wait for the child to finish: its CPU time stops growing, past the
	// limit and its margin.
	last := time.Duration(-1)
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		now, ok := cpuTime(sc.Process.Pid)
		if !ok {
			t.Skip("no CPU time of a process here")
		}
		if now == last && now >= limit+firstMargin {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the early child still works after 20 s (%v of CPU)", now)
		}
		last = now
	}
	_, err := Extract(path, data, Settings{Timeout: limit})
	if !errors.Is(err, pdftext.ErrTimeout) {
		t.Errorf("got %v; want ErrTimeout", err)
	}
}

// TestFirstFileWithPassword: a password makes the early reading (with
// none) of no use: the file goes to a fresh child with its password.
func TestFirstFileWithPassword(t *testing.T) {
	path, data, sc := firstFile(t, "Clipping")
	got, err := Extract(path, data, Settings{Password: "secret"})
	if err != nil || got.Pages[0].Lines[0].Text != "Clipping" {
		t.Fatalf("got %+v, %v", got, err)
	}
	if pids := idlePIDs(); len(pids) != 1 || pids[0] == sc.Process.Pid {
		t.Errorf("idle children %v, want a fresh one, not the early child %d", pids, sc.Process.Pid)
	}
}

// TestFirstFileOtherName: a file other than the early child's goes to a
// fresh child, and the early child stays for its own file.
func TestFirstFileOtherName(t *testing.T) {
	path, _, sc := firstFile(t, "First named")
	got, err := Extract(filepath.Join(filepath.Dir(path), "other.pdf"), onePage("Other file"), Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "Other file" {
		t.Fatalf("got %+v, %v", got, err)
	}
	if pids := idlePIDs(); len(pids) != 1 || pids[0] == sc.Process.Pid {
		t.Errorf("idle children %v, want a fresh one", pids)
	}
	if spawn.Take() != sc {
		t.Error("the early child was not left for its own file")
	}
	sc.Stdin.Close()
	sc.Process.Kill()
	sc.Process.Wait()
}

// TestFirstFileLast: the early child of a run's only file exits by itself
// once the file is out (ExtractLast), with no request sent.
func TestFirstFileLast(t *testing.T) {
	path, data, sc := firstFile(t, "Only clipping")
	got, err := ExtractLast(path, data, Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "Only clipping" {
		t.Fatalf("got %+v, %v", got, err)
	}
	exitsByItself(t, sc.Process)
}

// TestFirstFileAfterOthers: when other PDFs come before the early child's
// file (a PDF on stdin, a folder), that file still goes to the early
// child, which has read it, rather than to an idle one.
func TestFirstFileAfterOthers(t *testing.T) {
	Close()
	t.Cleanup(Close)
	if _, err := Extract("", onePage("Read before"), Settings{}); err != nil {
		t.Fatal(err)
	}
	before := idlePIDs()
	path := filepath.Join(t.TempDir(), "page.pdf")
	data := onePage("Named first")
	os.WriteFile(path, data, 0o644)
	sc := spawn.Early([]string{"newsclip", "convert", path})
	if sc == nil {
		t.Fatal("no child started early")
	}
	got, err := Extract(path, data, Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "Named first" {
		t.Fatalf("got %+v, %v", got, err)
	}
	if pids := idlePIDs(); len(pids) != 2 || pids[0] != before[0] || pids[1] != sc.Process.Pid {
		t.Errorf("idle children %v, want the earlier one %v and the early child %d", pids, before, sc.Process.Pid)
	}
}
