//go:build !unix

package pdfchild

import (
	"fmt"
	"io"
	"os"
	"syscall"
)

// readSmallRegular reads the file at path when it is a regular file of
// at most maxFirst bytes (a larger one is read past maxFirst only far
// enough to tell), opened without waiting (on a named pipe put in its
// place).
func readSmallRegular(path string) ([]byte, error) {
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not read first (not a regular file)", path)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() || fi.Size() > maxFirst {
		return nil, fmt.Errorf("%s: not read first (not a regular file of at most %d bytes)", path, maxFirst)
	}
	// Sized by the stat, as os.ReadFile does: io.ReadAll's doubling took
	// a millisecond of a 300 KB file's start.
	data := make([]byte, 0, fi.Size()+1)
	for len(data) <= maxFirst {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}
