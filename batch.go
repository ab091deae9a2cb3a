package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"newsclip/convert"
)

// A batchJob is one input file of a batch.
type batchJob struct {
	index int    // position in walk order
	src   string // path as found
	rel   string // slash path relative to its input root, for outputs and shards
	out   string // output file (or folder with --split)
}

// A batchResult is one line of --report.
type batchResult struct {
	Path     string   `json:"path"`
	Output   string   `json:"output,omitempty"`
	Status   string   `json:"status"` // ok, failed, skipped
	Articles int      `json:"articles"`
	Warnings []string `json:"warnings"`
	Error    string   `json:"error,omitempty"`
	Seconds  float64  `json:"seconds"`
	index    int
}

// shard is a --shard K/N setting: K in [0, N).
type shard struct{ k, n uint64 }

func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{0, 1}, nil
	}
	ks, ns, ok := strings.Cut(s, "/")
	k, err1 := strconv.ParseUint(ks, 10, 64)
	n, err2 := strconv.ParseUint(ns, 10, 64)
	if !ok || err1 != nil || err2 != nil || n == 0 || k >= n {
		return shard{}, fmt.Errorf("--shard %q: want K/N with 0 <= K < N", s)
	}
	return shard{k, n}, nil
}

// has reports whether the input at rel belongs to this shard: the FNV-1a
// hash of its relative path, modulo N, is K.
func (s shard) has(rel string) bool {
	h := fnv.New64a()
	h.Write([]byte(rel))
	return h.Sum64()%s.n == s.k
}

// outputExt is the file ending of each output format.
func outputExt(to string) string {
	switch to {
	case "json":
		return ".json"
	case "jsonl":
		return ".jsonl"
	case "epub":
		return ".epub"
	}
	return ".md"
}

// collectInputs walks the inputs: a folder recursively (hidden entries and
// files of other kinds skipped, symlinks followed only when they stay
// inside the folder), a file as itself. Warnings go to warn.
func collectInputs(inputs []string, warn func(string)) ([]batchJob, error) {
	var jobs []batchJob
	for _, in := range inputs {
		fi, err := os.Stat(in)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", in, unwrapPath(err))
		}
		if !fi.IsDir() {
			jobs = append(jobs, batchJob{src: in, rel: filepath.Base(in)})
			continue
		}
		root, err := filepath.EvalSymlinks(in)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", in, unwrapPath(err))
		}
		root, _ = filepath.Abs(root)
		err = filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				warn(fmt.Sprintf("%s: %v", path, unwrapPath(err)))
				return nil
			}
			name := d.Name()
			if path != in && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !convert.InputExtensions(filepath.Ext(name)) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				target, err := filepath.EvalSymlinks(path)
				if err != nil || !within(root, target) {
					warn(fmt.Sprintf("%s: symlink leads outside %s; skipped", path, in))
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			rel, _ := filepath.Rel(in, path)
			jobs = append(jobs, batchJob{src: path, rel: filepath.ToSlash(rel)})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for i := range jobs {
		jobs[i].index = i
	}
	return jobs, nil
}

// within reports whether path (absolute or not) lies inside root.
func within(root, path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(root, abs)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// runBatch converts folders of clippings into a mirrored tree under
// opts.Output with -j workers. One bad file never stops the batch.
func runBatch(ctx context.Context, opts convertOptions, stderr io.Writer) error {
	if opts.Output == "" || opts.Output == "-" {
		// A folder cannot go to stdout: name it, as for any unreadable input.
		for _, in := range opts.Inputs {
			if fi, err := os.Stat(in); err == nil && fi.IsDir() {
				fmt.Fprintf(stderr, "newsclip: %s: is a directory (give -o OUTDIR to convert a folder)\n", in)
				return errFailed
			}
		}
		return errors.New("convert: --split needs -o OUTDIR")
	}
	sh, err := parseShard(opts.Shard)
	if err != nil {
		return err
	}
	outRoot, err := filepath.Abs(opts.Output)
	if err != nil {
		return err
	}
	warn := func(msg string) {
		if !opts.Quiet {
			fmt.Fprintf(stderr, "newsclip: warning: %s\n", msg)
		}
	}
	all, err := collectInputs(opts.Inputs, warn)
	if err != nil {
		fmt.Fprintf(stderr, "newsclip: %v\n", err)
		return errFailed
	}
	var jobs []batchJob
	for _, j := range all {
		if !sh.has(j.rel) {
			continue
		}
		out := strings.TrimSuffix(j.rel, filepath.Ext(j.rel))
		if !opts.Split {
			out += outputExt(opts.To)
		}
		j.out = filepath.Join(outRoot, filepath.FromSlash(out))
		if !within(outRoot, j.out) {
			warn(fmt.Sprintf("%s: output would leave %s; skipped", j.src, opts.Output))
			continue
		}
		j.index = len(jobs)
		jobs = append(jobs, j)
	}
	if err := os.MkdirAll(outRoot, 0o755); err != nil {
		fmt.Fprintf(stderr, "newsclip: %s: %v\n", opts.Output, unwrapPath(err))
		return errFailed
	}
	removeStaleTemps(jobs)

	workers := opts.Jobs
	if workers <= 0 {
		workers = defaultJobs()
	}
	rep, err := newReporter(opts, stderr, len(jobs))
	if err != nil {
		fmt.Fprintf(stderr, "newsclip: %v\n", err)
		return errFailed
	}
	start := time.Now()
	results := make(chan batchResult, workers)
	go func() {
		forEachParallel(ctx, workers, len(jobs), func(i int) { results <- convertOne(jobs[i], opts) })
		close(results)
	}()
	for r := range results {
		rep.add(r)
	}
	if err := rep.finish(time.Since(start), ctx.Err() != nil); err != nil {
		fmt.Fprintf(stderr, "newsclip: %v\n", err)
		return errFailed
	}
	if rep.failed > 0 || ctx.Err() != nil {
		return errFailed
	}
	return nil
}

func defaultJobs() int {
	n := 0
	if s := os.Getenv("NEWSCLIP_JOBS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	if n <= 0 {
		n = numCPU()
	}
	return n
}

// forEachParallel calls f(i) for every i in [0, n) on workers goroutines
// and returns when all calls have returned. Once ctx is done no more calls
// start.
func forEachParallel(ctx context.Context, workers, n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
}

// removeStaleTemps deletes the temporary files a killed run left beside the
// outputs of these jobs (and only of these: other shards may be running).
func removeStaleTemps(jobs []batchJob) {
	dirs := map[string]map[string]bool{}
	for _, j := range jobs {
		dir := filepath.Dir(j.out)
		if dirs[dir] == nil {
			dirs[dir] = map[string]bool{}
		}
		dirs[dir][filepath.Base(j.out)] = true
	}
	for dir, names := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if target, ok := tempTarget(e.Name()); ok && names[target] {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}

// convertOne converts one input of a batch and writes its output(s).
func convertOne(j batchJob, opts convertOptions) (r batchResult) {
	start := time.Now()
	r = batchResult{Path: j.src, Output: j.out, Status: "ok", Warnings: []string{}, index: j.index}
	defer func() {
		if p := recover(); p != nil {
			r.Status, r.Error = "failed", fmt.Sprintf("%s: internal error: %v", j.src, p)
		}
		r.Seconds = float64(time.Since(start).Microseconds()) / 1e6
	}()
	if opts.Resume && upToDate(j.src, j.out) {
		r.Status = "skipped"
		return r
	}
	doc, err := readInput(j.src, nil, opts.PDF)
	if err != nil {
		r.Status, r.Error = "failed", err.Error()
		return r
	}
	r.Articles = len(doc.Articles)
	for _, w := range doc.Warnings {
		r.Warnings = append(r.Warnings, w.String())
	}
	for _, a := range doc.Articles {
		for _, w := range a.Warnings {
			r.Warnings = append(r.Warnings, w.String())
		}
	}
	dir := j.out
	if !opts.Split {
		dir = filepath.Dir(j.out)
	}
	if err = safeMkdir(dir, opts.Output); err == nil {
		if opts.Split {
			err = writeSplit(j.out, doc, opts)
		} else {
			err = writeFileAtomic(j.out, func(w io.Writer) error {
				return writeFormat(w, opts, []*convert.Document{doc})
			})
		}
	}
	if err != nil {
		r.Status, r.Error = "failed", fmt.Sprintf("%s: %v", j.src, err)
	}
	return r
}

// safeMkdir makes dir, which lies lexically inside outRoot, and checks that
// it still does once symlinks are resolved: a link inside OUTDIR must not
// lead the batch to write elsewhere.
func safeMkdir(dir, outRoot string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return unwrapPath(err)
	}
	root, err1 := filepath.EvalSymlinks(outRoot)
	real, err2 := filepath.EvalSymlinks(dir)
	if err1 != nil || err2 != nil {
		return errors.New("cannot resolve the output folder")
	}
	root, _ = filepath.Abs(root)
	if !within(root, real) {
		return fmt.Errorf("output folder %s leads outside %s; not written", dir, outRoot)
	}
	return nil
}

// upToDate reports whether out exists and is newer than src (--resume).
func upToDate(src, out string) bool {
	si, err1 := os.Stat(src)
	oi, err2 := os.Stat(out)
	return err1 == nil && err2 == nil && oi.ModTime().After(si.ModTime())
}

// writeSplit writes one file per article into the folder dir, named from
// the article's date and headline ("2021-03-02-council-approves.md").
func writeSplit(dir string, doc *convert.Document, opts convertOptions) error {
	used := map[string]bool{}
	for _, a := range doc.Articles {
		name := articleFileName(a, used) + outputExt(opts.To)
		one := &convert.Document{Source: doc.Source, Articles: []*convert.Article{a}, Warnings: doc.Warnings}
		if err := writeFileAtomic(filepath.Join(dir, name), func(w io.Writer) error {
			return writeFormat(w, opts, []*convert.Document{one})
		}); err != nil {
			return err
		}
	}
	// The folder's time says when the split finished, for --resume.
	now := time.Now()
	return os.Chtimes(dir, now, now)
}

// articleFileName makes a file name, without extension, from an article's
// date and headline that is safe on every file system: lower-case ASCII
// letters, digits and hyphens, at most 80 bytes, never empty, never a
// reserved Windows name, unique among used.
func articleFileName(a *convert.Article, used map[string]bool) string {
	var b strings.Builder
	if iso := a.Date.ISO(); iso != "" {
		b.WriteString(iso + "-")
	}
	dash := false
	for _, r := range foldASCII(a.Headline) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 80 {
			break
		}
	}
	name := strings.Trim(b.String(), "-")
	if len(name) > 80 {
		name = strings.TrimRight(name[:80], "-")
	}
	if name == "" {
		name = fmt.Sprintf("article-%d", a.Index+1)
	}
	switch strings.ToLower(name) {
	case "con", "prn", "aux", "nul", "com1", "lpt1":
		name = "article-" + name
	}
	base := name
	for n := 2; used[name]; n++ {
		name = fmt.Sprintf("%s-%d", base, n)
	}
	used[name] = true
	return name
}

// foldASCII replaces common accented Latin letters by their base letter.
func foldASCII(s string) string {
	return strings.NewReplacer("à", "a", "á", "a", "â", "a", "ä", "a", "ã", "a", "å", "a",
		"ç", "c", "è", "e", "é", "e", "ê", "e", "ë", "e", "ì", "i", "í", "i", "î", "i", "ï", "i",
		"ñ", "n", "ò", "o", "ó", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "ù", "u", "ú", "u",
		"û", "u", "ü", "u", "ý", "y", "ß", "ss", "æ", "ae", "œ", "oe").Replace(strings.ToLower(s))
}

// A reporter follows a batch: progress bar or failure lines on stderr,
// the --report file, and the summary.
type reporter struct {
	stderr                   io.Writer
	bar                      *progressbar.ProgressBar
	report                   *os.File
	reportPath               string
	pending                  map[int]batchResult
	next                     int
	done, failed, skipped    int
	articles, total, warning int
	failures                 []string
	quiet                    bool
}

func newReporter(opts convertOptions, stderr io.Writer, total int) (*reporter, error) {
	r := &reporter{stderr: stderr, pending: map[int]batchResult{}, total: total, quiet: opts.Quiet}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) && !opts.Quiet {
		r.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("converting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	if opts.Report != "" {
		r.reportPath = opts.Report
		dir := filepath.Dir(opts.Report)
		f, err := os.CreateTemp(dir, tempPattern(filepath.Base(opts.Report)))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", opts.Report, unwrapPath(err))
		}
		r.report = f
	}
	return r, nil
}

// add records one result; report lines are written in input order.
func (r *reporter) add(res batchResult) {
	switch res.Status {
	case "failed":
		r.failed++
		if r.bar != nil {
			r.failures = append(r.failures, res.Error)
			r.bar.Describe(fmt.Sprintf("converting (%d failed)", r.failed))
		} else {
			fmt.Fprintf(r.stderr, "newsclip: %s\n", res.Error)
		}
	case "skipped":
		r.skipped++
	default:
		r.done++
		r.articles += res.Articles
		r.warning += len(res.Warnings)
		if r.bar == nil && !r.quiet {
			for _, w := range res.Warnings {
				fmt.Fprintf(r.stderr, "newsclip: %s: warning: %s\n", res.Path, w)
			}
		}
	}
	if r.bar != nil {
		r.bar.Add(1)
	}
	r.pending[res.index] = res
	for {
		p, ok := r.pending[r.next]
		if !ok {
			break
		}
		delete(r.pending, r.next)
		r.next++
		if r.report != nil {
			line, _ := json.Marshal(p)
			r.report.Write(append(line, '\n'))
		}
	}
}

func (r *reporter) finish(elapsed time.Duration, interrupted bool) error {
	if r.bar != nil {
		r.bar.Finish()
		for _, f := range r.failures {
			fmt.Fprintf(r.stderr, "newsclip: %s\n", f)
		}
	}
	state := ""
	if interrupted {
		state = " (interrupted)"
	}
	fmt.Fprintf(r.stderr, "newsclip: %d inputs: %d converted (%d articles), %d skipped, %d failed in %.1fs%s\n",
		r.total, r.done, r.articles, r.skipped, r.failed, elapsed.Seconds(), state)
	if r.report == nil {
		return nil
	}
	// After an interruption some results wait behind a missing one.
	rest := make([]int, 0, len(r.pending))
	for i := range r.pending {
		rest = append(rest, i)
	}
	sort.Ints(rest)
	for _, i := range rest {
		line, _ := json.Marshal(r.pending[i])
		r.report.Write(append(line, '\n'))
	}
	name := r.report.Name()
	if err := r.report.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("%s: %v", r.reportPath, err)
	}
	if err := os.Rename(name, r.reportPath); err != nil {
		os.Remove(name)
		return fmt.Errorf("%s: %v", r.reportPath, unwrapPath(err))
	}
	return nil
}
