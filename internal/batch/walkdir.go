package batch

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// walkDir is filepath.WalkDir (the same calls of fn, in the same order,
// with the same errors and the same SkipDir rules) with a smaller listing
// of each folder: a folder's entries, which must all be read before the
// first is visited (the order is lexical), are kept as their names in one
// buffer and 16 bytes each, about 30 bytes an entry where WalkDir's
// []fs.DirEntry takes about 100. A flat folder of 100,000 clippings is
// listed in 3 MB instead of 10, and the listing lives as long as the walk
// of its folder, which in a streamed batch is the whole conversion. Once
// ctx is done a folder's listing stops at its next chunk (readDir), and fn
// is called with ctx.Err() as for any error of the listing.
func walkDir(ctx context.Context, root string, fn fs.WalkDirFunc) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walkEntry(ctx, root, fs.FileInfoToDirEntry(info), false, fn)
	}
	if err == filepath.SkipDir || err == filepath.SkipAll {
		return nil
	}
	return err
}

// walkEntry visits path and, when it is a folder fn does not skip, what
// lies under it. clean says that path is already clean (every path below
// the root is filepath.Join's output), so that its entries' paths need no
// Join (see childPath).
func walkEntry(ctx context.Context, path string, d fs.DirEntry, clean bool, fn fs.WalkDirFunc) error {
	if err := fn(path, d, nil); err != nil || !d.IsDir() {
		if err == filepath.SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	list, err := readDir(ctx, path)
	if err != nil {
		// A second call, to report the error; what was read is walked.
		if err = fn(path, d, err); err != nil {
			if err == filepath.SkipDir {
				err = nil
			}
			return err
		}
	}
	for i := range list.ents {
		e := list.entry(path, i)
		var child string
		if clean {
			child = childPath(path, e.name)
		} else {
			child = filepath.Join(path, e.name)
		}
		if err := walkEntry(ctx, child, e, true, fn); err != nil {
			if err == filepath.SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

// childPath is filepath.Join(dir, name) for a clean dir and a name read
// from a folder (never empty, ".", ".." or holding a separator): dir, a
// separator and name, without the cost of Join's Clean (a third of a
// walk's instructions), except for the dirs where Clean would change that:
// "." ("./a" is "a"), "" and a volume name, and a dir ending in a
// separator ("/").
func childPath(dir, name string) string {
	if dir == "." || filepath.VolumeName(dir) == dir || os.IsPathSeparator(dir[len(dir)-1]) {
		return filepath.Join(dir, name)
	}
	return dir + string(filepath.Separator) + name
}

// A dirList is the entries of one folder in lexical (byte) order: entry i
// is named names[ents[i].off:][:ents[i].len].
type dirList struct {
	names []byte
	ents  []listEntry
}

// A listEntry is one entry of a dirList: where its name is, and its type.
type listEntry struct {
	off int         // of the name in names
	len uint32      // of the name, in bytes
	typ fs.FileMode // type bits, as fs.DirEntry.Type
}

// openDir opens a folder to list it: os.Open. Tests replace it to refuse
// a folder where chmod cannot (run as root, a mode-000 folder is read).
var openDir = os.Open

// readDirChunk is how many entries readDir asks the system for at a time;
// each chunk's fs.DirEntry values are garbage once copied.
const readDirChunk = 1024

// readDir lists the folder dir as os.ReadDir does: on an error, the
// entries read before it, sorted, and the error. Once ctx is done it reads
// no more chunks and returns ctx.Err().
func readDir(ctx context.Context, dir string) (dirList, error) {
	var l dirList
	f, err := openDir(dir)
	if err != nil {
		return l, err
	}
	defer f.Close()
	for {
		chunk, err := f.ReadDir(readDirChunk)
		if err == nil {
			err = ctx.Err()
		}
		for _, d := range chunk {
			l.ents = append(l.ents, listEntry{off: len(l.names), len: uint32(len(d.Name())), typ: d.Type()})
			l.names = append(l.names, d.Name()...)
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = nil
			}
			// Kept at their size, not at append's: the copies replace
			// a quarter to a half of the listing's bytes with garbage.
			l.names, l.ents = slices.Clone(l.names), slices.Clone(l.ents)
			slices.SortFunc(l.ents, func(a, b listEntry) int { return bytes.Compare(l.name(a), l.name(b)) })
			return l, err
		}
	}
}

// name is e's name, a view of l.names.
func (l *dirList) name(e listEntry) []byte { return l.names[e.off : e.off+int(e.len)] }

// entry is entry i as an fs.DirEntry of the folder dir.
func (l *dirList) entry(dir string, i int) *listedEntry {
	e := l.ents[i]
	return &listedEntry{dir: dir, name: string(l.name(e)), typ: e.typ}
}

// A listedEntry is one entry of a dirList, made when it is visited.
type listedEntry struct {
	dir, name string
	typ       fs.FileMode
}

func (e *listedEntry) Name() string               { return e.name }
func (e *listedEntry) IsDir() bool                { return e.typ.IsDir() }
func (e *listedEntry) Type() fs.FileMode          { return e.typ }
func (e *listedEntry) Info() (fs.FileInfo, error) { return os.Lstat(filepath.Join(e.dir, e.name)) }
func (e *listedEntry) String() string             { return fs.FormatDirEntry(e) }
