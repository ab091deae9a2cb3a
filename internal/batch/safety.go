package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"

	"newsclip/convert"
)

// DefaultJobs is the number of workers when none is given: NEWSCLIP_JOBS
// when set to a positive number, else the number of CPUs.
func DefaultJobs() int {
	if n, err := strconv.Atoi(os.Getenv("NEWSCLIP_JOBS")); err == nil && n > 0 {
		return n
	}
	return runtime.NumCPU()
}

// realPath resolves symlinks in p as far as p exists: a path that is yet
// to be made resolves through its nearest existing folder.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest)
		}
		if filepath.Dir(dir) == dir {
			return abs
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// checkOverlap refuses an output folder that is an input folder or lies
// inside one: its outputs would sit among the inputs and be read as
// inputs by the next run, and --split folders could meet input folders.
func checkOverlap(opts Options, jobs []Job) error {
	out := realPath(opts.OutDir)
	for _, in := range opts.Inputs {
		fi, err := os.Stat(in)
		if err != nil || !fi.IsDir() {
			continue
		}
		if Within(realPath(in), out) {
			return &UsageError{fmt.Sprintf("output folder %s is inside the input folder %s: outputs would become inputs; choose -o outside it", Quote(opts.OutDir), Quote(in))}
		}
	}
	return nil
}

// checkReport refuses a report that would overwrite an input or an output
// of this batch, or land among the inputs as a file the next run reads.
func checkReport(opts Options, jobs []Job, outRoot string) error {
	if opts.Report == "" {
		return nil
	}
	repDir, _ := filepath.Abs(filepath.Dir(opts.Report))
	outDir, _ := filepath.Abs(opts.OutDir)
	if fi, err := os.Stat(repDir); repDir != outDir && (err != nil || !fi.IsDir()) {
		return &UsageError{fmt.Sprintf("--report %s: its folder %s does not exist", Quote(opts.Report), Quote(filepath.Dir(opts.Report)))}
	}
	rep := realPath(opts.Report)
	readable := convert.InputExtensions(filepath.Ext(rep))
	if fi, err := os.Stat(opts.Report); err == nil {
		if fi.IsDir() {
			return &UsageError{fmt.Sprintf("--report %s is a folder; give a file name", Quote(opts.Report))}
		}
		for _, j := range jobs {
			// A walk picks up only readable names; a named file is read
			// whatever its name.
			if !readable && j.Rel != filepath.Base(j.Src) {
				continue
			}
			if si, err := os.Stat(j.Src); err == nil && os.SameFile(fi, si) {
				return &UsageError{fmt.Sprintf("--report %s is the input %s; choose another report file", Quote(opts.Report), Quote(j.Src))}
			}
		}
	}
	if realOut := realPath(opts.OutDir); Within(realOut, rep) {
		rel, _ := filepath.Rel(realOut, rep)
		for _, j := range jobs {
			if r, _ := filepath.Rel(outRoot, j.Out); r == rel || opts.Split && Within(j.Out, filepath.Join(outRoot, rel)) {
				return &UsageError{fmt.Sprintf("--report %s is an output of %s; choose another report file", Quote(opts.Report), Quote(j.Src))}
			}
		}
	}
	if readable {
		for _, in := range opts.Inputs {
			if fi, err := os.Stat(in); err == nil && fi.IsDir() && Within(realPath(in), rep) {
				return &UsageError{fmt.Sprintf("--report %s is inside the input folder %s and would be read as an input; choose another report file", Quote(opts.Report), Quote(in))}
			}
		}
	}
	return nil
}

// checkNamedOutputs refuses a batch in which the output of an input named
// on the command line is that input itself (`-o . clip.md`: Markdown over
// clip.md), compared by device and inode. Walked inputs cannot meet their
// outputs: a walk reads only input extensions, outputs never have one.
func checkNamedOutputs(opts Options, jobs []Job) error {
	for _, j := range jobs {
		if j.Root >= len(opts.Inputs) || opts.Inputs[j.Root] != j.Src {
			continue // found by a walk
		}
		out, err1 := os.Stat(j.Out)
		src, err2 := os.Stat(j.Src)
		if err1 == nil && err2 == nil && os.SameFile(out, src) {
			return &UsageError{fmt.Sprintf("output %s is the input %s; choose another -o", Quote(j.Out), Quote(j.Src))}
		}
	}
	return nil
}
