package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"newsclip/convert"
)

// walkTree builds a folder with one of each thing a walk passes over or
// follows, a file beside it and a file outside it, and returns the inputs
// of a batch over them: the folder, the file, the folder again.
func walkTree(t *testing.T) (dir string, inputs []string) {
	t.Helper()
	dir = t.TempDir()
	files := map[string]string{
		"in/a.txt":             "a",
		"in/b/c.txt":           "c",
		"in/b/.hidden.txt":     "hidden file",
		"in/.hiddendir/d.txt":  "in a hidden folder",
		"in/e.xlsx":            "spreadsheet",
		"in/noext":             "no extension",
		"in/z/deeper/y.TXT":    "upper-case extension",
		"single.txt":           "a file input",
		"outside-the-tree.txt": "target of a link leading out",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"in/link-in.txt":  "a.txt",
		"in/link-out.txt": "../outside-the-tree.txt",
		"in/broken.txt":   "missing.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	if err := mkfifo(filepath.Join(dir, "in/pipe.txt")); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	in := filepath.Join(dir, "in")
	return dir, []string{in, filepath.Join(dir, "single.txt"), in + "/"}
}

// TestWalkIsCollect: Walk yields, one at a time, the jobs that Collect
// lists, in lexical order within a folder and command-line order between
// inputs, with the same skips and warnings; a batch's outputs and report
// follow that order.
func TestWalkIsCollect(t *testing.T) {
	dir, inputs := walkTree(t)
	in := inputs[0]
	wantJobs := []Job{
		{Index: 0, Src: in + "/a.txt", Root: 0, Rel: "a.txt"},
		{Index: 1, Src: in + "/b/c.txt", Root: 0, Rel: "b/c.txt"},
		{Index: 2, Src: in + "/link-in.txt", Root: 0, Rel: "link-in.txt"},
		{Index: 3, Src: in + "/z/deeper/y.TXT", Root: 0, Rel: "z/deeper/y.TXT"},
		{Index: 4, Src: dir + "/single.txt", Root: 1, Rel: "single.txt"},
	}
	wantSkipped := Skipped{
		"hidden":                               1,
		"not a supported input (.xlsx)":        1,
		"not a supported input (no extension)": 1,
		"broken symlink":                       1,
		"symlink leading outside the folder":   1,
		"not a regular file":                   1,
	}
	wantWarnings := []string{
		in + "/broken.txt: broken symlink; skipped",
		in + "/link-out.txt: symlink leads outside " + in + "; skipped",
		in + "/pipe.txt: not a regular file (a named pipe); skipped",
		in + "/: given more than once; converted once",
	}

	var warned []string
	jobs, skipped, err := Collect(t.Context(), inputs, func(m string) { warned = append(warned, m) })
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, jobs []Job, skipped Skipped, warned []string) {
		t.Helper()
		if !reflect.DeepEqual(jobs, wantJobs) {
			t.Errorf("%s jobs:\n got %+v\nwant %+v", name, jobs, wantJobs)
		}
		if !reflect.DeepEqual(skipped, wantSkipped) {
			t.Errorf("%s skipped %v, want %v", name, skipped, wantSkipped)
		}
		if !reflect.DeepEqual(warned, wantWarnings) {
			t.Errorf("%s warnings:\n got %q\nwant %q", name, warned, wantWarnings)
		}
	}
	check("Collect", jobs, skipped, warned)

	var walked []Job
	warned = nil
	skipped, err = Walk(t.Context(), inputs, func(m string) { warned = append(warned, m) }, func(j Job) bool {
		walked = append(walked, j)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	check("Walk", walked, skipped, warned)
}

// TestWalkStops: a consumer that wants no more jobs ends the walk there,
// without an error; a missing input is an error once the inputs before it
// have been walked, and Collect returns no jobs with it.
func TestWalkStops(t *testing.T) {
	dir, inputs := walkTree(t)
	var got []string
	_, err := Walk(t.Context(), inputs, func(string) {}, func(j Job) bool {
		got = append(got, j.Rel)
		return len(got) < 2
	})
	if err != nil || strings.Join(got, " ") != "a.txt b/c.txt" {
		t.Errorf("stopped after two: got %q, %v", got, err)
	}

	// Stopped at a file input, the folder after it is not walked.
	got = nil
	_, err = Walk(t.Context(), []string{inputs[1], inputs[0]}, func(string) {}, func(j Job) bool {
		got = append(got, j.Rel)
		return false
	})
	if err != nil || strings.Join(got, " ") != "single.txt" {
		t.Errorf("stopped at a file input: got %q, %v", got, err)
	}

	missing := filepath.Join(dir, "missing")
	got = nil
	_, err = Walk(t.Context(), []string{inputs[1], missing, inputs[0]}, func(string) {}, func(j Job) bool {
		got = append(got, j.Rel)
		return true
	})
	if err == nil || err.Error() != missing+": no such file or directory" {
		t.Errorf("missing input: error %v", err)
	}
	if strings.Join(got, " ") != "single.txt" {
		t.Errorf("missing input: yielded %q, want the input before it only", got)
	}
	if jobs, _, err := Collect(t.Context(), []string{inputs[1], missing}, func(string) {}); err == nil || jobs != nil {
		t.Errorf("Collect with a missing input: %d jobs, error %v", len(jobs), err)
	}
}

// manyPassedOver makes a folder holding a.txt, n files the walk passes
// over (b00000.xlsx ...) and z.txt, in that lexical order, and returns it.
func manyPassedOver(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	names := []string{"a.txt", "z.txt"}
	for i := range n {
		names = append(names, fmt.Sprintf("b%05d.xlsx", i))
	}
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestWalkCancelled: a stop (the context done) ends a walk at the next
// entry it visits, not at the next job: cancelled while a.txt is handed
// over, the walk of a.txt, 1,000 files it passes over and z.txt returns
// the context's error without yielding z.txt or the input after the
// folder, and a walk whose context is already done yields nothing.
func TestWalkCancelled(t *testing.T) {
	dir := manyPassedOver(t, 1000)
	single := filepath.Join(t.TempDir(), "single.txt")
	if err := os.WriteFile(single, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	var got []string
	_, err := Walk(ctx, []string{dir, single}, func(string) {}, func(j Job) bool {
		got = append(got, j.Rel)
		cancel() // as a Ctrl-C or a failed write while this job is handed on
		return true
	})
	if !errors.Is(err, context.Canceled) || strings.Join(got, " ") != "a.txt" {
		t.Errorf("cancelled at a.txt: yielded %q, error %v; want a.txt only and %v", got, err, context.Canceled)
	}

	// The folder as the last input: the walk itself must say it stopped.
	ctx2, cancel2 := context.WithCancel(t.Context())
	got = nil
	_, err = Walk(ctx2, []string{dir}, func(string) {}, func(j Job) bool {
		got = append(got, j.Rel)
		cancel2()
		return true
	})
	if !errors.Is(err, context.Canceled) || strings.Join(got, " ") != "a.txt" {
		t.Errorf("cancelled at a.txt in the last input: yielded %q, error %v; want a.txt only and %v", got, err, context.Canceled)
	}

	got = nil
	_, err = Walk(ctx, []string{single, dir}, func(m string) { got = append(got, m) }, func(j Job) bool {
		got = append(got, j.Rel)
		return true
	})
	if !errors.Is(err, context.Canceled) || got != nil {
		t.Errorf("already cancelled: yielded or warned %q, error %v", got, err)
	}
}

// TestRunCancelledWhileListing: a batch stopped while its inputs are
// being listed ends there: it fails (ErrFailed), converts nothing, makes
// no output folder and prints nothing (the stop has its own message).
func TestRunCancelledWhileListing(t *testing.T) {
	dir := manyPassedOver(t, 10)
	out := filepath.Join(t.TempDir(), "out")
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	read := 0
	var stderr strings.Builder
	err := Run(ctx, Options{
		Inputs: []string{dir}, OutDir: out, Ext: ".md", Jobs: 1,
		Read:  func(string) (*convert.Document, error) { read++; return &convert.Document{}, nil },
		Write: func(io.Writer, []*convert.Document) error { return nil },
	}, &stderr)
	if _, statErr := os.Stat(out); err != ErrFailed || read != 0 || stderr.Len() != 0 || statErr == nil {
		t.Errorf("cancelled: error %v, %d read, output folder made: %v, stderr %q", err, read, statErr == nil, stderr.String())
	}
}

// TestWalkSymlinkedRoot: a folder input that is a symlink to a folder
// (named without a trailing slash, and even with a hidden name) is walked
// as the folder it leads to, its jobs named under the link as given;
// inside the walk, a symlink to a folder is still passed over, and a
// symlink to a file inside is followed. The link and its folder given
// both are walked once.
func TestWalkSymlinkedRoot(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"real/a.txt", "real/sub/b.txt"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range map[string]string{"link": "real", ".hidden-link": "real", "real/sublink": "sub", "real/in-link.txt": "a.txt"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	t.Chdir(dir)
	for _, root := range []string{"link", "./link", ".hidden-link", dir + "/link"} {
		var warned []string
		jobs, skipped, err := Collect(t.Context(), []string{root, "real"}, func(m string) { warned = append(warned, m) })
		var got []string
		for _, j := range jobs {
			got = append(got, j.Src+"="+j.Rel)
		}
		r := filepath.Clean(root) + "/"
		want := r + "a.txt=a.txt " + r + "in-link.txt=in-link.txt " + r + "sub/b.txt=sub/b.txt"
		if err != nil || strings.Join(got, " ") != want {
			t.Errorf("root %s: jobs %q, error %v; want %q", root, got, err, want)
		}
		if wantSkipped := (Skipped{"symlink to a folder": 1}); !reflect.DeepEqual(skipped, wantSkipped) {
			t.Errorf("root %s: skipped %v, want %v (the symlink to a folder inside)", root, skipped, wantSkipped)
		}
		wantWarned := []string{r + "sublink: symlink to a folder; not followed (give it as an input to convert it)",
			"real: given more than once; converted once"}
		if !reflect.DeepEqual(warned, wantWarned) {
			t.Errorf("root %s: warnings %q, want %q", root, warned, wantWarned)
		}
	}
}

// TestWalkNonRegular: inside a folder, a named pipe (which blocks whoever
// opens it until something writes to it) with a name newsclip reads is
// passed over with a warning, and so is a symlink to one, or to a folder;
// named as an input, a pipe or a device is a job, read as given.
func TestWalkNonRegular(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	for _, name := range []string{"in/a.txt", "in/sub/b.txt", "single.txt"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fifo := filepath.Join(in, "pipe.txt")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for name, target := range map[string]string{"in/pipe-link.txt": "pipe.txt", "in/folder-link.txt": "sub"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	var warned, got []string
	walk := func(inputs ...string) (Skipped, error) {
		warned, got = nil, nil
		return Walk(t.Context(), inputs, func(m string) { warned = append(warned, m) }, func(j Job) bool {
			got = append(got, j.Rel)
			return true
		})
	}
	skipped, err := walk(in)
	if err != nil || strings.Join(got, " ") != "a.txt sub/b.txt" || skipped["not a regular file"] != 2 || skipped["symlink to a folder"] != 1 {
		t.Errorf("folder: jobs %q, skipped %v, error %v; want a.txt sub/b.txt, 2 not regular, 1 symlink to a folder", got, skipped, err)
	}
	wantWarned := []string{
		in + "/folder-link.txt: symlink to a folder; not followed (give it as an input to convert it)",
		in + "/pipe-link.txt: not a regular file (a named pipe); skipped",
		in + "/pipe.txt: not a regular file (a named pipe); skipped",
	}
	if !reflect.DeepEqual(warned, wantWarned) {
		t.Errorf("folder: warnings\n%q\nwant\n%q", warned, wantWarned)
	}

	// Named as inputs, a pipe (or a symlink to one) and a device are
	// jobs like any file, read as cat reads them.
	for _, input := range []string{fifo, in + "/pipe-link.txt", "/dev/zero"} {
		if fi, err := os.Stat(input); err != nil || fi.Mode().IsRegular() {
			continue // no /dev/zero here
		}
		_, err = walk(filepath.Join(dir, "single.txt"), input)
		if want := "single.txt " + filepath.Base(input); err != nil || strings.Join(got, " ") != want || len(warned) != 0 {
			t.Errorf("input %s: jobs %q, warnings %q, error %v; want %q", input, got, warned, err, want)
		}
	}
}
