//go:build unix

package input

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadFileFIFO reads a named pipe: it is opened once and read to its
// end like a stream, not taken for a regular file of size 0.
func TestReadFileFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip(err)
	}
	text := strings.Repeat("A line through a pipe.\n", 4000)
	go func() {
		f, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(text)
		f.Close()
	}()
	got, err := ReadFile(p, 1<<30)
	if err != nil || string(got) != text {
		t.Errorf("fifo: %d bytes, %v; want %d bytes", len(got), err, len(text))
	}
}
