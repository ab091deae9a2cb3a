// Package atomicfile writes files so that no reader ever sees half of one:
// the content goes to a hidden temporary file in the same folder, which is
// closed and then renamed over the target. A process that dies leaves at
// most a temporary file, never a partial target.
//
// Temporary files are named ".BASE.newsclip-RANDOM.tmp" (TempTarget
// recovers BASE). Several processes may write into one folder at once; a
// folder lock (LockDir) lets a process clean while no other is live there,
// so that only the temporary files of dead runs are ever removed
// (RemoveStale).
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// live holds the temporary files being written by this process, so that a
// signal handler can remove them before the process exits (Abandon): each
// temporary name maps to "" (remove it) or to its target (a File marked
// KeepOnAbandon: rename it into place).
var live sync.Map // string -> string

// tempPattern names the temporary file that becomes base.
func tempPattern(base string) string { return "." + base + ".newsclip-*.tmp" }

// beforeTemp, when set (SetBeforeTemp), is called before each temporary
// file is created.
var beforeTemp atomic.Pointer[func()]

// SetBeforeTemp makes f run before each temporary file is created. The
// run's signal watcher sets it (interrupt.Watch) to wait until the watcher
// catches signals, so that a temporary file never exists while a signal
// would end the process without removing it (Abandon).
func SetBeforeTemp(f func()) { beforeTemp.Store(&f) }

// newTemp creates the temporary file for path, once beforeTemp allows.
func newTemp(path string) (*os.File, error) {
	if f := beforeTemp.Load(); f != nil {
		(*f)()
	}
	return createTemp(filepath.Dir(path), tempPattern(filepath.Base(path)))
}

// TempTarget returns the target a temporary file of this package was for
// (".story.md.newsclip-123.tmp" -> "story.md").
func TempTarget(name string) (string, bool) {
	if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".tmp") {
		return "", false
	}
	i := strings.LastIndex(name, ".newsclip-")
	if i < 1 {
		return "", false
	}
	return name[1:i], true
}

// Write calls write with a temporary file in path's folder and renames it
// to path once write and Close both succeeded. On any failure the temporary
// file is removed and path is untouched. The file gets mode 0644. Errors
// name path. On success it makes six system calls besides write's own:
// lstat, open, fchmod, close, rename (and fcntl in os.NewFile).
//
// A device or a pipe, or a link to one, is written in place instead (see
// inPlace): what reached it stays there when write fails.
func Write(path string, write func(io.Writer) error) error {
	if inPlace(path) {
		return writeInPlace(path, write)
	}
	f, err := newTemp(path)
	if err != nil {
		return fmt.Errorf("%s: %v", path, Unwrap(err))
	}
	tmp := f.Name()
	live.Store(tmp, struct{}{})
	renamed := false
	defer func() {
		if !renamed {
			os.Remove(tmp)
		}
		live.Delete(tmp)
	}()
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return fmt.Errorf("%s: %v", path, Unwrap(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %v", path, Unwrap(err))
	}
	if err := rename(tmp, path); err != nil {
		return fmt.Errorf("%s: %v", path, Unwrap(err))
	}
	renamed = true
	return nil
}

// inPlace reports whether path is to be written through, in place, as a
// shell's ">" would, rather than replaced by a rename: a device, a named
// pipe or a socket, or a symlink to one, or a symlink that leads through
// /proc to a descriptor of this process:
//
//	newsclip convert -o /dev/null clip.txt      (a device)
//	newsclip convert -o /dev/stdout clip.txt    (a link to descriptor 1)
//	newsclip convert -o >(gzip >clip.md.gz) clip.txt    (/dev/fd/63)
//
// A rename over such a target would replace the node or the link itself
// with a regular file (run as root, the first line replaced the system's
// /dev/null) and leave the reader at its other end with nothing. Any other
// target is replaced atomically, a symlink to a regular file included:
// the link is replaced, never the file it names, which may be an input
// (a batch's out/a.md -> ../in/a.txt).
func inPlace(path string) bool {
	fi, err := os.Lstat(path)
	switch {
	case err != nil, fi.Mode().IsRegular(), fi.IsDir():
		return false
	case fi.Mode()&os.ModeSymlink == 0:
		return true // a device, a pipe, a socket
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		return true
	}
	return viaProc(path)
}

// viaProc reports whether the symlink path leads through /proc: Linux's
// /dev/stdout (-> /proc/self/fd/1), /dev/fd/N (in a folder that is a link
// to /proc/self/fd) and /proc/self/fd/N name descriptors this process
// holds, which a shell's redirection may have opened on a regular file.
func viaProc(path string) bool {
	for range 40 { // as many links as Linux follows
		if abs, err := filepath.Abs(path); err == nil && underProc(abs) {
			return true
		}
		if dir, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil && underProc(dir) {
			return true
		}
		target, err := os.Readlink(path)
		if err != nil {
			return false
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return false
}

// underProc reports whether the absolute path abs lies in /proc.
func underProc(abs string) bool { return abs == "/proc" || strings.HasPrefix(abs, "/proc/") }

// openInPlace opens path for writing through it (see inPlace).
func openInPlace(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, Unwrap(err))
	}
	return f, nil
}

// writeInPlace is Write for a path written through (see inPlace).
func writeInPlace(path string, write func(io.Writer) error) error {
	f, err := openInPlace(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %v", path, Unwrap(err))
	}
	return nil
}

// A File is a target being written piece by piece (a report): Create
// opens its temporary file, Commit renames it into place, Abort removes it.
// Every write error is kept: Commit refuses to rename a file any of whose
// writes failed. A target written in place (see inPlace) has no temporary
// file: Commit and Abort close it.
type File struct {
	path    string
	f       *os.File
	err     error // the first write error
	inPlace bool
}

// Create starts writing path through a temporary file, or in place (see
// inPlace).
func Create(path string) (*File, error) {
	if inPlace(path) {
		f, err := openInPlace(path)
		if err != nil {
			return nil, err
		}
		return &File{path: path, f: f, inPlace: true}, nil
	}
	f, err := newTemp(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, Unwrap(err))
	}
	live.Store(f.Name(), "")
	return &File{path: path, f: f}, nil
}

// KeepOnAbandon marks the file as one whose lines so far are worth more
// than nothing (a batch report): Abandon renames it into place instead of
// removing it. A file written in place keeps its lines anyway.
func (w *File) KeepOnAbandon() {
	if !w.inPlace {
		live.Store(w.f.Name(), w.path)
	}
}

// Write writes p; after a failed write it writes nothing more and returns
// the first error again.
func (w *File) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.f.Write(p)
	if err != nil {
		w.err = Unwrap(err)
	}
	return n, w.err
}

// Commit closes the file and renames it into place; it fails, leaving the
// target untouched, when any write or the close failed.
func (w *File) Commit() error {
	if w.inPlace {
		if err := w.f.Close(); err != nil && w.err == nil {
			w.err = Unwrap(err)
		}
		if w.err != nil {
			return fmt.Errorf("%s: %v", w.path, w.err)
		}
		return nil
	}
	tmp := w.f.Name()
	defer func() {
		os.Remove(tmp)
		live.Delete(tmp)
	}()
	if err := w.f.Close(); err != nil && w.err == nil {
		w.err = Unwrap(err)
	}
	if w.err == nil {
		w.err = os.Chmod(tmp, 0o644)
	}
	if w.err == nil {
		w.err = os.Rename(tmp, w.path)
	}
	if w.err != nil {
		return fmt.Errorf("%s: %v", w.path, Unwrap(w.err))
	}
	return nil
}

// Abort removes the temporary file; the target is untouched (a target
// written in place keeps what was written).
func (w *File) Abort() {
	w.f.Close()
	if w.inPlace {
		return
	}
	os.Remove(w.f.Name())
	live.Delete(w.f.Name())
}

// Abandon removes every temporary file this process is writing, and
// renames those marked KeepOnAbandon into place. It is for a signal
// handler that is about to exit the process.
func Abandon() {
	live.Range(func(k, v any) bool {
		if target := v.(string); target != "" {
			os.Chmod(k.(string), 0o644)
			os.Rename(k.(string), target)
		} else {
			os.Remove(k.(string))
		}
		return true
	})
}

// Unwrap strips the operation and path an *os.PathError or *os.LinkError
// adds, for messages that name the path themselves.
func Unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
