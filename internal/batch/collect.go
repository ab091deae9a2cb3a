package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"newsclip/convert"
	"newsclip/internal/atomicfile"
)

// A Job is one input file of a batch.
type Job struct {
	Index int    // position in input order: command-line order, then walk order
	Src   string // path as found
	Root  int    // which command-line input it came from (index into the inputs)
	Rel   string // slash path relative to its input root, for outputs and shards
	Out   string // output file (or folder with Split); set by Plan
}

// Skipped counts the files a folder walk passed over, by reason: "not a
// supported input (.xlsx)", "hidden", "symlink leading outside the folder".
type Skipped map[string]int

// String lists the reasons in a stable order: "3 hidden, 2 not a supported
// input (.xlsx)".
func (s Skipped) String() string {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", s[k], k)
	}
	return strings.Join(parts, ", ")
}

// Total is the number of skipped files.
func (s Skipped) Total() int {
	n := 0
	for _, v := range s {
		n += v
	}
	return n
}

// Collect walks the inputs in order: a folder recursively in lexical order
// (hidden entries, unsupported files and files that are not regular
// skipped and counted, symlinks followed only when they stay inside the
// folder; a folder input that is a symlink is followed), a file as itself
// (a named pipe given as an input too: "<(zcat a.txt.gz)" is one). Walk
// problems go to warn; a missing input is an error. It is Walk with every job kept:
// about 130 bytes a file, for the callers that need the whole list (plans,
// shards, progress totals). A done ctx stops it as it stops Walk.
func Collect(ctx context.Context, inputs []string, warn func(string)) ([]Job, Skipped, error) {
	var jobs []Job
	skipped, err := Walk(ctx, inputs, warn, func(j Job) bool {
		jobs = append(jobs, j)
		return true
	})
	if err != nil {
		return nil, nil, err
	}
	return jobs, skipped, nil
}

// Walk hands the jobs that Collect returns to yield, one at a time and in
// the same order (Index counting from 0), with the same warnings, skips and
// errors, and keeps none of them: its memory is the listing of the folder
// being walked, not the list of files. It stops, with no error, when yield
// returns false. An error (a missing input) comes after the
// jobs of the inputs before it have been yielded. Once ctx is done it returns
// ctx.Err() at the next entry it visits, yielded or passed over, and at the
// next chunk of a folder's listing: a stop does not wait for the next job,
// which a stretch of files passed over can hold back for long.
func Walk(ctx context.Context, inputs []string, warn func(string), yield func(Job) bool) (Skipped, error) {
	skipped := Skipped{}
	seen := map[string]bool{} // inputs by real path: one given twice is read once
	index := 0
	more := func(j Job) bool {
		j.Index = index
		index++
		return yield(j)
	}
	for root, in := range inputs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		fi, err := os.Stat(in)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", Quote(in), atomicfile.Unwrap(err))
		}
		if real := realPath(in); seen[real] {
			warn(fmt.Sprintf("%s: given more than once; converted once", Quote(in)))
			continue
		} else {
			seen[real] = true
		}
		if !fi.IsDir() {
			// A named pipe or a device named here is read as given,
			// as cat reads it: "<(zcat a.txt.gz)" and /dev/stdin are
			// pipes. Only a walk passes them over (see walk).
			if !more(Job{Src: in, Root: root, Rel: filepath.Base(in)}) {
				return skipped, nil
			}
			continue
		}
		if err := walk(ctx, in, root, warn, skipped, more); err == errStopped {
			return skipped, nil
		} else if err != nil {
			return nil, err
		}
	}
	return skipped, nil
}

// errStopped ends a folder walk whose consumer wants no more jobs.
var errStopped = errors.New("walk stopped")

// walk yields the jobs of the folder in, in lexical order; it returns
// errStopped when yield returns false, and ctx.Err() at the first entry
// it visits once ctx is done. A symlink to a folder given as in is
// followed (see followRoot); symlinks to folders inside are not.
func walk(ctx context.Context, in string, root int, warn func(string), skipped Skipped, yield func(Job) bool) error {
	realRoot, err := filepath.EvalSymlinks(in)
	if err != nil {
		return fmt.Errorf("%s: %v", Quote(in), atomicfile.Unwrap(err))
	}
	realRoot, _ = filepath.Abs(realRoot)
	prefix := relPrefix(in)
	top := followRoot(in)
	done := ctx.Done() // nil, never ready, for a context that cannot be cancelled
	return walkDir(ctx, top, func(path string, d fs.DirEntry, err error) error {
		select {
		case <-done:
			return ctx.Err()
		default:
		}
		if err != nil {
			warn(fmt.Sprintf("%s: %v", Quote(path), atomicfile.Unwrap(err)))
			return nil
		}
		name := d.Name()
		if path != top && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			skipped["hidden"]++
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 && isDir(path) {
			// "latest -> 2024": followed, it could lead out, loop, or
			// convert a folder twice; given as an input, it is walked.
			warn(fmt.Sprintf("%s: symlink to a folder; not followed (give it as an input to convert it)", Quote(path)))
			skipped["symlink to a folder"]++
			return nil
		}
		if ext := filepath.Ext(name); !convert.InputExtensions(ext) {
			if ext == "" {
				ext = "no extension"
			}
			skipped["not a supported input ("+strings.ToLower(ext)+")"]++
			return nil
		}
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(path)
			if err != nil {
				warn(fmt.Sprintf("%s: broken symlink; skipped", Quote(path)))
				skipped["broken symlink"]++
				return nil
			}
			if !Within(realRoot, target) {
				warn(fmt.Sprintf("%s: symlink leads outside %s; skipped", Quote(path), Quote(in)))
				skipped["symlink leading outside the folder"]++
				return nil
			}
			if fi, err := os.Stat(target); err == nil {
				mode = fi.Mode()
			}
		}
		if !mode.IsRegular() {
			warn(fmt.Sprintf("%s: not a regular file%s; skipped", Quote(path), irregular(mode)))
			skipped["not a regular file"]++
			return nil
		}
		rel, ok := strings.CutPrefix(path, prefix)
		if !ok {
			rel, _ = filepath.Rel(in, path)
		}
		if !yield(Job{Src: path, Root: root, Rel: filepath.ToSlash(rel)}) {
			return errStopped
		}
		return nil
	})
}

// isDir reports whether path leads to a folder (following symlinks).
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// irregular names, in parentheses after a space, the kind of file of a
// mode that is not a regular file, where reading could block or never
// end: " (a named pipe)" (opening one blocks until something writes to
// it), " (a device)" (/dev/zero never ends), " (a socket)", and, for a
// symlink met in a walk, " (a folder)"; "" for another kind.
func irregular(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return " (a named pipe)"
	case mode&fs.ModeDevice != 0:
		return " (a device)"
	case mode&fs.ModeSocket != 0:
		return " (a socket)"
	case mode.IsDir():
		return " (a folder)"
	}
	return ""
}

// followRoot is the folder input in as walkDir must be given it: in, or,
// when in is a symlink (to a folder), in with a separator added, which
// the system resolves, so that the walk lists the folder it leads to
// rather than passing over the link as filepath.WalkDir does. The paths
// below it are the same (filepath.Join cleans the separator away).
func followRoot(in string) string {
	if fi, err := os.Lstat(in); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return in + string(filepath.Separator)
	}
	return in
}

// relPrefix is the start of every path that the walk of the folder in
// finds below it, which filepath.Rel(in, path) takes away: filepath.Join
// cleans in ("./in/" is "in") and adds a separator, unless in is "." (the
// paths are then relative, "a.txt") or ends in one ("/"). Cutting it
// costs nothing where Rel cleans both paths for every file.
func relPrefix(in string) string {
	c := filepath.Clean(in)
	switch {
	case c == ".":
		return ""
	case os.IsPathSeparator(c[len(c)-1]):
		return c
	}
	return c + string(filepath.Separator)
}

// Within reports whether path (absolute or not) lies inside root (or is
// root), lexically.
func Within(root, path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(root, abs)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// Quote is convert.QuoteName: names with control characters quoted.
func Quote(name string) string { return convert.QuoteName(name) }
