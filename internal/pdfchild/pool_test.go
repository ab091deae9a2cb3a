package pdfchild

import (
	"errors"
	"testing"
	"time"

	"newsclip/internal/pdfgen"
	"newsclip/internal/pdftext"
)

// idlePIDs lists the process ids of the idle children.
func idlePIDs() []int {
	idle.Lock()
	defer idle.Unlock()
	var pids []int
	for _, c := range idle.children {
		pids = append(pids, c.cmd.Process.Pid)
	}
	return pids
}

// onePage is a PDF of one line of text.
func onePage(text string) []byte {
	return pdfgen.Build([][]pdfgen.Run{{{X: 72, Y: 700, Size: 12, Text: text}}})
}

// TestChildServesManyFiles: files read one after another go to the same
// child process, each with its own text.
func TestChildServesManyFiles(t *testing.T) {
	Close()
	defer Close()
	var pid int
	for i, text := range []string{"First clipping", "Second clipping", "Third clipping"} {
		got, err := Extract(onePage(text), Settings{})
		if err != nil || got.Pages[0].Lines[0].Text != text {
			t.Fatalf("file %d: got %+v, %v", i, got, err)
		}
		pids := idlePIDs()
		if len(pids) != 1 || i > 0 && pids[0] != pid {
			t.Fatalf("file %d: idle children %v, want the one child %d", i, pids, pid)
		}
		pid = pids[0]
	}
}

// TestHostileFileSparesTheNext: a file that hangs is killed at its time
// limit with its child; the next file gets a fresh child and its text.
func TestHostileFileSparesTheNext(t *testing.T) {
	Close()
	defer Close()
	if _, err := Extract(onePage("Before the hang"), Settings{}); err != nil {
		t.Fatal(err)
	}
	before := idlePIDs()
	_, err := Extract(hangingPDF(), Settings{Timeout: time.Second})
	if !errors.Is(err, pdftext.ErrTimeout) {
		t.Fatalf("hanging file: err = %v, want ErrTimeout", err)
	}
	if n := len(idlePIDs()); n != 0 {
		t.Fatalf("the child that hung is still idle (%d idle)", n)
	}
	got, err := Extract(onePage("After the hang"), Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "After the hang" {
		t.Fatalf("next file: got %+v, %v", got, err)
	}
	if after := idlePIDs(); len(after) != 1 || after[0] == before[0] {
		t.Errorf("next file served by %v, want a fresh child (was %v)", after, before)
	}
}

// TestConcurrentCallersOwnChildren: callers at the same time each get a
// child of their own, and the pool keeps no more children than callers.
func TestConcurrentCallersOwnChildren(t *testing.T) {
	Close()
	defer Close()
	texts := []string{"Worker one text", "Worker two text", "Worker three text"}
	errs := make(chan error, len(texts))
	for _, text := range texts {
		go func() {
			for range 3 {
				got, err := Extract(onePage(text), Settings{})
				if err == nil && got.Pages[0].Lines[0].Text != text {
					err = errors.New("got " + got.Pages[0].Lines[0].Text + ", want " + text)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range texts {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if n := len(idlePIDs()); n < 1 || n > len(texts) {
		t.Errorf("%d idle children after %d concurrent callers", n, len(texts))
	}
}
