//go:build unix

package pdfchild

import (
	"bufio"
	"bytes"
	"encoding/json"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"newsclip/internal/pdfchild/spawn"
)

// TestFirstFileIsPipe: a named pipe called *.pdf is not opened by the
// early child (it would take bytes meant for the parent, or wait for a
// writer): the child says at once that it did not read it, with no
// digest, and waits for the file as a request.
func TestFirstFileIsPipe(t *testing.T) {
	Close()
	t.Cleanup(Close)
	fifo := filepath.Join(t.TempDir(), "page.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	sc := spawn.Early([]string{"newsclip", "convert", fifo})
	if sc == nil || spawn.Take() != sc {
		t.Fatal("no child started early")
	}
	defer func() {
		sc.Stdin.Close()
		sc.Process.Kill()
		sc.Process.Wait()
	}()
	type frame struct {
		kind    byte
		payload []byte
		err     error
	}
	got := make(chan frame, 1)
	go func() {
		kind, payload, err := readFrame(bufio.NewReader(sc.Stdout), nil)
		got <- frame{kind, bytes.Clone(payload), err}
	}()
	select {
	case f := <-got:
		var r reply
		if f.err != nil || f.kind != frameEnd || json.Unmarshal(f.payload, &r) != nil || r.Error == "" {
			t.Errorf("first frame %c %s (%v); want an end with an error", f.kind, f.payload, f.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the early child said nothing of its named pipe within 10 s")
	}
}
