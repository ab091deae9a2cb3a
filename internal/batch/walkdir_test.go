package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestWalkDirIsWalkDir: walkDir calls its function exactly as
// filepath.WalkDir does, on the tree of TestWalkIsCollect with a folder
// the function skips, a file on which it skips the rest of its folder, a
// symlink to a folder (not followed) and an input that is missing; and
// where the function ends the whole walk (SkipAll) at a file, at a folder
// or at the root, walkDir ends there too and returns nil.
func TestWalkDirIsWalkDir(t *testing.T) {
	dir, _ := walkTree(t)
	for _, name := range []string{"in/skipme/x.txt", "in/q/1.txt", "in/q/2-stop.txt", "in/q/3.txt"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("q", filepath.Join(dir, "in/qlink")); err != nil {
		t.Fatal(err)
	}
	stopAll := "" // the name at which the function returns SkipAll
	record := func(walk func(string, fs.WalkDirFunc) error, root string) []string {
		var calls []string
		err := walk(root, func(path string, d fs.DirEntry, err error) error {
			call := fmt.Sprintf("%s err=%v", path, err)
			if d != nil {
				call += fmt.Sprintf(" name=%s dir=%v type=%v", d.Name(), d.IsDir(), d.Type())
			}
			calls = append(calls, call)
			switch {
			case err != nil:
				return nil
			case d.Name() == stopAll:
				return filepath.SkipAll
			case d.Name() == "skipme", strings.HasSuffix(path, "-stop.txt"):
				return filepath.SkipDir
			}
			return nil
		})
		return append(calls, fmt.Sprintf("returned %v", err))
	}
	t.Chdir(dir) // and relative roots, whose paths Join cleans
	ours := func(r string, fn fs.WalkDirFunc) error { return walkDir(t.Context(), r, fn) }
	for _, stopAll = range []string{"", "1.txt", "z", "in"} {
		for _, root := range []string{dir, filepath.Join(dir, "in"), filepath.Join(dir, "in/qlink"), filepath.Join(dir, "missing"), ".", "./", "in/", "./in//q", "in/../in"} {
			got, want := record(ours, root), record(filepath.WalkDir, root)
			if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
				t.Errorf("walk of %s, SkipAll at %q:\n got\n%s\nwant\n%s", root, stopAll, g, w)
			}
		}
	}
}

// TestChildPath: childPath is filepath.Join for the paths a walk makes.
func TestChildPath(t *testing.T) {
	for _, row := range [][2]string{
		{"in", "a.txt"}, {"in/b", "c.txt"}, {"/tmp/in", "a"}, {"../in", "a"}, {"a b", "c d.txt"},
		{".", "a.txt"}, {"/", "tmp"}, {"", "a.txt"}, {"in", "..."}, {"in", ".hidden"},
	} {
		if got, want := childPath(row[0], row[1]), filepath.Join(row[0], row[1]); got != want {
			t.Errorf("childPath(%q, %q) = %q, want %q (Join)", row[0], row[1], got, want)
		}
	}
}

// TestWalkRelativeRoots: each job's Rel is filepath.Rel from its input
// root, however the root is written, so that outputs mirror the tree.
func TestWalkRelativeRoots(t *testing.T) {
	dir, _ := walkTree(t)
	t.Chdir(dir)
	for _, root := range []string{"in", "in/", "./in", "in//", "in/../in", "in/b", dir + "/in/"} {
		jobs, _, err := Collect(t.Context(), []string{root}, func(string) {})
		if err != nil || len(jobs) == 0 {
			t.Fatalf("%s: %d jobs, %v", root, len(jobs), err)
		}
		for _, j := range jobs {
			if want, _ := filepath.Rel(root, j.Src); j.Rel != filepath.ToSlash(want) || j.Src != filepath.Join(root, j.Rel) {
				t.Errorf("root %s: %s has Rel %q, want %q", root, j.Src, j.Rel, want)
			}
		}
	}
	t.Chdir(filepath.Join(dir, "in"))
	jobs, _, _ := Collect(t.Context(), []string{"."}, func(string) {})
	var rels []string
	for _, j := range jobs {
		rels = append(rels, j.Src+"="+j.Rel)
	}
	if got := strings.Join(rels, " "); got != "a.txt=a.txt b/c.txt=b/c.txt link-in.txt=link-in.txt z/deeper/y.TXT=z/deeper/y.TXT" {
		t.Errorf("root .: %s", got)
	}
}

// TestWalkFlatFolderListing: a walk through a folder of many files holds
// its listing in about 30 bytes a file (the name and 16 bytes), where
// filepath.WalkDir's holds about 100: a streamed batch of one flat folder
// keeps the listing for the whole conversion.
func TestWalkFlatFolderListing(t *testing.T) {
	const n = 10000
	dir := t.TempDir()
	for i := range n {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("clip%06d.txt", i)))
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	heap := func() int64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return int64(m.HeapAlloc)
	}
	before, during, seen := heap(), int64(0), 0
	_, err := Walk(t.Context(), []string{dir}, func(string) {}, func(j Job) bool {
		if seen++; seen == n/2 {
			during = heap()
		}
		return true
	})
	if err != nil || seen != n {
		t.Fatalf("%d files walked, %v", seen, err)
	}
	per := (during - before) / n
	t.Logf("%d bytes a file held half way through the folder", per)
	if per > 40 {
		t.Errorf("the walk holds %d bytes a file of a flat folder; want at most 40", per)
	}
}

// TestRelPrefix: cutting relPrefix(in) off a path the walk of in makes
// gives filepath.Rel(in, path), for roots relative, absolute, with
// trailing separators, dots and "..", so that the Rel fallback of the
// walk is never what makes Rel right.
func TestRelPrefix(t *testing.T) {
	for _, in := range []string{".", "./", "..", "/", "a", "a/", "a//", "./a", "a/..", "a/../b", "../x/y", "/abs/dir", "/abs/dir/"} {
		for _, below := range []string{"f.txt", "sub/f.txt", "sub/deeper/f.txt"} {
			path := filepath.Join(in, below) // as the walk makes it
			want, err := filepath.Rel(in, path)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := strings.CutPrefix(path, relPrefix(in))
			if !ok || got != want {
				t.Errorf("root %q, path %q: cut %q (%v), Rel gives %q", in, path, got, ok, want)
			}
		}
	}
}

// TestReadDirCancelled: the listing of a folder reads no more chunks once
// the walk's context is done: a stop while a huge folder is being listed
// does not wait for the whole listing.
func TestReadDirCancelled(t *testing.T) {
	dir := manyPassedOver(t, readDirChunk+100)
	ctx, cancel := context.WithCancel(t.Context())
	l, err := readDir(ctx, dir)
	if err != nil || len(l.ents) != readDirChunk+102 {
		t.Fatalf("listing: %d entries, %v", len(l.ents), err)
	}
	cancel()
	l, err = readDir(ctx, dir)
	if !errors.Is(err, context.Canceled) || len(l.ents) > readDirChunk {
		t.Errorf("cancelled listing: %d entries read, error %v; want at most one chunk (%d) and %v", len(l.ents), err, readDirChunk, context.Canceled)
	}
}

// unreadable makes the folder dir unreadable for the rest of the test:
// mode 000, or, run as root (which reads it anyway), an openDir that
// refuses it with the error open(2) gives.
func unreadable(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return
	}
	old := openDir
	openDir = func(name string) (*os.File, error) {
		if name == dir {
			return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.EACCES}
		}
		return old(name)
	}
	t.Cleanup(func() { openDir = old })
}

// TestWalkUnreadableFolder: a folder that cannot be listed is a warning
// naming it, and the walk goes on with the rest, in order; an input
// folder that cannot be listed is a warning and no jobs, not an error.
func TestWalkUnreadableFolder(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"in/a.txt", "in/locked/b.txt", "in/z.txt"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, locked := filepath.Join(dir, "in"), filepath.Join(dir, "in", "locked")
	unreadable(t, locked)
	var warned []string
	warn := func(m string) { warned = append(warned, m) }
	jobs, _, err := Collect(t.Context(), []string{in}, warn)
	var rels []string
	for _, j := range jobs {
		rels = append(rels, j.Rel)
	}
	if err != nil || strings.Join(rels, " ") != "a.txt z.txt" {
		t.Errorf("jobs %q, error %v; want a.txt z.txt and no error", rels, err)
	}
	if want := locked + ": permission denied"; len(warned) != 1 || warned[0] != want {
		t.Errorf("warnings %q, want %q", warned, want)
	}

	warned = nil
	jobs, _, err = Collect(t.Context(), []string{locked}, warn)
	if want := locked + ": permission denied"; err != nil || len(jobs) != 0 || len(warned) != 1 || warned[0] != want {
		t.Errorf("unreadable input folder: %d jobs, error %v, warnings %q; want none, none, %q", len(jobs), err, warned, want)
	}
}
