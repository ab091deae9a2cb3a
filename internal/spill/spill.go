// Package spill holds bytes that a writer must keep until its end but need
// not keep in memory: a Store appends them, in memory up to a limit and in
// an unnamed temporary file past it, and reads them back by offset or all
// in order. A book of a million articles keeps its table of contents and
// its zip directory this way, in a few MiB of memory whatever its length.
//
// The temporary file is removed as soon as it is made where the system
// allows it (Unix: an open file stays readable once unlinked), so a killed
// process leaves nothing behind; elsewhere Close removes it.
package spill

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"sync/atomic"
)

// DefaultMemLimit is the number of bytes a Store keeps in memory when its
// MemLimit is zero: 1 MiB.
const DefaultMemLimit = 1 << 20

// A Store is an append-only sequence of bytes. The zero value is ready to
// use: it keeps up to DefaultMemLimit bytes in memory and the rest in a
// temporary file under os.TempDir. Its memory is bounded by MemLimit (up
// to a quarter more while the slice grows) and two 64 KiB buffers,
// whatever is appended. A Store is not safe for concurrent use.
type Store struct {
	// Dir is the folder of the temporary file; "" means os.TempDir().
	Dir string
	// MemLimit is how many bytes stay in memory before the Store moves to
	// a file; 0 means DefaultMemLimit, a negative value no limit.
	MemLimit int

	mem    []byte        // the bytes, while no file is made
	f      *os.File      // the file past MemLimit, or nil
	name   string        // f's name for Close to remove, "" once unlinked
	w      *bufio.Writer // buffers appends to f
	size   int64         // bytes appended, in memory or in f
	window []byte        // a block of f read for ReadAt
	winOff int64         // the offset of window in the Store
	err    error         // the first error of the file; sticky
	closed bool
}

// openFiles counts the Stores whose temporary file is open.
var openFiles atomic.Int64

// OpenFiles returns the number of Stores of this process whose temporary
// file is open: what a writer that forgot to Close leaves behind.
func OpenFiles() int64 { return openFiles.Load() }

// errClosed is returned for any use of a closed Store.
var errClosed = errors.New("spill: store closed")

// blockSize is the size of the write buffer and of ReadAt's window.
const blockSize = 64 << 10

// Len returns the number of bytes appended so far.
func (s *Store) Len() int64 { return s.size }

// Append adds p to the end of the Store and returns the offset of its
// first byte.
func (s *Store) Append(p []byte) (int64, error) {
	off := s.size
	if err := s.grow(len(p)); err != nil {
		return off, err
	}
	if s.f == nil {
		s.mem = append(s.mem, p...)
	} else if _, err := s.w.Write(p); err != nil {
		return off, s.fail(err)
	}
	s.size += int64(len(p))
	return off, nil
}

// AppendString is Append for a string.
func (s *Store) AppendString(p string) (int64, error) {
	off := s.size
	if err := s.grow(len(p)); err != nil {
		return off, err
	}
	if s.f == nil {
		s.mem = append(s.mem, p...)
	} else if _, err := s.w.WriteString(p); err != nil {
		return off, s.fail(err)
	}
	s.size += int64(len(p))
	return off, nil
}

// grow makes room for n more bytes: past the memory limit, it moves the
// bytes so far into a new temporary file. When no file can be made, the
// bytes stay in memory: the Store goes on working with more memory rather
// than failing the writer it serves.
func (s *Store) grow(n int) error {
	switch {
	case s.closed:
		return errClosed
	case s.err != nil:
		return s.err
	case s.f != nil:
		return nil
	}
	limit := s.MemLimit
	if limit == 0 {
		limit = DefaultMemLimit
	}
	if limit < 0 || len(s.mem)+n <= limit {
		return nil
	}
	f, err := os.CreateTemp(s.Dir, "newsclip-spill-*")
	if err != nil {
		s.MemLimit = -1
		return nil
	}
	if os.Remove(f.Name()) != nil {
		s.name = f.Name() // not unlinked while open: Close removes it
	}
	s.f, s.w = f, bufio.NewWriterSize(f, blockSize)
	openFiles.Add(1)
	if _, err := s.w.Write(s.mem); err != nil {
		return s.fail(err)
	}
	s.mem = nil
	return nil
}

// fail records the first error of the file and returns it.
func (s *Store) fail(err error) error {
	if s.err == nil {
		s.err = fmt.Errorf("spill: %w", err)
	}
	return s.err
}

// ReadAt reads len(p) bytes from offset off (io.ReaderAt). Reads that move
// forward through the Store, as a table of contents read in order does, go
// to the file once per 64 KiB.
func (s *Store) ReadAt(p []byte, off int64) (int, error) {
	if s.closed {
		return 0, errClosed
	}
	if off < 0 {
		return 0, errors.New("spill: negative offset")
	}
	if off >= s.size {
		if len(p) == 0 && off == s.size {
			return 0, nil
		}
		return 0, io.EOF
	}
	if s.f == nil {
		n := copy(p, s.mem[off:])
		if n < len(p) {
			return n, io.EOF
		}
		return n, nil
	}
	if err := s.flush(); err != nil {
		return 0, err
	}
	// A read that goes on from the window, or starts the Store's
	// reading, fills the window; one elsewhere (titles read out of input
	// order) reads just its bytes.
	end := s.winOff + int64(len(s.window))
	inWindow := off >= s.winOff && off < end
	if !inWindow && s.window != nil && !(off >= end && off < end+blockSize) {
		n, err := s.f.ReadAt(p[:min(int64(len(p)), s.size-off)], off)
		if err != nil {
			return n, s.fail(err)
		}
		if n < len(p) {
			return n, io.EOF
		}
		return n, nil
	}
	n := 0
	for n < len(p) && off < s.size {
		if off < s.winOff || off >= s.winOff+int64(len(s.window)) {
			if err := s.readWindow(off); err != nil {
				return n, err
			}
		}
		c := copy(p[n:], s.window[off-s.winOff:])
		n += c
		off += int64(c)
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// readWindow reads the block of the file that holds off into the window.
func (s *Store) readWindow(off int64) error {
	if s.window == nil {
		s.window = make([]byte, blockSize)
	}
	start := off - off%blockSize
	n := int(min(int64(blockSize), s.size-start))
	s.window = s.window[:cap(s.window)]
	if _, err := s.f.ReadAt(s.window[:n], start); err != nil {
		s.window, s.winOff = s.window[:0], 0
		return s.fail(err)
	}
	s.window, s.winOff = s.window[:n], start
	return nil
}

// flush writes the buffered appends to the file.
func (s *Store) flush() error {
	if s.err != nil {
		return s.err
	}
	if s.w.Buffered() == 0 {
		return nil
	}
	// A window read before stays right: the bytes are only ever added
	// to, and a read past its end reads the block again.
	if err := s.w.Flush(); err != nil {
		return s.fail(err)
	}
	return nil
}

// WriteTo writes every byte of the Store to w, in order (io.WriterTo).
func (s *Store) WriteTo(w io.Writer) (int64, error) {
	if s.closed {
		return 0, errClosed
	}
	if s.f == nil {
		n, err := w.Write(s.mem)
		return int64(n), err
	}
	if err := s.flush(); err != nil {
		return 0, err
	}
	// An error here may be the destination's: it is not wrapped.
	return io.Copy(w, io.NewSectionReader(s.f, 0, s.size))
}

// Close releases the memory and removes the file. A closed Store refuses
// every call but Close and Len.
func (s *Store) Close() error {
	if s.closed {
		return nil
	}
	s.closed, s.mem, s.window = true, nil, nil
	if s.f == nil {
		return nil
	}
	openFiles.Add(-1)
	err := s.f.Close()
	if s.name != "" {
		if rerr := os.Remove(s.name); err == nil {
			err = rerr
		}
	}
	s.f, s.w = nil, nil
	return err
}
