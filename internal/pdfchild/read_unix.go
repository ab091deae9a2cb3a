//go:build unix

package pdfchild

import (
	"fmt"
	"os"
	"syscall"
)

// readSmallRegular reads the file at path when it is a regular file of
// at most maxFirst bytes (a larger one is read past maxFirst only far
// enough to tell), opened without waiting (on a named pipe put in its
// place). It works on the bare descriptor, with stat(2), open(2),
// fstat(2) and read(2): an os.File would register the file with the
// network poller, whose first use sets the poller up, all on the way to
// the reading's start.
func readSmallRegular(path string) ([]byte, error) {
	var st syscall.Stat_t
	if err := retry(func() error { return syscall.Stat(path, &st) }); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, fmt.Errorf("%s: not read first (not a regular file)", path)
	}
	var fd int
	err := retry(func() (err error) {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	if err := retry(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		return nil, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size > maxFirst {
		return nil, fmt.Errorf("%s: not read first (not a regular file of at most %d bytes)", path, maxFirst)
	}
	// Sized by the stat, one byte more to see the end of a file that grew:
	// io.ReadAll's doubling took a millisecond of a 300 KB file's start.
	data := make([]byte, 0, st.Size+1)
	for len(data) <= maxFirst {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		var n int
		err := retry(func() (err error) {
			n, err = syscall.Read(fd, data[len(data):cap(data)])
			return err
		})
		if err != nil {
			return nil, &os.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			break
		}
		data = data[:len(data)+n]
	}
	return data, nil
}

// retry calls f until it fails otherwise than with EINTR.
func retry(f func() error) error {
	for {
		if err := f(); err != syscall.EINTR {
			return err
		}
	}
}
