//go:build unix

package atomicfile

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// createTemp makes a new temporary file for base in dir, named like
// os.CreateTemp's (pattern with its "*" replaced by a random number), mode
// 0600. It opens the file with open(2) and wraps the descriptor with
// os.NewFile: os.OpenFile would also try (and, for a regular file, fail)
// to register it with the network poller, four fcntl and one epoll_ctl
// call per output file.
func createTemp(dir, pattern string) (*os.File, error) {
	prefix, suffix, _ := strings.Cut(pattern, "*")
	for try := 0; ; try++ {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10)+suffix)
		fd, err := syscall.Open(name, syscall.O_RDWR|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o600)
		if err == nil {
			return os.NewFile(uintptr(fd), name), nil
		}
		if err == syscall.EINTR || errors.Is(err, syscall.EEXIST) && try < 10000 {
			continue
		}
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
}

// rename moves the temporary file tmp over path with one rename(2);
// os.Rename first lstats path to refuse a folder there, which rename(2)
// itself refuses for a file (EISDIR).
func rename(tmp, path string) error {
	for {
		err := syscall.Rename(tmp, path)
		if err != syscall.EINTR {
			if err != nil {
				return &os.LinkError{Op: "rename", Old: tmp, New: path, Err: err}
			}
			return nil
		}
	}
}
