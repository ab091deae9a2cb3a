package spawn

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestStdinPipeHoldsASmallPDF: the pipe a child reads its requests from
// takes pipeSize bytes (a small PDF in one write) on Linux, where the
// default is 64 KiB.
func TestStdinPipeHoldsASmallPDF(t *testing.T) {
	b, err := os.ReadFile("/proc/sys/fs/pipe-max-size")
	if max, _ := strconv.Atoi(strings.TrimSpace(string(b))); err != nil || max < pipeSize {
		t.Skipf("pipes here are limited: pipe-max-size %q (%v)", b, err)
	}
	cmd, err := Self()
	if err != nil {
		t.Skip(err)
	}
	c, err := Start(cmd)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		c.Stdin.Close()
		c.Process.Wait()
	}()
	const fGetPipeSize = 1032
	raw, err := c.Stdin.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var size uintptr
	var errno syscall.Errno
	raw.Control(func(fd uintptr) {
		size, _, errno = syscall.Syscall(syscall.SYS_FCNTL, fd, fGetPipeSize, 0)
	})
	if errno != 0 {
		t.Fatal(errno)
	}
	if size < pipeSize {
		t.Errorf("child's stdin pipe holds %d bytes, want %d", size, pipeSize)
	}
}
