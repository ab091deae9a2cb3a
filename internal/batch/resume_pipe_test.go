package batch

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A pipe given as an input is never up to date for --resume, whatever the
// times say: skipping it would leave its writer blocked and its data
// unread. A regular file is, when its output is newer.
func TestUpToDatePipe(t *testing.T) {
	dir := t.TempDir()
	fifo, file, out := filepath.Join(dir, "p.txt"), filepath.Join(dir, "f.txt"), filepath.Join(dir, "out.md")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(fifo, old, old)
	os.Chtimes(file, old, old)
	if err := os.WriteFile(out, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if upToDate(fifo, out) {
		t.Error("a named pipe is up to date with a newer output")
	}
	if !upToDate(file, out) {
		t.Error("a file older than its output is not up to date")
	}
}

// A panic in consume reaches InOrder's caller as that panic, not as the
// fatal "unlock of unlocked mutex" the window's lock turned it into.
func TestInOrderConsumePanics(t *testing.T) {
	defer func() {
		if r := recover(); r != "consume failed" {
			t.Errorf("recovered %v, want the consume panic", r)
		}
	}()
	InOrder(t.Context(), 2, 4, upTo(10), func(i int) int { return i }, func(int, int) error { panic("consume failed") })
}
