//go:build unix

package input

import (
	"os"
	"syscall"
)

// readFile reads name with open(2), fstat(2) and, for a regular file,
// read(2) on the bare descriptor into one buffer of the file's size:
// os.Open would also stat the path, and try (and, for a regular file,
// fail) to register the file with the network poller, four fcntl and an
// epoll_ctl per input. Any other kind of file (a pipe, a device) is read
// by ReadAll through the same descriptor, never opened twice.
func readFile(name string, limit int64) ([]byte, error) {
	fd, err := open(name)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	var st syscall.Stat_t
	if err := fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return nil, &os.PathError{Op: "stat", Path: name, Err: err}
	}
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFREG:
		defer syscall.Close(fd)
		return readRegular(fd, name, st.Size, limit)
	case syscall.S_IFDIR:
		syscall.Close(fd)
		return nil, errIsDir
	}
	f := os.NewFile(uintptr(fd), name)
	defer f.Close()
	return ReadAll(f, limit)
}

// readRegular reads the regular file open on fd, size bytes by fstat, to
// its end.
func readRegular(fd int, name string, size, limit int64) ([]byte, error) {
	if size > limit {
		return nil, tooLarge(limit)
	}
	// One byte more than the size, so that a file that grew since fstat is
	// read on to its end (and still bounded: never more than limit+1
	// bytes) instead of cut.
	buf := make([]byte, 0, size+1)
	for {
		if int64(len(buf)) > limit {
			return nil, tooLarge(limit)
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		end := int(min(int64(cap(buf)), limit+1))
		n, err := syscall.Read(fd, buf[len(buf):end])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return checkWhole(buf, limit)
		}
		buf = buf[:len(buf)+n]
	}
}

// open is open(2) for reading, retried on EINTR.
func open(name string) (int, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// fstat is fstat(2), retried on EINTR.
func fstat(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); err != syscall.EINTR {
			return err
		}
	}
}
